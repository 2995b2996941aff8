"""The site's generated pages as Markdown text, one function a page kind.

Every piece of data text passes through :func:`markup.md`; links are relative ``.md`` paths
that MkDocs checks and turns into URLs. Charts come in as finished SVG from ``chart``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from contextvars import ContextVar
from itertools import groupby

from dutydir.model import history
from dutydir.model.directory import DEFAULT_KIND, Directory, Post, Sector
from dutydir.model.slugs import initial, pinyin_key
from dutydir.render import dot, search_words, urls
from dutydir.render.escape import attr, front_matter, md

Chart = Callable[[str], str]
"""Turns DOT text into inline SVG markup."""

NONE = "—"
WHO_WORDS = {
    "mayor_or_executive": "区长或者分管安全生产工作的党组成员（副区长）",
    "members": "各位党组成员（副区长）",
    "commissioners": "各位区安全生产协调专员",
    "office_director": "区人民政府办公室主任",
    "department_heads": "区直各部门（单位）主要负责人",
}
DUTY_WORDS = {"mayor": "区长", "members": "各位党组成员（副区长）", "commissioners": "各位区安全生产协调专员"}
# Set on a heading, leaves its section out of the search index (Material reads data-search-exclude).
UNINDEXED = ' { data-search-exclude="true" }'
ADDED_FOR_SEARCH = "（为便于检索添加，非通知原文）"


NAMED_UNIT: ContextVar[tuple[str, str, str] | None] = ContextVar("NAMED_UNIT", default=None)
"""While all_pages renders a unit of a site of several: its short name, full name and the page's path."""
NOTICE_ANCHORS: ContextVar[frozenset[str] | None] = ContextVar("NOTICE_ANCHORS", default=None)
"""While all_pages renders a unit: the anchors its notice page has, which cite() may link to."""
ANCHOR_RE = re.compile(r"\{\s*#([A-Za-z0-9_-]+)")


def all_pages(
    d: Directory,
    chart: Chart,
    directory_urls: bool = True,
    home_links: list[tuple[str, str]] | None = None,
    named: bool = False,
) -> dict[str, str]:
    """Every generated page by its source path, in a fixed order; ``home_links`` adds (text, target) ways in.

    ``named`` (a site of several units): each page's title carries the unit's short name, and a line
    under its h1 names the unit, so that search results say which unit a page belongs to.
    """
    makers: dict[str, Callable[[], str]] = {
        urls.HOME: lambda: home(d, chart, directory_urls, home_links or []),
        urls.LEADERS: lambda: leader_index(d),
        urls.SECTORS: lambda: sector_index(d),
        urls.KEY_AREAS: lambda: key_areas(d),
        urls.MECHANISMS: lambda: mechanisms(d),
        urls.NOTICE: lambda: notice(d),
        urls.CHANGES: lambda: change_log(d),
        urls.LOOKUP: lambda: lookup(d),
    }
    for post in d.posts:
        makers[urls.leader_page(post.id)] = functools.partial(leader, d, post, chart, directory_urls)
    for sector in d.sectors.values():
        makers[urls.sector_page(sector.slug)] = functools.partial(sector_page, d, sector)
    pages = {}
    anchors = NOTICE_ANCHORS.set(frozenset(ANCHOR_RE.findall(d.notice.text or "")))
    try:
        for path, make in makers.items():
            token = NAMED_UNIT.set((d.unit.short_name, d.unit.name, path) if named else None)
            try:
                pages[path] = make()
            finally:
                NAMED_UNIT.reset(token)
    finally:
        NOTICE_ANCHORS.reset(anchors)
    return pages


def heading(title: str, tags: tuple[str, ...] = ()) -> str:
    """The page's front matter title (and search tags) and its h1, both from the same plain text.

    In a unit of a site of several (NAMED_UNIT), the title carries the unit's short name and a line
    under the h1 names the unit, linked to its home page.
    """
    named = NAMED_UNIT.get()
    shown = f"{title} · {named[0]}" if named else title
    # Pagefind (large sites) ranks a page whose title holds the query above pages that only list it.
    text = f'{front_matter(shown, tags)}# {md(title)} {{ data-pagefind-weight="10" }}'
    return text + unit_line(named)


def unit_line(named: tuple[str, str, str] | None) -> str:
    """The line naming a page's unit under its h1 (nothing on a site of one unit)."""
    return f"\n\n单位：[{md(named[1])}]({urls.link(named[2], urls.HOME)})" if named else ""


def chart_block(svg: str) -> str:
    """Inline SVG in a block that search leaves out (Material skips data-search-exclude)."""
    return f'<div class="dutydir-chart" data-search-exclude="true">\n{svg}\n</div>\n'


def cite(clause: str, here: str) -> str:
    """A link to a clause of the notice, e.g. 通知一（二）3."""
    if not clause:
        return NONE
    anchor = urls.clause_anchor(clause)
    anchors = NOTICE_ANCHORS.get()
    if anchors is not None and anchor and anchor not in anchors:
        # A notice without this clause's text: name the clause, link nothing that would not exist.
        return f"通知{md(clause)}"
    return f"[通知{md(clause)}]({urls.link(here, urls.NOTICE, anchor)})"


def person(d: Directory, post: Post) -> str:
    """The post's holder's name, or 空缺."""
    holder = d.holder(post)
    return holder.person if holder else "空缺"


def leader_link(d: Directory, post: Post, here: str) -> str:
    """'[name](page)（title）' for a post's holder, or the vacant post linked."""
    holder = d.holder(post)
    target = urls.link(here, urls.leader_page(post.id))
    if holder is None:
        return f"[{md(post.name)}（空缺）]({target})"
    title = holder.title or post.name
    return f"[{md(holder.person)}]({target})（{md(title)}）"


def commissioner_text(d: Directory, post: Post) -> str:
    """The commissioner's name, or 待明确 while nobody is named."""
    if d.commissioner(post) is None:
        return NONE
    holder = d.commissioner_holder(post)
    if holder is None:
        return "待明确"
    return md(holder.person) + (f"（{md(holder.title)}）" if holder.title else "")


def sector_link(sector: Sector, here: str) -> str:
    """A link to a sector's page, with its kind when more than 负责."""
    kind = f"（{md(sector.kind)}）" if sector.kind != DEFAULT_KIND and sector.parent is None else ""
    return f"[{md(sector.name)}]({urls.link(here, urls.sector_page(sector.slug))}){kind}"


def sector_list(d: Directory, post: Post, here: str) -> list[str]:
    """A nested bullet list of a post's sectors and their scopes."""
    out = []
    for name in post.sectors:
        top = d.sectors[name]
        out.append(f"- {sector_link(top, here)}")
        out += [f"    - {sector_link(d.sectors[c], here)}" for c in top.children]
    return out


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cell or NONE for cell in row) + " |" for row in rows]
    return lines


def home(d: Directory, chart: Chart, directory_urls: bool, more: list[tuple[str, str]]) -> str:
    """The home page: what the directory is, ways in, and the district chart."""
    here = urls.HOME
    n = d.notice
    lines = [
        heading(f"{d.unit.short_name}政府领导安全生产责任目录"),
        "",
        f"本目录依据{md(n.issuer)}《{md(n.title)}》（[{md(n.number)}]({urls.link(here, urls.NOTICE)})，"
        f"{n.date.year}年{n.date.month}月{n.date.day}日），列出区政府各位领导分管的部门和行业领域、"
        "互为AB角的领导（一方不在时由另一方代理）和安全生产协调专员。",
        "",
        f"领导职务和分工调整的，相关安全生产工作职责由接任人员承担，不再另行发文（通知四（一））。"
        f"本目录所列为 {d.as_of.isoformat()} 的任职情况。",
        "",
        "## 查找",
        "",
        f"- [按领导查找]({urls.link(here, urls.LEADERS)})：{len(d.posts)}位区政府领导的分管领域、AB角和协调专员",
        f"- [按行业领域查找]({urls.link(here, urls.SECTORS)})：{len(d.sectors)}个部门、行业和领域，按领导分组，也按拼音排序",
        f"- [重点领域]({urls.link(here, urls.KEY_AREAS)})：通知四（二）列出的重点领域归谁负责",
        f"- [速查表]({urls.link(here, urls.LOOKUP)})：每个领域一行，列出责任领导和AB角，输入几个字即可筛选",
        f"- [工作机制]({urls.link(here, urls.MECHANISMS)})：会议、调度和督办的频次，各方安全生产责任",
        f"- [通知原文]({urls.link(here, urls.NOTICE)})：{md(n.number)}",
        f"- [变更记录]({urls.link(here, urls.CHANGES)})：人事变动和分工调整，从新到旧",
        *(f"- [{md(text)}]({target})" for text, target in more),
        "",
        "## 全区安全生产责任关系图",
        "",
        "红色双向箭头连接互为AB角的两位领导；虚线连接各位领导的安全生产协调专员。点击领导可打开其页面。",
        "",
        chart_block(chart(dot.district(d, directory_urls))),
    ]
    return "\n".join(lines)


def leader_index(d: Directory) -> str:
    """Leaders in the notice's order, with partner, commissioner and number of sectors."""
    here = urls.LEADERS
    rows = []
    for i, post in enumerate(d.posts, start=1):
        holder = d.holder(post)
        partner = d.partner(post)
        rows.append(
            [
                str(i),
                f"[{md(person(d, post))}]({urls.link(here, urls.leader_page(post.id))})",
                md(holder.title if holder and holder.title else post.name),
                f"[{md(person(d, partner))}]({urls.link(here, urls.leader_page(partner.id))})" if partner else NONE,
                commissioner_text(d, post),
                str(len(d.sectors_of(post))) if post.sectors else NONE,
            ]
        )
    lines = [
        heading("按领导查找"),
        "",
        "按通知中的顺序排列。AB角：一方不在时由另一方代理其安全生产工作。",
        "",
        *table(["序号", "姓名", "职务", "AB角", "协调专员", "分管领域数"], rows),
        "",
    ]
    return "\n".join(lines)


def sector_index(d: Directory) -> str:
    """Sectors grouped by responsible leader, then A–Z by pinyin."""
    here = urls.SECTORS
    lines = [heading("按行业领域查找"), "", "## 按领导分组", ""]
    for post in d.posts:
        if not post.sectors:
            continue
        lines += [f"### {md(post.name)} {md(person(d, post))}", ""]
        lines += sector_list(d, post, here)
        lines.append("")
    lines += ["## 按拼音排序", ""]
    ordered = sorted(d.sectors.values(), key=lambda s: pinyin_key(s.name))
    for letter, group in groupby(ordered, key=lambda s: initial(s.name)):
        lines += [f"### {letter}", ""]
        for s in group:
            post = d.responsible(s)
            lines.append(f"- {sector_link(s, here)}：{md(person(d, post))}（{md(post.name)}）")
        lines.append("")
    return "\n".join(lines)


def leader(d: Directory, post: Post, chart: Chart, directory_urls: bool) -> str:
    """A leader post's page: holder, overall role, sectors, AB partner, commissioner, duties, chart, history."""
    here = urls.leader_page(post.id)
    holder = d.holder(post)
    partner = d.partner(post)
    lines = [heading(f"{holder.person} · {post.name}" if holder else f"{post.name}（空缺）"), ""]
    if holder and holder.title:
        lines += [f"**{md(holder.title)}**", ""]
    if holder is None:
        cover = f"由AB角{leader_link(d, partner, here)}代理" if partner else "尚无AB角代理"
        lines += ['!!! warning "职务空缺"', "", f"    本职务目前空缺，{cover}。", ""]
    lines += acting_notice(d, post)
    rows = [
        ["职务", md(post.name)],
        ["现任", f"{md(holder.person)}（{holder.start.isoformat()} 起）" if holder else "空缺"],
    ]
    if post.overall:
        rows.append(["总体责任", md(post.overall)])
    rows += [
        ["AB角", f"{leader_link(d, partner, here)}：本领导不在时由其代理" if partner else NONE],
        ["安全生产协调专员", commissioner_text(d, post)],
        ["依据", cite(post.clause, here)],
    ]
    lines += table(["项目", "内容"], rows)
    lines.append("")
    if post.sectors:
        lines += ["## 负责的部门和行业领域", ""]
        lines += sector_list(d, post, here)
        lines.append("")
    lines += ["## 关系图" + UNINDEXED, "", chart_block(chart(dot.leader(d, post, directory_urls)))]
    for duty in d.duties_for(post):
        lines += [
            "## 安全生产责任" + UNINDEXED,
            "",
            f"依据{cite(duty.clause, here)}，{md(DUTY_WORDS[duty.applies_to])}：",
            "",
        ]
        lines += [f"{i}. {md(item)}" for i, item in enumerate(duty.items, start=1)]
        lines.append("")
    obligations = d.obligations_for(post)
    if obligations:
        lines += ["## 工作机制" + UNINDEXED, ""]
        rows = [[md(WHO_WORDS[o.who]), md(o.what), md(o.frequency), cite(o.clause, here)] for o in obligations]
        lines += table(["责任主体", "事项", "最低频次", "依据"], rows)
        lines.append("")
    if post.acting:
        lines += ["## 代理记录", ""]
        rows = [
            [md(d.acting_name(a)), a.start.isoformat(), a.end.isoformat(), md(a.reason) if a.reason else NONE]
            for a in reversed(post.acting)
        ]
        lines += table(["代理人", "起", "止", "事由"], rows)
        lines.append("")
    lines += ["## 任职记录", ""]
    rows = [
        [md(h.person), md(h.title or post.name), h.start.isoformat(), h.end.isoformat() if h.end else "至今"]
        for h in reversed(post.holders)
    ]
    lines += table(["姓名", "职务", "起", "止"], rows) if rows else ["尚无任职记录。"]
    lines.append("")
    return "\n".join(lines)


def sector_page(d: Directory, sector: Sector) -> str:
    """A sector's page: responsible leader and kind, AB backup, commissioner, parent and scopes."""
    here = urls.sector_page(sector.slug)
    post = d.responsible(sector)
    partner = d.partner(post)
    holder = d.holder(post)
    backup = f"{leader_link(d, partner, here)}" if partner else NONE
    rows = [
        ["责任领导", leader_link(d, post, here)],
        ["责任方式", md(sector.kind)],
        ["AB角（责任领导不在时代理）", backup],
        ["安全生产协调专员", commissioner_text(d, post)],
    ]
    if sector.parent:
        rows.append(["上级领域", sector_link(d.sectors[sector.parent], here)])
    if sector.children:
        rows.append(["下级领域", "、".join(sector_link(d.sectors[c], here) for c in sector.children)])
    areas = d.key_areas_of(sector)
    if areas:
        rows.append(["重点领域", "、".join(f"[{md(a.name)}]({urls.link(here, urls.KEY_AREAS)})" for a in areas)])
    if sector.keywords:
        rows.append(["检索词", "、".join(md(w) for w in sector.keywords) + ADDED_FOR_SEARCH])
    if sector.since is None:
        rows.append(["依据", cite(post.clause, here)])
    else:
        rows.append(["依据", f"[变更记录 {sector.since.isoformat()}]({urls.link(here, urls.CHANGES)})"])
    since = [day for day in (sector.since or d.notice.date, holder.start if holder else None) if day]
    rows.insert(1, ["负责起始日期", f"{max(since).isoformat()} 起"])
    lines = [
        heading(sector.name, search_words.terms(d, sector)),
        "",
        words_for_pagefind(d, sector),
        "",
        answer(d, sector, here),
        "",
    ]
    if holder is None:
        cover = f"由AB角{leader_link(d, partner, here)}代理" if partner else "尚无AB角代理"
        lines += ['!!! warning "责任领导职务空缺"', "", f"    {md(post.name)}职务目前空缺，{cover}。", ""]
    lines += acting_notice(d, post)
    # Search indexes the answer above and the page's tags; the table repeats them under labels.
    lines += ['<div data-search-exclude="true" markdown>', ""]
    lines += table(["项目", "内容"], rows)
    lines += ["", "</div>"]
    lines.append("")
    lines += earlier_leaders(d, sector, here)
    return "\n".join(lines)


def earlier_leaders(d: Directory, sector: Sector, here: str) -> list[str]:
    """A table of the posts that answered for a sector before, with the holder on each one's last day."""
    earlier = [a for a in sector.assignments if a.end is not None and a.end < d.as_of]
    if not earlier:
        return []
    rows = []
    for a in reversed(earlier):
        was = d.post(a.post_id)
        end = a.end or d.as_of
        who = d.holder_on(was, end)
        name = f"{md(who.person)}（{md(was.name)}）" if who else f"{md(was.name)}（空缺）"
        start = (a.start or d.notice.date).isoformat()
        rows.append([f"[{name}]({urls.link(here, urls.leader_page(was.id))})", start, end.isoformat()])
    return ["## 此前的责任领导", "", *table(["责任领导", "起", "止"], rows), ""]


def words_for_pagefind(d: Directory, sector: Sector) -> str:
    """An empty block whose attribute gives Pagefind (large sites) the sector's words, cut apart.

    Pagefind cuts Chinese running text differently from a typed query (城镇燃气的 is not 城镇 / 燃气),
    so the words it should find the page by are given to it already separated; Material's
    search reads no attributes and is unaffected.
    """
    words = search_words.cut_words(d, [sector.name, *search_words.terms(d, sector)])
    # A block of raw HTML: Markdown leaves it whole, so nothing in the words can turn into markup.
    return (
        f'<div class="dutydir-words" data-pagefind-index-attrs="data-words" data-words="{attr(" ".join(words))}"></div>'
    )


def answer(d: Directory, sector: Sector, here: str) -> str:
    """One sentence answering who is responsible for a sector and who covers when that leader is away."""
    post = d.responsible(sector)
    partner = d.partner(post)
    holder = d.holder(post)
    kind = "负责" if sector.kind == DEFAULT_KIND else sector.kind
    who = leader_link(d, post, here)
    if holder is None:
        first = f"{md(sector.name)}的安全生产工作由{who}{md(kind)}，该职务目前空缺"
    else:
        first = f"{md(sector.name)}的安全生产工作由{who}{md(kind)}"
    if partner is None:
        return first + "。"
    away = "由" if holder is None else f"{md(holder.person)}不在时，由"
    return f"{first}；{away}AB角{leader_link(d, partner, here)}代理。"


def acting_notice(d: Directory, post: Post) -> list[str]:
    """An admonition naming who stands in for the post's holder today, if anyone does."""
    a = d.acting_now(post)
    if a is None:
        return []
    reason = f"（{md(a.reason)}）" if a.reason else ""
    span = f"{a.start.isoformat()} 至 {a.end.isoformat()}"
    return [
        '!!! info "临时代理"',
        "",
        f"    {span}，由{md(d.acting_name(a))}代理{md(person(d, post))}的工作{reason}。",
        "",
    ]


def change_log(d: Directory) -> str:
    """The change log (变更记录): every dated change, newest first; changes still to come apart."""
    here = urls.CHANGES
    events = history.history(d)
    past = [e for e in events if e.day <= d.as_of]
    future = [e for e in events if e.day > d.as_of]
    lines = [
        heading("变更记录"),
        "",
        f"领导职务和分工调整的，相关安全生产工作职责由接任人员承担，不再另行发文（{cite('四（一）', here)}）。"
        f"以下按日期从新到旧列出本目录记录的变更，截至 {d.as_of.isoformat()}。",
        "",
    ]
    if future:
        lines += ["## 即将生效", ""]
        lines += [f"- **{e.day.isoformat()}** {md(e.text)}" for e in future]
        lines.append("")
    for day, group in groupby(sorted(past, key=lambda e: (-e.day.toordinal(), e.order)), key=lambda e: e.day):
        lines += [f"## {day.isoformat()}", ""]
        lines += [f"- {md(e.text)}" for e in group]
        lines.append("")
    return "\n".join(lines)


def key_areas(d: Directory) -> str:
    """The key areas of 四（二）, each with its sectors, leaders and AB backups, and how the mapping is known."""
    here = urls.KEY_AREAS
    lines = [
        heading("重点领域"),
        "",
        f"{cite(d.key_areas_clause, here)}要求持续做好以下领域的安全防范工作。通知本身没有写明这些领域归哪位领导负责；"
        "“归属依据”一栏说明：**原文点名**，指通知一（二）列有同名的行业领域；**推定**，指按业务相近的原则"
        "（通知二（二））推定，理由见说明。",
        "",
    ]
    for group, areas in groupby(d.key_areas, key=lambda a: a.group):
        lines += [f"## {md(group)}", ""]
        rows = []
        for a in areas:
            sectors = [d.sectors[name] for name in a.sectors]
            posts = list(dict.fromkeys(d.responsible(s) for s in sectors))
            partners = [p for p in (d.partner(post) for post in posts) if p is not None]
            rows.append(
                [
                    md(a.name),
                    "、".join(sector_link(s, here) for s in sectors) or "**未明确（监管盲区）**",
                    "、".join(leader_link(d, p, here) for p in posts),
                    "、".join(leader_link(d, p, here) for p in partners),
                    "原文点名" if a.basis == "stated" else "推定：" + md(a.note),
                ]
            )
        lines += table(["重点领域", "所属行业领域", "责任领导", "AB角", "归属依据"], rows)
        lines.append("")
    return "\n".join(lines)


def mechanisms(d: Directory) -> str:
    """Section 三 as a table, then section 二's duties and the bodies of 一（四）、一（五）."""
    here = urls.MECHANISMS
    lines = [heading("工作机制"), "", "## 会议、调度和督办频次", ""]
    rows = [[md(WHO_WORDS[o.who]), md(o.what), md(o.frequency), cite(o.clause, here)] for o in d.obligations]
    lines += table(["责任主体", "事项", "最低频次", "依据"], rows)
    lines.append("")
    if d.obligations_note:
        lines += [md(d.obligations_note), ""]
    lines += ["## 安全生产责任", ""]
    for duty in d.duties:
        lines += [f"### {md(DUTY_WORDS[duty.applies_to])}", "", f"依据{cite(duty.clause, here)}：", ""]
        lines += [f"{i}. {md(item)}" for i, item in enumerate(duty.items, start=1)]
        lines.append("")
    if d.commissioner_role:
        lines += [
            "## 安全生产协调专员",
            "",
            f"依据{cite(d.commissioner_clause, here)}，由{md(d.commissioner_role)}担任，{md(d.commissioner_duty)}。"
            "通知未列明具体人员，各位领导的协调专员见其页面，尚未明确的显示为“待明确”。",
            "",
        ]
    for body in (d.safety_office, d.department_heads):
        if body is None:
            continue
        name = f"{body.name}（{body.host}）" if body.host else body.name
        lines += [f"## {md(name)}", "", f"依据{cite(body.clause, here)}：{md(body.duty)}。", ""]
    return "\n".join(lines)


def notice(d: Directory) -> str:
    """The notice's cleaned text, which other pages cite by anchor."""
    n = d.notice
    if n.text:
        named = NAMED_UNIT.get()
        first, _, rest = n.text.partition("\n")
        # The unit line goes under the notice's own h1, as heading() puts it under the others.
        text = f"{first}{unit_line(named)}\n{rest}" if named and first.startswith("# ") else n.text
        return front_matter(f"{n.title} · {named[0]}" if named else n.title) + (text if text.endswith("\n") else text + "\n")
    return f"{heading(n.title)}\n\n{md(n.number)}\n"


def short_leader_link(d: Directory, post: Post, here: str) -> str:
    """'[name](page)（post）' for a post's holder, shorter than the full title; the vacant post linked."""
    holder = d.holder(post)
    target = urls.link(here, urls.leader_page(post.id))
    if holder is None:
        return f"[{md(post.name)}（空缺）]({target})"
    return f"[{md(holder.person)}]({target})（{md(post.name)}）"


def lookup(d: Directory) -> str:
    """Every sector and key area in one table with its leader and AB backup; the site's script filters its rows."""
    here = urls.LOOKUP
    rows = []
    for sector in d.sectors.values():
        post = d.responsible(sector)
        partner = d.partner(post)
        kind = md(sector.kind) if sector.kind != DEFAULT_KIND else ""
        notes = [f"属{sector_link(d.sectors[sector.parent], here)}"] if sector.parent else []
        areas = d.key_areas_of(sector)
        if areas:
            notes.append("重点领域：" + "、".join(md(a.name) for a in areas))
        if sector.keywords:
            notes.append("检索词：" + "、".join(md(w) for w in sector.keywords))
        rows.append(
            [
                f"[{md(sector.name)}]({urls.link(here, urls.sector_page(sector.slug))})",
                "下级领域" if sector.parent else "行业领域",
                short_leader_link(d, post, here) + kind,
                short_leader_link(d, partner, here) if partner else NONE,
                "；".join(notes),
            ]
        )
    for area in d.key_areas:
        sectors = [d.sectors[name] for name in area.sectors]
        posts = list(dict.fromkeys(d.responsible(s) for s in sectors))
        partners = [p for p in (d.partner(post) for post in posts) if p is not None]
        rows.append(
            [
                f"[{md(area.name)}]({urls.link(here, urls.KEY_AREAS)})",
                "重点领域",
                "、".join(short_leader_link(d, p, here) for p in posts),
                "、".join(short_leader_link(d, p, here) for p in partners),
                "属"
                + "、".join(sector_link(s, here) for s in sectors)
                + ("（推定）" if area.basis == "inferred" else ""),
            ]
        )
    placeholder = "输入领域或领导姓名中的几个字，如 燃气、交通、丁力"
    lines = [
        heading("速查表"),
        "",
        "每个行业领域和重点领域一行：谁负责，谁是AB角（责任领导不在时代理）。"
        "在下面的框里输入几个字，表格只留下含有这些字的行；几个词用空格隔开，行中须都含有。",
        "",
        # The table is the site's third listing of every sector; search indexes the sector pages instead.
        '<div class="dutydir-lookup" data-search-exclude="true" markdown>',
        "",
        '<p class="dutydir-lookup-filter" hidden><label>筛选 <input type="search" autocomplete="off" '
        f'placeholder="{attr(placeholder)}"></label> <span class="dutydir-lookup-count" role="status"></span></p>',
        "",
        *table(["领域", "类别", "责任领导", "AB角（责任领导不在时代理）", "说明"], rows),
        "",
        "</div>",
        "",
    ]
    return "\n".join(lines)
