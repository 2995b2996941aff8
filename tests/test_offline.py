"""The offline copy: built as `make offline` builds it, packed in a zip, unpacked and opened from file:// in
Chromium; every page kind is reached by clicking, search answers and the lookup filter filters."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from dutydir.build import offline
from dutydir.build.link_check import LinkParser
from tests.browsing import Watch, launch
from tests.support import copy_project, mkdocs_build

# Real builds, a real nginx or Chromium: tens of seconds (make test-fast leaves them out).
pytestmark = pytest.mark.slow

# What a reader clicks, from the home page, to reach each kind of page: nav tabs, then links in the pages.
CLICKS = [
    ("nav", "速查", "速查表"),
    ("nav", "按领导", "按领导查找"),
    ("article", "丁力", "丁力 · 副区长"),
    ("article", "交通运输", "交通运输"),
    ("nav", "按行业领域", "按行业领域查找"),
    ("article", "城镇燃气", "城镇燃气"),
    ("nav", "重点领域", "重点领域"),
    ("nav", "工作机制", "工作机制"),
    ("nav", "通知原文", "区人民政府办公室关于进一步加强区政府领导安全生产责任的通知"),
    ("nav", "变更记录", "变更记录"),
    ("nav", "使用说明", "使用说明"),
    ("nav", "首页", "新洲区政府领导安全生产责任目录"),
]


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline build of the district, zipped and unpacked elsewhere; the unpacked site's folder."""
    tmp = tmp_path_factory.mktemp("offline")
    project = copy_project(tmp / "project")
    built = mkdocs_build(project, tmp / "site", DUTYDIR_OFFLINE="true", DUTYDIR_DATE="2026-01-01")
    assert built.returncode == 0, built.stderr
    zipped = tmp / "anquan-offline.zip"
    count = offline.write_zip(tmp / "site", zipped)
    with zipfile.ZipFile(zipped) as archive:
        names = archive.namelist()
        assert len(names) == count and names == sorted(names)
        assert all(name.startswith("anquan-offline/") for name in names)
        archive.extractall(tmp / "usb")
    return tmp / "usb" / "anquan-offline"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    yield from launch()


def test_every_link_is_a_file(unpacked: Path) -> None:
    """From file:// a link to a folder shows a folder listing: every link of every page names a file."""
    to_folders = []
    for page in sorted(unpacked.rglob("*.html")):
        parser = LinkParser()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//", "/")) or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                to_folders.append(f"{page.relative_to(unpacked)}: {link}")
    # 404.html links from the site root, as a server would serve it; it is never opened from a file.
    assert [x for x in to_folders if not x.startswith("404.html")] == []


def click_through(page: Page, watch: Watch) -> list[str]:
    """Follow CLICKS; the title of each page reached."""
    titles = []
    for where, text, title in CLICKS:
        scope = page.locator(".md-tabs") if where == "nav" else page.locator("article")
        scope.get_by_role("link", name=text, exact=True).first.click()
        expect(page.locator("article h1")).to_have_text(title + "¶")
        # Each page starts loading the search index; let it finish before the next click aborts it.
        page.wait_for_load_state("networkidle")
        assert page.url.startswith("file://") and page.url.split("#")[0].endswith(".html"), page.url
        assert watch.collect() == [], title
        titles.append(title)
    return titles


def test_click_through_every_page_kind(unpacked: Path, browser: Browser) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    watch = Watch(page)
    page.goto((unpacked / "index.html").as_uri())
    assert click_through(page, watch) == [title for _, _, title in CLICKS]
    page.context.close()


def test_search_and_lookup_from_files(unpacked: Path, browser: Browser) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    watch = Watch(page)
    page.goto((unpacked / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("燃气")
    box.press("End")
    # The answer box names the leader and who covers, above Material's own results, from files too.
    expect(page.locator(".dutydir-answer").first).to_contain_text("城镇燃气")
    expect(page.locator(".dutydir-answer").first).to_contain_text("邓辉")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("城镇燃气")
    first.locator("a").first.click()
    expect(page.locator("article h1")).to_have_text("城镇燃气¶")
    assert page.url.startswith((unpacked / "sectors" / "cheng-zhen-ran-qi.html").as_uri())
    page.wait_for_load_state("networkidle")

    page.goto((unpacked / "lookup.html").as_uri())
    page.locator(".dutydir-lookup-filter input").press_sequentially("燃气")
    expect(page.locator(".dutydir-lookup-count")).to_contain_text("显示 2 行")
    assert watch.collect() == []
    page.context.close()
