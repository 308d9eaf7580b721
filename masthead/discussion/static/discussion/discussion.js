/* Masthead discussion: enhances the server-rendered section (which works without this script).
   Posting, replying (with a quote), voting, sorting, loading more, editing and deleting happen in place;
   new comments from other readers arrive over server-sent events and wait behind an "N new comments" button,
   so nothing moves under the reader. Only HTML rendered by our own server templates is inserted as HTML. */
(function () {
  "use strict";
  var section = document.getElementById("comments");
  if (!section || !window.fetch) return;

  var api = section.dataset.api;
  var form = document.getElementById("respond");
  var formHome = form ? form.parentNode : null;
  var formNext = form ? form.nextSibling : null;
  var pageBox = section.querySelector(".comment-page");
  var newBox = section.querySelector(".discussion-new");
  var newButton = newBox ? newBox.querySelector(".show-new") : null;
  var mine = (section.dataset.mine || "").split(",").filter(Boolean);
  var myVotes = {};
  try { myVotes = JSON.parse(section.dataset.votes || "{}"); } catch (e) { myVotes = {}; }
  var waiting = [];
  var edits = {};  // edits announced for comments still waiting behind the button

  // Optional: browsers pass the CSRF check on Sec-Fetch-Site (shared pages carry no token); sent when known.
  function csrf() {
    var input = section.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return String(Date.now()) + Math.random().toString(36).slice(2);
  }

  function request(method, path, body) {
    return fetch(api + path, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(), "Accept": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var message = typeof data.detail === "string" ? data.detail : "Something went wrong. Please try again.";
          throw new Error(message);
        }
        return data;
      });
    });
  }

  function fromHTML(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function say(text, isError) {
    var box = section.querySelector(".discussion-live-message");
    if (!box) {
      box = document.createElement("p");
      box.className = "discussion-live-message";
      box.setAttribute("role", isError ? "alert" : "status");
      (form || section).insertAdjacentElement(form ? "afterend" : "beforeend", box);
    }
    box.textContent = text;
    box.classList.toggle("is-error", !!isError);
  }

  /* A message about one comment (a refused vote), shown under it where the reader is looking. */
  function note(article, text) {
    var box = article.querySelector(".comment-note");
    if (!box) {
      box = document.createElement("p");
      box.className = "comment-note";
      box.setAttribute("role", "alert");
      var footer = article.querySelector(".comment-actions");
      if (footer) footer.insertAdjacentElement("afterend", box); else article.appendChild(box);
    }
    box.textContent = text;
  }

  function list() { return pageBox.querySelector(".comment-list"); }

  function setCount(delta) {
    var count = section.querySelector(".comment-count");
    if (count) count.textContent = String(Math.max(0, parseInt(count.textContent, 10) + delta));
  }

  /* Insert a comment rendered by the server, where it belongs in the tree (as last edited). */
  function place(data) {
    var placed = insert(data);
    if (placed && data.parent_id) {
      var article = document.getElementById("comment-" + data.id);
      if (article) ancestorsOf(article).forEach(function (parent) { countReplies(parent, 1); });
    }
    if (placed && edits[data.id]) {
      var fresh = fromHTML(edits[data.id]).querySelector(".comment");
      var article = document.getElementById("comment-" + data.id);
      if (fresh && article) article.replaceWith(fresh);
      delete edits[data.id];
    }
    return placed;
  }

  function insert(data) {
    if (document.getElementById("comment-" + data.id)) return false;
    var fragment = fromHTML(data.html);
    var empty = pageBox.querySelector(".comment-empty");
    if (empty) empty.remove();
    if (!data.parent_id) {
      var ol = list();
      if (section.dataset.sort === "newest") ol.insertBefore(fragment, ol.firstChild);
      else ol.appendChild(fragment);
      return true;
    }
    var parent = document.getElementById("comment-" + data.parent_id);
    if (!parent) return false;
    var thread = parent.closest(".comment-thread");
    var replies = thread.querySelector(".comment-replies");
    var li = document.createElement("li");
    li.appendChild(fragment);
    // After the parent's last descendant: the following items deeper than the parent.
    var depth = parseInt(parent.dataset.depth, 10);
    var after = parent.parentNode.tagName === "LI" && parent.parentNode.parentNode === replies ? parent.parentNode : null;
    var cursor = after ? after.nextElementSibling : replies.firstElementChild;
    while (cursor) {
      var article = cursor.querySelector(".comment");
      if (!article || parseInt(article.dataset.depth, 10) <= depth) break;
      cursor = cursor.nextElementSibling;
    }
    replies.insertBefore(li, cursor);
    return true;
  }

  /* Drop announced comments that are already on the page (the reader's own, or loaded with a page). */
  function refreshWaiting() {
    waiting = waiting.filter(function (item) { return !document.getElementById("comment-" + item.id); });
    if (!newBox) return;
    newButton.textContent = waiting.length + (waiting.length === 1 ? " new comment" : " new comments");
    newBox.hidden = waiting.length === 0;
  }

  function decorate(root) {
    refreshWaiting();
    mine.forEach(function (id) {
      var article = root.querySelector ? root.querySelector("#comment-" + id) : null;
      if (!article) article = document.getElementById("comment-" + id);
      if (!article || article.querySelector(".comment-edit")) return;
      var footer = article.querySelector(".comment-actions");
      if (!footer) return;
      var edit = document.createElement("button");
      edit.type = "button"; edit.className = "comment-edit"; edit.textContent = "Edit";
      var del = document.createElement("button");
      del.type = "button"; del.className = "comment-delete"; del.textContent = "Delete";
      footer.appendChild(edit); footer.appendChild(del);
    });
    Object.keys(myVotes).forEach(function (id) { markVote(id, myVotes[id]); });
  }

  function markVote(id, value) {
    var article = document.getElementById("comment-" + id);
    if (!article) return;
    var up = article.querySelector(".vote-up"), down = article.querySelector(".vote-down");
    if (up) up.setAttribute("aria-pressed", value === 1 ? "true" : "false");
    if (down) down.setAttribute("aria-pressed", value === -1 ? "true" : "false");
  }

  /* --- posting and replying --- */

  // A guest's name and website, kept in this browser only (localStorage, never sent anywhere but with a comment),
  // so the next comment does not ask again. The email address is not kept.
  var GUEST_KEY = "masthead.discussion.guest";

  function rememberGuest(payload) {
    if (!payload.author_name) return;
    try {
      localStorage.setItem(GUEST_KEY, JSON.stringify({ name: payload.author_name, website: payload.author_website }));
    } catch (e) { /* storage may be off: nothing to remember */ }
  }

  function fillGuest() {
    if (!form) return;
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(GUEST_KEY) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") return;
    var name = form.querySelector("input[name=author_name]");
    var website = form.querySelector("input[name=author_website]");
    if (name && !name.value && typeof saved.name === "string") name.value = saved.name;
    if (website && !website.value && typeof saved.website === "string") website.value = saved.website;
  }

  function resetForm() {
    form.reset();
    fillGuest();
    form.querySelector("input[name=idempotency_key]").value = newKey();
    form.querySelector("input[name=parent]").value = "";
    form.querySelector(".comment-form-reply").hidden = true;
    var parentCopy = form.querySelector(".comment-form-parent");
    if (parentCopy) parentCopy.remove();
    if (formHome) formHome.insertBefore(form, formNext);
  }

  function startReply(id) {
    var article = document.getElementById("comment-" + id);
    if (!article) return false;
    var selection = window.getSelection ? String(window.getSelection()) : "";
    var body = article.querySelector(".comment-body");
    var quote = "";
    if (selection && body && body.textContent.indexOf(selection.trim()) !== -1) quote = selection.trim();
    form.querySelector("input[name=parent]").value = id;
    form.querySelector(".reply-name").textContent = article.querySelector(".comment-author").textContent;
    form.querySelector(".comment-form-reply").hidden = false;
    form.querySelector("textarea[name=quote]").value = quote;
    article.insertAdjacentElement("afterend", form);
    form.querySelector("textarea[name=body]").focus();
    return true;
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = new FormData(form);
      var payload = {
        body: fields.get("body") || "",
        author_name: fields.get("author_name") || "",
        author_email: fields.get("author_email") || "",
        author_website: fields.get("author_website") || "",
        quote: fields.get("quote") || "",
        idempotency_key: fields.get("idempotency_key") || newKey()
      };
      var parent = fields.get("parent");
      if (parent) payload.parent_id = parseInt(parent, 10);
      var button = form.querySelector(".comment-submit");
      button.disabled = true;
      request("POST", "/threads/" + section.dataset.thread + "/comments", payload).then(function (data) {
        rememberGuest(payload);
        resetForm();
        if (data.status === "visible") {
          mine.push(String(data.id));
          if (place(data)) setCount(1);
          decorate(section);
          var placed = document.getElementById("comment-" + data.id);
          if (placed) placed.scrollIntoView({ block: "nearest" });
          say("Your comment is published.");
        } else {
          say("Thank you. Your comment is waiting for review and will appear once approved.");
        }
      }).catch(function (error) { say(error.message, true); }).then(function () { button.disabled = false; });
    });
    var cancel = form.querySelector(".reply-cancel");
    if (cancel) cancel.addEventListener("click", function (event) { event.preventDefault(); resetForm(); });
  }

  /* --- everything clickable inside the section --- */

  section.addEventListener("click", function (event) {
    var target = event.target.closest("a, button");
    if (!target || !section.contains(target)) return;

    if (target.matches(".comment-reply") && form) {
      if (startReply(target.dataset.reply)) event.preventDefault();
      return;
    }
    if (target.matches(".vote")) {
      event.preventDefault();
      var parts = target.value.split(":");
      var id = parts[0], wanted = parseInt(parts[1], 10);
      var value = myVotes[id] === wanted ? 0 : wanted;
      request("POST", "/comments/" + id + "/vote", { value: value }).then(function (data) {
        var article = document.getElementById("comment-" + id);
        article.querySelector(".comment-score").textContent = String(data.score);
        if (data.my_vote) myVotes[id] = data.my_vote; else delete myVotes[id];
        markVote(id, data.my_vote);
        var old = article.querySelector(".comment-note");
        if (old) old.remove();
      }).catch(function (error) {
        var article = document.getElementById("comment-" + id);
        if (article) note(article, error.message); else say(error.message, true);
      });
      return;
    }
    if (target.matches(".discussion-sort a[data-sort]")) {
      event.preventDefault();
      var sort = target.dataset.sort;
      loadPage(sort, "").then(function (html) {
        if (form && pageBox.contains(form)) resetForm();  // a reply form inside the old list goes home first
        pageBox.innerHTML = "";
        pageBox.appendChild(fromHTML(html));
        section.dataset.sort = sort;
        section.querySelectorAll(".discussion-sort a[data-sort]").forEach(function (link) {
          if (link === target) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
        });
        section.querySelectorAll("input[name=sort]").forEach(function (input) { input.value = sort; });
        if (window.history && history.replaceState) history.replaceState(null, "", "?sort=" + sort + "#comments");
        decorate(section);
      });
      return;
    }
    if (target.matches(".load-more")) {
      event.preventDefault();
      var more = target.closest(".comment-more");
      loadPage(section.dataset.sort, target.dataset.after).then(function (html) {
        var content = fromHTML(html);
        var items = content.querySelector(".comment-list");
        var ol = list();
        Array.prototype.slice.call(items.children).forEach(function (li) {
          var root = li.querySelector(".comment");
          if (root && !document.getElementById(root.id)) ol.appendChild(li);
        });
        var nextMore = content.querySelector(".comment-more");
        if (nextMore) more.replaceWith(nextMore); else more.remove();
        decorate(section);
      });
      return;
    }
    if (target.matches(".show-new")) {
      var added = 0;
      waiting.forEach(function (data) { if (place(data)) added += 1; });
      waiting = [];
      setCount(added);
      newBox.hidden = true;
      decorate(section);
      return;
    }
    if (target.matches(".comment-edit")) { startEdit(target.closest(".comment")); return; }
    if (target.matches(".comment-delete")) {
      var doomed = target.closest(".comment");
      if (!window.confirm("Delete your comment?")) return;
      request("DELETE", "/comments/" + doomed.dataset.id).then(function () {
        if (doomed.classList.contains("comment--removed") || !doomed.isConnected) return;  // the live event was faster
        remove(doomed, true);
        setCount(-1);
      }).catch(function (error) { say(error.message, true); });
    }
  });

  function loadPage(sort, after) {
    var url = section.dataset.fragment + "?sort=" + encodeURIComponent(sort) +
      (after ? "&after=" + encodeURIComponent(after) : "");
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("Could not load comments.");
      return response.text();
    }).catch(function (error) { say(error.message, true); throw error; });
  }

  function startEdit(article) {
    var body = article.querySelector(".comment-body");
    if (!body || article.querySelector(".comment-edit-form")) return;
    var editor = document.createElement("form");
    editor.className = "comment-form comment-edit-form";
    var area = document.createElement("textarea");
    area.name = "body"; area.rows = 4; area.maxLength = 5000; area.value = body.innerText.trim();
    area.setAttribute("aria-label", "Your comment");
    var buttons = document.createElement("p");
    buttons.className = "comment-edit-buttons";
    var save = document.createElement("button");
    save.type = "submit"; save.className = "comment-submit"; save.textContent = "Save";
    var cancel = document.createElement("button");
    cancel.type = "button"; cancel.className = "comment-edit-cancel"; cancel.textContent = "Cancel";
    buttons.appendChild(save); buttons.appendChild(cancel);
    editor.appendChild(area); editor.appendChild(buttons);
    body.hidden = true;
    body.insertAdjacentElement("afterend", editor);
    area.focus();
    function close() { editor.remove(); body.hidden = false; }
    cancel.addEventListener("click", close);
    editor.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    editor.addEventListener("submit", function (event) {
      event.preventDefault();
      request("PUT", "/comments/" + article.dataset.id, { body: area.value }).then(function (data) {
        if (data.status === "visible") {
          var fresh = fromHTML(data.html).querySelector(".comment");
          article.replaceWith(fresh);
          decorate(section);
        } else {
          editor.remove();
          say("Your edited comment is waiting for review.");
        }
      }).catch(function (error) { say(error.message, true); });
    });
  }

  /* --- live: new comments wait behind a button --- */

  var source = null;
  if (window.EventSource && section.dataset.events) {
    source = new EventSource(section.dataset.events);
    source.addEventListener("comment", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (document.getElementById("comment-" + data.id)) return;
      if (waiting.some(function (item) { return item.id === data.id; })) return;
      waiting.push(data);
      refreshWaiting();
    });
  }

  function ancestorsOf(article) {
    var found = [];
    var parentId = article.dataset.parent;
    while (parentId) {
      var parent = document.getElementById("comment-" + parentId);
      if (!parent) break;
      found.push(parent);
      parentId = parent.dataset.parent;
    }
    return found;
  }

  function hasReplies(article) {
    return !!section.querySelector('.comment[data-parent="' + article.dataset.id + '"]');
  }

  /* "N replies" counts every visible reply below a comment. */
  function countReplies(article, delta) {
    var footer = article.querySelector(".comment-actions");
    if (!footer) return;  // a tombstone shows no count
    var count = footer.querySelector(".comment-reply-count");
    var n = Math.max(0, (count ? parseInt(count.textContent, 10) || 0 : 0) + delta);
    if (!n) { if (count) count.remove(); return; }
    if (!count) {
      count = document.createElement("span");
      count.className = "comment-reply-count";
      var flag = footer.querySelector(".comment-flag");
      if (flag) flag.insertAdjacentElement("afterend", count); else footer.appendChild(count);
    }
    count.textContent = n + (n === 1 ? " reply" : " replies");
  }

  /* Take a comment off the page: a tombstone while replies hang below it, otherwise gone, as a reload shows it. */
  function drop(article) {
    var item = article.parentNode.classList.contains("comment-thread") ? article.parentNode : article.closest("li");
    if (form && item && item.contains(form)) resetForm();  // the reply form goes home first
    if (item) item.remove(); else article.remove();
  }

  function remove(article, deleted) {
    var ancestors = ancestorsOf(article);
    ancestors.forEach(function (parent) { countReplies(parent, -1); });
    if (hasReplies(article)) tombstone(article, deleted); else drop(article);
    // A tombstone above with nothing left below goes too (nearest first, so a chain of them unravels).
    ancestors.forEach(function (parent) {
      if (parent.isConnected && parent.classList.contains("comment--removed") && !hasReplies(parent)) drop(parent);
    });
  }

  function tombstone(article, deleted) {
    var gone = document.createElement("p");
    gone.className = "comment-gone";
    gone.textContent = deleted ? "This comment was deleted." : "This comment is not shown.";
    article.replaceChildren(gone);
    article.classList.add("comment--removed");
  }

  if (source) {  // the same stream: edits and removals apply in place at once
    source.addEventListener("edited", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      var article = document.getElementById("comment-" + data.id);
      if (!article) { edits[data.id] = data.html; return; }
      if (article.querySelector(".comment-edit-form")) return;
      var fresh = fromHTML(data.html).querySelector(".comment");
      if (fresh) { article.replaceWith(fresh); decorate(section); }
    });
    source.addEventListener("removed", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      waiting = waiting.filter(function (item) { return item.id !== data.id; });
      refreshWaiting();
      var article = document.getElementById("comment-" + data.id);
      if (!article || article.classList.contains("comment--removed")) return;
      remove(article, data.deleted);
      setCount(-1);
    });
  }

  if (form) form.querySelector("input[name=idempotency_key]").value = newKey();
  fillGuest();
  section.classList.add("is-enhanced");
  decorate(section);
})();
