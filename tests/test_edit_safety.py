"""Edits under faults: at the same time, killed midway, on a read-only, symlinked or someone else's file.

Parallel and killed edits run the real `dutydir` command in their own processes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from dutydir.cli import cli
from dutydir.data.load import load_directory
from dutydir.tools import writing
from tests.test_check import MINIMAL

DUTYDIR = str(Path(sys.executable).with_name("dutydir"))
POSTS = 10
MANY_POSTS = MINIMAL.replace(
    "\nab_pairs:",
    "".join(
        f"  - id: post-{n}\n    name: 委员\n    role: member\n    holders:\n"
        f"      - person: 旧{n}\n        title: 委员\n        from: 2024-01-02\n"
        for n in range(POSTS)
    )
    + "\nab_pairs:",
)
LOCKED = "dutydir: 另一个修改正在进行，{path} 已被锁定 0 秒；请等它完成后再试; {path} left unchanged\n"


def appoint(path: Path, post: str, person: str) -> list[str]:
    """The command line of one appointment."""
    return [DUTYDIR, "appoint", post, person, "--date", "2025-03-01", "--data", str(path)]


def holders(path: Path) -> dict[str, list[str]]:
    """Each post's holders, read back with PyYAML."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {p["id"]: [h["person"] for h in p.get("holders") or []] for p in data["posts"]}


@pytest.mark.slow
def test_parallel_appointments_all_survive_or_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MANY_POSTS, encoding="utf-8")
    procs = [
        subprocess.Popen(
            appoint(path, f"post-{n}", f"新{n}"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for n in range(POSTS)
    ]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    after = holders(path)
    for n, (code, err) in enumerate(results):
        if code == 0:
            assert after[f"post-{n}"] == [f"旧{n}", f"新{n}"]
        else:  # refused, with the lock message, and not half-done
            assert (code, err) == (1, LOCKED.format(path=path).replace(" 0 秒", " 30 秒"))
            assert after[f"post-{n}"] == [f"旧{n}"]
    assert sum(code == 0 for code, _ in results) >= POSTS // 2
    load_directory(path)


def test_an_edit_while_another_holds_the_lock_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setattr(writing, "LOCK_WAIT", 0.0)
    with writing.locked(path):
        result = CliRunner().invoke(cli, ["appoint", "fu-b", "王五", "--date", "2025-03-01", "--data", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", LOCKED.format(path=path))
    assert path.read_text(encoding="utf-8") == MINIMAL


@pytest.mark.slow
def test_killed_edits_leave_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MANY_POSTS, encoding="utf-8")
    rng = random.Random(16)
    for n in range(8):
        proc = subprocess.Popen(
            appoint(path, f"post-{n}", f"新{n}"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        load_directory(path)  # whole and valid, whichever it is
        assert holders(path)[f"post-{n}"] in ([f"旧{n}"], [f"旧{n}", f"新{n}"])
    # A killed edit's temporary file is removed by the next edit.
    (tmp_path / ".leaders.yaml.killed.new").write_text("half", encoding="utf-8")
    result = CliRunner().invoke(cli, ["appoint", "fu-a", "王五", "--date", "2025-03-01", "--data", str(path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leaders.yaml"]


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0o444)
    result = CliRunner().invoke(cli, ["appoint", "fu-b", "王五", "--date", "2025-03-01", "--data", str(path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"dutydir: {path} 是只读文件，不能修改（可用 chmod u+w 恢复写权限）; {path} left unchanged\n",
    )
    assert path.read_text(encoding="utf-8") == MINIMAL


def test_a_symlink_stays_and_its_target_is_updated(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "leaders.yaml"
    target.write_text(MINIMAL, encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "leaders.yaml"
    link.symlink_to("shared/leaders.yaml")
    result = CliRunner().invoke(cli, ["appoint", "fu-b", "王五", "--date", "2025-03-01", "--data", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "shared/leaders.yaml"
    assert holders(target)["fu-b"] == ["张三", "王五"]
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["leaders.yaml"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_the_owner_and_inode_rules_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    os.chown(path, 1234, 5678)
    path.chmod(0o664)
    result = CliRunner().invoke(cli, ["appoint", "fu-b", "王五", "--date", "2025-03-01", "--data", str(path)])
    assert result.exit_code == 0, result.output
    info = path.stat()
    assert (info.st_uid, info.st_gid, oct(info.st_mode & 0o777)) == (1234, 5678, "0o664")


def test_writing_in_place_keeps_the_inode_when_a_new_file_could_not_keep_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text("old\n", encoding="utf-8")
    inode = path.stat().st_ino
    writing.write_in_place(path, b"new\n")
    assert (path.read_text(encoding="utf-8"), path.stat().st_ino) == ("new\n", inode)


def test_same_person_again_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["appoint", "张三", "张三", "--date", "2025-03-01", "--data", str(path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"dutydir: 张三 在 2025-03-01 已担任 副镇长（fu-b），无需再次任命; {path} left unchanged\n",
    )


def test_acting_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    args = ["acting", "张三", "--by", "李二", "--from", "2025-03-01", "--to", "2025-03-05", "--data", str(path)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    once = path.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        1,
        f"{path}:48:9: fu-b: 代理 fu-a 2025-03-01 至 2025-03-05 重复写了两次",
    )
    assert path.read_text(encoding="utf-8") == once


def test_a_date_out_of_range_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "leaders.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["vacate", "张三", "--date", "0001-01-01", "--data", str(path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"dutydir: 日期 0001-01-01 不在 1900-01-01 至 2099-12-31 之间，请检查年份; {path} left unchanged\n",
    )
