"""People, posts and sectors named as the notice names them, and found again from what a clerk types.

A post is called by its name and the sectors it answers for, 副区长（交通运输、国资、金融）, as the
notice lists leaders; a clerk may name it that way, by its holder, by its bare name when only one
post has it, or by its id. A name that matches nothing gets the nearest known one as a suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from dutydir.model.dates import cn
from dutydir.model.directory import Directory, Post
from dutydir.tools.errors import EditError

SHOWN_SECTORS = 3
"""How many sectors a post's label lists before '等N个领域'."""

MORE_RE = re.compile(r"等\d+个领域$")
LABEL_RE = re.compile(r"^(?P<name>[^（(]+)[（(](?P<inside>.*)[）)]$")


class NameError_(EditError):
    """A name that matches nothing, or more than one thing; the message says which and suggests."""


def sectors_on(d: Directory, post: Post, day: dt.date) -> list[str]:
    """The top-level sectors a post answers for on a day, in the notice's order."""
    return [
        s.name
        for s in d.sectors.values()
        if s.parent is None and any(a.post_id == post.id and a.covers(day) for a in s.assignments)
    ]


def post_label(d: Directory, post: Post, day: dt.date) -> str:
    """'副区长（交通运输、国资、金融）'; the bare name when no other post shares it or it has no sectors."""
    names = sectors_on(d, post, day)
    if not names or sum(p.name == post.name for p in d.posts) == 1:
        return post.name
    shown = (
        "、".join(names) if len(names) <= SHOWN_SECTORS else "、".join(names[:SHOWN_SECTORS]) + f"等{len(names)}个领域"
    )
    return f"{post.name}（{shown}）"


def who(d: Directory, post: Post, day: dt.date) -> str:
    """'副区长（交通运输、国资、金融）丁力', or '副区长（交通运输、国资、金融）（空缺）'."""
    holder = d.holder_on(post, day)
    return post_label(d, post, day) + (holder.person if holder else "（空缺）")


def people(d: Directory) -> list[str]:
    """Everyone the data names: leaders, commissioners and stand-ins named in person, in file order."""
    found = [h.person for p in d.posts for h in p.holders]
    found += [h.person for c in d.commissioners.values() for h in c.holders]
    found += [a.by for p in d.posts for a in p.acting if a.by not in {q.id for q in d.posts}]
    return list(dict.fromkeys(found))


def nearest(word: str, choices: list[str]) -> str | None:
    """The known name closest to a likely typo (丁历 → 丁力), or None."""
    # Two-character names differ by one character at a ratio of 0.5, so the cutoff sits there.
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return close[0] if close else None


def unknown(word: str, what: str, choices: list[str]) -> NameError_:
    """'没有名为“城镇燃汽”的行业领域，是否指“城镇燃气”？'."""
    close = nearest(word, choices)
    return NameError_(f"没有名为“{word}”的{what}" + (f"，是否指“{close}”？" if close else ""))


def find_post(d: Directory, ref: str, day: dt.date) -> Post:
    """A post by its holder on a day, its label (副区长（交通运输）), its bare name when unique, or its id."""
    if ref in {p.id for p in d.posts}:
        return d.post(ref)
    held = [p for p in d.posts if (h := d.holder_on(p, day)) is not None and h.person == ref]
    if len(held) == 1:
        return held[0]
    if len(held) > 1:
        listed = "、".join(f"“{post_label(d, p, day)}”" for p in held)
        raise NameError_(f"{ref}在{cn(day)}兼任{len(held)}个职务：{listed}；请写职务而不写姓名")
    match = LABEL_RE.match(ref)
    name, inside = (match.group("name"), match.group("inside")) if match else (ref, "")
    # A label as this tool prints it ends with '等6个领域'; typed back, it names the sectors it lists.
    wanted = [w for w in re.split(r"[、，,\s]+", MORE_RE.sub("", inside)) if w]
    # A post is also called by a full title its holders had (区委副书记、区长), which stays with a vacant post.
    named = [p for p in d.posts if p.name == name] or [p for p in d.posts if any(h.title == name for h in p.holders)]
    fitting = [p for p in named if set(wanted) <= set(sectors_on(d, p, day))] or [
        # A shortened sector (交通 for 交通运输) is taken when no sector has that exact name.
        p
        for p in named
        if all(any(w in s for s in sectors_on(d, p, day)) for w in wanted)
    ]
    if len(fitting) == 1:
        return fitting[0]
    if len(fitting) > 1:
        listed = "、".join(f"“{who(d, p, day)}”" for p in fitting)
        example = post_label(d, fitting[0], day)
        if wanted:
            raise NameError_(
                f"有{len(fitting)}个{name}的分管领域含“{'、'.join(wanted)}”：{listed}；请写出完整的领域名称，如“{example}”"
            )
        raise NameError_(f"有{len(fitting)}个职务名为“{name}”：{listed}；请在括号中写明分管领域，如“{example}”")
    if named:
        raise NameError_(
            f"没有分管“{'、'.join(wanted)}”的{name}；{name}有：" + "、".join(f"“{who(d, p, day)}”" for p in named)
        )
    holders = list(dict.fromkeys(h.person for p in d.posts for h in p.holders))
    if ref in holders:
        start, pid = max((h.start, p.id) for p in d.posts for h in p.holders if h.person == ref)
        label = post_label(d, d.post(pid), day)
        if start > day:
            raise NameError_(
                f"{ref}自{cn(start)}起才任{label}，{cn(day)}不任任何职务；"
                f"如日期录错，请更正：dutydir correct date {ref} 正确日期"
            )
        raise NameError_(f"{ref}在{cn(day)}不任任何职务；{ref}原任的职务请写作“{label}”")
    labels = list(dict.fromkeys(post_label(d, p, day) for p in d.posts))
    close = nearest(ref, holders + labels)
    if close is None:
        raise NameError_(f"没有名为“{ref}”的领导或职务；请写领导姓名，或像“{labels[-1]}”这样写职务")
    raise NameError_(f"没有名为“{ref}”的{'领导' if close in holders else '职务'}，是否指“{close}”？")


def find_sector(d: Directory, name: str) -> str:
    """A sector's name as the data writes it; a typo gets the nearest name."""
    if name in d.sectors:
        return name
    raise unknown(name, "行业领域", list(d.sectors))
