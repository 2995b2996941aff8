"""Corrections: a misspelt name or a wrong date put right, as what it is, not as a personnel change.

A correction rewrites what the data recorded (王伍 → 王五, a term from 2026-12-01 → 2026-12-02);
`dutydir diff` then reports it as 更正, never as 接替.
"""

from __future__ import annotations

import datetime as dt

import yaml

from dutydir.model.directory import Directory, Post
from dutydir.tools import names
from dutydir.tools.edit import Change, holding_nodes
from dutydir.tools.errors import EditError
from dutydir.tools.names import cn
from dutydir.tools.splice import Source, scalar

NOT_A_CHANGE = "这是更正，不是人事变动"


def person_nodes(src: Source) -> list[yaml.ScalarNode]:
    """Every node that names a person: terms of posts and of commissioners, and stand-ins."""
    found: list[yaml.Node | None] = []
    for post in src.items(src.get(src.root, "posts")):
        found += [src.get(h, "person") for h in src.items(src.get(post, "holders"))]
        found += [src.get(a, "by") for a in src.items(src.get(post, "acting"))]
    for c in src.items(src.get(src.get(src.root, "commissioners") or src.root, "posts")):
        found += [src.get(h, "person") for h in src.items(src.get(c, "holders"))]
    return [n for n in found if isinstance(n, yaml.ScalarNode)]


def name(text: str, d: Directory, old: str, new: str) -> Change:
    """Write ``new`` wherever the data names the person ``old``."""
    if old == new:
        raise EditError(f"“{old}”与“{new}”相同，无需更正")
    src = Source(text)
    nodes = [n for n in person_nodes(src) if n.value == old]
    if not nodes:
        raise names.unknown(old, "人员", names.people(d))
    for node in nodes:
        src.set_value(node, scalar(new))
    warnings = []
    if new in names.people(d):
        warnings.append(f"“{new}”已在目录中；更正后这些记录与已有的“{new}”指同一人")
    message = f"已将“{old}”更正为“{new}”（{len(nodes)}处）；{NOT_A_CHANGE}，任职日期不变。"
    return Change(src.result(), message, warnings)


def latest_term(d: Directory, person: str) -> tuple[Post, int]:
    """The post and index of the person's latest term; a name not found gets the nearest one."""
    terms = [(h.start, post.id, i) for post in d.posts for i, h in enumerate(post.holders) if h.person == person]
    if not terms:
        raise names.unknown(person, "领导", list(dict.fromkeys(h.person for p in d.posts for h in p.holders)))
    _, pid, index = max(terms)
    return d.post(pid), index


def date(text: str, d: Directory, person: str, new: dt.date, end: bool) -> Change:
    """Move the first (or with ``end`` the last) day of the person's latest term, and the adjoining term with it."""
    post, index = latest_term(d, person)
    term = post.holders[index]
    src = Source(text)
    nodes = holding_nodes(src, post.id)
    label = names.post_label(d, post, term.start)
    if end:
        if term.end is None:
            raise EditError(f"{person}任{label}的任期尚未结束，没有截止日期可更正")
        old, key, step, what = term.end, "to", 1, "截止日期"
        after = post.holders[index + 1 : index + 2]
        neighbour = index + 1 if after and after[0].start == old + dt.timedelta(days=1) else None
    else:
        old, key, step, what = term.start, "from", -1, "起始日期"
        before = post.holders[index - 1 : index] if index else ()
        neighbour = index - 1 if before and before[0].end == old - dt.timedelta(days=1) else None
    if new == old:
        raise EditError(f"{person}任{label}的{what}已是{cn(new)}，无需更正")
    set_date(src, nodes[index], key, new)
    adjoining = ""
    if neighbour is not None:
        other = post.holders[neighbour]
        moved = new + dt.timedelta(days=step)
        set_date(src, nodes[neighbour], "from" if end else "to", moved)
        adjoining = f"，{other.person}的{'起始' if end else '截止'}日期随之改为{cn(moved)}"
    message = f"已将{person}任{label}的{what}由{cn(old)}更正为{cn(new)}{adjoining}；{NOT_A_CHANGE}。"
    return Change(src.result(), message)


def set_date(src: Source, node: yaml.Node, key: str, day: dt.date) -> None:
    """Set a date key of a term's mapping."""
    assert isinstance(node, yaml.MappingNode)
    src.set_key(node, key, scalar(day))
