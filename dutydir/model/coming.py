"""Dated changes still to come after the directory's day, for one post or one sector, in the notice's words.

A page describes one day (the as-of day); what the data already records for later days is said
beside it (自2026年12月1日起由王五接任), so that the page never contradicts its own history.
"""

from __future__ import annotations

import datetime as dt

from dutydir.model.dates import cn
from dutydir.model.directory import Directory, Post, Sector
from dutydir.model.history import label

ONE_DAY = dt.timedelta(days=1)


def for_post(d: Directory, post: Post) -> list[tuple[dt.date, str]]:
    """Changes after the directory's day to who holds the post, who stands in, and which sectors it has."""
    out: list[tuple[dt.date, str]] = []
    holders = list(post.holders)
    for i, h in enumerate(holders):
        if h.start > d.as_of:
            before = holders[i - 1] if i else None
            takes_over = before is not None and before.end is not None and before.end + ONE_DAY == h.start
            out.append((h.start, f"自{cn(h.start)}起由{h.person}{'接任' if takes_over else '任职'}"))
        if h.end is not None and h.end >= d.as_of and not any(o.start == h.end + ONE_DAY for o in holders):
            out.append((h.end + ONE_DAY, f"自{cn(h.end + ONE_DAY)}起职务空缺（{h.person}任职至{cn(h.end)}）"))
    for stand_in in post.acting:
        if stand_in.start > d.as_of:
            reason = f"（{stand_in.reason}）" if stand_in.reason else ""
            when = f"{cn(stand_in.start)}至{cn(stand_in.end)}"
            out.append((stand_in.start, f"{when}由{d.acting_name(stand_in)}代理{reason}"))
    for sector in d.sectors.values():
        for a in sector.assignments:
            if a.start is None or a.start <= d.as_of or a.parent is not None:
                continue
            was = d.responsible(sector, a.start - ONE_DAY)
            if a.post_id == post.id and was.id != post.id:
                out.append((a.start, f"自{cn(a.start)}起{sector.name}改由本职务负责"))
            elif was.id == post.id and a.post_id != post.id:
                out.append((a.start, f"自{cn(a.start)}起{sector.name}改由{label(d, d.post(a.post_id), a.start)}负责"))
    return sorted(out, key=lambda change: change[0])


def for_sector(d: Directory, sector: Sector) -> list[tuple[dt.date, str]]:
    """Changes after the directory's day to who answers for the sector: a new post, or a new holder of it."""
    out: list[tuple[dt.date, str]] = []
    top = d.sectors[sector.parent] if sector.parent else sector
    moves = [(a.start, a.post_id) for a in top.assignments if a.start is not None and a.start > d.as_of]
    for day, pid in moves:
        out.append((day, f"自{cn(day)}起改由{label(d, d.post(pid), day)}负责"))
    # Until the first move, the post answering today keeps it: its own coming changes of holder apply.
    until = min((day for day, _ in moves), default=dt.date.max)
    post = d.responsible(sector)
    for day, text in for_post(d, post):
        if day < until and "改由" not in text:
            out.append((day, f"{post.name}：{text}"))
    return sorted(out, key=lambda change: change[0])


def change_days(d: Directory) -> set[dt.date]:
    """Every day on which something the data records starts or stops: a page may read differently from then on."""
    days: list[dt.date] = []
    for post in d.posts:
        days += [h.start for h in post.holders] + [h.end + ONE_DAY for h in post.holders if h.end]
        days += [a.start for a in post.acting] + [a.end + ONE_DAY for a in post.acting]
    for sector in d.sectors.values():
        days += [a.start for a in sector.assignments if a.start] + [
            a.end + ONE_DAY for a in sector.assignments if a.end
        ]
    for pair in d.ab_pairs:
        days += [pair.start] + ([pair.end + ONE_DAY] if pair.end else [])
    return set(days)


def next_change(d: Directory) -> dt.date | None:
    """The first day after the directory's day on which any page of it reads differently; None when none is recorded."""
    later = [day for day in change_days(d) if day > d.as_of]
    return min(later) if later else None
