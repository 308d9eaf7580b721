// Live funding bar: listens to the campaign's server-sent events and updates the figures in place.
// The server sends formatted strings, so no currency formatting happens here. A payload with a lower version
// than the one shown is ignored, so events that arrive out of order never move the bar backwards.
(function () {
  "use strict";
  function connect(bar) {
    if (!window.EventSource || bar.dataset.fundingConnected) return;
    bar.dataset.fundingConnected = "1";
    var source = new EventSource(bar.dataset.fundingLive);
    source.addEventListener("totals", function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (e) { return; }
      bar.dataset.fundingMessages = String(parseInt(bar.dataset.fundingMessages || "0", 10) + 1);
      var shown = parseInt(bar.dataset.version || "0", 10);
      if (data.version < shown) return;
      bar.dataset.version = String(data.version);
      var track = bar.querySelector("[data-funding-track]");
      track.setAttribute("aria-valuenow", String(data.raised));
      track.setAttribute("aria-valuemax", String(data.goal));
      track.setAttribute("aria-valuetext", data.text);
      // An SVG rect's width attribute (the bar draws no inline style; core/csp.py allows none).
      bar.querySelector("[data-funding-fill]").setAttribute("width", data.fill + "%");
      bar.querySelector("[data-funding-raised]").textContent = data.raised_display;
      bar.querySelector("[data-funding-share]").textContent = data.share + "%";
      bar.querySelector("[data-funding-supporters]").textContent = String(data.supporters);
      bar.querySelector("[data-funding-plural]").textContent = data.supporters === 1 ? "" : "s";
    });
  }
  function start() {
    document.querySelectorAll("[data-funding-live]").forEach(connect);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
