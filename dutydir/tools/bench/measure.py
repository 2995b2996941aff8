"""The benchmark's three parts: hooks against plain MkDocs, synthetic sites at three sizes, and a profile."""

from __future__ import annotations

import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from dutydir.tools import synth
from dutydir.tools.bench import reader
from dutydir.tools.bench.builds import AS_OF, CONFIG, Bench, BenchError, render_plain, same_files
from dutydir.tools.bench.results import Overhead, Size

SEED = 1
APPOINT = ("p-01", "欧阳明远", "2025-12-01")
"""The one personnel change of the rebuild: post, new holder, first day."""
Progress = Callable[[str], None]

# What the hooks add to a build, timed in a fresh interpreter that has already imported what MkDocs imports
# (under -X importtime, which tells pypinyin's part of the import).
HOOKS_WORK = """
import datetime as dt, json, sys, time
from pathlib import Path
import jinja2, markdown, mkdocs.plugins, mkdocs.structure.files, yaml
start = time.perf_counter()
from dutydir.build import charts
from dutydir.data.units import load_site
imported = time.perf_counter()
site, _ = load_site(sys.argv[1], dt.date.fromisoformat(sys.argv[2]))
loaded = time.perf_counter()
charts.generated_pages(site, Path(sys.argv[3]))
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
            raise BenchError(f"timing the hooks' work failed:\n{done.stderr}")
        imported, loaded, made = json.loads(done.stdout)
        # "import time: self [us] | cumulative | imported package", the package's own line last.
        pinyin = [int(line.split("|")[1]) for line in done.stderr.splitlines() if re.search(r"\|\s+pypinyin$", line)]
        times.append([imported, pinyin[-1] / 1e6 if pinyin else 0.0, loaded, made])
    return [statistics.median(part) for part in zip(*times, strict=True)]


def overhead(bench: Bench, key: str, name: str, data: Path, runs: int, progress: Progress) -> Overhead:
    """Alternating builds of the site with the hooks and of its rendered docs folder, both from a warm chart cache."""
    work = bench.tmp / f"overhead-{key}"
    cache = work / "cache"
    # Untimed: the first build fills the chart cache (and warms the disk cache and jieba's) for both sides.
    first = bench.build(CONFIG, work / "site-hooks", cache, data)
    plain_config = render_plain(bench, data, cache, work / "plain")
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


def scaling(bench: Bench, units: int, runs: int, progress: Progress, profile: Path | None, readers: bool) -> Size:
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
    appoint(data)
    appointed = bench.build(CONFIG, work / "site", cache, data)
    progress(f"{units} units: after appoint, {appointed.seconds:.1f} s, {appointed.renders} charts rendered")
    if profile is not None:
        bench.build(CONFIG, work / "site", cache, data, profile=profile)
        progress(f"{units} units: profiled")
    measured = []
    if readers:
        measured.append(reader.search_once(work / "site", "material"))
        progress(f"{units} units: a reader's search with Material, {measured[-1].seconds:.1f} s")
        bench.build(CONFIG, work / "site-pagefind", cache, data, search="pagefind")
        measured.append(reader.search_once(work / "site-pagefind", "pagefind"))
        progress(f"{units} units: a reader's search with Pagefind, {measured[-1].seconds:.1f} s")
    shutil.rmtree(work)
    return Size(units, cold, warm, appointed, measured)


def appoint(data: Path) -> None:
    """The rebuild's one personnel change, made with the clerk's own command."""
    post, person, day = APPOINT
    dutydir = Path(sys.executable).parent / "dutydir"
    done = subprocess.run(
        [str(dutydir), "appoint", post, person, "--date", day, "--data", str(data / "leaders.yaml")],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise BenchError(f"dutydir appoint failed:\n{done.stderr}")


# Where a profiled build's time goes: functions of MkDocs, its plugins and the hooks, each called once
# per page or once per build, none inside another.
PROFILED: tuple[tuple[str, str, str], ...] = (
    ("dutydir/build/hooks.py", "<module>", "dutydir：导入"),
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
