"""Text splices at the positions of YAML nodes (as pre-commit's migrate_config does): how an edit changes a file.

Only the spliced spans change, so comments, key order, quoting, line endings and every unrelated
line stay byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import yaml

from dutydir.tools.errors import EditError
from dutydir.tools.yaml_nodes import Nodes


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


class Source(Nodes):
    """A data file's text with its node tree, and the splices that will change it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.splices: list[Splice] = []

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

    def set_value(self, node: yaml.Node, value: str) -> None:
        """Replace a scalar node's text."""
        self.splices.append(Splice(node.start_mark.index, node.end_mark.index, value))

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
            raise EditError(f"“{key}”的写法命令无法续写，请手工修改数据文件")

    def result(self) -> str:
        """The text with every splice applied."""
        text = self.text
        # Applied from the end backwards; splices at one offset keep the order they were made in.
        order = sorted(enumerate(self.splices), key=lambda e: (e[1].start, e[1].end, e[0]), reverse=True)
        for _, s in order:
            text = text[: s.start] + s.text + text[s.end :]
        return text
