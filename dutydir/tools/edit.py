"""Personnel changes as edits of the data file that touch only the lines they must.

Each change is computed as text splices at the positions of YAML nodes (as pre-commit's
migrate_config does), so comments, key order, quoting, line endings and every unrelated line
stay byte for byte. The new text is checked like any data file before it replaces the old one,
in one atomic rename.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from dutydir.data.errors import DataError, Problem
from dutydir.data.load import UTF8_BOM, load_directory
from dutydir.model.directory import DEFAULT_KIND, Assignment, Directory, Post
from dutydir.tools import checks, names, writing
from dutydir.tools import journal as undo_journal
from dutydir.tools.errors import EditError
from dutydir.tools.names import cn
from dutydir.tools.splice import Source, Splice, scalar


@dataclass
class Change:
    """The outcome of a command: the new text, what it did, and what the reader should know."""

    text: str
    """The whole new file text."""
    message: str
    """One line saying what changed."""
    warnings: list[str] = field(default_factory=list)
    """Consequences worth a look, e.g. a post left without an AB partner."""
    vacated: str | None = None
    """The post id the change leaves vacant: its vacancy warning repeats the message and is not shown."""


def holding_nodes(src: Source, pid: str) -> list[yaml.Node]:
    """The holder entries of a post, in file order."""
    return src.items(src.get(src.post(pid), "holders"))


def end_term(src: Source, d: Directory, post: Post, day: dt.date) -> str | None:
    """End the term covering ``day`` on the day before; return the former holder's name."""
    before = day - dt.timedelta(days=1)
    for holding, node in zip(post.holders, holding_nodes(src, post.id), strict=True):
        if holding.covers(day):
            if holding.start >= day:
                # The date is no later than the holder's own start: either the date or that record is wrong.
                raise EditError(
                    f"{holding.person}自{cn(holding.start)}起任{names.post_label(d, post, day)}，"
                    f"变动日期须晚于此日；如{holding.person}这条记录有误，请更正它："
                    f"dutydir correct name {holding.person} 正确姓名，或 dutydir correct date {holding.person} 正确日期"
                )
            assert isinstance(node, yaml.MappingNode)
            src.set_key(node, "to", scalar(before))
            return holding.person
    return None


def appoint(text: str, d: Directory, ref: str, person: str, day: dt.date, title: str | None) -> Change:
    """The new person holds the post from ``day``; the former holder's term ends the day before."""
    post = names.find_post(d, ref, day)
    label = names.post_label(d, post, day)
    current = d.holder_on(post, day)
    # The same person again is a mistake, unless the title changes (常务副区长 after 副区长): a new term then.
    if current is not None and current.person == person and title in (None, current.title):
        raise EditError(f"{person}在{cn(day)}已任{label}，无需任命")
    later = [h for h in post.holders if h.start > day]
    if later:
        raise EditError(
            f"{label}已有自{cn(later[0].start)}起任职的{later[0].person}；"
            "如那条记录有误，请先撤销（dutydir undo）或更正（dutydir correct）"
        )
    warnings = checks.appointee(d, post, person, day)
    src = Source(text)
    former = end_term(src, d, post, day)
    item = [f"person: {scalar(person)}", f"title: {scalar(title or post.name)}", f"from: {scalar(day)}"]
    src.append(src.post(post.id), "holders", item)
    replaced = f"，接替{former}（任职至{cn(day - dt.timedelta(days=1))}）" if former else "（此前空缺）"
    message = f"自{cn(day)}起，{person}任{label}{replaced}；该职务的行业领域、AB角和协调专员不变。"
    return Change(src.result(), message, warnings)


def vacate(text: str, d: Directory, ref: str, day: dt.date) -> Change:
    """The post is vacant from ``day``: its holder's term ends the day before."""
    post = names.find_post(d, ref, day - dt.timedelta(days=1))
    label = names.post_label(d, post, day)
    src = Source(text)
    former = end_term(src, d, post, day)
    if former is None:
        raise EditError(f"{label}在{cn(day)}无人任职，无需空缺")
    partner = d.partner_on(post, day)
    cover = f"由AB角{names.who(d, partner, day)}代理" if partner else "该职务暂无AB角"
    message = f"自{cn(day)}起，{label}职务空缺（{former}任职至{cn(day - dt.timedelta(days=1))}），{cover}。"
    return Change(src.result(), message, vacated=post.id)


def reassign(text: str, d: Directory, sector_name: str, ref: str, day: dt.date) -> Change:
    """The sector, with its scopes, moves to another post from ``day``."""
    sector = d.sectors[names.find_sector(d, sector_name)]
    if sector.parent is not None:
        raise EditError(
            f"“{sector.name}”是“{sector.parent}”的一部分；请调整“{sector.parent}”，或先在数据文件中把它列为单独的行业领域"
        )
    target = names.find_post(d, ref, day)
    current = next((a for a in sector.assignments if a.covers(day)), None)
    if current is None:
        raise EditError(f"{cn(day)}没有职务负责“{sector.name}”")
    if current.post_id == target.id:
        raise EditError(f"“{sector.name}”在{cn(day)}已由{names.who(d, target, day)}负责")
    if current.start is not None and current.start >= day:
        raise EditError(
            f"“{sector.name}”自{cn(current.start)}起才改由{names.who(d, d.post(current.post_id), day)}负责，"
            "新的调整须晚于此日；如那条记录有误，请先撤销（dutydir undo）"
        )
    src = Source(text)
    move_sector(src, sector.name, current, day)
    item = [f"name: {scalar(sector.name)}"]
    if current.kind != DEFAULT_KIND:
        item.append(f"kind: {scalar(current.kind)}")
    if current.children:
        item.append("children: [" + ", ".join(scalar(c) for c in current.children) + "]")
    item.append(f"from: {scalar(day)}")
    src.append(src.post(target.id), "sectors", item)
    old_post = d.post(current.post_id)
    scopes = f"（连同{'、'.join(current.children)}）" if current.children else ""
    message = (
        f"自{cn(day)}起，{sector.name}{scopes}的安全生产工作改由{names.who(d, target, day)}负责"
        f"（原由{names.who(d, old_post, day)}负责）。"
    )
    return Change(src.result(), message)


def move_sector(src: Source, name: str, current: Assignment, day: dt.date) -> None:
    """End the sector's entry under its current post on the day before ``day``."""
    entry = next(
        node
        for node in src.items(src.get(src.post(current.post_id), "sectors"))
        if (node.value if isinstance(node, yaml.ScalarNode) else getattr(src.get(node, "name"), "value", None)) == name
        and not (isinstance(node, yaml.MappingNode) and src.get(node, "to") is not None and not current.end)
    )
    before = scalar(day - dt.timedelta(days=1))
    if isinstance(entry, yaml.ScalarNode):
        original = src.text[entry.start_mark.index : entry.end_mark.index]
        col = entry.start_mark.column
        src.splices.append(
            Splice(
                entry.start_mark.index, entry.end_mark.index, f"name: {original}{src.newline}{' ' * col}to: {before}"
            )
        )
    else:
        assert isinstance(entry, yaml.MappingNode)
        src.set_key(entry, "to", before)


def pair(text: str, d: Directory, a_ref: str, b_ref: str, day: dt.date) -> Change:
    """The two posts stand in for each other from ``day``; their former pairs end the day before."""
    a, b = names.find_post(d, a_ref, day), names.find_post(d, b_ref, day)
    if a.id == b.id:
        raise EditError(f"{names.who(d, a, day)}不能是自己的AB角")
    checks.not_own_partner(d, a, b, day)
    src = Source(text)
    warnings = []
    for p, node in zip(d.ab_pairs, src.items(src.get(src.root, "ab_pairs")), strict=True):
        if not p.covers(day) or not ({a.id, b.id} & set(p.posts)):
            continue
        if set(p.posts) == {a.id, b.id}:
            raise EditError(f"{names.who(d, a, day)}与{names.who(d, b, day)}在{cn(day)}已互为AB角")
        if p.start >= day:
            first, second = (names.who(d, d.post(x), day) for x in p.posts)
            raise EditError(
                f"{first}与{second}自{cn(p.start)}起才互为AB角，新的调整须晚于此日；如那条记录有误，请先撤销（dutydir undo）"
            )
        assert isinstance(node, yaml.MappingNode)
        src.set_key(node, "to", scalar(day - dt.timedelta(days=1)))
        for pid in p.posts:
            if pid not in (a.id, b.id):
                warnings.append(f"自{cn(day)}起，{names.who(d, d.post(pid), day)}没有AB角")
    src.append(src.root, "ab_pairs", [f"posts: [{a.id}, {b.id}]", f"from: {scalar(day)}"])
    message = f"自{cn(day)}起，{names.who(d, a, day)}与{names.who(d, b, day)}互为AB角。"
    return Change(src.result(), message, warnings)


def acting(
    text: str, d: Directory, ref: str, by: str, span: tuple[dt.date, dt.date], reason: str | None, new_person: bool
) -> Change:
    """Someone stands in for a post's holder over ``span`` (first and last day)."""
    start, end = span
    if end < start:
        raise EditError(f"结束日期{cn(end)}早于开始日期{cn(start)}")
    post = names.find_post(d, ref, start)
    other, warnings = checks.stand_in(d, post, by, start, new_person)
    for a in post.acting:
        if a.start <= end and start <= a.end:
            raise EditError(
                f"{names.who(d, post, start)}在{cn(a.start)}至{cn(a.end)}已由{d.acting_name(a)}代理，与此次时间重叠；"
                "如那条记录有误，请先撤销（dutydir undo）"
            )
    src = Source(text)
    item = [f"by: {scalar(other.id if other else by)}", f"from: {scalar(start)}", f"to: {scalar(end)}"]
    if reason:
        item.append(f"reason: {scalar(reason)}")
    src.append(src.post(post.id), "acting", item)
    stand_in = names.who(d, other, start) if other else by
    why = f"（{reason}）" if reason else ""
    message = f"{cn(start)}至{cn(end)}，{stand_in}代理{names.who(d, post, start)}的工作{why}。"
    return Change(src.result(), message, warnings)


def read(path: Path) -> tuple[bytes, str]:
    """The file's BOM (or b'') and its text."""
    raw = path.read_bytes()
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    try:
        return bom, raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        load_directory(path)  # raises DataError naming the encoding problem
        raise


def apply(
    path: Path, change: Change, day: dt.date, known: list[Problem] | None = None, journal: bool = True
) -> list[str]:
    """Check the changed text as a data file, then atomically replace the file; return the check's new warnings.

    Warnings about what ``known`` (the file's warnings before the change) already warned of are not
    repeated: a clerk sees only what this change brought about. The previous content goes to the undo journal.
    """
    bom, _ = read(path)
    before = path.read_bytes()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(bom + change.text.encode("utf-8"))
        try:
            _, warnings = load_directory(tmp, day)
        except DataError as e:
            raise DataError([replace(p, path=str(path)) for p in e.problems]) from None
        writing.write(path, bom + change.text.encode("utf-8"))
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if journal:
        undo_journal.record(path, before, bom + change.text.encode("utf-8"), change.message)
    # Compared by what they are about: a vacancy warned of before is not news because its wording names the day.
    seen = {w.entity for w in known or []}
    return [str(w).replace(tmp, str(path), 1) for w in warnings if w.entity not in seen and w.entity != change.vacated]
