"""`make bench`: measure, write the results as JSON, render the page from them."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from dutydir.tools import synth
from dutydir.tools.bench import measure, results, search, shard_measure
from dutydir.tools.bench.builds import ROOT, Bench, BenchError
from dutydir.tools.bench.machine import commit, load, machine
from dutydir.tools.bench.report import report

OUT = ROOT / "docs" / "benchmarks.md"
REAL_DATA = ROOT / "data" / "leaders.yaml"
SIZES = ((12, 3), (48, 2), (192, 2))
"""Units of the synthetic sites (about 84 pages a unit: about 1,000, 4,000 and 16,000 pages) and builds of each."""
SHARD_UNITS = 192
"""Units of the city whose whole and sharded builds are compared (about 16,000 pages)."""
SHARD_SIZES = (12, 48, 192)
"""Units of the cities built as shards to see the time and memory a page at each size."""
RUNS = 5
"""Timed builds of each side of the overhead comparison."""


def progress(text: str) -> None:
    """One line of progress on stderr."""
    print(f"bench: {text}", file=sys.stderr, flush=True)


def run(quick: bool, runs: int) -> results.Results:
    """Every measurement of the benchmark, in one run."""
    sizes = ((1, 1), (2, 1)) if quick else SIZES
    started = time.perf_counter()
    info = machine()
    info["负载（开始时）"] = load()
    with tempfile.TemporaryDirectory(prefix="dutydir-bench-") as folder:
        bench = Bench(Path(folder))
        overheads = [measure.overhead(bench, "real", "真实网站", REAL_DATA, runs, progress)]
        if not quick:
            data = bench.tmp / "overhead-data"
            synth.synth(data, sizes[0][0], measure.SEED)
            name = f"合成网站（{sizes[0][0]} 个单位）"
            overheads.append(measure.overhead(bench, "synthetic", name, data, runs, progress))
        prof = bench.tmp / "build.prof"
        measured = [
            measure.scaling(bench, units, n, progress, prof if i == 0 else None, readers=i == len(sizes) - 1)
            for i, (units, n) in enumerate(sizes)
        ]
        shares = measure.profile_shares(prof)
        shards = shard_measure.measure(
            bench, 2 if quick else SHARD_UNITS, [1, 2] if quick else list(SHARD_SIZES), progress
        )
    searching = search.measure(progress)
    info["负载（结束时）"] = load()
    minutes = (time.perf_counter() - started) / 60
    return results.Results(
        info, os.cpu_count() or 1, minutes, runs, overheads, measured, shares, shards=shards, search=searching
    )


def run_shards(data: Path, units: int, sizes: list[int], note: str) -> None:
    """Measure sharded builds only, and put them into the results already in ``data`` (the rest is kept)."""
    before = results.load(data)
    with tempfile.TemporaryDirectory(prefix="dutydir-bench-") as folder:
        load_before = load()
        before.shards = shard_measure.measure(Bench(Path(folder)), units, sizes, progress, note)
        # The page's other sections stay those of the last full run: the page must say so.
        kept = "只重测了分片生成（scripts/bench.py --shards-only）；本页其余各节是上一次完整运行的数字"
        said = f"；{note}" if note else ""
        before.shards.note = f"{kept}{said}（负载：开始时 {load_before}，结束时 {load()}；代码版本 {commit()}）"
    results.dump(before, data)


def main(argv: list[str] | None = None) -> None:
    """Measure and write docs/benchmarks.json and .md, or (--render) only render the page from the JSON."""
    parser = argparse.ArgumentParser(description="Benchmark of the site build; writes docs/benchmarks.json and .md.")
    parser.add_argument("--out", type=Path, default=OUT, help="the page to write; the JSON goes beside it (.json)")
    parser.add_argument("--quick", action="store_true", help="a short trial: tiny sites, one build of each")
    parser.add_argument("--runs", type=int, help=f"timed builds of each side of the overhead comparison ({RUNS})")
    parser.add_argument("--render", action="store_true", help="measure nothing: render the page from the JSON")
    parser.add_argument("--search", action="store_true", help="measure only the reader's search, keep the rest")
    parser.add_argument("--shards-only", action="store_true", help="measure sharded builds only, into the JSON")
    parser.add_argument("--shard-units", type=int, default=SHARD_UNITS, help="units of the compared city (192)")
    parser.add_argument("--shard-sizes", default=",".join(map(str, SHARD_SIZES)), help="units of each size (12,48,192)")
    parser.add_argument("--note", default="", help="with --shards-only: what this run leaves out, and why")
    args = parser.parse_args(argv)
    data = args.out.with_suffix(".json")
    if args.shards_only:
        try:
            run_shards(data, args.shard_units, [int(n) for n in args.shard_sizes.split(",")], args.note)
        except BenchError as e:
            sys.exit(f"bench: {e}")
        progress(f"wrote {data}")
    elif args.search:
        kept = results.load(data)
        kept.search = search.measure(progress)
        results.dump(kept, data)
        progress(f"wrote the search part of {data}")
    elif not args.render:
        try:
            measured = run(args.quick, args.runs or (1 if args.quick else RUNS))
        except BenchError as e:
            sys.exit(f"bench: {e}")
        results.dump(measured, data)
        progress(f"wrote {data}")
    args.out.write_text(report(results.load(data)), encoding="utf-8")
    progress(f"wrote {args.out}")
