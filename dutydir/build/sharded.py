"""A site built as shards, side by side, each rebuilt only when its fingerprint changed; then merged.

The shards of a site live in one folder (the shard store), one folder per unit named by its id.
A shard whose shard.json carries the unit's current fingerprint is kept as it is; the others are
built anew into a fresh folder that replaces the old one only once complete.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dutydir.build import link_check, merge, shard, site_wide
from dutydir.build.site_plan import FILE, Plan, make_plan
from dutydir.data.units import Site
from dutydir.render import search_words

FINGERPRINTS = "fingerprints"
"""The folder of the store holding each unit's fingerprint as a file of its own."""


@dataclass(frozen=True)
class Outcome:
    """What a sharded build did."""

    built: tuple[str, ...]
    """The units whose shards were built."""
    kept: tuple[str, ...]
    """The units whose shards were kept as they were."""
    leaving: tuple[link_check.Link, ...]
    """The shards' links to files outside them, to check in the merged site."""


def build_site(
    config_file: Path,
    site: Path,
    store: Path,
    data: Path | None = None,
    as_of: dt.date | None = None,
    jobs: int = 1,
    cache: Path | None = None,
    loaded: Site | None = None,
) -> Outcome:
    """Plan, build the shards that changed with ``jobs`` processes, and merge them into ``site`` (new).

    ``loaded`` is the site's data already loaded as of ``as_of``, when the caller has it.
    """
    plan, units = make_plan(config_file, data, as_of, loaded)
    store.mkdir(parents=True, exist_ok=True)
    plan.write(store / FILE)
    write_fingerprints(plan, store)
    stale = [row.id for row in plan.units if not current(store / row.id, plan.fingerprints[row.id])]
    # The site-wide files take seconds (the workbook): made beside the shards, a change to one unit costs less.
    wide = (
        []
        if site_wide.current(store, plan.site_wide)
        else [Task(site_wide.write, (store, plan.site_wide, units, plan.directory_urls))]
    )

    build_shards(config_file, plan, store, stale, jobs, cache or default_cache(config_file), wide)
    leaving = merge.merge(plan, store, site)
    return Outcome(tuple(stale), tuple(r.id for r in plan.units if r.id not in stale), tuple(leaving))


def default_cache(config_file: Path) -> Path:
    """The charts cache mkdocs.yml names."""
    from mkdocs.utils.yaml import yaml_load

    from dutydir.build import settings

    with config_file.open(encoding="utf-8") as f:
        config = yaml_load(f)
    return config_file.parent / settings.checked((config.get("extra") or {}).get("dutydir"), str(config_file)).cache_dir


def current(folder: Path, fingerprint: str) -> bool:
    """Whether a shard folder is complete and was built from these inputs."""
    meta = folder / shard.META
    return meta.is_file() and f'"fingerprint": "{fingerprint}"' in meta.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Task:
    """Work for a worker beside the shards: a function and its arguments."""

    run: Callable[..., None]
    """The function."""
    args: tuple[Any, ...]
    """Its arguments (pickled to the worker)."""


def build_shards(
    config_file: Path,
    plan: Plan,
    store: Path,
    units: list[str],
    jobs: int,
    cache: Path,
    beside: list[Task] | None = None,
) -> None:
    """Build the given units' shards and run the tasks ``beside``, ``jobs`` at a time; the first failure is raised once the others end."""
    tasks = [*(beside or []), *(Task(build_one, (config_file, plan, store / u, u, cache)) for u in units)]
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            task.run(*task.args)
        return
    # jieba's dictionary is loaded here once (a second or more) instead of once in every worker.
    search_words.quiet_jieba()
    import jieba

    jieba.initialize()
    # One pool, forked before it starts its thread: this process runs no other threads.
    with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=fork(), initializer=search_words.quiet_jieba) as pool:
        futures = [pool.submit(task.run, *task.args) for task in tasks]
        for future in futures:
            future.result()


def fork() -> multiprocessing.context.BaseContext:
    """Workers forked where the system can: they start at once, without importing MkDocs again."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)


def build_one(config_file: Path, plan: Plan, dest: Path, unit_id: str, cache: Path) -> None:
    """Build one unit's shard from its data file into a fresh folder, then put it in place of ``dest``."""
    unit = shard.load_unit(Path(plan.files[unit_id]), plan, unit_id)
    fresh = dest.with_name(f".{dest.name}.new-{os.getpid()}")
    old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        shard.build_shard(config_file, unit, plan, fresh, cache, plan.fingerprints[unit_id])
        if dest.exists():
            dest.rename(old)
        fresh.rename(dest)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def write_fingerprints(plan: Plan, store: Path) -> list[str]:
    """Write each unit's fingerprint to STORE/fingerprints/ID, touching only those that changed; their units.

    A job runner that goes by file times (make) then rebuilds exactly the shards whose inputs changed.
    """
    folder = store / FINGERPRINTS
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for unit_id, print_ in plan.fingerprints.items():
        path = folder / unit_id
        if not path.is_file() or path.read_text(encoding="utf-8") != print_:
            path.write_text(print_, encoding="utf-8")
            changed.append(unit_id)
    return changed
