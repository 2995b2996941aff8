"""The reader's search, measured: the query suite of tests/search_suite.py on both engines, and the answer box's data.

Part of `make bench` (scripts/bench.py adds this section to docs/benchmarks.md); `make bench-search` measures
only this part and replaces its section in the page. Each engine's site is the real data built by
`mkdocs build --strict` as of the benchmark's day; each query is typed key by key into the engine's box in
headless Chromium, and the page itself records the times (tests/search_suite.py, WATCH).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dutydir.data.units import load_site  # noqa: E402
from dutydir.render import answer_data  # noqa: E402
from dutydir.tools import synth  # noqa: E402
from tests import search_suite  # noqa: E402
from tests.support import CHROMIUM_ARGS  # noqa: E402

AS_OF = "2026-01-01"
BEGIN = "<!-- search-suite: begin -->"
END = "<!-- search-suite: end -->"
LARGE_UNITS = 192
"""Units of the large synthetic site (about 16,000 pages), whose answer data is measured too."""
ENGINES = {"material": "Material（本区）", "pagefind": "Pagefind（大型网站）"}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build(root: Path, engine: str) -> Path:
    """The real site built with one engine into root/engine; its folder."""
    site = root / engine
    env = {**os.environ, "DUTYDIR_SEARCH": engine, "DUTYDIR_DATE": AS_OF, "DUTYDIR_CACHE": str(root / "cache")}
    env.pop("DUTYDIR_DATA", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(site)], cwd=ROOT, env=env, check=True, capture_output=True)
    return site


def run(site: Path, engine: str) -> list[search_suite.Outcome]:
    """Every query of the suite typed into the engine's box on the served site."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    leaders = search_suite.leaders_by_url(site)
    search = search_suite.pagefind_search if engine == "pagefind" else search_suite.material_search
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + ("search/" if engine == "pagefind" else ""))
            page.evaluate(search_suite.WATCH)
            outcomes = [search(page, query, leaders, base) for query in search_suite.QUERIES]
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return outcomes


def sizes(text: str) -> tuple[int, int]:
    """Bytes of a data file as written and as gzip sends it."""
    raw = text.encode("utf-8")
    return len(raw), len(gzip.compress(raw, mtime=0))


def measure(progress: Any = print) -> dict[str, Any]:
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
        out["data_real"] = sizes((root / "material" / answer_data.PATH).read_text(encoding="utf-8"))
        progress(f"answer data: synthetic site of {LARGE_UNITS} units")
        synth.synth(root / "large", LARGE_UNITS, 1)
        large, _ = load_site(root / "large")
        out["data_large"] = sizes(answer_data.script(large))
        out["large_pages"] = sum(len(u.posts) + len(u.sectors) for u in large.units)
    return out


def section(m: dict[str, Any]) -> list[str]:
    """The Markdown section for docs/benchmarks.md, between its markers."""
    n = m["material"]["queries"]

    def cell(engine: str, key: str) -> str:
        return f"{m[engine][key]} / {n}"

    rows = [
        ("答案框：第一行是正确的责任领导（hit@1）", "box_hit1", cell),
        ("答案框：前三行内有正确的责任领导（hit@3）", "box_hit3", cell),
        ("答案框：没有答案的查询", "box_zero", cell),
        ("搜索结果：第一条页面属于正确的责任领导", "pages_hit1", cell),
        ("搜索结果：前三条页面内有", "pages_hit3", cell),
        ("搜索结果：没有结果的查询", "pages_zero", cell),
    ]
    lines = [
        BEGIN,
        "## 读者的搜索：查询集与答案框",
        "",
        f"`tests/search_suite.py` 的 {n} 个查询（行业领域全称、重点领域、领导姓名和职务、两个词的查询、"
        "日常说法、简称和部门名），每个查询写明通知规定的责任领导。每个查询逐字键入搜索框（无头 Chromium），"
        f"网站是真实数据按 {AS_OF} 生成的。",
        "",
        "| | " + " | ".join(ENGINES.values()) + " |",
        "|---|---|---|",
    ]
    for label, key, fmt in rows:
        lines.append(f"| {label} | " + " | ".join(fmt(e, key) for e in ENGINES) + " |")
    lines += [
        "| 最后一次键入 → 答案框（中位数） | "
        + " | ".join(f"{m[e]['box_ms']:.1f} 毫秒" for e in ENGINES)
        + " |",
        "| 最后一次键入 → 搜索结果最后一次更新（中位数） | "
        + " | ".join(f"{m[e]['results_ms']:.1f} 毫秒" for e in ENGINES)
        + " |",
        "",
        "目标：答案框 hit@1 至少 95%，没有无答案的查询，键入到答案的中位数低于 50 毫秒："
        + ("达到。" if all(m[e]["box_hit1"] >= 0.95 * n and m[e]["box_zero"] == 0 and m[e]["box_ms"] < 50 for e in ENGINES) else "**未达到**。"),
        "答案框第一行不对的查询：" + ("；".join(f"{ENGINES[e]}：{'、'.join(m[e]['misses'])}" for e in ENGINES if m[e]["misses"]) or "无") + "。",
        "",
        "答案框的数据 `javascripts/answer-data.js`（读者第一次使用搜索框时才下载）："
        f"本区 {m['data_real'][0]:,} 字节（gzip 后 {m['data_real'][1]:,}）；"
        f"{LARGE_UNITS} 个单位、{m['large_pages']:,} 页的合成网站 {m['data_large'][0]:,} 字节"
        f"（gzip 后 {m['data_large'][1]:,}）。各单位相同的词表只写一次。",
        END,
    ]
    return lines


def with_section(page: str, m: dict[str, Any]) -> str:
    """The page with this section in place of its previous one, or added before the page's last section."""
    text = "\n".join(section(m))
    if BEGIN in page and END in page:
        before, rest = page.split(BEGIN, 1)
        return before + text + rest.split(END, 1)[1]
    at = page.rfind("\n## ")
    return page[:at] + "\n" + text + "\n" + page[at:] if at >= 0 else page + "\n" + text + "\n"
