"""Problems found in a data file, each tied to a place in it."""

from __future__ import annotations

from dataclasses import dataclass


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
        prefix = "warning: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.entity}: {self.message}"


class DataError(Exception):
    """The data file cannot be used; carries every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
