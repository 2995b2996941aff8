"""The pages of a whole site: every unit's pages under its prefix, the unit index, and the charts filled in."""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

from dutydir.data.units import Site
from dutydir.render import answer_data, pages, urls
from dutydir.render.escape import attr, md

UNITS = "units.md"
TITLE_RE = re.compile(r'\A---\ntitle: "(.*)"\n')


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
    """Every generated page of every unit by its source path, the unit index when there are several, the answer data.

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
    out[answer_data.PATH] = answer_data.script(site, directory_urls)
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
