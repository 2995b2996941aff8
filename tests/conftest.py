"""Shared fixtures: the directory loaded from the real data file, and two real MkDocs builds of the site."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from dutydir import load_directory
from dutydir.data.errors import Problem
from dutydir.model.directory import Directory
from dutydir.render import search_words
from tests.support import copy_project, mkdocs_build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "leaders.yaml"
AS_OF = dt.date(2026, 1, 1)


@pytest.fixture(scope="session", autouse=True)
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PDF cache for every build of the run: a list is printed once, not once per test build."""
    path = tmp_path_factory.mktemp("pdf-cache")
    os.environ["DUTYDIR_PDF_CACHE"] = str(path)
    return path


@pytest.fixture(scope="session")
def loaded() -> tuple[Directory, list[Problem]]:
    """The real data file as of 2026-01-01, with its warnings."""
    return load_directory(DATA, as_of=AS_OF)


@pytest.fixture(scope="session")
def directory(loaded: tuple[Directory, list[Problem]]) -> Directory:
    """The real directory as of 2026-01-01, its words taught to jieba as a build teaches them before rendering."""
    search_words.teach_jieba([loaded[0]])
    return loaded[0]


@dataclass
class Build:
    """A copy of the project built with ``mkdocs build``."""

    root: Path
    """The copied project."""
    site: Path
    """The built site."""
    cache: Path
    """The chart cache the build used."""
    cache_files: dict[str, int]
    """Every file of the cache right after this build, with its mtime in ns."""


def run_build(root: Path, site: Path, cache: Path) -> Build:
    """Run a strict mkdocs build of ``root`` into ``site`` as of 2026-01-01, lists printed; fail the test on an error."""
    proc = mkdocs_build(root, site, DUTYDIR_DATE=AS_OF.isoformat(), DUTYDIR_CACHE=str(cache), DUTYDIR_PDF="on")
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build failed with exit code {proc.returncode}:\n{proc.stderr}\n{proc.stdout}")
    files = {p.name: p.stat().st_mtime_ns for p in sorted(cache.iterdir())} if cache.is_dir() else {}
    return Build(root, site, cache, files)


@pytest.fixture(scope="session")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of mkdocs.yml, docs/, data/ and hooks/ to build in."""
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def built(build_root: Path) -> Build:
    """The first full build, with an empty chart cache."""
    return run_build(build_root, build_root / "site", build_root / "cache")


@pytest.fixture(scope="session")
def rebuilt(built: Build) -> Build:
    """A second full build of the same copy into another folder, reusing the first build's chart cache."""
    return run_build(built.root, built.root / "site2", built.cache)


@pytest.fixture(scope="session")
def site(built: Build) -> Path:
    """The first build's site folder."""
    return built.site
