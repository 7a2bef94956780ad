/* Sortable and filterable report tables (table[data-sortable], input[data-filter-table]).
 * Header cells become buttons, so the keyboard and screen readers can sort too; numbers sort
 * by their data-sort value where they have one (a grade's rank), else by their text ("—" last).
 * Cells of every stacked table are labelled from their column's header, for the layout of
 * narrow screens: written once here, not on every cell of 20,000 pages. Runs again after each
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

  // The stacked layout (site.css, under 600px) shows each cell's data-label before it. Labels
  // come from the column's header, counted past the cells that span rows from above (the
  // indicators' 一级 / 二级指标); a row's heading (th, or the report name's jx-name) stands alone.
  function labelCells(table) {
    var names = [];
    Array.prototype.forEach.call(table.tHead ? table.tHead.rows[0].cells : [], function (th) {
      for (var k = 0; k < th.colSpan; k++) names.push(th.textContent.trim());
    });
    var below = [];  // per column: rows still covered by a cell above
    Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
      var taken = below.map(function (n) { return n > 0; });
      below = below.map(function (n) { return n > 0 ? n - 1 : 0; });
      var col = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        while (taken[col]) col += 1;
        if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && !cell.classList.contains("jx-name") && names[col]) {
          cell.setAttribute("data-label", names[col]);
        }
        for (var k = 0; k < cell.colSpan; k++) below[col + k] = cell.rowSpan - 1;
        col += cell.colSpan;
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
    document.querySelectorAll(".jx-stack table").forEach(labelCells);
    document.querySelectorAll("table[data-sortable]").forEach(makeSortable);
    document.querySelectorAll("input[data-filter-table]").forEach(makeFilter);
  }

  if (typeof document$ !== "undefined") document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
