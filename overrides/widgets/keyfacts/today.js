/* Today's hours in the facts box of a service page (overrides/sitegen/partials/keyfacts.html).
 * The page carries one line per weekday, all hidden; this shows the line for today's
 * weekday in Latvia (Europe/Riga), whatever the visitor's own time zone. Without
 * JavaScript the week's hours are shown as they are. */
(function () {
  "use strict";
  var DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

  function todayInRiga() {
    try {
      var name = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "Europe/Riga" })
        .format(new Date())
        .slice(0, 3)
        .toLowerCase();
      if (DAYS.indexOf(name) >= 0) return name;
    } catch (e) {
      /* an old browser without time zones: the device's own day */
    }
    return DAYS[new Date().getDay()];
  }

  function start() {
    var today = todayInRiga();
    var boxes = document.querySelectorAll("[data-sg-today]");
    for (var i = 0; i < boxes.length; i++) {
      var line = boxes[i].querySelector('[data-day="' + today + '"]');
      if (line) {
        line.hidden = false;
        boxes[i].hidden = false;
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
