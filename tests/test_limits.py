"""Files the checker must refuse without reading them whole or waiting: FIFOs, devices, huge files, escapes.

Each is refused with one exact line; a test that could hang runs `dutydir check` in a process with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dutydir.data import limits
from tests.test_check import MINIMAL, run_check

WITH_TEXT = MINIMAL.replace("  date: 2024-01-02\n", "  date: 2024-01-02\n  text_file: notice.md\n")


def check_in_process(folder: Path, name: str = "leaders.yaml") -> tuple[int, str]:
    """`dutydir check` in its own process, killed after 20 s: exit code and stderr."""
    result = subprocess.run(
        [sys.executable, "-c", "from dutydir.cli import main; main()", "check", name, "--date", "2025-01-01"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=20,
    )
    return result.returncode, result.stderr


def test_text_file_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "notice.md")
    (tmp_path / "leaders.yaml").write_text(WITH_TEXT, encoding="utf-8")
    assert check_in_process(tmp_path) == (
        1,
        "leaders.yaml:12:14: notice: 无法读取正文文件（text_file）“notice.md”：不是普通文件（可能是目录、管道或设备）\n"
        "leaders.yaml：1处错误\n",
    )


def test_data_file_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "leaders.yaml")
    assert check_in_process(tmp_path) == (
        1,
        "leaders.yaml:1:1: leaders.yaml: 无法读取文件：不是普通文件（可能是目录、管道或设备）\nleaders.yaml：1处错误\n",
    )


def test_symlink_to_a_device_is_outside_the_folder(tmp_path: Path) -> None:
    (tmp_path / "notice.md").symlink_to("/dev/zero")
    assert run_check(tmp_path, WITH_TEXT) == (
        1,
        "",
        "leaders.yaml:12:14: notice: text_file 'notice.md' 在数据文件所在文件夹之外；只能读取该文件夹里的文件\n"
        "leaders.yaml：1处错误\n",
    )


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "secret.md").write_text("机密\n", encoding="utf-8")
    (tmp_path / "data" / "notice.md").symlink_to(tmp_path / "secret.md")
    code, out, err = run_check(tmp_path / "data", WITH_TEXT)
    assert (code, err.splitlines()[0]) == (
        1,
        "leaders.yaml:12:14: notice: text_file 'notice.md' 在数据文件所在文件夹之外；只能读取该文件夹里的文件",
    )


def test_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "notice-2024.md").write_text("# 通知\n", encoding="utf-8")
    (tmp_path / "notice.md").symlink_to("texts/notice-2024.md")
    assert run_check(tmp_path, WITH_TEXT) == (0, "leaders.yaml：检查通过\n", "")


def test_text_file_too_large(tmp_path: Path) -> None:
    (tmp_path / "notice.md").write_bytes(b"a" * (limits.MAX_TEXT_FILE_BYTES + 1))
    assert run_check(tmp_path, WITH_TEXT) == (
        1,
        "",
        "leaders.yaml:12:14: notice: 无法读取正文文件（text_file）“notice.md”：文件有 1,048,577 字节，超过上限 1,048,576 字节\n"
        "leaders.yaml：1处错误\n",
    )


def test_data_file_too_large(tmp_path: Path) -> None:
    padding = "#" * 1000 + "\n"
    content = MINIMAL + padding * (limits.MAX_FILE_BYTES // len(padding) + 1)
    code, out, err = run_check(tmp_path, content)
    assert (code, err.splitlines()[0]) == (
        1,
        "leaders.yaml:1:1: leaders.yaml: 无法读取文件：文件有 4,196,759 字节，超过上限 4,194,304 字节",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# 通知\n\n见[附件](javascript:alert(1))。\n",
            "text_file 'notice.md' 第 3 行第 5 列有指向其他网址的链接；通知原文不应含有，请删去",
        ),
        (
            "# 通知\n\n[附件]: //evil.example/x\n",
            "text_file 'notice.md' 第 3 行第 1 列有指向其他网址的链接；通知原文不应含有，请删去",
        ),
        (
            "# 通知\n\n（一）条文。\n{ #s1 onclick=alert(1) }\n",
            "text_file 'notice.md' 第 4 行第 1 列有设置 HTML 属性的 {…}；通知原文不应含有，请删去",
        ),
        ("# 通知\x00\n", "text_file 'notice.md' 第 1 行第 5 列有控制字符；通知原文不应含有，请删去"),
    ],
    ids=["javascript-link", "reference-link-to-another-host", "attribute-list", "nul"],
)
def test_notice_text_that_could_run_script_is_refused(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "notice.md").write_text(text, encoding="utf-8")
    assert run_check(tmp_path, WITH_TEXT) == (1, "", f"leaders.yaml:12:14: notice: {expected}\nleaders.yaml：1处错误\n")


def test_raw_html_in_the_notice_is_shown_as_text() -> None:
    from dutydir.data.text_file import sanitise

    text = "（一）<script>alert(1)</script>按 <b>一岗双责</b>。\n{ #s1-1 }\n"
    assert sanitise(text, "notice.md") == (
        "（一）&lt;script>alert(1)&lt;/script>按 &lt;b>一岗双责&lt;/b>。\n{ #s1-1 }\n"
    )


def test_every_name_at_the_root_of_a_built_site_is_reserved(site: Path) -> None:
    from dutydir.data.reserved import TOP_LEVEL

    names = {p.name.split(".")[0] for p in site.iterdir()}
    assert names - TOP_LEVEL == set()
    assert {"index", "leaders", "sectors", "assets", "search"} <= names
