"""The pages of a whole site: every unit's pages under its prefix, and the unit index."""

from __future__ import annotations

from dutydir.data.units import Site
from dutydir.render import pages, search_words, urls
from dutydir.render.escape import md

UNITS = "units.md"


def site_pages(site: Site, chart: pages.Chart, directory_urls: bool = True) -> dict[str, str]:
    """Every generated page of every unit by its source path, plus the unit index when there are several.

    jieba is taught every unit's words first, here and nowhere else: the pages cut their search words
    with it, and Material's search cuts the built pages with it after them.
    """
    search_words.teach_jieba(site.units)
    out: dict[str, str] = {}
    several = len(site.units) > 1
    for unit in site.units:
        prefix = site.prefix(unit)
        links = [("各单位", urls.link(urls.HOME, UNITS))] if several and unit is site.units[0] else []
        for path, text in pages.all_pages(unit, chart, directory_urls, links, named=several).items():
            out[prefix + path] = text
    if several:
        out[UNITS] = unit_index(site)
    return out


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
