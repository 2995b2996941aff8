"""The section of docs/benchmarks.md on sharded builds: every conclusion computed from the numbers."""

from __future__ import annotations

from dutydir.tools.bench.prose import MAX_GROWTH, mb, verdict
from dutydir.tools.bench.shard_results import Run, ShardRun

CITY_SECONDS = 10.0
"""Aim: from `dutydir appoint` to a published city, at most."""
DISTRICT_SECONDS = 2.0
"""Requirement: from a change to the published district, at most."""
SPEEDUP = 1.8
"""Aim: the first build with 2 workers against 1."""
FULL_CITY_PAGES = 15_000
"""A city this large or larger is the one the aims are set for (about 16,000 pages)."""


def run_cell(run: Run) -> str:
    """A run's wall time with its CPU time."""
    return f"{run.seconds:.1f} 秒（CPU {run.cpu:.1f} 秒）"


def section(s: ShardRun) -> list[str]:
    """The whole section."""
    return [*heading(s), *targets(s), *sizes(s), *reading(s)]


def heading(s: ShardRun) -> list[str]:
    """What was compared, and on what."""
    lines = [
        "## 分片生成",
        "",
        f"同一次运行里，对同一个 {s.units} 个单位、{s.pages:,} 页的合成城市比较今天的整体生成（一个 `mkdocs build --strict`）"
        "和分片生成（`dutydir build-site`：每个单位一个分片，再合并）。图表缓存都已有；CPU 时间含子进程。",
        "",
    ]
    if s.pages < FULL_CITY_PAGES:
        lines += [
            '!!! warning "规模"',
            "",
            f"    本次测的城市只有 {s.pages:,} 页，不是目标所说的约 16,000 页；下面的结论只对这个规模成立。"
            " 完整测量：`make bench`（代码相同，单位数见 dutydir/tools/bench/run.py 的 SHARD_UNITS）。",
            "",
        ]
    if s.note:
        lines += ['!!! note "本次运行"', "", f"    {s.note}", ""]
    return lines


def targets(s: ShardRun) -> list[str]:
    """Each aim with what was measured and whether it was met."""
    one, two = s.jobs["1"], s.jobs["2"]
    speedup = one.seconds / two.seconds
    material = (
        [
            f"| 城市，用 Material 的搜索：从 `dutydir appoint` 到发布 | 少于 {CITY_SECONDS:.0f} 秒 | — "
            f"| {run_cell(s.publish_material)} | {verdict(s.publish_material.seconds < CITY_SECONDS)} |"
        ]
        if s.publish_material
        else []
    )
    draft = (
        [
            f"| 区，权责清单不打印 PDF（草稿）：从修改到发布 | 少于 {DISTRICT_SECONDS:.0f} 秒 | — "
            f"| {run_cell(s.district_draft)} | {verdict(s.district_draft.seconds < DISTRICT_SECONDS)} |"
        ]
        if s.district_draft
        else []
    )
    return [
        "| 目标 | 要求 | 之前（整体生成） | 之后（分片） | 结论 |",
        "|---|---|---|---|---|",
        f"| 城市（Pagefind 搜索）：从 `dutydir appoint` 到发布 | 少于 {CITY_SECONDS:.0f} 秒 | {run_cell(s.publish_before)} "
        f"| {run_cell(s.publish_after)}，重新生成 {s.rebuilt} 个分片 | {verdict(s.publish_after.seconds < CITY_SECONDS)} |",
        *material,
        f"| 区（一个单位，打印 PDF）：从修改到发布 | 少于 {DISTRICT_SECONDS:.0f} 秒 | — | {run_cell(s.district)} "
        f"| {verdict(s.district.seconds < DISTRICT_SECONDS)} |",
        *draft,
        f"| 首次生成：2 个进程对 1 个进程 | 至少 {SPEEDUP}× | 整体 {run_cell(s.single)} "
        f"| 1 个进程 {run_cell(one)}；2 个进程 {run_cell(two)}；{speedup:.2f}× | {verdict(speedup >= SPEEDUP)} |",
        f"| 合并后网站占用磁盘 | 不多于整体生成 | {mb(s.single_bytes)} | {mb(s.merged_bytes)}；新发布一版另占 "
        f"{mb(s.release_bytes)}（其余是分片库的硬链接，分片库 {mb(s.store_bytes)}） "
        f"| {verdict(s.merged_bytes <= s.single_bytes)} |",
        "",
    ]


def sizes(s: ShardRun) -> list[str]:
    """Time and memory a page at each size, and whether they stay flat."""
    if len(s.sizes) < 2:
        return []
    rows = [
        f"| {c.units} | {c.pages:,} | {c.build.seconds:.1f} | {c.per_page * 1000:.1f} | {c.cpu_per_page * 1000:.1f} "
        f"| {mb(c.build.peak)} |"
        for c in s.sizes
    ]
    small, large = s.sizes[0], s.sizes[-1]
    wall, cpu = large.per_page / small.per_page, large.cpu_per_page / small.cpu_per_page
    memory = large.build.peak / small.build.peak
    memory_per_page = memory * small.pages / large.pages
    flat = cpu <= MAX_GROWTH and memory_per_page <= MAX_GROWTH
    said = "持平" if flat else "没有持平"
    pagefind = (
        [
            f"最大规模的峰值内存是 Pagefind 建索引的进程：它单独给合并后的城市建索引时峰值 {mb(s.pagefind.peak)}，"
            "把全城的索引放在内存里"
            + (
                f"；同一城市用 Material 的搜索发布时，峰值是 {mb(s.publish_material.peak)}。"
                if s.publish_material
                else "。"
            ),
            "",
        ]
        if s.pagefind and s.pagefind.peak >= 0.9 * large.build.peak
        else []
    )
    return [
        "首次分片生成（2 个进程，图表缓存为空），不同规模：",
        "",
        "| 单位数 | 页数 | 用时（秒） | 每页毫秒 | 每页 CPU 毫秒 | 峰值内存 |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"从 {small.pages:,} 页到 {large.pages:,} 页，每页 CPU 时间是 {cpu:.2f}×，每页用时 {wall:.2f}×，"
        f"每页的峰值内存 {memory_per_page:.2f}×（峰值内存本身 {memory:.2f}×）：{said}（以 {MAX_GROWTH}× 为界）。",
        "",
        *pagefind,
    ]


def reading(s: ShardRun) -> list[str]:
    """What the numbers say beyond the table."""
    cpu_ratio = s.jobs["1"].cpu / s.single.cpu
    gain = s.publish_before.seconds / s.publish_after.seconds
    lines = [
        f"分片生成（1 个进程）用的 CPU 时间是整体生成的 {cpu_ratio:.2f}×"
        + ("，分片本身几乎不多花。" if cpu_ratio <= 1.1 else "：每个分片各自运行一次 MkDocs，多花了这部分。"),
        "",
        f"一次任命之后，分片发布比整体发布快 {gain:.1f}×：只重新生成改动的单位，其余分片原样链接进新版本。",
        "",
    ]
    if s.pagefind:
        share = s.pagefind.seconds / s.publish_after.seconds
        lines += [
            f"城市的一次发布里，Pagefind 给合并后的 {s.pages:,} 页重建索引用了 {s.pagefind.seconds:.1f} 秒"
            f"（单独测量），占 {share:.0%}。Pagefind 没有增量索引，也不能在生成时合并各分片的索引，"
            "所以这部分随城市的页数增长，而不随改动的多少变化"
            + (
                f"；不用 Pagefind（Material 的搜索，各分片的条目直接合并）时同样的发布用 {s.publish_material.seconds:.1f} 秒。"
                if s.publish_material
                else "。"
            ),
            "",
        ]
    if s.district_draft:
        printed = (
            f"区的一次任命之后重新打印了 {s.district_printed} 份 PDF（共 {s.district_lists} 份；每份清单写的是它自己"
            "最近一次内容有变的日期，其余的从缓存取）。"
            if s.district_printed is not None
            else ""
        )
        lines += [
            f"{printed}打印 PDF 时用 {s.district.seconds:.1f} 秒，不打印时 {s.district_draft.seconds:.1f} 秒。"
            "打印时间的大部分是启动 Chromium 并嵌入中文字体；不打印时的时间是读入数据、生成页面、"
            "Material 搜索的中文分词（jieba 载入词典约半秒）和检查链接。",
            "",
        ]
    if s.jobs["1"].seconds / s.jobs["2"].seconds < SPEEDUP:
        lines += [
            f"2 个进程的 CPU 时间（{s.jobs['2'].cpu:.1f} 秒）与 1 个进程（{s.jobs['1'].cpu:.1f} 秒）相差 "
            f"{abs(s.jobs['2'].cpu / s.jobs['1'].cpu - 1):.0%}，而墙钟时间没有按进程数缩短：不能分开做的步骤"
            "（读入全部单位、合并分片、建搜索索引）只用一个核，机器上的其他负载（见上面的负载）也占去一部分 CPU。",
            "",
        ]
    return lines
