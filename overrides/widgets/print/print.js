/* The "Print" button of a service page: shown only where this script runs, it opens the
   browser's print dialog (print.css makes the page a one-sheet hand-out). */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-sg-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
})();
