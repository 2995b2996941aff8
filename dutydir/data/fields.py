"""The shape of a data file, declared as data, and the checker that walks YAML nodes against it.

Every scalar that passes the check comes back as a :class:`Located` value, so later
stages (cross-references) can still point at the line and column it came from.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from dutydir.data.dates import FORMS, BadDay, parse_day
from dutydir.model.dates import UNKNOWN, UNKNOWN_DAY, Approx

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
NULL_TAG = "tag:yaml.org,2002:null"

# A bare identifier: lower-case ASCII, digits and inner hyphens; safe in URLs and file names.
IDENT_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A month or a year alone: 2007-07, 2007.
PARTIAL_DATE_RE = re.compile(r"^([12][0-9]{3})(?:-([0-9]{1,2}))?$")
# Control characters (a tab, a stray NUL from a bad paste) have no place in a one-line name.
UNSAFE_NAME_RE = re.compile(r"[\x00-\x1f\x7f]")
# In any text: control characters other than line breaks and tabs (a NUL breaks a chart's DOT), C1 controls,
# bidirectional overrides that show a text other than it is, and halves of surrogate pairs that cannot be written.
UNSAFE_TEXT_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# In a name also invisible format characters: a name of a zero-width space looks empty, yet is a page.
INVISIBLE_RE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
MAX_TEXT = 1000
"""Characters in one text field: the longest in the notice is 160; charts and search cut text beyond a few thousand."""
MAX_NAME = 80
"""Characters in a name: the longest in the notice is 10; a name becomes a chart label, a page title, a search word."""
MAX_IDENT = 64
"""Characters in an identifier, which becomes a file name."""
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
"""Dates outside these are typing mistakes, and the day after 9999-12-31 cannot be computed."""
MAX_COUNT = 1000


class Located(str):
    """A string from the data file that remembers where it stood."""

    line: int
    column: int

    def __new__(cls, value: str, line: int, column: int) -> Located:
        """Make a string tagged with its 1-based line and column."""
        self = super().__new__(cls, value)
        self.line = line
        self.column = column
        return self

    def __getnewargs__(self) -> tuple[str, int, int]:  # type: ignore[override]
        """What pickle passes to __new__: a loaded site goes whole to the process making the site-wide files."""
        return (str(self), self.line, self.column)


class Record(dict[str, Any]):
    """A checked mapping: its values, and where the mapping and each key's value stood."""

    line: int
    column: int
    places: dict[str, tuple[int, int]]

    def place(self, key: str) -> tuple[int, int]:
        """Line and column of ``key``'s value, or of the mapping when the key is absent."""
        return self.places.get(key, (self.line, self.column))


@dataclass
class Report:
    """Every finding of a file, errors and warnings alike, each as (line, column, entity, message, warning)."""

    found: list[tuple[int, int, str, str, bool]] = field(default_factory=list)

    def add(
        self, node_or_place: yaml.Node | tuple[int, int], entity: str, message: str, *, warning: bool = False
    ) -> None:
        """Record one finding at a node or at an explicit (line, column); a warning does not stop a build."""
        if isinstance(node_or_place, yaml.Node):
            line, column = place_of(node_or_place)
        else:
            line, column = node_or_place
        self.found.append((line, column, entity, message, warning))

    def warn(self, node_or_place: yaml.Node | tuple[int, int], entity: str, message: str) -> None:
        """Record a warning: something a clerk should see that still builds (a vacancy, say)."""
        self.add(node_or_place, entity, message, warning=True)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error."""
        return any(not f[4] for f in self.found)


def place_of(node: yaml.Node) -> tuple[int, int]:
    """1-based line and column where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def describe(node: yaml.Node) -> str:
    """A few words for what a node is, for 'expected X, got Y' messages."""
    if isinstance(node, yaml.MappingNode):
        return "一组“字段: 值”"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    if node.tag == NULL_TAG:
        return "空值"
    if node.tag == INT_TAG or node.tag == "tag:yaml.org,2002:float":
        return f"数字 {node.value}"
    if node.tag == "tag:yaml.org,2002:bool":
        return f"是/否值 {node.value}"
    if node.tag == TIMESTAMP_TAG:
        return f"日期 {node.value}"
    return f"“{node.value}”"


class Kind:
    """A declared kind of node; ``check`` returns the plain value or None after reporting."""

    expected = "一个值"

    def check(self, node: yaml.Node, entity: str, report: Report) -> Any:
        """Check a node, report what is wrong, and return its value (None when unusable)."""
        raise NotImplementedError


class Text(Kind):
    """A non-empty single string."""

    expected = "文字"
    unsafe = UNSAFE_TEXT_RE

    def check(self, node: yaml.Node, entity: str, report: Report) -> Located | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR_TAG, INT_TAG):
            report.add(node, entity, f"应为{self.expected}，实为{describe(node)}")
            return None
        value = fold(node.value) if node.style in (">", None) else node.value
        if not value.strip():
            report.add(node, entity, f"应为{self.expected}，实为空文字")
            return None
        bad = self.unsafe.search(value)
        if bad:
            report.add(
                node, entity, f"文字中有不能显示的字符 U+{ord(bad.group()):04X}（控制字符或方向控制符），请删去它"
            )
            return None
        if len(value) > self.longest:
            report.add(node, entity, f"文字有 {len(value)} 个字符，超过上限 {self.longest} 个")
            return None
        return Located(value, *place_of(node))

    @property
    def longest(self) -> int:
        """The most characters a value may have."""
        return MAX_TEXT


def is_wide(char: str) -> bool:
    """True for CJK characters and full-width punctuation, which are written without spaces between them."""
    return ord(char) >= 0x2E80


def fold(text: str) -> str:
    """Folded or plain YAML text as one line: runs of white space become one space, or none beside CJK text.

    YAML folds a line break into a space; in Chinese that would put a stray space mid-sentence.
    """
    words = text.split()
    if not words:
        return ""
    out = words[0]
    for word in words[1:]:
        out += word if is_wide(out[-1]) or is_wide(word[0]) else " " + word
    return out


class Name(Text):
    """A name that becomes a page title and a reference: one line, no control characters, no outer spaces.

    Names never become paths (pages are named by identifiers or pinyin slugs), so any other
    character is allowed and escaped wherever the name is shown.
    """

    expected = "名称"
    # Line breaks and other C0 controls get the name's own message below.
    unsafe = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

    def check(self, node: yaml.Node, entity: str, report: Report) -> Located | None:
        value = super().check(node, entity, report)
        if value is not None and (UNSAFE_NAME_RE.search(value) or value.strip() != value):
            report.add(node, entity, f"名称“{value}”含有控制字符（如换行）或首尾空格，请删去")
            return None
        invisible = INVISIBLE_RE.search(value) if value is not None else None
        if invisible:
            report.add(
                node, entity, f"名称中有看不见的格式字符 U+{ord(invisible.group()):04X}（零宽或方向控制），请删去它"
            )
            return None
        return value

    @property
    def longest(self) -> int:
        """The most characters a name may have."""
        return MAX_NAME


class Ident(Text):
    """An identifier used in URLs: lower-case letters, digits and hyphens."""

    expected = "标识（id）"

    def check(self, node: yaml.Node, entity: str, report: Report) -> Located | None:
        value = super().check(node, entity, report)
        if value is not None and not IDENT_RE.match(value):
            report.add(node, entity, f"标识“{value}”只能用小写字母 a-z、数字 0-9 和中间的连字符 -")
            return None
        return value

    @property
    def longest(self) -> int:
        """The most characters an identifier may have."""
        return MAX_IDENT


class Choice(Text):
    """One of a fixed set of words."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self.expected = "以下之一：" + "、".join(choices)

    def check(self, node: yaml.Node, entity: str, report: Report) -> Located | None:
        value = super().check(node, entity, report)
        if value is not None and value not in self.choices:
            report.add(node, entity, f"“{value}”不是可用的值，应为{self.expected}{suggest(value, self.choices)}")
            return None
        return value


class Date(Kind):
    """A calendar date, in any form :func:`dutydir.data.dates.parse_day` accepts (2026-12-01, 2026/12/1, 2026年12月1日)."""

    expected = "日期（如 2026-12-01）"
    forms = FORMS
    """The forms an error message offers."""

    def check(self, node: yaml.Node, entity: str, report: Report) -> dt.date | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (TIMESTAMP_TAG, STR_TAG, INT_TAG):
            try:
                day = parse_day(node.value, self.forms)
            except BadDay as e:
                report.add(node, entity, str(e))
                return None
            if FIRST_DAY <= day <= LAST_DAY:
                return day
            report.add(node, entity, f"日期 {day} 不在 {FIRST_DAY} 至 {LAST_DAY} 之间，请检查年份")
            return None
        report.add(node, entity, f"应为日期（{self.forms}），实为{describe(node)}")
        return None


class LooseDate(Date):
    """A date as a notice may give it: YYYY-MM-DD, YYYY-MM, YYYY, or 不详 where ``unknown`` allows it."""

    def __init__(self, unknown: bool = False) -> None:
        self.unknown = unknown
        self.expected = "日期（如 2026-12-01、2007-07 或 2007" + ("，或 不详）" if unknown else "）")
        self.forms = f"{FORMS}，或只写年月 2007-07、年份 2007" + ("，不知道时写 不详" if unknown else "")

    def check(self, node: yaml.Node, entity: str, report: Report) -> dt.date | None:  # type: ignore[override]
        if isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, INT_TAG) and node.style is None:
            if self.unknown and node.value == UNKNOWN:
                return UNKNOWN_DAY
            m = PARTIAL_DATE_RE.match(node.value)
            if m and 1 <= int(m.group(2) or 1) <= 12:
                month = m.group(2)
                return Approx(int(m.group(1)), int(month or 1), "month" if month else "year")
        # Anything else is a whole day in one of the forms a clerk writes, or an error naming them all.
        return super().check(node, entity, report)


class Count(Kind):
    """A positive whole number."""

    expected = "大于 0 的整数"

    def check(self, node: yaml.Node, entity: str, report: Report) -> int | None:
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == INT_TAG
            and not (node.value.isascii() and node.value.isdigit())
        ):
            # YAML 1.1 also reads 0x10, 0o17, 1_000 and 1:30 as numbers; a clerk means none of them.
            report.add(node, entity, f"次数 '{node.value}' 请只用十进制数字书写，如 1、2、12")
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            # A thousand digits is too many for int() itself; no count needs more than four.
            if len(node.value) > 4 or int(node.value) > MAX_COUNT:
                report.add(node, entity, f"次数 {node.value} 超过上限 {MAX_COUNT}")
                return None
            if int(node.value) > 0:
                return int(node.value)
        report.add(node, entity, f"应为{self.expected}，实为{describe(node)}")
        return None


class ListOf(Kind):
    """A list whose items are all of one kind."""

    def __init__(self, item: Kind, *, allow_empty: bool = True) -> None:
        self.item = item
        self.allow_empty = allow_empty
        self.expected = "a list"

    def check(self, node: yaml.Node, entity: str, report: Report) -> list[Any] | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and self.allow_empty:
            return []
        if not isinstance(node, yaml.SequenceNode):
            report.add(node, entity, f"应为列表，实为{describe(node)}")
            return None
        if not node.value and not self.allow_empty:
            report.add(node, entity, "应为至少有一项的列表，实为空列表")
        values = [self.item.check(child, entity, report) for child in node.value]
        return [v for v in values if v is not None]


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its kind, whether it must be there, and what it means."""

    name: str
    kind: Kind
    required: bool = False
    doc: str = ""


class Mapping(Kind):
    """A mapping with declared keys; ``entity`` names the key whose value labels its errors."""

    def __init__(
        self,
        what: str,
        fields: Sequence[Field],
        *,
        entity: str | None = None,
        shorthand: str | None = None,
        keys_name_entities: bool = False,
    ) -> None:
        self.what = what
        self.fields = {f.name: f for f in fields}
        self.entity = entity
        self.shorthand = shorthand
        self.keys_name_entities = keys_name_entities
        self.expected = f"{what}的名称或字段" if shorthand else f"{what}的字段"

    def check(self, node: yaml.Node, entity: str, report: Report) -> Record | None:
        if self.shorthand and isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, INT_TAG):
            # A bare string stands for a mapping with only its shorthand key, e.g. a sector's name.
            key = yaml.ScalarNode(STR_TAG, self.shorthand, node.start_mark, node.end_mark)
            node = yaml.MappingNode("tag:yaml.org,2002:map", [(key, node)], node.start_mark, node.end_mark)
        if not isinstance(node, yaml.MappingNode):
            report.add(node, entity, f"应为{self.expected}，实为{describe(node)}")
            return None
        pairs = {key.value: (key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)}
        if self.entity and self.entity in pairs:
            label_node = pairs[self.entity][1]
            if isinstance(label_node, yaml.ScalarNode) and label_node.value:
                entity = label_node.value
        record = Record()
        record.line, record.column = place_of(node)
        record.places = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            spec = self.fields.get(name) if isinstance(name, str) else None
            if spec is None:
                hint = suggest(str(name), list(self.fields)) if isinstance(name, str) else ""
                allowed = "、".join(self.fields)
                report.add(key_node, entity, f"{self.what}中没有字段“{name}”{hint}；可用的字段：{allowed}")
                continue
            value = spec.kind.check(value_node, spec.name if self.keys_name_entities else entity, report)
            if value is not None:
                record[spec.name] = value
                record.places[spec.name] = place_of(value_node)
        for spec in self.fields.values():
            if spec.required and spec.name not in pairs:
                report.add(node, entity, f"{self.what}缺少必填字段“{spec.name}”")
        return record


def suggest(word: str, choices: Sequence[str]) -> str:
    """'（是否指“x”？）' for a likely typo, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"（是否指“{close[0]}”？）" if close else ""
