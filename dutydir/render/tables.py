"""Rows of the pages' larger tables, as markup cells: earlier leaders, key areas, the lookup table.

The cells are short labels and links; the sentences around the tables are in the templates.
"""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from dutydir.model import dates
from dutydir.model.cover import cover
from dutydir.model.directory import DEFAULT_KIND, Directory, KeyArea, Post, Sector
from dutydir.render import urls
from dutydir.render.escape import md
from dutydir.render.links import NONE, Links

Row = list[Markup | str]


def joined(items: list[Markup]) -> Markup:
    """Markup items joined with 、."""
    return Markup("、").join(items)


def earlier_rows(d: Directory, sector: Sector, links: Links) -> list[Row]:
    """The posts that answered for a sector before, with the holder on each one's last day."""
    rows: list[Row] = []
    for a in reversed([a for a in sector.assignments if a.end is not None and a.end < d.as_of]):
        was = d.post(a.post_id)
        end = a.end or d.as_of
        who = d.holder_on(was, end)
        name = f"{md(who.person)}（{md(was.name)}）" if who else f"{md(was.name)}（空缺）"
        start = dates.iso(a.start or d.notice.date)
        rows.append([Markup(f"[{name}]({links.to(urls.leader_page(was.id))})"), start, dates.iso(end)])
    return rows


def area_posts(d: Directory, area: KeyArea) -> tuple[list[Sector], list[Post], list[Post]]:
    """A key area's sectors, their responsible posts, and those posts' AB partners."""
    sectors = [d.sectors[name] for name in area.sectors]
    posts = list(dict.fromkeys(d.responsible(s) for s in sectors))
    # A sector the AB partner may not take over has no AB backup, whoever the partner is.
    backups = (cover(d, d.responsible(s), s) for s in sectors)
    partners = list(dict.fromkeys(c.partner for c in backups if c.partner is not None))
    return sectors, posts, partners


def key_area_groups(d: Directory, links: Links) -> list[tuple[str, list[Row]]]:
    """Key areas by the notice's grouping, one row each."""
    out = []
    for group, areas in groupby(d.key_areas, key=lambda a: a.group):
        rows: list[Row] = []
        for a in areas:
            sectors, posts, partners = area_posts(d, a)
            row: Row = [
                md(a.name),
                joined([links.sector(s) for s in sectors]) or Markup("**未明确（监管盲区）**"),
                joined([links.leader(p) for p in posts]),
            ]
            row += [joined([links.leader(p) for p in partners])] if d.ab_pairs else []
            row.append(Markup("原文点名") if a.basis == "stated" else Markup("推定：" + md(a.note)))
            rows.append(row)
        out.append((group, rows))
    return out


def sector_row(d: Directory, sector: Sector, links: Links) -> Row:
    """A sector's row of the lookup table."""
    post = d.responsible(sector)
    c = cover(d, post, sector)
    kind = md(sector.kind) if sector.kind != DEFAULT_KIND else ""
    notes = [f"属{links.sector(d.sectors[sector.parent])}"] if sector.parent else []
    areas = d.key_areas_of(sector)
    if areas:
        notes.append("重点领域：" + "、".join(md(a.name) for a in areas))
    liaisons = d.liaisons_of(sector.name)
    if liaisons:
        notes.append("联系：" + "、".join(links.short_leader(p) for p in liaisons))
    if sector.keywords:
        notes.append("检索词：" + "、".join(md(w) for w in sector.keywords))
    if c.excepted:
        backup = Markup(f"不由AB角代理；由{links.short_leader(c.instead)}代理") if c.instead else Markup("不由AB角代理")
    else:
        backup = links.short_leader(c.partner) if c.partner else Markup(NONE)
    row: Row = [
        Markup(f"[{md(sector.name)}]({links.to(urls.sector_page(sector.slug))})"),
        "下级领域" if sector.parent else "行业领域",
        links.short_leader(post) + Markup(kind),
    ]
    return [*row, *([backup] if d.ab_pairs else []), Markup("；".join(notes))]


def lookup_rows(d: Directory, links: Links) -> list[Row]:
    """Every sector, key area and body liaised with, one row each."""
    rows = [sector_row(d, s, links) for s in d.sectors.values()]
    for area in d.key_areas:
        sectors, posts, partners = area_posts(d, area)
        row: Row = [
            Markup(f"[{md(area.name)}]({links.to(urls.KEY_AREAS)})"),
            "重点领域",
            joined([links.short_leader(p) for p in posts]),
        ]
        row += [joined([links.short_leader(p) for p in partners])] if d.ab_pairs else []
        suffix = "（推定）" if area.basis == "inferred" else ""
        rows.append([*row, Markup("属" + "、".join(links.sector(s) for s in sectors) + suffix)])
    for post in d.posts:
        for name in post.liaises:
            if name in d.sectors:
                continue
            row = [md(name), "联系单位", links.short_leader(post) + Markup("联系")]
            rows.append([*row, *([Markup(NONE)] if d.ab_pairs else []), "联系，不属分管领域"])
    return rows


def lookup_examples(d: Directory) -> list[str]:
    """Words to put in the filter's placeholder: two areas or sectors, and the name of a leader of the second."""
    names = [a.name for a in d.key_areas[:2]] or [s.name for s in list(d.sectors.values())[:2]]
    if not names:
        return []
    area = next((a for a in d.key_areas if a.name == names[-1]), None)
    sector = d.sectors[area.sectors[0]] if area and area.sectors else d.sectors.get(names[-1])
    holder = d.holder(d.responsible(sector)) if sector else None
    return names + ([holder.person] if holder else [])
