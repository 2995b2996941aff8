"""Synthetic units: valid data, the same files for the same seed, built as one site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import dutydir.cli
from dutydir.cli import cli
from dutydir.data.units import load_site
from dutydir.render.site import site_pages


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.yaml"))
    }


def test_same_seed_same_files(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["synth", "--units", "4", "--seed", "3", str(tmp_path / "a")])
    second = runner.invoke(cli, ["synth", "--units", "4", "--seed", "3", str(tmp_path / "b")])
    other = runner.invoke(cli, ["synth", "--units", "4", "--seed", "4", str(tmp_path / "c")])
    assert (first.exit_code, second.exit_code, other.exit_code) == (0, 0, 0)
    assert first.stdout == f"已在 {tmp_path / 'a'} 写出 4 个单位（共 272 个领域页面）\n"
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")
    assert sorted(digest(tmp_path / "a")) == [
        "leaders.yaml",
        "units/unit-0002.yaml",
        "units/unit-0003.yaml",
        "units/unit-0004.yaml",
    ]


def test_synthetic_units_check_clean_and_have_history(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["synth", "--units", "12", "--seed", "5", str(tmp_path)])
    site, warnings = load_site(tmp_path)
    assert (len(site.units), warnings) == (12, [])
    assert site.units[0].unit.short_name == "示例区"
    assert all(len(u.sectors) == 68 for u in site.units)
    assert all(len(u.current_pairs()) >= 3 for u in site.units)
    assert any(len(p.holders) == 2 for u in site.units for p in u.posts)
    assert any(len(s.assignments) == 2 for u in site.units for s in u.sectors.values())
    built = site_pages(site, lambda dot: "<svg/>")
    # Per unit: home, two indexes, key areas, mechanisms, notice, change log and lookup; then the unit index,
    # the help page and the answer box's data once.
    assert len(built) == sum(8 + len(u.posts) + len(u.sectors) for u in site.units) + 3


def test_synth_loads_the_written_site_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counting the sector pages loads the written site once, not once per unit.
    calls = []
    real = dutydir.cli.load_site

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dutydir.cli, "load_site", counting)
    result = CliRunner().invoke(cli, ["synth", "--units", "3", "--seed", "3", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已在 {tmp_path} 写出 3 个单位（共 204 个领域页面）\n"
    assert len(calls) == 1
