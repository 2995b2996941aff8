"""The dutydir command line: each command calls the library and maps its errors to a message and exit code."""

from __future__ import annotations

import datetime as dt
import sys

import click

from .errors import DataError
from .load import load_directory

DEFAULT_DATA = "data/leaders.yaml"


@click.group()
def cli() -> None:
    """Work-safety responsibility directory: check and maintain the data file."""


def main() -> None:
    """Run the command line; an unexpected failure is one line on stderr and exit 2, never a traceback."""
    try:
        cli(standalone_mode=True)
    except Exception as e:  # noqa: BLE001 - the last line of defence for a user at a terminal
        click.echo(f"dutydir: internal error: {type(e).__name__}: {e}", err=True)
        sys.exit(2)


@cli.command()
@click.argument("file", default=DEFAULT_DATA, type=click.Path(dir_okay=False))
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Check as of this day (default today).")
def check(file: str, day: dt.datetime | None) -> None:
    """Check a data file; print each problem as FILE:LINE:COL: ENTITY: MESSAGE, then a count.

    Exits 1 when there is any error; warnings (such as a vacant post) are printed but do not fail.

    Example: dutydir check data/leaders.yaml
    """
    try:
        _, warnings = load_directory(file, day.date() if day else None)
    except DataError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{file}: {len(e.problems)} error{'s' if len(e.problems) != 1 else ''}", err=True)
        sys.exit(1)
    for warning in warnings:
        click.echo(str(warning), err=True)
    count = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
    click.echo(f"{file}: ok{count}")
