/* Tidewise page script: quick exit, idle lock, keep-alive, drafts, sentence readings.
   Served locally only.
   Every page works without it; it makes leaving faster, locking sooner, and keeps what
   is being typed as an encrypted draft on the server (never in browser storage). */
(function () {
  "use strict";

  var root = document.documentElement;
  var body = document.body;
  root.classList.add("js");

  var token = body.getAttribute("data-form-token") || "";

  /* Drafts: the write and edit forms (data-draft) send their fields to the server a
     moment after typing stops, and when the tab is hidden or closed. The server keeps
     them encrypted in the journal; the next unlock offers them back. */
  var draftForm = document.querySelector("form[data-draft]");
  var DRAFT_DELAY_MS = 2000;
  var draftTimer = null;
  var draftDirty = false;
  var draftDone = false;

  function draftBody() {
    return draftForm ? new URLSearchParams(new FormData(draftForm)) : null;
  }

  function sendDraft(leaving) {
    window.clearTimeout(draftTimer);
    if (!draftForm || !draftDirty || draftDone || !token) { return; }
    draftDirty = false;
    var fields = draftBody();
    if (leaving && navigator.sendBeacon && navigator.sendBeacon("/draft", fields)) { return; }
    fetch("/draft", { method: "POST", body: fields, credentials: "same-origin", keepalive: leaving })
      .then(function (response) {
        if (response.status === 401) { leaveLocked(); }
      })
      .catch(function () { draftDirty = true; /* try again at the next pause */ });
  }

  function draftTyped() {
    draftDirty = true;
    window.clearTimeout(draftTimer);
    draftTimer = window.setTimeout(function () { sendDraft(false); }, DRAFT_DELAY_MS);
  }

  if (draftForm) {
    draftForm.addEventListener("input", draftTyped);
    draftForm.addEventListener("change", draftTyped);
    draftForm.addEventListener("submit", function () {
      draftDone = true;
      window.clearTimeout(draftTimer);
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { sendDraft(true); }
    });
    window.addEventListener("pagehide", function () { sendDraft(true); });
  }

  function leaveLocked() {
    root.classList.add("gone");
    window.location.replace("/locked");
  }

  /* Quick exit: hide at once, tell the server to lock (handing over the text being
     typed, which becomes the draft), and replace this page in the history so that Back
     does not return to it. */
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    root.classList.add("gone");
    var fields = draftDirty && token ? draftBody() : null;
    draftDone = true;
    try {
      if (!(fields && navigator.sendBeacon("/lock", fields))) { navigator.sendBeacon("/lock"); }
    } catch (ignored) { /* locking is best effort here */ }
    window.location.replace("about:blank");
  }

  var exitButton = document.querySelector("#quick-exit button");
  if (exitButton) { exitButton.addEventListener("click", quickExit); }

  /* Shift three times: only three *bare* taps count (Shift pressed and released with no
     other key in between), all within TAP_WINDOW_MS. A Shift held for a capital letter is
     not a tap, and any other key starts the count again, so typing never triggers it. */
  var TAP_WINDOW_MS = 1500;
  var taps = [];
  var bareShift = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { bareShift = true; }
      return;
    }
    bareShift = false;
    taps = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !bareShift) { return; }
    bareShift = false;
    var now = Date.now();
    taps = taps.filter(function (t) { return now - t < TAP_WINDOW_MS; });
    taps.push(now);
    if (taps.length >= 3) { taps = []; quickExit(); }
  });

  /* A page restored from the back-forward cache could show old content: reload it,
     so that the server decides (it answers "locked" after a lock). */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      root.classList.add("gone");
      window.location.reload();
    }
  });

  /* Idle lock on this side too: after the idle time with no activity, leave the page
     for the neutral "locked" one. While the person types, a keep-alive tells the
     server they are still here, so a long entry is not lost to the server's timer. */
  var idleSeconds = parseInt(body.getAttribute("data-idle-seconds") || "0", 10);
  if (idleSeconds > 0) {
    var lastActivity = Date.now();
    var lastPing = Date.now();
    var pingEvery = Math.min(30000, (idleSeconds * 1000) / 3);

    var ping = function () {
      lastPing = Date.now();
      fetch("/alive", {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-Form-Token": token }
      }).then(function (response) {
        if (response.status === 401) { leaveLocked(); }
      }).catch(function () { /* the server is gone: the idle timer below still runs */ });
    };

    var activity = function () {
      lastActivity = Date.now();
      if (lastActivity - lastPing > pingEvery) { ping(); }
    };

    ["keydown", "pointerdown", "input", "wheel", "touchstart"].forEach(function (name) {
      document.addEventListener(name, activity, { passive: true });
    });

    window.setInterval(function () {
      if (Date.now() - lastActivity > idleSeconds * 1000) {
        sendDraft(true);
        leaveLocked();
      }
    }, 500);
  }
  /* Writing prompts on the write page: "Another prompt" and "No prompts" replace the
     prompts in place, so nothing typed is disturbed. Without this script the same link
     and form load the page anew. Anything unexpected falls back to that. */
  var promptBox = document.getElementById("prompts");

  function swapPrompts(url, options, focusId, fallback) {
    fetch(url, options).then(function (response) {
      if (response.status === 401) { leaveLocked(); return null; }
      if (!response.ok) { throw new Error("not swapped"); }
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("prompts");
        var box = document.getElementById("prompts");
        if (!fresh || !box) { throw new Error("not swapped"); }
        box.replaceWith(document.importNode(fresh, true));
        var target = document.getElementById(focusId) || document.getElementById("prompts");
        if (target) {
          if (!target.hasAttribute("href") && target.tagName !== "BUTTON") {
            target.setAttribute("tabindex", "-1");
          }
          target.focus();
        }
      });
    }).catch(fallback);
  }

  if (promptBox) {
    promptBox.parentNode.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[data-prompts-swap]") : null;
      if (!link) { return; }
      event.preventDefault();
      swapPrompts(link.href, { credentials: "same-origin" }, "another-prompt", function () {
        window.location.href = link.href;
      });
    });
    promptBox.parentNode.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-prompts-swap")) { return; }
      event.preventDefault();
      swapPrompts(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin"
      }, "prompts", function () { HTMLFormElement.prototype.submit.call(form); });
    });
  }

  /* Sentence readings on the entry page: a correction or an undo (forms with
     data-swap) is sent without leaving the page. The answer is the entry page read
     anew; its main content replaces this one's, and focus goes back to the same
     sentence's control. Without this script the same forms post, and the server sends
     the browser back to that sentence. Anything unexpected falls back to the plain post. */
  var main = document.getElementById("main");
  if (main) {
    main.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-swap")) { return; }
      event.preventDefault();
      var focusId = form.getAttribute("data-swap");
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin"
      }).then(function (response) {
        if (response.status === 401) { leaveLocked(); return null; }
        if (!response.ok || !response.redirected) { throw new Error("not swapped"); }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var fresh = page.getElementById("main");
          if (!fresh) { throw new Error("not swapped"); }
          main.innerHTML = fresh.innerHTML;
          window.history.replaceState(null, "", response.url);
          var control = document.getElementById(focusId);
          if (control) { control.focus(); }
        });
      }).catch(function () { HTMLFormElement.prototype.submit.call(form); });
    });
  }
}());
