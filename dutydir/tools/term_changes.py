"""Changes to the terms of posts and to stand-ins between two versions, telling corrections from successions.

A term is matched across versions by what did not change: the same dates with another name is a
corrected name (更正), the same person and start with another end is a vacancy, a succession or a
corrected end, and a term that is gone was taken back (撤回). Only a term that is new in the new
version is announced as an appointment (任、接替).
"""

from __future__ import annotations

import datetime as dt

from dutydir.model.directory import Assignment, Directory, Holding, Post
from dutydir.model.history import cn_date, label, scope_of
from dutydir.tools import names

ONE_DAY = dt.timedelta(days=1)

Found = list[tuple[dt.date, str]]


def holder_changes(old: Directory, new: Directory) -> Found:
    """Announcements for every post present in both versions whose terms differ."""
    found: Found = []
    old_posts = {p.id: p for p in old.posts}
    for post in new.posts:
        if post.id in old_posts:
            found += post_terms(new, old_posts[post.id], post)
    return found


def post_terms(new: Directory, before: Post, after: Post) -> Found:
    """The changes between one post's terms in two versions."""
    key = lambda h: (h.person, h.start, h.end)  # noqa: E731 - a title alone is not a change of office
    kept = {key(h) for h in before.holders} & {key(h) for h in after.holders}
    gone = [h for h in before.holders if key(h) not in kept]
    came = [h for h in after.holders if key(h) not in kept]
    found: Found = []
    # Corrections name the post as the notice does (副区长（交通运输、国资、金融）): several posts share a name.
    title = names.post_label(new, after, new.as_of)
    for h in list(came):
        twin = next((o for o in gone if (o.start, o.end) == (h.start, h.end)), None)
        if twin is not None:
            found.append((h.start, f"更正：{title}{twin.person}的姓名更正为{h.person}（任职日期不变）。"))
            gone.remove(twin)
            came.remove(h)
    for h in list(came):
        twin = next((o for o in gone if o.person == h.person and (o.start == h.start or o.end == h.end)), None)
        if twin is None:
            continue
        gone.remove(twin)
        came.remove(h)
        if twin.start != h.start:
            found.append(
                (h.start, f"更正：{h.person}任{title}的起始日期由{cn_date(twin.start)}更正为{cn_date(h.start)}。")
            )
        elif h.end is not None and not any(n.start == h.end + ONE_DAY for n in after.holders):
            if twin.end is None:
                found.append(vacancy(new, after, h))
            else:
                found.append(
                    (h.end, f"更正：{h.person}任{title}的截止日期由{cn_date(twin.end)}更正为{cn_date(h.end)}。")
                )
        elif h.end is None and twin.end is not None and not any(o.start == twin.end + ONE_DAY for o in gone):
            found.append(
                (
                    twin.end + ONE_DAY,
                    f"撤回：{title}自{cn_date(twin.end + ONE_DAY)}起空缺的记录已删除，{h.person}继续任职。",
                )
            )
    for h in list(came):
        # Another name and another start for the same open or ending term: the record was rewritten.
        twin = next((o for o in gone if o.end == h.end), None)
        if twin is not None:
            gone.remove(twin)
            came.remove(h)
            found.append(
                (
                    h.start,
                    f"更正：{title}的任职记录由“{twin.person}，自{cn_date(twin.start)}起”"
                    f"更正为“{h.person}，自{cn_date(h.start)}起”。",
                )
            )
    for h in came:
        predecessor = next((o for o in after.holders if o.end is not None and o.end + ONE_DAY == h.start), None)
        replaced = f"接替{predecessor.person}" if predecessor else ""
        found.append(
            (h.start, f"自{cn_date(h.start)}起，{h.person}{replaced}任{after.name}{scope_of(new, after, h.start)}。")
        )
    for o in gone:
        staying = next((n for n in after.holders if n.end is None and n.start < o.start), None)
        cont = f"，{staying.person}继续任{title}" if staying else ""
        found.append((o.start, f"撤回：原定自{cn_date(o.start)}起{o.person}任{title}的记录已删除{cont}。"))
    return found


def vacancy(new: Directory, post: Post, ended: Holding) -> tuple[dt.date, str]:
    """'自…起，副区长职务空缺（原任祝莹），由AB角…代理。'."""
    assert ended.end is not None
    when = ended.end + ONE_DAY
    partner = new.partner_on(post, when)
    cover = f"由AB角{label(new, partner, when)}代理" if partner else "暂无AB角代理"
    return when, f"自{cn_date(when)}起，{post.name}职务空缺（原任{ended.person}），{cover}。"


def acting_changes(old: Directory, new: Directory) -> Found:
    """New stand-ins announced; one with the same days and another name, or the same name and other days,
    is a correction; stand-ins that are gone are reported as taken back."""
    found: Found = []
    new_acting = {(p.id, a) for p in new.posts for a in p.acting}
    old_acting = {(p.id, a) for p in old.posts for a in p.acting}
    came = sorted(new_acting - old_acting, key=lambda x: (x[1].start, x[0]))
    gone = sorted(old_acting - new_acting, key=lambda x: (x[1].start, x[0]))
    gone = [(pid, a) for pid, a in gone if pid in {p.id for p in new.posts}]
    for pid, stand_in in list(came):
        twin = next(
            (
                (g_pid, g)
                for g_pid, g in gone
                if g_pid == pid and ((g.start, g.end) == (stand_in.start, stand_in.end) or g.by == stand_in.by)
            ),
            None,
        )
        if twin is None:
            continue
        gone.remove(twin)
        came.remove((pid, stand_in))
        was, covered = twin[1], label(new, new.post(pid), stand_in.start)
        if was.by != stand_in.by:
            what = f"代理人由{old.acting_name(was)}更正为{new.acting_name(stand_in)}"
        else:
            what = f"代理时间由{cn_date(was.start)}至{cn_date(was.end)}更正为{cn_date(stand_in.start)}至{cn_date(stand_in.end)}"
        found.append((stand_in.start, f"更正：{new.acting_name(stand_in)}代理{covered}工作的安排，{what}。"))
    for pid, stand_in in came:
        reason = f"（{stand_in.reason}）" if stand_in.reason else ""
        span = f"{cn_date(stand_in.start)}至{cn_date(stand_in.end)}"
        covered = label(new, new.post(pid), stand_in.start)
        found.append((stand_in.start, f"{span}，{new.acting_name(stand_in)}代理{covered}的工作{reason}。"))
    for pid, stand_in in gone:
        span = f"{cn_date(stand_in.start)}至{cn_date(stand_in.end)}"
        covered = label(old, old.post(pid), stand_in.start)
        found.append((stand_in.start, f"撤回：原定{span}由{old.acting_name(stand_in)}代理{covered}工作的安排已取消。"))
    return found


def withdrawn(before: tuple[Assignment, ...], after: tuple[Assignment, ...], day: dt.date) -> Assignment | None:
    """The dated assignment in force on ``day`` in the old version that the new version no longer has at all."""
    current = next((a for a in reversed(before) if a.covers(day)), None)
    if current is None or current.start is None:
        return None
    return None if any((a.post_id, a.start) == (current.post_id, current.start) for a in after) else current
