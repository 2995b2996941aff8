"""The dutydir command line: each command calls the library and maps its errors to a message and exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from .errors import DataError
from .load import load_directory
from .publish import PublishError, publish, rollback

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
        fail_data(file, e)
    for warning in warnings:
        click.echo(str(warning), err=True)
    count = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
    click.echo(f"{file}: ok{count}")


def fail_data(file: str, e: DataError) -> None:
    """Print every problem of a data file and a count, then exit 1."""
    for problem in e.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{file}: {len(e.problems)} error{'s' if len(e.problems) != 1 else ''}", err=True)
    sys.exit(1)


@cli.command("publish")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--data", "data", default=DEFAULT_DATA, show_default=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option("--config", default="mkdocs.yml", show_default=True, type=click.Path(dir_okay=False, path_type=Path))
def publish_command(dest: Path, data: Path, config: Path) -> None:
    """Check the data, build the site, check its links, then switch DEST to it in one atomic step.

    DEST becomes a symlink into DEST.releases/, where the previous builds are kept for rollback.
    If anything fails, the live site stays exactly as it was.

    Example: dutydir publish /srv/www/anquan
    """
    try:
        release = publish(data, dest, config)
    except DataError as e:
        fail_data(str(data), e)
    except PublishError as e:
        click.echo(f"not published: {e}", err=True)
        sys.exit(1)
    click.echo(f"published {dest} -> {release}")


@cli.command("rollback")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def rollback_command(dest: Path) -> None:
    """Switch DEST back to the release published before the live one.

    Example: dutydir rollback /srv/www/anquan
    """
    try:
        release = rollback(dest)
    except PublishError as e:
        click.echo(f"not rolled back: {e}", err=True)
        sys.exit(1)
    click.echo(f"rolled back {dest} -> {release}")
