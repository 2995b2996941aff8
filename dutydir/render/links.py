"""Links and names as they appear on one page: leaders, sectors and clauses of the notice, as markup.

Each method escapes the data it puts in; templates print the result as it is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from markupsafe import Markup

from dutydir.model.directory import DEFAULT_KIND, Directory, Post, Sector
from dutydir.render import urls
from dutydir.render.escape import md

NONE = "—"
ANCHOR_RE = re.compile(r"\{\s*#([A-Za-z0-9_-]+)")


@functools.lru_cache(maxsize=64)
def anchors(text: str) -> frozenset[str]:
    """The anchors a notice's text sets with attribute lists, e.g. { #s1-2 }."""
    return frozenset(ANCHOR_RE.findall(text))


@dataclass(frozen=True)
class Links:
    """Links from one page (``here``) of a unit's directory."""

    d: Directory
    """The unit's directory."""
    here: str
    """Source path of the page the links are on."""

    def to(self, page: str, anchor: str = "") -> Markup:
        """A relative link target to another page of the unit."""
        return Markup(urls.link(self.here, page, anchor))

    def cite(self, clause: str) -> Markup:
        """通知一（二）3, linked to the clause when the unit's notice text has its anchor; — for none."""
        if not clause:
            return Markup(NONE)
        anchor = urls.clause_anchor(clause)
        if anchor and anchor in anchors(self.d.notice.text):
            return Markup(f"[通知{md(clause)}]({urls.link(self.here, urls.NOTICE, anchor)})")
        return Markup(f"通知{md(clause)}")

    def person(self, post: Post) -> str:
        """The post's holder's name, or 空缺."""
        holder = self.d.holder(post)
        return holder.person if holder else "空缺"

    def leader(self, post: Post, short: bool = False) -> Markup:
        """'[name](page)（title）' for a post's holder (the post's name when ``short``), or the vacant post linked."""
        holder = self.d.holder(post)
        target = urls.link(self.here, urls.leader_page(post.id))
        if holder is None:
            return Markup(f"[{md(post.name)}（空缺）]({target})")
        title = post.name if short else holder.title or post.name
        return Markup(f"[{md(holder.person)}]({target})（{md(title)}）")

    def short_leader(self, post: Post) -> Markup:
        """'[name](page)（post）', shorter than the full title; the vacant post linked."""
        return self.leader(post, short=True)

    def name(self, post: Post) -> Markup:
        """'[name](page)' for a post's holder, or the vacant post linked."""
        target = urls.link(self.here, urls.leader_page(post.id))
        return Markup(f"[{md(self.person(post))}]({target})")

    def sector(self, sector: Sector, kind: bool = True) -> Markup:
        """A link to a sector's page, with its kind when more than 负责."""
        shown = kind and sector.kind != DEFAULT_KIND and sector.parent is None
        suffix = f"（{md(sector.kind)}）" if shown else ""
        return Markup(f"[{md(sector.name)}]({urls.link(self.here, urls.sector_page(sector.slug))}){suffix}")

    def body(self, name: str) -> Markup:
        """A body's name, linked to its sector page when it is also a sector of the unit."""
        sector = self.d.sectors.get(name)
        return self.sector(sector, kind=False) if sector else Markup(md(name))

    def commissioner(self, post: Post) -> Markup:
        """The commissioner's name, 待明确 while nobody is named, — when the post has none."""
        if self.d.commissioner(post) is None:
            return Markup(NONE)
        holder = self.d.commissioner_holder(post)
        name = "待明确" if holder is None else md(holder.person) + (f"（{md(holder.title)}）" if holder.title else "")
        # The notice may set commissioners up without giving each leader one: then the row itself is inferred.
        return Markup(name + ("（推定）" if self.d.commissioner_basis == "inferred" else ""))
