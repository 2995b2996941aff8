"""Every command explains itself: --help works and its text ends with an example of the command."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from dutydir import usage
from dutydir.cli import cli

assert isinstance(cli, click.Group)
COMMANDS = sorted(cli.commands)


def test_the_commands_are_those_the_readme_documents() -> None:
    assert COMMANDS == [
        "acting",
        "appoint",
        "build-site",
        "build-unit",
        "check",
        "correct",
        "diff",
        "merge",
        "notice",
        "pair",
        "plan",
        "publish",
        "reassign",
        "render",
        "rollback",
        "synth",
        "undo",
        "vacate",
    ]


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_ends_with_an_example(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"] if name else ["--help"], prog_name="dutydir")
    assert result.exit_code == 0, result.output
    text = result.output.split("\n选项：")[0].rstrip().splitlines()
    # The text before the options: usage, what the command does, then one unwrapped line with an example.
    assert text[0].startswith(f"用法：dutydir {name}".rstrip())
    assert len(text) > 4 and text[-2] == ""
    assert text[-1].startswith(f"  例：dutydir {name or 'check'} "), text[-1]


def test_help_is_in_chinese_and_aligned_by_display_width() -> None:
    result = CliRunner().invoke(cli, ["synth", "--help"], prog_name="dutydir", terminal_width=100)
    assert result.output == (
        "用法：dutydir synth [选项] OUT\n"
        "\n"
        "  在 OUT 中写出含 UNITS 个单位的虚构数据集（leaders.yaml 和 units/*.yaml），供测试和性能基准使用。\n"
        "\n"
        "  例：dutydir synth --units 50 --seed 1 /tmp/city && make site DATA=/tmp/city\n"
        "\n"
        "选项：\n"
        "  --units 整数  单位个数（第一个是区）。  [≥1；必填]\n"
        "  --seed 整数   同一个种子写出同样的文件。  [默认：1]\n"
        "  --help        显示本说明并退出。\n"
    )


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_has_none_of_clicks_english(name: str) -> None:
    output = CliRunner().invoke(cli, [name, "--help"] if name else ["--help"], prog_name="dutydir").output
    english = ("Usage", "Options", "Commands", "Show this message", "default:", "required", "INTEGER", " FILE", "TEXT")
    assert [word for word in english if word in output] == []
    # The help of every option starts in one column, whatever the width of its name.
    rows = output.split("\n选项：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    starts = {
        usage.display_width(row[: row.index(text)]) for row in rows if (text := row[2:].partition("  ")[2].strip())
    }
    assert len(starts) == 1, rows
