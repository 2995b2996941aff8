"""The answer box's data: every sector and leader of the site with the words that lead to them, as a script.

The answer box (docs/javascripts/answer.js) names the responsible leader and who covers above the
search results. It must work from a copy opened as file://, where a page cannot fetch JSON, so
its data is a script setting a global. Lists of words shared by many sectors (the vocabulary
matched alike in every unit) are written once and referred to by number, which keeps the file
small on sites of many units.
"""

from __future__ import annotations

import json
from typing import Any

from dutydir.data.units import Site
from dutydir.model.directory import DEFAULT_KIND, Directory, Post
from dutydir.render import urls

PATH = "javascripts/answer-data.js"
GLOBAL = "DUTYDIR_ANSWERS"


def person(d: Directory, post: Post | None) -> list[str]:
    """[name, post] of whoever holds a post on the directory's day; the post marked vacant when nobody does."""
    if post is None:
        return []
    holder = d.holder(post)
    return [holder.person, post.name] if holder else [f"{post.name}（空缺）", post.name]


class Collector:
    """Gathers the site's records, each list of words written once."""

    def __init__(self, directory_urls: bool) -> None:
        self.directory_urls = directory_urls
        self.lists: dict[tuple[str, ...], int] = {}
        """Each list of words, with its number."""
        self.records: list[dict[str, Any]] = []
        """Sectors and leaders, in the site's order."""

    def words(self, words: tuple[str, ...]) -> int:
        """The number of a list of words, adding it when new."""
        return self.lists.setdefault(words, len(self.lists))

    def url(self, prefix: str, page: str) -> str:
        """A page's URL relative to the site root."""
        return prefix + urls.page_url(page, self.directory_urls)

    def unit(self, d: Directory, prefix: str, label: str) -> None:
        """Add a unit's sectors, then its leaders."""
        for sector in d.sectors.values():
            post = d.responsible(sector)
            areas = tuple(a.name for a in d.key_areas_of(sector) if a.name != sector.name)
            self.records.append(
                {
                    "n": sector.name,
                    "u": self.url(prefix, urls.sector_page(sector.slug)),
                    "w": person(d, post),
                    "k": "" if sector.kind == DEFAULT_KIND else sector.kind,
                    "b": person(d, d.partner(post)),
                    # Key areas and keywords come from the unit's data; the vocabulary is added for search.
                    "a": self.words(areas + sector.keywords),
                    "v": self.words(d.vocabulary.get(sector.name, ())),
                    **({"unit": label} if label else {}),
                }
            )
        for post in d.posts:
            holder = d.holder(post)
            titles = tuple(t for t in (holder.title.split("、") if holder and holder.title else []) if t != post.name)
            self.records.append(
                {
                    "n": holder.person if holder else f"{post.name}（空缺）",
                    "t": post.name,
                    "u": self.url(prefix, urls.leader_page(post.id)),
                    "s": [s.name for s in d.sectors_of(post) if s.parent is None],
                    "o": post.overall or "",
                    "b": person(d, d.partner(post)),
                    "a": self.words(titles),
                    **({"unit": label} if label else {}),
                }
            )

    def data(self) -> dict[str, Any]:
        """The whole data: the word lists and the records."""
        return {"lists": [list(words) for words in self.lists], "records": self.records}


def answer_data(site: Site, directory_urls: bool = True) -> dict[str, Any]:
    """The answer box's data for a site: sectors and leaders of every unit, with their words."""
    collector = Collector(directory_urls)
    several = len(site.units) > 1
    for d in site.units:
        collector.unit(d, site.prefix(d), d.unit.short_name if several else "")
    return collector.data()


def script(site: Site, directory_urls: bool = True) -> str:
    """The data file: one statement setting the global the answer box reads."""
    text = json.dumps(answer_data(site, directory_urls), ensure_ascii=False, separators=(",", ":"))
    # Inside a script, "</" could end it early in an inline copy; escaped, the JSON reads the same.
    text = text.replace("</", "<\\/")
    return f"window.{GLOBAL}={text};\n"
