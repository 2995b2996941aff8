"""Nobody may be their own AB partner: two paired posts held by one person leave nobody to cover.

Pairs name posts, so the checker looks at who holds each post over the days the pair lasts; one
person holding both (兼任 of two paired posts) on any such day is an error at the pair's line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from dutydir import model
from dutydir.data.fields import Record, Report

FAR = dt.date.max


def check(
    pairs: Sequence[model.AbPair], posts: Mapping[str, model.Post], records: Sequence[Record], report: Report
) -> None:
    """Report each pair whose two posts one person holds on a day the pair is in force."""
    for pair in pairs:
        a, b = (posts[pid] for pid in pair.posts)
        for ha in a.holders:
            for hb in b.holders:
                first = max(pair.start, ha.start, hb.start)
                last = min(pair.end or FAR, ha.end or FAR, hb.end or FAR)
                if ha.person != hb.person or first > last:
                    continue
                rec = next(
                    (r for r in records if list(r["posts"]) == list(pair.posts) and r["from"] == pair.start), None
                )
                place = rec.place("posts") if rec is not None else (1, 1)
                report.add(
                    place,
                    ha.person,
                    f"{ha.person}自{first.isoformat()}起同时任{a.name}（{a.id}）和{b.name}（{b.id}），"
                    "这两个职务互为AB角，同一人不能是自己的AB角",
                )
