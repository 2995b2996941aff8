"""A span of days, first and last day included; holders, assignments, pairs and stand-ins are spans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar


class Span:
    """A span of days from ``start`` to ``end``, both included; None at either side leaves it open.

    A dataclass that declares ``start`` and ``end`` fields gets ``covers`` and ``overlaps`` from here,
    so the rule of what "in force on a day" means is written once.
    """

    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """True when ``day`` falls in the span."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one day."""
        return (self.end is None or other.start is None or other.start <= self.end) and (
            other.end is None or self.start is None or self.start <= other.end
        )

    def reversed_days(self) -> bool:
        """True when the span ends before it starts: a typing error in the data."""
        return self.start is not None and self.end is not None and self.end < self.start


S = TypeVar("S", bound=Span)


def latest_covering(spans: Sequence[S], day: dt.date) -> S | None:
    """The last span in the list that covers ``day``, or None."""
    return next((s for s in reversed(spans) if s.covers(day)), None)


def first_overlap(spans: Sequence[S], span: Span) -> S | None:
    """The first of ``spans`` that shares a day with ``span``, or None."""
    return next((s for s in spans if s.overlaps(span)), None)


def in_force(spans: Sequence[S], day: dt.date) -> S:
    """The span in force on a day; else the latest begun before it; else the first (a sector still to come)."""
    current = latest_covering(spans, day)
    if current is not None:
        return current
    begun = [s for s in spans if s.start is None or s.start <= day]
    return begun[-1] if begun else spans[0]
