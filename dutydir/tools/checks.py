"""What a personnel command refuses as senseless and what it warns about, before the file is touched.

兼任 (one person in two posts) is legal and only warned about; being one's own AB partner or one's
own stand-in is refused, since nobody would cover while that person is away. A stand-in must be
someone the data already names, unless the clerk says the person is new (--new-person), so that a
typo (邓灰 for 邓辉) never becomes a new person silently.
"""

from __future__ import annotations

import datetime as dt

from dutydir.model.directory import Directory, Post
from dutydir.tools import names
from dutydir.tools.errors import EditError


def posts_held(d: Directory, person: str, day: dt.date) -> list[Post]:
    """The posts a person holds on a day, in the notice's order."""
    return [p for p in d.posts if (h := d.holder_on(p, day)) is not None and h.person == person]


def appointee(d: Directory, post: Post, person: str, day: dt.date) -> list[str]:
    """Refuse an appointment that makes a person their own AB partner; warn of 兼任.

    A new name is normal here (a new leader), so unlike a stand-in it is not questioned.
    """
    partner = d.partner_on(post, day)
    held = [p for p in posts_held(d, person, day) if p.id != post.id]
    label = names.post_label(d, post, day)
    if partner is not None and partner in held:
        raise EditError(
            f"{person}已任{names.post_label(d, partner, day)}，该职务与{label}互为AB角；"
            f"同一人不能是自己的AB角。请先调整AB角（dutydir pair），再任命"
        )
    warnings = [
        f"{person}同时任{names.post_label(d, other, day)}和{label}（兼任）；如是调任，请另行任命或空缺原职务"
        for other in held
    ]
    return warnings


def not_own_partner(d: Directory, a: Post, b: Post, day: dt.date) -> None:
    """Refuse pairing two posts held by one person on the day."""
    ha, hb = d.holder_on(a, day), d.holder_on(b, day)
    if ha is not None and hb is not None and ha.person == hb.person:
        raise EditError(
            f"{ha.person}同时任{names.post_label(d, a, day)}和{names.post_label(d, b, day)}，同一人不能是自己的AB角"
        )


def stand_in(d: Directory, post: Post, by: str, day: dt.date, new_person: bool) -> tuple[Post | None, list[str]]:
    """Who stands in: a leader's post, or a person the data names; a new person only when the clerk says so."""
    holder = d.holder_on(post, day)
    if holder is not None and by == holder.person:
        raise EditError(f"{by}不能代理自己的工作")
    try:
        other: Post | None = names.find_post(d, by, day)
    except EditError:
        other = None
    if other is not None:
        if other.id == post.id:
            raise EditError(f"{names.who(d, post, day)}不能代理自己的工作")
        return other, []
    known = names.people(d)
    if by in known:
        return None, []
    if not new_person:
        close = names.nearest(by, known)
        ask = f"，是否指“{close}”？" if close else "。"
        raise EditError(f"没有名为“{by}”的领导{ask}如确由目录外的人员代理，请加 --new-person")
    return None, [f"“{by}”不在目录中，已作为目录外的人员记入"]
