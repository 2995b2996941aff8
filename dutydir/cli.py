"""The dutydir command line: each command calls the library and maps its errors to a message and exit code."""

from __future__ import annotations

import sys

import click

from .errors import DataError
from .load import load_directory


@click.group()
def main() -> None:
    """Work-safety responsibility directory: check and maintain the data file."""


@main.command()
@click.argument("file", default="data/leaders.yaml", type=click.Path(dir_okay=False))
def check(file: str) -> None:
    """Check a data file and print every problem as FILE:LINE:COL: ENTITY: MESSAGE.

    Example: dutydir check data/leaders.yaml
    """
    try:
        _, warnings = load_directory(file)
    except DataError as e:
        for problem in e.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(e.problems)} error(s) in {file}", err=True)
        sys.exit(1)
    for warning in warnings:
        click.echo(str(warning), err=True)
    click.echo(f"{file}: ok" + (f", {len(warnings)} warning(s)" if warnings else ""))
