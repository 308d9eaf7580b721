/* Masthead embed loader (docs/embed.md): a Masthead discussion and funding bar on this page, in an iframe
   served by Masthead, and comment counts on [data-masthead-count] links. Loads nothing until the thread
   nears the viewport; no cookies, no tracking. Budget: 4 KB unminified (embed/tests/test_loader_budget.py). */
(function () {
  "use strict";
  var me = document.currentScript || document.querySelector("script[src$='/embed.js']");
  if (!me || !window.fetch || !window.URLSearchParams) return;
  var base = new URL(me.src, location.href).origin, origin = location.origin, told = false, checked = null;
  var KEYS = ["accent", "link", "text", "background", "font"];

  function refused() {
    if (told) return;
    told = true;
    console.error("Masthead: " + origin + " is not allowed to embed from " + base + ". Ask its staff to add " +
      origin + " to EMBED_ALLOWED_ORIGINS or to Admin > Embed > Allowed origins.");
  }

  function get(path) {
    return fetch(base + path, { credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function check() {
    if (!checked) checked = get("/embed/check").then(function () { return true; }, function () { refused(); return false; });
    return checked;
  }

  function pageUrl(el) {
    var link = document.querySelector("link[rel=canonical]");
    return el.getAttribute("data-masthead-url") || (link && link.href) || location.href.split("#")[0];
  }

  function setting(el, key) {
    return el.getAttribute("data-masthead-" + key) || getComputedStyle(el).getPropertyValue("--masthead-" + key).trim();
  }

  function theme(el) {
    var chosen = setting(el, "theme");
    if (chosen === "light" || chosen === "dark") return chosen;
    return window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function show(el) {
    check().then(function (ok) {
      if (!ok) return;
      var q = new URLSearchParams({ url: pageUrl(el), title: el.getAttribute("data-masthead-title") || document.title,
        origin: origin, theme: theme(el) });
      if (el.hasAttribute("data-masthead-funding")) q.set("funding", "1");
      KEYS.forEach(function (key) { var value = setting(el, key); if (value) q.set(key, value); });
      var frame = document.createElement("iframe");
      frame.src = base + "/embed/frame/?" + q;
      frame.title = "Discussion";
      frame.style.width = "100%";
      frame.style.border = "0";
      frame.style.height = "640px";
      window.addEventListener("message", function (event) {
        if (event.origin !== base || event.source !== frame.contentWindow) return;
        var data = event.data;
        if (!data || data.masthead !== "height") return;
        var height = Number(data.height);
        if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + "px";
      });
      el.appendChild(frame);
    });
  }

  document.querySelectorAll("[data-masthead-thread]").forEach(function (el) {
    if (!window.IntersectionObserver) return show(el);
    var watch = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      watch.disconnect();
      show(el);
    }, { rootMargin: "800px 0px" });
    watch.observe(el);
  });

  var links = document.querySelectorAll("[data-masthead-count]");
  if (links.length) {
    var urls = [];
    links.forEach(function (link) { urls.push(link.getAttribute("data-masthead-count") || link.href); });
    var q = new URLSearchParams();
    urls.slice(0, 50).forEach(function (url) { q.append("url", url); });
    get("/embed/counts?" + q).then(function (data) {
      links.forEach(function (link, i) {
        var n = data.counts[urls[i]];
        if (typeof n === "number") link.textContent = n + (n === 1 ? " comment" : " comments");
      });
    }, refused);
  }
})();
