"""Publishing a built site atomically: build into a new release folder, check it, then swap a symlink.

DEST is a symlink to one of the folders in ``DEST.releases/``. A new build becomes live only
after the data checks clean, ``mkdocs build --strict`` succeeds and every internal link of the
result resolves; the swap is a single rename, so readers never see a half-written site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from dutydir.build import freshness
from dutydir.build.link_check import broken_links
from dutydir.build.releases import ReleaseError, delete, locked, remove_debris, verify, write_manifest
from dutydir.data.errors import write_reason
from dutydir.data.units import Site, load_site
from dutydir.stopping import die_with_parent, finishing_on_signals

KEEP = 5
"""How many releases are kept, the live one included."""


class PublishError(Exception):
    """The site was not published (or not rolled back); the live site is as it was."""


def releases_dir(dest: Path) -> Path:
    """The folder holding every kept release of DEST."""
    return dest.with_name(dest.name + ".releases")


def publish(
    data: Path,
    dest: Path,
    config: Path,
    now: dt.datetime | None = None,
    view: freshness.View | None = None,
    build_into: Callable[[Path, Path, Path, dt.date | None], None] | None = None,
    check_links: Callable[[Path], list[str]] = broken_links,
    site: Site | None = None,
) -> Path:
    """Check, build, link-check and switch DEST to a new release; return the release folder.

    With ``view``, the site is built as of its day and the release records it (see freshness.py).
    ``build_into(data, config, out, day)`` builds the site into the empty folder ``out`` (default: one
    ``mkdocs build``; sharded_publish.py gives the sharded build), and ``check_links(out)`` lists its
    broken links (default: every link of every page). ``site`` is the data already loaded and checked.
    """
    if dest.exists() and not dest.is_symlink():
        raise PublishError(f"{dest} 已存在，且不是发布时建立的符号链接；请先把它移走")
    if site is None:
        load_site(data)  # every unit, units/ too: DataError with file:line messages before anything is built
    releases = releases_dir(dest)
    with disk_errors("发布"), finishing_on_signals():
        releases.mkdir(parents=True, exist_ok=True)
        with locked(releases):
            remove_debris(releases, dest)
            release = new_release(releases, now)
            # A folder of its own, whatever the clock says: two publishes never share one.
            staging = Path(tempfile.mkdtemp(prefix=f".{release.name}.", suffix=".building", dir=releases))
            try:
                (build_into or build)(data, config, staging, view.day if view else None)
                broken = check_links(staging)
                if broken:
                    shown = "\n".join(broken[:20]) + (f"\n……另有{len(broken) - 20}个" if len(broken) > 20 else "")
                    raise PublishError(f"新构建的网站有{len(broken)}个失效的内部链接：\n{shown}")
                if view is not None:
                    freshness.write(staging, view)
                write_manifest(staging, live_release(dest))
                staging.rename(release)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            switch(dest, release)
            prune(releases, keep=KEEP, live=release)
    return release


def new_release(releases: Path, now: dt.datetime | None) -> Path:
    """A release folder name not taken yet: the time, and a number when that second is taken."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    release = releases / stamp
    n = 1
    while release.exists():
        n += 1
        release = releases / f"{stamp}-{n}"
    return release


@contextlib.contextmanager
def disk_errors(what: str) -> Iterator[None]:
    """Turn a file system failure (full disk, no permission) into one line; the live site stays as it was."""
    try:
        yield
    except ReleaseError as e:
        raise PublishError(str(e)) from None
    except OSError as e:
        where = f"（{e.filename}）" if e.filename else ""
        reason = write_reason(e)
        raise PublishError(f"{what}失败：{reason}{where}；线上网站保持原样") from None


def build(data: Path, config: Path, out: Path, day: dt.date | None = None) -> None:
    """Run ``mkdocs build --strict`` for a data file (as of ``day``) into ``out``; raise PublishError on failure."""
    env = dict(os.environ, DUTYDIR_DATA=str(data.resolve()), NO_MKDOCS_2_WARNING="1")
    if day is not None:
        env["DUTYDIR_DATE"] = day.isoformat()
    # run() kills the build when this process is stopped; die_with_parent also when it is killed.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out.resolve())],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=die_with_parent,
    )
    if result.returncode != 0:
        if "No space left on device" in result.stderr:
            raise PublishError("发布失败：磁盘已满，新版本未能生成；线上网站保持原样")
        lines = [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))]
        raise PublishError("网站构建失败：\n" + "\n".join(lines or result.stderr.splitlines()[-5:]))


def switch(dest: Path, release: Path) -> None:
    """Point DEST at a release in one atomic rename of a fresh symlink over the old one."""
    target = os.path.relpath(release, dest.parent)
    tmp = dest.with_name(f".{dest.name}.switch")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target, target_is_directory=True)
    os.replace(tmp, dest)


def live_release(dest: Path) -> Path | None:
    """The release DEST points at, or None when DEST is not published yet."""
    if not dest.is_symlink():
        return None
    return (dest.parent / os.readlink(dest)).resolve()


def rollback(dest: Path) -> Path:
    """Point DEST back at the release before the live one, once it is verified whole; return it."""
    live = live_release(dest)
    if live is None:
        raise PublishError(f"{dest} 不是发布的网站（不是符号链接），无可回退")
    releases = releases_dir(dest)
    with disk_errors("回滚"), finishing_on_signals(), locked(releases):
        remove_debris(releases, dest)
        kept = sorted(p for p in releases.iterdir() if p.is_dir() and not p.name.startswith("."))
        older = [p for p in kept if p.name < live.name]
        if not older:
            raise PublishError(f"{dest} 没有比 {live.name} 更早的版本可回退")
        problem = verify(older[-1])
        broken = broken_links(older[-1]) if problem is None else []
        if problem or broken:
            reason = problem or f"版本 {older[-1].name} 有 {len(broken)} 个失效的内部链接（如 {broken[0]}）"
            raise PublishError(f"{reason}；未回滚，线上网站保持原样")
        switch(dest, older[-1])
    return older[-1]


def prune(releases: Path, keep: int, live: Path) -> None:
    """Delete the oldest releases beyond ``keep``, never the live one."""
    kept = sorted(p for p in releases.iterdir() if p.is_dir() and not p.name.startswith("."))
    for old in kept[: max(0, len(kept) - keep)]:
        if old != live:
            delete(old, wait=False)
