// govcap coding helper: select words in a note or quote, and the section's form gets the
// source, the words and their offsets. Without this script the form works by copy-paste.
(function () {
  "use strict";

  function offsetsIn(container, range) {
    var before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    return [start, start + range.toString().length];
  }

  function fill(container) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return;
    var text = range.toString();
    if (!text.trim()) return;
    var section = container.closest("section");
    var form = section && section.querySelector("form.code-span");
    if (!form) return;
    var where = offsetsIn(container, range);
    var source = container.getAttribute("data-source");
    var radios = form.querySelectorAll("input[name=source]");
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === source;
    form.elements.text.value = text;
    form.elements.start.value = String(where[0]);
    form.elements.end.value = String(where[1]);
    var details = form.closest("details");
    if (details) details.open = true;
    var status = form.querySelector(".helper-status");
    if (status) status.textContent = (status.getAttribute("data-template") ||
      "Selected: %n characters. Choose the codes and apply.").replace("%n", String(text.length));
  }

  document.addEventListener("mouseup", function (event) {
    var container = event.target.closest && event.target.closest(".coded-text");
    if (container) fill(container);
  });
  document.addEventListener("keyup", function (event) {
    if (!event.shiftKey) return;
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    var node = selection.getRangeAt(0).commonAncestorContainer;
    var element = node.nodeType === 1 ? node : node.parentElement;
    var container = element && element.closest(".coded-text");
    if (container) fill(container);
  });
  // Words typed or pasted by hand: let the server find them (the offsets no longer hold).
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.classList.contains("code-span") && event.target.name === "text") {
      form.elements.start.value = "";
      form.elements.end.value = "";
    }
  });
})();
