"""The documents made from the data, each read back with an independent reader."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import icalendar
import jsonschema
import openpyxl
import pytest
from dateutil.rrule import rrulestr
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run

from dutydir.documents import calendar, listing, notice, notice_docx, popolo, spreadsheet
from dutydir.documents.meta import clause_text, updated
from dutydir.documents.rows import COLUMNS
from dutydir.model.directory import Directory, Obligation, Unit
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "dutydir" / "documents" / popolo.SCHEMA_FILE).read_text(encoding="utf-8"))
PUNCTUATION = re.compile(r"[\s\W_]+")
EVIL = '=HYPERLINK("http://x")</style><script>alert(1)</script>'


def hostile(d: Directory) -> Directory:
    """The directory with a unit name that is a formula, a tag and a style break at once."""
    return dataclasses.replace(d, unit=Unit(d.unit.id, EVIL, "+" + d.unit.short_name))


def words(text: str) -> str:
    """Text without punctuation, spaces or Markdown escapes: what "up to punctuation" compares."""
    return PUNCTUATION.sub("", text.replace("\\", ""))


def notice_section_one() -> str:
    """Section 一 of the shipped notice, without its anchors."""
    text = (ROOT / "data" / "notice.md").read_text(encoding="utf-8")
    section = text.split("## 一、", 1)[1].split("## 二、", 1)[0]
    kept = [line for line in section.splitlines() if not line.startswith("{")]
    return "一、" + "\n".join(kept).replace("{#s1}", "")


def test_section_one_matches_the_notice_up_to_punctuation(directory: Directory) -> None:
    assert words(notice.section_one_text(directory)) == words(notice_section_one())


def test_section_one_misses_a_sector_the_data_lacks(directory: Directory) -> None:
    # The same comparison fails when the data loses a sector: it does test the data.
    post = directory.posts[3]
    fewer = dataclasses.replace(post, sectors=post.sectors[:-1])
    smaller = dataclasses.replace(directory, posts=tuple(fewer if p is post else p for p in directory.posts))
    assert words(notice.section_one_text(smaller)) != words(notice_section_one())


def test_new_kind_is_written_by_its_name() -> None:
    assert notice.kind_sentence("联系", ["消防救援"]) == "联系消防救援等部门（单位）、行业（领域）安全生产工作"


def test_notice_docx_is_laid_out_as_an_official_document(directory: Directory) -> None:
    data = notice_docx.notice_docx(directory)
    assert data == notice_docx.notice_docx(directory)
    doc = docx.Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == directory.notice.title
    assert texts[1] == notice.TITLE
    assert texts[2 : 2 + len(notice.section_one(directory))] == [p.text for p in notice.section_one(directory)]
    assert directory.notice.number in texts[-1] and directory.unit.name in texts[-1]
    title = doc.paragraphs[0].runs[0]
    assert (title.font.size, east_asian(title)) == (Pt(22), "方正小标宋简体")
    body = doc.paragraphs[3].runs[-1]
    assert (body.font.size, east_asian(body)) == (Pt(16), "仿宋")
    section = doc.sections[0]
    margins = [
        round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) if m
    ]
    assert margins == [37, 35, 28, 26]
    grid: Any = section._sectPr.find(qn("w:docGrid"))
    area_h, area_w = 225 / 25.4 * 72, 156 / 25.4 * 72
    assert int(area_h / (int(grid.get(qn("w:linePitch"))) / 20)) == 22
    assert int(area_w / (16 + int(grid.get(qn("w:charSpace"))) / 4096)) == 28
    assert doc.core_properties.created == dt.datetime(2022, 3, 9, tzinfo=dt.UTC)
    stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(2022, 3, 9, 0, 0, 0)}


def east_asian(run: Run) -> str:
    """The font a run names for Chinese text."""
    rpr: Any = run._r.rPr
    return str(rpr.rFonts.get(qn("w:eastAsia")))


def test_workbook_reads_back(directory: Directory) -> None:
    data = spreadsheet.xlsx([directory])
    assert data == spreadsheet.xlsx([directory])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[directory.unit.short_name]
    assert directory.unit.name in ws["A1"].value and directory.notice.number in ws["A1"].value
    assert [c.value for c in ws[2]] == list(COLUMNS)
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:N{len(directory.sectors) + len(directory.key_areas) + 2}"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    gas = next(r for r in rows if r[1] == "燃气")
    assert gas[2:10] == [
        "重点领域（重点行业领域）",
        "城镇燃气",
        "邓辉（区人民政府党组成员）",
        "负责",
        "丁力（副区长）",
        "—",
        "待明确（推定）",
        "通知四（二）",
    ]
    assert gas[11] == "推定：一（二）3列有“城镇燃气”。"
    assert ws.column_dimensions["B"].width >= spreadsheet.text_width("人员聚集场所公共安全领域") // 2
    assert ws.column_dimensions["L"].width == spreadsheet.MAX_WIDTH


def test_the_fallback_appears_where_the_data_sets_one(directory: Directory) -> None:
    d = dataclasses.replace(directory, ab_fallback="quzhang")
    rows = list(csv.reader(io.StringIO(spreadsheet.csv_text(d), newline="")))
    column = rows[0].index("C角（AB角也不在时）")
    assert rows[1][column] == "刘润长（区长）"
    assert "刘润长（区长）（本领导和AB角均不在时）" in listing.post_list(d, d.posts[1])


def test_workbook_has_a_sheet_per_unit(directory: Directory) -> None:
    other = dataclasses.replace(directory, unit=Unit("town", "某某镇人民政府", "某某镇"))
    wb = openpyxl.load_workbook(io.BytesIO(spreadsheet.xlsx([directory, other])))
    assert wb.sheetnames == ["新洲区", "某某镇"]


def test_csv_reads_back_with_a_bom(directory: Directory) -> None:
    data = spreadsheet.csv_bytes(directory)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 1 + len(directory.sectors) + len(directory.key_areas)
    assert rows[1][:6] == ["武汉市新洲区人民政府", "发展改革", "行业领域", "—", "李先勇（常务副区长）", "负责"]
    assert {r[-2] for r in rows[1:]} == {"2022-03-09"} and {r[-1] for r in rows[1:]} == {"新政办〔2022〕4号"}


def test_formulas_stay_text(directory: Directory) -> None:
    d = hostile(directory)
    rows = list(csv.reader(io.StringIO(spreadsheet.csv_bytes(d).decode("utf-8-sig"), newline="")))
    assert rows[1][0] == "'" + EVIL
    data = spreadsheet.xlsx([d])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws["A3"].value == EVIL and ws["A3"].data_type == "s"


EXPECTED_RULES = {
    "quarter": ("MONTHLY", 3),
    "two_months": ("MONTHLY", 2),
    "month": ("MONTHLY", 1),
    "year": ("YEARLY", 1),
}


def test_calendars_parse_back_with_the_notices_rules(directory: Directory) -> None:
    unit = icalendar.Calendar.from_ical(calendar.unit_calendar(directory))
    events: list[Any] = list(unit.walk("VEVENT"))
    assert len(events) == len(directory.obligations)
    for o, e in zip(directory.obligations, events, strict=True):
        rule = e["RRULE"]
        assert (rule["FREQ"][0], rule.get("INTERVAL", [1])[0]) == EXPECTED_RULES[o.every]
        description = str(e["DESCRIPTION"])
        assert clause_text(directory, o.clause) in description and clause_text(directory, o.clause)
        assert calendar.NO_DAY in description and "日期待定" in str(e["SUMMARY"])
        assert directory.notice.number in description
    quarterly = events[0]
    start = quarterly.decoded("DTSTART")
    rule = rrulestr(quarterly["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    assert [d.date() for d in rule[:3]] == [dt.date(2022, 4, 1), dt.date(2022, 7, 1), dt.date(2022, 10, 1)]
    counts = [
        len(list(icalendar.Calendar.from_ical(calendar.post_calendar(directory, p)).walk("VEVENT")))
        for p in directory.posts
    ]
    assert counts == [1, 3] + [2] * (len(directory.posts) - 2)


def test_the_data_can_set_the_day(directory: Directory) -> None:
    o = dataclasses.replace(directory.obligations[0], first=dt.date(2026, 1, 15))
    d = dataclasses.replace(directory, obligations=(o,))
    e: Any
    (e,) = icalendar.Calendar.from_ical(calendar.unit_calendar(d)).walk("VEVENT")
    assert e.decoded("DTSTART") == dt.date(2026, 1, 15)
    assert "日期待定" not in str(e["SUMMARY"]) and calendar.NO_DAY not in str(e["DESCRIPTION"])


def test_twice_a_period_makes_two_events(directory: Directory) -> None:
    o = Obligation("members", "三（一）", "调研", "month", 2)
    events: list[Any] = list(
        icalendar.Calendar.from_ical(calendar.unit_calendar(dataclasses.replace(directory, obligations=(o,)))).walk(
            "VEVENT"
        )
    )
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2022, 4, 1), dt.date(2022, 4, 16)]


def test_popolo_validates_against_the_schema(directory: Directory) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    doc = json.loads(popolo.popolo_json(directory))
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert doc["meta"] == {
        "unit": directory.unit.name,
        "updated": "2022-03-09",
        "notice": directory.notice.number,
        "commissioner_posts_inferred": directory.commissioner_note,
    }
    commissioner_labels = [p["label"] for p in doc["posts"] if p["role"] == "commissioner"]
    assert commissioner_labels[1] == "安全生产协调专员（协助李先勇（常务副区长））（推定）"
    assert all(label.endswith("（推定）") for label in commissioner_labels)
    assert len(doc["memberships"]) == sum(len(p.holders) for p in directory.posts)
    assert len(doc["posts"]) == len(directory.posts) + len(directory.commissioners)
    ids = {p["id"] for p in doc["persons"]}
    assert all(m["person_id"] in ids for m in doc["memberships"])


@pytest.mark.parametrize(
    "spoil",
    [
        lambda doc: doc["memberships"][0].pop("person_id"),
        lambda doc: doc["memberships"][0].update(start_date="2022年3月9日"),
        lambda doc: doc["posts"][0].update(holder="刘润长"),
        lambda doc: doc["persons"][0].pop("name"),
    ],
)
def test_the_schema_rejects_what_popolo_does_not_define(directory: Directory, spoil: Callable[[Any], object]) -> None:
    doc = json.loads(popolo.popolo_json(directory))
    spoil(doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_list_escapes_data_in_html_and_css(directory: Directory) -> None:
    html = listing.unit_lists(hostile(directory))
    assert "<script>" not in html and html.count("</style>") == 1
    assert "&lt;/style&gt;&lt;script&gt;" in html


def test_list_carries_what_a_printed_list_needs(directory: Directory) -> None:
    post = directory.posts[2]
    html = listing.post_list(directory, post)
    for text in (
        "陈晓红",
        "阳逻经济开发区",
        "全面负责",
        "祝莹（副区长）",
        "待明确",
        "新政办〔2022〕4号",
        "更新日期2022-03-09",
        "编制安全生产权责清单",
    ):
        assert text in html
    assert "每两个月至少1次" in html and "<nav" not in html and "<script" not in html
    assert "<th>安全生产协调专员</th><td>待明确（推定）</td>" in html
    assert "标“推定”的协调专员，通知一（三）未写明每位领导各配一名，系本目录推定。" in html


def test_stated_commissioners_carry_no_mark(directory: Directory) -> None:
    """A unit whose notice gives each leader a commissioner says so, and no page or document marks it."""
    stated = dataclasses.replace(directory, commissioner_basis="stated", commissioner_note="")
    post = stated.posts[2]
    assert "推定）</td>" not in listing.post_list(stated, post).split("重点领域")[0]
    assert "标“推定”的协调专员" not in listing.post_list(stated, post)
    doc = json.loads(popolo.popolo_json(stated))
    assert "commissioner_posts_inferred" not in doc["meta"]
    assert not any(p["label"].endswith("（推定）") for p in doc["posts"])


def test_documents_describe_the_last_change_in_force(directory: Directory) -> None:
    post = directory.posts[5]
    old = dataclasses.replace(post.holders[0], end=dt.date(2025, 5, 31))
    new = dataclasses.replace(post.holders[0], person="王五", start=dt.date(2025, 6, 1))
    changed = dataclasses.replace(post, holders=(old, new))
    posts = tuple(changed if p is post else p for p in directory.posts)
    assert updated(dataclasses.replace(directory, posts=posts)) == dt.date(2025, 6, 1)
    # A change still to come is not in force: the documents of 2025-01-01 describe the notice's day.
    assert updated(dataclasses.replace(directory, posts=posts, as_of=dt.date(2025, 1, 1))) == dt.date(2022, 3, 9)
    # So a new day alone prints nothing again.
    assert listing.unit_lists(directory) == listing.unit_lists(
        dataclasses.replace(directory, as_of=dt.date(2026, 6, 1))
    )


def test_documents_are_the_same_for_the_same_data(directory: Directory, tmp_path: Path) -> None:
    assert calendar.unit_calendar(directory) == calendar.unit_calendar(directory)
    assert popolo.popolo_json(directory) == popolo.popolo_json(directory)


def test_notice_command_prints_section_one_and_writes_docx(tmp_path: Path, directory: Directory) -> None:
    from click.testing import CliRunner

    from dutydir.cli import cli

    out = tmp_path / "分工.docx"
    result = CliRunner().invoke(
        cli, ["notice", "--data", str(ROOT / "data" / "leaders.yaml"), "--date", "2026-01-01", "--docx", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == notice.section_one_text(directory)
    assert result.stderr == f"已写入 {out}\n"
    assert [p.text for p in docx.Document(str(out)).paragraphs if p.text][1] == notice.TITLE


def test_notice_command_says_in_chinese_why_the_docx_was_not_written(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutydir.cli import cli

    data = ["notice", "--data", str(ROOT / "data" / "leaders.yaml"), "--date", "2026-01-01", "--docx"]
    out = tmp_path / "无此文件夹" / "分工.docx"
    result = CliRunner().invoke(cli, [*data, str(out)], prog_name="dutydir")
    assert (result.exit_code, result.stderr) == (1, f"dutydir：无法写入 {out}：所在的文件夹不存在\n")
    result = CliRunner().invoke(cli, [*data, str(tmp_path)], prog_name="dutydir")
    assert (result.exit_code, result.stderr) == (
        2,
        f"dutydir：'--docx' 的值无效：{tmp_path} 是文件夹，这里应是文件（用法见 dutydir notice --help）\n",
    )


def test_notice_command_reports_bad_data_in_one_line_each(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutydir.cli import cli

    text = (
        (ROOT / "data" / "leaders.yaml")
        .read_text(encoding="utf-8")
        .replace("    times: 1\n", "    times: 1\n    first: 2026-13-01\n", 1)
    )
    bad = tmp_path / "leaders.yaml"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "notice.md").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["notice", "--data", str(bad)])
    assert result.exit_code == 1 and result.stdout == ""
    line = next(n for n, t in enumerate(text.splitlines(), start=1) if "first: 2026-13-01" in t)
    assert result.stderr.splitlines()[0].startswith(f"{bad}:{line}:")


def test_the_data_may_set_a_first_day(tmp_path: Path) -> None:
    from dutydir.data.load import load_directory

    text = (
        (ROOT / "data" / "leaders.yaml")
        .read_text(encoding="utf-8")
        .replace("    times: 1\n", "    times: 1\n    first: 2026-01-15\n", 1)
    )
    path = tmp_path / "leaders.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "notice.md").write_text((ROOT / "data" / "notice.md").read_text(encoding="utf-8"), encoding="utf-8")
    d, _ = load_directory(path, dt.date(2026, 1, 1))
    assert d.obligations[0].first == dt.date(2026, 1, 15) and d.obligations[1].first is None


def test_a_change_dates_and_reprints_only_the_lists_it_changes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dutydir.build.documents import own_documents
    from dutydir.cli import cli
    from dutydir.data.load import load_directory

    data = tmp_path / "leaders.yaml"
    data.write_bytes((ROOT / "data" / "leaders.yaml").read_bytes())
    (tmp_path / "notice.md").write_bytes((ROOT / "data" / "notice.md").read_bytes())
    day = dt.date(2026, 1, 1)
    before, _ = load_directory(data, day)
    edit = ["appoint", "丁力", "王新任", "--date", "2025-12-01", "--data", str(data)]
    assert CliRunner().invoke(cli, edit).exit_code == 0
    after, _ = load_directory(data, day)
    old, new = own_documents(before, "", [before])[1], own_documents(after, "", [after])[1]
    # The new holder's list and his AB partner's (it names him), and the whole unit's; no other list.
    changed = sorted(path for path in new if new[path] != old[path])
    assert changed == [
        "documents/lists.pdf",
        "documents/lists/dangzu-chengjian.pdf",
        "documents/lists/fuquzhang-jiaotong.pdf",
    ]
    assert {
        listing.list_day(after, p) for p in after.posts if p.id not in ("dangzu-chengjian", "fuquzhang-jiaotong")
    } == {dt.date(2022, 3, 9)}
    html, stamp = new["documents/lists/fuquzhang-jiaotong.pdf"]
    assert stamp == "20251201000000"
    assert "<th>更新日期</th><td>2025-12-01</td>" in html and "所列为2025-12-01起" in html
    assert f"content: {listing.css_string('更新日期2025-12-01')}" in html
    # The whole unit's list: its margins carry the unit's day; each list under its own day.
    whole, _ = new["documents/lists.pdf"]
    assert f"content: {listing.css_string('更新日期2025-12-01')}" in whole
    assert whole.count("更新日期2022-03-09</p>") == len(after.posts) - 2
    # The stylesheet the web lists share names no day: each web list says its own under its title.
    shared = own_documents(after, "", [after])[0]["documents/lists.css"].decode("utf-8")
    assert "@top-right" not in shared and listing.css_string("依据新政办〔2022〕4号") in shared
