"""The release folders of a published site: one publish or rollback at a time, a record of what each holds, debris.

Every release gets a manifest (``.dutydir-release``: a hash per file), written only after its
links were checked and before it is renamed into place, so a folder without one was never
verified. Rollback recomputes it before switching: a release damaged since (a file deleted, a
prune killed halfway) is refused. Whatever a killed publish left (a ``.building`` folder, a
``.deleting`` one, a half-made symlink) is removed by the next publish or rollback, under the lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

MANIFEST = ".dutydir-release"
"""The file in a release listing every other file with its SHA-256."""
LOCK_WAIT = 900.0
"""Seconds a publish waits for another one to finish: longer than the largest site's build."""


class ReleaseError(Exception):
    """A release cannot be used, or the releases are busy; the message is one Chinese line."""


@contextlib.contextmanager
def locked(releases: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the exclusive lock of a site's releases (a flock on the folder itself, so no lock file is left)."""
    fd = os.open(releases, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ReleaseError(
                        f"另一个发布或回滚正在进行（{releases} 已被锁定 {wait:.0f} 秒）；请稍后再试"
                    ) from None
                time.sleep(0.2)
        yield
    finally:
        os.close(fd)


def remove_debris(releases: Path, dest: Path) -> list[str]:
    """Delete what killed publishes left; call only with the lock held. Returns the names removed."""
    removed = []
    for leftover in sorted(releases.glob(".*")):
        if leftover.name.endswith((".building", ".deleting")) and leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
            removed.append(leftover.name)
    switch_tmp = dest.with_name(f".{dest.name}.switch")
    if switch_tmp.is_symlink():
        switch_tmp.unlink()
        removed.append(switch_tmp.name)
    return removed


def delete(release: Path, wait: bool = True) -> None:
    """Delete a release: renamed out of the list first, so a kill midway leaves debris, not a damaged release.

    Without ``wait`` the files are removed by a process of its own, after this one has returned: a
    city's release is some 18,000 files, seconds to remove, and nobody needs to wait for it. Whatever
    it leaves, the next publish removes as debris.
    """
    doomed = release.with_name(f".{release.name}.deleting")
    release.rename(doomed)
    if wait:
        shutil.rmtree(doomed)
        return
    subprocess.Popen(
        ["rm", "-rf", "--", str(doomed)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def recorded(release: Path) -> dict[str, str]:
    """The digests a release's manifest records by file name; empty when it has none."""
    try:
        text = (release / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return {}
    return {name: digest for digest, _, name in (line.partition("  ") for line in text.splitlines())}


def file_hashes(folder: Path, previous: Path | None = None) -> dict[str, str]:
    """Every file under a folder but the manifest, by relative path, with its SHA-256 (see write_manifest)."""
    known = recorded(previous) if previous is not None else {}
    same = files(previous) if known and previous is not None else {}
    out = {}
    for name, identity in sorted(files(folder).items()):
        if name == MANIFEST:
            continue
        if name in known and same.get(name) == identity:
            out[name] = known[name]
            continue
        digest = hashlib.sha256()
        with open(folder / name, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        out[name] = digest.hexdigest()
    return out


def files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under a folder by relative path, with its device and inode (one stat each, from the directory scan)."""
    out: dict[str, tuple[int, int]] = {}
    pending = [(folder, "")]
    while pending:
        path, prefix = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir():
                    pending.append((Path(entry.path), f"{prefix}{entry.name}/"))
                elif entry.is_file():
                    info = entry.stat()
                    out[f"{prefix}{entry.name}"] = (info.st_dev, info.st_ino)
    return out


def write_manifest(folder: Path, previous: Path | None = None) -> None:
    """Record every file of a verified build; written last, so its presence means the build was verified.

    A file that is the very file (a hard link to the same inode) of the ``previous`` release keeps the
    digest that release recorded: a sharded publish links every unchanged shard's files, so only the
    new files are read.
    """
    lines = "".join(f"{digest}  {name}\n" for name, digest in file_hashes(folder, previous).items())
    tmp = folder / f"{MANIFEST}.tmp"
    tmp.write_text(lines, encoding="utf-8")
    tmp.rename(folder / MANIFEST)


def verify(release: Path) -> str | None:
    """Why a release cannot go live (never verified, or changed since), or None when it is whole."""
    manifest = release / MANIFEST
    if not manifest.is_file():
        return f"版本 {release.name} 没有发布时的校验记录（{MANIFEST}），无法确认它完整"
    expected = recorded(release)
    actual = file_hashes(release)
    missing = sorted(set(expected) - set(actual))
    changed = sorted(n for n in expected if n in actual and actual[n] != expected[n])
    if missing or changed:
        first = (missing or changed)[0]
        return f"版本 {release.name} 已不完整：缺少 {len(missing)} 个文件、改动 {len(changed)} 个文件（如 {first}）"
    return None
