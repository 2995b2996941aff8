"""Large sites search with Pagefind: the engine choice, the build, and answers in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from dutydir.build.pagefind import PAGEFIND_FROM_PAGES, SearchError, engine
from tests.support import Guard, copy_project, launch, mkdocs_build, served


def test_engine_choice() -> None:
    assert engine("auto", 90) == "material"
    assert engine("auto", PAGEFIND_FROM_PAGES - 1) == "material"
    assert engine("auto", PAGEFIND_FROM_PAGES) == "pagefind"
    assert engine("pagefind", 90) == "pagefind"
    assert engine("material", 16000) == "material"
    with pytest.raises(SearchError, match="^搜索引擎“lunr”不是以下之一：auto、material、pagefind$"):
        engine("lunr", 10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("pagefind"))
    result = mkdocs_build(root, root / "site", DUTYDIR_SEARCH="pagefind", DUTYDIR_DATE="2026-01-01")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.slow
def test_build_has_a_pagefind_bundle_and_no_material_index(site: Path) -> None:
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'for="__search"' not in home  # Material's search box is gone ...
    assert 'href="search/"' in home  # ... and the nav leads to the search page instead


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as base:
        yield base


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


@pytest.mark.slow
def test_pagefind_answers_sector_questions(base_url: str) -> None:
    guard = Guard()
    with sync_playwright() as p:
        browser = launch(p)
        page = guard.watch(browser.new_context()).new_page()
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
    assert guard.blocked == []
