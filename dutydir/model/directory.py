"""The directory as plain dataclasses: posts, the people holding them, sectors, pairs and rules.

Relations are declared once in the data (a post lists its sectors, a pair names two posts);
the reverse directions are derived here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DEFAULT_KIND = "负责"
PERIOD_WORDS = {"month": "每月", "two_months": "每两个月", "quarter": "每季度", "year": "每年"}


@dataclass(frozen=True)
class Holding:
    """A person's term in a post (Popolo's Membership)."""

    person: str
    """The person's name."""
    title: str
    """The person's full title as written, e.g. 区委副书记、区长."""
    start: dt.date
    """First day in the post."""
    end: dt.date | None = None
    """Last day in the post; None while it lasts."""

    def covers(self, day: dt.date) -> bool:
        """True when the term includes ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Assignment:
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

    def covers(self, day: dt.date) -> bool:
        """True when the assignment is in force on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


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


@dataclass(frozen=True)
class Commissioner:
    """The coordination commissioner post (安全生产协调专员) attached to one leader post."""

    assists: str
    """Id of the leader post assisted."""
    holders: tuple[Holding, ...] = ()
    """Who held the role; empty while nobody is named."""


@dataclass(frozen=True)
class Acting:
    """A temporary stand-in for a post's holder: leave, a trip, study."""

    by: str
    """Who stands in: a post id (its holder on those days) or a person's name."""
    start: dt.date
    """First day."""
    end: dt.date
    """Last day."""
    reason: str = ""
    """Why, when given."""

    def covers(self, day: dt.date) -> bool:
        """True when the stand-in is in force on ``day``."""
        return self.start <= day <= self.end


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


@dataclass(frozen=True)
class AbPair:
    """Two posts that stand in for each other (互为AB角)."""

    posts: tuple[str, str]
    """The two post ids, in the order written."""
    start: dt.date
    """First day of the pairing."""
    end: dt.date | None = None
    """Last day of the pairing; None while it lasts."""

    def covers(self, day: dt.date) -> bool:
        """True when the pairing is in force on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Document:
    """A document cited by number."""

    title: str
    """Its title."""
    number: str
    """Its document number (文号)."""


@dataclass(frozen=True)
class Notice:
    """The notice the directory is drawn from."""

    title: str
    """Title of the notice."""
    number: str
    """Document number, e.g. 新政办〔2022〕4号."""
    issuer: str
    """The issuing office."""
    date: dt.date
    """Date of issue."""
    addressees: str
    """To whom it is addressed."""
    basis: tuple[Document, ...]
    """Documents it rests on."""
    text: str
    """Its cleaned text as Markdown, or '' when none is given."""


@dataclass(frozen=True)
class Body:
    """A body with a duty that is not a leader post (the Safety Committee office, department heads)."""

    name: str
    """What it is called."""
    duty: str
    """Its duty as the notice words it."""
    clause: str
    """Where in the notice."""
    short_name: str = ""
    """Its usual short name, e.g. 区安委办."""
    host: str = ""
    """The bureau that houses it, e.g. 区应急管理局."""


@dataclass(frozen=True)
class Duty:
    """A list of duties the notice sets for a group (section 二)."""

    applies_to: str
    """mayor, members or commissioners."""
    clause: str
    """Where in the notice."""
    items: tuple[str, ...]
    """The duties, one sentence each."""


@dataclass(frozen=True)
class Obligation:
    """A recurring task with a minimum frequency (section 三)."""

    who: str
    """Group bound: mayor_or_executive, members, commissioners, office_director, department_heads."""
    clause: str
    """Where in the notice."""
    what: str
    """What must be done."""
    every: str
    """The longest interval: month, two_months, quarter or year."""
    times: int
    """How many times at least in each interval."""

    @property
    def frequency(self) -> str:
        """The frequency in words, e.g. 每季度至少1次."""
        return f"{PERIOD_WORDS[self.every]}至少{self.times}次"


@dataclass(frozen=True)
class KeyArea:
    """A key area of 四（二） and the sectors it falls under."""

    name: str
    """The area as the notice names it."""
    group: str
    """The notice's grouping, e.g. 人员聚集场所公共安全领域."""
    sectors: tuple[str, ...]
    """Names of the sectors it falls under."""
    basis: str
    """stated when the notice names the sector itself, inferred otherwise."""
    note: str
    """Why an inferred mapping holds."""


@dataclass(frozen=True)
class Unit:
    """The government whose leaders the directory lists."""

    id: str
    """Identifier."""
    name: str
    """Full name."""
    short_name: str
    """Short name, e.g. 新洲区."""


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
        return next((h for h in reversed(post.holders) if h.covers(day)), None)

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

    def current_pairs(self) -> list[AbPair]:
        """AB pairs in force on the directory's day, in the order written."""
        return [p for p in self.ab_pairs if p.covers(self.as_of)]

    def commissioner(self, post: Post) -> Commissioner | None:
        """The commissioner post attached to a leader post."""
        return self.commissioners.get(post.id)

    def commissioner_holder(self, post: Post) -> Holding | None:
        """Who serves as the post's commissioner on the directory's day."""
        c = self.commissioner(post)
        return next((h for h in reversed(c.holders) if h.covers(self.as_of)), None) if c else None

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
