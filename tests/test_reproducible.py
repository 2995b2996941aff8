"""Reproducible builds: the same data and as-of day, built in two checkouts at different paths with different
chart caches, give byte-identical sites; the build's date is the as-of day's, and no path of the checkout
is written into the site."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import struct
from pathlib import Path

import pytest

from tests.conftest import Build
from tests.support import copy_project, mkdocs_build

# Real builds, a real nginx or Chromium: tens of seconds (make test-fast leaves them out).
pytestmark = pytest.mark.slow

AS_OF = dt.date(2026, 1, 1)
EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def build(root: Path, **env: str) -> Path:
    """A strict build of a fresh copy of the project at ``root``; the site folder."""
    project = copy_project(root)
    # Lists printed, like the session's build it is compared with.
    done = mkdocs_build(project, root / "site", DUTYDIR_DATE=AS_OF.isoformat(), DUTYDIR_PDF="on", **env)
    assert done.returncode == 0, done.stderr
    return root / "site"


def digests(site: Path) -> dict[str, str]:
    """Every file of a site with the hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The session's build and another in a checkout at an unrelated path, with a new chart cache of its own."""
    return site, build(tmp_path_factory.mktemp("two") / "somewhere" / "else" / "checkout")


def test_two_checkouts_build_the_same_bytes(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    a, b = digests(first), digests(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert len(a) > 100


def test_no_checkout_path_in_the_site(two_builds: tuple[Path, Path]) -> None:
    for folder in two_builds:
        checkout = str(folder.parent).encode()
        assert [p for p in folder.rglob("*") if p.is_file() and checkout in p.read_bytes()] == []


def test_the_build_date_is_the_as_of_day(two_builds: tuple[Path, Path]) -> None:
    """The sitemap.xml.gz header carries a time (RFC 1952: bytes 4-7); it is the as-of day, not today."""
    raw = (two_builds[0] / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", raw[4:8])[0] == EPOCH
    assert gzip.decompress(raw) == (two_builds[0] / "sitemap.xml").read_bytes()


def test_sitemap_dates_are_the_as_of_day(tmp_path: Path, built: Build) -> None:
    """With site_url set the sitemap lists every page with a lastmod: the as-of day, whatever day it is built."""
    root = tmp_path / "checkout"
    project = copy_project(root)
    config = project / "mkdocs.yml"
    config.write_text(
        "site_url: https://anquan.example.internal/\n" + config.read_text(encoding="utf-8"), encoding="utf-8"
    )
    done = mkdocs_build(project, root / "site", DUTYDIR_DATE=AS_OF.isoformat(), DUTYDIR_CACHE=str(built.cache))
    assert done.returncode == 0, done.stderr
    sitemap = (root / "site" / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap))
    assert dates == {AS_OF.isoformat()}
