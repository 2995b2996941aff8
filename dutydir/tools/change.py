"""One edit of the data file from start to end: load it, compute the change, check it and write it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dutydir.data.fields import FIRST_DAY, LAST_DAY
from dutydir.data.load import load_directory
from dutydir.model.directory import Directory
from dutydir.tools import edit, writing


@dataclass(frozen=True)
class Applied:
    """A change written to the data file."""

    message: str
    """What changed, in one line."""
    warnings: list[str]
    """What the clerk should look at: the change's own warnings, then the data's after it."""


def change_file(data: Path, day: dt.date, make: Callable[[str, Directory], edit.Change]) -> Applied:
    """Compute a change from the data as of ``day`` and write it; DataError or EditError leave the file unchanged."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise edit.EditError(f"日期 {day} 不在 {FIRST_DAY} 至 {LAST_DAY} 之间，请检查年份")
    try:
        # Locked from reading to writing: an edit running meanwhile would otherwise be lost.
        with writing.locked(data):
            directory, _ = load_directory(data, day)
            _, text = edit.read(data)
            change = make(text, directory)
            after = edit.apply(data, change, day)
    except writing.WriteError as e:
        raise edit.EditError(str(e)) from None
    return Applied(change.message, [f"warning: {line}" for line in change.warnings] + list(after))
