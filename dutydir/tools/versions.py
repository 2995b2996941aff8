"""What changed between two versions of a data file: files or git revisions, compared in the notice's terms."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from dutydir.data.errors import DataError
from dutydir.data.load import load_directory
from dutydir.model.directory import Directory
from dutydir.model.history import cn_date, horizon, label
from dutydir.tools import term_changes


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
    try:
        result = subprocess.run(["git", "-C", str(folder), "show", f"{ref}:./{data.name}"], capture_output=True)
    except OSError:
        raise VersionError(f"“{ref}”不是文件；要读取 git 中的版本，请先安装 git") from None
    if result.returncode != 0:
        said = result.stderr.decode("utf-8", "replace").strip()
        raise VersionError(f"“{ref}”既不是文件，也不是 {data} 的 git 版本：{git_reason(said, ref, data)}")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{data.name}.{ref.replace('/', '_')}.", suffix=".yaml")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(result.stdout)
        yield Path(tmp)
    except DataError as e:
        # The problems of an old version point into it by its name, not by the temporary file's.
        named = f"{data}（{ref}）"
        raise DataError([replace(q, path=named) if q.path == tmp else q for q in e.problems]) from None
    finally:
        os.unlink(tmp)


# git's words, in English, for the usual slips, and what they mean to a clerk.
GIT_REASONS = (
    ("not a git repository", "{folder} 不在 git 仓库中，没有保存过的版本"),
    ("invalid object name", "git 中没有“{ref}”这个版本"),
    ("unknown revision", "git 中没有“{ref}”这个版本"),
    ("does not exist in", "版本“{ref}”中没有 {name} 这个文件"),
    ("exists on disk, but not in", "{name} 还没有提交到 git，版本“{ref}”中没有它"),
    ("bad revision", "git 中没有“{ref}”这个版本"),
    ("dubious ownership", "git 拒绝读取别人所有的仓库 {folder}（请用仓库的所有者运行）"),
)


def git_reason(said: str, ref: str, data: Path) -> str:
    """Why git could not show the version, in Chinese for the usual reasons; git's own last line otherwise."""
    for words, reason in GIT_REASONS:
        if words in said:
            return reason.format(folder=data.resolve().parent, ref=ref, name=data.name)
    return (said.splitlines() or ["git 出错"])[-1]


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
        if post.id not in old_posts:
            now = new.holder(post)
            add(now.start if now else day, f"新增职务：{label(new, post, day)}。")
    for when, text in term_changes.holder_changes(old, new):
        add(when, text)
    for pid, post in old_posts.items():
        if pid not in {p.id for p in new.posts}:
            add(day, f"撤销职务：{label(old, post, day)}。")
    for name, sector in new.sectors.items():
        before_sector = old.sectors.get(name)
        if before_sector is None:
            add(sector.since or day, f"新增行业领域：{name}，由{label(new, new.responsible(sector), day)}负责。")
        elif before_sector.post_id != sector.post_id and sector.parent is None:
            gone = term_changes.withdrawn(before_sector.assignments, sector.assignments, day)
            if gone is not None and gone.start is not None:
                add(
                    gone.start,
                    f"撤回：原定自{cn_date(gone.start)}起{name}改由{label(old, old.post(gone.post_id), day)}负责的记录已删除，"
                    f"仍由{label(new, new.responsible(sector), day)}负责。",
                )
                continue
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
        # A pair whose end was taken back goes on as before: the withdrawn pair below says so.
        if key not in old_pairs and not any(q.posts == p.posts and q.start == p.start for q in old.ab_pairs):
            a, b = (new.post(x) for x in p.posts)
            add(p.start, f"自{cn_date(p.start)}起，{label(new, a, day)}与{label(new, b, day)}互为AB角。")
    for key, p in old_pairs.items():
        if key not in new_pairs and not any(q.posts == p.posts and q.start == p.start for q in new.ab_pairs):
            first, second = (label(old, old.post(x), p.start) for x in p.posts)
            add(p.start, f"撤回：原定自{cn_date(p.start)}起{first}与{second}互为AB角的记录已删除。")
        elif key not in new_pairs:
            a_id, b_id = p.posts
            ended_pair = next((q for q in new.ab_pairs if frozenset(q.posts) == key and q.end), None)
            when = ended_pair.end + dt.timedelta(days=1) if ended_pair and ended_pair.end else day
            names = [label(new, new.post(x), when) if x in {q.id for q in new.posts} else x for x in (a_id, b_id)]
            add(when, f"自{cn_date(when)}起，{names[0]}与{names[1]}不再互为AB角。")
    for when, text in term_changes.acting_changes(old, new):
        add(when, text)
    return [text for _, _, text in sorted(found)]
