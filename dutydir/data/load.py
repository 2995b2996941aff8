"""Read a unit's data file, check it, and build the model; every problem is tied to file:line:col."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from dutydir import model
from dutydir.data import own_partner
from dutydir.data.errors import DataError, Problem
from dutydir.data.fields import IDENT_RE, Record, Report, place_of, suggest
from dutydir.data.unit_file import UNIT_FILE
from dutydir.model.slugs import slugify

UTF8_BOM = b"\xef\xbb\xbf"


def load_directory(
    path: str | os.PathLike[str], as_of: dt.date | None = None, foreign: Mapping[str, str] | None = None
) -> tuple[model.Directory, list[Problem]]:
    """Load a data file as of a day (default today); return the model and its warnings.

    ``foreign`` maps post ids of the site's other units to their unit, so that a reference
    across units is reported as such. Raises DataError listing every error, sorted by line.
    """
    return build_checked(check_file(path), as_of, foreign)


@dataclass
class CheckedFile:
    """A data file read once and checked against its declared shape, not yet built into the model."""

    path: str
    """The file as the user named it."""
    record: Record | None
    """The checked record; None when the file is empty or not YAML."""
    report: Report
    """What the checker found so far."""

    def unit_id(self) -> str | None:
        """The unit's id, when the checker could read it."""
        unit = self.record.get("unit") if self.record is not None else None
        return str(unit["id"]) if isinstance(unit, dict) and "id" in unit else None

    def post_ids(self) -> list[str]:
        """The post ids the file declares (as far as the checker could read them)."""
        posts = self.record.get("posts") if self.record is not None else None
        return [str(p["id"]) for p in posts or [] if isinstance(p, dict) and "id" in p]


def check_file(path: str | os.PathLike[str]) -> CheckedFile:
    """Read and check a data file: its one parse; raises DataError only when it cannot be read."""
    shown = os.fspath(path)
    report = Report()
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise DataError([Problem(shown, 1, 1, Path(shown).name, f"cannot read the file: {e.strerror}")]) from None
    root = compose(decode(raw, shown), shown, report)
    record = UNIT_FILE.check(root, Path(shown).name, report) if root is not None else None
    return CheckedFile(shown, record, report)


def build_checked(
    checked: CheckedFile, as_of: dt.date | None = None, foreign: Mapping[str, str] | None = None
) -> tuple[model.Directory, list[Problem]]:
    """The model of a checked file as of a day (default today), with its warnings; raises DataError on any error."""
    shown, record, report = checked.path, checked.record, checked.report
    directory = None
    warnings: list[tuple[int, int, str, str]] = []
    if record is not None and not report.found:
        day = as_of or dt.date.today()
        directory = Builder(record, Path(shown).parent, day, report, warnings, foreign or {}).build()
    problems = [Problem(shown, line, col, entity, msg) for line, col, entity, msg in report.found]
    if problems or directory is None:
        raise DataError(problems or [Problem(shown, 1, 1, Path(shown).name, "the file is empty")])
    return directory, sorted(
        Problem(shown, line, col, entity, msg, warning=True) for line, col, entity, msg in warnings
    )


def decode(raw: bytes, shown: str) -> str:
    """UTF-8 text of the file (a BOM is dropped); a GBK/GB18030 file gets a message on converting it."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        name = Path(shown).name
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            message = "the file is not UTF-8 text; save it as UTF-8"
        else:
            message = (
                "the file is saved as GBK/GB18030, not UTF-8; save it again as UTF-8"
                f" (in Notepad: 另存为 → 编码 UTF-8), or run: iconv -f GB18030 -t UTF-8 {shown} -o {name}.utf8"
            )
        raise DataError([Problem(shown, line, column, name, message)]) from None


def compose(text: str, shown: str, report: Report) -> yaml.Node | None:
    """Parse YAML into nodes, reporting syntax errors, tab indentation and duplicate keys."""
    name = Path(shown).name
    for number, text_line in enumerate(text.splitlines(), start=1):
        indent = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
        if "\t" in indent:
            report.add((number, indent.index("\t") + 1), name, "tab in indentation; indent with spaces")
    if report.found:
        return None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        report.add((line, column), name, f"YAML syntax: {e.problem or e.context}")
        return None
    if root is not None:
        find_duplicate_keys(root, name, report)
    return root


def find_duplicate_keys(node: yaml.Node, name: str, report: Report) -> None:
    """Report every key given twice in one mapping (PyYAML would keep the last silently)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = place_of(seen[key.value])[0]
                        report.add(key, name, f"duplicate key '{key.value}' (first given on line {first})")
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


class Builder:
    """Turns a checked record into the model, resolving every reference by name or id."""

    def __init__(
        self,
        record: Record,
        base: Path,
        day: dt.date,
        report: Report,
        warnings: list[tuple[int, int, str, str]],
        foreign: Mapping[str, str],
    ) -> None:
        self.r = record
        self.foreign = foreign
        self.base = base
        self.day = day
        self.report = report
        self.warnings = warnings
        self.posts: dict[str, model.Post] = {}
        self.post_records: dict[str, Record] = {}
        self.sectors: dict[str, model.Sector] = {}
        self.claims: dict[str, list[tuple[model.Assignment, tuple[int, int]]]] = {}
        self.slugs: dict[str, str] = {}
        self.keyword_records: dict[str, list[Record]] = {}
        self.sector_places: dict[str, tuple[int, int]] = {}

    def build(self) -> model.Directory:
        """Build the directory; problems go to the report."""
        r = self.r
        unit = model.Unit(r["unit"]["id"], r["unit"]["name"], r["unit"]["short_name"])
        notice = self.notice(r["notice"])
        for order, p in enumerate(r["posts"]):
            self.post(p, order)
        self.resolve_sectors()
        self.check_slugs()
        self.check_acting()
        self.keywords()
        pairs = self.pairs(r.get("ab_pairs", []))
        own_partner.check(pairs, self.posts, r.get("ab_pairs", []), self.report)
        c = r.get("commissioners") or Record()
        commissioners = self.commissioners(c.get("posts", []))
        key_areas_record = r.get("key_areas") or Record()
        directory = model.Directory(
            unit=unit,
            notice=notice,
            posts=tuple(self.posts.values()),
            sectors=self.sectors,
            ab_pairs=tuple(pairs),
            commissioner_role=str(c.get("role", "")),
            commissioner_duty=str(c.get("duty", "")),
            commissioner_clause=str(c.get("clause", "")),
            commissioners=commissioners,
            safety_office=body(r.get("safety_office")),
            department_heads=body(r.get("department_heads"), name="区各部门（单位）主要负责人"),
            duties=tuple(
                model.Duty(str(d["applies_to"]), str(d["clause"]), tuple(map(str, d["items"])))
                for d in r.get("duties", [])
            ),
            obligations=tuple(
                model.Obligation(str(o["who"]), str(o["clause"]), str(o["what"]), str(o["every"]), o["times"])
                for o in r.get("obligations", [])
            ),
            obligations_note=str(r.get("obligations_note", "")),
            key_areas=tuple(self.key_areas(key_areas_record.get("groups", []))),
            key_areas_clause=str(key_areas_record.get("clause", "")),
            as_of=self.day,
        )
        self.vacancies(directory)
        return directory

    def notice(self, n: Record) -> model.Notice:
        """The notice's metadata, and its text read from text_file beside the data file."""
        text = ""
        if "text_file" in n:
            path = self.base / n["text_file"]
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as e:
                reason = e.strerror if isinstance(e, OSError) else "not UTF-8 text"
                self.report.add(n.place("text_file"), "notice", f"cannot read text_file '{n['text_file']}': {reason}")
        basis = tuple(model.Document(str(d["title"]), str(d["number"])) for d in n.get("basis", []))
        return model.Notice(
            str(n["title"]), str(n["number"]), str(n["issuer"]), n["date"], str(n.get("addressees", "")), basis, text
        )

    def holdings(self, holders: list[Record], entity: str) -> tuple[model.Holding, ...]:
        """Terms in a post, oldest first; a term must end before the next begins."""
        out: list[model.Holding] = []
        for h in holders:
            holding = model.Holding(str(h["person"]), str(h.get("title", "")), h["from"], h.get("to"))
            if holding.end is not None and holding.end < holding.start:
                self.report.add(
                    h.place("to"), holding.person, f"term ends ({holding.end}) before it starts ({holding.start})"
                )
            if out and (out[-1].end is None or out[-1].end >= holding.start):
                self.report.add(
                    h.place("from"),
                    holding.person,
                    f"term from {holding.start} overlaps {out[-1].person}'s term in {entity}; give {out[-1].person} an end date before it",
                )
            out.append(holding)
        return tuple(out)

    def post(self, p: Record, order: int) -> None:
        """A leader post, its terms and stand-ins; its sectors are recorded as claims for later."""
        pid = str(p["id"])
        if pid in self.posts:
            first = self.post_records[pid].line
            self.report.add(p.place("id"), pid, f"post id '{pid}' is used twice (first on line {first})")
            return
        for s in p.get("sectors", []):
            self.claim(s, pid)
        post = model.Post(
            id=pid,
            name=str(p["name"]),
            role=str(p["role"]),
            clause=str(p.get("clause", "")),
            overall=str(p["overall"]) if "overall" in p else None,
            sectors=(),
            holders=self.holdings(p.get("holders", []), pid),
            order=order,
            acting=self.acting(p.get("acting", []), pid),
        )
        self.posts[pid] = post
        self.post_records[pid] = p

    def acting(self, records: list[Record], pid: str) -> tuple[model.Acting, ...]:
        """A post's temporary stand-ins, by first day."""
        out = []
        for a in records:
            acting = model.Acting(str(a["by"]), a["from"], a["to"], str(a.get("reason", "")))
            if acting.end < acting.start:
                self.report.add(a.place("to"), pid, f"stand-in ends ({acting.end}) before it starts ({acting.start})")
            out.append(acting)
        return tuple(sorted(out, key=lambda x: x.start))

    def claim(self, s: Record, pid: str) -> None:
        """Record one sector entry of a post (and its scopes) as dated assignments."""
        name = str(s["name"])
        kind = str(s.get("kind", model.DEFAULT_KIND))
        start, end = s.get("from"), s.get("to")
        if start is not None and end is not None and end < start:
            self.report.add(s.place("to"), name, f"assignment ends ({end}) before it starts ({start})")
        children = tuple(str(c["name"]) for c in s.get("children", []))
        self.claims.setdefault(name, []).append(
            (model.Assignment(pid, kind, start, end, None, children), (s.line, s.column))
        )
        for entry, parent in [(s, None), *((c, name) for c in s.get("children", []))]:
            entry_name = str(entry["name"])
            if parent is not None:
                assignment = model.Assignment(pid, kind, start, end, parent, ())
                self.claims.setdefault(entry_name, []).append((assignment, (entry.line, entry.column)))
            if "slug" in entry:
                self.slugs.setdefault(entry_name, str(entry["slug"]))
            if "keywords" in entry:
                self.keyword_records.setdefault(entry_name, []).append(entry)

    def resolve_sectors(self) -> None:
        """Turn the claims into sectors as of the day; overlapping claims on one name are errors naming both."""
        for name, claims in self.claims.items():
            ordered = sorted(claims, key=lambda c: c[0].start or dt.date.min)
            for (a, place_a), (b, place_b) in zip(ordered, ordered[1:], strict=False):
                if a.end is None or b.start is None or a.end >= b.start:
                    first, second = sorted([(place_a, a), (place_b, b)], key=lambda x: x[0])
                    where = f"post '{first[1].post_id}' (line {first[0][0]})"
                    if first[1].post_id == second[1].post_id:
                        where = f"line {first[0][0]}"
                    self.report.add(
                        second[0],
                        name,
                        f"sector is claimed twice: by post '{second[1].post_id}' and by {where}",
                    )
            assignments = tuple(a for a, _ in ordered)
            current = pick(assignments, self.day)
            slug = self.slugs.get(name) or slugify(name) or f"sector-{len(self.sectors) + 1}"
            self.sectors[name] = model.Sector(
                name=name,
                slug=slug,
                post_id=current.post_id,
                kind=current.kind,
                parent=current.parent,
                children=current.children,
                since=current.start,
                assignments=assignments,
            )
            self.sector_places[name] = min(place for _, place in claims)
        for pid, post in self.posts.items():
            names = tuple(
                name for name, sector in self.sectors.items() if sector.post_id == pid and sector.parent is None
            )
            self.posts[pid] = replace(post, sectors=names)

    def check_acting(self) -> None:
        """A stand-in named by what looks like a post id must name a known post, and not the post itself."""
        for pid, rec in self.post_records.items():
            for a in rec.get("acting", []):
                by = a["by"]
                if by == pid:
                    self.report.add(a.place("by"), pid, "a post cannot stand in for itself")
                elif IDENT_RE.match(by) and by not in self.posts:
                    self.report.add(
                        a.place("by"), pid, f"unknown post '{by}' standing in{suggest(by, list(self.posts))}"
                    )

    def check_slugs(self) -> None:
        """Two sectors must not share a page name (水务 and 税务 are both shui-wu in plain pinyin)."""
        seen: dict[str, str] = {}
        for sector in self.sectors.values():
            if sector.slug in seen:
                self.report.add(
                    self.sector_places[sector.name],
                    sector.name,
                    f"page name '{sector.slug}' is also that of sector '{seen[sector.slug]}'; give one a 'slug:'",
                )
            seen[sector.slug] = sector.name

    def keywords(self) -> None:
        """Give sectors their search keywords; one that names a sector would lead readers to two pages."""
        for name, entries in self.keyword_records.items():
            words: list[str] = []
            for word in (w for rec in entries for w in rec.get("keywords", [])):
                if word in self.sectors:
                    message = f"keyword '{word}' is the name of a sector, which search finds by its name"
                    self.report.add((word.line, word.column), name, message)
                elif word in words:
                    self.report.add((word.line, word.column), name, f"keyword '{word}' is given twice")
                else:
                    words.append(str(word))
            if words:
                self.sectors[name] = replace(self.sectors[name], keywords=tuple(words))

    def post_ref(self, ref: Any, entity: str, what: str) -> str | None:
        """A reference to a post of this unit, or None after reporting it."""
        if ref in self.posts:
            return str(ref)
        if ref in self.foreign:
            message = f"{what} '{ref}' is a post of unit '{self.foreign[ref]}'; a reference cannot cross units"
        else:
            message = f"unknown {what} '{ref}'{suggest(str(ref), list(self.posts))}"
        self.report.add((ref.line, ref.column), entity, message)
        return None

    def entity_of(self, pid: str | None) -> str:
        """A post's current holder's name, for messages; the id when vacant or unknown."""
        if pid is None or pid not in self.posts:
            return str(pid)
        holder = next((h for h in reversed(self.posts[pid].holders) if h.covers(self.day)), None)
        return holder.person if holder else pid

    def pairs(self, records: list[Record]) -> list[model.AbPair]:
        """AB pairs: two known, different posts; a post in one pair at a time."""
        out: list[model.AbPair] = []
        for rec in records:
            refs = rec["posts"]
            known = [r for r in refs if r in self.posts]
            entity = self.entity_of(known[0]) if known else "AB pair"
            if len(refs) != 2:
                self.report.add(rec.place("posts"), entity, f"an AB pair names exactly two posts, got {len(refs)}")
                continue
            ids = [self.post_ref(r, entity, "AB partner") for r in refs]
            if ids[0] is None or ids[1] is None:
                continue
            if ids[0] == ids[1]:
                self.report.add(rec.place("posts"), entity, "a post cannot be its own AB partner")
                continue
            pair = model.AbPair((ids[0], ids[1]), rec["from"], rec.get("to"))
            for earlier in out:
                shared = set(earlier.posts) & set(pair.posts)
                overlap = (earlier.end is None or earlier.end >= pair.start) and (
                    pair.end is None or pair.end >= earlier.start
                )
                if shared and overlap:
                    pid = sorted(shared)[0]
                    self.report.add(
                        rec.place("posts"),
                        self.entity_of(pid),
                        f"post '{pid}' is already in an AB pair with '{[x for x in earlier.posts if x != pid][0]}'",
                    )
                    break
            else:
                out.append(pair)
        return out

    def commissioners(self, records: list[Record]) -> dict[str, model.Commissioner]:
        """One commissioner post per known leader post, in the notice's order."""
        out: dict[str, model.Commissioner] = {}
        for rec in records:
            pid = self.post_ref(rec["assists"], str(rec["assists"]), "post assisted")
            if pid is None:
                continue
            if pid in out:
                self.report.add(rec.place("assists"), self.entity_of(pid), f"post '{pid}' has two commissioner posts")
                continue
            out[pid] = model.Commissioner(pid, self.holdings(rec.get("holders", []), f"{pid}'s commissioner"))
        return dict(sorted(out.items(), key=lambda kv: self.posts[kv[0]].order))

    def key_areas(self, groups: list[Record]) -> list[model.KeyArea]:
        """Key areas, each falling under known sectors; one under none is a blind spot."""
        out = []
        for g in groups:
            for a in g["areas"]:
                sectors = []
                for ref in a["sectors"]:
                    if ref in self.sectors:
                        sectors.append(str(ref))
                    else:
                        hint = suggest(str(ref), list(self.sectors))
                        self.report.add((ref.line, ref.column), str(a["name"]), f"unknown sector '{ref}'{hint}")
                if not a["sectors"]:
                    self.report.add(
                        a.place("sectors"), str(a["name"]), "key area falls under no sector: a blind spot (监管盲区)"
                    )
                if a["basis"] == "inferred" and "note" not in a:
                    self.report.add(a.place("basis"), str(a["name"]), "an inferred mapping needs a 'note' saying why")
                out.append(
                    model.KeyArea(
                        str(a["name"]), str(g["name"]), tuple(sectors), str(a["basis"]), str(a.get("note", ""))
                    )
                )
        return out

    def vacancies(self, directory: model.Directory) -> None:
        """A warning for each post without a holder on the day, naming who covers."""
        for post in directory.posts:
            if directory.holder(post) is None:
                rec = self.post_records[post.id]
                partner = directory.partner(post)
                cover = (
                    f"; {self.entity_of(partner.id)} ({partner.id}) covers as AB partner"
                    if partner
                    else "; it has no AB partner"
                )
                self.warnings.append((*rec.place("id"), post.id, f"post is vacant on {self.day}{cover}"))


def pick(assignments: tuple[model.Assignment, ...], day: dt.date) -> model.Assignment:
    """The assignment in force on a day; else the latest begun before it; else the first."""
    covering = [a for a in assignments if a.covers(day)]
    if covering:
        return covering[-1]
    begun = [a for a in assignments if a.start is None or a.start <= day]
    return begun[-1] if begun else assignments[0]


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
