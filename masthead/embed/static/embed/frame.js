/* Inside the embed frame (a Masthead page framed by an allowed site; docs/embed.md). Runs before the discussion
   and funding scripts, which it reuses unchanged:
   - the reader is this frame's signed token, sent in a header on our own requests instead of cookies (browsers
     that block third-party cookies send none here); edit tokens come back in a header and are kept in memory;
   - the host's colours and font (validated on the server, checked again here) become CSS custom properties;
   - the frame's height goes to the host page by postMessage, to the host's origin only;
   - links and plain forms open outside the frame (Report, Notify of); "Sign in" opens a Masthead window that hands back an account token. */
(function () {
  "use strict";
  var body = document.body;
  var token = body.dataset.frameToken || "";
  var parentOrigin = body.dataset.parentOrigin || "";
  var edit = "";

  var props = {};
  try { props = JSON.parse(body.dataset.properties || "{}"); } catch (e) { props = {}; }
  var safe = /^(#[0-9a-fA-F]{3,8}|rgba?\([0-9., ]+\)|[A-Za-z0-9 ,'"-]{1,120})$/;
  Object.keys(props).forEach(function (name) {
    if (/^--[a-z]+$/.test(name) && typeof props[name] === "string" && safe.test(props[name])) {
      document.documentElement.style.setProperty(name, props[name]);
    }
  });

  var plainFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" ? input : input.url, location.href);
    if (url.origin !== location.origin) return plainFetch(input, init);
    init = init || {};
    var headers = new Headers(init.headers || {});
    headers.set("X-Masthead-Frame", token);
    if (edit) headers.set("X-Masthead-Edit", edit);
    init.headers = headers;
    return plainFetch(input, init).then(function (response) {
      var issued = response.headers.get("X-Masthead-Edit");
      if (issued) edit = issued;
      return response;
    });
  };

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented) return;
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.getAttribute("href").charAt(0) === "#") return;
    event.preventDefault();
    window.open(link.href, "_blank", "noopener");
  });

  // A form no script handles (Notify of) answers with a Masthead page that may not be framed: submit it to a
  // window of its own, a first-party context (its request is still same-origin: it leaves from this frame).
  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) event.target.target = "_blank";
  });

  var signin = document.querySelector(".embed-signin");
  var popup = null;
  if (signin) {
    signin.addEventListener("click", function () {
      // No window name: another page could otherwise find this window by its name and navigate it.
      popup = window.open(body.dataset.signin, "_blank", "popup,width=520,height=680");
    });
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== location.origin || !popup || event.source !== popup) return;
    if (!data || data.masthead !== "signed-in" || typeof data.token !== "string") return;
    token = data.token;
    signin.hidden = true;
    document.querySelector(".embed-signed-in").hidden = false;
    var identity = document.querySelector(".comment-form-identity");
    if (identity) identity.hidden = true;
  });

  function report() {
    if (!parentOrigin || window.parent === window) return;
    // The content's own height (scrollHeight never goes below the frame's, so the frame could not shrink).
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ masthead: "height", height: height }, parentOrigin);
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(body);
  window.addEventListener("load", report);
  report();
})();
