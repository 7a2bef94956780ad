/* Accessibility helpers: a name for Material's progress bar, keyboard access to
 * scrolling tables, the larger-text switch (适老化), remembered across pages, and the page's
 * address on a printout. */
(function () {
  "use strict";
  var KEY = "jx-large-text";
  var root = document.documentElement;

  function remembered() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function setLarge(on) {
    if (on) root.setAttribute("data-jx-large", ""); else root.removeAttribute("data-jx-large");
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: not remembered */ }
    var button = document.querySelector(".jx-large-toggle");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function addSwitch() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".jx-large-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button jx-large-toggle";
    button.textContent = "大字";
    button.title = "大字模式：放大文字、提高对比度";
    button.setAttribute("aria-pressed", root.hasAttribute("data-jx-large") ? "true" : "false");
    button.addEventListener("click", function () { setLarge(!root.hasAttribute("data-jx-large")); });
    var before = header.querySelector("form.md-header__option, .md-header__option, label[for='__search']");
    header.insertBefore(button, before || null);
  }

  function nameMaterialWidgets() {
    var progress = document.querySelector(".md-progress[role='progressbar']");
    if (progress && !progress.hasAttribute("aria-label")) progress.setAttribute("aria-label", "页面加载进度");
  }

  function focusableScrollers() {
    // Tables wider than the screen scroll in their own box; the keyboard must reach that box too.
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "表格");
    });
  }

  function printedAddress() {
    // A printout says where it came from: the page's full address, which only the browser knows.
    document.querySelectorAll("[data-jx-page-url]").forEach(function (span) { span.textContent = location.href; });
  }

  if (remembered()) root.setAttribute("data-jx-large", "");
  function setUp() {
    addSwitch();
    nameMaterialWidgets();
    focusableScrollers();
    printedAddress();
  }
  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
