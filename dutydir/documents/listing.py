"""The 权责清单 (list of powers and responsibilities, 通知二（二）) of each leader post, as printable HTML.

One self-contained page per post and one for the whole unit: no navigation, no scripts, no request
outside the page. Its print stylesheet puts the unit, the day and the notice's number in every page's
margin, keeps headings with what follows and never cuts a table row. Every data value is escaped.

Each list carries the day it last read differently (its 更新日期), not the unit's: a change to one
leader's duties dates, and has printed again, only the lists it changes and the unit's whole list.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from itertools import groupby

from dutydir.documents.meta import (
    INFERRED,
    NONE,
    commissioner_label,
    fallback_label,
    leader_label,
    partner_label,
    updated,
)
from dutydir.model.coming import ONE_DAY, change_days
from dutydir.model.directory import Directory, Post
from dutydir.model.words import group_words
from dutydir.render.pages import who_words

CN = "一二三四五六七八九十"


def esc(text: str) -> str:
    """Data text as HTML text."""
    return html.escape(str(text), quote=True)


def css_string(text: str) -> str:
    """Text as a CSS string literal: anything but letters and digits as a hex escape, so nothing can end it."""
    return '"' + "".join(c if c.isalnum() else f"\\{ord(c):06x}" for c in text) + '"'


def stylesheet(d: Directory, day: dt.date | None = None) -> str:
    """Screen and print styles; the page margins carry the unit, the notice's number and the list's ``day``.

    Without ``day`` (the stylesheet the unit's web lists share, each of its own day), the margins leave
    the day to the line under each list's title.
    """
    head = css_string(d.unit.name + " · 安全生产权责清单")
    number = css_string(f"依据{d.notice.number}")
    dated = (
        f"\n  @top-right {{ content: {css_string(f'更新日期{day.isoformat()}')}; font-size: 9pt; color: #444; }}"
        if day
        else ""
    )
    return f"""
@page {{ size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-left {{ content: {head}; font-size: 9pt; color: #444; }}{dated}
  @bottom-left {{ content: {number}; font-size: 9pt; color: #444; }}
  @bottom-right {{ content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; }} }}
html {{ font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 12pt;
  line-height: 1.6; color: #000; }}
body {{ max-width: 46em; margin: 1.5em auto; padding: 0 1em; }}
.title {{ font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center;
  margin: 0 0 .2em; }}
.part {{ font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 13.5pt; margin: 1.1em 0 .4em; }}
.kind {{ font-size: 12pt; margin: .8em 0 .3em; }}
h1, h2, h3, h4, .keep {{ break-after: avoid; page-break-after: avoid; }}
.stamp {{ text-align: center; color: #333; margin: 0 0 1em; }}
table {{ width: 100%; border-collapse: collapse; margin: .3em 0 .8em; }}
th, td {{ border: 1px solid #555; padding: .25em .45em; text-align: left; vertical-align: top; }}
th {{ background: #eee; font-weight: bold; }}
table.facts th {{ width: 8em; }}
.nowrap {{ white-space: nowrap; }}
thead {{ display: table-header-group; }}
tr, li, .block {{ break-inside: avoid; page-break-inside: avoid; }}
ol {{ margin: .2em 0 .6em; padding-left: 2em; }}
.note {{ font-size: 10.5pt; color: #333; }}
.cover + .post, .post + .post {{ break-before: page; page-break-before: always; }}
@media print {{ body {{ max-width: none; margin: 0; padding: 0; }} a {{ color: inherit; text-decoration: none; }} }}
"""


def site_page_css(d: Directory) -> str:
    """The page margins of the site's own pages when printed: the unit, the day and the notice's number."""
    head = css_string(f"{d.unit.name} · {d.unit.short_name}安全生产责任目录")
    day, number = css_string(f"更新日期{updated(d).isoformat()}"), css_string(f"依据{d.notice.number}")
    return (
        "/* Made by each build from the data: printed pages name the unit, the day and the notice. */\n"
        f"@page {{ margin: 18mm 15mm; @top-left {{ content: {head}; font-size: 8pt; }}\n"
        f"  @top-right {{ content: {day}; font-size: 8pt; }} @bottom-left {{ content: {number}; font-size: 8pt; }}\n"
        '  @bottom-right { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 8pt; } }\n'
    )


def table(head: list[str], rows: list[list[str]], nowrap: tuple[int, ...] = ()) -> str:
    """A table with a repeated header row; cells must already be escaped; columns in ``nowrap`` stay on one line."""
    th = "".join(f"<th>{h}</th>" for h in head)
    cls = ["" if i not in nowrap else ' class="nowrap"' for i in range(len(head))]
    body = "".join(
        "<tr>" + "".join(f"<td{cls[i]}>{c or NONE}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def list_day(d: Directory, post: Post) -> dt.date:
    """The day the post's list last read differently (its 更新日期); the notice's date when it reads as it did then.

    Found by reading the list as of the day before each recorded change, latest first: the day of the
    first change that made it differ from today's.
    """
    today = post_section(d, post, day=d.notice.date)
    for day in sorted((x for x in change_days(d) if d.notice.date < x <= d.as_of), reverse=True):
        if post_section(d.on(day - ONE_DAY), post, day=d.notice.date) != today:
            return day
    return d.notice.date


def facts(d: Directory, post: Post, day: dt.date) -> str:
    """The list's head: unit, post, holder, overall role, AB partner, commissioner, basis, day."""
    holder = d.holder(post)
    rows = [
        ("单位", esc(d.unit.name)),
        ("职务", esc(post.name)),
        (
            "现任",
            esc(f"{holder.person}（{holder.title or post.name}，{holder.start.isoformat()}起）") if holder else "空缺",
        ),
    ]
    if post.overall:
        rows.append(("总体责任", esc(post.overall)))
    rows += [
        ("AB角", esc(partner_label(d, post)) + ("（本领导不在时由其代理）" if d.partner(post) else "")),
        ("C角", esc(fallback_label(d, post)) + ("（本领导和AB角均不在时）" if fallback_label(d, post) != NONE else "")),
        ("安全生产协调专员", esc(commissioner_label(d, post))),
        ("依据", esc(f"{d.notice.issuer}《{d.notice.title}》（{d.notice.number}）{post.clause}")),
        ("更新日期", esc(day.isoformat())),
    ]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="facts"><tbody>{body}</tbody></table>'


def sectors_part(d: Directory, post: Post, level: int = 3) -> list[str]:
    """The post's sectors grouped by kind (负责, 全面负责, 协助…, whatever the data names), with scopes and key areas."""
    tops = [d.sectors[name] for name in post.sectors]
    out = []
    for kind, group in groupby(tops, key=lambda s: s.kind):
        rows = []
        for s in group:
            scopes = "、".join(esc(c) for c in s.children)
            areas = []
            for child in [s, *(d.sectors[c] for c in s.children)]:
                for a in d.key_areas_of(child):
                    mark = f"（{INFERRED}）" if a.basis == "inferred" else ""
                    areas.append(esc(a.name) + mark)
            rows.append([esc(s.name), scopes, "、".join(dict.fromkeys(areas))])
        out.append(f'<h{level} class="kind">责任方式：{esc(kind)}</h{level}>')
        areas_head = f"涉及的重点领域（通知{d.key_areas_clause}）" if d.key_areas_clause else "涉及的重点领域"
        out.append(table(["部门、行业领域", "所含领域", esc(areas_head)], rows))
    return out


def post_section(d: Directory, post: Post, top: int = 1, day: dt.date | None = None) -> str:
    """One post's list as of its ``day`` (default list_day): facts, sectors by kind, duties of 二, obligations of 三.

    Its title is a heading of level ``top``.
    """
    day = day or list_day(d, post)
    holder = d.holder(post)
    name = f"{holder.person} · {post.name}" if holder else f"{post.name}（空缺）"
    h = f"h{top + 1}"
    parts = [f'<section class="post"><h{top} class="title">{esc(name)} 安全生产权责清单</h{top}>']
    parts.append(f'<p class="stamp">{esc(d.unit.name)} · {esc(d.notice.number)} · 更新日期{esc(day.isoformat())}</p>')
    parts.append(facts(d, post, day))
    parts.append(
        f'<p class="note block">说明：本清单据{esc(d.unit.short_name)}安全生产责任目录的数据生成，所列为{esc(day.isoformat())}'
        f"起的任职和分工情况；领导职务和分工调整的，相关安全生产工作职责由接任人员承担。"
        f"标“{INFERRED}”的重点领域，通知未写明归属，系按业务相近的原则推定。"
        + (
            f"标“{INFERRED}”的协调专员，通知{esc(d.commissioner_clause)}未写明每位领导各配一名，系本目录推定。"
            if d.commissioners and d.commissioner_basis == "inferred"
            else ""
        )
        + "</p>"
    )
    heads = iter(CN)
    if post.sectors:
        parts.append(f'<{h} class="part">{next(heads)}、负责的部门和行业领域</{h}>')
        parts += sectors_part(d, post, top + 2)
    for duty in d.duties_for(post):
        items = "".join(f"<li>{esc(item)}</li>" for item in duty.items)
        who = group_words(d.unit.words).get(duty.applies_to, duty.applies_to)
        parts.append(f'<{h} class="part">{next(heads)}、安全生产责任</{h}>')
        parts.append(f'<p class="keep">依据通知{esc(duty.clause)}，{esc(who)}：</p><ol>{items}</ol>')
    obligations = d.obligations_for(post)
    if obligations:
        words = who_words(d)
        rows = [[esc(words.get(o.who, o.who)), esc(o.what), esc(o.frequency), esc(o.clause)] for o in obligations]
        parts.append(f'<{h} class="part">{next(heads)}、工作机制</{h}>')
        note = f'<p class="note">{esc(d.obligations_note)}</p>' if d.obligations_note else ""
        # The remark belongs to the table: on a page of its own it would be a page of one line.
        parts.append(
            f'<div class="block">{table(["责任主体", "事项", "最低频次", "依据"], rows, nowrap=(2, 3))}{note}</div>'
        )
    parts.append("</section>")
    return "".join(parts)


def page(d: Directory, title: str, sections: list[str], day: dt.date, css: str | None = None) -> str:
    """A whole HTML document around some sections: its stylesheet linked from ``css``, or inline with ``day`` (printing)."""
    style = f'<link rel="stylesheet" href="{esc(css)}">' if css else f"<style>{stylesheet(d, day)}</style>"
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        # No icon of its own: without this line a browser asks the server for /favicon.ico, which is not there.
        f'<link rel="icon" href="data:,">'
        f"<title>{esc(title)}</title>{style}</head>\n<body>\n" + "\n".join(sections) + "\n</body></html>\n"
    )


def post_list(d: Directory, post: Post, css: str | None = None, day: dt.date | None = None) -> str:
    """The printable list of one post (as of its ``day``, default list_day); ``css`` links its stylesheet instead."""
    day = day or list_day(d, post)
    title = f"{leader_label(d, post)}安全生产权责清单 · {d.unit.short_name}"
    return page(d, title, [post_section(d, post, day=day)], day, css)


def unit_lists(d: Directory, css: str | None = None, days: Mapping[str, dt.date] | None = None) -> str:
    """Every post's list in one document: a first page listing them, then each list on a new page; ``css`` as above.

    ``days`` holds each post's list_day by its id, when the caller has them already.
    """
    days = days if days is not None else {p.id: list_day(d, p) for p in d.posts}
    title = f"{d.unit.short_name}政府领导安全生产权责清单"
    rows = [
        [str(i), esc(leader_label(d, p)), esc(partner_label(d, p)), esc(p.clause)] for i, p in enumerate(d.posts, 1)
    ]
    cover = (
        f'<section class="cover"><h1 class="title">{esc(title)}</h1>'
        f'<p class="stamp">{esc(d.unit.name)} · {esc(d.notice.number)} · 更新日期{esc(updated(d).isoformat())}</p>'
        + table(["序号", "领导", "AB角", "依据"], rows, nowrap=(0, 3))
        + "</section>"
    )
    return page(d, title, [cover, *(post_section(d, p, top=2, day=days[p.id]) for p in d.posts)], updated(d), css)
