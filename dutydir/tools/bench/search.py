"""The reader's search, measured: the query suite on both engines, and the size of the answer box's data.

Each engine's site is the real data built by `mkdocs build --strict` as of the benchmark's day; each query of
search_suite.QUERIES is typed key by key into the engine's box in headless Chromium, and the page itself
records the times (search_suite.WATCH). The answer data is measured for the real site and for a synthetic
site of about 16,000 pages.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dutydir.data.units import load_site
from dutydir.render import answer_data
from dutydir.tools import synth
from dutydir.tools.bench import search_suite
from dutydir.tools.bench.builds import AS_OF, ROOT
from dutydir.tools.bench.local_site import Guard, launch, served

LARGE_UNITS = 192
"""Units of the large synthetic site (about 16,000 pages), whose answer data is measured too."""
ENGINES = {"material": "Material（本区）", "pagefind": "Pagefind（大型网站）"}
"""The engines, as the page names them."""
TARGET_HIT1 = 0.95
"""Share of queries whose answer box names the right leader first."""
TARGET_MS = 50.0
"""Median milliseconds from the last keystroke to the answer."""


def build(root: Path, engine: str) -> Path:
    """The real site built with one engine into root/engine; its folder."""
    site = root / engine
    env = {**os.environ, "DUTYDIR_SEARCH": engine, "DUTYDIR_DATE": AS_OF, "DUTYDIR_CACHE": str(root / "cache")}
    env.pop("DUTYDIR_DATA", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
    return site


def run(site: Path, engine: str) -> list[search_suite.Outcome]:
    """Every query of the suite typed into the engine's box on the served site; no request may leave it."""
    from playwright.sync_api import sync_playwright  # a development package: only the benchmark needs it

    leaders = search_suite.leaders_by_url(site)
    search = search_suite.pagefind_search if engine == "pagefind" else search_suite.material_search
    guard = Guard()
    with served(site) as base, sync_playwright() as p:
        browser = launch(p)
        page = guard.watch(browser.new_context(viewport={"width": 1280, "height": 900})).new_page()
        page.goto(base + ("search/" if engine == "pagefind" else ""))
        page.evaluate(search_suite.WATCH)
        outcomes = [search(page, query, leaders, base) for query in search_suite.QUERIES]
        browser.close()
    if guard.blocked:
        raise RuntimeError(f"the site asked for {guard.blocked[0]}")
    return outcomes


def sizes(text: str) -> list[int]:
    """Bytes of a data file as written and as gzip sends it."""
    raw = text.encode("utf-8")
    return [len(raw), len(gzip.compress(raw, mtime=0))]


def measure(progress: Callable[[str], None]) -> dict[str, Any]:
    """Both engines on the suite, and the answer data of the real site and of a large synthetic one."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="dutydir-bench-search-") as folder:
        root = Path(folder)
        for engine in ENGINES:
            progress(f"search suite: {engine}")
            site = build(root, engine)
            outcomes = run(site, engine)
            out[engine] = search_suite.summary(outcomes)
            out[engine]["misses"] = [
                o.query for o in outcomes if not set(o.answer[:1]) & set(search_suite.QUERIES[o.query])
            ]
            out[engine]["page_misses"] = [
                o.query for o in outcomes if not set(o.results[:1]) & set(search_suite.QUERIES[o.query])
            ]
        out["data_real"] = sizes((root / "material" / answer_data.PATH).read_text(encoding="utf-8"))
        progress(f"answer data: synthetic site of {LARGE_UNITS} units")
        synth.synth(root / "large", LARGE_UNITS, 1)
        large, _ = load_site(root / "large")
        out["data_large"] = sizes(answer_data.script(large))
        out["large_pages"] = sum(len(u.posts) + len(u.sectors) for u in large.units)
    return out


def section(m: dict[str, Any]) -> list[str]:
    """The page's section on the reader's search; every conclusion is computed from the numbers."""
    if not m:
        return []
    n = m["material"]["queries"]
    rows = [
        ("答案框：第一行是正确的责任领导（hit@1）", "box_hit1"),
        ("答案框：前三行内有正确的责任领导（hit@3）", "box_hit3"),
        ("答案框：没有答案的查询", "box_zero"),
        ("搜索结果：第一条页面属于正确的责任领导", "pages_hit1"),
        ("搜索结果：前三条页面内有", "pages_hit3"),
        ("搜索结果：没有结果的查询", "pages_zero"),
    ]
    met = all(
        m[e]["box_hit1"] >= TARGET_HIT1 * n and m[e]["box_zero"] == 0 and m[e]["box_ms"] < TARGET_MS for e in ENGINES
    )
    misses = "；".join(f"{ENGINES[e]}：{'、'.join(m[e]['misses'])}" for e in ENGINES if m[e]["misses"]) or "无"
    page_misses = "；".join(f"{ENGINES[e]}：{'、'.join(m[e]['page_misses'])}" for e in ENGINES if m[e]["page_misses"])
    lines = [
        "## 读者的搜索：查询集与答案框",
        "",
        f"`dutydir/tools/bench/search_suite.py` 的 {n} 个查询（行业领域全称、重点领域、领导姓名和职务、两个词的查询、"
        "日常说法、简称和部门名），每个查询写明通知规定的责任领导。每个查询逐字键入搜索框（无头 Chromium），"
        f"网站是真实数据按 {AS_OF} 生成的。",
        "",
        "| | " + " | ".join(ENGINES.values()) + " |",
        "|---|---|---|",
        *(f"| {label} | " + " | ".join(f"{m[e][key]} / {n}" for e in ENGINES) + " |" for label, key in rows),
        "| 最后一次键入 → 答案框（中位数） | " + " | ".join(f"{m[e]['box_ms']:.1f} 毫秒" for e in ENGINES) + " |",
        "| 最后一次键入 → 搜索结果最后一次更新（中位数） | "
        + " | ".join(f"{m[e]['results_ms']:.1f} 毫秒" for e in ENGINES)
        + " |",
        "",
        f"目标：答案框 hit@1 至少 {TARGET_HIT1:.0%}，没有无答案的查询，键入到答案的中位数低于 {TARGET_MS:.0f} 毫秒："
        + ("两种搜索都达到。" if met else "**未达到**。")
        + f"答案框第一行不对的查询：{misses}。"
        + (f"搜索结果第一条不属于正确领导的查询：{page_misses}。" if page_misses else ""),
        "",
        "答案框的数据 `javascripts/answer-data.js`（读者第一次使用搜索框时才下载）："
        f"本区 {m['data_real'][0]:,} 字节（gzip 后 {m['data_real'][1]:,}）；"
        f"{LARGE_UNITS} 个单位、{m['large_pages']:,} 页的合成网站 {m['data_large'][0]:,} 字节"
        f"（gzip 后 {m['data_large'][1]:,}）。各单位相同的词表、人员和单位只写一次。",
        "",
    ]
    return lines
