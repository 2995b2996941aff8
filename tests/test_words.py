"""Each level's words, and a unit whose data gives no sectors: pages without empty tables or headings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dutydir import load_directory
from dutydir.model.words import Words, directory_title, preset, unit_words
from dutydir.render import pages, search_words
from tests.test_check import MINIMAL


def test_street_office_words() -> None:
    assert preset("街道") == Words(
        level="街道",
        government="街道办事处",
        head="主任",
        deputy="副主任",
        members="街道领导班子成员",
        scope="全街",
        commissioner="街道安全生产协调专员",
        office_director="街道党政办公室主任",
        departments="街道各部门（单位）",
    )
    assert directory_title(preset("街道"), "阳逻街道") == "阳逻街道办事处领导安全生产责任目录"


def test_county_words_and_one_word_changed() -> None:
    words = unit_words("县", {"members": "县政府党组成员（副县长）"})
    assert (words.head, words.deputy, words.scope, words.members) == (
        "县长",
        "副县长",
        "全县",
        "县政府党组成员（副县长）",
    )
    assert directory_title(words, "红安县") == "红安县政府领导安全生产责任目录"
    assert unit_words("区", {}) == Words()


def test_unit_without_sectors_has_no_empty_tables(tmp_path: Path) -> None:
    """Only a head of government, no sectors, pairs, commissioners, duties or key areas."""
    head_only = MINIMAL.split("  - id: fu-a")[0]
    (tmp_path / "leaders.yaml").write_text(head_only, encoding="utf-8")
    d, _ = load_directory(tmp_path / "leaders.yaml", as_of=dt.date(2025, 1, 1))
    search_words.teach_jieba([d])
    built = pages.all_pages(d, lambda dot: "<svg/>")
    assert built["lookup.md"].split("\n\n", 2)[2] == "本单位的数据尚未列出行业领域。\n"
    assert built["sectors/index.md"].split("\n\n", 2)[2] == "本单位的数据尚未列出分管的部门和行业领域。\n"
    assert built["key-areas.md"].split("\n\n", 2)[2] == "本单位的通知没有另列重点领域。\n"
    assert built["mechanisms.md"].split("\n\n", 2)[2] == "本单位的数据没有列出会议频次和各方安全生产责任。\n\n"
    for text in built.values():
        assert "AB角" not in text
        assert "协调专员" not in text
        assert "|---|" not in text or "| 项目 | 内容 |" in text or "| 姓名 | 职务 |" in text
