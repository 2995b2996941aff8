"""docs/benchmarks.md, rendered from a run's results: every sentence that concludes is computed from the numbers.

A sentence that states a conclusion comes from a function here that reads the numbers and picks its words,
or leaves the sentence out, so that a page rendered from other numbers never says what they do not show.
"""

from __future__ import annotations

import statistics

from dutydir.tools.bench import prose, search, shard_report
from dutydir.tools.bench.builds import AS_OF, SEARCH_INDEX
from dutydir.tools.bench.measure import APPOINT, HOOKS_PARTS, SEED
from dutydir.tools.bench.prose import MAX_GROWTH, MAX_HTML_SPREAD, MAX_OVERHEAD, MAX_PEAK, kb, mb, ms, seconds_list
from dutydir.tools.bench.results import Results


def report(r: Results) -> str:
    """The text of docs/benchmarks.md."""
    lines = ["# 性能基准", "", *intro(r), *targets(r), *overheads(r), *scaling(r), *prose.readers(r.sizes[-1])]
    lines += [*rebuilds(r), *profile(r), *search.section(r.search)]
    lines += [*(shard_report.section(r.shards) if r.shards else []), *how_to_run()]
    return "\n".join(lines)


def intro(r: Results) -> list[str]:
    """Where the numbers come from, and the machine."""
    lines = [
        f"本页由 `make bench` 从测量结果（`docs/benchmarks.json`）写出；整个测量在下面这台机器上用时 {r.minutes:.1f} 分钟。"
        f"所有网站都按 {AS_OF} 的任职情况生成；每次生成都是单独一个 `mkdocs build --strict` 进程。",
        "",
    ]
    if r.source:
        lines += ['!!! note "数字的来源"', "", f"    {r.source}", ""]
    return lines + [
        "## 机器",
        "",
        "| 项目 | 内容 |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in r.machine.items()),
        "",
    ]


def targets(r: Results) -> list[str]:
    """The targets, each with what was measured and whether it was met."""
    small, large = r.sizes[0], r.sizes[-1]
    growth, growth_warm = large.per_page / small.per_page, large.warm.per_page / small.warm.per_page
    html = [s.first.html for s in r.sizes]
    spread = max(html) / min(html) - 1
    worst = max(o.ratio for o in r.overheads)
    verdict = prose.verdict
    return [
        "## 目标",
        "",
        "| 目标 | 要求 | 实测 | 结论 |",
        "|---|---|---|---|",
        f"| 钩子的开销 | 不超过纯 MkDocs 的 {MAX_OVERHEAD}× | "
        + "；".join(f"{o.name} {o.ratio:.2f}×" for o in r.overheads)
        + f" | {verdict(worst <= MAX_OVERHEAD)} |",
        f"| 线性增长 | {large.first.pages:,} 页的每页用时不超过 {small.first.pages:,} 页的 {MAX_GROWTH}× | "
        f"{growth:.2f}×（{ms(large.per_page)} 对 {ms(small.per_page)} 毫秒/页；图表读缓存时 {growth_warm:.2f}×） "
        f"| {verdict(growth <= MAX_GROWTH)} |",
        f"| 页面大小 | 各规模的平均页面 HTML 大小相差不超过 {MAX_HTML_SPREAD:.0%} | "
        f"{kb(min(html))} 至 {kb(max(html))}，相差 {spread:.1%} | {verdict(spread <= MAX_HTML_SPREAD)} |",
        f"| 峰值内存 | {large.first.pages:,} 页时低于 {MAX_PEAK / 1024**3:.0f} GB | {mb(large.peak)} "
        f"| {verdict(large.peak < MAX_PEAK)} |",
        "| 图表不重复渲染 | DOT 不变的图表不再调用 Graphviz | 数据不变时再生成："
        + "、".join(f"{s.warm.renders} 次" for s in r.sizes)
        + f"；{prose.renders_match(r.sizes)} | {verdict(prose.charts_once(r.sizes))} |",
        "",
    ]


def overheads(r: Results) -> list[str]:
    """Hooks against plain MkDocs: the method, the times, and where the hooks' time goes."""
    lines = [
        "## 开销：钩子对纯 MkDocs",
        "",
        "“钩子”是实际的生成方式：`hooks/dutydir_hooks.py` 读取数据，在内存中生成页面。“纯 MkDocs”生成同样的页面："
        "`dutydir render` 把页面和图表（与钩子相同的图表缓存）写成一个 `docs/` 文件夹和去掉钩子的 `mkdocs.yml`"
        "（同样的主题、插件和导航），再用 `mkdocs build` 生成。计时之前两边各生成一次，不计时；"
        "此后图表缓存已满，两边都不调用 Graphviz。然后两边交替生成，"
        f"各 {r.runs} 次，取中位数之比。两边生成的文件逐字节比较（搜索索引按条目比较，不计顺序）。",
        "",
        *prose.same_output(r.overheads),
        "| 网站 | 页面数 | 钩子 | 纯 MkDocs | 比值 | 两边的输出 |",
        "|---|---|---|---|---|---|",
    ]
    for o in r.overheads:
        same = f"{o.files:,} 个文件相同" if not o.differ else f"{len(o.differ)} 个文件不同"
        lines.append(
            f"| {o.name} | {o.pages:,} | {statistics.median(o.hooks):.2f} 秒 | {statistics.median(o.plain):.2f} 秒 "
            f"| {o.ratio:.2f}× | {same} |"
        )
    lines += ["", "各次用时（秒）：", ""]
    lines += [f"- {o.name}：钩子 {seconds_list(o.hooks)}；纯 MkDocs {seconds_list(o.plain)}" for o in r.overheads]
    lines += [
        "",
        "钩子多出的时间花在哪里：在新的 Python 进程中先导入 MkDocs 已导入的模块，再依次计时钩子做的事，"
        f"取 {r.runs} 次的中位数。纯 MkDocs 一边要从磁盘读入这些页面的 Markdown 文件，钩子一边不用，"
        "所以“多出”可以小于各部分之和。",
        "",
        "| 网站 | 多出 | " + " | ".join(HOOKS_PARTS) + " |",
        "|---|---|" + "---|" * len(HOOKS_PARTS),
    ]
    for o in r.overheads:
        lines.append(f"| {o.name} | {o.extra:.2f} 秒 | " + " | ".join(f"{t:.3f} 秒" for t in o.parts) + " |")
    return [*lines, "", *prose.hooks_parts(r.overheads[0]), ""]


def scaling(r: Results) -> list[str]:
    """Synthetic sites at each size, from an empty chart cache."""
    lines = [
        "## 规模",
        "",
        f"`dutydir synth --units N --seed {SEED}` 生成的合成数据，从空的图表缓存开始生成，"
        "每次用一个新的缓存；用时取各次的中位数。峰值内存是 `mkdocs build` 进程的最大常驻内存"
        "（`os.wait4` 返回的 `ru_maxrss`），取各次的最大值。",
        "",
        "| 单位数 | 页面数 | 生成次数 | 用时 | 毫秒/页 | 峰值内存 | 平均页面 HTML | 搜索索引 | 图表 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in r.sizes:
        b = s.first
        lines.append(
            f"| {s.units} | {b.pages:,} | {len(s.cold)} | {s.seconds:.1f} 秒 | {ms(s.per_page)} | {mb(s.peak)} "
            f"| {kb(b.html)} | {mb(b.index)} | {b.charts:,} |"
        )
    repeated = [s for s in r.sizes if len(s.cold) > 1]
    lines += [
        "",
        *(f"- {s.first.pages:,} 页各次用时（秒）：{seconds_list([b.seconds for b in s.cold])}" for s in repeated),
    ]
    return [*lines, "", *prose.growth(r.sizes), "", *prose.index_growth(r.sizes, SEARCH_INDEX), ""]


def rebuilds(r: Results) -> list[str]:
    """Each size built again unchanged, and after one appointment."""
    post, person, day = APPOINT
    lines = [
        "## 重新生成",
        "",
        f"同一份数据、同一个缓存紧接着再生成一次（“数据不变”），然后执行一次 `dutydir appoint {post} {person} "
        f"--date {day}`（主单位的一位副职换人）再生成。“Graphviz 调用”由 PATH 上一个记录每次调用、再转给真正的 "
        f"`dot` 的脚本计数；“读缓存”是页面中其余的图表。每次生成的图表在 {r.cores} 个核上并行渲染。",
        "",
        "| 页面数 | 生成 | 用时 | 毫秒/页 | Graphviz 调用 | 读缓存 | 峰值内存 |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in r.sizes:
        for label, b in (("首次（空缓存）", s.cold[-1]), ("数据不变", s.warm), ("appoint 之后", s.appointed)):
            lines.append(
                f"| {b.pages:,} | {label} | {b.seconds:.1f} 秒 | {ms(b.per_page)} | {b.renders:,} "
                f"| {b.charts - b.renders:,} | {mb(b.peak)} |"
            )
    return [*lines, "", *prose.rebuild(r.sizes), ""]


def profile(r: Results) -> list[str]:
    """Where a profiled build's time goes."""
    return [
        "## 时间花在哪里",
        "",
        f"用 cProfile 剖析 {r.sizes[0].first.pages:,} 页网站的一次生成（图表读缓存）。下表是各部分占总用时的比例；"
        "cProfile 使所有 Python 代码都变慢，比例比绝对秒数可靠。",
        "",
        "| 部分 | 占比 |",
        "|---|---|",
        *(f"| {label} | {share:.0%} |" for label, share in r.shares),
        "",
        *prose.shares(r),
        "",
    ]


def how_to_run() -> list[str]:
    """The commands."""
    return [
        "## 怎样运行",
        "",
        "```sh",
        "make bench                                   # 全部测量，写出 docs/benchmarks.json 和本页",
        ".venv/bin/python scripts/bench.py --quick --out /tmp/bench.md  # 小规模试运行，几分钟",
        ".venv/bin/python scripts/bench.py --render   # 只从 docs/benchmarks.json 重写本页",
        "```",
        "",
    ]
