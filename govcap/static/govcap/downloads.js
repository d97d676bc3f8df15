// Plan documents take a while to make (a PDF 30 s and more on a busy server): a download
// button or link marked data-preparing="Preparing the PDF…" says so and is disabled until
// the file arrives, then the browser saves it. Without JavaScript the button or link
// downloads as it always did; on an error the browser opens the address, which says why.
(function () {
  "use strict";

  function filename(response, url) {
    var header = response.headers.get("Content-Disposition") || "";
    var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) { return decodeURIComponent(star[1]); }
    var plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : url.split("/").filter(Boolean).pop();
  }

  function busy(control, on) {
    if (on) {
      control.dataset.label = control.textContent;
      control.textContent = control.dataset.preparing;
      control.setAttribute("aria-disabled", "true");
      control.classList.add("preparing");
      if (control.tagName === "BUTTON") { control.disabled = true; }
    } else {
      control.textContent = control.dataset.label;
      control.removeAttribute("aria-disabled");
      control.classList.remove("preparing");
      if (control.tagName === "BUTTON") { control.disabled = false; }
    }
    var status = document.getElementById("download-status");
    if (status) {
      status.textContent = on ? control.dataset.preparing : "";
      status.hidden = !on;
    }
  }

  function fetchAndSave(control, url) {
    if (control.getAttribute("aria-disabled") === "true") { return; }
    busy(control, true);
    fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.blob().then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = filename(response, url);
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
        busy(control, false);
      });
    }).catch(function () {
      busy(control, false);
      window.location.assign(url);  // the server's own answer says what went wrong
    });
  }

  if (!window.fetch || !window.URL || !("download" in document.createElement("a"))) {
    return;  // an old browser: the plain download, without the message
  }

  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.dataset || !button.dataset.preparing) { return; }
    event.preventDefault();
    var form = event.target;
    var params = new URLSearchParams(new FormData(form)).toString();
    var action = button.getAttribute("formaction") || form.getAttribute("action");
    fetchAndSave(button, action + (params ? "?" + params : ""));
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-preparing]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    fetchAndSave(link, link.href);
  });
})();
