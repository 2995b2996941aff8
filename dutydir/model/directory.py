"""The directory: everything one data file says, with lookups in both directions.

Relations are declared once in the data (a post lists its sectors, a pair names two posts);
the reverse directions are derived by the queries mixed in here (``stand_ins``, ``responsibilities``).
The records themselves are in ``records``; they are re-exported so callers import them from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from dutydir.model.notice import PERIOD_WORDS, Body, Document, Duty, KeyArea, Notice, Obligation, Unit
from dutydir.model.records import (
    DEFAULT_KIND,
    AbException,
    AbPair,
    Acting,
    Assignment,
    Commissioner,
    Holding,
    Post,
    Sector,
    sector_on,
)
from dutydir.model.responsibilities import ResponsibilityQueries
from dutydir.model.stand_ins import StandInQueries


@dataclass
class Directory(StandInQueries, ResponsibilityQueries):
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
    commissioner_basis: str
    """stated when the notice gives each leader one commissioner, inferred when the directory lays them out so."""
    commissioner_note: str
    """Why an inferred layout holds."""
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

    def on(self, day: dt.date) -> Directory:
        """The same directory as of another day, from the same load: sectors and posts follow the day's assignments."""
        sectors = {name: sector_on(s, day) for name, s in self.sectors.items()}
        posts = tuple(
            replace(p, sectors=tuple(n for n, s in sectors.items() if s.post_id == p.id and s.parent is None))
            for p in self.posts
        )
        return replace(self, posts=posts, sectors=sectors, as_of=day)


# The records and the notice's other records, re-exported: callers import them from here as before.
__all__ = [
    "DEFAULT_KIND",
    "PERIOD_WORDS",
    "AbException",
    "AbPair",
    "Acting",
    "Assignment",
    "Body",
    "Commissioner",
    "Document",
    "Duty",
    "Holding",
    "KeyArea",
    "Notice",
    "Obligation",
    "Post",
    "Sector",
    "Unit",
    "sector_on",
]
