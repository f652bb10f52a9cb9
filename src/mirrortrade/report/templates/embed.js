/* Render every Vega-Lite spec on the page: JSON script elements of class vl-spec, each naming its target div. */
(function () {
  function renderAll() {
    var specs = document.querySelectorAll("script.vl-spec");
    specs.forEach(function (el) {
      var target = document.getElementById(el.getAttribute("data-target"));
      if (!target || target.getAttribute("data-rendered")) { return; }
      var spec;
      try { spec = JSON.parse(el.textContent); } catch (e) { target.textContent = "chart spec unreadable: " + e; return; }
      window.vegaEmbed(target, spec, { actions: false, renderer: "svg", tooltip: { theme: "light" } })
        .then(function (res) {
          target.setAttribute("data-rendered", "1");
          /* a click on a point names its figure: provenance popover on the dashboard, the figure table in a report */
          res.view.addEventListener("click", function (ev, item) {
            var fid = item && item.datum && (item.datum.figure_id || item.datum.gdp_figure_id);
            if (!fid) { return; }
            if (window.mirrortradeShowFigure) { window.mirrortradeShowFigure(fid, ev.clientX, ev.clientY); }
            else if (document.getElementById("fig-" + fid)) { window.location.hash = "fig-" + fid; }
          });
        })
        .catch(function (e) { target.setAttribute("data-rendered", "error"); target.textContent = "chart failed: " + e; });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", renderAll); } else { renderAll(); }
})();
