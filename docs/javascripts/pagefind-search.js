// The search page of a site searched with Pagefind: starts Pagefind's interface in #dutydir-search, with the
// bundle's address and the debounce from the element. A file rather than an inline script, for the
// Content-Security-Policy. Started once the page is parsed, so that the answer box's script (answer.js) is there:
// it drops asking words (谁管, AB角) from the query and shows a sector's or leader's answer as its excerpt.
(function () {
  "use strict";
  function start() {
    var element = document.getElementById("dutydir-search");
    if (!element || typeof window.PagefindUI !== "function") return;
    var answer = window.dutydirAnswer;
    new window.PagefindUI({
      element: "#dutydir-search",
      bundlePath: element.getAttribute("data-bundle"),
      showSubResults: true,
      debounceTimeoutMs: Number(element.getAttribute("data-debounce-ms")),
      processTerm: answer && answer.term,
      processResult: answer && answer.result,
      translations: { placeholder: "搜索", zero_results: "没有找到“[SEARCH_TERM]”" },
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
