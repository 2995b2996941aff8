"""Large sites search with Pagefind: the engine choice, the build, and answers in a real browser."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Route, sync_playwright

from dutydir.build.pagefind import PAGEFIND_FROM_PAGES, SearchError, engine
from tests.support import CHROMIUM, CHROMIUM_ARGS, copy_project, mkdocs_build


def test_engine_choice() -> None:
    assert engine("auto", 90) == "material"
    assert engine("auto", PAGEFIND_FROM_PAGES - 1) == "material"
    assert engine("auto", PAGEFIND_FROM_PAGES) == "pagefind"
    assert engine("pagefind", 90) == "pagefind"
    assert engine("material", 16000) == "material"
    with pytest.raises(SearchError, match="^search engine 'lunr' is not one of auto, material, pagefind$"):
        engine("lunr", 10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("pagefind"))
    result = mkdocs_build(root, root / "site", DUTYDIR_SEARCH="pagefind", DUTYDIR_DATE="2026-01-01")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_build_has_a_pagefind_bundle_and_no_material_index(site: Path) -> None:
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'for="__search"' not in home  # Material's search box is gone ...
    assert 'href="search/"' in home  # ... and the nav leads to the search page instead


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


QUERIES = {
    "燃气": ["sectors/cheng-zhen-ran-qi/"],
    "天然气": ["sectors/cheng-zhen-ran-qi/"],
    "特种设备": ["sectors/te-zhong-she-bei/"],
    "防汛": ["sectors/fang-xun-kang-han/"],
    "大数据": ["sectors/zheng-wu-fu-wu-he-da-shu-ju-guan-li/"],
    "危险化学品": ["sectors/an-quan-sheng-chan-he-ying-ji-guan-li/", "sectors/shi-hua-gong-ye/"],
    "交通": ["sectors/jiao-tong-yun-shu/", "sectors/zong-he-jiao-tong/", "sectors/gong-an-jiao-tong-guan-li/"],
    "学校": ["sectors/jiao-yu/"],
    "丁力": ["leaders/fuquzhang-jiaotong/"],
}


def test_pagefind_answers_sector_questions(base_url: str) -> None:
    blocked: list[str] = []

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("blockedbyclient")

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.route(lambda url: True, guard)
        page = context.new_page()
        page.goto(base_url + "search/")
        found = {}
        for query, expected in QUERIES.items():
            urls = page.evaluate(
                """async (q) => {
                    const pagefind = await import('../pagefind/pagefind.js');
                    const search = await pagefind.search(q);
                    return Promise.all(search.results.slice(0, 3).map(async (r) => (await r.data()).url));
                }""",
                query,
            )
            found[query] = sorted(u.lstrip("/") for u in urls[: len(expected)])
        # The page's own interface shows the same first answer.
        page.fill(".pagefind-ui__search-input", "燃气")
        page.keyboard.press("End")
        page.wait_for_selector(".pagefind-ui__result-link")
        first = page.locator(".pagefind-ui__result-link").first.inner_text()
        browser.close()
    assert found == {q: sorted(e) for q, e in QUERIES.items()}
    assert first == "城镇燃气"
    assert blocked == []
