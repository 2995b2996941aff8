"""The pages of a whole site: every unit's pages under its prefix, the help page, and the unit index.

A unit's pages depend on that unit alone (and on whether it is the main one of a site of several),
so that a unit built on its own as a shard (build/shard.py) makes the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from dutydir.data.units import Site
from dutydir.model.directory import Directory
from dutydir.render import answer_data, pages, search_words, urls
from dutydir.render.escape import md
from dutydir.render.templating import render

UNITS = "units.md"


@dataclass(frozen=True)
class UnitRow:
    """One unit as the unit index lists it."""

    id: str
    """The unit's id; its pages sit under ``id/`` unless it is the main unit."""
    name: str
    """The unit's full name."""
    head: str
    """Who holds the unit's mayor post, or '' when none does."""
    posts: int
    """How many leaders' posts the unit has."""
    sectors: int
    """How many sectors the unit has."""


def site_pages(
    site: Site, chart: pages.Chart, directory_urls: bool = True, templates: Path | None = None, pdf: bool = True
) -> dict[str, str]:
    """Every generated page of every unit by its source path, the help page, the unit index when there are several,
    and the answer box's data.

    jieba is taught each unit's words alone while its pages are made, then every unit's words: Material's
    search cuts the built pages with them after this. ``templates`` is the site's folder of its own page
    templates, if it has one; ``pdf`` is whether pages link printed lists.
    """
    out: dict[str, str] = {}
    several = len(site.units) > 1
    for unit in site.units:
        out.update(unit_pages(unit, site.prefix(unit), several, chart, directory_urls, templates, pdf))
    search_words.teach_jieba(site.units)
    out[pages.HELP] = help_page(site.units[0], directory_urls, templates)
    if several:
        out[UNITS] = unit_index([unit_row(unit) for unit in site.units], templates)
    out[answer_data.PATH] = answer_data.script(site, directory_urls)
    return out


def unit_pages(
    unit: Directory,
    prefix: str,
    several: bool,
    chart: pages.Chart,
    directory_urls: bool,
    templates: Path | None,
    pdf: bool = True,
) -> dict[str, str]:
    """One unit's generated pages by source path under ``prefix`` ('' for the main unit), cut with its words only."""
    links = [("各单位", urls.link(urls.HOME, UNITS))] if several and not prefix else []
    options = pages.Options(directory_urls, links, templates, several, pdf)
    with search_words.taught_alone([unit]):
        made = pages.all_pages(unit, chart, options=options)
    return {prefix + path: text for path, text in made.items()}


def help_page(main: Directory, directory_urls: bool, templates: Path | None) -> str:
    """The site's help page, made from the main unit."""
    return pages.help_page(main, pages.Options(directory_urls, [], templates))


def unit_row(unit: Directory) -> UnitRow:
    """A unit's row of the unit index."""
    mayor = next((p for p in unit.posts if p.role == "mayor"), None)
    holder = unit.holder(mayor) if mayor else None
    head = str(holder.person) if holder else ""
    return UnitRow(str(unit.unit.id), str(unit.unit.name), head, len(unit.posts), len(unit.sectors))


def unit_index(units: list[UnitRow], templates: Path | None = None) -> str:
    """The unit index: every unit of the site (the main one first), with its head, leaders and sectors counted."""
    rows = []
    for n, row in enumerate(units):
        home = ("" if n == 0 else f"{row.id}/") + urls.HOME
        name = Markup(f"[{md(row.name)}]({urls.link(UNITS, home)})")
        rows.append([name, row.head or "—", row.posts, row.sectors])
    return render("units.md", templates, rows=rows)
