// The writing screen (docs/desk.md): autosave with a copy in this browser, live preview, marks, image uploads.
// The page works without this script (its forms post); the script only makes it quicker and safer.
(function () {
  "use strict";
  const page = document.getElementById("desk-editor-page");
  if (!page) return;

  const form = document.getElementById("desk-form");
  const field = (id) => document.getElementById(id);
  const body = field("desk-body");
  const state = field("desk-save-state");
  const alertBox = field("desk-alert");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const live = page.dataset.live === "true";
  const storageKey = "masthead-desk:" + page.dataset.articleId;
  const WORDS_PER_MINUTE = 230;
  let version = Number(page.dataset.version);
  let conflict = false;
  let saving = Promise.resolve();
  let saveTimer = null;
  let previewTimer = null;
  let dirty = false;

  // --- The fields, as the server reads them --------------------------------------------------------------
  function checked(name) {
    return Array.from(form.querySelectorAll("input[name=" + name + "]:checked")).map((box) => box.value);
  }
  function fields() {
    return {
      kicker: field("desk-kicker").value, headline: field("desk-headline").value,
      standfirst: field("desk-standfirst").value, body: body.value,
      canonical_url: field("desk-canonical").value, authors: checked("authors"), topics: checked("topics"),
    };
  }
  function fill(values) {
    field("desk-kicker").value = values.kicker || "";
    field("desk-headline").value = values.headline || "";
    field("desk-standfirst").value = values.standfirst || "";
    body.value = values.body || "";
    field("desk-canonical").value = values.canonical_url || "";
    for (const name of ["authors", "topics"]) {
      const wanted = new Set(values[name] || []);
      form.querySelectorAll("input[name=" + name + "]").forEach((box) => { box.checked = wanted.has(box.value); });
    }
  }
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  function setVersion(next) {
    version = next;
    page.dataset.version = String(next);
    document.querySelectorAll("input.desk-version").forEach((input) => { input.value = String(next); });
  }
  function say(text) { state.textContent = text; }
  function warn(text) {
    alertBox.textContent = text;
    alertBox.hidden = false;
  }

  // --- A copy in this browser: a closed tab or a lost connection loses nothing ---------------------------
  function keepLocally() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ version: version, fields: fields(), at: Date.now() }));
    } catch (error) { /* storage full or disabled: the server copy still saves */ }
  }
  function forgetLocally(sent) {
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (kept && same(kept.fields, sent)) localStorage.removeItem(storageKey);
    } catch (error) { /* nothing kept */ }
  }
  function restoreLocal() {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (error) { kept = null; }
    if (!kept || !kept.fields || same(kept.fields, fields())) return;
    fill(kept.fields);
    dirty = true;
    if (kept.version === version) {
      say("Restored your unsaved changes from this browser.");
      scheduleSave();
    } else {
      warn("This browser kept changes made to an older version of this story; they are in the fields now. " +
           "Someone saved since: check before you save.");
    }
  }

  // --- Saving ----------------------------------------------------------------------------------------------
  function post(url, data) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(data),
    });
  }
  function save(isAutosave) {
    saving = saving.then(async () => {
      if (conflict) return false;
      const sent = fields();
      say("Saving…");
      let response;
      try {
        response = await post(page.dataset.autosaveUrl, Object.assign({ version: version, autosave: isAutosave }, sent));
      } catch (error) {
        say("Offline: your text is kept in this browser. Trying again shortly.");
        scheduleSave(5000);
        return false;
      }
      const answer = await response.json().catch(() => ({ error: "The server's answer was unreadable." }));
      if (response.status === 409) {
        conflict = true;
        say("Not saved: someone else changed this story.");
        warn(answer.error);
        return false;
      }
      if (!response.ok) {
        say("Not saved: " + (answer.error || "the server refused it."));
        return false;
      }
      setVersion(answer.version);
      if (same(sent, fields())) dirty = false;
      forgetLocally(sent);
      field("desk-status").textContent = answer.status + (live ? " · live" : "");
      if (answer.card) field("desk-card").innerHTML = answer.card;
      say("Saved at " + answer.saved_label + ".");
      return true;
    });
    return saving;
  }
  function scheduleSave(delay) {
    if (live || conflict) return;  // a live story changes when the editor presses Save, not as they type
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => save(true), delay || 1500);
  }

  // --- Live preview, rendered by the server with the public page's fragments -----------------------------
  function countWords() {
    const text = body.value.replace(/!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_>`[\]]/g, " ");
    const words = (text.match(/[\w'\u2019-]+/gu) || []).length;
    field("desk-words").textContent = String(words);
    field("desk-minutes").textContent = String(words ? Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) : 0);
  }
  async function refreshPreview() {
    try {
      const response = await post(page.dataset.previewUrl, fields());
      if (!response.ok) return;
      const answer = await response.json();
      field("desk-preview-body").innerHTML = answer.html;  // sanitized by the server's renderer
      field("desk-card").innerHTML = answer.card;
      page.dataset.previewed = String(Date.now());
    } catch (error) { /* offline: the preview waits for the next change */ }
  }
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 350);
  }

  function changed() {
    dirty = true;
    keepLocally();
    countWords();
    say(live ? "Unsaved changes: press Save to update the live story." : "Unsaved changes…");
    scheduleSave();
    schedulePreview();
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(saveTimer);
    save(false).then(refreshPreview);
  });
  // Ctrl/Cmd+S anywhere on the page saves now (a live story too), as in every editor.
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      clearTimeout(saveTimer);
      save(false).then(refreshPreview);
    }
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) { keepLocally(); event.preventDefault(); }
  });

  // Publishing forms: save pending words first, then send with the version that save produced.
  document.querySelectorAll("form.desk-publish").forEach((publishForm) => {
    publishForm.addEventListener("submit", (event) => {
      if (publishForm.dataset.ready === "true") return;
      event.preventDefault();
      const submitter = event.submitter;
      const go = () => { publishForm.dataset.ready = "true"; publishForm.requestSubmit(submitter); };
      if (dirty) save(false).then((ok) => { if (ok) go(); }); else saving.then(go);
    });
  });

  // --- Marks: buttons and shortcuts ---------------------------------------------------------------------
  function wrap(before, after, placeholder) {
    const start = body.selectionStart, end = body.selectionEnd;
    const chosen = body.value.slice(start, end) || placeholder;
    body.setRangeText(before + chosen + after, start, end, "end");
    body.setSelectionRange(start + before.length, start + before.length + chosen.length);
    body.focus();
    changed();
  }
  function heading() {
    const start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    body.setRangeText("## ", start, start, "end");
    body.focus();
    changed();
  }
  const marks = {
    bold: () => wrap("**", "**", "bold text"),
    italic: () => wrap("_", "_", "italic text"),
    link: () => {
      const start = body.selectionStart, end = body.selectionEnd;
      const text = body.value.slice(start, end) || "link text";
      body.setRangeText("[" + text + "](https://)", start, end, "end");
      const at = start + text.length + 3;
      body.setSelectionRange(at, at + 8);
      body.focus();
      changed();
    },
    heading: heading,
  };
  document.querySelectorAll("[data-mark]").forEach((button) => {
    button.addEventListener("click", () => marks[button.dataset.mark]());
  });
  body.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    const mark = event.altKey ? (key === "2" ? "heading" : null) : { b: "bold", i: "italic", k: "link" }[key];
    if (mark) { event.preventDefault(); marks[mark](); }
  });

  // Phones: the preview replaces the writing column while it is shown.
  const toggle = field("desk-toggle-preview");
  toggle.addEventListener("click", () => {
    const showing = field("desk-columns").classList.toggle("desk-columns--preview");
    toggle.setAttribute("aria-expanded", String(showing));
    toggle.textContent = showing ? "Back to writing" : "Show preview";
    if (showing) refreshPreview();
  });

  // --- Images: paste, drop or choose; uploaded with progress --------------------------------------------
  const progress = field("desk-progress");
  const uploadState = field("desk-upload-state");
  function upload(file) {
    return new Promise((resolve) => {
      const data = new FormData();
      data.append("image", file);
      const request = new XMLHttpRequest();
      request.open("POST", page.dataset.uploadUrl);
      request.setRequestHeader("X-CSRFToken", csrf);
      request.setRequestHeader("Accept", "application/json");
      progress.hidden = false;
      progress.value = 0;
      uploadState.textContent = "Uploading " + (file.name || "image") + "…";
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) progress.value = Math.round((event.loaded * 100) / event.total);
      });
      request.addEventListener("load", () => {
        progress.hidden = true;
        let answer = {};
        try { answer = JSON.parse(request.responseText); } catch (error) { answer = {}; }
        if (request.status !== 201) {
          uploadState.textContent = "Not uploaded: " + (answer.error || "the server refused it.");
          resolve(false);
          return;
        }
        const start = body.selectionStart;
        const before = body.value.slice(0, start);
        const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
        body.setRangeText(lead + answer.markdown + "\n\n", start, body.selectionEnd, "end");
        const none = field("desk-no-images");
        if (none) none.remove();
        field("desk-images").insertAdjacentHTML("beforeend", answer.form);
        uploadState.textContent = "Image uploaded: give it alt text under Images in this story.";
        changed();
        resolve(true);
      });
      request.addEventListener("error", () => {
        progress.hidden = true;
        uploadState.textContent = "Not uploaded: the connection failed. Try again.";
        resolve(false);
      });
      request.send(data);
    });
  }
  async function uploadAll(files) {
    for (const file of files) {
      if (file.type.startsWith("image/")) await upload(file);
    }
  }
  body.addEventListener("paste", (event) => {
    const files = Array.from(event.clipboardData ? event.clipboardData.files : []);
    if (files.length) { event.preventDefault(); uploadAll(files); }
  });
  body.addEventListener("dragover", (event) => { event.preventDefault(); body.classList.add("desk-body--drop"); });
  body.addEventListener("dragleave", () => body.classList.remove("desk-body--drop"));
  body.addEventListener("drop", (event) => {
    body.classList.remove("desk-body--drop");
    const files = Array.from(event.dataTransfer ? event.dataTransfer.files : []);
    if (files.length) { event.preventDefault(); uploadAll(files); }
  });
  field("desk-file").addEventListener("change", (event) => {
    event.stopPropagation();
    const files = Array.from(event.target.files);
    event.target.value = "";
    uploadAll(files);
  });

  // Image details: saved in place; the article's version moves (its body shows them).
  field("desk-images").addEventListener("submit", async (event) => {
    const imageForm = event.target.closest("form.desk-image");
    if (!imageForm) return;
    event.preventDefault();
    const status = imageForm.querySelector(".desk-image__state");
    await saving;
    const response = await fetch(imageForm.action, {
      method: "POST", credentials: "same-origin", body: new FormData(imageForm, event.submitter),
      headers: { "Accept": "application/json", "X-CSRFToken": csrf },
    }).catch(() => null);
    const answer = response ? await response.json().catch(() => ({})) : {};
    if (!response || !response.ok) {
      status.textContent = "Not saved: " + (answer.error || "the connection failed.");
      return;
    }
    setVersion(answer.version);
    status.textContent = answer.message;
    refreshPreview();
  });
  field("desk-images").addEventListener("input", (event) => event.stopPropagation());
  // A click on the thumbnail sets the focal point (the two number fields do the same by keyboard).
  field("desk-images").addEventListener("click", (event) => {
    const thumb = event.target.closest(".desk-image__thumb");
    if (!thumb) return;
    const box = thumb.getBoundingClientRect();
    const imageForm = thumb.closest("form.desk-image");
    imageForm.elements.focal_x.value = String(Math.round(((event.clientX - box.left) * 100) / box.width));
    imageForm.elements.focal_y.value = String(Math.round(((event.clientY - box.top) * 100) / box.height));
  });

  // Words typed while this deferred script was still loading raised no event: save them as any other change.
  function typedBeforeScript() {
    return Array.from(form.elements).some((input) =>
      (input.type === "checkbox" || input.type === "radio") ? input.checked !== input.defaultChecked
        : (input.tagName === "TEXTAREA" || input.type === "text" || input.type === "url") &&
          input.value !== input.defaultValue);
  }
  if (typedBeforeScript()) changed(); else restoreLocal();
  countWords();
  page.dataset.ready = "true";  // for tests and tools: the editor's handlers are in place
})();
