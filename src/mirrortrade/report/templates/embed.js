/* Render every Vega-Lite spec on the page: <script type="application/json" class="vl-spec" data-target="ID">. */
(function () {
  function renderAll() {
    var specs = document.querySelectorAll("script.vl-spec");
    specs.forEach(function (el) {
      var target = document.getElementById(el.getAttribute("data-target"));
      if (!target || target.getAttribute("data-rendered")) { return; }
      var spec;
      try { spec = JSON.parse(el.textContent); } catch (e) { target.textContent = "chart spec unreadable: " + e; return; }
      window.vegaEmbed(target, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } })
        .then(function () { target.setAttribute("data-rendered", "1"); })
        .catch(function (e) { target.setAttribute("data-rendered", "error"); target.textContent = "chart failed: " + e; });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", renderAll); } else { renderAll(); }
})();
