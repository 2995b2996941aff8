"""Publishing: a good build goes live in one step, a bad one leaves the live site untouched, rollback returns."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir.build.link_check import broken_links
from dutydir.build.publish import live_release, publish, releases_dir
from dutydir.cli import cli

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's site sources with the small test unit as its data."""
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "leaders.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DUTYDIR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DUTYDIR_DATE", "2025-01-01")
    return tmp_path


def test_publish_fail_and_rollback(project: Path) -> None:
    dest = project / "www" / "anquan"
    data = project / "data" / "leaders.yaml"
    config = project / "mkdocs.yml"

    first = publish(data, dest, config, now=dt.datetime(2025, 1, 1, 9, 0, 0))
    assert first == releases_dir(dest) / "20250101-090000"
    assert dest.is_symlink() and os.readlink(dest) == "anquan.releases/20250101-090000"
    assert "张三" in (dest / "leaders" / "fu-b" / "index.html").read_text(encoding="utf-8")
    live_before = snapshot(dest)

    data.write_text(MINIMAL.replace("posts: [fu-a, fu-b]", "posts: [fu-a, fu-c]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["publish", str(dest), "--data", str(data), "--config", str(config)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        # Every unit is checked (load_site), which names a file under the working folder by its relative path.
        "data/leaders.yaml:46:19: 李二: AB角“fu-c”不是本单位的职务（是否指“fu-b”？）",
        f"{data}：1处错误；未发布",
    ]
    assert os.readlink(dest) == "anquan.releases/20250101-090000"
    assert snapshot(dest) == live_before
    assert sorted(p.name for p in releases_dir(dest).iterdir()) == ["20250101-090000"]

    data.write_text(MINIMAL.replace("张三", "王五"), encoding="utf-8")
    second = publish(data, dest, config, now=dt.datetime(2025, 2, 1, 9, 0, 0))
    assert live_release(dest) == second.resolve()
    assert "王五" in (dest / "leaders" / "fu-b" / "index.html").read_text(encoding="utf-8")

    result = CliRunner().invoke(cli, ["rollback", str(dest)])
    assert (result.exit_code, result.stdout) == (0, f"已回退：{dest} → {first}\n")
    assert snapshot(dest) == live_before

    result = CliRunner().invoke(cli, ["rollback", str(dest)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"未回退：{dest} 没有比 20250101-090000 更早的版本可回退\n",
    )


def test_publish_refuses_a_real_folder(project: Path) -> None:
    dest = project / "www"
    dest.mkdir()
    (dest / "index.html").write_text("old site", encoding="utf-8")
    result = CliRunner().invoke(cli, ["publish", str(dest)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"未发布：{dest} 已存在，且不是发布时建立的符号链接；请先把它移走\n",
    )
    assert (dest / "index.html").read_text(encoding="utf-8") == "old site"


def test_a_missing_config_is_one_chinese_line(project: Path) -> None:
    (project / "mkdocs.yml").unlink()
    for command in (
        ["publish", "www"],
        ["render", "out"],
        ["build-site", "site", "--shards", "store"],
        ["plan", "store"],
    ):
        result = CliRunner().invoke(cli, command, prog_name="dutydir")
        assert (result.exit_code, result.stderr) == (
            2,
            "dutydir：'--config' 的值无效：MkDocs 配置文件 mkdocs.yml 不存在，请在有 mkdocs.yml 的目录中运行，"
            f"或用 --config 指定（用法见 dutydir {command[0]} --help）\n",
        )
    assert not (project / "www").exists() and not (project / "out").exists()


def test_a_file_where_a_folder_belongs_is_said_in_chinese(project: Path) -> None:
    (project / "www").write_text("a file", encoding="utf-8")
    result = CliRunner().invoke(cli, ["publish", "www"], prog_name="dutydir")
    assert (result.exit_code, result.stderr) == (
        2,
        "dutydir：'DEST' 的值无效：www 是文件，这里应是文件夹（用法见 dutydir publish --help）\n",
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["publish", "www", "--jobs", "0"], "'--jobs' 的值无效：0 太小，至少为 1（用法见 dutydir publish --help）"),
        (["publish", "www", "--jobs", "两个"], "'--jobs' 的值无效：“两个”不是整数（用法见 dutydir publish --help）"),
        (["synth", "out", "--units", "1.5"], "'--units' 的值无效：“1.5”不是整数（用法见 dutydir synth --help）"),
    ],
)
def test_a_bad_number_is_said_in_chinese(project: Path, args: list[str], said: str) -> None:
    result = CliRunner().invoke(cli, args, prog_name="dutydir")
    assert (result.exit_code, result.stderr) == (2, f"dutydir：{said}\n")
    assert sorted(p.name for p in project.iterdir()) == ["data", "docs", "hooks", "mkdocs.yml", "overrides"]


def test_broken_links_are_found(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h1 id="top">a</h1><a href="../b/">b</a> <a href="../missing/">m</a> <img src="/img.png">'
        ' <a href="https://x.example/">x</a> <a href="#top">t</a> <svg><a xlink:href="../gone/"></a></svg>',
        encoding="utf-8",
    )
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(
        '<a href="../a/#top">a</a> <a href="../a/index.html#x">a</a> <a href="#nowhere">n</a>', encoding="utf-8"
    )
    assert broken_links(tmp_path) == [
        "a/index.html: ../missing/",
        "a/index.html: /img.png",
        "a/index.html: ../gone/",
        "b/index.html: ../a/index.html#x（页内没有这一位置）",
        "b/index.html: #nowhere（页内没有这一位置）",
    ]
