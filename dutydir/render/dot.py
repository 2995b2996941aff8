"""Org charts as DOT text: the district chart and one chart per leader post.

Statements are emitted in a fixed order (the notice's order for posts and sectors), so the
same data always gives the same DOT, and the SVG cache keyed on it is hit.
"""

from __future__ import annotations

from dutydir.model.directory import DEFAULT_KIND, Directory, Post
from dutydir.render import urls
from dutydir.render.escape import dot_label, dot_string

FONT = "Noto Sans CJK SC"
VACANT = "空缺"
UNNAMED = "待明确"

LEADER_STYLE = 'shape=box, style="rounded,filled", fillcolor="#e3ecfa", color="#3f6fb5"'
MAYOR_STYLE = 'shape=box, style="rounded,filled,bold", fillcolor="#c9daf5", color="#1f4f9a"'
COMMISSIONER_STYLE = 'shape=note, style=filled, fillcolor="#fff7e0", color="#b08a2e", fontsize=10'
OFFICE_STYLE = 'shape=component, style=filled, fillcolor="#e6f4ea", color="#2e7d4f"'
SECTOR_STYLE = 'shape=box, style="filled", fillcolor="#f5f5f5", color="#8a8a8a", fontsize=11'
LIAISON_STYLE = 'shape=box, style="dashed", color="#8a8a8a", fontsize=11'
COVER_EDGE = 'style=dashed, color="#c62828", fontcolor="#c62828", arrowhead=open'
AB_EDGE = 'dir=both, arrowhead=normal, arrowtail=normal, color="#c62828", fontcolor="#c62828", style=bold, penwidth=1.6'


def header(name: str, rankdir: str) -> list[str]:
    """Opening lines shared by every chart."""
    return [
        f"digraph {dot_string(name)} {{",
        f'  graph [rankdir={rankdir}, fontname="{FONT}", bgcolor="transparent", nodesep=0.25, ranksep=0.5];',
        f'  node [fontname="{FONT}", fontsize=12, margin="0.12,0.06"];',
        f'  edge [fontname="{FONT}", fontsize=10, color="#555555"];',
    ]


def post_node(d: Directory, post: Post, page: str, directory_urls: bool) -> str:
    """A node for a leader post, labelled with post and person, linking to its page."""
    holder = d.holder(post)
    person = holder.person if holder else VACANT
    away = d.acting_now(post)
    if away is not None and not any(p.id == away.by for p in d.posts):
        # A stand-in who holds no post has no node of their own: the absent leader's node names them.
        person += f"（{d.acting_name(away)}代理中）"
    style = MAYOR_STYLE if post.role == "mayor" else LEADER_STYLE
    target = urls.url(page, urls.leader_page(post.id), directory_urls)
    tooltip = f"{holder.title if holder and holder.title else post.name} {person}"
    return (
        f"  {dot_string('post-' + post.id)} [{style}, label={dot_label(post.name, person)}, "
        f'URL={dot_string(target)}, target="_top", tooltip={dot_string(tooltip)}];'
    )


def commissioner_node(d: Directory, post: Post) -> str:
    """A node for the commissioner assisting a leader post."""
    holder = d.commissioner_holder(post)
    who = (holder.person if holder else UNNAMED) + ("（推定）" if d.commissioner_basis == "inferred" else "")
    return (
        f"  {dot_string('commissioner-' + post.id)} [{COMMISSIONER_STYLE}, "
        f"label={dot_label('协调专员', who)}, tooltip={dot_string('安全生产协调专员 ' + who)}];"
    )


def ab_edge(a: str, b: str) -> str:
    """The two-way edge between AB partners, labelled 互为AB角."""
    return f'  {dot_string("post-" + a)} -> {dot_string("post-" + b)} [{AB_EDGE}, label="互为AB角", constraint=false];'


def cover_edges(d: Directory, posts: list[Post]) -> list[str]:
    """Dashed edges from whoever covers today to the post covered: a stand-in (代理), or the partner of a vacancy."""
    shown = {p.id for p in posts}
    lines = []
    for p in posts:
        away = d.acting_now(p)
        partner = d.partner(p)
        if away is not None and away.by in shown:
            label = f"代理至{away.end.month}月{away.end.day}日"
            lines.append(
                f"  {dot_string('post-' + away.by)} -> {dot_string('post-' + p.id)} [{COVER_EDGE}, label={dot_string(label)}];"
            )
        elif d.holder(p) is None and partner is not None and partner.id in shown:
            lines.append(
                f'  {dot_string("post-" + partner.id)} -> {dot_string("post-" + p.id)} [{COVER_EDGE}, label="代理空缺职务"];'
            )
    return lines


def pair_order(d: Directory, posts: list[Post]) -> list[Post]:
    """Posts in the notice's order, but each followed by its AB partner, so pairs sit side by side."""
    out: list[Post] = []
    for p in posts:
        if p in out:
            continue
        out.append(p)
        partner = d.partner(p)
        if partner in posts and partner not in out:
            out.append(partner)
    return out


def district(d: Directory, directory_urls: bool = True, page: str = urls.HOME) -> str:
    """The district chart: mayor on top, deputies below, AB pairs, commissioners, the Safety Committee office."""
    lines = header(f"{d.unit.short_name}安全生产责任", "TB")
    mayors = [p for p in d.posts if p.role == "mayor"]
    executives = [p for p in d.posts if p.role == "executive"]
    members = pair_order(d, [p for p in d.posts if p.role == "member"])
    # A deputy paired with the executive deputy goes first, next to the executive's side of the chart.
    members.sort(key=lambda p: 0 if (q := d.partner(p)) is not None and q.role == "executive" else 1)
    lines.append("  // leader posts")
    ordered = mayors + executives + members
    lines += [post_node(d, p, page, directory_urls) for p in ordered]
    lines.append("  // coordination commissioners")
    lines += [commissioner_node(d, p) for p in ordered if d.commissioner(p)]
    office = d.safety_office
    if office:
        lines.append("  // safety committee office")
        lines.append(
            f'  "office" [{OFFICE_STYLE}, label={dot_label(office.short_name or office.name, "（" + office.host + "）" if office.host else "")}, '
            f'URL={dot_string(urls.url(page, urls.MECHANISMS, directory_urls))}, target="_top", tooltip={dot_string(office.name)}];'
        )
    lines.append("  // ranks")
    for group in (mayors, executives, members):
        if group:
            lines.append("  {rank=same; " + " ".join(dot_string("post-" + p.id) + ";" for p in group) + "}")
    lines.append("  // lines of leadership")
    top = mayors[0] if mayors else None
    for p in executives:
        if top:
            lines.append(f"  {dot_string('post-' + top.id)} -> {dot_string('post-' + p.id)} [arrowhead=none];")
    for p in members:
        if top:
            minlen = 2 if executives else 1
            lines.append(
                f"  {dot_string('post-' + top.id)} -> {dot_string('post-' + p.id)} [arrowhead=none, minlen={minlen}];"
            )
    if office:
        # Only a post whose overall duty says it leads the safety committee's work gets the edge (一（二）1 in Xinzhou).
        names = [n for n in ("安全生产委员会", "安委会", office.short_name) if n]
        lead = next((p for p in ordered if p.overall and any(n in p.overall for n in names)), None)
        if lead:
            lines.append(
                f'  {dot_string("post-" + lead.id)} -> "office" [style=dashed, label="领导日常工作", arrowhead=open];'
            )
    lines.append("  // commissioners assist their leaders")
    for p in ordered:
        if d.commissioner(p):
            lines.append(
                f"  {dot_string('post-' + p.id)} -> {dot_string('commissioner-' + p.id)} [style=dotted, arrowhead=none];"
            )
    lines.append("  // AB pairs")
    lines += [ab_edge(*pair.posts) for pair in d.current_pairs()]
    cover = cover_edges(d, ordered)
    lines += ["  // who covers today", *cover] if cover else []
    lines.append("}")
    return "\n".join(lines) + "\n"


def related(d: Directory, post: Post, page: str, directory_urls: bool) -> list[str]:
    """Nodes and edges of what a post leads while others assist (协助), and of the bodies it liaises with (联系)."""
    lines = []
    for s in d.assisted(post):
        target = urls.url(page, urls.sector_page(s.slug), directory_urls)
        helper = d.responsible(s)
        lines.append(
            f"  {dot_string('led-' + s.slug)} [{SECTOR_STYLE}, label={dot_label(s.name, '（牵头负责）')}, "
            f'URL={dot_string(target)}, target="_top", tooltip={dot_string(s.name)}];'
        )
        who = d.holder(helper)
        label = f"{who.person if who else VACANT}协助"
        lines.append(f"  {dot_string('post-' + post.id)} -> {dot_string('led-' + s.slug)} [label={dot_string(label)}];")
    for i, name in enumerate(post.liaises):
        node = dot_string(f"liaison-{i}")
        sector = d.sectors.get(name)
        link = (
            f'URL={dot_string(urls.url(page, urls.sector_page(sector.slug), directory_urls))}, target="_top", '
            if sector
            else ""
        )
        lines.append(
            f"  {node} [{LIAISON_STYLE}, label={dot_label(name, '（联系）')}, {link}tooltip={dot_string(name)}];"
        )
        lines.append(f'  {dot_string("post-" + post.id)} -> {node} [style=dashed, label="联系", arrowhead=open];')
    return lines


def leader(d: Directory, post: Post, directory_urls: bool = True) -> str:
    """A chart centred on one leader post: its AB partner, its commissioner and its sectors."""
    page = urls.leader_page(post.id)
    lines = header(f"{post.id}", "LR")
    lines.append(post_node(d, post, page, directory_urls))
    partner = d.partner(post)
    if partner:
        lines.append(post_node(d, partner, page, directory_urls))
    # A post-holder standing in for this post today (not its partner) is drawn too, so the chart shows who covers.
    away = d.acting_now(post)
    stand_in = (
        d.post(away.by)
        if away and away.by != (partner.id if partner else "") and any(p.id == away.by for p in d.posts)
        else None
    )
    if stand_in is not None:
        lines.append(post_node(d, stand_in, page, directory_urls))
    if d.commissioner(post):
        lines.append(commissioner_node(d, post))
    lines.append("  // sectors")
    for s in d.sectors_of(post):
        target = urls.url(page, urls.sector_page(s.slug), directory_urls)
        label = dot_label(s.name, f"（{s.kind}）" if s.kind != DEFAULT_KIND else "")
        lines.append(
            f"  {dot_string('sector-' + s.slug)} [{SECTOR_STYLE}, label={label}, "
            f'URL={dot_string(target)}, target="_top", tooltip={dot_string(s.name)}];'
        )
    lines.append("  // edges")
    if partner:
        lines.append("  {rank=same; " + dot_string("post-" + post.id) + "; " + dot_string("post-" + partner.id) + ";}")
        lines.append(ab_edge(post.id, partner.id))
    if d.commissioner(post):
        lines.append(
            f'  {dot_string("post-" + post.id)} -> {dot_string("commissioner-" + post.id)} [style=dotted, arrowhead=none, label="协助"];'
        )
    for s in d.sectors_of(post):
        source = "post-" + post.id if s.parent is None else "sector-" + d.sectors[s.parent].slug
        lines.append(f"  {dot_string(source)} -> {dot_string('sector-' + s.slug)};")
    lines += related(d, post, page, directory_urls)
    lines += cover_edges(d, [p for p in (post, partner, stand_in) if p is not None])
    lines.append("}")
    return "\n".join(lines) + "\n"
