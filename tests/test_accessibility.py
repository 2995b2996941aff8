"""Accessibility and phones: axe-core finds no serious or critical violation on any page kind, at 1280 px and
at 390 px, on the district's site and on a synthetic city of several units; at 390 px no table cell is cut off,
charts keep a readable size and scroll sideways, and the page itself never scrolls sideways.

axe-core runs inside Chromium from the copy vendored in tests/vendor/axe-core (checked against npm's file).
Screenshots of the phone views are written to tests/artifacts/phone-*.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page, ViewportSize, expect

from dutydir.cli import cli
from tests.browsing import ARTIFACTS, CITY_PAGES, DESK, DISTRICT_PAGES, PHONE, axe_source, axe_violations, launch
from tests.support import copy_project, mkdocs_build, served

# Real builds, a real nginx or Chromium: tens of seconds (make test-fast leaves them out).
pytestmark = pytest.mark.slow

WIDTHS: dict[str, ViewportSize] = {"desk": DESK, "phone": PHONE}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    yield from launch()


@pytest.fixture(scope="module")
def district(site: Path) -> Iterator[str]:
    """The district's site (the session's build) on 127.0.0.1."""
    with served(site) as base:
        yield base


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A synthetic city of three units (dutydir synth), built and served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("city")
    made = CliRunner().invoke(cli, ["synth", "--units", "3", "--seed", "1", str(tmp / "data")])
    assert made.exit_code == 0, made.output
    project = copy_project(tmp / "project")
    built = mkdocs_build(project, tmp / "site", DUTYDIR_DATA=str(tmp / "data"), DUTYDIR_DATE="2026-01-01")
    assert built.returncode == 0, built.stderr
    with served(tmp / "site") as base:
        yield base


def check_pages(browser: Browser, base: str, pages: dict[str, str]) -> dict[str, list[str]]:
    """Every serious or critical violation of each page at each width, keyed by 'kind at width'."""
    source = axe_source()
    found: dict[str, list[str]] = {}
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for kind, path in pages.items():
            # Checked once the page and its scripts have run; the search index may still be on its way.
            page.goto(base + path, wait_until="load")
            found[f"{kind} at {width}"] = axe_violations(page, source)
        context.close()
    return found


def test_district_has_no_serious_violations(browser: Browser, district: str) -> None:
    found = check_pages(browser, district, DISTRICT_PAGES)
    assert {kind: v for kind, v in found.items() if v} == {}
    assert len(found) == 2 * len(DISTRICT_PAGES)


def test_city_has_no_serious_violations(browser: Browser, city: str) -> None:
    found = check_pages(browser, city, CITY_PAGES)
    assert {kind: v for kind, v in found.items() if v} == {}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_search_dialog_has_no_serious_violations(browser: Browser, district: str, width: str) -> None:
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page.goto(district)
    if width == "phone":
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("燃气")
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_contain_text("城镇燃气")
    # Results fade in: axe measures colours as drawn, so half-faded text would read as low contrast.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    page.wait_for_timeout(300)
    assert axe_violations(page, axe_source()) == []
    context.close()


def cut_cells(page: Page) -> list[str]:
    """Table cells that reach past the window's right edge or are cut inside their box, with their text."""
    return page.evaluate(
        """() => [...document.querySelectorAll('article td')]
             .filter(td => td.getClientRects().length)
             .filter(td => td.getBoundingClientRect().right > window.innerWidth + 0.5
                           || td.getBoundingClientRect().left < -0.5 || td.scrollWidth > td.clientWidth + 1)
             .map(td => (td.dataset.label || '?') + ': ' + td.innerText.trim())"""
    )


PHONE_PAGES = ("lookup", "leaders", "key-areas", "leader", "sector", "mechanisms")


@pytest.mark.parametrize("kind", PHONE_PAGES)
def test_phone_tables_are_not_cut(browser: Browser, district: str, kind: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(district + DISTRICT_PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert page.locator("article td").count() > 0
    assert cut_cells(page) == []
    # The page itself does not scroll sideways.
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    # The responsible leader and the AB partner are labelled in each card.
    if kind in ("lookup", "key-areas"):
        first = page.locator("article tbody tr").first
        expect(first.locator("td[data-label='责任领导']")).to_be_visible()
        expect(first.locator("td[data-label^='AB角']")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"phone-{kind}.png")
    context.close()


def test_phone_chart_is_readable_and_scrolls(browser: Browser, district: str) -> None:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    page = context.new_page()
    page.goto(district)
    chart = page.locator(".dutydir-chart").first
    chart.scroll_into_view_if_needed()
    # Labels as large as the text around them (Graphviz's 14 pt), not shrunk to the width of the phone.
    heights = page.evaluate(
        "() => [...document.querySelector('.dutydir-chart svg').querySelectorAll('text')]"
        ".map(t => t.getBoundingClientRect().height)"
    )
    assert min(heights) >= 14, heights
    # The chart scrolls inside the page, says so, and can be reached and scrolled by keyboard.
    assert chart.evaluate("c => c.scrollWidth > c.clientWidth")
    assert chart.get_attribute("data-scrolls") == ""
    assert chart.get_attribute("tabindex") == "0"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    chart.screenshot(path=ARTIFACTS / "phone-chart.png")
    context.close()
