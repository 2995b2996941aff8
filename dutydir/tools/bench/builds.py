"""Timed `mkdocs build` processes, with Graphviz runs counted, and the comparison of two built sites."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dutydir.build import material_search
from dutydir.tools.bench.results import Build

ROOT = Path(__file__).resolve().parents[3]
CONFIG = ROOT / "mkdocs.yml"
AS_OF = "2026-01-01"
"""Every build describes this day, so that runs on different days build the same pages."""
CHART = b'<div class="dutydir-chart"'
"""How a chart starts in a page (pages.chart_block)."""
SEARCH_INDEX = "search/search_index.json"


class BenchError(Exception):
    """A step of the benchmark failed; the run stops with its output."""


class Bench:
    """Builds in a temporary folder, with a `dot` that counts its runs."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        """The run's temporary folder."""
        real_dot = shutil.which("dot")
        if real_dot is None:
            raise BenchError("Graphviz's dot is not installed; run make system")
        shim = tmp / "bin"
        shim.mkdir()
        (shim / "dot").write_text(f'#!/bin/sh\necho >> "$DUTYDIR_BENCH_DOT_LOG"\nexec {real_dot} "$@"\n')
        (shim / "dot").chmod(0o755)
        self.path = f"{shim}{os.pathsep}{os.environ.get('PATH', '')}"
        """PATH with the counting `dot` first."""
        self.dot_log = tmp / "dot-runs.log"
        """One line a Graphviz run."""

    def env(self, cache: Path, data: Path | None, search: str) -> dict[str, str]:
        """The environment of a build or render: the benchmark's day, cache, search engine and counting `dot`."""
        env = {k: v for k, v in os.environ.items() if k != "DUTYDIR_DATA"}
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
        return env

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
        self.dot_log.write_text("")
        before = cache_state(cache)
        profiler = ["-m", "cProfile", "-o", str(profile)] if profile else []
        command = [sys.executable, *profiler, "-m", "mkdocs", "build", "--strict"]
        command += ["--config-file", str(config), "--site-dir", str(site)]
        with tempfile.TemporaryFile() as log:
            start = time.perf_counter()
            proc = subprocess.Popen(
                command, cwd=config.parent, env=self.env(cache, data, search), stdout=log, stderr=log
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                log.seek(0)
                raise BenchError(f"{' '.join(command)} failed:\n{log.read().decode(errors='replace')}")
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


def render_plain(bench: Bench, data: Path, cache: Path, dest: Path) -> Path:
    """`dutydir render` of the site into ``dest`` (the plain side of the comparison); its mkdocs.yml.

    A process of its own, as the hooks run in one: jieba's dictionary is global to a process.
    """
    dutydir = Path(sys.executable).parent / "dutydir"
    done = subprocess.run(
        [str(dutydir), "render", str(dest), "--config", str(CONFIG), "--data", str(data), "--date", AS_OF],
        capture_output=True,
        text=True,
        env=bench.env(cache, data, "material"),
    )
    if done.returncode != 0:
        raise BenchError(f"dutydir render failed:\n{done.stderr}")
    return dest / "mkdocs.yml"


def cache_state(cache: Path) -> dict[str, tuple[int, int]]:
    """Every chart cache entry with its inode and mtime: a rewritten entry changes both."""
    if not cache.is_dir():
        return {}
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in cache.glob("*.svg")}


def same_files(a: Path, b: Path) -> tuple[int, list[str]]:
    """How many files two sites hold, and which differ or are in one only.

    sitemap.xml.gz holds the time it was written. The search index lists the same pages in another order
    (MkDocs puts the hooks' pages after docs/'s) and the hooks write it as UTF-8, so its entries are
    compared as a set.
    """
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(files_a ^ files_b)
    for f in sorted(files_a & files_b - {"sitemap.xml.gz"}):
        one, other = (a / f).read_bytes(), (b / f).read_bytes()
        if Path(f).match(material_search.WORKER_GLOB):
            # The hooks fix Material's search worker after the build; a plain build has it as Material ships it.
            one, other = (
                x.replace(material_search.AFTER.encode(), material_search.BEFORE.encode()) for x in (one, other)
            )
        if one != other and (f != SEARCH_INDEX or search_entries(one) != search_entries(other)):
            differ.append(f)
    return len(files_a | files_b), differ


def search_entries(index: bytes) -> tuple[object, list[str]]:
    """A search index's config and its entries in sorted order."""
    data = json.loads(index)
    return data["config"], sorted(json.dumps(doc, ensure_ascii=False, sort_keys=True) for doc in data["docs"])
