"""A reader's one search on a built site, in headless Chromium: bytes downloaded and seconds to a first result."""

from __future__ import annotations

import time
from pathlib import Path

from dutydir.tools.bench.local_site import Guard, launch, served
from dutydir.tools.bench.results import Reader

QUERY = "交通"
ENGINE_PAGES = {
    "material": ("", "input.md-search__input", ".md-search-result__item h1", "/search/"),
    "pagefind": ("search/", ".pagefind-ui__search-input", ".pagefind-ui__result-link", "/pagefind/"),
}
"""For each engine: the page with its search box, the box, a result, and the folder of its files."""


def search_once(site: Path, engine: str) -> Reader:
    """Serve a built site on 127.0.0.1 and search it once in headless Chromium, counting bytes and time."""
    from playwright.sync_api import sync_playwright  # a development package: only the benchmark needs it

    start_page, field, result, marker = ENGINE_PAGES[engine]
    fetched: dict[str, int] = {}
    guard = Guard()
    with served(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = guard.watch(browser.new_context()).new_page()
        page.on("requestfinished", lambda r: fetched.__setitem__(r.url, r.sizes()["responseBodySize"]))
        page.goto(base + start_page)
        start = time.perf_counter()
        page.fill(field, QUERY)
        page.keyboard.press("End")
        page.wait_for_selector(result, timeout=600_000)
        seconds = time.perf_counter() - start
        first = page.locator(result).first.inner_text().replace("\u200b", "")
        page.wait_for_timeout(500)
        browser.close()
    if guard.blocked:
        raise RuntimeError(f"the site asked for something outside itself: {guard.blocked[0]}")
    index = sum(p.stat().st_size for p in (site / marker.strip("/")).rglob("*") if p.is_file())
    search_bytes = sum(size for url, size in fetched.items() if marker in url or "worker" in url)
    return Reader(engine, index, sum(fetched.values()), search_bytes, seconds, first)
