"""Rules between posts: AB pairs, commissioner posts, and the warnings about who covers a vacancy."""

from __future__ import annotations

from dutydir import model
from dutydir.data.build_posts import holdings
from dutydir.data.fields import Record
from dutydir.data.refs import Refs


def pairs(refs: Refs, records: list[Record]) -> list[model.AbPair]:
    """AB pairs: two known, different posts; a post in one pair at a time."""
    out: list[model.AbPair] = []
    for rec in records:
        posts = rec["posts"]
        known = [r for r in posts if r in refs.posts]
        entity = refs.entity_of(known[0]) if known else "AB pair"
        if len(posts) != 2:
            refs.report.add(rec.place("posts"), entity, f"an AB pair names exactly two posts, got {len(posts)}")
            continue
        ids = [refs.post_ref(r, entity, "AB partner") for r in posts]
        if ids[0] is None or ids[1] is None:
            continue
        if ids[0] == ids[1]:
            refs.report.add(rec.place("posts"), entity, "a post cannot be its own AB partner")
            continue
        pair = model.AbPair((ids[0], ids[1]), rec["from"], rec.get("to"))
        earlier = next((e for e in out if set(e.posts) & set(pair.posts) and e.overlaps(pair)), None)
        if earlier is not None:
            pid = sorted(set(earlier.posts) & set(pair.posts))[0]
            other = next(x for x in earlier.posts if x != pid)
            refs.report.add(
                rec.place("posts"), refs.entity_of(pid), f"post '{pid}' is already in an AB pair with '{other}'"
            )
            continue
        out.append(pair)
    return out


def commissioners(refs: Refs, records: list[Record]) -> dict[str, model.Commissioner]:
    """One commissioner post per known leader post, in the notice's order."""
    out: dict[str, model.Commissioner] = {}
    for rec in records:
        pid = refs.post_ref(rec["assists"], str(rec["assists"]), "post assisted")
        if pid is None:
            continue
        if pid in out:
            refs.report.add(rec.place("assists"), refs.entity_of(pid), f"post '{pid}' has two commissioner posts")
            continue
        out[pid] = model.Commissioner(pid, holdings(rec.get("holders", []), f"{pid}'s commissioner", refs.report))
    return dict(sorted(out.items(), key=lambda kv: refs.posts[kv[0]].order))


def vacancies(refs: Refs, directory: model.Directory) -> None:
    """A warning for each post without a holder on the day, naming who covers."""
    for post in directory.posts:
        if directory.holder(post) is None:
            partner = directory.partner(post)
            cover = (
                f"; {refs.entity_of(partner.id)} ({partner.id}) covers as AB partner"
                if partner
                else "; it has no AB partner"
            )
            refs.report.warn(refs.records[post.id].place("id"), post.id, f"post is vacant on {refs.day}{cover}")
