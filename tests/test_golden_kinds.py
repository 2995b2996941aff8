"""Every page kind against golden files, for Xinzhou, the town sample and the city sample.

Regenerate with: DUTYDIR_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden_kinds.py
and read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dutydir import load_directory
from dutydir.data.units import Site
from dutydir.model.directory import Directory
from dutydir.render import dot, pages
from dutydir.render.site import site_pages
from tests.test_golden import check_golden, fake_chart

ROOT = Path(__file__).resolve().parents[1]
UNITS = {
    "xinzhou": ROOT / "data" / "leaders.yaml",
    "town": ROOT / "tests" / "data" / "town" / "leaders.yaml",
    "city": ROOT / "tests" / "data" / "city" / "leaders.yaml",
}
# A day on which the city's two executive leaders are both away (stand-ins overlap).
AS_OF = dt.date(2025, 8, 6)
KINDS = ["index.md", "leaders/index.md", "sectors/index.md", "key-areas.md", "mechanisms.md", "notice.md"]
KINDS += ["changes.md", "lookup.md", "help.md"]
# Leader and sector pages that show each relation: 协助 and its lead, 联系, a C角, an exception, a leaver.
CHOSEN = {
    "xinzhou": [
        "leaders/quzhang.md",
        "leaders/fuquzhang-gongan.md",
        "sectors/shen-ji.md",
        "sectors/jiao-tong-yun-shu.md",
    ],
    "town": ["leaders/fuzhenzhang-chengjian.md", "leaders/zhenzhang.md", "sectors/cheng-zhen-ran-qi.md"],
    "city": [
        "leaders/shizhang.md",
        "leaders/changwu-fushizhang.md",
        "leaders/fushizhang-gongan.md",
        "leaders/mishuzhang.md",
        "leaders/fushizhang-nongye.md",
        "sectors/gong-an.md",
        "sectors/dao-lu-jiao-tong-an-quan.md",
        "sectors/shen-ji.md",
        "sectors/xiao-fang-jiu-yuan.md",
        "sectors/shui-li.md",
    ],
}


@pytest.fixture(scope="module")
def units() -> dict[str, Directory]:
    """The three units as of the chosen day."""
    return {name: load_directory(path, as_of=AS_OF)[0] for name, path in UNITS.items()}


@pytest.fixture(scope="module")
def generated(units: dict[str, Directory]) -> dict[str, dict[str, str]]:
    """Every page of each unit as a site of its own, with fake charts."""
    return {name: site_pages(Site((d,)), fake_chart) for name, d in units.items()}


@pytest.mark.parametrize("unit", list(UNITS))
@pytest.mark.parametrize("kind", KINDS)
def test_page_kind(generated: dict[str, dict[str, str]], unit: str, kind: str) -> None:
    check_golden(f"{unit}/{kind}", generated[unit][kind])


@pytest.mark.parametrize(("unit", "path"), [(u, p) for u, paths in CHOSEN.items() for p in paths])
def test_leader_and_sector_pages(generated: dict[str, dict[str, str]], unit: str, path: str) -> None:
    check_golden(f"{unit}/{path}", generated[unit][path])


@pytest.mark.parametrize("unit", list(UNITS))
def test_charts(units: dict[str, Directory], unit: str) -> None:
    d = units[unit]
    check_golden(f"{unit}/district.dot", dot.district(d))
    post = d.posts[0]
    check_golden(f"{unit}/leader-{post.id}.dot", dot.leader(d, post))


def test_city_leader_chart_shows_lead_and_liaisons(units: dict[str, Directory]) -> None:
    d = units["city"]
    check_golden("city/leader-fushizhang-gongan.dot", dot.leader(d, d.post("fushizhang-gongan")))


def test_unit_index(units: dict[str, Directory]) -> None:
    """The index of a site of several units, and a further unit's page naming its unit."""
    built = site_pages(Site((units["town"], units["city"])), fake_chart)
    check_golden("several/units.md", built["units.md"])
    check_golden("several/jingchuan/index.md", built["jingchuan/index.md"])
    check_golden("several/jingchuan/notice.md", built["jingchuan/notice.md"])


def test_each_page_kind_is_covered() -> None:
    """The golden files above cover every template in the package."""
    templates = {p.name for p in (ROOT / "dutydir" / "render" / "templates").glob("*.md")}
    partials = {"page.md", "acting.md", "answer.md", "coming.md", "standing-in.md", "commissioner-note.md"}
    covered = {Path(k).name for k in KINDS} | {"leader.md", "sector.md", "units.md"}
    covered = {"home.md" if k == "index.md" else k for k in covered} | {"leaders.md", "sectors.md"}
    assert templates - partials <= covered, templates - partials - covered


def test_all_pages_is_unchanged_by_the_options_default(units: dict[str, Directory]) -> None:
    d = units["town"]
    assert pages.all_pages(d, fake_chart) == pages.all_pages(d, fake_chart, options=pages.Options())
