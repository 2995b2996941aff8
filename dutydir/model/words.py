"""A unit's own words: what its government, head, deputies, office and scope are called.

A district (区) needs none written down; a town, a street office, a county or a city gives its
level, and any single word its notice uses differently.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

LEVELS = ("区", "县", "市", "镇", "乡", "街道")


@dataclass(frozen=True)
class Words:
    """The words pages use for a unit's bodies and posts; every one can be set in the data."""

    level: str = "区"
    """区, 县, 市, 镇, 乡 or 街道."""
    government: str = "区政府"
    """The government in running text: 区政府, 镇政府, 街道办事处, 市政府."""
    head: str = "区长"
    """The head of government: 区长, 镇长, 主任, 市长."""
    deputy: str = "副区长"
    """A deputy head: 副区长, 副镇长, 副主任, 副市长."""
    members: str = "党组成员（副区长）"
    """The other leaders as the notice groups them: 党组成员（副区长）, 镇领导班子成员."""
    scope: str = "全区"
    """The whole unit: 全区, 全镇, 全街, 全市."""
    commissioner: str = "区安全生产协调专员"
    """The coordination commissioner's title, when the unit has them."""
    office_director: str = "区人民政府办公室主任"
    """Who runs the government's office: 区人民政府办公室主任, 党政办公室主任, 市人民政府秘书长."""
    departments: str = "区直各部门（单位）"
    """The departments under the government: 区直各部门（单位）, 镇直各单位, 市直各部门."""
    title: str = ""
    """The directory's title; '' gives '<short name>政府领导安全生产责任目录'."""


def preset(level: str) -> Words:
    """The words of a level of government, as most notices of that level use them."""
    if level == "街道":
        return Words(
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
    c = level
    return Words(
        level=c,
        government=f"{c}政府",
        head=f"{c}长",
        deputy=f"副{c}长",
        members=f"党组成员（副{c}长）" if c in ("区", "县", "市") else f"{c}领导班子成员",
        scope=f"全{c}",
        commissioner=f"{c}安全生产协调专员",
        office_director=f"{c}人民政府办公室主任" if c in ("区", "县", "市") else f"{c}党政办公室主任",
        departments=f"{c}直各部门（单位）",
    )


def unit_words(level: str, given: dict[str, str]) -> Words:
    """The level's preset with the words the data gives instead."""
    known = {f.name for f in fields(Words)}
    return replace(preset(level), **{k: v for k, v in given.items() if k in known})


def directory_title(words: Words, short_name: str) -> str:
    """The directory's title: the data's own, or '<short name>政府领导安全生产责任目录'."""
    if words.title:
        return words.title
    body = "办事处" if words.level == "街道" and not short_name.endswith("办事处") else "政府"
    return f"{short_name}{body}领导安全生产责任目录"


def group_words(words: Words) -> dict[str, str]:
    """What the notice calls each group bound by a duty or a meeting obligation, in the unit's words."""
    return {
        "mayor": words.head,
        "mayor_or_executive": f"{words.head}或者分管安全生产工作的{words.members}",
        "members": f"各位{words.members}",
        "commissioners": f"各位{words.commissioner}",
        "office_director": words.office_director,
        "department_heads": f"{words.departments}主要负责人",
    }
