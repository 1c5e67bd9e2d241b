// Draws every figure's Vega-Lite specification (inlined as JSON beside its chart) with Vega-Embed as an
// interactive SVG chart; hovering a bar or point shows its published value. Each figure has two layouts,
// "breed" and "smal"; the one that fits the chart's container (720 px or more: "breed") is drawn, and drawn
// again when the container crosses that width. Nothing is loaded from the network. Until a chart is drawn,
// and without JavaScript, the static SVG of the same chart is shown.
(function () {
  if (typeof window.vegaEmbed !== "function") { return; }
  var WIDE = 720;
  var options = {
    renderer: "svg",
    actions: false,
    mode: "vega-lite",
    tooltip: { theme: "dark" }
  };
  function layoutFor(chart) {
    return chart.clientWidth >= WIDE ? "breed" : "smal";
  }
  function draw(figure, chart, target) {
    var layout = layoutFor(chart);
    if (target.getAttribute("data-layout") === layout) { return; }
    var source = figure.querySelector('script.vl-spec[data-layout="' + layout + '"]');
    if (!source) { return; }
    var spec;
    try {
      spec = JSON.parse(source.textContent);
    } catch (err) {
      return;
    }
    target.setAttribute("data-layout", layout);
    window.vegaEmbed(target, spec, options).then(function (result) {
      var svg = target.querySelector("svg");
      if (svg) {  // the figure's container is the image; its caption, description and table tell the values
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
      }
      chart.classList.add("interactief");
      return result;
    }).catch(function (err) {
      target.removeAttribute("data-layout");
      if (window.console) { window.console.warn("grafiek niet getekend: " + figure.id, err); }
    });
  }
  var charts = [];
  document.querySelectorAll("figure.figuur").forEach(function (figure) {
    var chart = figure.querySelector(".grafiek");
    var target = chart && chart.querySelector(".grafiek-interactief");
    if (!target) { return; }
    charts.push([figure, chart, target]);
    draw(figure, chart, target);
  });
  if (typeof window.ResizeObserver === "function") {
    var observer = new window.ResizeObserver(function () {
      charts.forEach(function (c) { draw(c[0], c[1], c[2]); });
    });
    charts.forEach(function (c) { observer.observe(c[1]); });
  }
})();
