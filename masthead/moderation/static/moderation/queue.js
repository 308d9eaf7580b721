// The moderation queue's keyboard: j/k move, a approve, r reject, b ban the author, x select for bulk actions.
// Each action POSTs to the same endpoint the row's plain form uses, asks for JSON, and removes the row.
(function () {
  "use strict";
  var list = document.querySelector(".mq__list");
  if (!list) return;
  var status = document.querySelector(".mq__status");

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return match ? decodeURIComponent(match[1]) : (field ? field.value : "");
  }
  function items() { return Array.prototype.slice.call(list.querySelectorAll(".mq__item")); }
  function current() { return list.querySelector(".mq__item.is-current"); }
  function select(item) {
    var old = current();
    if (old) old.classList.remove("is-current");
    if (!item) return;
    item.classList.add("is-current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }
  function move(step) {
    var all = items();
    var index = all.indexOf(current());
    var next = all[Math.min(all.length - 1, Math.max(0, index + step))];
    select(next);
  }
  function say(text) { if (status) status.textContent = text; }

  function post(url, data, item, done) {
    var body = new URLSearchParams(data);
    body.append("tab", document.querySelector(".mq").dataset.tab || "pending");
    fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (!result.ok) { say(result.json.error || "Refused."); return; }
      var all = items();
      var next = all[all.indexOf(item) + 1] || all[all.indexOf(item) - 1];
      item.remove();
      select(next);
      say(items().length ? done : done + " Nothing else waiting on this page.");
    }).catch(function () { say("Network error: nothing changed."); });
  }

  list.addEventListener("click", function (event) {
    var item = event.target.closest(".mq__item");
    if (item && !event.target.closest("button, a, input")) select(item);
  });
  list.addEventListener("submit", function (event) {
    var form = event.target;
    var item = form.closest(".mq__item");
    if (!item) return;
    event.preventDefault();
    var button = event.submitter;
    if (form.action.indexOf("/ban") !== -1) post(item.dataset.ban, {}, item, "Author banned, comment rejected.");
    else if (button && button.value === "approve") post(item.dataset.decide, { action: "approve" }, item, "Approved.");
    else post(item.dataset.decide, { action: "reject" }, item, "Rejected.");
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input[type=text], textarea, select")) return;
    var item = current();
    switch (event.key) {
      case "j": move(item ? 1 : 0); if (!item) select(items()[0]); break;
      case "k": move(-1); break;
      case "a": if (item) post(item.dataset.decide, { action: "approve" }, item, "Approved."); break;
      case "r": if (item) post(item.dataset.decide, { action: "reject" }, item, "Rejected."); break;
      case "b": if (item && item.querySelector(".mq__ban")) post(item.dataset.ban, {}, item, "Author banned, comment rejected."); break;
      case "x": if (item) { var box = item.querySelector("input[type=checkbox]"); box.checked = !box.checked; } break;
      default: return;
    }
    event.preventDefault();
  });
  select(items()[0]);
})();
