// govcap autosave: nothing a facilitator types is lost, and the page never says "saved"
// unless the server holds what the page shows.
//
// Loaded on every page of a session. Edits go into one queue per session kept in
// localStorage (read afresh before every change, so two tabs add to the same queue), sent in
// order, one at a time, each with an operation ID (a retry is applied once) and the revision
// it was based on (a stale edit is refused, kept by the server as a conflict, and shown here
// with both versions until the facilitator decides). What the server last acknowledged for
// each field is kept too ("known"), so a page served from the offline cache, or open in a
// second tab, shows the newest saved text and bases its edits on the right revision.
// Without JavaScript the same form posts normally (web/views/section.py).
(function () {
  "use strict";
  var bar = document.getElementById("status-bar");
  if (!bar || !window.fetch || !window.JSON) return;

  var session = bar.dataset.session;
  var csrf = bar.dataset.csrf;
  var canCapture = bar.dataset.canCapture === "1";
  // the page reports a form refused ("Nothing recorded…"): claim nothing saved until a save
  var formRefused = bar.dataset.refused === "1";
  var urls = { field: bar.dataset.saveUrl, quote: bar.dataset.quoteUrl, participant: bar.dataset.participantUrl,
               consent: bar.dataset.consentUrl, conflicts: bar.dataset.conflictsUrl };
  var summary = document.getElementById("save-summary");
  var readOnlyText = summary ? summary.textContent : "";
  var conflictsLink = document.getElementById("conflicts-link");
  var form = document.getElementById("capture");  // only on a section page
  var section = form ? form.dataset.section : null;
  var instrument = form ? form.dataset.instrument : null;
  var quoteList = document.getElementById("quote-list");
  var quoteText = document.getElementById("q-text");
  var quoteWho = document.getElementById("q-participant");

  var labels = {
    waiting: "waiting to be sent", saving: "saving…", saved: "saved",
    offline: "offline — kept on this device", conflict: "changed elsewhere — your decision is needed",
    error: "not saved", loggedOut: "Logged out: log in again in another tab. Your edits are kept on this device: %(n)s.",
    allSaved: "All changes saved.", pending: "Changes waiting to be sent: %(n)s.",
    offlinePending: "Offline. Changes kept on this device, sent when the connection returns: %(n)s.",
    offlineSaved: "Offline. Everything you typed was saved before the connection dropped.",
    conflicts: "Edits that need your decision: %(n)s",
    conflictsPending: "Not all saved: some edits need your decision.",
    failed: "Not saved: %(n)s. The text stays in its field; copy it before dismissing.",
    dismiss: "Dismiss", draft: "A quote is typed or edited but not saved yet.",
    conflictMessage: "Changed elsewhere while you edited. Nothing was overwritten. Yours is in the field above; theirs is what is saved now. Keep yours (or your merge of the two), or take theirs.",
    yours: "Yours", theirs: "Theirs (saved)", empty: "(empty)", keepMine: "Keep mine", takeTheirs: "Take theirs",
    decided: "Decided and saved.", close: "Close",
    unattributed: "unattributed", edit: "Edit", del: "Delete", saveQuote: "Save quote", cancel: "Cancel",
    quoteDeleted: "Quote deleted.", undo: "Undo", sendAgain: "Send again", showFailed: "Show what was not saved",
    consentKept: "Consent kept on this device and sent when the connection returns; you can capture meanwhile.",
    consentWithdrawn: "Kept on this device and sent when the connection returns.",
    full: "not saved — the server's storage is full; kept on this device",
    storageFull: "The server's storage is full, so this edit was not saved there. It is kept on this device and will be sent again automatically. Please tell your administrator.",
    sections: {}, fields: {}  // the page's words for a section and a field (autosave_texts)
  };
  try {
    var texts = JSON.parse(document.getElementById("autosave-text").textContent);
    Object.keys(texts).forEach(function (k) { labels[k] = texts[k]; });
  } catch (e) { /* keep the English defaults */ }
  function count(template, n) { return template.replace("%(n)s", String(n)); }

  // --- storage: localStorage, with a copy in memory when the browser refuses to keep it ---
  var KEY = {
    queue: "govcap:queue:" + session, known: "govcap:known:" + session,
    conflicts: "govcap:conflicts:" + session, failed: "govcap:failed:" + session,
    consent: "govcap:consent:" + session
  };
  var memory = {}, storageBroken = false;
  function read(key, empty) {
    if (!storageBroken) {
      try { var raw = localStorage.getItem(key); if (raw !== null) return JSON.parse(raw); } catch (e) { /* below */ }
    }
    return key in memory ? memory[key] : empty;
  }
  function write(key, value) {
    memory[key] = value;
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { storageBroken = true; }
  }
  function change(key, empty, fn) { var v = read(key, empty); var out = fn(v); write(key, out === undefined ? v : out); }
  function queue() { return read(KEY.queue, []); }
  function known() { return read(KEY.known, {}); }
  function conflicts() { return read(KEY.conflicts, {}); }
  function failed() { return read(KEY.failed, []); }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = "";
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    for (var i = 0; i < 16; i++) h += (b[i] + 0x100).toString(16).slice(1);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k]; else if (k === "className") e.className = attrs[k]; else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  // --- the fields of a section page --------------------------------------------------------
  function wrapper(field) { return form && form.querySelector('.field[data-field="' + field + '"]'); }
  function fieldNames() {
    return form ? Array.prototype.map.call(form.querySelectorAll(".field[data-field]"), function (w) { return w.dataset.field; }) : [];
  }
  function isChoice(field) { return !!wrapper(field).querySelector("input[type=radio]"); }
  function valueOf(field) {
    var w = wrapper(field);
    if (isChoice(field)) { var c = w.querySelector("input[type=radio]:checked"); return c ? c.value : ""; }
    return w.querySelector("textarea").value;
  }
  // A value as the reader reads it: a choice by its label on the page, else by the word the
  // server sent with the conflict (`given`), never the stored key ("high").
  function labelOf(field, value, given) {
    if (value === "") return labels.empty;
    var r = isChoice(field) ? wrapper(field).querySelector('input[type=radio][value="' + value + '"]') : null;
    return r ? r.parentNode.textContent.trim() : (given || value);
  }
  function setValue(field, value) {
    var w = wrapper(field);
    if (!w) return;
    if (isChoice(field)) w.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === value; });
    else w.querySelector("textarea").value = value;
  }
  function revisionOf(field) { return parseInt(wrapper(field).dataset.revision || "0", 10); }
  function setRevision(field, revision) {
    var w = wrapper(field);
    if (!w) return;
    w.dataset.revision = String(revision);
    var hidden = form.querySelector('[name="rev_' + field + '"]');
    if (hidden) hidden.value = String(revision);
  }
  function fieldState(field, state, message) {
    var s = wrapper(field) && wrapper(field).querySelector(":scope > .save-state");
    if (s) { s.dataset.state = state; s.textContent = message || labels[state] || ""; }
  }
  function knownOf(sec, field) { return known()[sec + "|" + field]; }
  function remember(sec, field, revision, value) {
    change(KEY.known, {}, function (k) {
      var old = k[sec + "|" + field];
      if (!old || old.rev <= revision) k[sec + "|" + field] = { rev: revision, value: value };
    });
  }

  // --- the status line: one rule for what the page claims ----------------------------------
  var net = "online";  // online, offline, full (the server's storage), loggedOut
  var fullMessage = "";
  var debounces = {};
  var openEdits = [];  // quotes being edited: saved when the page is left, never dropped
  function unsavedHere() {
    // Fields whose value differs from what the server acknowledged, with nothing queued.
    var q = queue();
    return fieldNames().filter(function (f) {
      var k = knownOf(section, f);
      var queued = q.some(function (o) { return o.kind === "field" && o.section === section && o.field === f; });
      return !queued && !debounces[f] && !wrapper(f).dataset.conflict && (!k || k.value !== valueOf(f));
    }).length;
  }
  function refresh() {
    var nConflicts = Object.keys(conflicts()).length;
    if (conflictsLink) {
      conflictsLink.hidden = nConflicts === 0;
      conflictsLink.dataset.count = String(nConflicts);
      conflictsLink.textContent = count(labels.conflicts, nConflicts);
    }
    if (!summary) return;
    var n = queue().length + Object.keys(debounces).length + unsavedHere();
    var nFailed = failed().length;
    var draft = (quoteText && quoteText.value.trim() !== "") || editsUnsaved().length > 0;
    var participantConflict = !!document.querySelector("#participants .conflict");
    if (!canCapture && !n && !nFailed && !nConflicts) {  // the server's read-only line again
      summary.dataset.state = "readonly"; summary.textContent = readOnlyText; shownFailed = null;
      return;
    }
    var parts = [], state = "saved";
    if (nConflicts || participantConflict) { parts.push(labels.conflictsPending); state = "conflict"; }
    if (nFailed) { parts.push(count(labels.failed, nFailed)); state = "error"; }
    if (net === "loggedOut") { parts.push(count(labels.loggedOut, n)); state = state === "saved" ? "offline" : state; }
    else if (net === "full") { parts.push(fullMessage + " " + count(labels.pending, n)); state = state === "saved" ? "full" : state; }
    else if (net === "offline" || !navigator.onLine) {
      parts.push(n ? count(labels.offlinePending, n) : labels.offlineSaved);
      if (n && state === "saved") state = "offline";
    } else if (n) { parts.push(count(labels.pending, n)); if (state === "saved") state = "waiting"; }
    if (draft) { parts.push(labels.draft); if (state === "saved") state = "waiting"; }
    if (state === "saved" && !parts.length) {
      if (formRefused) state = "";  // the message above says what was not saved
      else parts.push(labels.allSaved);
    }
    summary.dataset.state = state;
    // The line's words change often; the list of refused edits only when it changes, so a
    // list being read (opened, a button about to be pressed) is not rebuilt under the reader.
    var line = summary.querySelector(":scope > .save-line");
    if (!line) { summary.textContent = ""; line = el("span", { className: "save-line" }); summary.append(line); }
    line.textContent = parts.join(" ");
    var key = nFailed ? JSON.stringify(failed()) : "";
    if (shownFailed && (shownFailed.key !== key || !shownFailed.node.isConnected)) {
      shownFailed.node.remove(); shownFailed = null;
    }
    if (nFailed && !shownFailed) {
      shownFailed = { key: key, node: failedList() };
      summary.append(shownFailed.node);
    }
  }
  var shownFailed = null;  // { key, node }: the refused edits' list on the status line

  // Edits the server refused for a reason other than a conflict (the session turned
  // read-only, a bad value…): listed with their text, to send again (once reopened, say) or
  // to copy and dismiss. Never dropped without the facilitator's word.
  function failedList() {
    var list = el("ul");
    failed().forEach(function (f) {
      var op = f.op, text = op.kind === "field" ? op.value : (op.text || op.role_title || "");
      var what = op.field || op.kind;
      list.append(el("li", {}, [el("span", { text: (op.section ? (labels.sections[op.section] || op.section) + " · " : "") +
        (labels.fields[what] || what) + ": " }), el("q", { dir: "auto", text: text }), " — " + (f.message || "")]));
    });
    var again = el("button", { type: "button", text: labels.sendAgain });
    var dismiss = el("button", { type: "button", className: "link", text: labels.dismiss });
    again.addEventListener("click", function () {
      var items = failed();
      write(KEY.failed, []);
      items.forEach(function (f) {
        var op = f.op, k = op.kind === "field" && knownOf(op.section, op.field);
        op.op_id = newId(); delete op.sent;
        if (k) op.base_revision = k.rev;  // based on what this device last saw saved
        enqueue(op);
      });
    });
    dismiss.addEventListener("click", function () { write(KEY.failed, []); refresh(); });
    return el("details", { className: "failed" }, [el("summary", { text: labels.showFailed }), list,
                                                   el("p", {}, [again, " ", dismiss])]);
  }

  // --- the queue ------------------------------------------------------------------------------
  function sameTarget(a, b) {
    if (a.kind !== b.kind || a.section !== b.section) return false;
    if (a.kind === "consent") return true;
    if (a.kind === "participant") return a.participant === b.participant;
    return a.kind === "field" ? a.field === b.field : a.quote === b.quote;
  }
  function enqueue(op) {
    change(KEY.queue, [], function (q) {
      // An edit not yet sent is replaced by the newer one; one already sent (by this tab or
      // another) is never changed: the server may have applied it under its operation ID.
      // An edit behind one in flight builds on that one's answer (its base is updated then).
      var same = q.filter(function (o) { return sameTarget(o, op); });
      var last = same[same.length - 1];
      var inFlight = same.filter(function (o) { return o.sent; }).pop();
      if (inFlight) op.base_revision = inFlight.base_revision;
      if (last && !last.sent && !last.delete && !op.delete) {
        op.op_id = last.op_id;
        q[q.indexOf(last)] = op;
        return q;
      }
      if (last) op.base_revision = last.base_revision;
      q.push(op);
      return q;
    });
    pump();
  }
  function dequeue(opId) {
    change(KEY.queue, [], function (q) { return q.filter(function (o) { return o.op_id !== opId; }); });
  }
  function enqueueField(field) {
    if (!canCapture) return;
    var w = wrapper(field);
    enqueue({
      kind: "field", op_id: newId(), section: section, instrument: instrument, field: field,
      value: valueOf(field), base_revision: revisionOf(field), resolves: w.dataset.conflict || null
    });
    fieldState(field, "waiting");
  }

  function payload(op) {
    if (op.kind === "consent") {
      return { op_id: op.op_id, given: op.given, recording_allowed: op.recording_allowed, note: op.note };
    }
    if (op.kind === "participant") {
      return { op_id: op.op_id, action: op.action, participant: op.participant, role_title: op.role_title,
               organisation: op.organisation, seniority: op.seniority, gender: op.gender, name: op.name,
               base_revision: op.base_revision || 0 };
    }
    if (op.kind === "field") {
      return { op_id: op.op_id, section: op.section, instrument: op.instrument, field: op.field, value: op.value,
               base_revision: op.base_revision, resolves: op.resolves || null };
    }
    return { op_id: op.op_id, section: op.section, instrument: op.instrument, quote: op.quote, text: op.text || "",
             participant: op.participant || "", base_revision: op.base_revision || 0, delete: !!op.delete,
             resolves: op.resolves || null };
  }

  var sending = null, retryDelay = 1000, retryTimer = null;
  function pump() {
    refresh();
    if (sending) return;
    var q = queue();
    if (!q.length) return;
    var op = q[0];
    if (!op.sent) change(KEY.queue, [], function (all) { all.forEach(function (o) { if (o.op_id === op.op_id) o.sent = true; }); });
    sending = op.op_id;
    if (op.section === section && op.kind === "field") fieldState(op.field, "saving");
    fetch(urls[op.kind], {
      method: "POST", credentials: "same-origin", redirect: "manual",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify(payload(op))
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.type === "opaqueredirect" || (response.status === 403 && type.indexOf("application/json") === -1)) {
        retryLater("loggedOut");  // logged out, or logged in again elsewhere with a new token
        refreshToken();
        return;
      }
      if (type.indexOf("application/json") === -1) throw new Error("server unreachable");
      return response.json().then(function (data) { settle(op, response.status, data); });
    }).catch(function () { retryLater("offline"); });
  }

  function refreshToken() {
    if (!urls.conflicts) return;
    fetch(urls.conflicts, { credentials: "same-origin", redirect: "manual", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok && (r.headers.get("Content-Type") || "").indexOf("json") !== -1 ? r.json() : null; })
      .then(function (data) {
        if (!data || !data.csrf) return;
        csrf = data.csrf; net = "online"; retryDelay = 1000;
        clearTimeout(retryTimer); pump();
      }).catch(function () { /* still logged out or offline: the next retry asks again */ });
  }

  function retryLater(why) {
    sending = null; net = why;
    queue().forEach(function (o) {
      if (o.section !== section) return;
      if (o.kind === "field" && !debounces[o.field]) fieldState(o.field, why === "full" ? "full" : "offline");
      if (o.kind === "quote") quoteState(o.quote, why === "full" ? "full" : "offline");
    });
    queue().forEach(function (o) { if (o.kind === "participant") participantRow(o, null, why === "full" ? "full" : "offline"); });
    refresh();
    clearTimeout(retryTimer);
    retryTimer = setTimeout(why === "loggedOut" ? refreshToken : pump, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function settle(op, status, data) {
    if (status === 503 && data.code === "storage_full") {
      fullMessage = data.message || labels.storageFull;
      retryLater("full");
      return;
    }
    sending = null; net = "online"; fullMessage = ""; retryDelay = 1000;
    dequeue(op.op_id);
    if (status === 200) saved(op, data);
    else if (data.status === "conflict") conflicted(op, data);
    else refused(op, data);
    pump();
  }

  function saved(op, data) {
    var here = op.section === section;
    formRefused = false;  // something the facilitator did went through: the line may say so again
    change(KEY.failed, [], function (f) {  // a later edit of the same thing went through
      return f.filter(function (x) { return !sameTarget(x.op, op); });
    });
    if (op.kind === "participant") { participantRow(op, data.participant && data.participant.code, "saved"); return; }
    if (op.kind === "consent") { write(KEY.consent, null); return; }  // the server holds it now
    if (op.resolves) forgetConflict(op.section, op.kind === "field" ? op.field : "quote:" + op.quote, here);
    if (op.kind === "field") {
      remember(op.section, op.field, data.revision, op.value);
      change(KEY.queue, [], function (q) {  // later edits of the same field build on this save
        q.forEach(function (o) { if (sameTarget(o, op)) o.base_revision = data.revision; });
      });
      if (here) { setRevision(op.field, data.revision); if (!pending(op)) fieldState(op.field, "saved"); }
    } else if (op.delete) {
      /* the item stays, hidden: its Undo brings it back in place */
    } else {
      change(KEY.queue, [], function (q) { q.forEach(function (o) { if (sameTarget(o, op) && !o.delete) o.base_revision = data.revision; }); });
      var li = quoteItem(op.quote);
      if (li) li.dataset.revision = String(data.revision);
      quoteState(op.quote, "saved");
    }
  }
  function pending(op) { return queue().some(function (o) { return sameTarget(o, op); }); }

  function conflicted(op, data) {
    var target = op.kind === "field" ? op.field : "quote:" + op.quote;
    change(KEY.conflicts, {}, function (c) {
      c[op.section + "|" + target] = {
        conflict: data.conflict, section: op.section, field: op.kind === "field" ? op.field : "quote",
        target: target, yours: data.yours, theirs: data.theirs, revision: data.revision, at: Date.now(),
        yours_label: data.yours_label, theirs_label: data.theirs_label  // a level's words, from the server
      };
    });
    if (op.section === section && op.kind === "field") showConflict(op.field, conflicts()[section + "|" + target]);
    if (op.section === section && op.kind === "quote") quoteState(op.quote, "conflict");
  }

  function refused(op, data) {
    // Refused for a reason other than a conflict (read-only now, a bad value…): the edit is
    // kept on this device, its text left in the field, and the reason shown.
    change(KEY.failed, [], function (f) { f.push({ op: op, message: data.message || "" }); });
    var why = labels.error + (data.message ? ": " + data.message : "");
    if (op.section === section && op.kind === "field") fieldState(op.field, "error", why);
    if (op.section === section && op.kind === "quote") quoteState(op.quote, "error", why);
    if (op.kind === "participant") participantRow(op, null, "error", why);
  }

  // --- conflicts --------------------------------------------------------------------------------
  function forgetConflict(sec, target, here) {
    change(KEY.conflicts, {}, function (c) { delete c[sec + "|" + target]; });
    if (!here || target.indexOf("quote:") === 0) return;
    var w = wrapper(target);
    if (!w) return;
    delete w.dataset.conflict;
    w.classList.remove("in-conflict");
    var box = w.querySelector(".conflict");
    if (box && !w.dataset.merging) box.remove();  // a button decided: nothing left to read
    else if (box) {  // merged by hand: the other version stays in view until closed
      delete w.dataset.merging;
      box.classList.add("resolved");
      box.setAttribute("role", "status");
      var p = box.querySelector("p");
      p.textContent = labels.decided;
      box.querySelectorAll("[name^=resolves_],[name^=theirs_],[name^=decide_]").forEach(function (e) { e.remove(); });
      var close = el("button", { type: "button", text: labels.close });
      close.addEventListener("click", function () { box.remove(); });
      box.append(close);
    }
  }

  // The words that differ between two texts (a longest common subsequence of words).
  function wordPieces(a, b) {
    var words = /\s+|[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]/gu;  // as worddiff.py: punctuation apart
    var x = a.match(words) || [], y = b.match(words) || [];
    if (x.length * y.length > 250000) return [[{ text: a, changed: true }], [{ text: b, changed: true }]];
    var n = x.length, m = y.length, L = [], i, j;
    for (i = 0; i <= n; i++) { L.push(new Uint32Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) for (j = m - 1; j >= 0; j--) L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    var left = [], right = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { left.push({ text: x[i], changed: false }); right.push({ text: y[j], changed: false }); i++; j++; }
      else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) { right.push({ text: y[j], changed: true }); j++; }
      else { left.push({ text: x[i], changed: true }); i++; }
    }
    return [left, right];
  }
  function version(field, text, pieces, given) {
    var p = el("p", { className: "version", dir: "auto" });
    if (text === "" || isChoice(field) || given) { p.textContent = labelOf(field, text, given); return p; }
    pieces.forEach(function (piece) { p.append(piece.changed ? el("mark", { text: piece.text }) : piece.text); });
    return p;
  }

  function showConflict(field, c) {
    var w = wrapper(field);
    if (!w || !c) return;
    w.dataset.conflict = c.conflict;
    w.classList.add("in-conflict");
    setRevision(field, c.revision);
    fieldState(field, "conflict");
    var old = w.querySelector(".conflict");
    if (old) old.remove();
    var mine = valueOf(field) || c.yours;
    var pieces = wordPieces(mine, c.theirs);
    var named = isChoice(field) || !!(c.yours_label || c.theirs_label);  // a level: the two choices by their labels
    var mineWord = mine === c.yours ? c.yours_label : "";
    var keep = el("button", { type: "button", text: labels.keepMine + (named ? ": " + labelOf(field, mine, mineWord) : "") });
    var take = el("button", { type: "button", text: labels.takeTheirs + (named ? ": " + labelOf(field, c.theirs, c.theirs_label) : "") });
    keep.addEventListener("click", function () { enqueueField(field); });
    take.addEventListener("click", function () { setValue(field, c.theirs); enqueueField(field); });
    var box = el("div", { className: "conflict live", role: "alert" }, [
      el("p", { text: labels.conflictMessage }),
      el("div", { className: "versions" }, [
        el("div", {}, [el("p", { text: labels.yours }), version(field, mine, pieces[0], named ? mineWord : "")]),
        el("div", {}, [el("p", { text: labels.theirs }), version(field, c.theirs, pieces[1], named ? c.theirs_label : "")])
      ]),
      el("p", { className: "actions" }, [keep, " ", take])
    ]);
    w.appendChild(box);
  }

  // The server-rendered conflict boxes (the page was made while a conflict was open).
  function adoptRenderedConflicts() {
    fieldNames().forEach(function (field) {
      var w = wrapper(field);
      if (!w.dataset.conflict) return;
      var theirs = form.querySelector('[name="theirs_' + field + '"]');
      change(KEY.conflicts, {}, function (c) {
        c[section + "|" + field] = { conflict: w.dataset.conflict, section: section, field: field, target: field,
                                     yours: valueOf(field), theirs: theirs ? theirs.value : "", revision: revisionOf(field) };
      });
      fieldState(field, "conflict");
      w.querySelectorAll("[name=decide_" + field + "]").forEach(function (b) {
        b.type = "button";
        b.addEventListener("click", function () {
          if (b.value === "theirs" && theirs) setValue(field, theirs.value);
          enqueueField(field);
        });
      });
    });
  }

  // The server's list is the truth when it can be asked: a conflict decided on the
  // conflicts page, or in another browser, is forgotten here too.
  function syncConflicts() {
    if (!urls.conflicts || !navigator.onLine) return;
    var asked = Date.now();
    fetch(urls.conflicts, { credentials: "same-origin", redirect: "manual", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok && (r.headers.get("Content-Type") || "").indexOf("json") !== -1 ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        var fresh = {};
        data.conflicts.forEach(function (c) { fresh[c.section + "|" + c.target] = c; });
        change(KEY.conflicts, {}, function (local) {  // met since the question: keep
          Object.keys(local).forEach(function (key) { if ((local[key].at || 0) >= asked) fresh[key] = local[key]; });
          return fresh;
        });
        fieldNames().forEach(function (field) {  // decided elsewhere: show what is saved
          var w = wrapper(field), k = knownOf(section, field);
          if (!w.dataset.conflict || fresh[section + "|" + field]) return;
          delete w.dataset.conflict;
          w.classList.remove("in-conflict");
          var box = w.querySelector(".conflict");
          if (box) box.remove();
          if (k) { setValue(field, k.value); setRevision(field, k.rev); }
          fieldState(field, "");
        });
        refresh();
      }).catch(function () { /* offline: keep the local copy */ });
  }

  // --- quotes ------------------------------------------------------------------------------------
  function quoteItem(id) { return quoteList && quoteList.querySelector('[data-quote="' + id + '"]'); }
  function quoteState(id, state, message) {
    var li = quoteItem(id), s = li && li.querySelector(".save-state");
    if (s) { s.dataset.state = state; s.textContent = message || labels[state] || ""; }
    refresh();
  }
  function quoteBody(li, text, participant) {
    li.textContent = "";
    li.dataset.participant = participant || "";
    var actions = el("span", { className: "quote-actions" });
    if (canCapture) {
      var edit = el("button", { type: "button", className: "link", text: labels.edit });
      var del = el("button", { type: "button", className: "link", text: labels.del });
      edit.addEventListener("click", function () { editQuote(li); });
      del.addEventListener("click", function () { deleteQuote(li); });
      actions.append(edit, " ", del);
    }
    li.append(el("blockquote", { dir: "auto", text: text }), " — ", el("strong", { text: participant || labels.unattributed }),
              " ", el("span", { className: "save-state", "data-state": "" }), " ", actions);
  }
  function renderQuote(op) {
    var empty = quoteList.querySelector(".empty");
    if (empty) empty.remove();
    var li = el("li", { "data-quote": op.quote, "data-revision": "0", id: "q-" + op.quote });
    quoteBody(li, op.text, op.participant);
    quoteList.appendChild(li);
    quoteState(op.quote, "waiting");
    return li;
  }
  // A quote typed keeps one UUID from its first letter until it is added: the draft, kept on
  // this device, shows again in another tab or a reloaded page, whose leaving adds it too; with
  // the same UUID the server creates it once (a second add is the same quote, unchanged).
  var quoteDraftId = "";
  function addQuote() {
    if (!quoteText || !quoteText.value.trim() || !canCapture) return;
    var op = { kind: "quote", op_id: newId(), section: section, instrument: instrument, quote: quoteDraftId || newId(),
               text: quoteText.value.trim(), participant: quoteWho ? quoteWho.value : "", base_revision: 0 };
    quoteText.value = "";
    quoteDraftId = "";
    if (quoteItem(op.quote)) return;  // already added from this page
    enqueue(op);
    renderQuote(op);
  }
  function editQuote(li) {
    var text = li.querySelector("blockquote").textContent, who = li.dataset.participant;
    var area = el("textarea", { rows: "2", dir: "auto" });
    area.value = text;
    var select = quoteWho ? quoteWho.cloneNode(true) : el("select");
    select.removeAttribute("id"); select.removeAttribute("name"); select.removeAttribute("form");
    select.value = who;
    var save = el("button", { type: "button", className: "primary", text: labels.saveQuote });
    var cancel = el("button", { type: "button", className: "link", text: labels.cancel });
    li.textContent = "";
    li.append(el("div", { className: "quote-edit" }, [select, area, el("p", {}, [save, " ", cancel])]));
    area.focus();
    area.addEventListener("input", refresh);
    openEdits.push({ li: li, area: area, select: select, text: text, who: who, save: save });
    cancel.addEventListener("click", function () { closeEdit(li); quoteBody(li, text, who); refresh(); });
    save.addEventListener("click", function () {
      if (!area.value.trim()) { area.focus(); return; }
      enqueue({ kind: "quote", op_id: newId(), section: section, instrument: instrument, quote: li.dataset.quote,
                text: area.value.trim(), participant: select.value, base_revision: parseInt(li.dataset.revision || "0", 10) });
      closeEdit(li);
      quoteBody(li, area.value.trim(), select.value);
      quoteState(li.dataset.quote, "waiting");
    });
  }
  function closeEdit(li) { openEdits = openEdits.filter(function (e) { return e.li !== li; }); }
  function editsUnsaved() {
    return openEdits.filter(function (e) { return e.area.value.trim() !== e.text || e.select.value !== e.who; });
  }
  function deleteQuote(li) {
    var id = li.dataset.quote, text = li.querySelector("blockquote").textContent, who = li.dataset.participant;
    var unsent = queue().filter(function (o) { return o.kind === "quote" && o.quote === id && !o.sent; });
    var neverSent = unsent.length && unsent[0].base_revision === 0 && li.dataset.revision === "0";
    if (neverSent) dequeue(unsent[0].op_id);  // it never reached the server: forget it here
    else enqueue({ kind: "quote", op_id: newId(), section: section, instrument: instrument, quote: id, delete: true });
    li.hidden = true;
    var undo = el("button", { type: "button", text: labels.undo });
    var note = el("p", { className: "msg msg-success", role: "status" }, [labels.quoteDeleted + " ", undo]);
    li.after(note);
    undo.addEventListener("click", function () {
      var del = queue().filter(function (o) { return o.kind === "quote" && o.quote === id && o.delete && !o.sent; });
      if (del.length) dequeue(del[0].op_id);
      else enqueue({ kind: "quote", op_id: newId(), section: section, instrument: instrument, quote: id,
                     text: text, participant: who, base_revision: 0 });
      li.hidden = false;
      note.remove();
      pump();
    });
  }
  function restoreQuotes() {
    if (!quoteList) return;
    queue().forEach(function (op) {
      if (op.kind !== "quote" || op.section !== section) return;
      var li = quoteItem(op.quote);
      if (op.delete) { if (li) li.hidden = true; return; }
      if (!li) li = renderQuote(op); else quoteBody(li, op.text, op.participant);
      quoteState(op.quote, "waiting");
    });
    quoteList.querySelectorAll("li[data-quote]").forEach(function (li) {
      var actions = li.querySelector(".quote-actions");
      if (!actions || li.dataset.wired) return;
      li.dataset.wired = "1";
      actions.querySelectorAll("button").forEach(function (b) {
        b.type = "button";
        b.addEventListener("click", function () { if (b.name === "edit_quote") editQuote(li); else deleteQuote(li); });
      });
    });
  }

  // --- participants added while offline (the consent page) -------------------------------------
  // With a connection the page's own form posts them; without one (or when its post gets no
  // answer) they join the queue under the form's operation ID and show as waiting rows.
  function participantForm(f) {
    var kind = f && f.querySelector && f.querySelector("input[name=form]");
    return kind && kind.value === "participant" ? f : null;
  }
  function participantRow(op, code, state, message) {
    var table = document.querySelector("#participants tbody");
    if (!table) return;
    var row = table.querySelector('[data-pending="' + op.participant + '"]');
    if (!row) {
      var org = document.querySelector('#participants select[name=organisation] option[value="' + op.organisation + '"]');
      row = el("tr", { "data-pending": op.participant }, [
        el("td", { className: "code" }), el("td", { dir: "auto", text: op.role_title }),
        el("td", { text: org ? org.textContent : "" }), el("td"), el("td"),
        el("td", {}, [el("span", { className: "save-state" })])]);
      table.appendChild(row);
    }
    if (code) row.querySelector(".code").textContent = code;
    var s = row.querySelector(".save-state");
    s.dataset.state = state; s.textContent = message || labels[state] || "";
    refresh();
  }
  function queueParticipant(f) {
    var data = new FormData(f), opField = f.querySelector("[name=op_id]");
    var op = { kind: "participant", op_id: data.get("op_id") || newId(), action: "add", participant: newId(),
               role_title: data.get("role_title") || "", organisation: parseInt(data.get("organisation") || "0", 10),
               seniority: data.get("seniority") || "", gender: data.get("gender") || "", name: data.get("name") || "" };
    if (!op.role_title.trim()) { var r = f.querySelector("[name=role_title]"); if (r) r.focus(); return; }
    enqueue(op);
    participantRow(op, null, "offline");
    if (opField) opField.value = newId();  // the next participant is another operation
    ["role_title", "name"].forEach(function (n) { var e = f.querySelector("[name=" + n + "]"); if (e) e.value = ""; });
  }
  // Consent recorded with no connection: queued first, so the edits after it can be saved;
  // meanwhile this device lets the session be captured.
  function consentForm(f) {
    var kind = f && f.querySelector && f.querySelector("input[name=form]");
    return kind && kind.value === "consent" ? f : null;
  }
  document.addEventListener("submit", function (event) {
    var f = consentForm(event.target);
    if (!f || !urls.consent || (navigator.onLine && net !== "offline")) return;
    event.preventDefault();
    var given = !!f.querySelector("[name=consent_given]:checked");
    enqueue({ kind: "consent", op_id: newId(), given: given,
              recording_allowed: !!f.querySelector("[name=recording_allowed]:checked"),
              note: (f.querySelector("[name=consent_note]") || { value: "" }).value });
    write(KEY.consent, given);
    var note = f.querySelector(".consent-kept") || el("p", { className: "msg msg-warning consent-kept", role: "status" });
    note.textContent = given ? labels.consentKept : labels.consentWithdrawn;
    f.append(note);
  }, true);
  if (canCapture && read(KEY.consent, null) === true) {
    document.querySelectorAll("[data-needs-consent]").forEach(function (e) { e.disabled = false; });
    var missing = document.getElementById("consent-missing");
    if (missing) missing.hidden = true;
  }

  document.addEventListener("submit", function (event) {
    var f = participantForm(event.target);
    if (!f || !urls.participant || (navigator.onLine && net !== "offline")) return;
    event.preventDefault();
    event.stopImmediatePropagation();  // before htmx sends it into the void
    queueParticipant(f);
  }, true);
  document.addEventListener("htmx:sendError", function (event) {
    var f = participantForm(event.detail && event.detail.elt);
    if (f) { net = "offline"; queueParticipant(f); }
  });
  queue().forEach(function (op) { if (op.kind === "participant") participantRow(op, null, "waiting"); });

  // --- a section page: wiring -------------------------------------------------------------------
  function startSection() {
    fieldNames().forEach(function (field) {
      var w = wrapper(field), k = knownOf(section, field), rendered = revisionOf(field);
      if (w.dataset.conflict) return;
      if (k && k.rev > rendered) { setValue(field, k.value); setRevision(field, k.rev); }  // an older copy of the page
      else remember(section, field, rendered, valueOf(field));
    });
    adoptRenderedConflicts();
    Object.keys(conflicts()).forEach(function (key) {
      var c = conflicts()[key];
      if (c.section === section && c.field !== "quote" && !wrapper(c.field).dataset.conflict) {
        setValue(c.field, c.yours);
        showConflict(c.field, c);
      }
    });
    queue().forEach(function (op) {  // edits not yet sent (offline, or the tab was closed)
      if (op.kind === "field" && op.section === section && wrapper(op.field)) { setValue(op.field, op.value); fieldState(op.field, "waiting"); }
    });
    failed().forEach(function (f) {
      if (f.op.kind === "field" && f.op.section === section && wrapper(f.op.field)) {
        setValue(f.op.field, f.op.value); fieldState(f.op.field, "error", labels.error + (f.message ? ": " + f.message : ""));
      }
    });
    restoreQuotes();
    var draftKey = "govcap:quote-draft:" + session + ":" + section, draftIdKey = draftKey + ":id";
    if (quoteText && !quoteText.value) {
      quoteText.value = read(draftKey, "");
      if (quoteText.value) quoteDraftId = read(draftIdKey, "");
    }
    if (quoteText) quoteText.addEventListener("input", function () {
      // the draft's UUID, unless another page added it meanwhile: then what is typed is new
      var stored = read(draftIdKey, "");
      if (!quoteDraftId || stored !== quoteDraftId) quoteDraftId = stored || newId();
      write(draftIdKey, quoteText.value ? quoteDraftId : "");
      write(draftKey, quoteText.value);
      refresh();
    });
    function draftAdded() { write(draftKey, ""); write(draftIdKey, ""); }

    fieldNames().forEach(function (field) {
      var w = wrapper(field);
      w.querySelectorAll(":scope > textarea").forEach(function (t) {
        t.addEventListener("input", function () {
          t.dir = inputDir(t.value);
          if (w.dataset.conflict) w.dataset.merging = "1";
          fieldState(field, "waiting");
          clearTimeout(debounces[field]);
          debounces[field] = setTimeout(function () { delete debounces[field]; enqueueField(field); }, 700);
          refresh();
        });
        t.addEventListener("blur", function () { flush(field); });
      });
      w.querySelectorAll("input[type=radio]").forEach(function (r) {
        r.addEventListener("change", function () { enqueueField(field); });
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var by = event.submitter ? event.submitter.name : "";
      flushAll();
      addQuote();  // a quote typed is added by any button, never dropped
      draftAdded();
      if (by === "save_next") {
        var next = document.querySelector(".nav-sections a:last-child");
        if (next) window.location.href = next.href;
      }
    });
    window.addEventListener("pagehide", function () {
      editsUnsaved().forEach(function (e) { if (e.area.value.trim()) e.save.click(); });
      flushAll();
      if (quoteText && quoteText.value.trim()) { addQuote(); draftAdded(); }
    });
  }
  // A note that starts with participant codes ("P2: لم…") reads in the direction of its first
  // letter after them, which dir="auto" would take from the code (govcap.direction).
  var LEADING_CODES = /^(?:[\s:;,.\-–—()]*[A-Z]{1,3}\d{1,4}(?![A-Za-z0-9]))+[\s:;,.\-–—()]*/;
  var FIRST_LETTER = /[A-Za-z\u00C0-\u024F]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
  function inputDir(text) {
    var codes = LEADING_CODES.exec(text), letter = codes && FIRST_LETTER.exec(text.slice(codes[0].length));
    if (!letter) return "auto";
    return /[A-Za-z\u00C0-\u024F]/.test(letter[0]) ? "ltr" : "rtl";
  }
  function flush(field) {
    if (debounces[field]) { clearTimeout(debounces[field]); delete debounces[field]; enqueueField(field); }
  }
  function flushAll() { Object.keys(debounces).forEach(flush); }

  // Another tab saved a field this page shows untouched: show the newer text.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY.known && form) {
      fieldNames().forEach(function (field) {
        var w = wrapper(field), k = knownOf(section, field);
        if (!k || w.dataset.conflict || debounces[field] || k.rev <= revisionOf(field)) return;
        var queued = queue().some(function (o) { return o.kind === "field" && o.section === section && o.field === field; });
        if (!queued) { setValue(field, k.value); setRevision(field, k.rev); fieldState(field, "saved"); }
      });
    }
    if (event.key === KEY.queue || event.key === KEY.conflicts || event.key === KEY.failed || event.key === KEY.known) refresh();
  });
  document.addEventListener("htmx:afterSwap", refresh);  // a participant form answered
  window.addEventListener("beforeunload", function (event) {  // a participant edit refused
    if (document.querySelector("#participants .conflict")) { event.preventDefault(); event.returnValue = ""; }
  });
  window.addEventListener("online", function () { retryDelay = 1000; clearTimeout(retryTimer); net = "online"; syncConflicts(); pump(); });
  window.addEventListener("offline", function () { net = "offline"; refresh(); });

  if (form) startSection();
  syncConflicts();
  pump();
})();
