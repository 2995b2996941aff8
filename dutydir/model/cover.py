"""Who covers for a leader who is away: the AB partner, a post named instead for some sectors, the C角."""

from __future__ import annotations

from dataclasses import dataclass

from dutydir.model.directory import AbException, Directory, Post, Sector


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


def fallback(d: Directory, post: Post) -> tuple[Post | None, str]:
    """The C角 when the post and its partner are both away: (a post, '') or (None, words); (None, '') for none."""
    pair = d.pair_of(post)
    if pair is None:
        return None, ""
    ref = pair.fallback or d.ab_fallback
    known = {p.id for p in d.posts}
    if ref in known and ref not in pair.posts:
        return d.post(ref), ""
    return None, ref if ref not in known else ""


def exception(d: Directory, sector: Sector) -> AbException | None:
    """The rule that the responsible post's AB partner may not take this sector over (or its parent), if any."""
    pair = d.pair_of(d.responsible(sector))
    names = {sector.name, sector.parent}
    return next((e for e in pair.exceptions if e.sector in names), None) if pair else None


def cover(d: Directory, post: Post, sector: Sector | None = None) -> Cover:
    """Who covers for the post on the directory's day, for ``sector`` if given, else for its work as a whole."""
    partner = d.partner(post)
    rule = exception(d, sector) if sector is not None else None
    c_post, words = fallback(d, post)
    if rule is not None:
        instead = d.post(rule.by) if rule.by else None
        return Cover(None, True, instead, None, "")
    return Cover(partner, False, None, c_post if partner else None, words if partner else "")
