"""Dates as notices give them: a day, a month (2007年7月), a year, or not at all (不详)."""

from __future__ import annotations

import datetime as dt

UNKNOWN = "不详"
# A first day the notice does not give: earlier than any real day, so the term covers every day up to its end.
UNKNOWN_DAY = dt.date.min


class Approx(dt.date):
    """A date known only to the month or the year; it counts as the first day of that month or year."""

    precision: str
    """'month' or 'year'."""

    def __new__(cls, year: int, month: int = 1, precision: str = "year") -> Approx:
        """The first day of the month (precision 'month') or of the year (precision 'year')."""
        self = super().__new__(cls, year, month, 1)
        self.precision = precision
        return self

    def __reduce__(self) -> tuple[type, tuple[int, int, str]]:
        return (Approx, (self.year, self.month, self.precision))


def iso(day: dt.date | None) -> str:
    """2022-03-09, 2007-07 for a month, 2007 for a year, 不详 for None."""
    if day is None or day == UNKNOWN_DAY:
        return UNKNOWN
    if isinstance(day, Approx):
        return f"{day.year:04d}" if day.precision == "year" else f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def cn(day: dt.date | None) -> str:
    """2026年12月1日, 2007年7月 for a month, 2007年 for a year, 不详 for None."""
    if day is None or day == UNKNOWN_DAY:
        return UNKNOWN
    if isinstance(day, Approx):
        return f"{day.year}年" if day.precision == "year" else f"{day.year}年{day.month}月"
    return f"{day.year}年{day.month}月{day.day}日"
