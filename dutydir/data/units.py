"""A site of several units: the main unit's data file and further units in ``units/`` beside it.

Every unit is loaded and checked on its own (a reference across units is an error). The main
unit's pages sit at the site's root; each further unit's pages sit under its id, which keeps
all links inside a unit relative and unchanged.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from dutydir.data import limits
from dutydir.data.errors import DataError, Problem
from dutydir.data.load import load_directory
from dutydir.model.directory import Directory


@dataclass(frozen=True)
class Site:
    """The units of one site, the main unit first."""

    units: tuple[Directory, ...]
    """Every unit; the first is the main one, whose pages sit at the root."""

    def prefix(self, unit: Directory) -> str:
        """Where a unit's pages sit: '' for the main unit, 'id/' for the others."""
        return "" if unit is self.units[0] else f"{unit.unit.id}/"


def unit_files(path: str | os.PathLike[str]) -> list[Path]:
    """The data files of a site: a file and the units/*.yaml beside it; or, for a folder, its leaders.yaml and units/."""
    p = Path(path)
    main = p / "leaders.yaml" if p.is_dir() else p
    more = sorted((main.parent / "units").glob("*.yaml"))
    return [main, *more]


def post_ids(path: Path) -> dict[str, str]:
    """The post ids a file declares, mapped to its unit id; {} when it cannot be read (its own load says why)."""
    try:
        text = limits.read_regular_file(path, limits.MAX_FILE_BYTES).decode("utf-8-sig")
        data = yaml.load(text, Loader=limits.LimitedLoader)
        unit = data["unit"]["id"]
        # Only plain ids: str() of an aliased nest of lists could take forever.
        posts = [p for p in data.get("posts") or [] if isinstance(p, dict) and isinstance(p.get("id"), str)]
        return {p["id"]: unit for p in posts} if isinstance(unit, str) else {}
    except Exception:  # noqa: BLE001 - any failure here is reported, with its place, by the file's own load
        return {}


def load_site(path: str | os.PathLike[str], as_of: dt.date | None = None) -> tuple[Site, list[Problem]]:
    """Load every unit of a site; raise one DataError with the problems of all its files."""
    files = unit_files(path)
    shown = {f: os.path.relpath(f) if f.resolve().is_relative_to(Path.cwd()) else str(f) for f in files}
    loaded: dict[Path, tuple[Directory, list[Problem]] | DataError] = {}
    for f in files:
        try:
            loaded[f] = load_directory(shown[f], as_of)
        except DataError as e:
            loaded[f] = e
    failed = [f for f, result in loaded.items() if isinstance(result, DataError)]
    if failed:
        # Only a file with problems is read again, told the other units' post ids, so that a
        # reference across units says so instead of 'unknown'.
        declared = {
            f: {p.id: result[0].unit.id for p in result[0].posts} if not isinstance(result, DataError) else post_ids(f)
            for f, result in loaded.items()
        }
        for f in failed:
            foreign = {pid: unit for g, ids in declared.items() if g != f for pid, unit in ids.items()}
            try:
                loaded[f] = load_directory(shown[f], as_of, foreign)
            except DataError as e:
                loaded[f] = e
    units: list[Directory] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    seen: dict[str, Path] = {}
    for f, result in loaded.items():
        if isinstance(result, DataError):
            problems += result.problems
            continue
        directory, found = result
        if directory.unit.id in seen:
            problems.append(
                Problem(
                    shown[f],
                    1,
                    1,
                    directory.unit.id,
                    f"unit id '{directory.unit.id}' is also that of {seen[directory.unit.id]}",
                )
            )
            continue
        seen[directory.unit.id] = f
        units.append(directory)
        warnings += found
    if problems:
        raise DataError(problems)
    return Site(tuple(units)), warnings
