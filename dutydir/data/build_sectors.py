"""Sectors from the posts' sector entries: dated assignments, the one in force, page names, keywords, key areas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass, field, replace

from dutydir import model
from dutydir.data import reserved
from dutydir.data.fields import Record, Report, suggest
from dutydir.data.refs import Refs
from dutydir.model.directory import sector_on
from dutydir.model.slugs import slugify
from dutydir.model.span import first_overlap

Place = tuple[int, int]


@dataclass
class Claims:
    """Every sector entry of every post, gathered before the sectors are made."""

    by_name: dict[str, list[tuple[model.Assignment, Place]]] = field(default_factory=dict)
    """Dated assignments of each sector or scope name, with where each was written."""
    slugs: dict[str, str] = field(default_factory=dict)
    """Page names given in the data."""
    keywords: dict[str, list[Record]] = field(default_factory=dict)
    """The entries that give a sector keywords."""

    def claim(self, s: Record, pid: str, refs: Refs) -> None:
        """Record one sector entry of a post (and its scopes) as dated assignments."""
        report = refs.report
        name = str(s["name"])
        kind = str(s.get("kind", model.DEFAULT_KIND))
        lead = None
        if "assists" in s:
            lead = refs.post_ref(s["assists"], name, "牵头职务", zh="协助（assists）所写的牵头职务")
            if lead == pid:
                report.add(s.place("assists"), name, "协助（assists）要写牵头的另一个职务，不能是本职务")
                lead = None
            elif lead is not None and "kind" not in s:
                kind = f"协助{refs.posts[lead].name}负责"
        start, end = s.get("from"), s.get("to")
        children = tuple(str(c["name"]) for c in s.get("children", []))
        top = model.Assignment(pid, kind, start, end, None, children, lead)
        if top.reversed_days():
            report.add(s.place("to"), name, f"分管结束日（{end}）早于开始日（{start}）")
        self.by_name.setdefault(name, []).append((top, (s.line, s.column)))
        for entry, parent in [(s, None), *((c, name) for c in s.get("children", []))]:
            entry_name = str(entry["name"])
            if parent is not None:
                scope = replace(top, parent=parent, children=(), lead=None)
                self.by_name.setdefault(entry_name, []).append((scope, (entry.line, entry.column)))
            if "slug" in entry:
                self.slugs.setdefault(entry_name, str(entry["slug"]))
            if "keywords" in entry:
                self.keywords.setdefault(entry_name, []).append(entry)


def make_sectors(claims: Claims, day: dt.date, report: Report) -> tuple[dict[str, model.Sector], dict[str, Place]]:
    """The sectors as of the day, with where each is first written; a name claimed twice at once is an error."""
    sectors: dict[str, model.Sector] = {}
    places: dict[str, Place] = {}
    for name, found in claims.by_name.items():
        ordered = sorted(found, key=lambda c: c[0].start or dt.date.min)
        for i, (b, place_b) in enumerate(ordered):
            clash = first_overlap([a for a, _ in ordered[:i]], b)
            if clash is None:
                continue
            place_a = next(place for a, place in ordered if a is clash)
            (first_place, first), (second_place, second) = sorted([(place_a, clash), (place_b, b)], key=lambda x: x[0])
            where = "" if first.post_id == second.post_id else f"职务“{first.post_id}”"
            message = f"这一领域被同时分管两次：职务“{second.post_id}”在此分管，{where}在第 {first_place[0]} 行已分管"
            report.add(second_place, name, message)
        assignments = tuple(a for a, _ in ordered)
        slug = claims.slugs.get(name) or slugify(name) or f"sector-{len(sectors) + 1}"
        first = assignments[0]
        sector = model.Sector(name, slug, first.post_id, first.kind, first.parent, first.children, first.start)
        sectors[name] = sector_on(replace(sector, assignments=assignments, lead=first.lead), day)
        places[name] = min(place for _, place in found)
    return sectors, places


def check_slugs(
    sectors: dict[str, model.Sector], places: dict[str, Place], report: Report, given: Container[str] = ()
) -> None:
    """Page names must be free (not reserved, not too long), and two sectors must not share one (水务 and 税务 are both shui-wu)."""
    seen: dict[str, str] = {}
    for sector in sectors.values():
        problem = reserved.slug_problem(sector.slug, sector.name in given)
        if problem:
            report.add(places[sector.name], sector.name, problem)
        elif sector.slug in seen:
            report.add(
                places[sector.name],
                sector.name,
                f"网页名“{sector.slug}”与领域“{seen[sector.slug]}”的相同；请给其中一个写 'slug:'",
            )
        seen[sector.slug] = sector.name


def add_keywords(sectors: dict[str, model.Sector], claims: Claims, report: Report) -> None:
    """Give sectors their search keywords; one that names a sector would lead readers to two pages."""
    for name, entries in claims.keywords.items():
        words: list[str] = []
        for word in (w for rec in entries for w in rec.get("keywords", [])):
            if word in sectors:
                message = f"检索词“{word}”就是一个领域的名称，搜索本来就能按名称找到它"
                report.add((word.line, word.column), name, message)
            elif word in words:
                report.add((word.line, word.column), name, f"检索词“{word}”写了两次")
            else:
                words.append(str(word))
        if words:
            sectors[name] = replace(sectors[name], keywords=tuple(words))


def key_areas(groups: list[Record], sectors: dict[str, model.Sector], report: Report) -> list[model.KeyArea]:
    """Key areas, each falling under known sectors; one under none is a blind spot."""
    out = []
    for g in groups:
        for a in g["areas"]:
            known = []
            for ref in a["sectors"]:
                if ref in sectors:
                    known.append(str(ref))
                else:
                    hint = suggest(str(ref), list(sectors))
                    report.add((ref.line, ref.column), str(a["name"]), f"没有名为“{ref}”的领域{hint}")
            if not a["sectors"]:
                report.add(a.place("sectors"), str(a["name"]), "这一重点领域不属于任何分管领域：监管盲区")
            if a["basis"] == "inferred" and "note" not in a:
                report.add(a.place("basis"), str(a["name"]), "推定的对应关系需要写 'note:' 说明理由")
            out.append(
                model.KeyArea(str(a["name"]), str(g["name"]), tuple(known), str(a["basis"]), str(a.get("note", "")))
            )
    return out
