"""The directory as one table: a row per sector and per key area, for the spreadsheet and the CSV file."""

from __future__ import annotations

from dutydir.documents.meta import (
    INFERRED,
    NONE,
    commissioner_label,
    fallback_label,
    leader_label,
    partner_label,
    updated,
)
from dutydir.model.directory import Directory, Post

COLUMNS = (
    "单位",
    "领域",
    "类别",
    "上级领域",
    "责任领导",
    "责任方式",
    "AB角（责任领导不在时代理）",
    "C角（AB角也不在时）",
    "安全生产协调专员",
    "依据",
    "重点领域",
    "推定说明",
    "更新日期",
    "通知文号",
)
"""Column headings, in order."""


def joined(values: list[str]) -> str:
    """Distinct values in order, joined with 、; — when there are none."""
    return "、".join(dict.fromkeys(v for v in values if v and v != NONE)) or NONE


def directory_rows(d: Directory) -> list[tuple[str, ...]]:
    """Every sector (in the notice's order), then every key area; one tuple of plain text per row."""
    tail = (updated(d).isoformat(), d.notice.number)
    rows: list[tuple[str, ...]] = []
    for sector in d.sectors.values():
        post = d.responsible(sector)
        areas = d.key_areas_of(sector)
        rows.append(
            (
                d.unit.name,
                sector.name,
                "下级领域" if sector.parent else "行业领域",
                sector.parent or NONE,
                leader_label(d, post),
                sector.kind,
                partner_label(d, post),
                fallback_label(d, post),
                commissioner_label(d, post),
                f"通知{post.clause}" if post.clause else NONE,
                joined([a.name for a in areas]),
                NONE,
                *tail,
            )
        )
    for area in d.key_areas:
        sectors = [d.sectors[name] for name in area.sectors]
        posts: list[Post] = list(dict.fromkeys(d.responsible(s) for s in sectors))
        basis = f"通知{d.key_areas_clause}" if d.key_areas_clause else NONE
        rows.append(
            (
                d.unit.name,
                area.name,
                f"重点领域（{area.group}）",
                joined([s.name for s in sectors]),
                joined([leader_label(d, p) for p in posts]),
                joined([s.kind for s in sectors]),
                joined([partner_label(d, p) for p in posts]),
                joined([fallback_label(d, p) for p in posts]),
                joined([commissioner_label(d, p) for p in posts]),
                basis,
                area.name,
                f"{INFERRED}：{area.note}" if area.basis == "inferred" else "原文点名",
                *tail,
            )
        )
    return rows
