/* Measurements for tests/test_focus_contrast.py, injected before each page loads:
 *   __focusProbe.focus()      the focused element's outline against what lies behind it
 *   __focusProbe.state(el)    text colour against the effective background of an element
 *   __focusProbe.landmarks()  landmarks with no text and no control inside
 * Colours are composited over the ancestors' backgrounds (alpha), down to white. */
(function () {
  "use strict";

  function parse(colour) {
    var m = /rgba?\(([^)]+)\)/.exec(colour || "");
    if (!m) return null;
    var p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }

  function over(top, bottom) {
    var a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 255, g: 255, b: 255, a: 1 };
    function mix(k) { return (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a; }
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: a };
  }

  // the colour an element's own box paints, over all its ancestors' backgrounds
  function background(el) {
    var layers = [];
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a >= 1) break;
    }
    var result = { r: 255, g: 255, b: 255, a: 1 };
    for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
    return result;
  }

  function luminance(c) {
    function ch(v) {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  }

  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  function hex(c) {
    return "#" + [c.r, c.g, c.b].map(function (v) {
      return ("0" + Math.round(v).toString(16)).slice(-2);
    }).join("");
  }

  function describe(el) {
    var name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    var cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean).slice(0, 2);
    if (cls.length) name += "." + cls.join(".");
    var text = (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 30);
    return text ? name + ' "' + text + '"' : name;
  }

  // the focused element: its outline, and the colour under the middle of the outline ring on
  // each side that is on screen (what the outline is seen against)
  function focus() {
    var el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    var style = getComputedStyle(el);
    var rect = el.getBoundingClientRect();
    var width = parseFloat(style.outlineWidth) || 0;
    var offset = parseFloat(style.outlineOffset) || 0;
    var colour = parse(style.outlineColor);
    var result = {
      element: describe(el),
      shown: rect.width > 0 && rect.height > 0 && style.visibility !== "hidden" && parseFloat(style.opacity) > 0,
      outline: style.outlineStyle !== "none" && width > 0 ? hex(colour) : null,
      width: width,
      sides: [],
    };
    if (!result.outline) return result;
    var d = offset + width / 2;
    var cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
    var points = [[cx, rect.top - d], [cx, rect.bottom + d], [rect.left - d, cy], [rect.right + d, cy]];
    // the same sides just inside the element: where something else (the sticky header over
    // a tall table) covers the element's own edge, the outline there is covered too
    var inside = [[cx, rect.top + 1], [cx, rect.bottom - 1], [rect.left + 1, cy], [rect.right - 1, cy]];
    function off(p) { return p[0] < 0 || p[1] < 0 || p[0] >= innerWidth || p[1] >= innerHeight; }
    points.forEach(function (p, i) {
      if (off(p) || off(inside[i])) return;
      var top = document.elementFromPoint(inside[i][0], inside[i][1]);
      if (top && top !== el && !el.contains(top)) return;
      var under = document.elementsFromPoint(p[0], p[1]).find(function (node) {
        return node !== el && !el.contains(node);
      });
      if (!under) return;
      var bg = background(under);
      result.sides.push({ against: describe(under), background: hex(bg), ratio: contrast(colour, bg) });
    });
    return result;
  }

  // text against the element's own effective background (for hover, focus, active states)
  function state(el) {
    var style = getComputedStyle(el);
    var fg = parse(style.color);
    var bg = background(el);
    return { element: describe(el), color: hex(fg), background: hex(bg), ratio: contrast(over(fg, bg), bg) };
  }

  // landmarks (nav, aside, header, footer, main, role=…) with no text and nothing to operate
  function landmarks() {
    var sel = "nav, aside, main, header, footer, [role=navigation], [role=complementary], [role=region], [role=search], section[aria-label], section[aria-labelledby]";
    return Array.prototype.filter.call(document.querySelectorAll(sel), function (el) {
      return !(el.textContent || "").trim() && !el.querySelector("a[href], button, input, select, img[alt]");
    }).map(describe);
  }

  window.__focusProbe = { focus: focus, state: state, landmarks: landmarks, contrast: function (a, b) {
    return contrast(parse(a), parse(b));
  } };
})();
