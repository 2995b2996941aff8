"""One edit of the data file from start to end: load it, compute the change, check it and write it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dutydir.data.load import load_directory
from dutydir.model.directory import Directory
from dutydir.tools import edit


@dataclass(frozen=True)
class Applied:
    """A change written to the data file."""

    message: str
    """What changed, in one line."""
    warnings: list[str]
    """What the clerk should look at: the change's own warnings, then what the data's check newly warns of."""


def change_file(data: Path, day: dt.date, make: Callable[[str, Directory], edit.Change]) -> Applied:
    """Compute a change from the data as of ``day`` and write it; DataError or EditError leave the file unchanged."""
    directory, known = load_directory(data, day)
    _, text = edit.read(data)
    change = make(text, directory)
    after = edit.apply(data, change, day, known)
    return Applied(change.message, [f"注意：{line}" for line in change.warnings] + list(after))
