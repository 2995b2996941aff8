"""What every document carries (the unit, the day it describes, the notice's number) and shared labels."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from dutydir.model import cover, history
from dutydir.model.directory import Directory, Post
from dutydir.render import urls

NONE = "—"
INFERRED = "推定"


def updated(d: Directory) -> dt.date:
    """The day the documents describe (更新日期): the last change in force on the directory's day, else the notice's date.

    Not the build's day: a list changes, and is printed again, only when what it lists changes.
    """
    return max([d.notice.date, *(e.day for e in history.history(d) if e.day <= d.as_of)])


def stamp(d: Directory) -> str:
    """'武汉市新洲区人民政府 · 更新日期2022-03-09 · 依据新政办〔2022〕4号': the line every document carries."""
    return f"{d.unit.name} · 更新日期{updated(d).isoformat()} · 依据{d.notice.number}"


def moment(d: Directory) -> dt.datetime:
    """The fixed timestamp written into documents: midnight of the day described, so a rebuild changes nothing."""
    return dt.datetime.combine(updated(d), dt.time(0, 0))


def leader_label(d: Directory, post: Post) -> str:
    """'丁力（副区长）' for the post's holder on the directory's day, or '副区长（空缺）'."""
    return history.label(d, post, d.as_of)


def partner_label(d: Directory, post: Post) -> str:
    """The AB partner's label, or — when the post has none."""
    partner = d.partner(post)
    return leader_label(d, partner) if partner else NONE


def fallback_label(d: Directory, post: Post) -> str:
    """Who covers when the post's holder and AB partner are both away (C角), as the data says; — when nobody is set."""
    who, words = cover.fallback(d, post)
    return leader_label(d, who) if who else (words or NONE)


def commissioner_label(d: Directory, post: Post) -> str:
    """The commissioner's name (and title), 待明确 while nobody is named, — when the post has no commissioner."""
    if d.commissioner(post) is None:
        return NONE
    holder = d.commissioner_holder(post)
    name = "待明确" if holder is None else holder.person + (f"（{holder.title}）" if holder.title else "")
    return name + (f"（{INFERRED}）" if d.commissioner_basis == "inferred" else "")


def stable_zip(data: bytes, when: dt.datetime) -> bytes:
    """A zip archive (xlsx, docx) rewritten with every member dated ``when``: the same content, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def clause_text(d: Directory, clause: str) -> str:
    """The notice's own paragraph for a clause (e.g. 三（一）), from its text's anchors; '' when not found."""
    anchor = urls.clause_anchor(clause)
    if not anchor or not d.notice.text:
        return ""
    lines = d.notice.text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == f"{{ #{anchor} }}" and i > 0:
            return lines[i - 1].strip()
    return ""
