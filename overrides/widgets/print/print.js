/* The "Print" button of a service page and "Print this list" of the finder, place and need
   pages: shown only where this script runs, it opens the browser's print dialog (print.css
   makes the page a hand-out). On the finder, the printed address carries the answers
   (?place=…&need=…) and the QR code, made at build time without them, is left out. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-sg-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].parentNode.style.visibility = ""; // the <p class="sg-print-action">, kept in place
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
  var sheet = document.querySelector("[data-sg-print-answers]");
  if (!sheet) return;
  var url = sheet.querySelector(".sg-print-sheet__url");
  var qr = sheet.querySelector(".sg-qr");
  var base = url ? url.textContent : "";
  window.addEventListener("beforeprint", function () {
    if (url) url.textContent = base + window.location.search;
    if (qr) qr.style.display = window.location.search ? "none" : "";
  });
})();
