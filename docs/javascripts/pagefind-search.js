// The search page of a site searched with Pagefind: starts Pagefind's interface in #dutydir-search, with the
// bundle's address from the element. A file rather than an inline script, for the Content-Security-Policy.
(function () {
  "use strict";
  var element = document.getElementById("dutydir-search");
  if (!element || typeof window.PagefindUI !== "function") return;
  new window.PagefindUI({
    element: "#dutydir-search",
    bundlePath: element.getAttribute("data-bundle"),
    showSubResults: true,
    translations: { placeholder: "搜索", zero_results: "没有找到“[SEARCH_TERM]”" },
  });
})();
