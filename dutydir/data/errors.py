"""Problems found in a data file, each tied to a place in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Shown as escapes: control characters, and invisible or direction-changing ones that would garble the line.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data file, printed as ``path:line:col: entity: message``."""

    path: str
    """The data file as the user named it."""
    line: int
    """1-based line of the offending node."""
    column: int
    """1-based column of the offending node."""
    entity: str
    """The leader, post, sector or pair concerned; the file's name when none is."""
    message: str
    """What is wrong, in one line."""
    warning: bool = False
    """True for a problem that does not stop a build (a vacancy, say)."""

    def __str__(self) -> str:
        prefix = "警告：" if self.warning else ""
        # A control character in a name or value from the file must not garble the terminal or split the line.
        entity = CONTROL_RE.sub(escaped, self.entity)
        message = CONTROL_RE.sub(escaped, self.message)
        return f"{self.path}:{self.line}:{self.column}: {prefix}{entity}: {message}"


def escaped(match: re.Match[str]) -> str:
    """A character as a Python-style escape: \\x01, \\u200b."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class DataError(Exception):
    """The data file cannot be used; carries every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
