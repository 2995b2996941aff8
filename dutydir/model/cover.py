"""Who covers for a leader who is away: the AB partner, a post named instead for some sectors, the C角."""

from __future__ import annotations

from dataclasses import dataclass

from dutydir.model.directory import Directory, Post, Sector


@dataclass(frozen=True)
class Cover:
    """Who stands in for a post's holder, for its work as a whole or for one sector."""

    partner: Post | None
    """The AB partner who covers; None when there is none or the sector is excepted."""
    excepted: bool
    """True when the sector is one the AB partner may not take over."""
    instead: Post | None
    """Who covers an excepted sector instead; None when nobody but the responsible leader may."""
    fallback: Post | None
    """The C角 post, when the holder and the partner are both away."""
    fallback_words: str
    """The C角 in words, when the notice names no post (e.g. 由区长另行指定)."""

    @property
    def anyone(self) -> bool:
        """True when somebody covers at all."""
        return bool(self.partner or self.instead or self.fallback or self.fallback_words)


def cover(d: Directory, post: Post, sector: Sector | None = None) -> Cover:
    """Who covers for the post on the directory's day, for ``sector`` if given, else for its work as a whole."""
    partner = d.partner(post)
    rule = d.exception(sector) if sector is not None else None
    fallback, words = d.fallback(post)
    if rule is not None:
        instead = d.post(rule.by) if rule.by else None
        return Cover(None, True, instead, None, "")
    return Cover(partner, False, None, fallback if partner else None, words if partner else "")
