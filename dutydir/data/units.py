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

from dutydir.data.errors import DataError, Problem
from dutydir.data.load import CheckedFile, build_checked, check_file
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


def load_site(path: str | os.PathLike[str], as_of: dt.date | None = None) -> tuple[Site, list[Problem]]:
    """Load every unit of a site; raise one DataError with the problems of all its files.

    Each file is read and checked once; each is then built knowing the other units' post ids, so
    that a reference across units says so instead of 'unknown'.
    """
    files = unit_files(path)
    shown = {f: os.path.relpath(f) if f.resolve().is_relative_to(Path.cwd()) else str(f) for f in files}
    checked: dict[Path, CheckedFile] = {}
    problems: list[Problem] = []
    for f in files:
        try:
            checked[f] = check_file(shown[f])
        except DataError as e:
            problems += e.problems
    unit_of = {f: unit for f, c in checked.items() if (unit := c.unit_id()) is not None}
    units: list[Directory] = []
    warnings: list[Problem] = []
    seen: dict[str, Path] = {}
    for f, c in checked.items():
        foreign = {
            pid: unit_of[g] for g, other in checked.items() if g != f and g in unit_of for pid in other.post_ids()
        }
        try:
            directory, found = build_checked(c, as_of, foreign)
        except DataError as e:
            problems += e.problems
            continue
        if directory.unit.id in seen:
            message = f"单位标识“{directory.unit.id}”与 {seen[directory.unit.id]} 的相同"
            problems.append(Problem(shown[f], 1, 1, directory.unit.id, message))
            continue
        seen[directory.unit.id] = f
        units.append(directory)
        warnings += found
    if problems:
        raise DataError(problems)
    return Site(tuple(units)), warnings
