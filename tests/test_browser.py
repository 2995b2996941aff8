"""The built site in headless Chromium: search answers sector questions, the lookup table filters as one
types, and no request leaves 127.0.0.1.

The browser is Debian's Chromium driven by Playwright (nothing is downloaded); the site is the session's
build, served by http.server on a free port of 127.0.0.1. Every request to any other host is blocked
and recorded, and the tests assert that there was none.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from dutydir.model.directory import Directory
from tests.support import Guard, launch, served

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ZWSP = "\u200b"
# What Material's search shows (in Chinese) while the box is empty.
TYPE_TO_SEARCH = "键入以开始搜索"
# Room for a slow machine: the search worker loads lunr and the index before it answers.
expect.set_options(timeout=15_000)
pytestmark = pytest.mark.slow

# Pages by their URL and title.
GAS = ("sectors/cheng-zhen-ran-qi/", "城镇燃气")
PIPELINES = ("sectors/you-qi-chang-shu-guan-xian/", "油气长输管线")
FIREWORKS = ("sectors/min-bao-wu-pin-he-yan-hua-bao-zhu/", "民爆物品和烟花爆竹")
BIG_DATA = ("sectors/zheng-wu-fu-wu-he-da-shu-ju-guan-li/", "政务服务和大数据管理")
YANGLUO = ("sectors/yang-luo-jing-ji-kai-fa-qu/", "阳逻经济开发区")
SPECIAL_EQUIPMENT = ("sectors/te-zhong-she-bei/", "特种设备")
FLOODS = ("sectors/fang-xun-kang-han/", "防汛抗旱")
EMERGENCY = ("sectors/an-quan-sheng-chan-he-ying-ji-guan-li/", "安全生产和应急管理")
PETROCHEMICAL = ("sectors/shi-hua-gong-ye/", "石化工业")
CONSTRUCTION = ("sectors/cheng-jian/", "城建")
HOUSING = ("sectors/fang-guan/", "房管")
TRANSPORT = ("sectors/jiao-tong-yun-shu/", "交通运输")
TRANSPORT_HUB = ("sectors/zong-he-jiao-tong/", "综合交通")
TRAFFIC_POLICE = ("sectors/gong-an-jiao-tong-guan-li/", "公安交通管理")
EDUCATION = ("sectors/jiao-yu/", "教育")
HEALTH = ("sectors/wei-sheng-jian-kang/", "卫生健康")
AGRICULTURE = ("sectors/nong-ye-nong-cun/", "农业农村")
FARM_MACHINERY = ("sectors/nong-ye-ji-xie/", "农业机械")
XIAO = ("leaders/fuquzhang-nongye/", "肖新锋 · 副区长")
DING = ("leaders/fuquzhang-jiaotong/", "丁力 · 副区长")

# Each query and the pages that must come first, in any order among themselves.
SEARCHES = {
    # Full names of sectors.
    "城镇燃气": [GAS],
    "油气长输管线": [PIPELINES],
    "民爆物品和烟花爆竹": [FIREWORKS],
    "政务服务和大数据管理": [BIG_DATA],
    "阳逻经济开发区": [YANGLUO],
    "特种设备": [SPECIAL_EQUIPMENT],
    "防汛抗旱": [FLOODS],
    # Parts of names.
    "燃气": [GAS],
    "烟花爆竹": [FIREWORKS],
    "大数据": [BIG_DATA],
    "长输管线": [PIPELINES],
    "防汛": [FLOODS],
    # Key areas of 四（二）: the sectors they fall under.
    "危险化学品": [EMERGENCY, PETROCHEMICAL],
    "建设施工": [CONSTRUCTION],
    "老旧小区改造": [HOUSING],
    "桥梁": [TRANSPORT, CONSTRUCTION],
    "学校": [EDUCATION],
    "医院": [HEALTH],
    # Words that span several sectors.
    "交通": [TRANSPORT, TRANSPORT_HUB, TRAFFIC_POLICE],
    "农业": [AGRICULTURE, FARM_MACHINERY],
    # Keywords added for search (a scope's included).
    "天然气": [GAS],
    "电梯": [SPECIAL_EQUIPMENT],
    # Leaders' names.
    "肖新锋": [XIAO],
    "丁力": [DING],
}

# Who answers for each page's sector and who stands in (AB角), as the notice has it; for a leader page,
# the leader and the AB partner.
ANSWERS = {
    GAS: ("邓辉", "丁力"),
    PIPELINES: ("李先勇", "刘辉"),
    FIREWORKS: ("刘辉", "李先勇"),
    BIG_DATA: ("李先勇", "刘辉"),
    YANGLUO: ("陈晓红", "祝莹"),
    SPECIAL_EQUIPMENT: ("祝莹", "陈晓红"),
    FLOODS: ("肖新锋", "张晓菡"),
    EMERGENCY: ("李先勇", "刘辉"),
    PETROCHEMICAL: ("李先勇", "刘辉"),
    CONSTRUCTION: ("邓辉", "丁力"),
    HOUSING: ("邓辉", "丁力"),
    TRANSPORT: ("丁力", "邓辉"),
    TRANSPORT_HUB: ("丁力", "邓辉"),
    TRAFFIC_POLICE: ("刘辉", "李先勇"),
    EDUCATION: ("张晓菡", "肖新锋"),
    HEALTH: ("张晓菡", "肖新锋"),
    AGRICULTURE: ("肖新锋", "张晓菡"),
    FARM_MACHINERY: ("肖新锋", "张晓菡"),
    XIAO: ("肖新锋", "张晓菡"),
    DING: ("丁力", "邓辉"),
}


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site served on a free port of 127.0.0.1; its base URL."""
    with served(site) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def searching(browser: Browser, server: str) -> Iterator[tuple[Page, Guard]]:
    """The home page with the search box, in a guarded context shared by the search tests."""
    guard = Guard()
    context = guard.watch(browser.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    page.goto(server)
    yield page, guard
    context.close()


def path_of(url: str) -> str:
    """A page's URL relative to the site root, without query or fragment."""
    return unquote(urlsplit(url).path).lstrip("/")


def search(page: Page, query: str) -> list[tuple[str, str]]:
    """Type a query into Material's search box; the results' pages as (URL relative to the site, title)."""
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_have_text(TYPE_TO_SEARCH)
    box.press_sequentially(query)
    # Chinese text arrives without key events, as from an input method; Material searches on key-up.
    box.press("End")
    expect(meta).not_to_have_text(TYPE_TO_SEARCH)
    # Material writes the count and the first ten results in one go.
    results = []
    for item in page.locator(".md-search-result__item").all()[:8]:
        link = item.locator("a.md-search-result__link").first
        title = link.locator("h1").inner_text().replace(ZWSP, "")
        results.append((path_of(link.get_attribute("href") or ""), title))
    return results


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_finds_the_responsible_leader_first(searching: tuple[Page, Guard], server: str, query: str) -> None:
    page, guard = searching
    expected = SEARCHES[query]
    results = search(page, query)
    assert sorted(results[: len(expected)]) == sorted(expected), results
    # Each of those pages names the responsible leader and the AB partner who stands in.
    reader = page.context.new_page()
    for url, title in expected:
        leader, partner = ANSWERS[url, title]
        reader.goto(server + url)
        if url.startswith("leaders/"):
            expect(reader.locator("article h1")).to_have_text(f"{leader} · 副区长¶")
            expect(reader.locator("article tr", has_text="本领导不在时由其代理")).to_contain_text(partner)
        else:
            answer = reader.locator("article p").first
            expect(answer).to_contain_text(f"由{leader}")
            expect(answer).to_contain_text(f"由AB角{partner}")
    reader.close()
    assert guard.blocked == []


def test_search_screenshot(searching: tuple[Page, Guard]) -> None:
    page, guard = searching
    assert search(page, "燃气")[0] == GAS
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "search.png"
    page.screenshot(path=path)
    assert path.stat().st_size > 10_000
    assert guard.blocked == []


def test_no_request_leaves_127_0_0_1(browser: Browser, server: str) -> None:
    guard = Guard()
    context = guard.watch(browser.new_context())
    page = context.new_page()
    page.goto(server)
    assert search(page, "燃气")[0] == GAS
    page.goto(server + "lookup/")
    assert guard.blocked == []
    # The guard sees what the search worker loads, not only the page: it would see an outside request there.
    passed = {path_of(url) for url in guard.passed}
    assert {"search/search_index.json", "assets/javascripts/lunr/min/lunr.zh.min.js"} <= passed
    # And it does block: a request to another host is stopped and recorded.
    outcome = page.evaluate("fetch('http://example.com/x').then(() => 'loaded', () => 'failed')")
    assert outcome == "failed"
    assert guard.blocked == ["http://example.com/x"]
    context.close()


# The lookup table


def visible_rows(page: Page) -> list[str]:
    """The first cell of each lookup row the reader sees."""
    cells = page.locator(".dutydir-lookup tbody tr:visible td:first-child")
    return [text.strip() for text in cells.all_inner_texts()]


def test_lookup_filters_as_one_types(browser: Browser, server: str, directory: Directory) -> None:
    guard = Guard()
    context = guard.watch(browser.new_context(viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    page.goto(server + "lookup/")
    total = len(directory.sectors) + len(directory.key_areas)
    box = page.locator(".dutydir-lookup-filter input")
    count = page.locator(".dutydir-lookup-count")
    expect(box).to_be_visible()
    expect(count).to_have_text(f"共 {total} 行")
    assert len(visible_rows(page)) == total

    box.press_sequentially("燃气")
    expect(count).to_have_text(f"显示 2 行，共 {total} 行")
    assert visible_rows(page) == ["城镇燃气", "燃气"]

    # Several words: rows holding all of them. 丁力 answers for 交通运输 and stands in for 城建's leader.
    box.fill("")
    box.press_sequentially("交通 丁力")
    assert visible_rows(page) == ["交通运输", "综合交通", "交通", "桥梁"]

    box.fill("")
    box.press_sequentially("AB角")
    expect(count).to_have_text("没有含有这些字的行")
    assert visible_rows(page) == []

    box.fill("")
    box.press_sequentially("烟花")
    assert visible_rows(page) == ["民爆物品和烟花爆竹", "民爆物品和烟花爆竹"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "lookup.png")

    box.fill("")
    expect(count).to_have_text(f"共 {total} 行")
    assert len(visible_rows(page)) == total
    assert guard.blocked == []
    context.close()


def test_lookup_without_javascript_is_the_full_table(browser: Browser, server: str, directory: Directory) -> None:
    guard = Guard()
    context = guard.watch(browser.new_context(java_script_enabled=False))
    page = context.new_page()
    page.goto(server + "lookup/")
    expect(page.locator(".dutydir-lookup-filter")).to_be_hidden()
    assert visible_rows(page) == [s.name for s in directory.sectors.values()] + [a.name for a in directory.key_areas]
    first = page.locator(".dutydir-lookup tbody tr").first.locator("td")
    assert [t.strip() for t in first.all_inner_texts()] == [
        "发展改革",
        "行业领域",
        "李先勇（常务副区长）",
        "刘辉（副区长）",
        "—",
    ]
    assert guard.blocked == []
    context.close()
