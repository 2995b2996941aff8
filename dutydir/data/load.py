"""Read a unit's data file, check it, and build the model; every problem is tied to file:line:col."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from dutydir import model
from dutydir.data import limits
from dutydir.data.build_model import build
from dutydir.data.errors import DataError, Problem, os_reason, yaml_problem
from dutydir.data.fields import Record, Report, place_of
from dutydir.data.unit_file import UNIT_FILE

UTF8_BOM = b"\xef\xbb\xbf"


def load_directory(
    path: str | os.PathLike[str], as_of: dt.date | None = None, foreign: Mapping[str, str] | None = None
) -> tuple[model.Directory, list[Problem]]:
    """Load a data file as of a day (default today); return the model and its warnings.

    ``foreign`` maps post ids of the site's other units to their unit, so that a reference
    across units is reported as such. Raises DataError listing every error, sorted by line.
    """
    return build_checked(check_file(path), as_of, foreign)


@dataclass
class CheckedFile:
    """A data file read once and checked against its declared shape, not yet built into the model."""

    path: str
    """The file as the user named it."""
    record: Record | None
    """The checked record; None when the file is empty or not YAML."""
    report: Report
    """What the checker found so far."""

    def unit_id(self) -> str | None:
        """The unit's id, when the checker could read it."""
        unit = self.record.get("unit") if self.record is not None else None
        return str(unit["id"]) if isinstance(unit, dict) and "id" in unit else None

    def post_ids(self) -> list[str]:
        """The post ids the file declares (as far as the checker could read them)."""
        posts = self.record.get("posts") if self.record is not None else None
        return [str(p["id"]) for p in posts or [] if isinstance(p, dict) and "id" in p]


def check_file(path: str | os.PathLike[str]) -> CheckedFile:
    """Read and check a data file: its one parse; raises DataError only when it cannot be read."""
    shown = os.fspath(path)
    report = Report()
    try:
        raw = limits.read_regular_file(Path(path), limits.MAX_FILE_BYTES)
    except OSError as e:
        raise DataError([Problem(shown, 1, 1, Path(shown).name, f"无法读取文件：{os_reason(e)}")]) from None
    root = compose(decode(raw, shown), shown, report)
    record = UNIT_FILE.check(root, Path(shown).name, report) if root is not None else None
    return CheckedFile(shown, record, report)


def build_checked(
    checked: CheckedFile, as_of: dt.date | None = None, foreign: Mapping[str, str] | None = None
) -> tuple[model.Directory, list[Problem]]:
    """The model of a checked file as of a day (default today), with its warnings; raises DataError on any error."""
    shown, record, report = checked.path, checked.record, checked.report
    directory = None
    if record is not None and not report.has_errors:
        directory = build(record, Path(shown).parent, as_of or dt.date.today(), report, foreign or {})
    found = [Problem(shown, line, col, entity, msg, warning) for line, col, entity, msg, warning in report.found]
    problems = [p for p in found if not p.warning]
    if problems or directory is None:
        raise DataError(problems or [Problem(shown, 1, 1, Path(shown).name, "文件是空的")])
    return directory, sorted(p for p in found if p.warning)


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text of the file (a BOM is dropped); a GBK/GB18030 file gets a message on converting it."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        name = Path(shown).name
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            message = "文件不是 UTF-8 编码的文字；请另存为 UTF-8"
        else:
            message = (
                "文件是按 GBK/GB18030 保存的，不是 UTF-8；请另存为 UTF-8"
                f"（记事本：另存为 → 编码选 UTF-8），或运行：iconv -f GB18030 -t UTF-8 {shown} -o {name}.utf8"
            )
        raise DataError([Problem(shown, line, column, name, message)]) from None


def compose(text: str, shown: str, report: Report) -> yaml.Node | None:
    """Parse YAML into nodes, reporting syntax errors, tab indentation and duplicate keys."""
    name = Path(shown).name
    for number, text_line in enumerate(text.splitlines(), start=1):
        indent = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
        if "\t" in indent:
            report.add((number, indent.index("\t") + 1), name, "缩进里有制表符（Tab）；请用空格缩进")
    if report.has_errors:
        return None
    try:
        root = limits.compose(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        report.add((line, column), name, f"YAML 格式错误：{yaml_problem(str(e.problem or e.context))}")
        return None
    except yaml.reader.ReaderError as e:
        line, column = place_in(text, e.position)
        report.add((line, column), name, f"不可打印的字符 U+{e.character:04X}（控制字符）；请删去它")
        return None
    except limits.LimitError as e:
        report.add((e.line, e.column), name, e.message)
        return None
    if root is not None:
        find_duplicate_keys(root, name, report)
    return root


def place_in(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def find_duplicate_keys(node: yaml.Node, name: str, report: Report) -> None:
    """Report every key given twice in one mapping (PyYAML would keep the last silently)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = place_of(seen[key.value])[0]
                        report.add(key, name, f"字段“{key.value}”重复（第一次在第 {first} 行）")
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
