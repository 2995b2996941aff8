"""Writing a data file safely: one edit at a time, the same file updated, and never half-written.

An edit reads the file, computes its change and writes it back. Two edits at once would each
write their own change over the other's, so every edit holds an exclusive lock (flock) on the
data file from before it reads until after it writes. The new text is written to a temporary
file beside the real one (a symlink is followed: its target is updated and the link stays),
given the old file's mode and owner, and renamed over it, so a reader or a kill sees the old
file or the new one, never a mix. Temporary files of an edit that was killed are removed by the
next edit, which holds the lock, so no other edit can still be writing them.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from dutydir.data.errors import os_reason, write_reason
from dutydir.stopping import finishing_on_signals

LOCK_WAIT = 30.0
"""Seconds an edit waits for another edit of the same file to finish before giving up."""


class WriteError(Exception):
    """The file cannot be edited now or at all; it is left as it was. The message is one Chinese line."""


def temp_prefix(path: Path) -> str:
    """The name start of an edit's temporary files beside ``path``."""
    return f".{path.name}."


@contextlib.contextmanager
def locked(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the data file's edit lock for the whole edit; WriteError when it is read-only or stays locked."""
    wait = LOCK_WAIT if wait is None else wait
    real = path.resolve()
    if real.exists() and read_only(real):
        raise WriteError(f"{path} 是只读文件，不能修改（可用 chmod u+w 恢复写权限）")
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(real, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as e:
            raise WriteError(f"打不开 {path}：{os_reason(e)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise WriteError(f"另一个修改正在进行，{path} 已被锁定 {wait:.0f} 秒；请等它完成后再试") from None
            time.sleep(0.05)
            continue
        # The edit that held the lock may have renamed a new file over the one locked here.
        if os.fstat(fd).st_ino == os.stat(real).st_ino:
            break
        os.close(fd)
    try:
        with finishing_on_signals():
            remove_debris(real)
            if path.parent.resolve() != real.parent:
                remove_debris(path.parent / real.name)
            yield
    finally:
        os.close(fd)


def read_only(path: Path) -> bool:
    """True when the file may not be written: by permission, or by mode even for root (chmod 444 says 'keep')."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222


def remove_debris(path: Path) -> None:
    """Delete the temporary files that killed edits left beside ``path``; call only with its lock held."""
    for leftover in path.parent.glob(temp_prefix(path) + "*.new"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def write(path: Path, data: bytes) -> None:
    """Replace the file's contents with ``data``, keeping its mode, owner and symlinks; WriteError on failure."""
    real = path.resolve()
    try:
        info = real.stat()
        if read_only(real):
            raise WriteError(f"{path} 是只读文件，不能修改（可用 chmod u+w 恢复写权限）")
        if not (os.access(real.parent, os.W_OK) and replace(real, info, data)):
            # No new file can sit beside it with its owner: write the same file, under the lock.
            write_in_place(real, data)
    except OSError as e:
        raise WriteError(f"写入 {path} 失败：{write_reason(e)}") from None


def replace(real: Path, info: os.stat_result, data: bytes) -> bool:
    """Write a new file with the old one's mode and owner and rename it over; False when the owner cannot be kept."""
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=temp_prefix(real), suffix=".new")
    try:
        with os.fdopen(fd, "wb") as f:
            made = os.fstat(f.fileno())
            if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
                try:
                    os.fchown(f.fileno(), info.st_uid, info.st_gid)
                except PermissionError:
                    return False
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        os.replace(tmp, real)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    sync_folder(real.parent)
    return True


def write_in_place(real: Path, data: bytes) -> None:
    """Overwrite the same file (inode, owner and mode stay); the lock keeps other edits out meanwhile."""
    with open(real, "r+b") as f:
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
