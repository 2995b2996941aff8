"""Every command explains itself: --help works and its text ends with an example of the command."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

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
    text = result.output.split("\nOptions:")[0].rstrip().splitlines()
    # The text before the options: usage, what the command does, then one unwrapped line with an example.
    assert text[0].startswith(f"Usage: dutydir {name}".rstrip())
    assert len(text) > 4 and text[-2] == ""
    assert text[-1].startswith(f"  例：dutydir {name or 'check'} "), text[-1]
