"""Rules between posts: AB pairs, commissioner posts, and the warnings about who covers a vacancy."""

from __future__ import annotations

from dutydir import model
from dutydir.data.build_posts import holdings
from dutydir.data.fields import IDENT_RE, Record, Report
from dutydir.data.refs import Refs


def pairs(refs: Refs, records: list[Record], sectors: dict[str, model.Sector]) -> list[model.AbPair]:
    """AB pairs: two known, different posts; a post in one pair at a time; their fallback and exceptions."""
    out: list[model.AbPair] = []
    for rec in records:
        posts = rec["posts"]
        known = [r for r in posts if r in refs.posts]
        entity = refs.entity_of(known[0]) if known else "AB角"
        if len(posts) != 2:
            refs.report.add(rec.place("posts"), entity, f"一对AB角应写两个职务，这里写了 {len(posts)} 个")
            continue
        ids = [refs.post_ref(r, entity, "AB角") for r in posts]
        if ids[0] is None or ids[1] is None:
            continue
        if ids[0] == ids[1]:
            refs.report.add(rec.place("posts"), entity, "一个职务不能与自己互为AB角")
            continue
        fallback = check_fallback(refs, rec, entity, (ids[0], ids[1]))
        exceptions = tuple(exception(refs, e, (ids[0], ids[1]), sectors) for e in rec.get("except", []))
        pair = model.AbPair((ids[0], ids[1]), rec["from"], rec.get("to"), fallback, exceptions)
        if pair.end is not None and pair.end < pair.start:
            refs.report.add(rec.place("to"), entity, f"AB角结束日 ({pair.end}) 早于开始日 ({pair.start})")
            continue
        earlier = next((e for e in out if set(e.posts) & set(pair.posts) and e.overlaps(pair)), None)
        if earlier is not None:
            pid = sorted(set(earlier.posts) & set(pair.posts))[0]
            other = next(x for x in earlier.posts if x != pid)
            refs.report.add(
                rec.place("posts"), refs.entity_of(pid), f"{refs.post_name(pid)}已与{refs.post_name(other)}互为AB角"
            )
            continue
        out.append(pair)
    return out


def check_fallback(refs: Refs, rec: Record, entity: str, partners: tuple[str, ...] = ()) -> str:
    """The C角 as written: a post id must name a known post outside the pair; words are taken as they are."""
    ref = rec.get("fallback")
    if ref is None:
        return ""
    if IDENT_RE.match(ref):
        if refs.post_ref(ref, entity, "C角", zh="C角（fallback）") is None:
            return ""
        if ref in partners:
            refs.report.add(rec.place("fallback"), entity, f"C角“{ref}”是这一对AB角中的一方；C角应是另一位领导")
            return ""
    return str(ref)


def exception(refs: Refs, e: Record, partners: tuple[str, str], sectors: dict[str, model.Sector]) -> model.AbException:
    """A sector a partner may not take over: it must be a sector of one of the two; who covers it, if anyone."""
    name = str(e["sector"])
    sector = sectors.get(name)
    if sector is None:
        refs.report.add(e.place("sector"), name, f"AB角例外所写的领域“{name}”不在本单位的分管领域中")
    elif not any(a.post_id in partners for a in sector.assignments):
        refs.report.add(e.place("sector"), name, "AB角例外只能写这一对AB角负责的领域")
    by = refs.post_ref(e["by"], name, "代理职务", zh="代理例外领域的职务（by）") if "by" in e else None
    if by in partners:
        refs.report.add(e.place("by"), name, "例外领域改由AB角以外的领导代理；by 不能是这一对中的一方")
        by = None
    return model.AbException(name, by)


def absences_overlap(refs: Refs, ab_pairs: list[model.AbPair]) -> None:
    """Warn when both partners of a pair have stand-ins on the same days: nobody of the pair is there."""
    for pair in ab_pairs:
        first, second = (refs.posts[p] for p in pair.posts)
        for a in first.acting:
            for b in second.acting:
                if a.overlaps(b) and pair.overlaps(b) and pair.overlaps(a):
                    start, end = max(a.start, b.start), min(a.end, b.end)
                    place = next(
                        r.place("from") for r in refs.records[second.id].get("acting", []) if r["from"] == b.start
                    )
                    refs.report.warn(
                        place,
                        second.id,
                        f"AB角双方（{refs.post_name(first.id)}、{refs.post_name(second.id)}）在 {start} 至 {end} 同时有人代理，即同时不在岗",
                    )


def commissioners(refs: Refs, records: list[Record]) -> dict[str, model.Commissioner]:
    """One commissioner post per known leader post, in the notice's order."""
    out: dict[str, model.Commissioner] = {}
    for rec in records:
        pid = refs.post_ref(rec["assists"], str(rec["assists"]), "专员协助的职务（assists）")
        if pid is None:
            continue
        if pid in out:
            refs.report.add(rec.place("assists"), refs.entity_of(pid), f"{refs.post_name(pid)}写了两个专员职务")
            continue
        out[pid] = model.Commissioner(
            pid, holdings(rec.get("holders", []), f"{refs.post_name(pid)}的专员", refs.report)
        )
    return dict(sorted(out.items(), key=lambda kv: refs.posts[kv[0]].order))


def commissioner_basis(c: Record, report: Report) -> str:
    """stated or inferred; an inferred layout must say why, as an inferred key area must."""
    basis = str(c.get("basis", "stated"))
    if basis == "inferred" and "note" not in c:
        report.add(c.place("basis"), "安全生产协调专员", "推定的专员配置需要写 'note:' 说明理由")
    return basis


def vacancies(refs: Refs, directory: model.Directory) -> None:
    """A warning for each post without a holder on the day, naming who covers."""
    for post in directory.posts:
        if directory.holder(post) is None:
            partner = directory.partner(post)
            cover = f"，由AB角{refs.post_name(partner.id)}代理" if partner else "，且没有AB角"
            refs.report.warn(
                refs.records[post.id].place("id"), post.id, f"{refs.post_label(post.id)}在 {refs.day} 空缺{cover}"
            )
