"""A site of several units: the main unit's data file and further units in ``units/`` beside it.

Every unit is loaded and checked on its own (a reference across units is an error). The main
unit's pages sit at the site's root; each further unit's pages sit under its id, which keeps
all links inside a unit relative and unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import pages, urls
from .errors import DataError, Problem
from .load import load_directory
from .markup import attr, md
from .model import Directory

UNITS = "units.md"
TITLE_RE = re.compile(r'\A---\ntitle: "(.*)"\n')


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
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        unit = str(data["unit"]["id"])
        return {str(p["id"]): unit for p in data.get("posts") or [] if isinstance(p, dict) and "id" in p}
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


def retitle(text: str, suffix: str) -> str:
    """A generated page with its front matter title qualified by the unit's name."""
    escaped = json.dumps(attr(suffix), ensure_ascii=False)[1:-1]
    return TITLE_RE.sub(lambda m: f'---\ntitle: "{m.group(1)} · {escaped}"\n', text, count=1)


def name_unit(text: str, path: str, name: str) -> str:
    """A page with a line naming its unit (linked to the unit's home) under its h1, so search results show it."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if at is None:
        return text
    lines[at + 1 : at + 1] = ["", f"单位：[{md(name)}]({urls.link(path, urls.HOME)})"]
    return "\n".join(lines)


def site_pages(site: Site, chart: pages.Chart, directory_urls: bool = True) -> dict[str, str]:
    """Every generated page of every unit by its source path, plus the unit index when there are several.

    ``chart`` is called once for each different DOT, from several threads at once.
    """
    out: dict[str, str] = {}
    several = len(site.units) > 1
    later = Later(chart)
    for unit in site.units:
        prefix = site.prefix(unit)
        links = [("各单位", urls.link(urls.HOME, UNITS))] if several and unit is site.units[0] else []
        for path, text in pages.all_pages(unit, later, directory_urls, links).items():
            if several:
                text = name_unit(retitle(text, unit.unit.short_name), path, unit.unit.name)
            out[prefix + path] = text
    if several:
        out[UNITS] = unit_index(site)
    return later.fill(out)


class Later:
    """A chart function that hands out placeholders, then renders every chart at once and puts them in.

    Each chart is one Graphviz process; rendered side by side, they use every core of the machine
    while MkDocs uses one. The pages come out the same as with ``chart`` called in place.
    """

    PLACEHOLDER = re.compile("\0chart-([0-9]+)\0")

    def __init__(self, chart: pages.Chart) -> None:
        self.chart = chart
        self.dots: dict[str, str] = {}
        """Each DOT asked for, with its placeholder."""

    def __call__(self, dot: str) -> str:
        return self.dots.setdefault(dot, f"\0chart-{len(self.dots)}\0")

    def fill(self, texts: dict[str, str]) -> dict[str, str]:
        """The texts with every placeholder replaced by its chart; the first chart that fails raises."""
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            svgs = list(pool.map(self.chart, self.dots))
        return {
            path: self.PLACEHOLDER.sub(lambda m: svgs[int(m.group(1))], text) if "\0" in text else text
            for path, text in texts.items()
        }


def unit_index(site: Site) -> str:
    """The unit index: every unit of the site, with its leaders and sectors counted."""
    rows = []
    for unit in site.units:
        home = site.prefix(unit) + urls.HOME
        mayor = next((p for p in unit.posts if p.role == "mayor"), None)
        holder = unit.holder(mayor) if mayor else None
        rows.append(
            f"| [{md(unit.unit.name)}]({urls.link(UNITS, home)}) | {md(holder.person) if holder else '—'} "
            f"| {len(unit.posts)} | {len(unit.sectors)} |"
        )
    lines = [
        pages.heading("单位"),
        "",
        "本目录收录以下单位的领导安全生产责任分工。各街镇领导班子成员安全生产责任参照区通知执行（通知四（一））。",
        "",
        "| 单位 | 主要负责人 | 领导职务数 | 行业领域数 |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    return "\n".join(lines)
