"""A release's manifest: what a sharded publish links from the live release keeps its recorded digest."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from dutydir.build import publish
from dutydir.build.releases import MANIFEST, recorded, verify, write_manifest


def sha(data: bytes) -> str:
    """SHA-256 in hex."""
    return hashlib.sha256(data).hexdigest()


def test_linked_files_keep_the_live_releases_digest_and_new_files_are_read(tmp_path: Path) -> None:
    live, new = tmp_path / "live", tmp_path / "new"
    for folder in (live, new):
        (folder / "unit").mkdir(parents=True)
    (live / "unit" / "kept.html").write_bytes(b"kept")
    (live / "copied.html").write_bytes(b"copied")
    # The live manifest records made-up digests: a reused one shows up as it is, a read one as the real one.
    (live / MANIFEST).write_text("aaaa  unit/kept.html\nbbbb  copied.html\n", encoding="utf-8")
    os.link(live / "unit" / "kept.html", new / "unit" / "kept.html")
    (new / "copied.html").write_bytes(b"copied")
    (new / "fresh.html").write_bytes(b"fresh")
    write_manifest(new, live)
    assert recorded(new) == {"copied.html": sha(b"copied"), "fresh.html": sha(b"fresh"), "unit/kept.html": "aaaa"}


def test_a_manifest_written_from_a_sound_live_release_verifies(tmp_path: Path) -> None:
    live, new = tmp_path / "live", tmp_path / "new"
    live.mkdir()
    new.mkdir()
    (live / "a.html").write_bytes(b"a")
    write_manifest(live)
    os.link(live / "a.html", new / "a.html")
    (new / "b.html").write_bytes(b"b")
    write_manifest(new, live)
    assert (verify(live), verify(new)) == (None, None)
    (new / "b.html").write_bytes(b"changed")
    assert verify(new) == "版本 new 已不完整：缺少 0 个文件、改动 1 个文件（如 b.html）"


def test_prune_keeps_the_newest_and_removes_the_rest_after_returning(tmp_path: Path) -> None:
    """Old releases leave the list at once (renamed); their files go in a process of their own."""
    names = [f"2026010{n}-000000" for n in range(1, 8)]
    for name in names:
        (tmp_path / name / "unit").mkdir(parents=True)
        (tmp_path / name / "unit" / "index.html").write_text(name, encoding="utf-8")
    publish.prune(tmp_path, keep=publish.KEEP, live=tmp_path / names[-1])
    kept = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert kept == names[-publish.KEEP :]
    deadline = time.monotonic() + 20
    while any(tmp_path.glob(".*.deleting")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == kept


def test_prune_never_removes_the_live_release(tmp_path: Path) -> None:
    for name in ("20260101-000000", "20260102-000000", "20260103-000000"):
        (tmp_path / name).mkdir()
    publish.prune(tmp_path, keep=1, live=tmp_path / "20260101-000000")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "20260101-000000",
        "20260103-000000",
    ]
