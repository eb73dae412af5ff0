/* Listen widget: reads the page (or the selected text) aloud, sentence by sentence, with the
 * browser's own voices (Web Speech API), highlighting the sentence being read. Where the
 * browser has no local voice for the page language it says so and, if the build rendered
 * one, offers a recording made on this site. Nothing is sent to a third party: voices whose
 * `localService` is false (cloud voices) are never used.
 * Started from `[data-listen]` elements (overrides/sitegen/partials/listen.html).
 * The text rules (what is read, sentence splitting) are mirrored in Python by
 * hooks/sitegen/speech/listen_text.py: change both together (a test compares them). */
(function () {
  "use strict";
  if (window.listenWidget) {
    window.listenWidget.init();
    return;
  }

  var HIGHLIGHT = "listen-sentence";
  var CURRENT = "listen-current";
  var DEFAULT_TARGET = "article.md-content__inner";
  var MAX_PIECE = 200; // characters: Chrome cuts utterances after ~15 s
  var VOICE_WAIT_MS = 1500;
  var WS = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var WORDY = /[\p{L}\p{N}]/u;
  var ENDERS = ".!?\u2026";
  var CLOSERS = ".!?\u2026)]\"'\u00bb\u201d\u2019";
  var OPENERS = "(\"'\u00ab\u201e\u201c";
  var ABBREVIATIONS = (
    "nr t.sk u.c utt u.tml t.i piem g gs pag nov iel tel mob plkst apm sk sek min st " +
    "e.g i.e no mr mrs ms dr vs approx"
  ).split(" ");
  var BLOCK = toSet(
    "ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET " +
      "FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE " +
      "SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL"
  );
  var SKIP = toSet(
    "AUDIO BUTTON CANVAS HEAD IFRAME IMG INPUT MATH NOSCRIPT OBJECT SCRIPT SELECT STYLE SVG " +
      "TEMPLATE TEXTAREA VIDEO"
  );

  function toSet(words) {
    var set = Object.create(null);
    words.split(" ").forEach(function (w) {
      set[w] = true;
    });
    return set;
  }

  // --- text collection ------------------------------------------------------------------

  function isSkipped(el) {
    return (
      SKIP[el.tagName.toUpperCase()] === true ||
      el.hasAttribute("hidden") ||
      el.hasAttribute("data-listen-skip") ||
      el.hasAttribute("data-listen-ui") ||
      (el.getAttribute("aria-hidden") || "").toLowerCase() === "true" ||
      el.classList.contains("headerlink")
    );
  }

  function langOf(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var owner = el && el.closest("[lang]");
    return ((owner && owner.getAttribute("lang")) || document.documentElement.lang || "")
      .trim()
      .toLowerCase();
  }

  /* Segments: runs of text in one block and one language. Each character remembers the DOM
   * position it came from (text node + offset, or an element read by its data-speak). */
  function collectSegments(root, selection) {
    var segments = [];
    var cur = null;

    function flush() {
      if (cur) {
        while (cur.text.endsWith(" ")) {
          cur.text = cur.text.slice(0, -1);
          cur.nodes.pop();
          cur.offsets.pop();
        }
        if (cur.text) segments.push(cur);
      }
      cur = null;
    }

    function add(str, lang, node, base) {
      if (!/[^ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(str)) {
        if (cur && !cur.text.endsWith(" ")) push(" ", node, base);
        return;
      }
      if (!cur || cur.lang !== lang) {
        flush();
        cur = { text: "", lang: lang, nodes: [], offsets: [] };
      }
      for (var j = 0; j < str.length; j++) {
        var c = str[j];
        if (WS.test(c)) {
          if (!cur.text || cur.text.endsWith(" ")) continue;
          c = " ";
        }
        push(c, node, base < 0 ? -1 : base + j);
      }
    }

    function push(c, node, offset) {
      cur.text += c;
      cur.nodes.push(node);
      cur.offsets.push(offset);
    }

    function walk(parent) {
      for (var child = parent.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          if (selection && !selection.intersectsNode(child)) continue;
          var lo = 0;
          var hi = child.data.length;
          if (selection && selection.startContainer === child) lo = selection.startOffset;
          if (selection && selection.endContainer === child) hi = selection.endOffset;
          if (hi > lo) add(child.data.slice(lo, hi), langOf(child), child, lo);
        } else if (child.nodeType === 1 && !isSkipped(child)) {
          var block = BLOCK[child.tagName.toUpperCase()] === true;
          if (block) flush();
          var speak = child.getAttribute("data-speak");
          if (speak && speak.trim()) {
            if (!selection || selection.intersectsNode(child)) {
              add(speak, langOf(child), child, -1);
            }
          } else {
            walk(child);
          }
          if (block) flush();
        }
      }
    }

    walk(root);
    flush();
    return segments;
  }

  function isUpper(c) {
    return c !== c.toLowerCase() && c === c.toUpperCase();
  }

  function isAbbreviation(text, dot) {
    var start = dot;
    while (start > 0 && text[start - 1] !== " ") start--;
    while (start < dot && OPENERS.indexOf(text[start]) >= 0) start++;
    var word = text.slice(start, dot).toLowerCase();
    if (!word) return false;
    if (word.length === 1 && isUpper(text[start])) return true; // an initial: "A. Kalniņa"
    return ABBREVIATIONS.indexOf(word) >= 0;
  }

  /* [start, end) pairs of the sentences of `text` (trimmed, at most MAX_PIECE long). */
  function splitSentences(text) {
    var bounds = [];
    var start = 0;
    var n = text.length;
    for (var i = 0; i < n; i++) {
      if (ENDERS.indexOf(text[i]) < 0) continue;
      var j = i + 1;
      while (j < n && CLOSERS.indexOf(text[j]) >= 0) j++;
      if (j >= n || text[j] !== " ") continue;
      var k = j + 1;
      while (k < n && OPENERS.indexOf(text[k]) >= 0) k++;
      if (k >= n || !isUpper(text[k])) continue;
      if (text[i] === "." && isAbbreviation(text, i)) continue;
      bounds.push([start, j]);
      start = j + 1;
      i = j;
    }
    bounds.push([start, n]);
    var out = [];
    bounds.forEach(function (b) {
      var a = b[0];
      var z = b[1];
      while (a < z && text[a] === " ") a++;
      while (z > a && text[z - 1] === " ") z--;
      while (z - a > MAX_PIECE) {
        var cut = cutPoint(text, a, a + MAX_PIECE);
        out.push([a, cut]);
        a = cut;
        while (a < z && text[a] === " ") a++;
      }
      if (z > a) out.push([a, z]);
    });
    return out;
  }

  /* Where to cut a piece longer than MAX_PIECE: after the last ", ; :" followed by a space,
   * else at the last space, not before a quarter of the limit; else at the limit. */
  function cutPoint(text, a, limit) {
    var floor = a + MAX_PIECE / 4;
    var i;
    for (i = limit - 1; i > floor; i--) {
      if (",;:".indexOf(text[i]) >= 0 && text[i + 1] === " ") return i + 1;
    }
    for (i = limit; i > floor; i--) {
      if (text[i] === " ") return i;
    }
    return limit;
  }

  function closestBlock(node, root) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    while (el && el !== root && !BLOCK[el.tagName.toUpperCase()]) el = el.parentElement;
    return el || root;
  }

  function rangeOf(seg, a, b) {
    var range = document.createRange();
    var first = seg.nodes[a];
    var last = seg.nodes[b - 1];
    if (seg.offsets[a] >= 0) range.setStart(first, seg.offsets[a]);
    else range.setStartBefore(first);
    if (seg.offsets[b - 1] >= 0) range.setEnd(last, seg.offsets[b - 1] + 1);
    else range.setEndAfter(last);
    return range;
  }

  /* The pieces to read: {text, lang, range, block}. */
  function collect(root, selection) {
    var pieces = [];
    collectSegments(root, selection || null).forEach(function (seg) {
      splitSentences(seg.text).forEach(function (b) {
        var text = seg.text.slice(b[0], b[1]);
        if (!WORDY.test(text)) return;
        pieces.push({
          text: text,
          lang: seg.lang,
          range: rangeOf(seg, b[0], b[1]),
          block: closestBlock(seg.nodes[b[0]], root),
        });
      });
    });
    return pieces;
  }

  function intersects(range, other) {
    return (
      range.compareBoundaryPoints(Range.END_TO_START, other) < 0 &&
      range.compareBoundaryPoints(Range.START_TO_END, other) > 0
    );
  }

  // --- voices ---------------------------------------------------------------------------

  function synth() {
    return "speechSynthesis" in window && window.speechSynthesis &&
      typeof window.SpeechSynthesisUtterance === "function"
      ? window.speechSynthesis
      : null;
  }

  function normLang(tag) {
    return String(tag || "").toLowerCase().replace(/_/g, "-");
  }

  /* A local voice for `lang`: the exact tag first (en-gb), then the language (en-*),
   * the browser's default among them first. Cloud voices (localService false) never. */
  function pickVoice(voices, lang) {
    var want = normLang(lang);
    var primary = want.split("-")[0];
    var local = voices.filter(function (v) {
      return v.localService !== false;
    });
    var exact = local.filter(function (v) {
      return normLang(v.lang) === want;
    });
    var same = local.filter(function (v) {
      return normLang(v.lang).split("-")[0] === primary;
    });
    var pool = exact.length ? exact : same;
    return pool.filter(function (v) {
      return v.default;
    })[0] || pool[0] || null;
  }

  function voicesNow() {
    var s = synth();
    return s ? s.getVoices() || [] : [];
  }

  function waitForVoices() {
    return new Promise(function (resolve) {
      var s = synth();
      if (!s) return resolve([]);
      var done = false;
      function finish() {
        if (done) return;
        done = true;
        s.removeEventListener("voiceschanged", onChange);
        resolve(voicesNow());
      }
      function onChange() {
        if (voicesNow().length) finish();
      }
      s.addEventListener("voiceschanged", onChange);
      setTimeout(finish, VOICE_WAIT_MS);
      onChange();
    });
  }

  // --- engines: the browser's voice, or the recording made at build time ------------------

  function speechEngine(voices) {
    var s = synth();
    var handlers = null;
    var last = null;
    function play(piece, r, h) {
      handlers = h;
      last = piece;
      var u = new window.SpeechSynthesisUtterance(piece.text);
      var voice = pickVoice(voices, piece.lang);
      u.lang = voice ? voice.lang : piece.lang;
      if (voice) u.voice = voice;
      u.rate = r;
      u.onend = function () {
        if (handlers === h) h.end();
      };
      u.onerror = function (e) {
        if (handlers !== h) return;
        if (e && (e.error === "interrupted" || e.error === "canceled")) return;
        h.error();
      };
      s.speak(u);
    }
    function cancel() {
      handlers = null;
      s.cancel();
    }
    return {
      kind: "speech",
      play: play,
      cancel: cancel,
      // speechSynthesis.pause() is unreliable (Android cancels, Chrome drops a long pause):
      // pausing cancels, resuming says the current sentence again.
      pause: cancel,
      resume: function (r, h) {
        play(last, r, h);
      },
      setRate: function (r, h) {
        if (handlers) {
          cancel();
          play(last, r, h);
        }
      },
    };
  }

  function audioEngine(manifest, manifestUrl) {
    var audio = new Audio();
    audio.preload = "auto";
    var handlers = null;
    audio.addEventListener("ended", function () {
      if (handlers) handlers.end();
    });
    audio.addEventListener("error", function () {
      if (handlers && audio.getAttribute("src")) handlers.end(); // a missing clip: go on
    });
    function start(h) {
      var p = audio.play();
      if (p && p.catch) {
        p.catch(function (err) {
          if (handlers === h && err && err.name === "NotAllowedError") h.error();
        });
      }
    }
    return {
      kind: "audio",
      has: function (piece) {
        return Object.prototype.hasOwnProperty.call(manifest.clips, piece.text);
      },
      play: function (piece, rate, h) {
        handlers = h;
        audio.src = new URL(manifest.clips[piece.text], manifestUrl).href;
        audio.defaultPlaybackRate = rate;
        audio.playbackRate = rate;
        start(h);
      },
      cancel: function () {
        handlers = null;
        audio.pause();
        audio.removeAttribute("src");
        audio.load();
      },
      pause: function () {
        audio.pause();
      },
      resume: function (r, h) {
        handlers = h;
        audio.defaultPlaybackRate = r;
        audio.playbackRate = r;
        start(h);
      },
      setRate: function (r, h) {
        if (handlers) handlers = h;
        audio.defaultPlaybackRate = r;
        audio.playbackRate = r;
      },
    };
  }

  // --- highlight --------------------------------------------------------------------------

  var highlighted = null; // {piece, marked: the block given the fallback class, hadClass}

  function highlightApi() {
    return typeof window.Highlight === "function" && window.CSS && CSS.highlights;
  }

  function reducedMotion() {
    return !!(window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function highlight(piece) {
    clearHighlight();
    highlighted = { piece: piece, marked: null, hadClass: false };
    if (highlightApi()) {
      CSS.highlights.set(HIGHLIGHT, new window.Highlight(piece.range));
    } else {
      highlighted.marked = piece.block;
      highlighted.hadClass = piece.block.hasAttribute("class");
      piece.block.classList.add(CURRENT);
    }
    var rect = piece.range.getBoundingClientRect();
    var top = window.innerHeight * 0.2;
    if (rect.height && (rect.top < top || rect.bottom > window.innerHeight * 0.85)) {
      window.scrollBy({
        top: rect.top - window.innerHeight / 3,
        behavior: reducedMotion() ? "auto" : "smooth",
      });
    }
  }

  function clearHighlight() {
    if (highlightApi()) CSS.highlights.delete(HIGHLIGHT);
    var marked = highlighted && highlighted.marked;
    if (marked) {
      marked.classList.remove(CURRENT);
      if (!highlighted.hadClass && !marked.classList.length) marked.removeAttribute("class");
    }
    highlighted = null;
  }

  // --- the reader: one at a time on the page ----------------------------------------------

  var reader = null;

  function stopReader(announce) {
    if (!reader) return;
    var r = reader;
    reader = null;
    r.engine.cancel();
    clearHighlight();
    r.widget.idle(announce);
  }

  function startReader(widget, engine, pieces, statusKey) {
    stopReader(null);
    var r = {
      widget: widget,
      engine: engine,
      pieces: pieces,
      index: 0,
      paused: false,
      token: 0,
      statusKey: statusKey,
    };
    reader = r;
    widget.playing(statusKey);
    playIndex(r, 0);
  }

  function handlersFor(r) {
    var token = ++r.token;
    return {
      end: function () {
        if (reader === r && r.token === token && !r.paused) playIndex(r, r.index + 1);
      },
      error: function () {
        if (reader === r && r.token === token) stopReader("error");
      },
    };
  }

  function playIndex(r, i) {
    if (i >= r.pieces.length) {
      stopReader("finished");
      return;
    }
    r.index = i;
    highlight(r.pieces[i]);
    r.engine.play(r.pieces[i], r.widget.rate(), handlersFor(r));
  }

  function togglePause(widget) {
    var r = reader;
    if (!r || r.widget !== widget) return;
    if (r.paused) {
      r.paused = false;
      r.engine.resume(r.widget.rate(), handlersFor(r));
      widget.playing(r.statusKey);
    } else {
      r.paused = true;
      r.token++;
      r.engine.pause();
      widget.paused();
    }
  }

  function changeRate(widget) {
    var r = reader;
    if (!r || r.widget !== widget) return;
    if (r.paused) return; // resuming takes the new speed
    r.engine.setRate(widget.rate(), handlersFor(r));
  }

  // --- the widget -------------------------------------------------------------------------

  function readStrings(root) {
    var node = root.querySelector("script[data-listen-strings]");
    try {
      return JSON.parse(node ? node.textContent : "{}");
    } catch (e) {
      return {};
    }
  }

  function savedRate() {
    try {
      return window.localStorage.getItem("listen-rate");
    } catch (e) {
      return null;
    }
  }

  function setup(root) {
    var strings = readStrings(root);
    var q = function (sel) {
      return root.querySelector(sel);
    };
    var startButton = q("[data-listen-action=start]");
    var pauseButton = q("[data-listen-action=pause]");
    var stopButton = q("[data-listen-action=stop]");
    var recordingButton = q("[data-listen-action=recording]");
    var controls = q("[data-listen-controls]");
    var speed = q("[data-listen-speed]");
    var status = q("[data-listen-status]");
    var target =
      document.querySelector(root.getAttribute("data-listen-target") || DEFAULT_TARGET) ||
      document.querySelector("main");
    if (!startButton || !status || !target) return;
    var selectionSnapshot = null;
    var manifest = null;

    var stored = savedRate();
    for (var i = 0; i < speed.options.length; i++) {
      if (speed.options[i].value === stored) speed.value = stored;
    }

    function say(key, extra) {
      status.textContent = (strings[key] || "") + (extra ? " " + extra : "");
    }

    var widget = {
      rate: function () {
        return parseFloat(speed.value) || 1;
      },
      playing: function (key) {
        controls.hidden = false;
        pauseButton.textContent = strings.pause;
        root.classList.add("listen--active");
        say(key);
      },
      paused: function () {
        pauseButton.textContent = strings.resume;
        say("status_paused");
      },
      idle: function (key) {
        var hadFocus = controls.contains(document.activeElement);
        controls.hidden = true;
        root.classList.remove("listen--active");
        pauseButton.textContent = strings.pause;
        if (key) say("status_" + key);
        if (hadFocus) startButton.focus();
      },
    };

    function currentSelection() {
      var sel = window.getSelection && window.getSelection();
      var range = sel && sel.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0) : null;
      if (!range && selectionSnapshot) range = selectionSnapshot;
      selectionSnapshot = null;
      return range && intersects(targetRange(), range) ? range : null;
    }

    function targetRange() {
      var r = document.createRange();
      r.selectNodeContents(target);
      return r;
    }

    function loadManifest() {
      var url = root.getAttribute("data-listen-audio");
      if (!url) return Promise.resolve(null);
      if (manifest) return Promise.resolve(manifest);
      var abs = new URL(url, document.baseURI).href;
      return fetch(abs)
        .then(function (res) {
          return res.ok ? res.json() : null;
        })
        .then(function (json) {
          manifest = json && json.clips ? { data: json, url: abs } : null;
          return manifest;
        })
        .catch(function () {
          return null;
        });
    }

    function begin(voices, selection) {
      var lang = langOf(target);
      if (!pickVoice(voices, lang)) {
        noVoice();
        return;
      }
      var pieces = collect(target, selection);
      if (!pieces.length && selection) {
        selection = null; // only the widget's own text was selected: read the page
        pieces = collect(target, null);
      }
      if (!pieces.length) {
        say("status_nothing");
        return;
      }
      startReader(widget, speechEngine(voices), pieces,
        selection ? "status_playing_selection" : "status_playing");
    }

    function noVoice() {
      stopReader(null);
      var url = root.getAttribute("data-listen-audio");
      if (recordingButton && url) {
        recordingButton.hidden = false;
        say("status_no_voice", strings.status_no_voice_recording);
        loadManifest();
      } else {
        say("status_no_voice", strings.status_no_voice_hint);
      }
    }

    startButton.addEventListener("pointerdown", function () {
      var sel = window.getSelection && window.getSelection();
      selectionSnapshot = sel && sel.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0) : null;
    });

    startButton.addEventListener("click", function () {
      var selection = currentSelection();
      var voices = voicesNow();
      if (voices.length) {
        begin(voices, selection); // synchronously, inside the user's action
      } else if (synth()) {
        say("status_loading");
        waitForVoices().then(function (v) {
          begin(v, selection);
        });
      } else {
        noVoice();
      }
    });

    if (recordingButton) {
      recordingButton.addEventListener("click", function () {
        var selection = currentSelection();
        loadManifest().then(function (m) {
          if (!m) {
            say("status_error");
            return;
          }
          var engine = audioEngine(m.data, m.url);
          var pieces = collect(target, null).filter(engine.has);
          if (selection) {
            pieces = pieces.filter(function (p) {
              return intersects(p.range, selection);
            });
          }
          if (!pieces.length) {
            say("status_nothing");
            return;
          }
          startReader(widget, engine, pieces,
            selection ? "status_recording_selection" : "status_recording");
        });
      });
    }

    pauseButton.addEventListener("click", function () {
      togglePause(widget);
    });
    stopButton.addEventListener("click", function () {
      if (reader && reader.widget === widget) stopReader("stopped");
    });
    speed.addEventListener("change", function () {
      try {
        window.localStorage.setItem("listen-rate", speed.value);
      } catch (e) {
        /* storage may be off: the speed then lasts for this page only */
      }
      changeRate(widget);
    });
    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && reader && reader.widget === widget) {
        stopReader("stopped");
        startButton.focus();
      }
    });

    voicesNow(); // Chrome loads its voices on the first call
    root.hidden = false;
  }

  function init() {
    var roots = document.querySelectorAll("[data-listen]");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].__listenReady) continue;
      roots[i].__listenReady = true;
      setup(roots[i]);
    }
  }

  window.listenWidget = {
    init: init,
    stop: function () {
      stopReader(null);
    },
    // For tests and the Python mirror: the pieces as [lang, text].
    pieces: function (root) {
      return collect(root || document.querySelector(DEFAULT_TARGET), null).map(function (p) {
        return [p.lang, p.text];
      });
    },
    splitSentences: function (text) {
      return splitSentences(text).map(function (b) {
        return text.slice(b[0], b[1]);
      });
    },
  };

  window.addEventListener("pagehide", function () {
    stopReader(null);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    // Material's instant navigation: a new page swaps the content without a reload.
    window.document$.subscribe(function () {
      stopReader(null);
      init();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
