// Draws every figure's Vega-Lite specification (inlined as JSON beside its chart) with Vega-Embed as an
// interactive SVG chart; hovering a bar or point shows its published value. Nothing is loaded from the
// network. Until a chart is drawn, and without JavaScript, the static SVG of the same chart is shown.
(function () {
  if (typeof window.vegaEmbed !== "function") { return; }
  var options = {
    renderer: "svg",
    actions: false,
    mode: "vega-lite",
    tooltip: { theme: "dark" }
  };
  document.querySelectorAll("figure.figuur").forEach(function (figure) {
    var chart = figure.querySelector(".grafiek");
    var target = chart && chart.querySelector(".grafiek-interactief");
    var source = figure.querySelector('script.vl-spec[type="application/json"]');
    if (!target || !source) { return; }
    var spec;
    try {
      spec = JSON.parse(source.textContent);
    } catch (err) {
      return;
    }
    window.vegaEmbed(target, spec, options).then(function () {
      chart.classList.add("interactief");
    }).catch(function (err) {
      if (window.console) { window.console.warn("grafiek niet getekend: " + figure.id, err); }
    });
  });
})();
