"""The directory's records as plain dataclasses: posts, the people holding them, sectors, pairs and rules.

Relations are declared once in the data (a post lists its sectors, a pair names two posts);
the reverse directions are derived by ``Directory``'s queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from dutydir.model.span import Span, in_force

DEFAULT_KIND = "负责"


@dataclass(frozen=True)
class Holding(Span):
    """A person's term in a post (Popolo's Membership)."""

    person: str
    """The person's name."""
    title: str
    """The person's full title as written, e.g. 区委副书记、区长."""
    start: dt.date
    """First day in the post; ``dates.UNKNOWN_DAY`` (date.min) when the notice does not say (不详)."""
    end: dt.date | None = None
    """Last day in the post; None while it lasts."""
    left_for: str = ""
    """Where the person went on leaving, e.g. 调任区委副书记."""
    note: str = ""
    """A remark on the person, e.g. 在中央党校学习."""
    assumed: bool = False
    """True when the notice does not give the first day and ``start`` is a placeholder (shown as 假定)."""


@dataclass(frozen=True)
class Assignment(Span):
    """A post's responsibility for a sector over a span of days, as one entry of the data declares it."""

    post_id: str
    """The responsible post."""
    kind: str = DEFAULT_KIND
    """How the post answers for it: 负责, 全面负责, 协助区长负责 …"""
    start: dt.date | None = None
    """First day; None when it dates from the notice itself."""
    end: dt.date | None = None
    """Last day; None while it lasts."""
    parent: str | None = None
    """Name of the sector it is a scope of, for a child sector."""
    children: tuple[str, ...] = ()
    """Names of its scopes, in the notice's order."""
    lead: str | None = None
    """The post that leads it when this post only assists (协助); None otherwise."""


@dataclass(frozen=True)
class Sector:
    """A department, sector or zone whose work safety one post answers for."""

    name: str
    """The name exactly as in the notice."""
    slug: str
    """URL name of its page."""
    post_id: str
    """The responsible post on the directory's day (``Directory.on`` remakes it for another day)."""
    kind: str = DEFAULT_KIND
    """How the post answers for it: 负责, 全面负责, 协助区长负责 …"""
    parent: str | None = None
    """Name of the sector it is a scope of, for a child sector."""
    children: tuple[str, ...] = ()
    """Names of its scopes, in the notice's order."""
    since: dt.date | None = None
    """First day of the current assignment; None when it dates from the notice."""
    assignments: tuple[Assignment, ...] = ()
    """Every assignment of the sector, oldest first."""
    keywords: tuple[str, ...] = ()
    """Words readers search it by that its name lacks; added for search, not the notice's text."""
    lead: str | None = None
    """The post that leads it when the responsible post only assists (协助); None otherwise."""


@dataclass(frozen=True)
class Commissioner:
    """The coordination commissioner post (安全生产协调专员) attached to one leader post."""

    assists: str
    """Id of the leader post assisted."""
    holders: tuple[Holding, ...] = ()
    """Who held the role; empty while nobody is named."""


@dataclass(frozen=True)
class Acting(Span):
    """A temporary stand-in for a post's holder: leave, a trip, study."""

    by: str
    """Who stands in: a post id (its holder on those days) or a person's name."""
    start: dt.date
    """First day."""
    end: dt.date
    """Last day."""
    reason: str = ""
    """Why, when given."""


@dataclass(frozen=True)
class Post:
    """A leader post; duties, pairing and commissioner belong to it, not to its holder."""

    id: str
    """Stable identifier, also the page's URL name."""
    name: str
    """The post, e.g. 副区长."""
    role: str
    """mayor, executive or member: selects the general duties and obligations."""
    clause: str
    """Where the notice sets its duties, e.g. 一（二）1."""
    overall: str | None
    """Overall responsibility, e.g. 对全区安全生产工作负总责."""
    sectors: tuple[str, ...]
    """Names of its top-level sectors, in the notice's order."""
    holders: tuple[Holding, ...]
    """Terms in the post, oldest first."""
    order: int
    """Position in the notice, from 0."""
    acting: tuple[Acting, ...] = ()
    """Temporary stand-ins, oldest first."""
    liaises: tuple[str, ...] = ()
    """Bodies the post only liaises with (联系), in the notice's order; never counted as its sectors."""
    note: str = ""
    """A remark the notice makes on the post."""


@dataclass(frozen=True)
class AbPair(Span):
    """Two posts that stand in for each other (互为AB角)."""

    posts: tuple[str, str]
    """The two post ids, in the order written."""
    start: dt.date
    """First day of the pairing."""
    end: dt.date | None = None
    """Last day of the pairing; None while it lasts."""
    fallback: str = ""
    """The C角 when both are away: a post id, or who arranges cover in words; '' for none."""
    exceptions: tuple[AbException, ...] = ()
    """Sectors a partner may not take over."""


@dataclass(frozen=True)
class AbException:
    """A sector that an AB partner may not take over (e.g. 公安 work is not delegated)."""

    sector: str
    """The sector's name."""
    by: str | None = None
    """The post that covers it instead; None when nobody but the responsible leader may."""


def sector_on(sector: Sector, day: dt.date) -> Sector:
    """The sector with the fields of its assignment in force on ``day``."""
    if not sector.assignments:
        return sector
    a = in_force(sector.assignments, day)
    return replace(
        sector, post_id=a.post_id, kind=a.kind, parent=a.parent, children=a.children, since=a.start, lead=a.lead
    )
