"""What a notice says besides its posts: its own metadata, the unit and its words, bodies, duties, meetings, key areas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydir.model.words import Words

PERIOD_WORDS = {"month": "每月", "two_months": "每两个月", "quarter": "每季度", "year": "每年"}


@dataclass(frozen=True)
class Document:
    """A document cited by number."""

    title: str
    """Its title."""
    number: str
    """Its document number (文号); '' when unknown."""


@dataclass(frozen=True)
class Notice:
    """The notice the directory is drawn from."""

    title: str
    """Title of the notice."""
    number: str
    """Document number, e.g. 新政办〔2022〕4号; '' when unknown."""
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
    successor: str = ""
    """Its rule that a successor takes over a post's duties, as worded; '' when it has none."""
    successor_clause: str = ""
    """Where it says so."""


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
    first: dt.date | None = None
    """The day of the first meeting, set by the data for calendars; None, as in the notice, which gives no day."""

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
    words: Words = Words()
    """Its own words for its government, head, deputies and scope."""
    site_name: str = ""
    """The site's name as its data gives it; '' leaves mkdocs.yml's."""
