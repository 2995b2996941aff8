"""What a benchmark run measured, as plain data that goes to JSON and comes back."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dutydir.tools.bench import shard_results
from dutydir.tools.bench.shard_results import ShardRun


@dataclass
class Build:
    """What one `mkdocs build` took and made."""

    seconds: float
    """Wall time of the build process."""
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
        """Seconds a page."""
        return self.seconds / self.pages


@dataclass
class Overhead:
    """Hooks against plain MkDocs on one site."""

    name: str
    """The site, as the page names it."""
    pages: int
    """HTML files of the site."""
    hooks: list[float]
    """Seconds of each timed build with the hooks."""
    plain: list[float]
    """Seconds of each timed build of the rendered docs folder, without the hooks."""
    files: int
    """Files of the two sites together."""
    differ: list[str]
    """Files that differ between the two sites, or are in one only."""
    parts: list[float]
    """Median seconds of each of measure.HOOKS_PARTS."""

    @property
    def ratio(self) -> float:
        """Median with the hooks over median without."""
        return statistics.median(self.hooks) / statistics.median(self.plain)

    @property
    def extra(self) -> float:
        """Median seconds the hooks add."""
        return statistics.median(self.hooks) - statistics.median(self.plain)


@dataclass
class Reader:
    """One search by a reader in headless Chromium: what the browser downloaded and how long until a result."""

    engine: str
    """material or pagefind."""
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


@dataclass
class Size:
    """One synthetic site: built from an empty chart cache, again unchanged, and after one appointment."""

    units: int
    """Units of the synthetic data."""
    cold: list[Build]
    """Builds from an empty chart cache, each with its own."""
    warm: Build
    """The same data again with the last cold build's cache."""
    appointed: Build
    """After one `dutydir appoint`, with that cache."""
    readers: list[Reader] = field(default_factory=list)
    """A reader's search with each engine (largest site only)."""

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
        """Median seconds a page from an empty cache."""
        return self.seconds / self.first.pages

    @property
    def peak(self) -> int:
        """Highest peak memory of the builds from an empty cache."""
        return max(b.peak for b in self.cold)


@dataclass
class Results:
    """One benchmark run."""

    machine: dict[str, str]
    """The machine and software, as the page lists them."""
    cores: int
    """CPU cores the builds could use."""
    minutes: float
    """How long the whole run took."""
    runs: int
    """Timed builds of each side of the overhead comparison."""
    overheads: list[Overhead]
    """The real site first, then a synthetic one."""
    sizes: list[Size]
    """Synthetic sites, smallest first."""
    shares: list[tuple[str, float]]
    """Shares of a profiled build's time, by part (measure.PROFILED, then the rest)."""
    source: str = ""
    """Where the numbers come from when they were not measured by this code as it is (else empty)."""
    shards: ShardRun | None = None
    """Whole builds against sharded ones (shard_measure.py), when measured."""
    search: dict[str, Any] = field(default_factory=dict)
    """The reader's search on the query suite (bench/search.py measure()); empty when not measured."""


def dump(results: Results, path: Path) -> None:
    """Write the results as JSON."""
    path.write_text(json.dumps(asdict(results), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load(path: Path) -> Results:
    """Read results written by dump()."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    sizes = [
        Size(
            s["units"],
            [Build(**b) for b in s["cold"]],
            Build(**s["warm"]),
            Build(**s["appointed"]),
            [Reader(**r) for r in s.get("readers") or []],
        )
        for s in raw["sizes"]
    ]
    return Results(
        machine=raw["machine"],
        cores=raw["cores"],
        minutes=raw["minutes"],
        runs=raw["runs"],
        overheads=[Overhead(**o) for o in raw["overheads"]],
        sizes=sizes,
        shares=[(label, share) for label, share in raw["shares"]],
        source=raw.get("source", ""),
        shards=shard_results.load(raw.get("shards")),
        search=raw.get("search") or {},
    )
