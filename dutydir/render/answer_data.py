"""The answer box's data: every sector and leader of the site with the words that lead to them, as a script.

The answer box (docs/javascripts/answer.js) names the responsible leader and who covers above the
search results. It must work from a copy opened as file://, where a page cannot fetch JSON, so
its data is a script setting a global. Lists of words shared by many sectors (the vocabulary
matched alike in every unit), people and units are written once and referred to by number, and a
page's URL is rebuilt from its unit's folder and its slug or id, which keeps the file small on
sites of many units. A record is a sector (n name, s slug, w responsible, b who covers, a its
key areas and keywords, v vocabulary words, k how it answers when not 负责, x unit) or a leader
post (n holder, t post, i id, l sectors, o overall duty, b who covers, a titles, x unit).
"""

from __future__ import annotations

import json
from typing import Any

from dutydir.data.units import Site
from dutydir.model.directory import DEFAULT_KIND, Directory, Post

PATH = "javascripts/answer-data.js"
GLOBAL = "DUTYDIR_ANSWERS"


class Collector:
    """Gathers the site's records; each list of words, person and unit is written once and referred to by number."""

    def __init__(self) -> None:
        self.lists: dict[tuple[str, ...], int] = {}
        """Each list of words, with its number."""
        self.people: dict[tuple[str, str], int] = {}
        """Each (name, post) shown, with its number."""
        self.units: list[list[str]] = []
        """Each unit's [label, prefix]: the label shown before its answers (none for a single unit), its folder."""
        self.records: list[dict[str, Any]] = []
        """Sectors and leaders, in the site's order."""

    def words(self, words: tuple[str, ...]) -> int:
        """The number of a list of words, adding it when new."""
        return self.lists.setdefault(words, len(self.lists))

    def person(self, d: Directory, post: Post | None) -> int:
        """The number of whoever holds a post on the directory's day (the post marked vacant when nobody); -1 for none."""
        if post is None:
            return -1
        holder = d.holder(post)
        shown = (holder.person, post.name) if holder else (f"{post.name}（空缺）", post.name)
        return self.people.setdefault(shown, len(self.people))

    def unit(self, d: Directory, prefix: str, label: str) -> None:
        """Add a unit's sectors, then its leaders."""
        x = len(self.units)
        self.units.append([label, prefix])
        for sector in d.sectors.values():
            post = d.responsible(sector)
            areas = tuple(a.name for a in d.key_areas_of(sector) if a.name != sector.name)
            record = {
                "n": sector.name,
                "s": sector.slug,
                "w": self.person(d, post),
                "b": self.person(d, d.partner(post)),
                # Key areas and keywords come from the unit's data; the vocabulary is added for search.
                "a": self.words(areas + sector.keywords),
                "v": self.words(d.vocabulary.get(sector.name, ())),
                "x": x,
            }
            if sector.kind != DEFAULT_KIND:
                record["k"] = sector.kind
            self.records.append(record)
        for post in d.posts:
            holder = d.holder(post)
            titles = tuple(t for t in (holder.title.split("、") if holder and holder.title else []) if t != post.name)
            record = {
                "n": holder.person if holder else f"{post.name}（空缺）",
                "t": post.name,
                "i": post.id,
                "l": self.words(tuple(s.name for s in d.sectors_of(post) if s.parent is None)),
                "b": self.person(d, d.partner(post)),
                "a": self.words(titles),
                "x": x,
            }
            if post.overall:
                record["o"] = post.overall
            self.records.append(record)

    def data(self, directory_urls: bool) -> dict[str, Any]:
        """The whole data: how page URLs end, the shared tables, and the records."""
        return {
            "end": "/" if directory_urls else ".html",
            "units": self.units,
            "people": [list(p) for p in self.people],
            "lists": [list(words) for words in self.lists],
            "records": self.records,
        }


def answer_data(site: Site, directory_urls: bool = True) -> dict[str, Any]:
    """The answer box's data for a site: sectors and leaders of every unit, with their words."""
    collector = Collector()
    several = len(site.units) > 1
    for d in site.units:
        collector.unit(d, site.prefix(d), d.unit.short_name if several else "")
    return collector.data(directory_urls)


def script(site: Site, directory_urls: bool = True) -> str:
    """The data file: one statement setting the global the answer box reads."""
    text = json.dumps(answer_data(site, directory_urls), ensure_ascii=False, separators=(",", ":"))
    # Inside a script, "</" could end it early in an inline copy; escaped, the JSON reads the same.
    text = text.replace("</", "<\\/")
    return f"window.{GLOBAL}={text};\n"
