"""The benchmark page's conclusions, each a function of the numbers: the words change, or the sentence goes,
when the numbers do."""

from __future__ import annotations

import statistics

from dutydir.tools.bench.reader import QUERY
from dutydir.tools.bench.results import Overhead, Results, Size

# The targets.
MAX_OVERHEAD = 1.2
MAX_GROWTH = 1.2
MAX_HTML_SPREAD = 0.10
MAX_PEAK = 2 * 1024**3
# What a reader on an office network waits for before a first search result, at most.
READER_BYTES = 2_000_000
READER_SECONDS = 1.0
LINEAR = 0.10
"""Index bytes a page may differ by between the smallest and largest site and still grow linearly."""
ENGINES = {"material": "Material（一个索引文件）", "pagefind": "Pagefind（分块索引）"}


def ms(seconds: float) -> str:
    """Milliseconds, two decimals."""
    return f"{seconds * 1000:.2f}"


def mb(size: float) -> str:
    """Megabytes: whole from 10 MB, else one decimal."""
    return f"{size / 1024**2:.0f} MB" if size >= 10 * 1024**2 else f"{size / 1024**2:.1f} MB"


def kb(size: float) -> str:
    """Kilobytes, one decimal."""
    return f"{size / 1024:.1f} KB"


def verdict(ok: bool) -> str:
    """A target met or not."""
    return "**达到**" if ok else "**未达到**"


def seconds_list(times: list[float]) -> str:
    """Seconds of each run."""
    return ", ".join(f"{t:.2f}" for t in times)


def charts_once(sizes: list[Size]) -> bool:
    """Whether no unchanged chart was rendered again: Graphviz ran only for new cache entries, and not at all unchanged."""
    builds = [b for s in sizes for b in (*s.cold, s.warm, s.appointed)]
    return all(b.renders == b.written for b in builds) and all(s.warm.renders == 0 for s in sizes)


def renders_match(sizes: list[Size]) -> str:
    """Whether each build ran Graphviz once for each cache entry it wrote."""
    builds = [b for s in sizes for b in (*s.cold, s.warm, s.appointed)]
    off = sum(1 for b in builds if b.renders != b.written)
    if not off:
        return "每次生成调用 Graphviz 的次数都等于新写入的缓存文件数"
    return f"{len(builds)} 次生成中有 {off} 次调用 Graphviz 的次数不等于新写入的缓存文件数"


def same_output(overheads: list[Overhead]) -> list[str]:
    """Whether the hooks and the rendered folder made the same site."""
    if not any(o.differ for o in overheads):
        return ["两边生成的网站相同：HTML 等文件逐字节相同，搜索索引的条目相同。", ""]
    shown = "；".join(f"{o.name}：{', '.join(o.differ[:5])}" for o in overheads if o.differ)
    return ['!!! warning "两种生成方式的输出不同"', "", f"    {shown}", ""]


def hooks_parts(o: Overhead) -> list[str]:
    """What takes most of the hooks' time on a site, and how their per-page work compares with MkDocs'."""
    imported, pinyin, loaded, made = o.parts
    label, most = max((("导入 dutydir", imported), ("读取并检查数据", loaded), ("生成页面", made)), key=lambda p: p[1])
    sentence = f"{o.name}上，钩子做的事里用时最多的是{label}（{most:.2f} 秒）"
    if label == "导入 dutydir" and pinyin > imported / 2:
        sentence += f"，其中导入 pypinyin 占 {pinyin:.2f} 秒（生成网址和按拼音排序都要用它的拼音库）"
    work, plain = loaded + made, statistics.median(o.plain)
    share = work / plain
    compared = "远少于" if share < 0.25 else "少于" if share < 1 else "多于"
    return [
        f"{sentence}。读取数据和生成页面共 {work:.2f} 秒，{compared}纯 MkDocs 生成同样网站的 {plain:.2f} 秒"
        f"（{share:.0%}）。"
    ]


def growth(sizes: list[Size]) -> list[str]:
    """Fixed time and time a page, through the smallest and the largest site, and what that says of the trend."""
    small, large = sizes[0], sizes[-1]
    each = (large.seconds - small.seconds) / max(1, large.first.pages - small.first.pages)
    fixed = small.seconds - each * small.first.pages
    ratio = large.per_page / small.per_page
    trend = "基本不变" if abs(ratio - 1) < 0.02 else "略有下降" if ratio < 1 else "有所上升"
    text = (
        f"按最小和最大的网站推算，一次生成约有 {fixed:.1f} 秒固定时间，此外每页 {ms(each)} 毫秒。"
        f"每页用时随规模{trend}（{ratio:.2f}×）"
    )
    if ratio < 1 and fixed > 0:
        text += "，因为固定时间分摊到更多页面上"
    html = [s.first.html for s in sizes]
    spread = max(html) / min(html) - 1
    if spread <= MAX_HTML_SPREAD:
        text += f"；平均页面大小在各规模只相差 {spread:.1%}：各单位的页面只链接本单位的页面，导航只列首页等几个入口"
    else:
        text += f"；平均页面大小在各规模相差 {spread:.1%}，页面随网站变大"
    return [text + "。"]


def index_growth(sizes: list[Size], index_path: str) -> list[str]:
    """How Material's search index grows with the pages."""
    small, large = sizes[0].first, sizes[-1].first
    if not small.index or not large.index:
        return []
    a, b = small.index / small.pages, large.index / large.pages
    how = (
        f"随页面数线性增长（每页约 {kb(b)}）"
        if abs(b / a - 1) <= LINEAR
        else f"每页的大小从 {kb(a)} 变为 {kb(b)}，不是线性增长"
    )
    return [
        f"搜索索引（Material 的 `{index_path}`）{how}，{large.pages:,} 页时为 {mb(large.index)}。"
        "浏览器第一次打开搜索框时要下载并解析整个索引。"
    ]


def rebuild(sizes: list[Size]) -> list[str]:
    """What a rebuild renders again, unchanged and after one appointment."""
    lines = []
    if all(s.first.renders < s.first.charts for s in sizes):
        lines.append("首次生成调用 Graphviz 的次数少于页面中的图表数：同一个 DOT 只渲染一次。")
    if all(s.warm.renders == 0 for s in sizes):
        lines.append("数据不变时没有调用 Graphviz，图表都读缓存。")
    changed = sorted({s.appointed.renders for s in sizes})
    if changed == [3]:
        lines.append(
            "appoint 之后只有 DOT 变了的 3 个图表重新渲染：该单位的关系图、这位领导和其AB角的关系图"
            "（图中有现任的姓名），其余都读缓存。"
        )
    else:
        lines.append(f"appoint 之后重新渲染了 {'、'.join(map(str, changed))} 个图表，其余都读缓存。")
    return ["".join(lines)]


def readers(large: Size) -> list[str]:
    """What a reader downloads and waits for one search on the largest site, with each engine."""
    if not large.readers:
        return []
    lines = [
        "## 搜索：读者要下载多少、等多久",
        "",
        f"在 {large.first.pages:,} 页的网站上，用无头 Chromium 从 127.0.0.1 打开页面，在搜索框输入“{QUERY}”，"
        "记录浏览器下载的字节数（从打开页面到第一条结果出现）和从输入到第一条结果出现的时间。"
        "本机回环网络没有带宽限制；在办公网络上，下载量决定等待时间。",
        "",
        "| 搜索 | 服务器上的索引 | 浏览器下载（合计） | 其中搜索文件 | 到第一条结果 | 第一条结果 |",
        "|---|---|---|---|---|---|",
    ]
    for r in large.readers:
        lines.append(
            f"| {ENGINES.get(r.engine, r.engine)} | {mb(r.index)} | {mb(r.downloaded)} | {mb(r.search_bytes)} "
            f"| {r.seconds:.2f} 秒 | {r.first} |"
        )
    return [*lines, "", *engine_choice(large), ""]


def engine_choice(large: Size) -> list[str]:
    """Whether the numbers bear out switching a large site to Pagefind."""
    material = next((r for r in large.readers if r.engine == "material"), None)
    pagefind = next((r for r in large.readers if r.engine == "pagefind"), None)
    if not material or not pagefind:
        return []

    def heavy(bytes_: int, seconds: float) -> bool:
        return bytes_ > READER_BYTES or seconds > READER_SECONDS

    limit = f"办公网络上可以接受的 {READER_BYTES / 1e6:.0f} MB 或 {READER_SECONDS:.0f} 秒"
    text = (
        f"用 Material 的搜索，读者要先下载 {mb(material.search_bytes)} 的搜索文件、等 {material.seconds:.1f} 秒，"
        + (f"超过了{limit}。" if heavy(material.search_bytes, material.seconds) else f"仍在{limit}之内。")
        + f"用 Pagefind，下载 {mb(pagefind.search_bytes)}，{pagefind.seconds:.2f} 秒出结果。"
    )
    if heavy(material.search_bytes, material.seconds) and not heavy(pagefind.search_bytes, pagefind.seconds):
        text += "所以页面数（领导和行业领域页）达到 2,000 的网站自动改用 Pagefind（`extra.dutydir.search: auto`）。"
    else:
        text += "这次的数字不支持在 2,000 页时自动改用 Pagefind（`extra.dutydir.search: auto`）：这个门槛要重新定。"
    return [text + "上面“规模”一节的各行都用 Material 的搜索生成，以便比较。"]


def shares(r: Results) -> list[str]:
    """dutydir's share of a profiled build, the three largest other parts, and whether time grows with the pages."""
    own = sum(share for label, share in r.shares if label.startswith("dutydir"))
    top = sorted((s for s in r.shares if not s[0].startswith(("dutydir", "其余"))), key=lambda s: -s[1])[:3]
    growth = r.sizes[-1].per_page / r.sizes[0].per_page
    linear = (
        "每页用时不随页面数上升，所以总用时随页面数线性增长"
        if growth <= MAX_GROWTH
        else f"每页用时在最大的网站上是最小的 {growth:.2f}×，总用时增长快于页面数"
    )
    return [
        f"dutydir 自身（导入、读数据、生成页面）约占 {own:.0%}。其余的时间主要花在 "
        + "、".join(f"{label.split('：')[0]}（{share:.0%}）" for label, share in top)
        + f"：这些是 MkDocs 和 Material 对每一页都要做的工作；{linear}。"
    ]
