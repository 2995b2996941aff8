"""The model from a checked record: each stage in its own module, every finding in one report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from dutydir import model
from dutydir.data import build_posts, build_rules, build_sectors, own_partner, reserved, vocabulary
from dutydir.data.fields import Record, Report
from dutydir.data.refs import Refs
from dutydir.data.text_file import TextFileError, read_notice_text
from dutydir.model.notice import plain
from dutydir.model.words import unit_words


def build(record: Record, base: Path, day: dt.date, report: Report, foreign: Mapping[str, str]) -> model.Directory:
    """Build the directory as of ``day``; problems go to the report, which the caller reads."""
    refs = Refs(report, day, foreign)
    for order, p in enumerate(record["posts"]):
        build_posts.add_post(refs, p, order)
    claims = build_sectors.Claims()
    for pid, rec in refs.records.items():
        for s in rec.get("sectors", []):
            if s.get("kind") != build_posts.LIAISON:
                claims.claim(s, pid, refs)
    sectors, places = build_sectors.make_sectors(claims, day, report)
    for pid, post in refs.posts.items():
        tops = tuple(name for name, s in sectors.items() if s.post_id == pid and s.parent is None)
        refs.posts[pid] = replace(post, sectors=tops)
    build_sectors.check_slugs(sectors, places, report, claims.slugs)
    build_posts.check_acting(refs)
    build_sectors.add_keywords(sectors, claims, report)
    build_posts.check_liaisons(refs, sectors)
    c = record.get("commissioners") or Record()
    key_areas = record.get("key_areas") or Record()
    ab_rules = record.get("ab_rules") or Record()
    ab_pairs = build_rules.pairs(refs, record.get("ab_pairs", []), sectors)
    own_partner.check(ab_pairs, refs.posts, record.get("ab_pairs", []), report)
    build_rules.absences_overlap(refs, ab_pairs)
    u = record["unit"]
    reserved.check_unit_id(u, report)
    if "site_name" in u and reserved.SITE_NAME_UNSAFE.search(str(u["site_name"])):
        report.add(u.place("site_name"), str(u["id"]), "网站名称中不能有字符 < > & \" ' `（主题会把它当作 HTML 输出）")
    words = unit_words(str(u.get("level", "区")), {k: str(v) for k, v in (u.get("words") or {}).items()})
    directory = model.Directory(
        unit=model.Unit(u["id"], u["name"], u["short_name"], words, str(u.get("site_name", ""))),
        notice=notice(record["notice"], base, report),
        posts=tuple(refs.posts.values()),
        sectors=sectors,
        ab_pairs=tuple(ab_pairs),
        commissioner_role=str(c.get("role", "")),
        commissioner_duty=str(c.get("duty", "")),
        commissioner_clause=str(c.get("clause", "")),
        commissioners=build_rules.commissioners(refs, c.get("posts", [])),
        commissioner_basis=build_rules.commissioner_basis(c, report),
        commissioner_note=str(c.get("note", "")),
        safety_office=body(record.get("safety_office")),
        department_heads=body(record.get("department_heads"), name=f"{words.departments}主要负责人"),
        duties=tuple(
            model.Duty(str(d["applies_to"]), str(d["clause"]), tuple(map(str, d["items"])))
            for d in record.get("duties", [])
        ),
        obligations=tuple(
            model.Obligation(
                str(o["who"]), str(o["clause"]), str(o["what"]), str(o["every"]), o["times"], o.get("first")
            )
            for o in record.get("obligations", [])
        ),
        obligations_note=str(record.get("obligations_note", "")),
        key_areas=tuple(build_sectors.key_areas(key_areas.get("groups", []), sectors, report)),
        key_areas_clause=str(key_areas.get("clause", "")),
        as_of=day,
        ab_clause=str(ab_rules.get("clause", "")),
        ab_fallback=build_rules.check_fallback(refs, ab_rules, "ab_rules"),
        key_areas_inference_clause=str(key_areas.get("inference_clause", "")),
    )
    build_rules.vacancies(refs, directory)
    vocabulary.attach(directory, record.get("vocabulary", []), report)
    return directory


def notice(n: Record, base: Path, report: Report) -> model.Notice:
    """The notice's metadata, and its text read from text_file beside the data file."""
    text = ""
    if "text_file" in n:
        try:
            text = read_notice_text(base, str(n["text_file"]))
        except TextFileError as e:
            report.add(n.place("text_file"), "notice", e.message)
    basis = tuple(model.Document(str(d["title"]), str(d.get("number", ""))) for d in n.get("basis", []))
    successor = n.get("successor") or Record()
    return model.Notice(
        str(n["title"]),
        str(n.get("number", "")),
        str(n["issuer"]),
        n["date"],
        str(n.get("addressees", "")),
        basis,
        plain(text),
        successor=str(successor.get("text", "")),
        successor_clause=str(successor.get("clause", "")),
        marked=text,
    )


def body(rec: Record | None, name: str = "") -> model.Body | None:
    """A Body from an optional record."""
    if rec is None:
        return None
    return model.Body(
        name=str(rec.get("name", name)),
        duty=str(rec["duty"]),
        clause=str(rec.get("clause", "")),
        short_name=str(rec.get("short_name", "")),
        host=str(rec.get("host", "")),
    )
