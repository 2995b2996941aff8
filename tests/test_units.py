"""Several units in one site: each unit's pages under its id, titles that name the unit, a unit index,
and references across units reported as errors."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir.build.charts import Later
from dutydir.cli import cli
from dutydir.data.units import load_site
from dutydir.render import pages
from dutydir.render.site import site_pages
from tests.support import copy_project, mkdocs_build

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
TOWN = (
    MINIMAL.replace("id: testtown", "id: dongzhen")
    .replace("测试镇人民政府", "东镇人民政府")
    .replace("short_name: 测试镇", "short_name: 东镇")
    .replace("王一", "周七")
)


def make_site(folder: Path, town: str = TOWN) -> Path:
    (folder / "units").mkdir(parents=True)
    (folder / "leaders.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "units" / "dongzhen.yaml").write_text(town, encoding="utf-8")
    return folder


def test_units_sit_under_their_id(tmp_path: Path) -> None:
    site, warnings = load_site(make_site(tmp_path / "data"))
    assert ([u.unit.id for u in site.units], warnings) == (["testtown", "dongzhen"], [])
    built = site_pages(site, lambda dot: "<svg/>")
    assert "units.md" in built and "dongzhen/index.md" in built and "index.md" in built
    assert built["dongzhen/leaders/zhenzhang.md"].splitlines()[:8] == [
        "---",
        'title: "周七 · 镇长 · 东镇"',
        "---",
        "",
        '# 周七 · 镇长 { data-pagefind-weight="10" }',
        "",
        "单位：[东镇人民政府](../index.md)",
        "",
    ]
    assert built["units.md"].splitlines()[10:12] == [
        "| [测试镇人民政府](index.md) | 王一 | 3 | 5 |",
        "| [东镇人民政府](dongzhen/index.md) | 周七 | 3 | 5 |",
    ]
    assert "- [各单位](units.md)" in built["index.md"].splitlines()
    assert "- [各单位](units.md)" not in built["dongzhen/index.md"].splitlines()


def test_reference_across_units_is_an_error(tmp_path: Path) -> None:
    town = TOWN.replace("id: fu-a", "id: dz-a").replace("posts: [fu-a, fu-b]", "posts: [dz-a, fu-b]")
    town = town.replace("assists: fu-a", "assists: dz-a")
    folder = make_site(tmp_path / "data", town.replace("posts: [dz-a, fu-b]", "posts: [dz-a, fu-a]"))
    before = {p: p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["check", "data"])
    assert (result.exit_code, result.stderr) == (
        1,
        "data/units/dongzhen.yaml:46:19: 李二: AB角“fu-a”是单位“testtown”的职务，不能跨单位引用\ndata：1处错误\n",
    )
    # Checking reads the files and writes nothing.
    assert {p: p.read_bytes() for p in sorted(folder.rglob("*.yaml"))} == before


def test_check_counts_units(tmp_path: Path) -> None:
    make_site(tmp_path / "data")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = CliRunner().invoke(cli, ["check", "data/leaders.yaml", "--date", "2025-01-01"])
    assert (result.exit_code, result.stdout) == (0, "data/leaders.yaml：检查通过（2个单位）\n")


def test_build_with_units(tmp_path: Path) -> None:
    make_site(copy_project(tmp_path, MINIMAL) / "data")
    # The site's name is a setting of mkdocs.yml (here through its DUTYDIR_SITE_NAME); the hooks never change it.
    result = mkdocs_build(
        tmp_path, tmp_path / "site", DUTYDIR_DATE="2025-01-01", DUTYDIR_SITE_NAME="测试镇安全生产责任目录"
    )
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "units" / "index.html").is_file()
    assert (site / "dongzhen" / "sectors" / "cheng-zhen-ran-qi" / "index.html").is_file()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {
        doc["location"]: doc["title"].replace("\u200b", "") for doc in index["docs"] if "#" not in doc["location"]
    }
    texts = {doc["location"]: doc["text"].replace("\u200b", "") for doc in index["docs"]}
    assert (titles["dongzhen/sectors/cheng-zhen-ran-qi/"], titles["sectors/cheng-zhen-ran-qi/"]) == (
        "城镇燃气",
        "城镇燃气",
    )
    assert texts["dongzhen/sectors/cheng-zhen-ran-qi/"].startswith("<p>单位：东镇人民政府</p>")
    assert texts["sectors/cheng-zhen-ran-qi/"].startswith("<p>单位：测试镇人民政府</p>")
    html = (site / "dongzhen" / "sectors" / "cheng-zhen-ran-qi" / "index.html").read_text(encoding="utf-8")
    assert "<title>城镇燃气 · 东镇 - 测试镇安全生产责任目录</title>" in html


def test_charts_rendered_together_land_where_called(tmp_path: Path) -> None:
    # Later renders the charts side by side after the pages are made; each page still gets its own
    # charts in place, and a DOT that comes up twice (the same leader chart in two units) is rendered once.
    site, _ = load_site(make_site(tmp_path / "data"))
    calls: list[str] = []
    threads: set[int] = set()

    def chart(dot: str) -> str:
        calls.append(dot)
        threads.add(threading.get_ident())
        time.sleep(0.01)
        return in_place(dot)

    asked: list[str] = []

    def in_place(dot: str) -> str:
        asked.append(dot)
        return f'<svg id="{hashlib.sha256(dot.encode()).hexdigest()}"/>'

    later = Later(chart)
    built = later.fill(site_pages(site, later))
    assert len(calls) == len(set(calls))
    asked.clear()
    for unit in site.units:
        for path, text in pages.all_pages(unit, in_place).items():
            assert chart_blocks(built[site.prefix(unit) + path]) == chart_blocks(text), path
    assert set(calls) == set(asked) and len(asked) > len(calls)
    if (os.cpu_count() or 1) > 1:
        assert len(threads) > 1


def chart_blocks(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("<svg")]
