"""Dates as clerks write them: 2026-12-01, 2026-12-1, 2026/12/1 and 2026年12月1日 all mean one day.

The data file and the command line read dates through :func:`parse_day`, so a date the
command line accepts is never one the checker rejects in the file.
"""

from __future__ import annotations

import datetime as dt
import re

# Year, month and day with one separator kind throughout: '-', '/', '.' or 年…月…日.
DAY_RE = re.compile(
    r"^\s*(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日?)\s*$"
)

FORMS = "2026-12-01、2026-12-1、2026/12/1 或 2026年12月1日"
"""The accepted forms, for messages."""


class BadDay(ValueError):
    """Text that is not a date in any accepted form, or a date that does not exist (2026-02-30)."""


def parse_day(text: str, forms: str = FORMS) -> dt.date:
    """The day a text names; raise BadDay with a Chinese message (offering ``forms``) otherwise."""
    match = DAY_RE.match(text)
    if match is None:
        raise BadDay(f"日期“{text}”无法识别；请写成 {forms}")
    month = match.group("m") or match.group("m2")
    day = match.group("d") or match.group("d2")
    try:
        return dt.date(int(match.group("y")), int(month), int(day))
    except ValueError:
        raise BadDay(f"没有“{text}”这一天") from None
