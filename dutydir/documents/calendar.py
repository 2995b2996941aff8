"""The meeting obligations of section 三 as iCalendar feeds: one per post and one for the whole unit.

Each obligation is a recurring all-day event whose rule says what the notice says (每季度 → every
3 months). The notice names no day: unless the data sets one (``first``), the event sits on the first
day of each period as a reminder to hold it within the period, and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from icalendar import Calendar, Event

from dutydir.documents.meta import clause_text, moment, stamp
from dutydir.model.directory import Directory, Obligation, Post
from dutydir.render.pages import who_words

MONTHS = {"month": 1, "two_months": 2, "quarter": 3, "year": 12}
"""How many months each period of the data spans."""
NO_DAY = "通知未规定具体日期：本日程放在每期的第一天，提醒在本期内安排；具体日期可在数据中为该事项设定（first）。"


def period_start(after: dt.date, months: int) -> dt.date:
    """The first day of the first period (aligned to January) that begins after ``after``."""
    index = (after.month - 1) // months + 1
    year, month0 = after.year + (index * months) // 12, (index * months) % 12
    return dt.date(year, month0 + 1, 1)


def first_days(o: Obligation, notice_day: dt.date) -> list[dt.date]:
    """The start of each of the ``times`` events of an obligation's first period."""
    months = MONTHS[o.every]
    start = o.first or period_start(notice_day, months)
    step = (months * 30) // o.times
    return [start + dt.timedelta(days=k * step) for k in range(o.times)]


def event(d: Directory, o: Obligation, who: str, uid: str, day: dt.date, k: int) -> Event:
    """One recurring event of an obligation."""
    e = Event()
    nth = f"（第{k + 1}次）" if o.times > 1 else ""
    pending = "" if o.first else "（日期待定）"
    e.add("uid", f"{uid}-{k + 1}@dutydir")
    e.add("dtstamp", moment(d).replace(tzinfo=dt.UTC))
    e.add("dtstart", day)
    e.add("dtend", day + dt.timedelta(days=1))
    e.add("rrule", {"freq": "yearly"} if o.every == "year" else {"freq": "monthly", "interval": MONTHS[o.every]})
    e.add("summary", f"{o.what}{nth}（{o.frequency}）{pending}")
    lines = [
        f"责任主体：{who}",
        f"事项：{o.what}",
        f"最低频次：{o.frequency}",
        f"依据：{d.notice.number} {o.clause}：{clause_text(d, o.clause)}".rstrip("："),
    ]
    if d.obligations_note:
        lines.append(d.obligations_note)
    lines.append(f"日期：由数据设定，首次为{o.first.isoformat()}。" if o.first else NO_DAY)
    lines.append(stamp(d))
    e.add("description", "\n".join(lines))
    e.add("categories", ["安全生产"])
    e.add("transp", "TRANSPARENT")
    return e


def feed(d: Directory, name: str, items: Sequence[tuple[Obligation, str]], scope: str) -> bytes:
    """A calendar of obligations, each with the words for who is bound by it."""
    cal = Calendar()
    cal.add("prodid", "-//dutydir//安全生产责任目录//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", stamp(d))
    for i, (o, who) in enumerate(items, start=1):
        for k, day in enumerate(first_days(o, d.notice.date)):
            cal.add_component(event(d, o, who, f"{d.unit.id}-{scope}-{i}", day, k))
    return cal.to_ical()


def post_calendar(d: Directory, post: Post) -> bytes:
    """The obligations binding one leader post, with its holder named."""
    holder = d.holder(post)
    who = f"{holder.person}（{post.name}）" if holder else f"{post.name}（空缺）"
    items = [(o, who) for o in d.obligations_for(post)]
    return feed(d, f"{d.unit.short_name}安全生产工作机制 · {who}", items, post.id)


def unit_calendar(d: Directory) -> bytes:
    """Every obligation of section 三 once, with the group it binds."""
    words = who_words(d)
    items = [(o, words.get(o.who, o.who)) for o in d.obligations]
    return feed(d, f"{d.unit.short_name}安全生产工作机制", items, "unit")
