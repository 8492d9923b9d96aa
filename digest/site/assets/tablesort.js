// Sortable tables without a CDN: click a header to sort by that column.
// Numbers sort as numbers ("27,708" > "1,160"), everything else as text.
(function () {
  function key(cell) {
    var text = cell.textContent.trim();
    var number = text.replace(/^(at least|more than|about|some|over|nearly|approximately)\s+/i, "").replace(/,/g, "");
    return /^-?\d+(\.\d+)?/.test(number) ? parseFloat(number) : text.toLowerCase();
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]), y = key(b.cells[column]);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  // On a phone each row becomes a card (digest.css); every cell carries its column's header as a
  // label, and ARIA roles keep the table a table for screen readers once its display is block.
  function label(table) {
    if (!table.tHead || table.dataset.cards) return;
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) { group.setAttribute("role", "rowgroup"); });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, column) {
        if (cell.tagName === "TH") { cell.setAttribute("role", "columnheader"); return; }
        cell.setAttribute("role", "cell");
        cell.dataset.label = headers[column] || "";
      });
    });
    table.dataset.cards = "yes";
  }
  function enable() {
    document.querySelectorAll("article table").forEach(label);
    document.querySelectorAll("article table:not([class])").forEach(function (table) {
      if (!table.tHead || !table.tBodies.length || table.dataset.sortable) return;
      table.dataset.sortable = "yes";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        th.setAttribute("aria-sort", "none");
        th.addEventListener("click", function () { sortBy(table, column, th); });
      });
    });
  }
  // Material's instant navigation swaps pages without a reload: document$ fires on each.
  if (typeof document$ !== "undefined") { document$.subscribe(enable); } else { document.addEventListener("DOMContentLoaded", enable); }
})();
