/* Finder widget (README.md beside this file): three questions that filter, in place, the
   list of services and benefits the page already holds. Started by [data-finder]. */
(function () {
  "use strict";

  var QUESTIONS = ["place", "who", "need"];
  // the attribute of an entry that lists the answers it matches, per question
  var ATTRIBUTE = { place: "data-places", who: "data-who", need: "data-needs" };

  function words(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* Does an entry (its data-* attributes as lists) match the answers? An empty answer
     matches everything. Pure: the case table in cases.md is run against it. */
  function matches(entry, answers) {
    return QUESTIONS.every(function (q) {
      return !answers[q] || entry[q].indexOf(answers[q]) !== -1;
    });
  }

  /* The answers in an address's query (?place=…&who=…&need=…), keeping only values that
     are answers of the page (unknown values are dropped). */
  function readAnswers(search, known) {
    var params = new URLSearchParams(search);
    var answers = {};
    QUESTIONS.forEach(function (q) {
      var value = params.get(q) || "";
      answers[q] = known[q].indexOf(value) !== -1 ? value : "";
    });
    return answers;
  }

  /* Which entries match: {visible: [bool per entry], count}. */
  function select(entries, answers) {
    var visible = entries.map(function (entry) {
      return matches(entry, answers);
    });
    var count = visible.filter(Boolean).length;
    return { visible: visible, count: count };
  }

  function writeQuery(answers) {
    var params = new URLSearchParams();
    QUESTIONS.forEach(function (q) {
      if (answers[q]) params.set(q, answers[q]);
    });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function start(root) {
    var form = root.querySelector("[data-finder-form]");
    var results = root.querySelector("[data-finder-results]");
    var status = root.querySelector("[data-finder-status]");
    var none = root.querySelector("[data-finder-none]");
    var relaxedNote = root.querySelector("[data-finder-relaxed]");
    var start = root.querySelector("[data-finder-start]");
    var jump = root.querySelector("[data-finder-jump]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-entry]"));
    var entries = items.map(function (li) {
      var entry = {};
      QUESTIONS.forEach(function (q) {
        entry[q] = words(li.getAttribute(ATTRIBUTE[q]));
      });
      return entry;
    });
    var known = {};
    QUESTIONS.forEach(function (q) {
      known[q] = Array.prototype.map.call(form.elements[q], function (r) {
        return r.value;
      });
    });

    function current() {
      var answers = {};
      QUESTIONS.forEach(function (q) {
        var checked = form.querySelector('input[name="' + q + '"]:checked');
        answers[q] = checked ? checked.value : "";
      });
      return answers;
    }

    function show(answers) {
      var any = QUESTIONS.some(function (q) {
        return answers[q];
      });
      var shown = select(entries, answers);
      var relaxed = false;
      if (!shown.count && answers.who) {
        // nothing is meant for exactly this group: show what matches the other answers
        shown = select(entries, { place: answers.place, who: "", need: answers.need });
        relaxed = shown.count > 0;
      }
      items.forEach(function (li, i) {
        li.hidden = !any || !shown.visible[i];
      });
      var count = relaxed ? 0 : shown.count;
      status.textContent = any ? root.getAttribute("data-count").replace("{count}", count) : "";
      jump.hidden = !any || !shown.count;
      start.hidden = any;
      none.hidden = !any || shown.count > 0;
      relaxedNote.hidden = !relaxed;
    }

    function set(answers) {
      QUESTIONS.forEach(function (q) {
        Array.prototype.forEach.call(form.elements[q], function (radio) {
          radio.checked = radio.value === answers[q];
        });
      });
    }

    function changed() {
      var answers = current();
      show(answers);
      try {
        window.history.replaceState(null, "", addressWith(window.location, writeQuery(answers)));
      } catch (refused) {
        // the address cannot change here (e.g. a sandboxed frame): the answers still apply
      }
    }

    form.addEventListener("change", changed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      changed();
      var heading = document.getElementById("sg-finder-results");
      if (heading) heading.focus();
    });
    root.querySelector("[data-finder-reset]").addEventListener("click", function () {
      set({ place: "", who: "", need: "" });
      changed();
    });

    root.querySelector("[data-finder-links]").hidden = true;
    root.querySelector("[data-finder-nojs]").hidden = true;
    root.querySelector("[data-finder-js]").hidden = false;
    form.hidden = false;
    results.hidden = false;
    var answers = readAnswers(window.location.search, known);
    set(answers);
    show(answers);
  }

  // The page's own address with another query, written out in full: the path alone would
  // be read as another host when it starts with "//" (the finder opened at //finder/?…:
  // "//finder/?place=…" is protocol-relative), which replaceState refuses with an error.
  function addressWith(here, query) {
    return here.protocol + "//" + here.host + here.pathname + query + here.hash;
  }

  window.sgFinder = {
    addressWith: addressWith,
    matches: matches,
    select: select,
    readAnswers: readAnswers,
    writeQuery: writeQuery,
  };

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-finder]"), start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
})();
