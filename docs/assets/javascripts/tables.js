/* Sortable and filterable report tables (table[data-sortable], input[data-filter-table]).
 * Header cells become buttons, so the keyboard and screen readers can sort too; numbers sort
 * by their data-sort value where they have one (a grade's rank), else by their text ("—" last).
 * Cells of the report lists are labelled from their column's header, for the stacked layout of
 * narrow screens: written once here, not on every cell of 20,000 rows. Runs again after each
 * instant navigation. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    if (cell.hasAttribute("data-sort")) return cell.getAttribute("data-sort");
    var text = cell.textContent.trim();
    return text === "—" ? "" : text;
  }

  // The stacked layout (site.css, under 600px) shows each cell's data-label before it; the
  // report name's cell (jx-name) stands alone as the row's heading.
  function labelCells(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (!cell.hasAttribute("data-label") && !cell.classList.contains("jx-name") && headers[index]) {
          cell.setAttribute("data-label", headers[index].textContent.trim());
        }
      });
    });
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (a === "" && b !== "") return 1;           // empty cells last
    if (b === "" && a !== "") return -1;
    if (!isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, "zh-Hans-CN");
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.querySelector("button")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "jx-sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var result = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    var count = input.parentNode.querySelector(".jx-filter-count");
    if (!table) return;
    input.addEventListener("input", function () {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (count) count.textContent = words.length ? "显示 " + shown + " / " + table.tBodies[0].rows.length + " 份" : "";
    });
  }

  function setUp() {
    document.querySelectorAll("table[data-labels]").forEach(labelCells);
    document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    document.querySelectorAll("input[data-filter-table]").forEach(makeFilter);
  }

  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
