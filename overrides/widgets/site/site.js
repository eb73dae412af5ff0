/* Site-wide keyboard fixes to Material's header, drawer and search
 * (tests: tests/test_accessibility.py, the keyboard walks at desktop and phone widths).
 *
 * 1. Material opens its navigation drawer and its search with <label> elements, which Tab
 *    never reaches: on a phone, or a desktop zoomed in, the menu could not be opened from the
 *    keyboard (WCAG 2.1.1). They become buttons here (Enter or Space; Escape closes).
 *    site.css takes the closed drawer and search out of the tab order, where they used to
 *    take the focus off screen (2.4.7).
 * 2. Focus that leaves the open search or drawer closes it: otherwise Tab moves on to the
 *    page underneath the overlay and the focused element is hidden (2.4.11).
 * 3. The empty results box of the search (zero height) leaves the tab order; each result is
 *    a link that Tab reaches and scrolls into view. */
(function () {
  "use strict";

  function toggle(name) {
    return document.querySelector('input[data-md-toggle="' + name + '"]');
  }

  function setOpen(name, open) {
    var box = toggle(name);
    if (box && box.checked !== open) {
      box.checked = open;
      box.dispatchEvent(new CustomEvent("change"));
    }
  }

  function asButton(label, name, onOpen) {
    var box = toggle(name);
    if (!label || !box) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-expanded", String(box.checked));
    box.addEventListener("change", function () {
      label.setAttribute("aria-expanded", String(box.checked));
    });
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      setOpen(name, !box.checked);
      if (box.checked && onOpen) onOpen();
    });
  }

  function start() {
    var drawer = document.querySelector(".md-sidebar--primary");
    var search = document.querySelector(".md-search");
    var menuButton = document.querySelector('label.md-header__button[for="__drawer"]');
    var searchButton = document.querySelector('label.md-header__button[for="__search"]');
    var nav = drawer && drawer.querySelector("nav[aria-label]");
    var input = document.querySelector(".md-search__input");
    if (menuButton && nav) menuButton.setAttribute("aria-label", nav.getAttribute("aria-label"));
    if (searchButton && input) searchButton.setAttribute("aria-label", input.getAttribute("aria-label"));
    asButton(menuButton, "drawer", function () {
      var first = drawer && drawer.querySelector("a[href], button, input:not([type=checkbox])");
      if (first) first.focus();
    });
    asButton(searchButton, "search", function () {
      if (input) input.focus();
    });

    var results = document.querySelector(".md-search__scrollwrap");
    if (results) results.setAttribute("tabindex", "-1");

    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (search && !search.contains(target)) setOpen("search", false);
      if (drawer && !drawer.contains(target) && target !== menuButton) setOpen("drawer", false);
    });
    document.addEventListener("keydown", function (event) {
      var box = toggle("drawer");
      if (event.key === "Escape" && box && box.checked) {
        setOpen("drawer", false);
        if (menuButton) menuButton.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
