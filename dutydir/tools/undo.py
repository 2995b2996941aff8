"""`dutydir undo`: put back the content the data file had before the last command, through the same checked write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dutydir.data.load import UTF8_BOM
from dutydir.tools import edit, journal, writing
from dutydir.tools.errors import EditError


def undo(path: Path, today: dt.date | None = None) -> str:
    """Restore the file as it was before the last journalled command; return what was undone, in Chinese."""
    try:
        # Locked like every edit, so an edit running meanwhile is neither undone half-way nor lost.
        with writing.locked(path):
            entry = journal.last(path)
            try:
                before = entry.before.removeprefix(UTF8_BOM).decode("utf-8")
            except UnicodeDecodeError:
                raise EditError(f"撤销记录 {entry.stem}.before 不是 UTF-8 文本；请手工修改 {path}") from None
            change = edit.Change(before, f"已撤销（{entry.when}）：{entry.message}")
            edit.apply(path, change, today or dt.date.today(), journal=False)
            journal.drop(entry.stem)
    except writing.WriteError as e:
        raise EditError(str(e)) from None
    return change.message
