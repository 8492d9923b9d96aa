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
  function enable() {
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
