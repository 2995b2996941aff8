"""Leader posts from their records: terms in office and temporary stand-ins."""

from __future__ import annotations

from dutydir import model
from dutydir.data import reserved
from dutydir.data.fields import IDENT_RE, Located, Record, Report, suggest
from dutydir.data.refs import Refs
from dutydir.model.span import first_overlap


def holdings(holders: list[Record], entity: str, report: Report) -> tuple[model.Holding, ...]:
    """Terms in a post, oldest first; a term must end before the next begins."""
    out: list[model.Holding] = []
    for h in holders:
        holding = model.Holding(
            str(h["person"]),
            str(h.get("title", "")),
            h["from"],
            h.get("to"),
            left_for=str(h.get("left_for", "")),
            note=str(h.get("note", "")),
            assumed=h.get("from_basis") == "assumed",
        )
        if holding.left_for and holding.end is None:
            report.add(h.place("left_for"), holding.person, "写了离任去向（left_for），也要写离任日期（to）")
        if holding.reversed_days():
            report.add(h.place("to"), holding.person, f"任职结束日（{holding.end}）早于开始日（{holding.start}）")
        earlier = first_overlap(out, holding)
        if earlier is not None:
            report.add(
                h.place("from"),
                holding.person,
                f"自 {holding.start} 起的任职与{earlier.person}的任职（{entity}）重叠；"
                f"请给{earlier.person}写一个在此之前的结束日期",
            )
        out.append(holding)
    return tuple(out)


def acting(records: list[Record], pid: str, report: Report) -> tuple[model.Acting, ...]:
    """A post's temporary stand-ins, by first day."""
    out: list[model.Acting] = []
    for a in records:
        stand_in = model.Acting(str(a["by"]), a["from"], a["to"], str(a.get("reason", "")))
        if stand_in.reversed_days():
            report.add(a.place("to"), pid, f"代理结束日（{stand_in.end}）早于开始日（{stand_in.start}）")
        if any((o.by, o.start, o.end) == (stand_in.by, stand_in.start, stand_in.end) for o in out):
            report.add((a.line, a.column), pid, f"代理 {stand_in.by} {stand_in.start} 至 {stand_in.end} 重复写了两次")
        out.append(stand_in)
    return tuple(sorted(out, key=lambda x: x.start))


def add_post(refs: Refs, p: Record, order: int) -> bool:
    """Add one leader post (its sectors come later); False when its id is taken."""
    pid = str(p["id"])
    if pid in refs.posts:
        first = refs.records[pid].line
        refs.report.add(p.place("id"), pid, f"职务标识“{pid}”用了两次（第一次在第 {first} 行）")
        return False
    reserved.check_post_id(p, refs.report)
    refs.posts[pid] = model.Post(
        id=pid,
        name=str(p["name"]),
        role=str(p["role"]),
        clause=str(p.get("clause", "")),
        overall=str(p["overall"]) if "overall" in p else None,
        sectors=(),
        holders=holdings(p.get("holders", []), pid, refs.report),
        order=order,
        acting=acting(p.get("acting", []), pid, refs.report),
        liaises=tuple(str(name) for name in liaisons(p)),
        note=str(p.get("note", "")),
    )
    refs.records[pid] = p
    return True


def check_acting(refs: Refs) -> None:
    """A stand-in named by what looks like a post id must name a known post, and not the post itself."""
    for pid, rec in refs.records.items():
        for a in rec.get("acting", []):
            by = a["by"]
            if by == pid:
                refs.report.add(a.place("by"), pid, "职务不能由自己代理")
            elif IDENT_RE.match(by) and by not in refs.posts:
                refs.report.add(
                    a.place("by"), pid, f"代理人“{by}”既不是本单位的职务，也不是人名{suggest(by, list(refs.posts))}"
                )


LIAISON = "联系"
"""A sector entry of this kind is a body the post only liaises with, never one of its sectors."""


def liaisons(p: Record) -> list[Located]:
    """The bodies a post liaises with: its ``liaises``, then sector entries written with ``kind: 联系``."""
    written = [s["name"] for s in p.get("sectors", []) if s.get("kind") == LIAISON]
    return [*p.get("liaises", []), *written]


def check_liaisons(refs: Refs, sectors: dict[str, model.Sector]) -> None:
    """A body a post liaises with (联系) is not also one of its own sectors, nor listed twice."""
    for pid, rec in refs.records.items():
        seen: set[str] = set()
        for name in liaisons(rec):
            sector = sectors.get(name)
            if sector is not None and sector.post_id == pid:
                message = f"“{name}”已是本职务负责的领域，不能同时列为联系（liaises）"
                refs.report.add((name.line, name.column), pid, message)
            elif name in seen:
                refs.report.add((name.line, name.column), pid, f"联系单位“{name}”写了两次")
            seen.add(str(name))
