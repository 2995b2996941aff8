"""Section 一 of the notice (明确安全生产责任分工), written again from the data in the notice's own words.

When the division of work changes, an office drafts a new notice from this. On the shipped data it
matches the notice's section 一 word for word, punctuation aside: that is how the tests know the data
holds the whole division of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from dutydir.model.directory import DEFAULT_KIND, Directory, Post, Sector

TITLE = "一、明确安全生产责任分工"
CN = "一二三四五六七八九十"
# How the notice words each kind of responsibility; {0} is the list of sectors. A kind not listed here
# (a new one in the data) is written as the kind followed by the sectors, in the 负责 sentence's shape.
KIND_SENTENCES = {
    DEFAULT_KIND: "负责{0}等部门（单位）、行业（领域）安全生产工作",
    "全面负责": "对{0}的安全生产工作全面负责",
    "协助区长负责": "协助区长负责{0}部门安全生产工作",
}
AB_LEAD = "因实际工作需要，领导同志之间实行AB角工作代理。其中，"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the section, with the clause it is (for the .docx's numbering and the tests)."""

    clause: str
    """Where it stands in the notice, e.g. 一（二）3; '' for an unnumbered paragraph."""
    text: str
    """The paragraph, numbered as in the notice."""


def scoped(d: Directory, sector: Sector) -> str:
    """A sector with its scopes in brackets: 发展改革（粮食、能源、油气长输管线）."""
    return sector.name + (f"（{'、'.join(sector.children)}）" if sector.children else "")


def kind_sentence(kind: str, sectors: list[str]) -> str:
    """The notice's sentence for one kind of responsibility over some sectors."""
    template = KIND_SENTENCES.get(kind, kind + "{0}等部门（单位）、行业（领域）安全生产工作")
    return template.format("、".join(sectors))


def who(d: Directory, post: Post) -> str:
    """'区委常委、区人民政府副区长陈晓红': the holder's full title and name, or the vacant post."""
    holder = d.holder(post)
    if holder is None:
        return f"{post.name}（空缺）"
    return f"{holder.title or post.name}{holder.person}"


def leader_sentence(d: Directory, post: Post) -> str:
    """What one leader answers for: overall role, then the sectors of each kind, in the notice's order."""
    parts = [post.overall] if post.overall else []
    tops = [d.sectors[name] for name in post.sectors]
    for kind, group in groupby(tops, key=lambda s: s.kind):
        parts.append(kind_sentence(kind, [scoped(d, s) for s in group]))
    return who(d, post) + "；".join(parts) + "。"


def level(d: Directory) -> str:
    """The unit's level in its own words: 区, 镇, 县 or 市."""
    return d.unit.words.level


def section_one(d: Directory) -> list[Paragraph]:
    """The paragraphs of section 一, in the notice's order."""
    lv, w = level(d), d.unit.words
    mayor = [p for p in d.posts if p.role == "mayor"]
    members = [p for p in d.posts if p.role != "mayor"]
    out = [Paragraph(p.clause, f"（一）{leader_sentence(d, p)}") for p in mayor]
    n = len(out)
    if members:
        out.append(
            Paragraph(
                f"一（{CN[n]}）",
                f"（{CN[n]}）根据《中华人民共和国安全生产法》等法律法规和{w.government}领导同志工作分工，"
                "按照安全生产“一岗双责”和“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”的要求，"
                f"{lv}人民政府各位{w.members}要督促分管（联系）部门（单位）和行业（领域）全面落实安全生产工作。",
            )
        )
        out += [Paragraph(p.clause, f"{i}.{leader_sentence(d, p)}") for i, p in enumerate(members, start=1)]
        n += 1
    pairs = d.current_pairs()
    if pairs:
        names = "、".join("和".join(who_short(d, d.post(pid)) for pid in pair.posts) for pair in pairs)
        out.append(Paragraph("", f"{AB_LEAD}{names}互为AB角。"))
    if d.commissioner_role:
        out.append(
            Paragraph(
                d.commissioner_clause, f"（{CN[n]}）{d.commissioner_role}作为安全生产协调专员，{d.commissioner_duty}。"
            )
        )
        n += 1
    if d.safety_office:
        office = d.safety_office
        name = f"{office.name}（{office.host}）" if office.host else office.name
        out.append(Paragraph(office.clause, f"（{CN[n]}）{name}{office.duty}。"))
        n += 1
    if d.department_heads:
        out.append(Paragraph(d.department_heads.clause, f"（{CN[n]}）{d.department_heads.duty}。"))
    return out


def who_short(d: Directory, post: Post) -> str:
    """The holder's name alone, as the AB sentence has it; the vacant post otherwise."""
    holder = d.holder(post)
    return holder.person if holder else f"{post.name}（空缺）"


def section_one_text(d: Directory) -> str:
    """Section 一 as plain text: the heading, then one paragraph a line."""
    return "\n".join([TITLE, *(p.text for p in section_one(d))]) + "\n"
