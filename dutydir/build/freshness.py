"""Whether the live site still shows the right day: the view a build shows, fingerprinted, and its next change.

A site built on one day stays true until the next dated change in the data (a term begins or
ends, a stand-in starts or is over, a sector moves, a pair begins or ends). So the view of a day
is fixed by the inputs (data, hand-written pages, config, the program's files) and by the
latest change day on or before it; its fingerprint is a hash of those. Each release keeps the
fingerprint it was built for, and `dutydir publish --if-changed` rebuilds only when today's
fingerprint differs from the live one's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from dutydir.data.dates import parse_day
from dutydir.data.units import Site, load_site, unit_files
from dutydir.model.directory import Directory
from dutydir.model.history import cn_date, history, label

VIEW_FILE = ".dutydir-view.json"
"""The file in a release's root that records the view it was built for."""

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class View:
    """The view of one day: its fingerprint, and the next day it changes."""

    fingerprint: str
    """Hash of the inputs and of the latest change day on or before the day."""
    day: dt.date
    """The day the view describes."""
    next_change: dt.date | None
    """The first day after ``day`` on which the view changes; None when the data records none."""
    next_changes: tuple[str, ...] = ()
    """What changes on that day, as the change log words it."""


def change_days(d: Directory) -> list[dt.date]:
    """Every day on which something in one unit begins or stops being in force, sorted."""
    days: set[dt.date] = set()

    def span(start: dt.date | None, end: dt.date | None) -> None:
        """The first day of a span, and the day after its last."""
        if start is not None:
            days.add(start)
        if end is not None:
            days.add(end + ONE_DAY)

    for post in d.posts:
        for h in post.holders:
            span(h.start, h.end)
        for a in post.acting:
            span(a.start, a.end)
    for sector in d.sectors.values():
        for assignment in sector.assignments:
            span(assignment.start, assignment.end)
    for pair in d.ab_pairs:
        span(pair.start, pair.end)
    for commissioner in d.commissioners.values():
        for h in commissioner.holders:
            span(h.start, h.end)
    return sorted(days)


def inputs(data: Path, config: Path) -> list[tuple[str, Path]]:
    """The files a build reads, each with a stable name: unit files and what sits beside the main one
    (its notice text), the config, the folders beside it that a build reads (docs/, hooks/, overrides/),
    and the program's own files (so an update of the program is a new view too)."""
    files = unit_files(data)
    folder = files[0].parent
    beside = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    named = [(f"data/{p.name}", p) for p in beside] + [(f"data/units/{p.name}", p) for p in files[1:]]
    named.append(("mkdocs.yml", config))
    trees = [(name, config.parent / name) for name in ("docs", "hooks", "overrides")]
    trees.append(("dutydir", Path(__file__).resolve().parent.parent))
    for name, tree in trees:
        if tree.is_dir():
            named += [
                (f"{name}/{p.relative_to(tree).as_posix()}", p)
                for p in sorted(tree.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts
            ]
    return named


def view(data: Path, config: Path, day: dt.date, site: Site | None = None) -> View:
    """The view a build of ``data`` on ``day`` shows (``site``: that data already loaded as of ``day``); raises DataError like a build would."""
    site = site or load_site(data, day)[0]
    days = sorted({c for unit in site.units for c in change_days(unit)})
    latest = max((c for c in days if c <= day), default=None)
    coming = min((c for c in days if c > day), default=None)
    h = hashlib.sha256()
    h.update(f"view of {latest}\n".encode())
    for name, path in inputs(data, config):
        h.update(f"{name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    texts = tuple(t for unit in site.units for t in changes_on(unit, coming)) if coming else ()
    return View(h.hexdigest(), day, coming, texts)


def changes_on(d: Directory, day: dt.date) -> list[str]:
    """What changes on a day, as the change log words it, and the stand-ins that are over (the log keeps no end)."""
    texts = [e.text for e in history(d) if e.day == day]
    for post in d.posts:
        for a in post.acting:
            if a.end + ONE_DAY == day:
                texts.append(f"{d.acting_name(a)}代理{label(d, post, a.end)}的工作至{cn_date(a.end)}结束。")
    return texts


def write(release: Path, v: View) -> None:
    """Record in a release the view it was built for."""
    record = {
        "fingerprint": v.fingerprint,
        "day": v.day.isoformat(),
        "next_change": v.next_change and v.next_change.isoformat(),
    }
    (release / VIEW_FILE).write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def live_fingerprint(release: Path | None) -> str | None:
    """The fingerprint the live release was built for; None when unknown (an older release, or none)."""
    try:
        return str(json.loads((release / VIEW_FILE).read_text(encoding="utf-8"))["fingerprint"]) if release else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def publish_day() -> dt.date:
    """The day a publish describes: DUTYDIR_DATE when set (as the build's hooks read it), else today."""
    set_day = os.environ.get("DUTYDIR_DATE", "")
    return parse_day(set_day) if set_day else dt.date.today()


def next_change_line(v: View) -> str:
    """'下次变动：2026年12月1日（…）。届时须重新发布…', or that the data records no later change."""
    if v.next_change is None:
        return "数据中没有已定的后续变动。"
    what = "；".join(t.rstrip("。") for t in v.next_changes)
    return f"下次变动：{cn_date(v.next_change)}（{what}）。届时须重新发布，已安装定时任务（make install-timer）时会自动完成。"
