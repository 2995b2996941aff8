"""Same data, same day, same bytes: the build's date is the day the directory is built for, not the clock's.

MkDocs dates each page (the sitemap's lastmod) and the sitemap.xml.gz header with today's date unless
SOURCE_DATE_EPOCH is set (reproducible-builds.org). The directory's own date is its as-of day, which the
pages already print ("本目录所列为 … 的任职情况"), so the build takes it from there. Everything else the
build writes depends only on the data and the project's files (tests/test_reproducible.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os


def epoch_of(day: dt.date) -> int:
    """Seconds since 1970 at 00:00 UTC of the day."""
    return calendar.timegm(day.timetuple())


# What the caller set, if anything, before a build of this process set it (mkdocs serve builds again and again).
CALLER_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")


def pin_build_date(day: dt.date) -> str:
    """Set SOURCE_DATE_EPOCH to the day unless the caller set it; return the value in force."""
    os.environ["SOURCE_DATE_EPOCH"] = CALLER_EPOCH or str(epoch_of(day))
    return os.environ["SOURCE_DATE_EPOCH"]
