"""The undo journal: the file's previous content, kept beside it, for each command that changed it.

Each entry lives in ``.dutydir-undo/<file name>/`` beside the data file: the bytes before the
command and a small JSON record (what the command did, and a hash of the bytes it wrote). An
undo restores the bytes only while the file still holds exactly what the command wrote, so it
never throws away an edit made by hand (or by another command) since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from dutydir.tools.errors import EditError

KEEP = 20
"""How many commands can be undone, one after another."""


@dataclass(frozen=True)
class Entry:
    """One command's edit as the journal keeps it."""

    before: bytes
    """The file's bytes before the command."""
    after_sha256: str
    """Hash of the bytes the command wrote."""
    message: str
    """What the command said it did."""
    when: str
    """When it was done, to the minute."""
    stem: Path
    """The entry's files without suffix, for removal."""


def folder(path: Path) -> Path:
    """Where the journal of a data file lives."""
    return path.parent / ".dutydir-undo" / path.name


def digest(data: bytes) -> str:
    """SHA-256 of some bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def record(path: Path, before: bytes, after: bytes, message: str, now: dt.datetime | None = None) -> None:
    """Keep the bytes before a command and a hash of what it wrote; drop the oldest beyond KEEP."""
    where = folder(path)
    where.mkdir(parents=True, exist_ok=True)
    numbers = sorted(int(p.stem) for p in where.glob("*.json") if p.stem.isdigit())
    stem = where / f"{(numbers[-1] + 1) if numbers else 1:06d}"
    stem.with_suffix(".before").write_bytes(before)
    when = (now or dt.datetime.now()).isoformat(sep=" ", timespec="minutes")
    meta = {"after_sha256": digest(after), "message": message, "when": when}
    # The record is renamed into place last: an edit killed half-way leaves no entry that names missing bytes.
    tmp = stem.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.rename(stem.with_suffix(".json"))
    for old in numbers[: max(0, len(numbers) + 1 - KEEP)]:
        drop(where / f"{old:06d}")


def drop(stem: Path) -> None:
    """Remove one entry's files."""
    for suffix in (".json", ".before"):
        stem.with_suffix(suffix).unlink(missing_ok=True)


def last(path: Path) -> Entry:
    """The newest entry that can be undone now; EditError when there is none or the file was changed since."""
    where = folder(path)
    if not path.is_file():
        raise EditError(f"没有数据文件 {path}")
    numbers = sorted(int(p.stem) for p in where.glob("*.json") if p.stem.isdigit()) if where.is_dir() else []
    if not numbers:
        raise EditError(f"{path}没有可撤销的命令（只有 dutydir 命令所做的修改可以撤销）")
    stem = where / f"{numbers[-1]:06d}"
    try:
        meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        entry = Entry(
            stem.with_suffix(".before").read_bytes(), meta["after_sha256"], meta["message"], meta["when"], stem
        )
    except (OSError, ValueError, KeyError):
        raise EditError(f"撤销记录 {stem}.json 已损坏；请手工修改 {path}") from None
    if digest(path.read_bytes()) != entry.after_sha256:
        raise EditError(
            f"{path}在上一条命令（{entry.when}：{entry.message}）之后又被修改过；"
            "撤销会丢掉这些修改，因此没有撤销。请手工改回，可用 dutydir diff 查看改了什么"
        )
    return entry
