/* Masthead passages: comment on a passage of the article, see marked passages and their comments.

   The server anchors passages in the article's canonical plain text (publishing's body_text). This script
   rebuilds that text from the DOM of #article-body with the same rules (docs/passages.md, "Canonical text in
   the DOM") and keeps, for every character, the text node and offset it came from; offsets are counted in code
   points, like Python. Highlights are <mark> elements wrapped around text-node pieces; they are inline, so the
   canonical text of the body does not change.

   Three ways to pick a passage: select with the mouse or by touch (a "Comment on this passage" button
   appears), or the keyboard/single-pointer path (WCAG 2.2 2.5.7): "Comment on a passage" selects a sentence
   that the arrow keys (or the toolbar's buttons) move, extend and shrink, and Enter opens the form.
   Only text is inserted with textContent; only HTML rendered by our own server templates is inserted as HTML. */
(function () {
  "use strict";
  if (window.mastheadPassages) return;
  var exported = window.mastheadPassages = {};  // canonicalText() is read by the tests

  var BLOCKS = {};
  ("p h1 h2 h3 h4 h5 h6 li pre blockquote figcaption td th tr ul ol table figure hr div").split(" ")
    .forEach(function (t) { BLOCKS[t] = true; });
  // Python's str.isspace(), which the server's \s follows.
  var SPACE = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
  var CONTEXT = 32;

  var body = document.getElementById("article-body");
  var dataNode = document.getElementById("passage-data");
  var data = null;
  try { data = dataNode ? JSON.parse(dataNode.textContent) : null; } catch (e) { data = null; }

  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function request(method, url, payload) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf(), "Accept": "application/json" },
      body: payload === undefined ? undefined : JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw new Error(typeof json.detail === "string" ? json.detail : "Something went wrong. Please try again.");
        }
        return json;
      });
    });
  }

  function fromHTML(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return String(Date.now()) + Math.random().toString(36).slice(2);
  }

  /* ---- the "Inline feedback" filter (works wherever the discussion is, even without marks) ---- */

  function setUpFilter() {
    var link = document.querySelector(".passage-filter");
    var section = document.getElementById("comments");
    if (!link || !section || link.dataset.ready) return;
    link.dataset.ready = "1";
    var pageBox = section.querySelector(".comment-page");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var box = document.getElementById("inline-feedback");
      var on = link.getAttribute("aria-pressed") !== "true";
      link.setAttribute("aria-pressed", on ? "true" : "false");
      if (!on) {
        if (box) box.hidden = true;
        if (pageBox) pageBox.hidden = false;
        return;
      }
      request("GET", link.dataset.feedback).then(function (json) {
        if (box) box.remove();
        var fresh = fromHTML(json.html).firstElementChild;
        fresh.hidden = false;
        if (pageBox) { pageBox.parentNode.insertBefore(fresh, pageBox); pageBox.hidden = true; }
        else section.appendChild(fresh);
        fresh.querySelectorAll(".passage-quote-link").forEach(function (a) {
          a.addEventListener("click", function (e) {
            var mark = body && body.querySelector('mark[data-anchor="' + a.dataset.anchor + '"]');
            if (mark) { e.preventDefault(); openPassage(a.dataset.anchor, mark); }
          });
        });
      }).catch(function (error) { link.setAttribute("aria-pressed", "false"); window.alert(error.message); });
    });
  }

  setUpFilter();
  if (!body || !data || !window.fetch) return;

  /* ---- canonical text of #article-body, with where each character came from ---- */

  function buildText() {
    var chars = [];      // canonical code points
    var where = [];      // [node, utf16Offset] per code point, or null for block separators
    var block = [], blockWhere = [], pending = null;

    function flush() {
      if (!block.length) { pending = null; return; }
      var raw = block.join("");
      var normal = raw.normalize("NFC");
      var places = blockWhere;
      if (normal !== raw) {  // rare: text not already NFC; map each composed character to its first source
        places = [];
        var cps = Array.from(raw), done = 0;
        Array.from(normal).forEach(function (_, i) {
          while (done < cps.length && Array.from(cps.slice(0, done + 1).join("").normalize("NFC")).length <= i) done++;
          places.push(blockWhere[Math.min(done, blockWhere.length - 1)]);
        });
      }
      if (chars.length) { chars.push("\n", "\n"); where.push(null, null); }
      Array.from(normal).forEach(function (c, i) { chars.push(c); where.push(places[i]); });
      block = []; blockWhere = []; pending = null;
    }

    function space(node, offset) {
      if (block.length && !pending) pending = [node, offset];
    }

    function walk(node) {
      if (node.nodeType === 3) {
        var text = node.data, offset = 0;
        for (var c of text) {
          if (SPACE.test(c)) space(node, offset);
          else {
            if (pending) { block.push(" "); blockWhere.push(pending); pending = null; }
            block.push(c); blockWhere.push([node, offset]);
          }
          offset += c.length;
        }
        return;
      }
      if (node.nodeType !== 1) return;
      var tag = node.localName;
      if (tag === "br") { space(node, 0); return; }
      if (BLOCKS[tag]) flush();
      for (var child = node.firstChild; child; child = child.nextSibling) walk(child);
      if (BLOCKS[tag]) flush();
    }

    walk(body);
    flush();
    return { text: chars, where: where };
  }

  function check(chars) {  // 32-bit FNV-1a over code points, as anchoring.text_check computes it
    var value = 0x811c9dc5;
    for (var i = 0; i < chars.length; i++) value = Math.imul(value ^ chars[i].codePointAt(0), 0x01000193) >>> 0;
    return value;
  }

  var canon = buildText();
  exported.canonicalText = function () { return buildText().text.join(""); };
  var usable = canon.text.length === data.text_length && check(canon.text) === data.text_check;
  if (!usable && window.console) console.warn("passages: the article text in the page differs from the server's");

  function slice(start, end) { return canon.text.slice(start, end).join(""); }

  /* ---- highlights ---- */

  function clearMarks() {
    body.querySelectorAll("mark.passage-mark").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
  }

  function splitAt(index) {
    // Make `index` (a code point of the canonical text) the start of a text node.
    var place = canon.where[index];
    if (!place || place[0].nodeType !== 3 || place[1] === 0) return;
    place[0].splitText(place[1]);
  }

  function paint() {
    clearMarks();
    canon = buildText();
    var passages = (data.passages || []).filter(function (p) {
      return p.end <= canon.text.length && slice(p.start, p.end) === p.quote;
    });
    if (!passages.length) return;
    var edges = {};
    passages.forEach(function (p) { edges[p.start] = true; edges[p.end] = true; });
    Object.keys(edges).map(Number).sort(function (a, b) { return b - a; }).forEach(function (i) {
      if (i < canon.text.length) splitAt(i);
    });
    canon = buildText();
    // Each text node inside a passage gets one <mark>; overlapping passages share it (data-anchors lists all).
    var covering = new Map();
    passages.forEach(function (p) {
      for (var i = p.start; i < p.end; i++) {
        var place = canon.where[i];
        if (!place || place[0].nodeType !== 3) continue;
        var list = covering.get(place[0]);
        if (!list) { list = []; covering.set(place[0], list); }
        if (list.indexOf(p) < 0) list.push(p);
      }
    });
    var firstMark = {}, lastMark = {};
    covering.forEach(function (list, node) {
      var mark = el("mark", "passage-mark");
      mark.dataset.anchor = list[0].id;
      mark.dataset.anchors = list.map(function (p) { return p.id; }).join(" ");
      node.parentNode.insertBefore(mark, node);
      mark.appendChild(node);
      list.forEach(function (p) {
        if (!firstMark[p.id]) firstMark[p.id] = mark;
        lastMark[p.id] = mark;
      });
    });
    passages.forEach(function (p) {
      var first = firstMark[p.id], last = lastMark[p.id];
      if (!first) return;
      first.id = "passage-" + p.id;
      first.tabIndex = 0;
      first.setAttribute("role", "button");
      var what = p.count ? p.count + " comment" + (p.count === 1 ? "" : "s") : "a question from the editors";
      // The name starts with the words the mark shows (WCAG 2.5.3, label in name), then says what it holds.
      first.setAttribute("aria-label", first.textContent.trim() + " (passage with " + what + ")");
      first.dataset.anchor = p.id;
      last.classList.add("passage-mark--end");
      last.dataset.count = p.count ? String(p.count) : "?";
      if (p.question) first.classList.add("passage-mark--question");
      if (p.changed) first.classList.add("passage-mark--changed");
    });
  }

  body.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.passage-mark");
    if (!mark || hasSelection()) return;
    openPassage(mark.dataset.anchor, mark);
  });
  body.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark.passage-mark");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openPassage(mark.dataset.anchor, mark);
    }
  });

  /* ---- the panel: a passage's comments, and the form ---- */

  var panel = el("aside", "passage-panel");
  panel.id = "passage-panel";
  panel.setAttribute("aria-labelledby", "passage-panel-title");
  panel.hidden = true;
  body.parentNode.insertBefore(panel, body.nextSibling);
  var returnFocus = null;

  function closePanel() {
    panel.hidden = true;
    panel.textContent = "";
    if (returnFocus && returnFocus.focus) returnFocus.focus();
    returnFocus = null;
  }
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); closePanel(); }
  });

  function panelFrame(title) {
    panel.textContent = "";
    var head = el("div", "passage-panel-head");
    var h = el("h2", "passage-panel-title", title);
    h.id = "passage-panel-title";
    h.tabIndex = -1;
    var close = el("button", "passage-panel-close", "Close");
    close.type = "button";
    close.addEventListener("click", closePanel);
    head.append(h, close);
    panel.appendChild(head);
    panel.hidden = false;
    return h;
  }

  function findPassage(id) {
    return (data.passages || []).filter(function (p) { return String(p.id) === String(id); })[0] || null;
  }

  function openPassage(id, from) {
    returnFocus = from || document.activeElement;
    var passage = findPassage(id);
    var title = panelFrame("Comments on this passage");
    var quote = el("blockquote", "passage-quote", passage ? passage.quote : "");
    panel.appendChild(quote);
    var list = el("div", "passage-comments", "Loading…");
    list.setAttribute("aria-live", "polite");
    panel.appendChild(list);
    title.focus();
    request("GET", data.anchors_api + "/" + encodeURIComponent(id) + "/comments").then(function (json) {
      quote.textContent = json.quote;
      list.textContent = "";
      if (json.question) list.appendChild(el("p", "passage-question", "The editors ask: " + json.question.text));
      if (json.changed) list.appendChild(el("p", "passage-note", "The article was edited since some of these comments."));
      if (!json.comments.length) list.appendChild(el("p", "passage-empty", "No comments on this passage yet."));
      json.comments.forEach(function (c) { list.appendChild(fromHTML(c.html)); });
      if (data.open && passage && usable) {
        var reply = el("button", "passage-comment-this", "Comment on this passage");
        reply.type = "button";
        reply.addEventListener("click", function () {
          openForm({ start: passage.start, end: passage.end }, json.question ? json.question.id : null);
        });
        panel.appendChild(reply);
      }
    }).catch(function (error) { list.textContent = error.message; });
  }

  function anchorFor(span) {
    return {
      revision: data.revision,
      exact: slice(span.start, span.end),
      prefix: slice(Math.max(0, span.start - CONTEXT), span.start),
      suffix: slice(span.end, span.end + CONTEXT),
      start: span.start,
      end: span.end
    };
  }

  function openForm(span, questionId) {
    if (!returnFocus) returnFocus = document.activeElement;
    stopPicking(false);
    var anchor = anchorFor(span);
    var title = panelFrame("Comment on a passage");
    panel.appendChild(el("blockquote", "passage-quote", anchor.exact));
    var form = el("form", "passage-form");
    form.noValidate = true;
    var bodyLabel = el("label", "passage-form-body", "Your comment");
    var textarea = el("textarea");
    textarea.name = "body"; textarea.rows = 4; textarea.maxLength = 5000; textarea.required = true;
    bodyLabel.appendChild(textarea);
    form.appendChild(bodyLabel);
    var name = null, email = null;
    if (!data.signed_in) {
      var nameLabel = el("label", "", "Name ");
      name = el("input"); name.name = "author_name"; name.maxLength = 60; name.autocomplete = "nickname";
      nameLabel.appendChild(name);
      var emailLabel = el("label", "", "Email (optional, never shown) ");
      email = el("input"); email.name = "author_email"; email.type = "email"; email.maxLength = 254;
      emailLabel.appendChild(email);
      form.append(nameLabel, emailLabel);
    }
    var ask = null;
    if (data.staff) {
      var askLabel = el("label", "passage-form-ask", " Post as a question from the editors to readers");
      ask = el("input"); ask.type = "checkbox"; ask.name = "as_question";
      askLabel.prepend(ask);
      form.appendChild(askLabel);
    }
    var status = el("p", "passage-form-status");
    status.setAttribute("role", "status");
    var submit = el("button", "passage-submit", "Post comment");
    submit.type = "submit";
    form.append(submit, status);
    panel.appendChild(form);
    var key = newKey();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit.disabled = true;
      status.textContent = "Posting…";
      var call;
      if (ask && ask.checked) {
        call = request("POST", data.api + "/questions", { anchor: anchor, text: textarea.value });
      } else {
        var payload = { anchor: anchor, body: textarea.value, idempotency_key: key };
        if (name) payload.author_name = name.value;
        if (email) payload.author_email = email.value;
        if (questionId) payload.question_id = questionId;
        call = request("POST", data.api + "/comments", payload);
      }
      call.then(function (json) {
        var pending = json.comment && json.comment.status !== "visible";
        return refresh().then(function () {
          var passageId = json.passage ? json.passage.id : null;
          var shown = null;
          (data.passages || []).forEach(function (p) {
            if (p.start === anchor.start && p.end === anchor.end) shown = p;
          });
          returnFocus = null;
          if (shown && !pending) openPassage(shown.id, document.getElementById("passage-" + shown.id));
          else {
            panelFrame("Comment on a passage");
            panel.appendChild(el("p", "passage-form-status", pending
              ? "Thank you: your comment will appear once a moderator has read it."
              : "Posted."));
            panel.querySelector("h2").focus();
          }
          return passageId;
        });
      }).catch(function (error) {
        status.textContent = error.message;
        submit.disabled = false;
      });
    });
    title.focus();
    textarea.focus();
  }

  function refresh() {
    return request("GET", data.api + "/passages").then(function (json) {
      Object.keys(json).forEach(function (k) { data[k] = json[k]; });
      paint();
      decorateComments();
      showFilter((data.passages || []).reduce(function (n, p) { return n + p.count; }, 0)
        + (data.orphaned || []).length);
    });
  }

  /* The discussion's "Inline feedback (N)" filter, as the server renders it (passages/_filter.html): updated, or
     added when this reader's comment is the first on a passage, so it appears without a reload. */
  function showFilter(total) {
    var count = document.querySelector(".passage-filter-count");
    if (count) { count.textContent = String(total); return; }
    var slot = document.querySelector("#comments .discussion-slot--filters");
    if (!slot || !total) return;
    var link = el("a", "passage-filter", "Inline feedback ");
    link.href = "?filter=inline#inline-feedback";
    link.dataset.feedback = "/api/passages/articles/" + encodeURIComponent(data.article) + "/feedback";
    link.setAttribute("aria-pressed", "false");
    link.appendChild(el("span", "passage-filter-count", String(total)));
    slot.appendChild(link);
    setUpFilter();
  }

  /* ---- picking a passage: the DOM selection to canonical offsets ---- */

  function hasSelection() {
    var selection = window.getSelection();
    return selection && !selection.isCollapsed && selection.rangeCount > 0;
  }

  function spanOfRange(range) {
    var start = -1, end = -1;
    for (var i = 0; i < canon.where.length; i++) {
      var place = canon.where[i];
      if (!place) continue;
      var node = place[0];
      if (!range.intersectsNode(node)) continue;
      if (node.nodeType === 3) {
        if (node === range.startContainer && place[1] < range.startOffset) continue;
        if (node === range.endContainer && place[1] >= range.endOffset) continue;
      }
      if (start < 0) start = i;
      end = i + 1;
    }
    if (start < 0) return null;
    while (start < end && /\s/.test(canon.text[start])) start++;
    while (end > start && /\s/.test(canon.text[end - 1])) end--;
    return end > start ? { start: start, end: end } : null;
  }

  function rangeOfSpan(span) {
    var range = document.createRange();
    var first = canon.where[span.start], last = canon.where[span.end - 1];
    range.setStart(first[0], first[1]);
    var lastChar = canon.text[span.end - 1];
    range.setEnd(last[0], last[0].nodeType === 3 ? last[1] + lastChar.length : 0);
    return range;
  }

  var floating = el("button", "passage-float", "Comment on this passage");
  floating.type = "button";
  floating.hidden = true;
  document.body.appendChild(floating);
  var floatingSpan = null;

  function showFloating() {
    if (!usable || !data.open || picking) return;
    var selection = window.getSelection();
    if (!hasSelection()) { floating.hidden = true; return; }
    var range = selection.getRangeAt(0);
    // A selection running past the body (into the page around it) counts for the part inside the body.
    if (!range.intersectsNode(body)) { floating.hidden = true; return; }
    canon = buildText();
    floatingSpan = spanOfRange(range);
    if (!floatingSpan || floatingSpan.end - floatingSpan.start > 2000) { floating.hidden = true; return; }
    var box = range.getBoundingClientRect();
    floating.style.top = (window.scrollY + box.bottom + 6) + "px";
    floating.style.left = (window.scrollX + Math.max(8, box.left)) + "px";
    floating.hidden = false;
  }
  document.addEventListener("mouseup", function () { setTimeout(showFloating, 0); });
  document.addEventListener("touchend", function () { setTimeout(showFloating, 250); });
  document.addEventListener("keyup", function (event) {  // a selection made with Shift and the arrow keys
    if (event.shiftKey && event.key.indexOf("Arrow") === 0) showFloating();
  });
  document.addEventListener("selectionchange", function () {
    if (!hasSelection() && document.activeElement !== floating) floating.hidden = true;
  });
  floating.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
  floating.addEventListener("click", function () {
    floating.hidden = true;
    if (floatingSpan) { returnFocus = body; openForm(floatingSpan, null); }
  });

  /* ---- keyboard and single-pointer path: move, extend and shrink a sentence selection ---- */

  function sentences() {
    // Sentences of the canonical text: up to . ! ? or … followed by a space, or the end of a paragraph.
    var text = canon.text, list = [], i = 0, n = text.length;
    while (i < n) {
      while (i < n && /\s/.test(text[i])) i++;
      if (i >= n) break;
      var from = i;
      while (i < n && text[i] !== "\n") {
        var c = text[i++];
        if (/[.!?\u2026]/.test(c) && (i >= n || /\s/.test(text[i]))) break;
      }
      var to = i;
      while (to > from && /\s/.test(text[to - 1])) to--;
      if (to > from) list.push({ start: from, end: to });
    }
    return list;
  }

  var picking = null;  // {list, first, last}
  var toolbar = el("div", "passage-picker");
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", "Choose a passage");
  toolbar.hidden = true;
  var help = el("p", "passage-picker-help",
    "Arrow keys: previous or next sentence. Shift and arrow keys: longer or shorter. Enter: comment. Escape: cancel.");
  help.id = "passage-picker-help";
  toolbar.setAttribute("aria-describedby", help.id);
  var live = el("p", "passage-picker-live");
  live.setAttribute("aria-live", "polite");
  var buttons = {};
  [["prev", "Previous sentence"], ["next", "Next sentence"], ["longer", "Longer"], ["shorter", "Shorter"],
   ["go", "Comment on this"], ["cancel", "Cancel"]].forEach(function (item) {
    var b = el("button", "passage-picker-" + item[0], item[1]);
    b.type = "button";
    b.addEventListener("click", function () { act(item[0]); });
    buttons[item[0]] = b;
  });
  toolbar.append(help, buttons.prev, buttons.next, buttons.longer, buttons.shorter, buttons.go, buttons.cancel, live);

  var start = el("button", "passage-start", "Comment on a passage");
  start.type = "button";
  var startBox = el("div", "passage-start-box wrap");
  startBox.append(start, toolbar);
  if (usable && data.open) body.parentNode.insertBefore(startBox, body);

  function showPick() {
    var first = picking.list[picking.first], last = picking.list[picking.last];
    var span = { start: first.start, end: last.end };
    var selection = window.getSelection();
    selection.removeAllRanges();
    var range = rangeOfSpan(span);
    selection.addRange(range);
    var node = range.startContainer.nodeType === 3 ? range.startContainer.parentNode : range.startContainer;
    if (node.scrollIntoView) node.scrollIntoView({ block: "center" });
    live.textContent = "Selected: " + slice(span.start, span.end);
    picking.span = span;
  }

  function act(what) {
    if (!picking) return;
    var n = picking.list.length;
    if (what === "next" && picking.last < n - 1) { var w = picking.last - picking.first; picking.last++; picking.first = picking.last - w; }
    else if (what === "prev" && picking.first > 0) { var w2 = picking.last - picking.first; picking.first--; picking.last = picking.first + w2; }
    else if (what === "longer" && picking.last < n - 1) picking.last++;
    else if (what === "shorter" && picking.last > picking.first) picking.last--;
    else if (what === "go") { var span = picking.span; returnFocus = start; openForm(span, null); return; }
    else if (what === "cancel") { stopPicking(true); return; }
    showPick();
  }

  function stopPicking(refocus) {
    if (!picking) return;
    picking = null;
    toolbar.hidden = true;
    start.hidden = false;
    start.setAttribute("aria-expanded", "false");
    window.getSelection().removeAllRanges();
    if (refocus) start.focus();
  }

  start.addEventListener("click", function () {
    canon = buildText();
    var list = sentences();
    if (!list.length) return;
    // Start at the first sentence on screen, so a reader part-way down is not sent back to the top.
    var index = 0;
    for (var i = 0; i < list.length; i++) {
      var rect = rangeOfSpan(list[i]).getBoundingClientRect();
      if (rect.bottom > 0) { index = i; break; }
    }
    picking = { list: list, first: index, last: index };
    toolbar.hidden = false;
    start.setAttribute("aria-expanded", "true");
    start.hidden = true;
    showPick();
    buttons.go.focus();  // Enter comments at once; the arrow keys work anywhere in the toolbar
  });

  toolbar.addEventListener("keydown", function (event) {
    var keys = { ArrowRight: "next", ArrowDown: "next", ArrowLeft: "prev", ArrowUp: "prev" };
    if (keys[event.key]) {
      event.preventDefault();
      var move = keys[event.key];
      act(event.shiftKey ? (move === "next" ? "longer" : "shorter") : move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      stopPicking(true);
    }
  });

  /* ---- comments in the main list that are about a passage show its quote ---- */

  function decorateComments() {
    var about = {};
    (data.passages || []).forEach(function (p) {
      p.comments.forEach(function (id) { about[id] = { quote: p.quote, id: p.id, changed: p.changed }; });
    });
    (data.orphaned || []).forEach(function (o) {
      o.comments.forEach(function (id) { about[id] = { quote: o.quote, id: null, orphaned: true }; });
    });
    Object.keys(about).forEach(function (id) {
      var comment = document.getElementById("comment-" + id);
      if (!comment || comment.querySelector(".passage-ref")) return;
      var info = about[id];
      var ref = el("blockquote", "passage-ref");
      var label = info.orphaned ? "About a passage that has since changed: " : "On the passage: ";
      if (info.id) {
        var link = el("a", "", "“" + info.quote + "”");
        link.href = "#passage-" + info.id;
        link.addEventListener("click", function (event) {
          var mark = document.getElementById("passage-" + info.id);
          if (mark) { event.preventDefault(); mark.scrollIntoView({ block: "center" }); openPassage(info.id, mark); }
        });
        ref.append(label, link);
      } else {
        ref.append(label, "“" + info.quote + "”");
      }
      var bodyNode = comment.querySelector(".comment-body");
      if (bodyNode) comment.insertBefore(ref, bodyNode);
    });
  }

  if (usable) paint();
  decorateComments();
  var commentsSection = document.getElementById("comments");
  if (commentsSection && window.MutationObserver) {
    new MutationObserver(function () { decorateComments(); })
      .observe(commentsSection, { childList: true, subtree: true });
  }
})();
