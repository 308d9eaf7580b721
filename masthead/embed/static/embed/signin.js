/* The sign-in window the embed frame opens: once signed in, hand the frame its account token. The message goes
   to Masthead's own origin only, so a page that opened this window itself receives nothing. A sign-in that went
   through other pages (they cut the link to the frame) ends with a word to press "Sign in" in the frame again:
   the fresh window then finds the reader signed in and answers at once. */
(function () {
  "use strict";
  var box = document.querySelector("[data-frame-token]");
  if (!box) return;
  if (!window.opener) {
    var done = box.querySelector(".embed-signin-done");
    if (done) done.textContent = "You are signed in. Close this window and press \u201cSign in\u201d in the discussion again.";
    return;
  }
  window.opener.postMessage({ masthead: "signed-in", token: box.dataset.frameToken }, location.origin);
})();
