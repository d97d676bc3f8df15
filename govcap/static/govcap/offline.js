// The page side of the whole session offline (the worker is /s/sw.js, govcap/static/govcap/sw.js):
// installs the worker, tells it which login this page belongs to ("" without a logged-in
// user: it then deletes every saved page) and, on a session's pages, which pages of the
// session to save; shows a banner on a copy served from the cache, and fills the list of
// saved pages on the offline page.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="govcap-offline"]');
  if (!meta || !("serviceWorker" in navigator)) return;
  var key = meta.content;
  var container = navigator.serviceWorker;

  function savedAt(seconds) {
    var when = new Date(seconds * 1000);
    var lang = document.documentElement.lang || undefined;
    var time = when.toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit", hour12: false });
    if (when.toDateString() === new Date().toDateString()) return time;
    return when.toLocaleDateString(lang, { day: "numeric", month: "short" }) + " " + time;
  }

  var fallback = document.getElementById("offline-fallback");
  if (meta.dataset.source === "cache" && !fallback) {
    var banner = document.createElement("p");
    banner.className = "msg msg-warning offline-banner";
    banner.id = "offline-banner";
    banner.setAttribute("role", "status");
    banner.textContent = meta.dataset.banner.replace("%(time)s", savedAt(Number(meta.dataset.rendered)));
    var main = document.getElementById("main") || document.body;
    main.insertBefore(banner, main.firstChild);
  }

  function active(registration) {
    if (registration.active) return Promise.resolve(registration.active);
    var worker = registration.installing || registration.waiting;
    if (!worker) return Promise.reject(new Error("no worker"));
    return new Promise(function (resolve) {
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") resolve(registration.active || worker);
      });
    });
  }

  var list = document.getElementById("offline-pages");
  var pages = list ? list.dataset.pages.split(" ").filter(Boolean) : [];
  var fromCache = meta.dataset.source === "cache";
  var loaded = Date.now();
  function greet(worker) {
    var hello = { type: "hello", key: key, pages: key ? pages : [] };
    // A login lasts this long from a page rendered online; a saved copy does not extend it.
    if (key && !fromCache) hello.ageMs = Number(meta.dataset.age) * 1000 - (Date.now() - loaded);
    worker.postMessage(hello);
  }
  // A new version of the worker has just deleted the previous version's saved pages: tell
  // it again, so this session is saved again without waiting for the next page.
  container.addEventListener("message", function (event) {
    if (event.data && event.data.type === "hello-again" && event.source) greet(event.source);
  });

  if (!key) {  // nobody logged in: an installed worker forgets every saved page
    container.getRegistration(meta.dataset.scope).then(function (registration) {
      if (registration && registration.active) greet(registration.active);
    });
    return;
  }

  container.register(meta.dataset.worker, { scope: meta.dataset.scope }).catch(function () {
    return container.getRegistration(meta.dataset.scope);  // offline: the installed one
  }).then(active).then(function (worker) {
    greet(worker);
    if (fallback) listSaved(worker);
  }).catch(function () { /* no worker (private window, old browser): pages work online */ });

  // The offline page: links to the saved pages, those of the requested page's session only
  // when it is a session's page.
  var ORDER = [/\/s\/[^/]+\/$/, /\/guide\/$/, /\/consent\/$/, /\/section\//, /\/summary\/$/];
  function rank(page) {
    for (var i = 0; i < ORDER.length; i++) if (ORDER[i].test(page.url)) return i;
    return ORDER.length;
  }
  function decoded(html) {
    return new DOMParser().parseFromString(html, "text/html").documentElement.textContent
      .replace(/\s*·\s*govcap\s*$/, "");
  }
  function listSaved(worker) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      var session = /^\/s\/([0-9a-f-]{36})\//.exec(location.pathname);
      var shown = event.data.filter(function (page) {
        return !session || page.url.indexOf("/s/" + session[1] + "/") === 0;
      });
      shown.sort(function (a, b) {
        return a.url.split("/")[2].localeCompare(b.url.split("/")[2]) || rank(a) - rank(b) ||
          (parseInt(decoded(a.title), 10) || 0) - (parseInt(decoded(b.title), 10) || 0);
      });
      var ul = document.getElementById("offline-saved-pages");
      shown.forEach(function (page) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = page.url;
        a.textContent = decoded(page.title) || page.url;
        li.append(a, document.createTextNode(" (" + savedAt(page.saved / 1000) + ")"));
        ul.appendChild(li);
      });
      document.getElementById("offline-none").hidden = shown.length > 0;
    };
    worker.postMessage({ type: "saved-pages" }, [channel.port2]);
  }
})();
