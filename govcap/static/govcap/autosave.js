// govcap autosave: every field is saved as the facilitator types.
// Edits go into a queue kept in localStorage, so nothing is lost when the connection drops
// or the tab is closed; they are sent in order, one at a time, each with an operation ID (a
// retried save is applied once) and the revision it was based on (a stale save is refused
// by the server and shown as a conflict, never overwritten). When the server's storage is
// full it answers 503 "storage_full" having written nothing: the edit stays in the queue, the
// message is shown, and it is sent again later, as when offline. Without JavaScript the
// same form posts normally.
(function () {
  "use strict";
  var form = document.getElementById("capture");
  if (!form || !window.fetch || !window.JSON) return;

  var session = form.dataset.session;
  var section = form.dataset.section;
  var instrument = form.dataset.instrument;
  var urls = { field: form.dataset.saveUrl, quote: form.dataset.quoteUrl };
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var KEY = "govcap:queue:" + session;
  var queue = load();
  var sending = false;
  var retryDelay = 1000;
  var retryTimer = null;
  var debounces = {};
  var summary = document.getElementById("save-summary");
  // The texts come translated from the page (a JSON data block); English if it is missing.
  var labels = {
    waiting: "waiting to be sent", saving: "saving…", saved: "saved",
    offline: "offline — kept on this device", conflict: "changed elsewhere — see below",
    error: "not saved", loggedOut: "logged out — log in again in another tab; your edits are kept here",
    allSaved: "All changes saved.", pending: "Changes waiting to be sent: %(n)s.",
    offlinePending: "Offline. Changes kept on this device, sent when the connection returns: %(n)s.",
    conflictMessage: "Changed elsewhere while you edited. Their version is saved; yours is in the field above. Keep one, or merge them.",
    theirVersion: "Their version:", empty: "(empty)", keepMine: "Keep mine", takeTheirs: "Take theirs",
    unattributed: "unattributed",
    full: "not saved — the server's storage is full; kept on this device",
    storageFull: "The server's storage is full, so this edit was not saved there. It is kept on this device and will be sent again automatically. Please tell your administrator."
  };
  var fullMessage = "";  // the server's words while its storage is full
  try {
    var texts = JSON.parse(document.getElementById("autosave-text").textContent);
    Object.keys(texts).forEach(function (k) { labels[k] = texts[k]; });
  } catch (e) { /* keep the English defaults */ }
  // Digits as the server writes them (Western digits in every language, as Django's formats).
  function count(template, n) { return template.replace("%(n)s", String(n)); }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = "";
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    for (var i = 0; i < 16; i++) h += (b[i] + 0x100).toString(16).slice(1);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store() {
    try { localStorage.setItem(KEY, JSON.stringify(queue)); } catch (e) { /* quota: keep in memory */ }
  }

  function wrapper(field) { return form.querySelector('.field[data-field="' + field + '"]'); }
  function valueOf(field) {
    var w = wrapper(field);
    var checked = w.querySelector("input[type=radio]:checked");
    if (w.querySelector("input[type=radio]")) return checked ? checked.value : "";
    return w.querySelector("textarea").value;
  }
  function setValue(field, value) {
    var w = wrapper(field);
    if (!w) return;
    var radios = w.querySelectorAll("input[type=radio]");
    if (radios.length) radios.forEach(function (r) { r.checked = r.value === value; });
    else w.querySelector("textarea").value = value;
  }
  function revisionOf(field) { return parseInt(wrapper(field).dataset.revision || "0", 10); }
  function setRevision(field, revision) {
    var w = wrapper(field);
    w.dataset.revision = String(revision);
    var hidden = form.querySelector('[name="rev_' + field + '"]');
    if (hidden) hidden.value = String(revision);
  }
  function show(field, state, message) {
    var w = field && wrapper(field);
    var el = w ? w.querySelector(".save-state") : null;
    if (el) { el.dataset.state = state; el.textContent = message || labels[state] || ""; }
    refreshSummary(state === "offline" || state === "full" ? state : "");
  }
  // why: "offline", "full" (the server's storage), or "" (just waiting).
  function refreshSummary(why) {
    if (!summary) return;
    var n = queue.length;
    summary.dataset.state = n ? (why || "waiting") : "saved";
    if (n === 0) summary.textContent = labels.allSaved;
    else if (why === "full") summary.textContent = fullMessage + " " + count(labels.pending, n);
    else summary.textContent = count(why === "offline" ? labels.offlinePending : labels.pending, n);
  }

  function enqueueField(field) {
    var value = valueOf(field);
    for (var i = queue.length - 1; i >= 0; i--) {
      var op = queue[i];
      if (op.kind === "field" && op.section === section && op.field === field && !op.sent) {
        op.value = value; store(); show(field, "waiting"); pump(); return;
      }
    }
    var inFlight = queue.filter(function (op) {
      return op.kind === "field" && op.section === section && op.field === field;
    })[0];
    queue.push({
      kind: "field", op_id: newId(), section: section, instrument: instrument, field: field, value: value,
      base_revision: inFlight ? inFlight.base_revision : revisionOf(field)
    });
    store(); show(field, "waiting"); pump();
  }

  function payload(op) {
    if (op.kind === "field") {
      return { op_id: op.op_id, section: op.section, instrument: op.instrument, field: op.field, value: op.value, base_revision: op.base_revision };
    }
    return { op_id: op.op_id, section: op.section, instrument: op.instrument, quote: op.quote, text: op.text, participant: op.participant, base_revision: 0 };
  }

  function pump() {
    if (sending || !queue.length) { refreshSummary(""); return; }
    var op = queue[0];
    op.sent = true; store(); sending = true;
    if (op.section === section && op.kind === "field") show(op.field, "saving");
    fetch(urls[op.kind], {
      method: "POST", credentials: "same-origin", redirect: "manual",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify(payload(op))
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.type === "opaqueredirect") {
        labels.offline = labels.loggedOut;
        throw new Error("logged out");
      }
      if (type.indexOf("application/json") === -1) throw new Error("server unreachable");
      return response.json().then(function (data) { settle(op, response.status, data); });
    }).catch(function () { retryLater(op); });
  }

  function drop(op) {
    queue = queue.filter(function (o) { return o !== op; });
    store();
  }

  function settle(op, status, data) {
    if (status === 503 && data.code === "storage_full") {
      fullMessage = data.message || labels.storageFull;
      retryLater(op, "full");
      return;
    }
    fullMessage = "";
    sending = false; retryDelay = 1000;
    drop(op);
    var here = op.section === section;
    if (status === 200 && op.kind === "field") {
      queue.forEach(function (o) {  // later edits of the same field build on this save
        if (o.kind === "field" && o.section === op.section && o.field === op.field) o.base_revision = data.revision;
      });
      store();
      if (here) { setRevision(op.field, data.revision); if (!pendingFor(op.field)) show(op.field, "saved"); }
    } else if (status === 200) {
      quoteState(op.quote, "saved");
    } else if (data.status === "conflict" && op.kind === "field") {
      queue = queue.filter(function (o) { return !(o.kind === "field" && o.section === op.section && o.field === op.field); });
      store();
      if (here) showConflict(op.field, data);
    } else {
      var why = labels.error + (data.message ? ": " + data.message : "");
      if (here && op.kind === "field") show(op.field, "error", why);
      if (op.kind === "quote") quoteState(op.quote, "error", why);
    }
    pump();
  }

  function pendingFor(field) {
    return queue.some(function (o) { return o.kind === "field" && o.section === section && o.field === field; });
  }

  // why: "offline" (no answer) or "full" (the server's storage is full; nothing written).
  function retryLater(op, why) {
    why = why || "offline";
    sending = false;
    // Every edit of this page still in the queue waits, not just this one.
    queue.forEach(function (o) {
      if (o.section !== section) return;
      if (o.kind === "field" && !debounces[o.field]) show(o.field, why);
      if (o.kind === "quote") quoteState(o.quote, why);
    });
    refreshSummary(why);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(pump, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function showConflict(field, data) {
    show(field, "conflict");
    var w = wrapper(field);
    var old = w.querySelector(".conflict.live");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "conflict live";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = labels.conflictMessage;
    var pre = document.createElement("pre");
    pre.textContent = data.theirs === "" ? labels.empty : data.theirs;
    var keep = document.createElement("button");
    keep.type = "button"; keep.textContent = labels.keepMine;
    var take = document.createElement("button");
    take.type = "button"; take.textContent = labels.takeTheirs;
    keep.addEventListener("click", function () { setRevision(field, data.revision); box.remove(); enqueueField(field); });
    take.addEventListener("click", function () { setValue(field, data.theirs); setRevision(field, data.revision); box.remove(); show(field, "saved"); });
    var label = document.createElement("p");
    label.textContent = labels.theirVersion;
    box.append(p, label, pre, keep, document.createTextNode(" "), take);
    w.appendChild(box);
  }

  // Typing: save after a short pause; choices: save at once.
  form.querySelectorAll(".field[data-field]").forEach(function (w) {
    var field = w.dataset.field;
    w.querySelectorAll("textarea").forEach(function (t) {
      t.addEventListener("input", function () {
        show(field, "waiting");
        clearTimeout(debounces[field]);
        debounces[field] = setTimeout(function () { delete debounces[field]; enqueueField(field); }, 700);
      });
      t.addEventListener("blur", function () { flush(field); });
    });
    w.querySelectorAll("input[type=radio]").forEach(function (r) {
      r.addEventListener("change", function () { enqueueField(field); });
    });
  });
  function flush(field) {
    if (debounces[field]) { clearTimeout(debounces[field]); delete debounces[field]; enqueueField(field); }
  }
  function flushAll() { Object.keys(debounces).forEach(flush); }
  window.addEventListener("pagehide", flushAll);
  window.addEventListener("online", function () { retryDelay = 1000; clearTimeout(retryTimer); pump(); });

  // The Save buttons: with JavaScript the queue already saves; just flush and move on.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    flushAll();
    var next = event.submitter && event.submitter.name === "save_next";
    var nextLink = document.querySelector(".nav-sections a:last-child");
    if (next && nextLink) window.location.href = nextLink.href;
  });

  // Quotes: added through the same queue, with a UUID chosen here so a resend creates one.
  var quoteForm = document.getElementById("quote-form");
  var quoteList = document.getElementById("quote-list");
  function quoteState(id, state, message) {
    var li = quoteList && quoteList.querySelector('[data-quote="' + id + '"] .save-state');
    if (li) { li.dataset.state = state; li.textContent = message || labels[state]; }
    refreshSummary(state === "offline" || state === "full" ? state : "");
  }
  function renderQuote(op) {
    var empty = quoteList.querySelector(".empty");
    if (empty) empty.remove();
    var li = document.createElement("li");
    li.dataset.quote = op.quote;
    var bq = document.createElement("blockquote");
    bq.textContent = op.text; bq.dir = "auto";
    var who = document.createElement("strong");
    who.textContent = op.participant || labels.unattributed;
    var state = document.createElement("span");
    state.className = "save-state"; state.dataset.state = "waiting"; state.textContent = labels.waiting;
    li.append(bq, document.createTextNode(" — "), who, document.createTextNode(" "), state);
    quoteList.appendChild(li);
  }
  if (quoteForm) {
    quoteForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = quoteForm.querySelector("[name=text]");
      if (!text.value.trim()) { text.focus(); return; }
      var op = {
        kind: "quote", op_id: newId(), section: section, instrument: instrument, quote: newId(),
        text: text.value.trim(), participant: quoteForm.querySelector("[name=participant]").value
      };
      queue.push(op); store(); renderQuote(op); text.value = ""; pump();
    });
  }

  // Restore edits that were not yet sent (offline, or the tab was closed).
  queue.forEach(function (op) {
    if (op.section !== section) return;
    if (op.kind === "field" && wrapper(op.field)) { setValue(op.field, op.value); show(op.field, "waiting"); }
    if (op.kind === "quote" && quoteList && !quoteList.querySelector('[data-quote="' + op.quote + '"]')) renderQuote(op);
  });
  pump();
})();
