"""What a post answers for on a day: its sectors, what it leads or liaises with, its duties; mixed into ``Directory``."""

from __future__ import annotations

import datetime as dt

from dutydir.model.notice import Duty, KeyArea, Obligation
from dutydir.model.post_index import PostIndex
from dutydir.model.records import Assignment, Post, Sector
from dutydir.model.span import in_force


class ResponsibilityQueries(PostIndex):
    """Sectors and their assignments on ``day`` (default the directory's day), and the notice's general duties."""

    sectors: dict[str, Sector]
    key_areas: tuple[KeyArea, ...]
    duties: tuple[Duty, ...]
    obligations: tuple[Obligation, ...]

    def assisted(self, post: Post, day: dt.date | None = None) -> list[Sector]:
        """Sectors this post leads while another post assists (协助) on ``day``, in the notice's order."""
        on = day or self.as_of
        return [s for s in self.sectors.values() if s.parent is None and self.assignment(s, on).lead == post.id]

    def liaisons_of(self, name: str) -> list[Post]:
        """Posts that liaise with (联系) a body."""
        return [p for p in self.posts if name in p.liaises]

    def assignment(self, sector: Sector, day: dt.date | None = None) -> Assignment:
        """The sector's assignment in force on ``day`` (default the directory's day)."""
        if not sector.assignments:
            return Assignment(
                sector.post_id, sector.kind, sector.since, None, sector.parent, sector.children, sector.lead
            )
        return in_force(sector.assignments, day or self.as_of)

    def sectors_of(self, post: Post, day: dt.date | None = None) -> list[Sector]:
        """The post's sectors on ``day`` (default the directory's day), each top-level one followed by its children."""
        on = day or self.as_of
        out: list[Sector] = []
        for top in self.sectors.values():
            a = self.assignment(top, on)
            if a.parent is None and a.post_id == post.id:
                out.append(top)
                out.extend(self.sectors[c] for c in a.children)
        return out

    def responsible(self, sector: Sector, day: dt.date | None = None) -> Post:
        """The post that answers for a sector on ``day`` (default the directory's day)."""
        return self.post(self.assignment(sector, day).post_id)

    def key_areas_of(self, sector: Sector) -> list[KeyArea]:
        """Key areas that fall under a sector."""
        return [k for k in self.key_areas if sector.name in k.sectors]

    def duties_for(self, post: Post) -> list[Duty]:
        """Section 二 duties that apply to a leader post."""
        group = "mayor" if post.role == "mayor" else "members"
        return [d for d in self.duties if d.applies_to == group]

    def obligations_for(self, post: Post) -> list[Obligation]:
        """Section 三 obligations that bind a leader post."""
        groups = {"members"} if post.role != "mayor" else set()
        if post.role in ("mayor", "executive"):
            groups.add("mayor_or_executive")
        return [o for o in self.obligations if o.who in groups]
