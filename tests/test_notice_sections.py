"""The notice's own sections in the model: duties and obligations (二、三), the bodies (一（四）、一（五）),
key areas (四（二）), the notice's metadata, and the anchors of every clause the data cites.

The expectations are written out by hand from the notice's text (tests/notice_facts.py), not copied from leaders.yaml.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from dutydir.model.directory import Directory
from dutydir.render.urls import clause_anchor, link
from tests.notice_facts import KEY_AREAS, POST_IDS, notice_blocks

# Duties and obligations


def test_duties_match_the_notice(directory: Directory) -> None:
    blocks = notice_blocks(directory.notice.text)
    assert [(d.applies_to, d.clause, len(d.items)) for d in directory.duties] == [
        ("mayor", "二（一）", 4),
        ("members", "二（二）", 8),
        ("commissioners", "二（三）", 1),
    ]
    mayor, members, commissioners = directory.duties
    # 二（一） runs its first two duties together with a comma: "…区委工作要求，加强对安全生产工作的领导…".
    first, *rest = mayor.items
    assert blocks["s2-1"] == "（一）区长负责" + first + "，" + "；".join(rest) + "。"
    assert blocks["s2-2"] == "（二）区人民政府各位党组成员（副区长）负责" + "；".join(members.items) + "。"
    assert blocks["s2-3"] == "（三）各位区安全生产协调专员要" + commissioners.items[0] + "。"


def test_duties_for(directory: Directory) -> None:
    clauses = {pid: [d.clause for d in directory.duties_for(directory.post(pid))] for pid in POST_IDS}
    assert clauses == {pid: ["二（一）"] if pid == "quzhang" else ["二（二）"] for pid in POST_IDS}


def test_obligations(directory: Directory) -> None:
    got = [(o.who, o.clause, o.every, o.times, o.frequency) for o in directory.obligations]
    assert got == [
        ("mayor_or_executive", "三（一）", "quarter", 1, "每季度至少1次"),
        ("members", "三（一）", "two_months", 1, "每两个月至少1次"),
        ("members", "三（一）", "year", 1, "每年至少1次"),
        ("commissioners", "三（二）", "month", 1, "每月至少1次"),
        ("office_director", "三（二）", "two_months", 1, "每两个月至少1次"),
        ("department_heads", "三（三）", "month", 1, "每月至少1次"),
    ]
    assert directory.obligations_note == "上述季度、双月或者单月调度可根据情况适时调整，及时开展。"


def test_obligations_for(directory: Directory) -> None:
    def of(pid: str) -> list[tuple[str, str]]:
        return [(o.who, o.every) for o in directory.obligations_for(directory.post(pid))]

    # The mayor only chairs the quarterly meeting; 述职 and the two-monthly meetings bind 党组成员（副区长）.
    assert of("quzhang") == [("mayor_or_executive", "quarter")]
    assert of("changwu-fuquzhang") == [
        ("mayor_or_executive", "quarter"),
        ("members", "two_months"),
        ("members", "year"),
    ]
    for pid in POST_IDS[2:]:
        assert of(pid) == [("members", "two_months"), ("members", "year")], pid


def test_bodies(directory: Directory) -> None:
    office, heads = directory.safety_office, directory.department_heads
    assert office is not None and heads is not None
    assert (office.name, office.short_name, office.host, office.clause) == (
        "区安全生产委员会办公室",
        "区安委办",
        "区应急管理局",
        "一（四）",
    )
    assert (heads.name, heads.clause) == ("区各部门（单位）主要负责人", "一（五）")


def test_body_duties_are_the_notice_text(directory: Directory) -> None:
    blocks = notice_blocks(directory.notice.text)
    office, heads = directory.safety_office, directory.department_heads
    assert office is not None and heads is not None
    assert "（四）区安全生产委员会办公室（区应急管理局）" + office.duty + "。" == blocks["s1-4"]
    assert "（五）" + heads.duty + "。" == blocks["s1-5"]


# Key areas


def test_key_areas(directory: Directory) -> None:
    assert [a.name for a in directory.key_areas] == KEY_AREAS
    assert directory.key_areas_clause == "四（二）"
    blocks = notice_blocks(directory.notice.text)
    first = blocks["s4-2"].split("。")[0]
    assert first == (
        "（二）持续做好"
        + "、".join(KEY_AREAS[:10])
        + "领域，以及"
        + "、".join(KEY_AREAS[10:])
        + "等人员聚集场所公共安全领域安全防范工作"
    )
    groups = [a.group for a in directory.key_areas]
    assert groups[10:] == ["人员聚集场所公共安全领域"] * 6
    assert len(set(groups[:10])) == 1 and groups[0] != groups[10]


def test_key_areas_map_to_existing_sectors(directory: Directory) -> None:
    for area in directory.key_areas:
        assert area.sectors, area.name
        assert all(name in directory.sectors for name in area.sectors), area
        assert area.basis in ("stated", "inferred"), area
        if area.basis == "inferred":
            assert area.note, area.name


def test_stated_key_areas(directory: Directory) -> None:
    stated = [(a.name, a.sectors) for a in directory.key_areas if a.basis == "stated"]
    assert stated == [
        ("民爆物品和烟花爆竹", ("民爆物品和烟花爆竹",)),
        ("电力", ("电力",)),
        ("油气长输管线", ("油气长输管线",)),
    ]


def test_traffic_spans_two_posts(directory: Directory) -> None:
    traffic = next(a for a in directory.key_areas if a.name == "交通")
    posts = {directory.responsible(directory.sectors[name]).id for name in traffic.sectors}
    assert posts == {"fuquzhang-jiaotong", "fuquzhang-gongan"}


def test_key_areas_of_sector(directory: Directory) -> None:
    assert [a.name for a in directory.key_areas_of(directory.sectors["城镇燃气"])] == ["燃气"]
    assert [a.name for a in directory.key_areas_of(directory.sectors["文化旅游"])] == ["节会", "娱乐"]
    assert [a.name for a in directory.key_areas_of(directory.sectors["交通运输"])] == ["交通", "桥梁"]
    assert directory.key_areas_of(directory.sectors["科技"]) == []


# The notice


def test_notice_metadata(directory: Directory) -> None:
    n = directory.notice
    assert n.title == "区人民政府办公室关于进一步加强区政府领导安全生产责任的通知"
    assert n.number == "新政办〔2022〕4号"
    assert n.issuer == "武汉市新洲区人民政府办公室"
    assert n.date == dt.date(2022, 3, 9)
    assert n.addressees == "各镇人民政府，各街道办事处，区人民政府各部门、各直属单位"
    assert [(b.title, b.number) for b in n.basis] == [
        ("省人民政府办公厅关于进一步加强省政府领导安全生产责任的通知", "鄂政办发〔2021〕32号"),
        ("市人民政府办公厅关于进一步加强市政府领导安全生产责任的通知", "武政办〔2022〕13号"),
    ]
    assert n.text.splitlines()[:3] == [f"# {n.title}", "", n.number]
    assert (directory.unit.id, directory.unit.name, directory.unit.short_name) == (
        "xinzhou",
        "武汉市新洲区人民政府",
        "新洲区",
    )


@pytest.mark.parametrize(
    ("clause", "anchor"),
    [("一（二）5", "s1-2-5"), ("一（一）", "s1-1"), ("三（三）", "s3-3"), ("四", "s4"), ("第一条", ""), ("", "")],
)
def test_clause_anchor(clause: str, anchor: str) -> None:
    assert clause_anchor(clause) == anchor


@pytest.mark.parametrize(
    ("here", "there", "anchor", "target"),
    [
        ("index.md", "sectors/index.md", "", "sectors/index.md"),
        ("sectors/cheng-jian.md", "leaders/fu-a.md", "", "../leaders/fu-a.md"),
        ("sectors/index.md", "sectors/cheng-jian.md", "", "cheng-jian.md"),
        ("leaders/fu-a.md", "notice.md", "s1-2-5", "../notice.md#s1-2-5"),
        ("leaders/index.md", "index.md", "", "../index.md"),
    ],
)
def test_link(here: str, there: str, anchor: str, target: str) -> None:
    # Asked twice: the second answer comes from link's memory of relative paths, and is the same.
    assert link(here, there, anchor) == link(here, there, anchor) == target


def test_cited_clauses_have_anchors_in_the_notice(directory: Directory) -> None:
    d = directory
    anchors = set(re.findall(r"\{\s*#([\w-]+)\s*\}", d.notice.text))
    assert len(anchors) == 27
    blocks = notice_blocks(d.notice.text)
    assert set(blocks) == anchors
    clauses = {p.clause for p in d.posts} | {x.clause for x in d.duties} | {o.clause for o in d.obligations}
    clauses |= {d.key_areas_clause, d.commissioner_clause}
    clauses |= {b.clause for b in (d.safety_office, d.department_heads) if b is not None}
    assert len(clauses) == 19
    for clause in sorted(clauses):
        anchor = clause_anchor(clause)
        assert anchor in anchors, clause
        # The anchored block is the clause itself: 一（二）3 is the paragraph numbered "3.", 二（一） the one marked （一）.
        m = re.fullmatch(r"([一二三四])(?:（([一二三四五])）)?(\d*)", clause)
        assert m, clause
        start = f"{m.group(3)}\\." if m.group(3) else f"（{m.group(2)}）"
        assert blocks[anchor].startswith(start), (clause, blocks[anchor][:20])
