/* Browser-side measurements for tests/test_accessibility.py (added to every page with
 * Playwright's add_init_script; nothing here changes the page).
 *   __a11y.settle()  waits for running transitions and animations to end
 *   __a11y.focus()   the focused element: what it is, where, and what keeps it from being seen
 *   __a11y.targets() content targets smaller than 24 x 24 px without the spacing WCAG allows
 *   __a11y.help()    where the "Need help?" box is and what it says
 *   __a11y.restart() the next Tab starts from the top of the page again */
(function () {
  "use strict";
  var TARGETS =
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, ' +
    '[role="button"], [tabindex]:not([tabindex="-1"])';

  function describe(el) {
    var name = (el.getAttribute("aria-label") || el.innerText || el.value || "").trim();
    var id = el.id ? "#" + el.id : "";
    var cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + id + cls + (name ? ' "' + name.replace(/\s+/g, " ").slice(0, 50) + '"' : "");
  }

  function visible(el) {
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }

  function settle() {
    var running = document.getAnimations().filter(function (a) {
      return a.effect && a.effect.getComputedTiming().endTime !== Infinity;
    });
    return Promise.all(running.map(function (a) { return a.finished.catch(function () { return null; }); }));
  }

  // is the element drawn on top at (x, y)?
  function onTop(el, x, y) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    var top = document.elementFromPoint(x, y);
    return !!top && (top === el || el.contains(top) || (el.labels && Array.prototype.indexOf.call(el.labels, top) >= 0));
  }

  function focus() {
    var el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    var r = el.getBoundingClientRect();
    var header = document.querySelector("header.md-header");
    var problems = [];
    var style = getComputedStyle(el);
    if (!visible(el)) problems.push("not visible (no size, hidden or transparent)");
    var outline = style.outlineStyle === "auto" || (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2);
    if (!outline && style.boxShadow === "none") problems.push("no focus indicator (outline " + style.outlineStyle + " " + style.outlineWidth + ")");
    if (r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1) {
      problems.push("not (wholly) in the viewport: " + [r.left, r.top, r.right, r.bottom].map(Math.round).join(","));
    }
    // the middle and two inner corners of each box the element draws (a link may wrap)
    var points = [];
    Array.prototype.forEach.call(el.getClientRects(), function (b) {
      var dx = Math.min(2, b.width / 2), dy = Math.min(2, b.height / 2);
      points.push([(b.left + b.right) / 2, (b.top + b.bottom) / 2],
                  [b.left + dx, b.top + dy], [b.right - dx, b.bottom - dy]);
    });
    if (header && !header.contains(el)) {
      var h = header.getBoundingClientRect();
      var under = r.top < h.bottom && r.bottom > h.top && r.left < h.right && r.right > h.left;
      if (under && !points.some(function (p) { return p[1] < h.bottom && onTop(el, p[0], p[1]); })) {
        problems.push("under the sticky header (top " + Math.round(r.top) + " < header bottom " + Math.round(h.bottom) + ")");
      }
    }
    if (problems.length === 0 && !points.some(function (p) { return onTop(el, p[0], p[1]); })) {
      var cover = document.elementFromPoint(points[0][0], points[0][1]);
      problems.push("covered by " + (cover ? describe(cover) : "nothing on screen"));
    }
    return {
      element: describe(el),
      key: describe(el) + "@" + Math.round(r.left + scrollX) + "," + Math.round(r.top + scrollY),
      inHeader: !!(header && header.contains(el)),
      inContent: !!el.closest("article"),
      skipLink: el.matches("a.sg-skip"),
      id: el.id || "",
      problems: problems,
    };
  }

  // WCAG 2.5.8: at least 24 x 24 px, or a 24 px circle on its centre touches no other target
  function targets(scope) {
    var root = document.querySelector(scope || "article");
    if (!root) return [];
    var found = Array.prototype.filter.call(root.querySelectorAll(TARGETS), visible).map(function (el) {
      var r = el.getBoundingClientRect();
      return { el: el, r: r, cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2,
               small: r.width < 24 || r.height < 24 };
    });
    function circleHitsRect(t, r) {
      var dx = Math.max(r.left - t.cx, 0, t.cx - r.right);
      var dy = Math.max(r.top - t.cy, 0, t.cy - r.bottom);
      return dx * dx + dy * dy < 144;
    }
    var problems = [];
    found.forEach(function (t) {
      if (!t.small) return;
      var clash = found.find(function (o) {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (circleHitsRect(t, o.r)) return true;
        return o.small && Math.hypot(o.cx - t.cx, o.cy - t.cy) < 24;
      });
      if (clash) {
        problems.push(describe(t.el) + " is " + Math.round(t.r.width) + "x" + Math.round(t.r.height) +
          " px and too close to " + describe(clash.el));
      }
    });
    return problems;
  }

  function help() {
    var boxes = document.querySelectorAll("aside.sg-help");
    if (boxes.length !== 1) return { count: boxes.length };
    var box = boxes[0];
    var article = box.closest("article");
    var r = box.getBoundingClientRect();
    var below = [];
    if (article) {
      Array.prototype.forEach.call(article.querySelectorAll("*"), function (el) {
        if (box.contains(el) || el.contains(box) || !visible(el)) return;
        if (el.getBoundingClientRect().top >= r.bottom - 1) below.push(describe(el));
      });
    }
    var focusables = article ? Array.prototype.filter.call(article.querySelectorAll(TARGETS), visible) : [];
    var afterHelp = focusables.filter(function (el) {
      return !box.contains(el) && (box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    return {
      count: 1,
      inArticle: !!article,
      left: Math.round(r.left),
      width: Math.round(r.width),
      text: box.innerText.replace(/\s+/g, " ").trim(),
      title: (box.querySelector("h2") || box).innerText.trim(),
      below: below.slice(0, 3),
      focusableAfter: afterHelp.slice(0, 3).map(describe),
    };
  }

  // start the next Tab from the top of the page, as after loading it
  function restart() {
    if (document.activeElement) document.activeElement.blur();
    scrollTo(0, 0);
    var mark = document.createElement("span");
    mark.tabIndex = -1;
    document.body.prepend(mark);
    mark.focus({ preventScroll: true });
    mark.remove();
  }

  window.__a11y = { settle: settle, focus: focus, targets: targets, help: help, restart: restart };
})();
