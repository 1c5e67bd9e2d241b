// Shows the published value of a bar or point on hover or keyboard focus of its chart.
// The value comes from the mark's label in the inlined SVG; no data is computed here.
(function () {
  var tip = document.getElementById("tip");
  if (!tip) { return; }
  function marks(root) {
    return root.querySelectorAll('[role="graphics-symbol"][aria-label]:not([aria-roledescription="line mark"])');
  }
  function show(text, x, y) {
    tip.textContent = text;
    tip.hidden = false;
    tip.style.left = (x + 12) + "px";
    tip.style.top = (y + 12) + "px";
  }
  function hide() { tip.hidden = true; }
  document.querySelectorAll(".grafiek").forEach(function (chart) {
    marks(chart).forEach(function (m) {
      m.addEventListener("mouseenter", function (ev) { show(m.getAttribute("aria-label"), ev.pageX, ev.pageY); });
      m.addEventListener("mousemove", function (ev) { show(m.getAttribute("aria-label"), ev.pageX, ev.pageY); });
      m.addEventListener("mouseleave", hide);
    });
    chart.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
})();
