"""Sharded builds: the same pages as one build, only changed shards rebuilt, a publish that shows the change."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from support import build_env, copy_project, mkdocs_build

from dutydir.build.link_check import broken_links
from dutydir.build.site_plan import make_plan
from dutydir.cli import cli

DAY = "2026-01-01"
DUTYDIR = str(Path(sys.executable).with_name("dutydir"))


def dutydir(root: Path, *args: str, pdf: str = "off", search: str = "auto") -> subprocess.CompletedProcess[str]:
    """Run the dutydir command in a copied project, as of the test's day (lists printed to PDF when ``pdf`` is on)."""
    env = build_env(root, DUTYDIR_DATE=DAY, DUTYDIR_PDF=pdf, DUTYDIR_SEARCH=search)
    done = subprocess.run([DUTYDIR, *args], cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, the search index's entries sorted.

    The search index lists the same entries in MkDocs' order of files, which differs (every unit's
    pages are together in a shard).
    """
    out = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    out.pop(".merged", None)
    if "search/search_index.json" in out:
        index = json.loads(out["search/search_index.json"])
        index["docs"].sort(key=lambda d: json.dumps(d, sort_keys=True, ensure_ascii=False))
        out["search/search_index.json"] = json.dumps(index, sort_keys=True, ensure_ascii=False).encode()
    return out


def shard_stamps(store: Path) -> dict[str, int]:
    """Each shard's shard.json inode: a rebuilt shard is a new folder with new files."""
    return {p.parent.name: p.stat().st_ino for p in store.glob("*/shard.json")}


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copied project whose data is a synthetic city of three units."""
    root = copy_project(tmp_path_factory.mktemp("city"), data="")
    shutil.rmtree(root / "data")
    dutydir(root, "synth", "--units", "3", "--seed", "5", "data")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("pdf", ["off", "on"])
def test_sharded_build_is_the_single_build_page_for_page(city: Path, tmp_path: Path, pdf: str) -> None:
    single = mkdocs_build(city, tmp_path / "single", DUTYDIR_DATE=DAY, DUTYDIR_PDF=pdf)
    assert single.returncode == 0, single.stderr
    store = tmp_path / "store"
    dutydir(city, "build-site", str(tmp_path / "sharded"), "--shards", str(store), "--jobs", "2", pdf=pdf)
    one, sharded = files(tmp_path / "single"), files(tmp_path / "sharded")
    assert sorted(one) == sorted(sharded)
    assert sum(name.endswith(".html") for name in one) > 250
    assert [name for name in one if one[name] != sharded[name]] == []
    # The documents and the answer data are in both: every unit's lists, and the data naming every unit.
    assert "javascripts/answer-data.js" in one
    assert sum(name.endswith("documents/directory.xlsx") for name in one) == 3
    assert sum(name.endswith("documents/lists.html") for name in one) == 3
    assert len(openpyxl.load_workbook(tmp_path / "sharded" / "documents" / "directory.xlsx").sheetnames) == 3
    lists = [name for name in one if "documents/" in name and name.endswith(".html")]
    assert sum(name.endswith(".pdf") for name in one) == (len(lists) if pdf == "on" else 0)
    # The theme's assets are in the main unit's shard only.
    assert not list((tmp_path / "store").glob("unit-*/site/**/assets"))
    assert (tmp_path / "store" / "district" / "site" / "assets").is_dir()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["material", "pagefind"])
def test_only_changed_shards_are_rebuilt_and_published(city: Path, tmp_path: Path, engine: str) -> None:
    dest = tmp_path / "www"
    city = Path(shutil.copytree(city, tmp_path / "city", symlinks=True))
    published = dutydir(city, "publish", str(dest), "--data", "data/leaders.yaml", "--jobs", "2", search=engine)
    assert published.stdout.startswith("已发布：")
    assert (dest / "pagefind" / "pagefind-entry.json").is_file() == (engine == "pagefind")
    store = tmp_path / "www.shards"
    first = shard_stamps(store)
    assert sorted(first) == ["district", "unit-0002", "unit-0003"]
    dutydir(city, "publish", str(dest), "--data", "data/leaders.yaml", search=engine)
    assert shard_stamps(store) == first, "an unchanged site rebuilt shards"
    page = dest / "unit-0003" / "leaders" / "p-03" / "index.html"
    assert "钱新任" not in page.read_text(encoding="utf-8")
    dutydir(city, "appoint", "p-03", "钱新任", "--date", "2025-12-01", "--data", "data/units/unit-0003.yaml")
    dutydir(city, "publish", str(dest), "--data", "data/leaders.yaml", "--jobs", "2", search=engine)
    after = shard_stamps(store)
    assert [unit for unit in first if after[unit] != first[unit]] == ["unit-0003"]
    assert "钱新任" in page.read_text(encoding="utf-8")
    # Only the rebuilt shard's links were checked page by page; the whole site's check agrees that none is broken.
    assert broken_links(dest.resolve()) == []
    # What lists every unit follows the change though the main unit's shard was kept.
    assert "钱新任" in (dest / "javascripts" / "answer-data.js").read_text(encoding="utf-8")
    sheets = openpyxl.load_workbook(dest / "documents" / "directory.xlsx")
    assert any("钱新任" in str(cell.value) for sheet in sheets for row in sheet.iter_rows() for cell in row)


@pytest.mark.slow
def test_generated_makefile_builds_the_same_site_and_then_has_nothing_to_do(city: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    dutydir(city, "plan", str(store))
    make = ["make", "-j2", "-f", str(store / "Makefile")]
    done = subprocess.run(make, cwd=city, env=build_env(city, DUTYDIR_DATE=DAY), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    dutydir(city, "build-site", str(tmp_path / "direct"), "--shards", str(tmp_path / "other"))
    assert files(store / "site") == files(tmp_path / "direct")
    dutydir(city, "plan", str(store))
    up_to_date = subprocess.run([*make, "-q"], cwd=city, env=build_env(city, DUTYDIR_DATE=DAY))
    assert up_to_date.returncode == 0, "make would rebuild a shard whose inputs did not change"


def test_a_units_fingerprint_changes_with_its_own_data_only(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p", data="")
    shutil.rmtree(root / "data")
    done = subprocess.run([DUTYDIR, "synth", "--units", "3", "data"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before, _ = make_plan(root / "mkdocs.yml", None, None)
    head = before.units[2].head
    unit_file = root / "data" / "units" / "unit-0003.yaml"
    text = unit_file.read_text(encoding="utf-8")
    assert f"person: {head}\n" in text
    unit_file.write_text(text.replace(f"person: {head}\n", f"person: {head}甲\n"), encoding="utf-8")
    after, _ = make_plan(root / "mkdocs.yml", None, None)
    changed = sorted(u for u in before.fingerprints if before.fingerprints[u] != after.fingerprints[u])
    # The head of unit-0003 is listed on the unit index, which is the main unit's page.
    assert changed == ["district", "unit-0003"]
    assert before.site_wide != after.site_wide


def test_the_pdf_switch_is_in_the_plan_and_in_every_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "p", data="")
    shutil.rmtree(root / "data")
    done = subprocess.run([DUTYDIR, "synth", "--units", "2", "data"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    monkeypatch.setenv("DUTYDIR_PDF", "on")
    printed, _ = make_plan(root / "mkdocs.yml", None, None)
    monkeypatch.setenv("DUTYDIR_PDF", "off")
    draft, _ = make_plan(root / "mkdocs.yml", None, None)
    assert (printed.pdf, draft.pdf) == (True, False)
    assert [u for u in printed.fingerprints if printed.fingerprints[u] == draft.fingerprints[u]] == []
    assert draft.site_wide == printed.site_wide


def test_merge_refuses_site_wide_files_of_another_plan(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p", data="")
    shutil.rmtree(root / "data")
    done = subprocess.run([DUTYDIR, "synth", "--units", "2", "data"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    store = tmp_path / "store"
    dutydir(root, "plan", str(store))
    for unit in ("district", "unit-0002"):
        dutydir(root, "build-unit", unit, str(store / unit))
    (store / "site-wide" / "javascripts" / "answer-data.js").write_text("window.DUTYDIR_ANSWERS={};", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["merge", str(store), str(tmp_path / "site")])
    assert refused.exit_code == 1
    assert refused.stderr == f"{store / 'site-wide'} 中的全站文件不是按当前计划生成的；请重新运行 dutydir plan\n"
    dutydir(root, "plan", str(store))
    dutydir(root, "merge", str(store), str(tmp_path / "site"))
    assert "DUTYDIR_ANSWERS" in (tmp_path / "site" / "javascripts" / "answer-data.js").read_text(encoding="utf-8")


def test_build_unit_without_a_plan_and_merge_into_a_used_folder_say_so(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["build-unit", "unit-0002", str(tmp_path / "store" / "unit-0002")])
    plan = tmp_path / "store" / "plan.json"
    assert (missing.exit_code, missing.stderr) == (1, f"没有找到 {plan}：请先运行 dutydir plan\n")
    (tmp_path / "site").mkdir()
    used = CliRunner().invoke(cli, ["merge", str(tmp_path / "store"), str(tmp_path / "site")])
    assert (used.exit_code, used.stderr) == (1, f"{tmp_path / 'site'} 已存在；请给一个新的文件夹\n")
    assert not (tmp_path / "store").exists()


def test_plan_refuses_an_offline_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUTYDIR_OFFLINE", "true")
    refused = CliRunner().invoke(cli, ["plan", str(tmp_path / "store")])
    assert (refused.exit_code, refused.stderr) == (
        1,
        "分片生成不做离线副本（offline）；离线副本请用 make offline 整体生成\n",
    )
