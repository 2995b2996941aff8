"""A site's own templates: one block of one page replaced, data still escaped, a missing word fails the build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from dutydir import load_directory
from dutydir.data.units import Site
from dutydir.render import pages, search_words
from dutydir.render.site import site_pages

ROOT = Path(__file__).resolve().parents[1]
TOWN = ROOT / "tests" / "data" / "town" / "leaders.yaml"
# The README's worked example: a town rewrites the home page's opening paragraph, and nothing else.
OPENING = """{% extends "default/home.md" %}
{% block intro %}
本目录是{{ unit.name }}安全生产责任的网上版，依据《{{ d.notice.title }}》整理，供镇机关和各村（社区）查阅。
{% endblock %}
"""


def chart(dot: str) -> str:
    """No Graphviz here: the chart's place is all the test needs."""
    return "<svg/>"


@pytest.fixture(scope="module")
def town() -> Site:
    """The town sample, as one unit's site."""
    site = Site((load_directory(TOWN, as_of=dt.date(2025, 8, 6))[0],))
    search_words.teach_jieba(site.units)
    return site


def test_override_replaces_one_block(town: Site, tmp_path: Path) -> None:
    (tmp_path / "home.md").write_text(OPENING, encoding="utf-8")
    plain = site_pages(town, chart)
    custom = site_pages(town, chart, templates=tmp_path)
    expected = plain["index.md"].replace(
        "本目录依据柳河镇人民政府《柳河镇人民政府关于调整镇领导班子成员安全生产工作职责分工的通知》"
        "（[柳政发〔2023〕5号](notice.md)，2023年3月15日），列出镇政府各位领导分管的部门和行业领域，"
        "以及互为AB角的领导（一方不在时由另一方代理）。",
        "本目录是柳河镇人民政府安全生产责任的网上版，依据《柳河镇人民政府关于调整镇领导班子成员安全生产工作职责分工的通知》"
        "整理，供镇机关和各村（社区）查阅。",
    )
    assert expected != plain["index.md"]
    assert custom["index.md"] == expected
    assert {k: v for k, v in custom.items() if k != "index.md"} == {k: v for k, v in plain.items() if k != "index.md"}


def test_override_escapes_data(town: Site, tmp_path: Path) -> None:
    """A site's template prints data through the same escaping as the packaged ones."""
    (tmp_path / "leaders.md").write_text('{% extends "page.md" %}{% block body %}{{ "<b>*x*</b>" }}{% endblock %}\n')
    page = site_pages(town, chart, templates=tmp_path)["leaders/index.md"]
    assert page.splitlines()[-1] == "&lt;b&gt;\\*x\\*&lt;/b&gt;"


def test_missing_word_fails(town: Site, tmp_path: Path) -> None:
    """StrictUndefined: a misspelt name in a template stops the build instead of printing nothing."""
    (tmp_path / "home.md").write_text('{% extends "default/home.md" %}{% block intro %}{{ w.haed }}{% endblock %}')
    with pytest.raises(UndefinedError, match="haed"):
        site_pages(town, chart, templates=tmp_path)


def test_unit_words_on_every_kind_of_page(town: Site) -> None:
    built = pages.all_pages(town.units[0], chart)
    assert "## 全镇安全生产责任关系图" in built["index.md"].splitlines()
    assert "镇长或者分管安全生产工作的镇领导班子成员" in built["mechanisms.md"]
    assert "### 镇长" in built["mechanisms.md"].splitlines()


def test_readme_shows_the_tested_example() -> None:
    """The README's worked example is the template tested above, word for word."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```jinja\n" + OPENING + "```" in readme
