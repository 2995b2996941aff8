"""The site's generated pages as Markdown, one template a page kind (render/templates/).

This module gathers what each template needs; the words are in the templates, and every piece
of data text is escaped by the template environment (render/templating.py). Links are relative
``.md`` paths that MkDocs checks and turns into URLs. Charts come in as finished SVG from ``chart``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from markupsafe import Markup

from dutydir.model import history
from dutydir.model.cover import cover
from dutydir.model.directory import Directory, Post, Sector
from dutydir.model.slugs import initial, pinyin_key
from dutydir.model.words import directory_title, group_words
from dutydir.render import document_links, dot, search_words, urls
from dutydir.render.escape import attr, front_matter, md
from dutydir.render.links import Links
from dutydir.render.tables import earlier_rows, key_area_groups, lookup_examples, lookup_rows
from dutydir.render.templating import render

HELP = "help.md"
"""The help page: one for the site, in the main unit's words."""

Chart = Callable[[str], str]
"""Turns DOT text into inline SVG markup."""


@dataclass(frozen=True)
class Options:
    """How a unit's pages are made: its place on the site and the site's own templates."""

    directory_urls: bool = True
    """MkDocs' use_directory_urls, for links inside charts."""
    home_links: list[tuple[str, str]] = field(default_factory=list)
    """(text, target) ways in added to the home page."""
    templates: Path | None = None
    """The site's folder of templates that replace the packaged ones."""
    several: bool = False
    """True on a site of several units: each page names its unit."""
    pdf: bool = True
    """True when the build prints the lists to PDF, so pages link them."""


def all_pages(
    d: Directory,
    chart: Chart,
    directory_urls: bool = True,
    home_links: list[tuple[str, str]] | None = None,
    options: Options | None = None,
    named: bool = False,
) -> dict[str, str]:
    """Every generated page by its source path, in a fixed order; ``home_links`` adds (text, target) ways in.

    ``named`` (a site of several units): each page names its unit. jieba must know the unit's words
    (search_words.teach_jieba) before, as site_pages sees to.
    """
    o = options or Options(directory_urls, home_links or [], several=named)
    pages = {
        urls.HOME: home(d, chart, o),
        urls.LEADERS: leader_index(d, o),
        urls.SECTORS: sector_index(d, o),
        urls.KEY_AREAS: key_areas(d, o),
        urls.MECHANISMS: mechanisms(d, o),
        urls.NOTICE: notice(d, o),
        urls.CHANGES: change_log(d, o),
        urls.LOOKUP: lookup(d, o),
    }
    for post in d.posts:
        pages[urls.leader_page(post.id)] = leader(d, post, chart, o.directory_urls, o)
    for sector in d.sectors.values():
        pages[urls.sector_page(sector.slug)] = sector_page(d, sector, o)
    return pages


def page(name: str, d: Directory, here: str, title: str, o: Options | None, **more: Any) -> str:
    """Render one page kind's template with what every page has: the unit, its words, links from ``here``."""
    o = o or Options()
    return render(
        name,
        o.templates,
        d=d,
        L=Links(d, here),
        w=d.unit.words,
        unit=d.unit,
        urls=urls,
        title=title,
        tags=more.pop("tags", ()),
        title_suffix=d.unit.short_name if o.several else "",
        unit_home=Markup(urls.link(here, urls.HOME)) if o.several else "",
        cover=functools.partial(cover, d),
        who_words=who_words(d),
        duty_words=group_words(d.unit.words),
        docs=document_links.DocumentLinks(here, o.pdf),
        **more,
    )


def who_words(d: Directory) -> dict[str, str]:
    """What each group bound by an obligation is called: the unit's words, or the name its data gives."""
    words = group_words(d.unit.words)
    if d.department_heads is not None:
        words["department_heads"] = d.department_heads.name
    return words


def chart_block(svg: str) -> Markup:
    """Inline SVG in a block that search leaves out (Material skips data-search-exclude)."""
    return Markup(f'<div class="dutydir-chart" data-search-exclude="true">\n{svg}\n</div>')


def home(d: Directory, chart: Chart, o: Options) -> str:
    """The home page: what the directory is, ways in, and the chart of the whole unit."""
    svg = chart_block(chart(dot.district(d, o.directory_urls)))
    return page(
        "home.md",
        d,
        urls.HOME,
        directory_title(d.unit.words, d.unit.short_name),
        o,
        chart=svg,
        more=[(t, Markup(u)) for t, u in o.home_links],
    )


def leader_index(d: Directory, o: Options | None = None) -> str:
    """Leaders in the notice's order, with partner, commissioner and number of sectors."""
    return page("leaders.md", d, urls.LEADERS, "按领导查找", o, any_liaison=any(p.liaises for p in d.posts))


def sector_index(d: Directory, o: Options | None = None) -> str:
    """Sectors grouped by responsible leader, then A–Z by pinyin."""
    ordered = sorted(d.sectors.values(), key=lambda s: pinyin_key(s.name))
    by_initial = [(letter, list(group)) for letter, group in groupby(ordered, key=lambda s: initial(s.name))]
    return page("sectors.md", d, urls.SECTORS, "按行业领域查找", o, by_initial=by_initial)


def leader(d: Directory, post: Post, chart: Chart, directory_urls: bool, o: Options | None = None) -> str:
    """A leader post's page: holder, overall role, sectors, AB partner, commissioner, duties, chart, history."""
    holder = d.holder(post)
    title = f"{holder.person} · {post.name}" if holder else f"{post.name}（空缺）"
    pair = d.pair_of(post)
    excepted = [(d.sectors[e.sector], e) for e in pair.exceptions if e.sector in d.sectors] if pair else []
    mine = [(s, e) for s, e in excepted if s.post_id == post.id]
    svg = chart_block(chart(dot.leader(d, post, directory_urls)))
    words = words_block(search_words.leader_words(d, post))
    return page(
        "leader.md",
        d,
        urls.leader_page(post.id),
        title,
        o,
        post=post,
        chart=svg,
        excepted=mine,
        led=d.assisted(post),
        pagefind_words=words,
    )


def sector_page(d: Directory, sector: Sector, o: Options | None = None) -> str:
    """A sector's page: the answer first, then responsible leader, who covers, commissioner, parent and scopes."""
    here = urls.sector_page(sector.slug)
    links = Links(d, here)
    post = d.responsible(sector)
    holder = d.holder(post)
    since = [day for day in (sector.since or d.notice.date, holder.start if holder else None) if day]
    areas = d.key_areas_of(sector)
    return page(
        "sector.md",
        d,
        here,
        sector.name,
        o,
        tags=search_words.terms(d, sector),
        sector=sector,
        since=max(since),
        pagefind_words=words_for_pagefind(d, sector),
        vocabulary=d.vocabulary.get(sector.name, ()),
        children=Markup("、").join(links.sector(d.sectors[c]) for c in sector.children),
        areas=Markup("、").join(Markup(f"[{md(a.name)}]({links.to(urls.KEY_AREAS)})") for a in areas),
        liaisons=Markup("、").join(links.leader(p) for p in d.liaisons_of(sector.name)),
        earlier=earlier_rows(d, sector, links),
    )


def words_for_pagefind(d: Directory, sector: Sector) -> Markup:
    """An empty block whose attribute gives Pagefind (large sites) the sector's words, cut apart.

    Pagefind cuts Chinese running text differently from a typed query (城镇燃气的 is not 城镇 / 燃气),
    so the words it should find the page by are given to it already separated; Material's
    search reads no attributes and is unaffected.
    """
    return words_block(search_words.cut_words(d, [sector.name, *search_words.terms(d, sector)]))


def words_block(words: list[str]) -> Markup:
    """The block of words for Pagefind: raw HTML, which Markdown leaves whole, so no word can turn into markup."""
    return Markup(
        f'<div class="dutydir-words" data-pagefind-index-attrs="data-words" data-words="{attr(" ".join(words))}"></div>'
    )


def change_log(d: Directory, o: Options | None = None) -> str:
    """The change log (变更记录): every dated change, newest first; changes still to come apart."""
    events = history.history(d)
    past = [e for e in events if e.day <= d.as_of]
    future = [e for e in events if e.day > d.as_of]
    ordered = sorted(past, key=lambda e: (-e.day.toordinal(), e.order))
    grouped = [(day, list(group)) for day, group in groupby(ordered, key=lambda e: e.day)]
    return page("changes.md", d, urls.CHANGES, "变更记录", o, past=grouped, future=future)


def key_areas(d: Directory, o: Options | None = None) -> str:
    """The key areas, each with its sectors, leaders and AB backups, and how the mapping is known."""
    groups = key_area_groups(d, Links(d, urls.KEY_AREAS))
    inferred = any(a.basis == "inferred" for a in d.key_areas)
    return page("key-areas.md", d, urls.KEY_AREAS, "重点领域", o, groups=groups, inferred=inferred)


def mechanisms(d: Directory, o: Options | None = None) -> str:
    """Meetings and their frequency, then the duties of each group and the bodies with a duty."""
    named = any(c.holders for c in d.commissioners.values())
    return page("mechanisms.md", d, urls.MECHANISMS, "工作机制", o, named_commissioners=named)


def notice(d: Directory, o: Options | None = None) -> str:
    """The notice's cleaned text, which other pages cite by anchor."""
    o = o or Options()
    n = d.notice
    text = n.text if n.text.endswith("\n") or not n.text else n.text + "\n"
    if o.several and text:
        # The unit's name goes under the text's own h1, as on every other page of a site of several units.
        lines = text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        if at is not None:
            lines[at + 1 : at + 1] = ["", f"单位：[{md(d.unit.name)}]({urls.link(urls.NOTICE, urls.HOME)})"]
        text = "\n".join(lines)
    title = f"{n.title} · {d.unit.short_name}" if o.several else n.title
    return page(
        "notice.md", d, urls.NOTICE, n.title, o, front_matter=Markup(front_matter(title)), notice_text=Markup(text)
    )


def help_page(d: Directory, o: Options | None = None) -> str:
    """How to use the site, in the unit's words, explaining only what its data has."""
    kinds = list(dict.fromkeys(["负责", *(s.kind for s in d.sectors.values() if s.parent is None)]))
    return page(
        "help.md",
        d,
        HELP,
        "使用说明",
        o,
        kinds=kinds,
        fallbacks=bool(d.ab_fallback or any(p.fallback for p in d.ab_pairs)),
        liaisons=any(p.liaises for p in d.posts),
        inferred=any(a.basis == "inferred" for a in d.key_areas),
    )


def lookup(d: Directory, o: Options | None = None) -> str:
    """Every sector and key area in one table with its leader and AB backup; the site's script filters its rows."""
    links = Links(d, urls.LOOKUP)
    return page("lookup.md", d, urls.LOOKUP, "速查表", o, rows=lookup_rows(d, links), examples=lookup_examples(d))
