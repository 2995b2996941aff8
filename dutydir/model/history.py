"""What changed, in words: the dated history of one directory.

Both speak in the notice's terms (接替、改由、互为AB角、空缺、代理), fit for a change-log page or an
announcement. The texts are plain; callers escape them for where they land.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydir.model import dates
from dutydir.model.dates import UNKNOWN_DAY
from dutydir.model.directory import Directory, Holding, Post


@dataclass(frozen=True, order=True)
class Event:
    """One dated change."""

    day: dt.date
    """When it takes effect."""
    order: int
    """Tie-break among changes of one day: the order they were found in."""
    text: str
    """The change in one Chinese sentence."""


def cn_date(day: dt.date) -> str:
    """2026-12-01 → 2026年12月1日; 2007年7月 for a date known to the month."""
    return dates.cn(day)


def label(d: Directory, post: Post, day: dt.date) -> str:
    """'丁力（副区长）', or '副区长（空缺）'."""
    holder = d.holder_on(post, day)
    return f"{holder.person}（{post.name}）" if holder else f"{post.name}（空缺）"


def left_of(h: Holding) -> str:
    """'（调任区委副书记）' for a holder who left for another office, else ''."""
    return f"（{h.left_for}）" if h.left_for else ""


def history(d: Directory) -> list[Event]:
    """Every dated change the data records, oldest first; the notice's own date counts as its start."""
    events: list[tuple[dt.date, str]] = []
    for post in d.posts:
        previous = None
        for h in post.holders:
            # A successor takes over the duties only where the notice says so (Xinzhou's 四（一）).
            takes_over = "，相关安全生产工作职责由其承担" if d.notice.successor else ""
            if previous is not None and previous.end is not None and previous.end + dt.timedelta(days=1) == h.start:
                events.append(
                    (h.start, f"{h.person}接替{previous.person}{left_of(previous)}任{post.name}{takes_over}。")
                )
            elif h.start != UNKNOWN_DAY:
                events.append((h.start, f"{h.person}任{post.name}。"))
            if h.end is not None and not any(o.start == h.end + dt.timedelta(days=1) for o in post.holders):
                partner = d.partner_on(post, h.end + dt.timedelta(days=1))
                cover = f"由AB角{label(d, partner, h.end + dt.timedelta(days=1))}代理" if partner else "暂无AB角代理"
                events.append(
                    (h.end + dt.timedelta(days=1), f"{post.name}职务空缺（原任{h.person}{left_of(h)}），{cover}。")
                )
            previous = h
        for stand_in in post.acting:
            reason = f"（{stand_in.reason}）" if stand_in.reason else ""
            span = f"{cn_date(stand_in.start)}至{cn_date(stand_in.end)}"
            who = d.acting_name(stand_in)
            events.append((stand_in.start, f"{span}，{who}代理{label(d, post, stand_in.start)}的工作{reason}。"))
    for sector in d.sectors.values():
        if sector.parent is not None:
            continue
        for before, after in zip(sector.assignments, sector.assignments[1:], strict=False):
            if after.start is None:
                continue
            new, old = d.post(after.post_id), d.post(before.post_id)
            events.append(
                (
                    after.start,
                    f"{sector.name}的安全生产工作改由{label(d, new, after.start)}负责（原由{label(d, old, after.start)}负责）。",
                )
            )
    for pair in d.ab_pairs:
        first, second = (d.post(p) for p in pair.posts)
        events.append((pair.start, f"{label(d, first, pair.start)}与{label(d, second, pair.start)}互为AB角。"))
        if pair.end is not None:
            day = pair.end + dt.timedelta(days=1)
            if not any(p.start == day and set(p.posts) == set(pair.posts) for p in d.ab_pairs):
                events.append((day, f"{label(d, first, pair.end)}与{label(d, second, pair.end)}不再互为AB角。"))
    return sorted(Event(day, i, text) for i, (day, text) in enumerate(events))


def scope_of(d: Directory, post: Post, day: dt.date) -> str:
    """'，负责交通运输、国资、金融的安全生产工作': the post's sectors on a day, for an announcement."""
    names = [
        s.name
        for s in d.sectors.values()
        if s.parent is None and any(a.post_id == post.id and a.covers(day) for a in s.assignments)
    ]
    if not names:
        return ""
    listed = "、".join(names) if len(names) <= 4 else "、".join(names[:3]) + f"等{len(names)}个领域"
    return f"，负责{listed}的安全生产工作"


def horizon(d: Directory) -> dt.date:
    """The first day on which every dated change in the data has taken effect."""
    days = [d.as_of]
    for post in d.posts:
        days += [h.start for h in post.holders if h.start != UNKNOWN_DAY] + [
            h.end + dt.timedelta(days=1) for h in post.holders if h.end
        ]
    for sector in d.sectors.values():
        days += [a.start for a in sector.assignments if a.start] + [
            a.end + dt.timedelta(days=1) for a in sector.assignments if a.end
        ]
    days += [p.start for p in d.ab_pairs] + [p.end + dt.timedelta(days=1) for p in d.ab_pairs if p.end]
    return max(days)
