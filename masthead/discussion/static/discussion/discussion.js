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

  function list() { return pageBox.querySelector(".comment-list"); }

  function setCount(delta) {
    var count = section.querySelector(".comment-count");
    if (count) count.textContent = String(Math.max(0, parseInt(count.textContent, 10) + delta));
  }

  /* Insert a comment rendered by the server, where it belongs in the tree (as last edited). */
  function place(data) {
    var placed = insert(data);
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

  function resetForm() {
    form.reset();
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
      }).catch(function (error) { say(error.message, true); });
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
        if (doomed.classList.contains("comment--removed")) return;  // the live event was faster
        tombstone(doomed, true);
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
    editor.className = "comment-edit-form";
    var area = document.createElement("textarea");
    area.name = "body"; area.rows = 4; area.maxLength = 5000; area.value = body.innerText.trim();
    var save = document.createElement("button");
    save.type = "submit"; save.textContent = "Save";
    editor.appendChild(area); editor.appendChild(save);
    body.hidden = true;
    body.insertAdjacentElement("afterend", editor);
    area.focus();
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
      tombstone(article, data.deleted);
      setCount(-1);
    });
  }

  if (form) form.querySelector("input[name=idempotency_key]").value = newKey();
  section.classList.add("is-enhanced");
  decorate(section);
})();
