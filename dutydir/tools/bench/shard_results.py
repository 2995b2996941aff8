"""What the benchmark of sharded builds measured, as plain data that goes to JSON and comes back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    """One process (a build or a publish) and what it used, its children included."""

    seconds: float
    """Wall time."""
    cpu: float
    """User and system CPU seconds of the process and every child it waited for."""
    peak: int
    """Peak resident memory of the largest of those processes, in bytes (ru_maxrss)."""


@dataclass
class CitySize:
    """A first sharded build of a synthetic city of one size."""

    units: int
    """Units of the synthetic data."""
    pages: int
    """HTML pages of the merged site."""
    build: Run
    """`dutydir build-site --jobs 2` from an empty shard store (charts cached)."""

    @property
    def per_page(self) -> float:
        """Wall seconds a page."""
        return self.build.seconds / self.pages

    @property
    def cpu_per_page(self) -> float:
        """CPU seconds a page."""
        return self.build.cpu / self.pages


@dataclass
class ShardRun:
    """Whole builds against sharded ones on one synthetic city, measured in one run, and the city at other sizes."""

    units: int
    """Units of the city the comparison is made on."""
    pages: int
    """HTML pages of its site."""
    single: Run
    """Today's single `mkdocs build --strict` of the city (charts cached)."""
    jobs: dict[str, Run]
    """First sharded builds from an empty shard store, by number of workers ('1', '2')."""
    publish_before: Run
    """`dutydir appoint` then a publish with the single build."""
    publish_after: Run
    """`dutydir appoint` then `dutydir publish` through the shard store."""
    rebuilt: int
    """Shards that publish rebuilt after the appointment."""
    district: Run
    """`dutydir appoint` then `dutydir publish` of the real district (one unit, built whole as before)."""
    single_bytes: int
    """Bytes of the files of the single build's site."""
    merged_bytes: int
    """Bytes of the files of the merged site (as a reader's server sees them)."""
    release_bytes: int
    """Bytes a new release of the merged site takes on disk beyond the shard store (files not linked to it)."""
    store_bytes: int
    """Bytes of the shard store."""
    sizes: list[CitySize] = field(default_factory=list)
    """First sharded builds at several sizes, smallest first."""
    publish_material: Run | None = None
    """`dutydir appoint` then `dutydir publish` through the shard store with Material's search instead of Pagefind."""
    pagefind: Run | None = None
    """Pagefind alone indexing the merged city (what each publish with Pagefind runs once)."""
    district_draft: Run | None = None
    """The district's `dutydir appoint` then `dutydir publish` with the lists not printed to PDF (a draft)."""
    district_printed: int | None = None
    """PDFs the district's publish printed after the appointment (the others came from the cache)."""
    district_lists: int | None = None
    """PDFs the district has in all (each post's list and the whole unit's)."""
    note: str = ""
    """What was not measured as planned in this run, and why (else empty)."""


def load(raw: dict[str, Any] | None) -> ShardRun | None:
    """A ShardRun from its JSON form (None stays None)."""
    if raw is None:
        return None
    return ShardRun(
        units=raw["units"],
        pages=raw["pages"],
        single=Run(**raw["single"]),
        jobs={k: Run(**v) for k, v in raw["jobs"].items()},
        publish_before=Run(**raw["publish_before"]),
        publish_after=Run(**raw["publish_after"]),
        rebuilt=raw["rebuilt"],
        district=Run(**raw["district"]),
        single_bytes=raw["single_bytes"],
        merged_bytes=raw["merged_bytes"],
        release_bytes=raw["release_bytes"],
        store_bytes=raw["store_bytes"],
        sizes=[CitySize(s["units"], s["pages"], Run(**s["build"])) for s in raw.get("sizes") or []],
        note=raw.get("note", ""),
        publish_material=optional(raw.get("publish_material")),
        pagefind=optional(raw.get("pagefind")),
        district_draft=optional(raw.get("district_draft")),
        district_printed=raw.get("district_printed"),
        district_lists=raw.get("district_lists"),
    )


def optional(raw: dict[str, Any] | None) -> Run | None:
    """A Run from its JSON form, or None for a measurement an older run did not make."""
    return Run(**raw) if raw else None
