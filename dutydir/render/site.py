"""The pages of a whole site: every unit's pages under its prefix, the help page, and the unit index."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from dutydir.data.units import Site
from dutydir.render import answer_data, pages, search_words, urls
from dutydir.render.escape import md
from dutydir.render.templating import render

UNITS = "units.md"


def site_pages(
    site: Site, chart: pages.Chart, directory_urls: bool = True, templates: Path | None = None, pdf: bool = True
) -> dict[str, str]:
    """Every generated page of every unit by its source path, the help page, the unit index when there are several,
    and the answer box's data.

    jieba is taught every unit's words first, here and nowhere else: the pages cut their search words
    with it, and Material's search cuts the built pages with it after them. ``templates`` is the
    site's folder of its own page templates, if it has one; ``pdf`` is whether pages link printed lists.
    """
    search_words.teach_jieba(site.units)
    out: dict[str, str] = {}
    several = len(site.units) > 1
    for unit in site.units:
        prefix = site.prefix(unit)
        links = [("各单位", urls.link(urls.HOME, UNITS))] if several and unit is site.units[0] else []
        options = pages.Options(directory_urls, links, templates, several, pdf)
        for path, text in pages.all_pages(unit, chart, options=options).items():
            out[prefix + path] = text
    out[pages.HELP] = pages.help_page(site.units[0], pages.Options(directory_urls, [], templates))
    if several:
        out[UNITS] = unit_index(site, templates)
    out[answer_data.PATH] = answer_data.script(site, directory_urls)
    return out


def unit_index(site: Site, templates: Path | None = None) -> str:
    """The unit index: every unit of the site, with its head, leaders and sectors counted."""
    rows = []
    for unit in site.units:
        home = site.prefix(unit) + urls.HOME
        mayor = next((p for p in unit.posts if p.role == "mayor"), None)
        holder = unit.holder(mayor) if mayor else None
        name = Markup(f"[{md(unit.unit.name)}]({urls.link(UNITS, home)})")
        rows.append([name, holder.person if holder else "—", len(unit.posts), len(unit.sectors)])
    return render("units.md", templates, rows=rows)
