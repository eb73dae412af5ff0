/* Site-wide keyboard fixes to Material's header, drawer and search
 * (tests: tests/test_accessibility.py, the keyboard walks at desktop and phone widths).
 *
 * 1. Material opens its navigation drawer and its search with <label> elements, which Tab
 *    never reaches: on a phone, or a desktop zoomed in, the menu could not be opened from the
 *    keyboard (WCAG 2.1.1). Each label gets a real <button> in its place, with the same look
 *    and name (Enter or Space opens; Escape closes the drawer). site.css takes the closed
 *    drawer and search out of the tab order, where they used to take the focus off screen.
 * 2. Focus that leaves the open search or drawer closes it: otherwise Tab moves on to the
 *    page underneath the overlay and the focused element is hidden (2.4.11).
 * 3. The search dialog gets the name of its field (a dialog needs a name, 4.1.2), and its
 *    empty results box leaves the tab order (each result is a link that Tab reaches). */
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

  // a <button> that does what Material's header <label for="__NAME"> does
  function buttonFor(name, label, onOpen) {
    var box = toggle(name);
    var original = document.querySelector('label.md-header__button[for="__' + name + '"]');
    if (!box || !original) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = original.className + " sg-header-button sg-header-button--" + name;
    button.innerHTML = original.innerHTML;
    button.setAttribute("aria-label", label);
    button.setAttribute("aria-expanded", String(box.checked));
    original.parentNode.insertBefore(button, original);
    original.hidden = true;
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(box.checked));
    });
    button.addEventListener("click", function () {
      setOpen(name, !box.checked);
      if (box.checked && onOpen) onOpen();
    });
    return button;
  }

  function start() {
    var drawer = document.querySelector(".md-sidebar--primary");
    var search = document.querySelector(".md-search");
    var nav = drawer && drawer.querySelector("nav[aria-label]");
    var input = document.querySelector(".md-search__input");
    var searchName = input ? input.getAttribute("aria-label") : "";
    if (search && searchName) search.setAttribute("aria-label", searchName);
    var menuButton = buttonFor("drawer", nav ? nav.getAttribute("aria-label") : "", function () {
      var first = drawer && drawer.querySelector("a[href], button, input:not([type=checkbox])");
      if (first) first.focus();
    });
    buttonFor("search", searchName, function () {
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
