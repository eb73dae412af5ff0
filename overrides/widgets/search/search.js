/* The site search: a button in the header opens a dialog that searches this language's
 * pages with Pagefind (README.md beside this file; issue 11).
 *
 * Started by the button's data-sg-search attribute (search.html). Nothing of the index is
 * loaded until the dialog is first opened: then pagefind/pagefind.js is imported, and it
 * fetches only the index chunks a query needs. Latvian queries are stemmed with the rules
 * of hooks/sitegen/search/latvian_stem.py (ported below; both are tested against
 * tests/stem_cases.json at the root) and Pagefind matches the stems as word prefixes.
 *
 * In node (the stemmer's test) the file only exports the stemmer. */
(function () {
  "use strict";

  // --- the Latvian stemmer: a port of hooks/sitegen/search/latvian_stem.py ----------------------
  var MIN_WORD = 4;
  var MIN_STEM = 3;
  var ENDINGS = [
    "ajiem", "ajam", "ajai", "ajos", "ajas", "iem", "ais", "ajo", "am", "im", "um", "ai",
    "ei", "em", "ie", "as", "es", "is", "us", "os", "a", "e", "i", "u", "o", "s",
  ];
  var STEM_MARKER = "sgstems"; // first word of the hidden stems block (search_facets.py)
  var LETTERS = /^[a-z]+$/;

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function stem(word) {
    var folded = fold(word);
    if (folded.length < MIN_WORD || !LETTERS.test(folded)) return folded;
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (folded.slice(-ending.length) === ending && folded.length - ending.length >= MIN_STEM) {
        return folded.slice(0, -ending.length);
      }
    }
    return folded;
  }

  function words(text) {
    return text.split(/[\s,.;:!?()«»"“”„]+/).filter(Boolean);
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { stem: stem, fold: fold, ENDINGS: ENDINGS, STEM_MARKER: STEM_MARKER };
    return;
  }

  // --- the widget ------------------------------------------------------------------------
  var MAX_RESULTS = 10;
  var RANKED = 20; // the first results re-ranked by their page's weight (meta "weight")
  var EXCERPT_WORDS = 26;
  var DELAY_MS = 120;

  function format(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // Pagefind's excerpt is HTML with <mark>: kept as text and marks only, never as markup
  function appendMarked(target, html) {
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") target.appendChild(el("mark", "", node.textContent));
      else target.appendChild(document.createTextNode(node.textContent));
    });
  }

  // A Latvian page's excerpt made here from its text (without the hidden stems block):
  // Pagefind's own would often show the stems, which match the stemmed query exactly
  function appendStemExcerpt(target, content, stems) {
    var cut = content.indexOf(STEM_MARKER);
    var list = (cut >= 0 ? content.slice(0, cut) : content).split(/\s+/).filter(Boolean);
    var hits = list.map(function (word) {
      var folded = fold(word).replace(/^[^a-z0-9]+/, "");
      return stems.some(function (s) {
        return s && folded.indexOf(s) === 0;
      });
    });
    var first = Math.max(0, hits.indexOf(true));
    var start = Math.max(0, first - 6);
    var shown = list.slice(start, start + EXCERPT_WORDS);
    if (start > 0) target.appendChild(document.createTextNode("… "));
    shown.forEach(function (word, i) {
      if (i) target.appendChild(document.createTextNode(" "));
      if (hits[start + i]) target.appendChild(el("mark", "", word));
      else target.appendChild(document.createTextNode(word));
    });
    if (start + EXCERPT_WORDS < list.length) target.appendChild(document.createTextNode(" …"));
  }

  function Search(button) {
    var config = JSON.parse(button.getAttribute("data-sg-search"));
    var t = config.t;
    var dialog = document.querySelector("[data-sg-search-dialog]");
    var input = dialog.querySelector("[data-sg-search-input]");
    var form = dialog.querySelector("[data-sg-search-form]");
    var status = dialog.querySelector("[data-sg-search-status]");
    var list = dialog.querySelector("[data-sg-search-results]");
    var filterBox = dialog.querySelector("[data-sg-search-filters]");
    var lang = (document.documentElement.lang || "lv").slice(0, 2).toLowerCase();
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var bundle = new URL(config.bundle, document.baseURI);
    var root = bundle.pathname.replace(/pagefind\/pagefind\.js$/, "");
    var loading = null;
    var selects = {};
    var seq = 0;
    var timer = 0;

    function load() {
      if (!loading) {
        setStatus(t.loading);
        loading = import(bundle.href).then(function (pagefind) {
          return pagefind
            .options({ baseUrl: root, excerptLength: EXCERPT_WORDS })
            .then(function () {
              return pagefind.filters();
            })
            .then(function (available) {
              buildFilters(available || {});
              setStatus("");
              return pagefind;
            });
        });
        loading.catch(function () {
          setStatus(t.error);
          loading = null;
        });
      }
      return loading;
    }

    function setStatus(text) {
      status.textContent = text;
    }

    function buildFilters(available) {
      config.filters.forEach(function (name) {
        var values = Object.keys(available[name] || {}).sort(function (a, b) {
          return a.localeCompare(b, lang);
        });
        if (values.length < 2) return;
        var id = "sg-search-filter-" + name;
        var wrap = el("div", "sg-search__filter");
        var label = el("label", "", t["filter." + name] || name);
        label.htmlFor = id;
        var select = el("select", "sg-search__select");
        select.id = id;
        select.name = name;
        select.appendChild(new Option(t["filter.all"], ""));
        values.forEach(function (value) {
          select.appendChild(new Option(value, value));
        });
        select.addEventListener("change", schedule);
        selects[name] = select;
        wrap.appendChild(label);
        wrap.appendChild(select);
        filterBox.appendChild(wrap);
      });
    }

    function chosenFilters() {
      var chosen = {};
      Object.keys(selects).forEach(function (name) {
        if (selects[name].value) chosen[name] = selects[name].value;
      });
      return chosen;
    }

    function query(raw) {
      if (lang !== "lv") return raw;
      return words(raw).map(stem).join(" ");
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DELAY_MS);
    }

    function run() {
      var mine = ++seq;
      var raw = input.value.trim();
      if (!raw) {
        list.replaceChildren();
        setStatus("");
        return;
      }
      var stemmed = query(raw);
      load()
        .then(function (pagefind) {
          return pagefind.search(stemmed, { filters: chosenFilters() });
        })
        .then(function (search) {
          if (mine !== seq) return null;
          var top = search.results.slice(0, RANKED);
          return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
            if (mine !== seq) return;
            var ranked = data.map(function (d, i) {
              return { d: d, score: top[i].score * (parseFloat(d.meta.weight) || 1), i: i };
            });
            ranked.sort(function (a, b) {
              return b.score - a.score || a.i - b.i;
            });
            var shown = ranked.slice(0, MAX_RESULTS).map(function (r) { return r.d; });
            show(shown, search.results.length, raw, stemmed);
          });
        })
        .catch(function () {
          if (mine === seq) setStatus(t.error);
        });
    }

    function show(results, total, raw, stemmed) {
      var stems = lang === "lv" ? stemmed.split(" ") : [];
      list.replaceChildren();
      results.forEach(function (r) {
        var item = el("li", "sg-search__result");
        var link = el("a", "sg-search__link");
        link.href = r.url;
        link.appendChild(el("span", "sg-search__name", r.meta.title || r.url));
        var where = [r.meta.provider, r.meta.place].filter(Boolean).join(" · ");
        if (where) link.appendChild(el("span", "sg-search__where", where));
        var excerpt = el("span", "sg-search__excerpt");
        if (stems.length && r.content) appendStemExcerpt(excerpt, r.content, stems);
        else appendMarked(excerpt, r.excerpt || "");
        link.appendChild(excerpt);
        item.appendChild(link);
        list.appendChild(item);
      });
      if (!total) {
        setStatus(format(t.none, { query: raw }));
        return;
      }
      var category = plural ? plural.select(total) : total === 1 ? "one" : "other";
      var text = format(t["results." + category] || t["results.other"], { count: total });
      if (total > results.length) text += " " + format(t["results.more"], { shown: results.length });
      setStatus(text);
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a"));
    }

    function open() {
      if (!dialog.open) dialog.showModal();
      button.setAttribute("aria-expanded", "true");
      input.focus();
      load();
    }

    function close() {
      if (dialog.open) dialog.close();
    }

    dialog.addEventListener("close", function () {
      button.setAttribute("aria-expanded", "false");
      button.focus();
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) close(); // a click on the backdrop
    });
    dialog.querySelector("[data-sg-search-close]").addEventListener("click", close);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) {
        first.focus();
        return;
      }
      window.clearTimeout(timer); // typed just now: search at once instead of after the pause
      run();
    });
    input.addEventListener("input", schedule);
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (document.activeElement === input && event.key === "ArrowDown" && all.length) {
        all[0].focus();
      } else if (at >= 0 && event.key === "ArrowDown") {
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (at >= 0 && event.key === "ArrowUp") {
        (at === 0 ? input : all[at - 1]).focus();
      } else {
        return;
      }
      event.preventDefault();
    });

    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", open);
    document.querySelectorAll("[data-sg-search-fallback]").forEach(function (link) {
      link.hidden = true;
    });
    button.hidden = false;
  }

  function start() {
    var button = document.querySelector("button[data-sg-search]");
    if (!button || button.dataset.sgSearchStarted || !window.HTMLDialogElement) return;
    button.dataset.sgSearchStarted = "1";
    Search(button);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
