"""The directory as Popolo JSON (popoloproject.com): persons, organizations, posts and dated memberships.

A post exists on its own and people hold it through memberships with start and end dates, as in the
data. Coordination commissioner posts are posts too, vacant while nobody is named.
"""

from __future__ import annotations

import hashlib
import json

from dutydir.documents.meta import INFERRED, updated
from dutydir.model import history
from dutydir.model.directory import Directory, Holding

SCHEMA_FILE = "popolo.schema.json"
"""The JSON Schema (beside this module) the output is checked against."""


def person_id(d: Directory, name: str) -> str:
    """A stable id for a person, from the unit and the name (names are all the data has of a person)."""
    return f"{d.unit.id}/person/{hashlib.sha256(name.encode('utf-8')).hexdigest()[:12]}"


def membership(d: Directory, post_id: str, org: str, label: str, role: str, h: Holding, n: int) -> dict[str, object]:
    """One term in a post as a Popolo membership."""
    out: dict[str, object] = {
        "id": f"{post_id}/membership/{n}",
        "person_id": person_id(d, h.person),
        "organization_id": org,
        "post_id": post_id,
        "role": role,
        "label": h.title or label,
        "start_date": h.start.isoformat(),
    }
    if h.end is not None:
        out["end_date"] = h.end.isoformat()
    return out


def popolo(d: Directory) -> dict[str, object]:
    """The unit as a Popolo export: its government, its leader and commissioner posts, people and memberships."""
    org = f"{d.unit.id}/organization/government"
    people: dict[str, dict[str, object]] = {}
    posts: list[dict[str, object]] = []
    memberships: list[dict[str, object]] = []
    for post in d.posts:
        pid = f"{d.unit.id}/post/{post.id}"
        posts.append(
            {
                "id": pid,
                "label": post.name,
                "other_label": [{"name": f"{post.name}（{d.notice.number}{post.clause}）", "note": "通知中的位置"}],
                "role": post.role,
                "organization_id": org,
            }
        )
        for n, h in enumerate(post.holders, start=1):
            people.setdefault(h.person, {"id": person_id(d, h.person), "name": h.person})
            memberships.append(membership(d, pid, org, post.name, post.role, h, n))
    mark = f"（{INFERRED}）" if d.commissioner_basis == "inferred" else ""
    for assists, c in d.commissioners.items():
        pid = f"{d.unit.id}/post/{assists}/commissioner"
        label = f"安全生产协调专员（协助{history.label(d, d.post(assists), d.as_of)}）{mark}"
        posts.append({"id": pid, "label": label, "role": "commissioner", "organization_id": org})
        for n, h in enumerate(c.holders, start=1):
            people.setdefault(h.person, {"id": person_id(d, h.person), "name": h.person})
            memberships.append(membership(d, pid, org, label, "commissioner", h, n))
    # "meta" is this project's addition (Popolo defines only the four lists): what every document carries.
    return {
        "meta": {
            "unit": d.unit.name,
            "updated": updated(d).isoformat(),
            "notice": d.notice.number,
            **({"commissioner_posts_inferred": d.commissioner_note} if mark else {}),
        },
        "persons": list(people.values()),
        "organizations": [
            {
                "id": org,
                "name": d.unit.name,
                "other_names": [{"name": d.unit.short_name}],
                "classification": "government",
            }
        ],
        "posts": posts,
        "memberships": memberships,
    }


def popolo_json(d: Directory) -> bytes:
    """The Popolo export as UTF-8 JSON text, keys in a fixed order."""
    return (json.dumps(popolo(d), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
