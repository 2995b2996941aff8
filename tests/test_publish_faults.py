"""Publishing under faults: two at once, killed midway, a damaged release, a full disk, an unwritable DEST.

The live site must always be a whole, verified release; whatever a killed publish left is removed
by the next one; each failure is one line.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir.build import publish as publishing
from dutydir.build.link_check import broken_links
from dutydir.build.publish import live_release, publish, releases_dir
from dutydir.build.releases import MANIFEST, verify
from dutydir.cli import cli
from tests.test_publish import MINIMAL, project  # noqa: F401 - the fixture is used by name

pytestmark = pytest.mark.slow
DUTYDIR = str(Path(sys.executable).with_name("dutydir"))


def publish_command(root: Path, dest: Path) -> list[str]:
    """The command line publishing the project's data to DEST."""
    return [
        DUTYDIR,
        "publish",
        str(dest),
        "--data",
        str(root / "data" / "leaders.yaml"),
        "--config",
        str(root / "mkdocs.yml"),
    ]


def assert_live_is_whole(dest: Path) -> None:
    """DEST points at a release whose manifest matches its files and whose links all resolve."""
    live = live_release(dest)
    assert live is not None
    assert (verify(live), broken_links(live)) == (None, [])


def children_of(pid: int) -> list[int]:
    """The child processes of a process (Linux /proc)."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        out += [int(c) for c in task.read_text().split()]
    return out


def test_two_publishes_at_once_both_succeed(project: Path) -> None:  # noqa: F811
    dest = project / "www" / "anquan"
    procs = [subprocess.Popen(publish_command(project, dest), stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    assert results == [(0, ""), (0, "")]
    names = sorted(p.name for p in releases_dir(dest).iterdir())
    assert len(names) == 2 and not [n for n in names if n.startswith(".")]
    assert_live_is_whole(dest)


def test_killed_publishes_never_break_the_live_site(project: Path) -> None:  # noqa: F811
    dest = project / "www" / "anquan"
    publish(project / "data" / "leaders.yaml", dest, project / "mkdocs.yml")
    live = live_release(dest)
    rng = random.Random(16)
    orphans: list[int] = []
    for _ in range(3):
        proc = subprocess.Popen(publish_command(project, dest), stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not children_of(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.2, 1.5))  # into the build
        builders = children_of(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert live_release(dest) == live
        assert_live_is_whole(dest)
        orphans += builders
    time.sleep(1)
    # The mkdocs build dies with the publish that started it.
    assert [pid for pid in orphans if Path(f"/proc/{pid}").exists() and "zombie" not in status(pid)] == []
    assert any(p.name.endswith(".building") for p in releases_dir(dest).iterdir())
    publish(project / "data" / "leaders.yaml", dest, project / "mkdocs.yml")
    assert not [p.name for p in releases_dir(dest).iterdir() if p.name.startswith(".")]
    assert_live_is_whole(dest)


def status(pid: int) -> str:
    """The state line of a process, '' when it is gone."""
    try:
        return next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State"))
    except (OSError, StopIteration):
        return "zombie"


def test_rollback_refuses_a_damaged_release(project: Path) -> None:  # noqa: F811
    dest = project / "www" / "anquan"
    data, config = project / "data" / "leaders.yaml", project / "mkdocs.yml"
    first = publish(data, dest, config)
    data.write_text(MINIMAL.replace("张三", "王五"), encoding="utf-8")
    second = publish(data, dest, config)
    (first / "sectors" / "jiao-yu" / "index.html").unlink()
    result = CliRunner().invoke(cli, ["rollback", str(dest)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"未回退：版本 {first.name} 已不完整：缺少 1 个文件、改动 0 个文件（如 sectors/jiao-yu/index.html）"
        "；未回滚，线上网站保持原样\n",
    )
    assert live_release(dest) == second.resolve()
    (first / MANIFEST).unlink()
    result = CliRunner().invoke(cli, ["rollback", str(dest)])
    assert result.stderr == (
        f"未回退：版本 {first.name} 没有发布时的校验记录（{MANIFEST}），无法确认它完整；未回滚，线上网站保持原样\n"
    )


def test_a_full_disk_is_one_line(project: Path) -> None:  # noqa: F811
    disk = project / "small-disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        dest = disk / "anquan"
        result = subprocess.run(publish_command(project, dest), capture_output=True, text=True, timeout=300)
        assert (result.returncode, result.stderr) == (
            1,
            "未发布：发布失败：磁盘已满，新版本未能生成；线上网站保持原样\n",
        )
        assert not dest.exists() and list(releases_dir(dest).iterdir()) == []
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_disk_errors_outside_the_build_are_one_line(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/srv/www/anquan.releases/x")

    monkeypatch.setattr(publishing, "write_manifest", full)
    dest = project / "www" / "anquan"
    result = CliRunner().invoke(cli, ["publish", str(dest), "--data", str(project / "data" / "leaders.yaml")])
    assert (result.exit_code, result.stderr) == (
        1,
        "未发布：发布失败：磁盘已满（/srv/www/anquan.releases/x）；线上网站保持原样\n",
    )
    assert not dest.exists() and list(releases_dir(dest).iterdir()) == []


def test_an_unwritable_dest_is_one_line(project: Path) -> None:  # noqa: F811
    (project / "www").write_text("a file where a folder should be", encoding="utf-8")
    dest = project / "www" / "anquan"
    result = CliRunner().invoke(cli, ["publish", str(dest), "--data", str(project / "data" / "leaders.yaml")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"未发布：发布失败：路径中的某一级是文件，不是文件夹（{project / 'www' / 'anquan.releases'}）；线上网站保持原样\n",
    )
    shutil.rmtree(project / "cache", ignore_errors=True)
