"""The `extra.dutydir` settings of mkdocs.yml are declared: a misspelt or wrong setting fails the build, saying which."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from dutydir.build import settings
from tests.support import copy_project, mkdocs_build

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def test_defaults_and_values() -> None:
    default = settings.checked(None, "mkdocs.yml")
    assert (default.data_file, default.as_of, default.cache_dir, default.search) == (
        "data/leaders.yaml",
        None,
        ".cache/dutydir",
        "auto",
    )
    # YAML reads an unquoted day as a date, an !ENV value arrives as text: both are a day.
    for day in (dt.date(2026, 1, 1), "2026-01-01"):
        assert settings.checked({"as_of": day}, "mkdocs.yml").as_of == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"serach": "pagefind"}, "extra.dutydir.serach: 没有这项设置（是否指“search”？）"),
        ({"data": "x.yaml"}, "extra.dutydir.data: 没有这项设置（是否指“data_file”？）"),
        (
            {"colour": "red"},
            "extra.dutydir.colour: 没有这项设置（可用的设置：data_file、as_of、cache_dir、pdf_cache_dir、pdf、search、templates、offline）",
        ),
        ({"as_of": "2026-13-01"}, "extra.dutydir.as_of: “2026-13-01”不是日期（应如 2026-12-01）"),
        ({"search": "lunr"}, "extra.dutydir.search: “lunr”不是以下之一：auto、material、pagefind"),
    ],
)
def test_a_wrong_setting_is_named(block: dict[str, object], message: str) -> None:
    with pytest.raises(PluginError) as e:
        settings.checked(block, "mkdocs.yml")
    assert str(e.value) == f"mkdocs.yml 有错误：\n{message}"


def test_a_misspelt_setting_fails_the_build(tmp_path: Path) -> None:
    root = copy_project(tmp_path, MINIMAL)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    search: !ENV", "    serach: !ENV"), encoding="utf-8")
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {config} 有错误："]
    assert "extra.dutydir.serach: 没有这项设置（是否指“search”？）" in result.stderr.splitlines()
    assert not (root / "site").exists()
