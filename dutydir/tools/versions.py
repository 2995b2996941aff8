"""What changed between two versions of a data file: files or git revisions, compared in the notice's terms."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dutydir.data.load import load_directory
from dutydir.model.directory import Directory
from dutydir.model.history import cn_date, horizon, label, scope_of


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
    old, new = load_directory(old_path)[0], load_directory(new_path)[0]
    day = max(horizon(old), horizon(new))
    # One load of each version answers any day: the model is viewed on the day, not loaded again for it.
    return compare(old.on(day), new.on(day))


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
