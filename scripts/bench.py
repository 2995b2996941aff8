"""Benchmark of the site build; writes docs/benchmarks.md with the measurements and the machine they come from.

Run with `make bench` (about a quarter of an hour on two cores), or `--quick` for a short trial of the
benchmark itself. Three parts, all measured in one run:

- overhead: the real site built with the hooks, against the same pages written out as Markdown files and
  built by plain `mkdocs build` with the same theme, plugins and nav; alternating runs, ratio of medians;
- scaling: synthetic sites of about 1,000, 4,000 and 16,000 pages, each built from an empty chart cache;
- rebuild: each of those again with unchanged data, and once more after one `dutydir appoint`.

Every build is a `mkdocs build --strict` subprocess: its wall time, and its peak memory from the rusage
os.wait4 returns. Graphviz runs are counted by a `dot` on PATH that logs each call, then runs the real one.
Temporary sites live in a temporary folder, never in the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.metadata
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dutydir.build import material_search, svg
from dutydir.data.units import load_site
from dutydir.render import search_words
from dutydir.render.site import site_pages
from dutydir.tools import synth

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"
REAL_DATA = ROOT / "data" / "leaders.yaml"
OUT = ROOT / "docs" / "benchmarks.md"
AS_OF = "2026-01-01"
"""Every build describes this day, so that runs on different days build the same pages."""
APPOINT = ("p-01", "欧阳明远", "2025-12-01")
"""The one personnel change of the rebuild: post, new holder, first day."""
SEED = 1
SIZES = ((12, 3), (48, 2), (192, 2))
"""Units of the synthetic sites (about 84 pages a unit: about 1,000, 4,000 and 16,000 pages) and builds of each."""
RUNS = 5
"""Timed builds of each side of the overhead comparison."""
CHART = b'<div class="dutydir-chart"'
"""How a chart starts in a page (pages.chart_block)."""
SEARCH_INDEX = "search/search_index.json"

# The targets.
MAX_OVERHEAD = 1.2
MAX_GROWTH = 1.2
MAX_HTML_SPREAD = 0.10
MAX_PEAK = 2 * 1024**3


@dataclass
class Build:
    """What one `mkdocs build` took and made."""

    seconds: float
    peak: int
    """Peak resident memory of the build process, in bytes (ru_maxrss)."""
    pages: int
    """HTML files written."""
    html: float
    """Mean size of those HTML files, in bytes."""
    index: int
    """Size of search/search_index.json, in bytes."""
    renders: int
    """Graphviz runs during the build."""
    written: int
    """Chart cache entries written (new or replaced) during the build."""
    charts: int
    """Charts in the built pages."""

    @property
    def per_page(self) -> float:
        return self.seconds / self.pages


class Bench:
    """Builds in a temporary folder, with a `dot` that counts its runs."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        real_dot = shutil.which("dot")
        if real_dot is None:
            sys.exit("bench: Graphviz's dot is not installed; run make system")
        shim = tmp / "bin"
        shim.mkdir()
        (shim / "dot").write_text(f'#!/bin/sh\necho >> "$DUTYDIR_BENCH_DOT_LOG"\nexec {real_dot} "$@"\n')
        (shim / "dot").chmod(0o755)
        self.path = f"{shim}{os.pathsep}{os.environ.get('PATH', '')}"
        self.dot_log = tmp / "dot-runs.log"

    def build(
        self,
        config: Path,
        site: Path,
        cache: Path,
        data: Path | None = None,
        profile: Path | None = None,
        search: str = "material",
    ) -> Build:
        """Run `mkdocs build --strict` of a config into a fresh site folder with a search engine; measure it.

        Material's search is the default here, so that every size is built the same way and its
        index size can be compared; the site itself picks Pagefind from 2,000 pages on.
        """
        shutil.rmtree(site, ignore_errors=True)
        env = dict(os.environ)
        env.pop("DUTYDIR_DATA", None)
        env.update(
            NO_MKDOCS_2_WARNING="1",
            DUTYDIR_DATE=AS_OF,
            DUTYDIR_CACHE=str(cache),
            DUTYDIR_BENCH_DOT_LOG=str(self.dot_log),
            DUTYDIR_SEARCH=search,
            PATH=self.path,
        )
        if data is not None:
            env["DUTYDIR_DATA"] = str(data)
        self.dot_log.write_text("")
        before = cache_state(cache)
        profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
        command = [sys.executable, *profiler, "-m", "mkdocs", "build", "--strict", "--quiet"]
        command += ["--config-file", str(config), "--site-dir", str(site)]
        with tempfile.TemporaryFile() as log:
            start = time.perf_counter()
            proc = subprocess.Popen(command, cwd=config.parent, env=env, stdout=log, stderr=log)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                log.seek(0)
                sys.exit(f"bench: {' '.join(command)} failed:\n{log.read().decode(errors='replace')}")
        after = cache_state(cache)
        html = [p.read_bytes() for p in site.rglob("*.html")]
        index = site / SEARCH_INDEX
        return Build(
            seconds=seconds,
            peak=usage.ru_maxrss * 1024,
            pages=len(html),
            html=sum(len(page) for page in html) / len(html),
            index=index.stat().st_size if index.is_file() else 0,
            renders=len(self.dot_log.read_text().splitlines()),
            written=sum(1 for name, stamp in after.items() if before.get(name) != stamp),
            charts=sum(page.count(CHART) for page in html),
        )


def cache_state(cache: Path) -> dict[str, tuple[int, int]]:
    """Every chart cache entry with its inode and mtime: a rewritten entry changes both."""
    if not cache.is_dir():
        return {}
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.glob("*.svg")}


def plain_project_apart(data: Path, cache: Path, dest: Path) -> Path:
    """plain_project in a new Python process, as the hooks run in a new `mkdocs build` process.

    jieba's dictionary is global to a process: words one site taught it would otherwise change how
    the next site's pages are cut.
    """
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--plain", str(data), str(cache), str(dest)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"bench: writing the plain copy of the site failed:\n{done.stderr}")
    return dest / "mkdocs.yml"


def plain_project(data: Path, cache: Path, dest: Path) -> Path:
    """The site's pages as Markdown files in a copy of docs/, with mkdocs.yml minus the hooks; its config file.

    The pages come from load_site and site_pages with svg.render and the same chart cache, as the hooks make them.
    """
    site, _ = load_site(data, dt.date.fromisoformat(AS_OF))
    pages = site_pages(site, functools.partial(svg.render, cache_dir=cache), directory_urls=True)
    shutil.copytree(ROOT / "docs", dest / "docs")
    for src_uri, text in pages.items():
        path = dest / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    text = CONFIG.read_text(encoding="utf-8")
    # The hooks name the site after the main unit; the plain site is given the same name.
    name = json.dumps(f"{site.units[0].unit.short_name}安全生产责任目录", ensure_ascii=False)
    # The hooks add people's names and keywords to jieba; the plain site gives Material the same words.
    import jieba  # here: its dictionary loads in a second, and only this comparison needs it

    words = [w for unit in site.units for w in search_words.segmenter_words(unit)]
    (dest / "jieba.txt").write_text(
        "".join(f"{w} {max(search_words.WORD_FREQUENCY, jieba.suggest_freq(w))}\n" for w in dict.fromkeys(words)),
        encoding="utf-8",
    )
    user_dict = json.dumps(str(dest / "jieba.txt"))
    for pattern, replacement in (
        (r"^site_name: .*\n", f"site_name: {name}\n"),
        (r"^      lang: zh\n", f"      lang: zh\n      jieba_dict_user: {user_dict}\n"),
        (r"^hooks:\n(?:  - .*\n)+", ""),
        (r"^watch:\n(?:  - .*\n)+", ""),
    ):
        text, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
        if n != 1:
            sys.exit(f"bench: mkdocs.yml has no line matching {pattern!r}")
    config = dest / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def same_files(a: Path, b: Path) -> tuple[int, list[str]]:
    """How many files two sites hold, and which differ or are in one only.

    sitemap.xml.gz holds the time it was written. The search index lists the same pages in another order
    (MkDocs puts the hooks' pages after docs/'s), so its entries are compared as a set.
    """
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(files_a ^ files_b)
    for f in sorted(files_a & files_b - {"sitemap.xml.gz"}):
        one, other = (a / f).read_bytes(), (b / f).read_bytes()
        if f == SEARCH_INDEX:
            one, other = (search_entries(x) for x in (one, other))
        if Path(f).match(material_search.WORKER_GLOB):
            # The hooks fix Material's search worker after the build; the plain build has it as Material ships it.
            one, other = (x.replace(material_search.AFTER.encode(), material_search.BEFORE.encode()) for x in (one, other))
        if one != other:
            differ.append(f)
    return len(files_a | files_b), differ


def search_entries(index: bytes) -> tuple[object, list[str]]:
    """A search index's config and its entries in sorted order."""
    data = json.loads(index)
    return data["config"], sorted(json.dumps(doc, ensure_ascii=False, sort_keys=True) for doc in data["docs"])


# What the hooks add to a build, timed in a fresh interpreter that has already imported what MkDocs imports
# (under -X importtime, which tells pypinyin's part of the import).
HOOKS_WORK = """
import datetime as dt, functools, json, sys, time
from pathlib import Path
import jinja2, markdown, mkdocs.plugins, mkdocs.structure.files, yaml
start = time.perf_counter()
from dutydir.build import material_search, svg
from dutydir.data.units import load_site
from dutydir.render.site import site_pages
imported = time.perf_counter()
site, _ = load_site(sys.argv[1], dt.date.fromisoformat(sys.argv[2]))
loaded = time.perf_counter()
site_pages(site, functools.partial(svg.render, cache_dir=Path(sys.argv[3])))
made = time.perf_counter()
print(json.dumps([imported - start, loaded - imported, made - loaded]))
"""
HOOKS_PARTS = ("导入 dutydir", "其中 pypinyin", "读取并检查数据", "生成页面（图表读缓存）")


def hooks_work(data: Path, cache: Path, runs: int) -> list[float]:
    """Median seconds of each of HOOKS_PARTS on a site, with a warm chart cache."""
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", HOOKS_WORK, str(data), AS_OF, str(cache)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            sys.exit(f"bench: timing the hooks' work failed:\n{done.stderr}")
        imported, loaded, made = json.loads(done.stdout)
        # "import time: self [us] | cumulative | imported package", the package's own line last.
        pinyin = [int(line.split("|")[1]) for line in done.stderr.splitlines() if re.search(r"\|\s+pypinyin$", line)]
        times.append([imported, pinyin[-1] / 1e6 if pinyin else 0.0, loaded, made])
    return [statistics.median(part) for part in zip(*times, strict=True)]


@dataclass
class Overhead:
    """Hooks against plain MkDocs on one site."""

    name: str
    pages: int
    hooks: list[float]
    plain: list[float]
    files: int
    differ: list[str]
    parts: list[float]
    """Median seconds of each of HOOKS_PARTS."""

    @property
    def ratio(self) -> float:
        return statistics.median(self.hooks) / statistics.median(self.plain)


def overhead(bench: Bench, key: str, name: str, data: Path, runs: int) -> Overhead:
    """Alternating builds of the site with the hooks and as plain Markdown files, both from a warm chart cache."""
    work = bench.tmp / f"overhead-{key}"
    cache = work / "cache"
    # Untimed: the first build fills the chart cache (and warms the disk cache and jieba's) for both sides.
    first = bench.build(CONFIG, work / "site-hooks", cache, data)
    plain_config = plain_project_apart(data, cache, work / "plain")
    bench.build(plain_config, work / "site-plain", cache)
    files, differ = same_files(work / "site-hooks", work / "site-plain")
    hooks: list[float] = []
    plain: list[float] = []
    for run in range(runs):
        sides = [("hooks", CONFIG, data), ("plain", plain_config, None)]
        for side, config, side_data in sides if run % 2 == 0 else sides[::-1]:
            b = bench.build(config, work / f"site-{side}", cache, side_data)
            (hooks if side == "hooks" else plain).append(b.seconds)
            progress(f"overhead, {key}: {side} {b.seconds:.2f} s")
    parts = hooks_work(data, cache, runs)
    shutil.rmtree(work)
    return Overhead(name, first.pages, hooks, plain, files, differ, parts)


@dataclass
class Size:
    """One synthetic site: built from an empty chart cache, again unchanged, and after one appointment."""

    units: int
    cold: list[Build]
    """Builds from an empty chart cache, each with its own."""
    warm: Build
    appointed: Build
    readers: list[Reader] | None = None
    """What a reader downloads and waits for a first search result, for each engine (largest site only)."""

    @property
    def first(self) -> Build:
        """A build from an empty cache (pages, sizes and charts are the same in each)."""
        return self.cold[0]

    @property
    def seconds(self) -> float:
        """Median seconds of the builds from an empty cache."""
        return statistics.median(b.seconds for b in self.cold)

    @property
    def per_page(self) -> float:
        return self.seconds / self.first.pages

    @property
    def peak(self) -> int:
        return max(b.peak for b in self.cold)


@dataclass
class Reader:
    """One search by a reader in headless Chromium: what the browser downloaded and how long until a result."""

    engine: str
    index: int
    """Bytes of the engine's whole index on the server."""
    downloaded: int
    """Bytes the browser fetched from opening the page to the first result (page, assets and index)."""
    search_bytes: int
    """Of those, the bytes of the search engine's own files (index, fragments, worker, wasm)."""
    seconds: float
    """From starting the query to the first result on screen."""
    first: str
    """The first result's title."""


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUERY = "交通"


def reader(site: Path, engine: str) -> Reader:
    """Serve a built site on 127.0.0.1 and search it once in headless Chromium, counting bytes and time."""
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    fetched: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("requestfinished", lambda r: fetched.__setitem__(r.url, r.sizes()["responseBodySize"]))
            if engine == "pagefind":
                page.goto(base + "search/")
                field, result = ".pagefind-ui__search-input", ".pagefind-ui__result-link"
            else:
                page.goto(base)
                field, result = "input.md-search__input", ".md-search-result__item h1"
            start = time.perf_counter()
            page.fill(field, QUERY)
            page.keyboard.press("End")
            page.wait_for_selector(result, timeout=600_000)
            seconds = time.perf_counter() - start
            first = page.locator(result).first.inner_text().replace("\u200b", "")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    marker = "/pagefind/" if engine == "pagefind" else "/search/"
    index = sum(p.stat().st_size for p in (site / marker.strip("/")).rglob("*") if p.is_file())
    search_bytes = sum(size for url, size in fetched.items() if marker in url or "worker" in url)
    return Reader(engine, index, sum(fetched.values()), search_bytes, seconds, first)


def scaling(bench: Bench, units: int, runs: int, profile: Path | None = None, readers: bool = False) -> Size:
    """Build a synthetic site from empty chart caches, again unchanged, after one appointment; profile one more."""
    work = bench.tmp / f"units-{units}"
    data = work / "data"
    synth.synth(data, units, SEED)
    cold = []
    for run in range(runs):
        cache = work / f"cache-{run}"
        cold.append(bench.build(CONFIG, work / "site", cache, data))
        progress(f"{units} units: {cold[-1].pages} pages from an empty chart cache in {cold[-1].seconds:.1f} s")
    warm = bench.build(CONFIG, work / "site", cache, data)
    progress(f"{units} units: unchanged, {warm.seconds:.1f} s, {warm.renders} charts rendered")
    post, person, day = APPOINT
    dutydir = Path(sys.executable).parent / "dutydir"
    done = subprocess.run(
        [str(dutydir), "appoint", post, person, "--date", day, "--data", str(data / "leaders.yaml")],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"bench: dutydir appoint failed:\n{done.stderr}")
    appointed = bench.build(CONFIG, work / "site", cache, data)
    progress(f"{units} units: after appoint, {appointed.seconds:.1f} s, {appointed.renders} charts rendered")
    if profile is not None:
        bench.build(CONFIG, work / "site", cache, data, profile=profile)
        progress(f"{units} units: profiled")
    measured = None
    if readers:
        measured = [reader(work / "site", "material")]
        progress(f"{units} units: a reader's search with Material, {measured[-1].seconds:.1f} s")
        bench.build(CONFIG, work / "site-pagefind", cache, data, search="pagefind")
        measured.append(reader(work / "site-pagefind", "pagefind"))
        progress(f"{units} units: a reader's search with Pagefind, {measured[-1].seconds:.1f} s")
    shutil.rmtree(work)
    return Size(units, cold, warm, appointed, measured)


# Where a profiled build's time goes: functions of MkDocs, its plugins and the hooks, each called once
# per page or once per build, none inside another.
PROFILED: tuple[tuple[str, str, str], ...] = (
    ("dutydir/build/hooks.py", "<module>", "dutydir：导入（主要是 pypinyin 的拼音词典）"),
    ("dutydir/build/hooks.py", "on_config", "dutydir：读取并检查数据"),
    ("dutydir/build/hooks.py", "on_files", "dutydir：生成页面（图表读缓存）"),
    ("markdown/core.py", "convert", "Python-Markdown：Markdown 转 HTML"),
    ("material/plugins/search/plugin.py", "on_page_context", "Material 搜索插件：解析每页 HTML、jieba 中文分词"),
    ("material/plugins/search/plugin.py", "on_post_build", "Material 搜索插件：写出搜索索引"),
    ("jinja2/environment.py", "render", "Jinja2：Material 主题的页面模板（含导航）"),
    ("mkdocs/utils/__init__.py", "write_file", "写出 HTML 文件"),
)
OTHER = "其余：启动和导入 MkDocs、读取配置、建立导航、复制主题文件"


def profile_shares(prof: Path) -> list[tuple[str, float]]:
    """Shares of a profiled build's time, by part."""
    stats = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _), (_, _, _, ct, _) in stats.items())
    shares = []
    for path, function, label in PROFILED:
        spent = sum(
            ct
            for (file, _, name), (_, _, _, ct, _) in stats.items()
            if name == function and file.replace(os.sep, "/").endswith(path)
        )
        shares.append((label, spent / total))
    shares.append((OTHER, 1 - sum(share for _, share in shares)))
    return shares


def machine() -> dict[str, str]:
    """The machine and software the benchmark runs on."""
    cpu = platform.processor() or platform.machine()
    memory = "未知"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        kb = next(
            line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:")
        )
        memory = f"{int(kb) / 1024**2:.1f} GB"
    except (OSError, StopIteration):
        pass
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    measured = ["dutydir", "hooks", "scripts", "mkdocs.yml", "data"]
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", *measured], cwd=ROOT).returncode != 0
    version = commit.stdout.strip() + ("（有未提交的改动）" if dirty else "") if commit.returncode == 0 else "未知"
    return {
        "CPU": f"{cpu}，{os.cpu_count()} 核",
        "内存": memory,
        "系统": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": platform.python_version(),
        "MkDocs / Material": f"{importlib.metadata.version('mkdocs')} / {importlib.metadata.version('mkdocs-material')}",
        "Graphviz": dot.removeprefix("dot - graphviz version ") or "未知",
        "日期": dt.date.today().isoformat(),
        "代码版本": version,
    }


def load() -> str:
    """The system's load average over the last minute."""
    return f"{os.getloadavg()[0]:.2f}"


def progress(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def mb(size: float) -> str:
    return f"{size / 1024**2:.0f} MB" if size >= 10 * 1024**2 else f"{size / 1024**2:.1f} MB"


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def verdict(ok: bool) -> str:
    return "**达到**" if ok else "**未达到**"


def seconds_list(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def reader_section(large: Size) -> list[str]:
    """What a reader downloads and waits for one search on the largest site, with each engine."""
    if not large.readers:
        return []
    names = {"material": "Material（一个索引文件）", "pagefind": "Pagefind（分块索引）"}
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
            f"| {names.get(r.engine, r.engine)} | {mb(r.index)} | {mb(r.downloaded)} | {mb(r.search_bytes)} "
            f"| {r.seconds:.2f} 秒 | {r.first} |"
        )
    material = next((r for r in large.readers if r.engine == "material"), None)
    pagefind = next((r for r in large.readers if r.engine == "pagefind"), None)
    if material and pagefind:
        too_much = material.search_bytes > 2_000_000 or material.seconds > 1.0
        lines += [
            "",
            f"用 Material 的搜索，读者要先下载 {mb(material.search_bytes)} 的搜索文件、等 {material.seconds:.1f} 秒，"
            + ("超过了办公网络上可以接受的 2 MB 或 1 秒。" if too_much else "仍在 2 MB、1 秒之内。")
            + f"Pagefind 只下载 {mb(pagefind.search_bytes)}，{pagefind.seconds:.2f} 秒出结果。所以网站的页面数"
            "（领导和行业领域页）达到 2,000 时自动改用 Pagefind（`extra.dutydir.search: auto`）；只有本区的网站"
            "仍用为行业领域问题调好的 Material 搜索。上面“规模”一节的各行都用 Material 的搜索生成，以便比较。",
            "",
        ]
    return lines


def report(
    info: dict[str, str],
    overheads: list[Overhead],
    sizes: list[Size],
    shares: list[tuple[str, float]],
    runs: int,
    minutes: float,
) -> str:
    """The text of docs/benchmarks.md."""
    small, large = sizes[0], sizes[-1]
    growth = large.per_page / small.per_page
    growth_warm = large.warm.per_page / small.warm.per_page
    html = [s.first.html for s in sizes]
    spread = max(html) / min(html) - 1
    worst = max(overheads, key=lambda o: o.ratio)
    builds = [b for s in sizes for b in (*s.cold, s.warm, s.appointed)]
    once = all(b.renders == b.written for b in builds) and all(s.warm.renders == 0 for s in sizes)
    hooks_share = sum(share for label, share in shares if label.startswith("dutydir"))
    top = sorted((s for s in shares if s[0] != OTHER and not s[0].startswith("dutydir")), key=lambda s: -s[1])[:3]
    lines = [
        "# 性能基准",
        "",
        f"本页由 `make bench`（`scripts/bench.py`）在下面这台机器上实测写出，整个测量用时 {minutes:.1f} 分钟。"
        f"所有网站都按 {AS_OF} 的任职情况生成；每次生成都是单独一个 `mkdocs build --strict` 进程。",
        "",
        "## 机器",
        "",
        "| 项目 | 内容 |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
        "",
        "## 目标",
        "",
        "| 目标 | 要求 | 实测 | 结论 |",
        "|---|---|---|---|",
        f"| 钩子的开销 | 不超过纯 MkDocs 的 {MAX_OVERHEAD}× | "
        + "；".join(f"{o.name} {o.ratio:.2f}×" for o in overheads)
        + f" | {verdict(worst.ratio <= MAX_OVERHEAD)} |",
        f"| 线性增长 | {large.first.pages:,} 页的每页用时不超过 {small.first.pages:,} 页的 {MAX_GROWTH}× | "
        f"{growth:.2f}×（{ms(large.per_page)} 对 {ms(small.per_page)} 毫秒/页；图表读缓存时 {growth_warm:.2f}×） "
        f"| {verdict(growth <= MAX_GROWTH)} |",
        f"| 页面大小 | 各规模的平均页面 HTML 大小相差不超过 {MAX_HTML_SPREAD:.0%} | "
        f"{kb(min(html))} 至 {kb(max(html))}，相差 {spread:.1%} | {verdict(spread <= MAX_HTML_SPREAD)} |",
        f"| 峰值内存 | {large.first.pages:,} 页时低于 {MAX_PEAK / 1024**3:.0f} GB | {mb(large.peak)} "
        f"| {verdict(large.peak < MAX_PEAK)} |",
        "| 图表不重复渲染 | DOT 不变的图表不再调用 Graphviz | 数据不变时再生成："
        + "、".join(f"{s.warm.renders} 次" for s in sizes)
        + "；每次生成调用 Graphviz 的次数都等于新写入的缓存文件数 | "
        + f"{verdict(once)} |",
        "",
    ]
    if any(o.differ for o in overheads):
        lines += [
            '!!! warning "两种生成方式的输出不同"',
            "",
            "    " + "；".join(f"{o.name}：{', '.join(o.differ[:5])}" for o in overheads if o.differ),
            "",
        ]
    lines += [
        "## 开销：钩子对纯 MkDocs",
        "",
        "“钩子”是实际的生成方式：`hooks/dutydir_hooks.py` 读取数据，在内存中生成页面。“纯 MkDocs”生成同样的页面："
        "先用 `load_site` 和 `site_pages`（与钩子相同的 `svg.render` 和图表缓存）得到 Markdown，写入 `docs/` 的副本，"
        "再用去掉 `hooks` 的同一个 `mkdocs.yml`（同样的主题、插件和导航）生成。计时之前两边各生成一次，不计时；"
        "此后图表缓存已满，两边都不调用 Graphviz，做的是同样的工作。然后两边交替生成，"
        f"各 {runs} 次，取中位数之比。两边生成的 HTML 逐字节比较；搜索索引的条目相同，只是顺序不同"
        "（MkDocs 把钩子加入的页面排在 `docs/` 的页面之后）。",
        "",
        "| 网站 | 页面数 | 钩子 | 纯 MkDocs | 比值 | 两边的输出 |",
        "|---|---|---|---|---|---|",
    ]
    for o in overheads:
        same = f"{o.files:,} 个文件相同" if not o.differ else f"{len(o.differ)} 个文件不同"
        lines.append(
            f"| {o.name} | {o.pages:,} | {statistics.median(o.hooks):.2f} 秒 | {statistics.median(o.plain):.2f} 秒 "
            f"| {o.ratio:.2f}× | {same} |"
        )
    lines += ["", "各次用时（秒）：", ""]
    lines += [f"- {o.name}：钩子 {seconds_list(o.hooks)}；纯 MkDocs {seconds_list(o.plain)}" for o in overheads]
    lines += [
        "",
        "钩子多出的时间花在哪里：在新的 Python 进程中先导入 MkDocs 已导入的模块，再依次计时钩子做的事，"
        f"取 {runs} 次的中位数。纯 MkDocs 一边要从磁盘读入这些页面的 Markdown 文件，钩子一边不用，"
        "所以“多出”可以小于各部分之和。",
        "",
        "| 网站 | 多出 | " + " | ".join(HOOKS_PARTS) + " |",
        "|---|---|" + "---|" * len(HOOKS_PARTS),
    ]
    for o in overheads:
        extra = statistics.median(o.hooks) - statistics.median(o.plain)
        lines.append(f"| {o.name} | {extra:.2f} 秒 | " + " | ".join(f"{t:.3f} 秒" for t in o.parts) + " |")
    real = overheads[0]
    lines += [
        "",
        f"真实网站上，钩子多出的时间主要是导入 pypinyin 的固定时间（{real.parts[1]:.2f} 秒：它读入约 2.5 MB 的"
        "词语拼音库，生成网址和按拼音排序都要用）。读取数据和生成页面的时间随页面数增长，但远少于 MkDocs "
        "处理同样页面的时间。",
        "",
        "## 规模",
        "",
        f"`dutydir synth --units N --seed {SEED}` 生成的合成数据（每个单位约 84 页），从空的图表缓存开始生成，"
        "每次用一个新的缓存；用时取各次的中位数。峰值内存是 `mkdocs build` 进程的最大常驻内存"
        "（`os.wait4` 返回的 `ru_maxrss`），取各次的最大值。",
        "",
        "| 单位数 | 页面数 | 生成次数 | 用时 | 毫秒/页 | 峰值内存 | 平均页面 HTML | 搜索索引 | 图表 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        b = s.first
        lines.append(
            f"| {s.units} | {b.pages:,} | {len(s.cold)} | {s.seconds:.1f} 秒 | {ms(s.per_page)} | {mb(s.peak)} "
            f"| {kb(b.html)} | {mb(b.index)} | {b.charts:,} |"
        )
    repeated = [s for s in sizes if len(s.cold) > 1]
    lines += [
        "",
        *(f"- {s.first.pages:,} 页各次用时（秒）：{seconds_list([b.seconds for b in s.cold])}" for s in repeated),
    ]
    # seconds = fixed + pages * each, through the smallest and the largest site
    each = (large.seconds - small.seconds) / max(1, large.first.pages - small.first.pages)
    fixed = small.seconds - each * small.first.pages
    trend = "略有下降" if growth < 1 else "有所上升"
    lines += [
        "",
        f"按最小和最大的网站推算，一次生成约有 {fixed:.1f} 秒固定时间（启动、导入、复制主题文件），此外每页 "
        f"{ms(each)} 毫秒。每页用时随规模{trend}，因为固定时间分摊到更多页面上；每页的工作量和平均页面大小"
        "不随规模变化：各单位的页面只链接本单位的页面，导航只列首页等几个入口。",
        "",
        f"搜索索引（Material 的 `{SEARCH_INDEX}`）随页面数线性增长，{large.first.pages:,} 页时为 "
        f"{mb(large.first.index)}。浏览器第一次打开搜索框时要下载并解析整个索引；这么大的网站需要分块加载的搜索，"
        "本页只报告它的大小。",
        "",
        *reader_section(large),
        "## 重新生成",
        "",
        f"同一份数据、同一个缓存紧接着再生成一次（“数据不变”），然后执行一次 `dutydir appoint {APPOINT[0]} "
        f"{APPOINT[1]} --date {APPOINT[2]}`（主单位的一位副职换人）再生成。“Graphviz 调用”由 PATH 上一个"
        "记录每次调用、再转给真正的 `dot` 的脚本计数；“读缓存”是页面中其余的图表。首次生成时同一个 DOT 只渲染一次"
        "（各单位的图表一起在两个核上并行渲染）。",
        "",
        "| 页面数 | 生成 | 用时 | 毫秒/页 | Graphviz 调用 | 读缓存 | 峰值内存 |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        for label, b in (("首次（空缓存）", s.cold[-1]), ("数据不变", s.warm), ("appoint 之后", s.appointed)):
            lines.append(
                f"| {b.pages:,} | {label} | {b.seconds:.1f} 秒 | {ms(b.per_page)} | {b.renders:,} "
                f"| {b.charts - b.renders:,} | {mb(b.peak)} |"
            )
    changed = sorted({s.appointed.renders for s in sizes})
    lines += [
        "",
        f"appoint 之后只有 DOT 变了的 {'、'.join(map(str, changed))} 个图表重新渲染：该单位的关系图、这位领导和其AB角的"
        "关系图（图中有现任的姓名），其余都读缓存。",
        "",
        "## 时间花在哪里",
        "",
        f"用 cProfile 剖析 {small.first.pages:,} 页网站的一次生成（图表读缓存）。下表是各部分占总用时的比例；"
        "cProfile 使所有 Python 代码都变慢，比例比绝对秒数可靠。",
        "",
        "| 部分 | 占比 |",
        "|---|---|",
        *(f"| {label} | {share:.0%} |" for label, share in shares),
        "",
        f"dutydir 自身（导入、读数据、生成页面）约占 {hooks_share:.0%}。其余的时间主要花在 "
        + "、".join(f"{label.split('：')[0]}（{share:.0%}）" for label, share in top)
        + "：这些是 MkDocs 和 Material 对每一页都要做的工作，与网站的页面总数无关，所以用时随页面数线性增长。",
        "",
        "## 怎样运行",
        "",
        "```sh",
        "make bench                                                    # 全部测量，写出本页",
        ".venv/bin/python scripts/bench.py --quick --out /tmp/bench.md # 一分钟的小规模试运行",
        "```",
        "",
    ]
    return "\n".join(lines)


def search_part() -> Any:
    """scripts/bench_search.py (the reader's search on the query suite), imported from beside this file."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import bench_search

    return bench_search


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the page (default docs/benchmarks.md)")
    parser.add_argument("--quick", action="store_true", help="a short trial: tiny sites, one build of each")
    parser.add_argument("--runs", type=int, help=f"timed builds of each side of the overhead comparison ({RUNS})")
    parser.add_argument("--plain", nargs=3, type=Path, metavar=("DATA", "CACHE", "DEST"), help=argparse.SUPPRESS)
    parser.add_argument("--search", action="store_true", help="measure only the reader's search; update its section")
    args = parser.parse_args(argv)
    if args.plain:
        plain_project(*args.plain)
        return
    bench_search = search_part()
    if args.search:
        args.out.write_text(bench_search.with_section(args.out.read_text(encoding="utf-8"), bench_search.measure(progress)))
        progress(f"wrote the search section of {args.out}")
        return
    runs = args.runs or (1 if args.quick else RUNS)
    sizes = ((1, 1), (2, 1)) if args.quick else SIZES
    started = time.perf_counter()
    info = machine()
    info["负载（开始时）"] = load()
    with tempfile.TemporaryDirectory(prefix="dutydir-bench-") as folder:
        bench = Bench(Path(folder))
        overheads = [overhead(bench, "real", "真实网站", REAL_DATA, runs)]
        if not args.quick:
            data = bench.tmp / "overhead-data"
            synth.synth(data, sizes[0][0], SEED)
            overheads.append(overhead(bench, "synthetic", f"合成网站（{sizes[0][0]} 个单位）", data, runs))
        prof = bench.tmp / "build.prof"
        last = len(sizes) - 1
        results = [
            scaling(bench, units, n, prof if i == 0 else None, readers=i == last) for i, (units, n) in enumerate(sizes)
        ]
        shares = profile_shares(prof)
    searching = bench_search.measure(progress)
    info["负载（结束时）"] = load()
    text = report(info, overheads, results, shares, runs, (time.perf_counter() - started) / 60)
    text = bench_search.with_section(text, searching)
    args.out.write_text(text, encoding="utf-8")
    progress(f"wrote {args.out}")


if __name__ == "__main__":
    main()
