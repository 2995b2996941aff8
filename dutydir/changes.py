"""What changed, in words: the dated history of one data file, and the difference between two versions.

Both speak in the notice's terms (接替、改由、互为AB角、空缺、代理), fit for a change-log page or an
announcement. The texts are plain; callers escape them for where they land.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .load import load_directory
from .model import Directory, Post


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
    """2026-12-01 → 2026年12月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def label(d: Directory, post: Post, day: dt.date) -> str:
    """'丁力（副区长）', or '副区长（空缺）'."""
    holder = d.holder_on(post, day)
    return f"{holder.person}（{post.name}）" if holder else f"{post.name}（空缺）"


def history(d: Directory) -> list[Event]:
    """Every dated change the data records, oldest first; the notice's own date counts as its start."""
    events: list[tuple[dt.date, str]] = []
    for post in d.posts:
        previous = None
        for h in post.holders:
            if previous is not None and previous.end is not None and previous.end + dt.timedelta(days=1) == h.start:
                events.append(
                    (h.start, f"{h.person}接替{previous.person}任{post.name}，相关安全生产工作职责由其承担。")
                )
            else:
                events.append((h.start, f"{h.person}任{post.name}。"))
            if h.end is not None and not any(o.start == h.end + dt.timedelta(days=1) for o in post.holders):
                partner = d.partner_on(post, h.end + dt.timedelta(days=1))
                cover = f"由AB角{label(d, partner, h.end + dt.timedelta(days=1))}代理" if partner else "暂无AB角代理"
                events.append((h.end + dt.timedelta(days=1), f"{post.name}职务空缺（原任{h.person}），{cover}。"))
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
        days += [h.start for h in post.holders] + [h.end + dt.timedelta(days=1) for h in post.holders if h.end]
    for sector in d.sectors.values():
        days += [a.start for a in sector.assignments if a.start] + [
            a.end + dt.timedelta(days=1) for a in sector.assignments if a.end
        ]
    days += [p.start for p in d.ab_pairs] + [p.end + dt.timedelta(days=1) for p in d.ab_pairs if p.end]
    return max(days)


class VersionError(Exception):
    """A version of the data file could not be had (no such file or git revision)."""


@contextlib.contextmanager
def version(ref: str | None, data: Path) -> Iterator[Path]:
    """A path to one version of the data file: the working file (None), a file, or a git revision.

    A revision is written to a temporary file beside the data file, so the paths it names
    (the notice's text_file) resolve as they would for the file itself; it is removed afterwards.
    """
    if ref is None:
        yield data
        return
    if Path(ref).is_file():
        yield Path(ref)
        return
    folder = data.resolve().parent
    result = subprocess.run(["git", "-C", str(folder), "show", f"{ref}:./{data.name}"], capture_output=True)
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["git failed"]
        raise VersionError(f"'{ref}' is neither a file nor a git revision of {data}: {reason[0]}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{data.name}.{ref.replace('/', '_')}.", suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(result.stdout)
        yield Path(tmp)
    finally:
        os.unlink(tmp)


def diff(old_path: str | os.PathLike[str], new_path: str | os.PathLike[str]) -> list[str]:
    """The changes from one version of a data file to another, as announcement sentences.

    Both versions are compared on the day when all their dated changes are in effect; each sentence
    gives the day its change takes effect, as the new version records it.
    """
    day = max(horizon(load_directory(old_path)[0]), horizon(load_directory(new_path)[0]))
    return compare(load_directory(old_path, day)[0], load_directory(new_path, day)[0])


def compare(old: Directory, new: Directory) -> list[str]:
    """The changes between two directories loaded as of the same day, as announcement sentences."""
    day = new.as_of
    found: list[tuple[dt.date, int, str]] = []

    def add(when: dt.date, text: str) -> None:
        found.append((when, len(found), text))

    old_posts = {p.id: p for p in old.posts}
    for post in new.posts:
        before = old_posts.get(post.id)
        now = new.holder(post)
        was = old.holder(before) if before else None
        if before is None:
            add(now.start if now else day, f"新增职务：{label(new, post, day)}。")
            continue
        if (now and now.person) == (was and was.person):
            continue
        if now is None:
            partner = new.partner(post)
            cover = f"由AB角{label(new, partner, day)}代理" if partner else "暂无AB角代理"
            ended = next((h for h in reversed(post.holders) if h.end and was and h.person == was.person), None)
            when = ended.end + dt.timedelta(days=1) if ended and ended.end else day
            add(when, f"自{cn_date(when)}起，{post.name}职务空缺（原任{was.person if was else '空缺'}），{cover}。")
        else:
            scope = scope_of(new, post, now.start)
            replaced = f"接替{was.person}" if was else ""
            add(now.start, f"自{cn_date(now.start)}起，{now.person}{replaced}任{post.name}{scope}。")
    for pid, post in old_posts.items():
        if pid not in {p.id for p in new.posts}:
            add(day, f"撤销职务：{label(old, post, day)}。")
    for name, sector in new.sectors.items():
        before_sector = old.sectors.get(name)
        if before_sector is None:
            add(sector.since or day, f"新增行业领域：{name}，由{label(new, new.responsible(sector), day)}负责。")
        elif before_sector.post_id != sector.post_id and sector.parent is None:
            when = sector.since or day
            add(
                when,
                f"自{cn_date(when)}起，{name}的安全生产工作改由{label(new, new.responsible(sector), day)}负责"
                f"（原由{label(old, old.responsible(before_sector), day)}负责）。",
            )
    for name in old.sectors:
        if name not in new.sectors:
            add(day, f"不再列出行业领域：{name}。")
    old_pairs = {frozenset(p.posts): p for p in old.current_pairs()}
    new_pairs = {frozenset(p.posts): p for p in new.current_pairs()}
    for key, p in new_pairs.items():
        if key not in old_pairs:
            a, b = (new.post(x) for x in p.posts)
            add(p.start, f"自{cn_date(p.start)}起，{label(new, a, day)}与{label(new, b, day)}互为AB角。")
    for key, p in old_pairs.items():
        if key not in new_pairs:
            a_id, b_id = p.posts
            ended_pair = next((q for q in new.ab_pairs if frozenset(q.posts) == key and q.end), None)
            when = ended_pair.end + dt.timedelta(days=1) if ended_pair and ended_pair.end else day
            names = [label(new, new.post(x), when) if x in {q.id for q in new.posts} else x for x in (a_id, b_id)]
            add(when, f"自{cn_date(when)}起，{names[0]}与{names[1]}不再互为AB角。")
    new_acting = {(p.id, a) for p in new.posts for a in p.acting}
    old_acting = {(p.id, a) for p in old.posts for a in p.acting}
    for pid, stand_in in sorted(new_acting - old_acting, key=lambda x: (x[1].start, x[0])):
        reason = f"（{stand_in.reason}）" if stand_in.reason else ""
        span = f"{cn_date(stand_in.start)}至{cn_date(stand_in.end)}"
        covered = label(new, new.post(pid), stand_in.start)
        add(stand_in.start, f"{span}，{new.acting_name(stand_in)}代理{covered}的工作{reason}。")
    return [text for _, _, text in sorted(found)]
