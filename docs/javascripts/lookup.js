// The lookup table (速查表): as the reader types, only the rows holding every typed word stay shown.
// The table itself is in the page; without this script it is shown whole and the filter box stays hidden.
// Nothing from the page is written back as markup: rows are only hidden and shown, the count is plain text.
(function () {
  "use strict";

  function squash(text) {
    return text.replace(/\s+/g, "").toLowerCase();
  }

  function setUp(root) {
    var filter = root.querySelector(".dutydir-lookup-filter");
    var input = filter && filter.querySelector("input");
    var count = root.querySelector(".dutydir-lookup-count");
    if (!input || !count) return;
    var rows = Array.prototype.slice.call(root.querySelectorAll("table tbody tr"));
    var texts = rows.map(function (row) { return squash(row.textContent); });

    function apply() {
      var words = input.value.split(/\s+/).map(squash).filter(function (w) { return w; });
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (!words.length) count.textContent = "共 " + rows.length + " 行";
      else if (shown) count.textContent = "显示 " + shown + " 行，共 " + rows.length + " 行";
      else count.textContent = "没有含有这些字的行";
    }

    input.addEventListener("input", apply);
    filter.hidden = false;
    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll(".dutydir-lookup"), setUp);
})();
