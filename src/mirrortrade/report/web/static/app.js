/* mirrortrade dashboard: figure provenance on hover/click, pair navigation. No inline scripts (CSP). */
(function () {
  "use strict";
  var box = document.getElementById("provenance");
  var cache = {};
  var hoverTimer = null;

  function row(dl, key, value) {
    if (value === null || value === undefined || value === "") { return; }
    var dt = document.createElement("dt"); dt.textContent = key;
    var dd = document.createElement("dd"); dd.textContent = String(value);
    dl.appendChild(dt); dl.appendChild(dd);
  }

  function render(fig, x, y) {
    box.textContent = "";
    var h = document.createElement("div");
    h.style.fontWeight = "600";
    h.textContent = (fig.what || "") + ", " + (fig.period || "") + ": " + (fig.value_text || "");
    box.appendChild(h);
    var dl = document.createElement("dl");
    var c = fig.citation || {};
    row(dl, "figure", fig.figure_id);
    row(dl, "source", fig.source_id + (fig.source_name ? " — " + fig.source_name : ""));
    row(dl, "publisher", c.publisher);
    row(dl, "title", c.title);
    row(dl, "published", c.date);
    row(dl, "url", c.url);
    row(dl, "quote", c.quote);
    row(dl, "vintage", fig.vintage);
    row(dl, "note", fig.note);
    box.appendChild(dl);
    var more = document.createElement("a");
    more.href = "/figures/" + encodeURIComponent(fig.figure_id);
    more.textContent = "figure page";
    box.appendChild(more);
    box.style.left = Math.max(8, Math.min(x, window.innerWidth - 480) + window.scrollX) + "px";
    box.style.top = (y + window.scrollY + 14) + "px";
    box.style.display = "block";
    box.setAttribute("data-figure-id", fig.figure_id);
  }

  function show(fid, x, y) {
    if (!/^[0-9a-f]{16}$/.test(fid)) { return; }
    if (cache[fid]) { render(cache[fid], x, y); return; }
    fetch("/api/v1/figures/" + fid, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.ok) { cache[fid] = j.figure; render(j.figure, x, y); }
        else { box.textContent = j.error; box.style.display = "block"; }
      })
      .catch(function (e) { box.textContent = "could not load the figure: " + e; box.style.display = "block"; });
  }
  window.mirrortradeShowFigure = show;

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.fig[data-figure-id]") : null;
    if (a) {
      ev.preventDefault();
      var r = a.getBoundingClientRect();
      show(a.getAttribute("data-figure-id"), r.left, r.bottom - 10);
      return;
    }
    if (box && !box.contains(ev.target)) { box.style.display = "none"; }
  });
  document.addEventListener("mouseover", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.fig[data-figure-id]") : null;
    if (!a) { return; }
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () {
      var r = a.getBoundingClientRect();
      show(a.getAttribute("data-figure-id"), r.left, r.bottom - 10);
    }, 350);
  });
  document.addEventListener("mouseout", function (ev) {
    if (ev.target.closest && ev.target.closest("a.fig")) { clearTimeout(hoverTimer); }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && box) { box.style.display = "none"; } });
  document.querySelectorAll("select[data-nav]").forEach(function (s) {
    s.addEventListener("change", function () { if (s.value) { window.location.href = s.value; } });
  });
})();
