"""The work-safety vocabulary shipped with dutydir, matched to one unit's sectors, with the unit's own entries.

The vocabulary (dutydir/vocabulary/*.yaml) maps the words readers type (煤气, 渣土车, 市监, 住建局)
to the standard sector names of local-government notices (城镇燃气, 城市管理, 市场监督管理,
住房和城乡建设). Units name their sectors differently (住房和城乡建设 / 住建 / 城建), so a standard
name is matched to a unit's sectors in this order, the first step that finds any sector winning:

1. a sector named like it or like one of its aliases (after dropping endings such as 局, 工作, 行业);
2. a key area of 四（二） named so: the sectors the notice puts the area under;
3. a sector whose name contains it or an alias (烟花爆竹 in 民爆物品和烟花爆竹, 冶金 in 工业冶金);
4. the standard names it falls ``within`` (非煤矿山 within 应急管理), matched the same way.

A unit's ``vocabulary:`` entries then add a word, point it elsewhere, or switch it off (``sectors: []``).
Every word is added for search, never the notice's text; pages say so wherever they show one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from dutydir import model
from dutydir.data.fields import Report

# Endings that name the office rather than the sector: 市场监督管理局 is 市场监督管理, 消防工作 is 消防.
ENDINGS = re.compile(r"(工作|行业|领域|部门|局|委)$")
# Standard names reached through ``within`` are followed this deep at most (the files nest two levels).
MAX_DEPTH = 3


@dataclass(frozen=True)
class Entry:
    """One standard sector of the vocabulary."""

    name: str
    """The standard name, e.g. 住房和城乡建设."""
    aliases: tuple[str, ...]
    """Other names units give the same sector, e.g. 住建, 城建."""
    words: tuple[str, ...]
    """Everyday words, places, vehicles, hazards and short names that lead to it."""
    within: tuple[str, ...]
    """Standard names its words fall back to when a unit has no sector of its own for it."""


@functools.cache
def shipped() -> dict[str, Entry]:
    """The vocabulary shipped with dutydir, by standard name, files in name order."""
    entries: dict[str, Entry] = {}
    folder = resources.files("dutydir") / "vocabulary"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        raw: dict[str, Any] = yaml.safe_load(item.read_text(encoding="utf-8")) or {}
        for name, body in raw.items():
            if name in entries:
                raise ValueError(f"检索词表：“{name}”写了两次（又见于 {item.name}）")
            entries[str(name)] = Entry(
                str(name),
                tuple(str(w) for w in body.get("aliases", [])),
                tuple(str(w) for w in body.get("words", [])),
                tuple(str(w) for w in body.get("within", [])),
            )
    return entries


@functools.cache  # called for every sector of every unit against every standard name: a city, a million times
def squash(name: str) -> str:
    """A sector name without the ending that names its office."""
    short = ENDINGS.sub("", name)
    return short if len(short) >= 2 else name


def sectors_for(d: model.Directory, entry: Entry, depth: int = 0) -> list[str]:
    """The unit's sectors a standard name leads to, by the steps in this module's docstring."""
    names = [entry.name, *entry.aliases]
    wanted = {squash(n) for n in names}
    found = [s for s in d.sectors if squash(s) in wanted]
    if found:
        return found
    areas = [a for a in d.key_areas if squash(a.name) in wanted]
    if areas:
        return list(dict.fromkeys(s for a in areas for s in a.sectors if s in d.sectors))
    found = [s for s in d.sectors if any(len(n) >= 2 and n in s for n in names)]
    if found or depth >= MAX_DEPTH:
        return found
    table = shipped()
    out = [s for w in entry.within if w in table for s in sectors_for(d, table[w], depth + 1)]
    return list(dict.fromkeys(out))


def unmatched(d: model.Directory) -> list[str]:
    """Standard names of the shipped vocabulary that lead to none of the unit's sectors."""
    return [e.name for e in shipped().values() if not sectors_for(d, e)]


def words_by_sector(d: model.Directory, own: list[Any]) -> dict[str, tuple[str, ...]]:
    """Each sector's added words: the shipped vocabulary matched to the unit, then the unit's own entries.

    ``own`` holds the unit file's checked ``vocabulary:`` records (word, sectors). A word equal to
    a sector's name is left out (search finds that sector by its name), and so is one the unit's
    data already gives the sector as a key area or keyword.
    """
    leads: dict[str, list[str]] = {}
    for entry in shipped().values():
        targets = sectors_for(d, entry)
        for word in (entry.name, *entry.aliases, *entry.words):
            leads.setdefault(word, [])
            leads[word] += [t for t in targets if t not in leads[word]]
    for record in own:
        # The unit's entry replaces whatever the shipped vocabulary says of the word; [] switches it off.
        leads[str(record["word"])] = [str(s) for s in record.get("sectors", []) if s in d.sectors]
    out: dict[str, list[str]] = {name: [] for name in d.sectors}
    # Words the unit's own data already gives a sector (its key areas, its keywords) are not repeated.
    given = {
        name: {a.name for a in d.key_areas if name in a.sectors} | set(s.keywords) for name, s in d.sectors.items()
    }
    for word, targets in leads.items():
        if word in d.sectors:
            continue
        for target in targets:
            if word not in given[target]:
                out[target].append(word)
    return {name: tuple(words) for name, words in out.items() if words}


def own_entry_warnings(d: model.Directory, own: list[Any]) -> list[tuple[int, int, str, str]]:
    """Information for ``dutydir check``: each sector a unit's vocabulary entry names that the unit lacks."""
    notes = []
    for record in own:
        for sector in record.get("sectors", []):
            if sector not in d.sectors:
                line, column = sector.line, sector.column
                notes.append((line, column, str(record["word"]), f"检索词表：本单位没有领域“{sector}”，已略去"))
    return notes


def attach(d: model.Directory, own: list[Any], report: Report) -> None:
    """Give the directory its vocabulary words; the unit's entries naming sectors it lacks become information."""
    d.vocabulary = words_by_sector(d, own)
    for line, column, entity, message in own_entry_warnings(d, own):
        report.warn((line, column), entity, message)
