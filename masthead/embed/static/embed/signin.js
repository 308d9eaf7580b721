/* The sign-in window the embed frame opens: once signed in, hand the frame its account token. The message goes
   to Masthead's own origin only, so a page that opened this window itself receives nothing. */
(function () {
  "use strict";
  var box = document.querySelector("[data-frame-token]");
  if (!box || !window.opener) return;
  window.opener.postMessage({ masthead: "signed-in", token: box.dataset.frameToken }, location.origin);
})();
