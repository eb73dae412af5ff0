// Measurements of the tables of prices and figures on a page (tests/test_phone_tables.py).
// window.__phoneTables(selector) returns, for every table[data-stack] (or selector):
//   display   – the computed display of its first data cell ("table-cell" or "block")
//   broken    – words whose letters fall on two lines (a break inside a word: "Pakalpojum-s");
//               a break after a hyphen, dash or slash that the word itself has is allowed
//   cells     – for each data cell: its label (data-label), the text that comes before the
//               cell's own text in reading order (CSS generated content included, as the
//               accessibility tree has it), and its own text
window.__phoneTables = function (selector) {
  "use strict";
  function brokenWords(root) {
    var found = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var text = node.textContent;
      var re = /[^\s\-–—\/]+[\-–—\/]?/g;
      var m;
      while ((m = re.exec(text))) {
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].replace(/[\-–—\/]$/, "").length);
        var tops = [];
        [].forEach.call(range.getClientRects(), function (r) {
          if (r.width > 0 && tops.every(function (t) { return Math.abs(t - r.top) > 2; })) tops.push(r.top);
        });
        if (tops.length > 1) found.push(m[0]);
      }
    }
    return found;
  }
  function before(cell) {
    var content = getComputedStyle(cell, "::before").content;
    if (!content || content === "none" || content === "normal") return "";
    // attr(data-label) ": " is computed to the quoted text
    return content.replace(/^"|"$/g, "").replace(/" "/g, "").replace(/\\"/g, '"');
  }
  return [].map.call(document.querySelectorAll(selector || "table[data-stack]"), function (table) {
    var cells = [].map.call(table.querySelectorAll("tbody td"), function (td) {
      return {
        label: td.getAttribute("data-label") || "",
        before: before(td),
        text: td.innerText.trim(),
        shown: td.getClientRects().length > 0,
      };
    });
    var first = table.querySelector("tbody td");
    return {
      caption: table.caption ? table.caption.innerText.trim() : "",
      display: first ? getComputedStyle(first).display : "",
      broken: brokenWords(table),
      cells: cells,
      width: table.getBoundingClientRect().width,
    };
  });
};
