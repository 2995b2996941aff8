"""The pages of a whole site: every unit's pages under its prefix, the unit index, and the charts filled in."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from markupsafe import Markup

from dutydir.data.units import Site
from dutydir.render import pages, urls
from dutydir.render.escape import md
from dutydir.render.templating import render

UNITS = "units.md"


def site_pages(
    site: Site, chart: pages.Chart, directory_urls: bool = True, templates: Path | None = None
) -> dict[str, str]:
    """Every generated page of every unit by its source path, plus the unit index when there are several.

    ``chart`` is called once for each different DOT, from several threads at once; ``templates`` is
    the site's folder of its own page templates, if it has one.
    """
    out: dict[str, str] = {}
    several = len(site.units) > 1
    later = Later(chart)
    for unit in site.units:
        prefix = site.prefix(unit)
        links = [("各单位", urls.link(urls.HOME, UNITS))] if several and unit is site.units[0] else []
        options = pages.Options(directory_urls, links, templates, several)
        for path, text in pages.all_pages(unit, later, options=options).items():
            out[prefix + path] = text
    out[pages.HELP] = pages.help_page(site.units[0], pages.Options(directory_urls, [], templates))
    if several:
        out[UNITS] = unit_index(site, templates)
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
