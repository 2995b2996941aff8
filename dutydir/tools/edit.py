"""Personnel changes as edits of the data file that touch only the lines they must.

Each change is computed as text splices at the positions of YAML nodes (as pre-commit's
migrate_config does), so comments, key order, quoting, line endings and every unrelated line
stay byte for byte. The new text is checked like any data file before it replaces the old one,
in one atomic rename.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from dutydir.data.errors import DataError
from dutydir.data.load import UTF8_BOM, load_directory
from dutydir.model.directory import DEFAULT_KIND, Directory, Post
from dutydir.tools import writing


class EditError(Exception):
    """A change that cannot be made as asked; the file is left as it was."""


@dataclass
class Change:
    """The outcome of a command: the new text, what it did, and what the reader should know."""

    text: str
    """The whole new file text."""
    message: str
    """One line saying what changed."""
    warnings: list[str] = field(default_factory=list)
    """Consequences worth a look, e.g. a post left without an AB partner."""


@dataclass(frozen=True)
class Splice:
    """Replace text[start:end] with ``text``."""

    start: int
    end: int
    text: str


def scalar(value: str | dt.date) -> str:
    """A YAML scalar for a value: plain when that reads back as the same string, else double-quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        plain_ok = yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value and ": " not in value
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value.strip() == value and value else json.dumps(value, ensure_ascii=False)


class Source:
    """A data file's text with its node tree, and the splices that will change it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if not isinstance(root, yaml.MappingNode):
            raise EditError("the data file is not a mapping")
        self.root = root
        self.splices: list[Splice] = []

    def get(self, node: yaml.Node, key: str) -> yaml.Node | None:
        """The value of a key in a mapping node."""
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return v
        return None

    def items(self, node: yaml.Node | None) -> list[yaml.Node]:
        """The items of a sequence node (none for an absent or empty value)."""
        return list(node.value) if isinstance(node, yaml.SequenceNode) else []

    def post(self, pid: str) -> yaml.MappingNode:
        """The mapping node of a post by id."""
        for node in self.items(self.get(self.root, "posts")):
            value = self.get(node, "id")
            if isinstance(node, yaml.MappingNode) and isinstance(value, yaml.ScalarNode) and value.value == pid:
                return node
        raise EditError(f"post '{pid}' is not in the file")

    def after(self, node: yaml.Node) -> int:
        """The offset just past the last line of a node: where a following line can be inserted."""
        leaf = node
        while isinstance(leaf, yaml.MappingNode | yaml.SequenceNode) and not leaf.flow_style and leaf.value:
            last = leaf.value[-1]
            leaf = last[1] if isinstance(last, tuple) else last
        pos = leaf.end_mark.index
        if isinstance(leaf, yaml.ScalarNode) and leaf.style in ("|", ">") and self.text[pos - 1 : pos] == "\n":
            return pos  # a block scalar's end already includes its line break
        nl = self.text.find("\n", pos)
        if nl == -1:
            self.splices.append(Splice(len(self.text), len(self.text), self.newline))
            return len(self.text)
        return nl + 1

    def lines(self, indent: int, lines: list[str]) -> str:
        """Lines indented to a column, each ended with the file's line break."""
        return "".join(" " * indent + line + self.newline for line in lines)

    def set_key(self, mapping: yaml.MappingNode, key: str, value: str) -> None:
        """Set a scalar key of a block mapping: replace its value, or add a line after the mapping."""
        current = self.get(mapping, key)
        if current is not None:
            self.splices.append(Splice(current.start_mark.index, current.end_mark.index, value))
        else:
            at = self.after(mapping)
            self.splices.append(Splice(at, at, self.lines(mapping.start_mark.column, [f"{key}: {value}"])))

    def append(self, parent: yaml.MappingNode, key: str, item: list[str]) -> None:
        """Append a block mapping item (its lines, unindented) to the list under ``key`` of a mapping."""
        seq = self.get(parent, key)
        column = parent.start_mark.column
        entry = [f"- {item[0]}", *(f"  {line}" for line in item[1:])]
        if isinstance(seq, yaml.SequenceNode) and seq.value and not seq.flow_style:
            dash = seq.start_mark.column
            at = self.after(seq)
            self.splices.append(Splice(at, at, self.lines(dash, entry)))
        elif seq is not None and (isinstance(seq, yaml.SequenceNode) and not seq.value or seq.tag.endswith(":null")):
            # `key: []` or `key:` with nothing: the list starts on the next line.
            start = seq.start_mark.index
            end = seq.end_mark.index
            self.splices.append(Splice(start, end, self.newline.join([""] + [" " * (column + 2) + e for e in entry])))
        elif seq is None:
            at = self.after(parent)
            self.splices.append(Splice(at, at, self.lines(column, [f"{key}:"]) + self.lines(column + 2, entry)))
        else:
            raise EditError(f"'{key}' is written in a form the command cannot extend; edit it by hand")

    def result(self) -> str:
        """The text with every splice applied."""
        text = self.text
        # Applied from the end backwards; splices at one offset keep the order they were made in.
        order = sorted(enumerate(self.splices), key=lambda e: (e[1].start, e[1].end, e[0]), reverse=True)
        for _, s in order:
            text = text[: s.start] + s.text + text[s.end :]
        return text


def find_post(d: Directory, ref: str, day: dt.date) -> Post:
    """A post by id, or by the name of the person holding it on ``day``."""
    if ref in {p.id for p in d.posts}:
        return d.post(ref)
    held = [p for p in d.posts if (h := d.holder_on(p, day)) is not None and h.person == ref]
    if len(held) == 1:
        return held[0]
    if len(held) > 1:
        raise EditError(f"'{ref}' holds several posts on {day}; name the post by id: {', '.join(p.id for p in held)}")
    known = sorted({p.id for p in d.posts} | {h.person for p in d.posts for h in p.holders})
    raise EditError(f"no post or holder named '{ref}' on {day} (known: {', '.join(known)})")


def describe(d: Directory, post: Post, day: dt.date) -> str:
    """'丁力 (副区长, fuquzhang-jiaotong)' or '副区长 (fuquzhang-jiaotong, vacant)'."""
    holder = d.holder_on(post, day)
    return f"{holder.person} ({post.name}, {post.id})" if holder else f"{post.name} ({post.id}, vacant)"


def holding_nodes(src: Source, pid: str) -> list[yaml.Node]:
    """The holder entries of a post, in file order."""
    return src.items(src.get(src.post(pid), "holders"))


def end_term(src: Source, d: Directory, post: Post, day: dt.date) -> str | None:
    """End the term covering ``day`` on the day before; return the former holder's name."""
    before = day - dt.timedelta(days=1)
    for holding, node in zip(post.holders, holding_nodes(src, post.id), strict=True):
        if holding.covers(day):
            if holding.start >= day:
                raise EditError(f"{holding.person} only takes {post.id} on {holding.start}; pick a later --date")
            assert isinstance(node, yaml.MappingNode)
            src.set_key(node, "to", scalar(before))
            return holding.person
    return None


def appoint(text: str, d: Directory, ref: str, person: str, day: dt.date, title: str | None) -> Change:
    """The new person holds the post from ``day``; the former holder's term ends the day before."""
    post = find_post(d, ref, day)
    src = Source(text)
    later = [h for h in post.holders if h.start > day]
    if later:
        raise EditError(f"{post.id} already has a holder from {later[0].start}; edit it by hand")
    current = d.holder_on(post, day)
    if current is not None and current.person == person and title in (None, current.title):
        raise EditError(f"{person} 在 {day} 已担任 {post.name}（{post.id}），无需再次任命")
    former = end_term(src, d, post, day)
    item = [f"person: {scalar(person)}", f"title: {scalar(title or post.name)}", f"from: {scalar(day)}"]
    src.append(src.post(post.id), "holders", item)
    replaced = f"; {former}'s term ends {day - dt.timedelta(days=1)}" if former else ""
    message = (
        f"{person} holds {post.name} ({post.id}) from {day}{replaced}; "
        "its sectors, AB partner and commissioner stay with the post"
    )
    return Change(src.result(), message)


def vacate(text: str, d: Directory, ref: str, day: dt.date) -> Change:
    """The post is vacant from ``day``: its holder's term ends the day before."""
    post = find_post(d, ref, day - dt.timedelta(days=1))
    src = Source(text)
    former = end_term(src, d, post, day)
    if former is None:
        raise EditError(f"{post.id} has no holder on {day}; nothing to vacate")
    partner = d.partner(post)
    cover = f"; {describe(d, partner, day)} covers as AB partner" if partner else "; it has no AB partner"
    return Change(
        src.result(), f"{post.name} ({post.id}) is vacant from {day}, {former}'s term ends the day before{cover}"
    )


def reassign(text: str, d: Directory, sector_name: str, ref: str, day: dt.date) -> Change:
    """The sector, with its scopes, moves to another post from ``day``."""
    if sector_name not in d.sectors:
        raise EditError(f"no sector named '{sector_name}'")
    sector = d.sectors[sector_name]
    if sector.parent is not None:
        raise EditError(
            f"'{sector_name}' is a scope of '{sector.parent}'; reassign '{sector.parent}', "
            "or first make it a sector of its own in the data file"
        )
    target = find_post(d, ref, day)
    current = next((a for a in sector.assignments if a.covers(day)), None)
    if current is None:
        raise EditError(f"no post answers for '{sector_name}' on {day}")
    if current.post_id == target.id:
        raise EditError(f"{target.id} already answers for '{sector_name}' on {day}")
    if current.start is not None and current.start >= day:
        raise EditError(f"'{sector_name}' only moved to {current.post_id} on {current.start}; pick a later --date")
    src = Source(text)
    entry = next(
        node
        for node in src.items(src.get(src.post(current.post_id), "sectors"))
        if (node.value if isinstance(node, yaml.ScalarNode) else getattr(src.get(node, "name"), "value", None))
        == sector_name
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
    item = [f"name: {scalar(sector_name)}"]
    if current.kind != DEFAULT_KIND:
        item.append(f"kind: {scalar(current.kind)}")
    if current.children:
        item.append("children: [" + ", ".join(scalar(c) for c in current.children) + "]")
    item.append(f"from: {scalar(day)}")
    src.append(src.post(target.id), "sectors", item)
    old_post = d.post(current.post_id)
    message = f"{sector_name} moves from {describe(d, old_post, day)} to {describe(d, target, day)} on {day}"
    if current.children:
        message += f", with {'、'.join(current.children)}"
    return Change(src.result(), message)


def pair(text: str, d: Directory, a_ref: str, b_ref: str, day: dt.date) -> Change:
    """The two posts stand in for each other from ``day``; their former pairs end the day before."""
    a, b = find_post(d, a_ref, day), find_post(d, b_ref, day)
    if a.id == b.id:
        raise EditError("a post cannot be its own AB partner")
    src = Source(text)
    warnings = []
    for p, node in zip(d.ab_pairs, src.items(src.get(src.root, "ab_pairs")), strict=True):
        if not p.covers(day) or not ({a.id, b.id} & set(p.posts)):
            continue
        if set(p.posts) == {a.id, b.id}:
            raise EditError(f"{a.id} and {b.id} are already AB partners on {day}")
        if p.start >= day:
            raise EditError(f"the pair {p.posts[0]}–{p.posts[1]} only begins on {p.start}; edit it by hand")
        assert isinstance(node, yaml.MappingNode)
        src.set_key(node, "to", scalar(day - dt.timedelta(days=1)))
        for pid in p.posts:
            if pid not in (a.id, b.id):
                warnings.append(f"{describe(d, d.post(pid), day)} has no AB partner from {day}")
    src.append(src.root, "ab_pairs", [f"posts: [{a.id}, {b.id}]", f"from: {scalar(day)}"])
    message = f"{describe(d, a, day)} and {describe(d, b, day)} are AB partners from {day}"
    return Change(src.result(), message, warnings)


def acting(text: str, d: Directory, ref: str, by: str, start: dt.date, end: dt.date, reason: str | None) -> Change:
    """Someone stands in for a post's holder from ``start`` to ``end``."""
    if end < start:
        raise EditError(f"--to {end} is before --from {start}")
    post = find_post(d, ref, start)
    try:
        other: Post | None = find_post(d, by, start)
    except EditError:
        other = None
    if other is not None and other.id == post.id:
        raise EditError(f"{by} cannot stand in for their own post")
    src = Source(text)
    item = [f"by: {scalar(other.id if other else by)}", f"from: {scalar(start)}", f"to: {scalar(end)}"]
    if reason:
        item.append(f"reason: {scalar(reason)}")
    src.append(src.post(post.id), "acting", item)
    who = describe(d, other, start) if other else by
    return Change(src.result(), f"{who} stands in for {describe(d, post, start)} from {start} to {end}")


def read(path: Path) -> tuple[bytes, str]:
    """The file's BOM (or b'') and its text."""
    raw = path.read_bytes()
    bom = UTF8_BOM if raw.startswith(UTF8_BOM) else b""
    try:
        return bom, raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        load_directory(path)  # raises DataError naming the encoding problem
        raise


def apply(path: Path, change: Change, day: dt.date) -> list[str]:
    """Check the changed text as a data file, then atomically replace the file; return the check's warnings."""
    bom, _ = read(path)
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
    return [str(w).replace(tmp, str(path), 1) for w in warnings]
