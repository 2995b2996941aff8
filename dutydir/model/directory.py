"""The directory as plain dataclasses: posts, the people holding them, sectors, pairs and rules.

Relations are declared once in the data (a post lists its sectors, a pair names two posts);
the reverse directions are derived here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dutydir.model.notice import PERIOD_WORDS, Body, Document, Duty, KeyArea, Notice, Obligation, Unit
from dutydir.model.span import Span, latest_covering

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
    """The responsible post on the directory's day."""
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


@dataclass
class Directory:
    """Everything one data file says, with lookups in both directions."""

    unit: Unit
    """The government."""
    notice: Notice
    """The source notice."""
    posts: tuple[Post, ...]
    """Leader posts in the notice's order."""
    sectors: dict[str, Sector]
    """Every sector and child sector by name, in the notice's order."""
    ab_pairs: tuple[AbPair, ...]
    """AB pairings, current and past."""
    commissioner_role: str
    """Who may serve as coordination commissioner."""
    commissioner_duty: str
    """What commissioners do."""
    commissioner_clause: str
    """Where in the notice commissioners are set up."""
    commissioners: dict[str, Commissioner]
    """Commissioner post by the id of the leader post assisted."""
    safety_office: Body | None
    """The Safety Committee office."""
    department_heads: Body | None
    """The department heads' responsibility."""
    duties: tuple[Duty, ...]
    """Section 二."""
    obligations: tuple[Obligation, ...]
    """Section 三."""
    obligations_note: str
    """The notice's remark on adjusting the meeting schedule."""
    key_areas: tuple[KeyArea, ...]
    """Section 四（二）."""
    key_areas_clause: str
    """Where in the notice the key areas are listed."""
    as_of: dt.date
    """The day the directory describes: who holds what on that day."""
    vocabulary: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Words of the shipped vocabulary and the unit's own entries by sector; added for search, not the notice's."""
    ab_clause: str = ""
    """Where the notice sets up AB pairs."""
    ab_fallback: str = ""
    """The C角 of every pair that names none: a post id, or words; '' for none."""
    key_areas_inference_clause: str = ""
    """The clause an inferred key-area mapping rests on."""
    _posts_by_id: dict[str, Post] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._posts_by_id = {p.id: p for p in self.posts}

    def post(self, post_id: str) -> Post:
        """The post with this id."""
        return self._posts_by_id[post_id]

    def holder(self, post: Post) -> Holding | None:
        """Who holds the post on the directory's day; None for a vacancy."""
        return self.holder_on(post, self.as_of)

    def holder_on(self, post: Post, day: dt.date) -> Holding | None:
        """Who holds the post on a given day."""
        return latest_covering(post.holders, day)

    def acting_now(self, post: Post) -> Acting | None:
        """The stand-in in force on the directory's day, if any."""
        return next((a for a in post.acting if a.covers(self.as_of)), None)

    def acting_name(self, acting: Acting) -> str:
        """The stand-in's name: the holder of the post named by id on its first day, else the name as given."""
        if acting.by in self._posts_by_id:
            holder = self.holder_on(self.post(acting.by), acting.start)
            return holder.person if holder else f"{self.post(acting.by).name}（空缺）"
        return acting.by

    def partner(self, post: Post) -> Post | None:
        """The post paired with this one (AB角) on the directory's day."""
        return self.partner_on(post, self.as_of)

    def partner_on(self, post: Post, day: dt.date) -> Post | None:
        """The post paired with this one (AB角) on a given day."""
        for pair in self.ab_pairs:
            if pair.covers(day) and post.id in pair.posts:
                other = pair.posts[1] if pair.posts[0] == post.id else pair.posts[0]
                return self.post(other)
        return None

    def pair_of(self, post: Post) -> AbPair | None:
        """The AB pair the post is in on the directory's day."""
        return next((p for p in self.ab_pairs if p.covers(self.as_of) and post.id in p.posts), None)

    def assisted(self, post: Post) -> list[Sector]:
        """Sectors this post leads while another post assists (协助), in the notice's order."""
        return [s for s in self.sectors.values() if s.lead == post.id and s.parent is None]

    def liaisons_of(self, name: str) -> list[Post]:
        """Posts that liaise with (联系) a body."""
        return [p for p in self.posts if name in p.liaises]

    def current_pairs(self) -> list[AbPair]:
        """AB pairs in force on the directory's day, in the order written."""
        return [p for p in self.ab_pairs if p.covers(self.as_of)]

    def commissioner(self, post: Post) -> Commissioner | None:
        """The commissioner post attached to a leader post."""
        return self.commissioners.get(post.id)

    def commissioner_holder(self, post: Post) -> Holding | None:
        """Who serves as the post's commissioner on the directory's day."""
        c = self.commissioner(post)
        return latest_covering(c.holders, self.as_of) if c else None

    def sectors_of(self, post: Post) -> list[Sector]:
        """The post's sectors, each top-level one followed by its children."""
        out: list[Sector] = []
        for name in post.sectors:
            top = self.sectors[name]
            out.append(top)
            out.extend(self.sectors[c] for c in top.children)
        return out

    def responsible(self, sector: Sector) -> Post:
        """The post that answers for a sector."""
        return self.post(sector.post_id)

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


# The notice's other records, re-exported: callers import them from here as before.
__all__ = [
    "PERIOD_WORDS",
    "Body",
    "Document",
    "Duty",
    "KeyArea",
    "Notice",
    "Obligation",
    "Unit",
]
