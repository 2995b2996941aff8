// Phones: tables of three columns or more become one card per row (see stylesheets/dutydir.css), each cell labelled with its column's
// heading; wide charts and tables that still scroll get a keyboard stop and a visible cue.
// Runs after Material has wrapped the tables, on each page Material shows.
(function () {
  "use strict";

  function stack(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    // Two columns (项目/内容, a heading and its value) fit a phone as they are; wider tables are stacked.
    if (heads.length < 3) return;
    // display: block drops a table's meaning for screen readers; the roles keep it.
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.querySelectorAll("tr"), function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (cell.tagName === "TH") {
          cell.setAttribute("role", "columnheader");
        } else {
          cell.setAttribute("role", "cell");
          if (heads[i]) cell.setAttribute("data-label", heads[i]);
        }
      });
    });
    table.setAttribute("data-stacked", "");
  }

  function markScrolling(box, name) {
    if (box.scrollWidth <= box.clientWidth + 1) {
      box.removeAttribute("data-scrolls");
      return;
    }
    box.setAttribute("data-scrolls", "");
    // A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
    if (!box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name);
    }
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not([class])"), stack);
    function measure() {
      Array.prototype.forEach.call(document.querySelectorAll(".dutydir-chart"), function (box) {
        markScrolling(box, "关系图，可左右滚动");
      });
      Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (box) {
        markScrolling(box, "表格，可左右滚动");
      });
    }
    measure();
    window.addEventListener("resize", measure);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
