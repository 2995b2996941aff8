"""The dutydir command line: each command calls the library and maps its errors to a message and exit code."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import click
from mkdocs.exceptions import PluginError

from dutydir.build import docs_folder
from dutydir.build.pdf import PdfError
from dutydir.build.publish import PublishError, rollback
from dutydir.build.sharded_publish import publish_site
from dutydir.build.svg import ChartError
from dutydir.cli_shards import COMMANDS as SHARD_COMMANDS
from dutydir.data.errors import DataError
from dutydir.data.load import load_directory
from dutydir.data.units import load_site
from dutydir.model.directory import Directory
from dutydir.render import diff_text
from dutydir.tools import edit, synth, versions
from dutydir.tools.change import change_file

DEFAULT_DATA = "data/leaders.yaml"


@click.group()
def cli() -> None:
    """Work-safety responsibility directory: check and maintain the data file, build and publish the site.

    Each command's --help ends with an example.

    \b
    Example: dutydir check data/leaders.yaml
    """


def main() -> None:
    """Run the command line; an unexpected failure is one line on stderr and exit 2, never a traceback."""
    try:
        cli(standalone_mode=True)
    except Exception as e:  # noqa: BLE001 - the last line of defence for a user at a terminal
        click.echo(f"dutydir: internal error: {type(e).__name__}: {e}", err=True)
        sys.exit(2)


@cli.command()
@click.argument("file", default=DEFAULT_DATA, type=click.Path())
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Check as of this day (default today).")
def check(file: str, day: dt.datetime | None) -> None:
    """Check a data file and the unit files in units/ beside it; print each problem as FILE:LINE:COL: ENTITY: MESSAGE.

    Exits 1 when there is any error; warnings (such as a vacant post) are printed but do not fail.

    \b
    Example: dutydir check data/leaders.yaml
    """
    try:
        site, warnings = load_site(file, day.date() if day else None)
    except DataError as e:
        fail_data(e, file)
    for warning in warnings:
        click.echo(str(warning), err=True)
    count = f", {len(warnings)} warning{'s' if len(warnings) != 1 else ''}" if warnings else ""
    units = f" ({len(site.units)} units)" if len(site.units) > 1 else ""
    click.echo(f"{file}: ok{units}{count}")


def fail_data(e: DataError, file: str | Path, outcome: str = "") -> NoReturn:
    """Print every problem of the data, then one line with their count and what became of the command; exit 1."""
    for problem in e.problems:
        click.echo(str(problem), err=True)
    count = f"{len(e.problems)} error{'s' if len(e.problems) != 1 else ''}"
    click.echo(f"{file}: {count}{'; ' + outcome if outcome else ''}", err=True)
    sys.exit(1)


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit 1."""
    click.echo(message, err=True)
    sys.exit(1)


@cli.command("publish")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--data", "data", default=DEFAULT_DATA, show_default=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option("--config", default="mkdocs.yml", show_default=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Shards built at a time.")
def publish_command(dest: Path, data: Path, config: Path, jobs: int) -> None:
    """Check the data, build the site, check its links, then switch DEST to it in one atomic step.

    DEST becomes a symlink into DEST.releases/, where the previous builds are kept for rollback.
    If anything fails, the live site stays exactly as it was. A site of several units is built as
    shards kept in DEST.shards/: only the units whose inputs changed are built again, JOBS at a time.

    \b
    Example: dutydir publish /srv/www/anquan
    """
    try:
        release = publish_site(data, dest, config, jobs)
    except DataError as e:
        fail_data(e, data, "not published")
    except PublishError as e:
        fail(f"not published: {e}")
    click.echo(f"published {dest} -> {release}")


@cli.command("rollback")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def rollback_command(dest: Path) -> None:
    """Switch DEST back to the release published before the live one.

    \b
    Example: dutydir rollback /srv/www/anquan
    """
    try:
        release = rollback(dest)
    except PublishError as e:
        fail(f"not rolled back: {e}")
    click.echo(f"rolled back {dest} -> {release}")


DATA_OPTION = click.option(
    "--data", "data", default=DEFAULT_DATA, show_default=True, type=click.Path(dir_okay=False, path_type=Path)
)
DATE_OPTION = click.option(
    "--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="The day the change takes effect (default today)."
)


def run_edit(data: Path, day: dt.date, make: Callable[[str, Directory], edit.Change]) -> None:
    """Make one change to the data file and report it, or say why the file was left unchanged."""
    try:
        applied = change_file(data, day, make)
    except DataError as e:
        fail_data(e, data, "left unchanged")
    except edit.EditError as e:
        fail(f"dutydir: {e}; {data} left unchanged")
    click.echo(applied.message)
    for line in applied.warnings:
        click.echo(line, err=True)


def effective(day: dt.datetime | None) -> dt.date:
    """The --date given, or today."""
    return day.date() if day else dt.date.today()


@cli.command()
@click.argument("post")
@click.argument("person")
@click.option("--title", help="The new holder's full title (default: the post's name).")
@DATE_OPTION
@DATA_OPTION
def appoint(post: str, person: str, title: str | None, day: dt.datetime | None, data: Path) -> None:
    """PERSON holds POST (a post id or its current holder's name) from --date.

    The former holder's term ends the day before; sectors, AB partner and commissioner stay with the post.

    \b
    Example: dutydir appoint 丁力 王五 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.appoint(text, d, post, person, when, title))


@cli.command()
@click.argument("holder")
@DATE_OPTION
@DATA_OPTION
def vacate(holder: str, day: dt.datetime | None, data: Path) -> None:
    """HOLDER's post (a name or post id) is vacant from --date; pages show 空缺 and who covers.

    \b
    Example: dutydir vacate 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.vacate(text, d, holder, when))


@cli.command()
@click.argument("sector")
@click.argument("post")
@DATE_OPTION
@DATA_OPTION
def reassign(sector: str, post: str, day: dt.datetime | None, data: Path) -> None:
    """SECTOR, with its scopes, moves to POST (a post id or holder's name) from --date.

    \b
    Example: dutydir reassign 城镇燃气 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.reassign(text, d, sector, post, when))


@cli.command()
@click.argument("a")
@click.argument("b")
@DATE_OPTION
@DATA_OPTION
def pair(a: str, b: str, day: dt.datetime | None, data: Path) -> None:
    """A and B (names or post ids) stand in for each other (互为AB角) from --date.

    Their former pairs end the day before; a former partner left without one is reported as a warning.

    \b
    Example: dutydir pair 李先勇 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.pair(text, d, a, b, when))


@cli.command()
@click.argument("holder")
@click.option("--by", "by", required=True, help="Who stands in: a leader's name or post id, or any person's name.")
@click.option("--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First day.")
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last day.")
@click.option("--reason", help="Why: leave, a trip, study.")
@DATA_OPTION
def acting(holder: str, by: str, start: dt.datetime, end: dt.datetime, reason: str | None, data: Path) -> None:
    """Someone stands in for HOLDER (a name or post id) from --from to --to; pages show it while it lasts.

    \b
    Example: dutydir acting 丁力 --by 邓辉 --from 2026-12-01 --to 2026-12-10 --reason 外出学习
    """
    run_edit(data, start.date(), lambda text, d: edit.acting(text, d, holder, by, start.date(), end.date(), reason))


@cli.command("diff")
@click.argument("old", required=False, default="HEAD")
@click.argument("new", required=False)
@click.option("--markdown", is_flag=True, help="Write a Markdown section, fit for a page.")
@DATA_OPTION
def diff_command(old: str, new: str | None, markdown: bool, data: Path) -> None:
    """Summarise in Chinese what changed between two versions of the data: files or git revisions.

    OLD and NEW are each a file or a git revision of the data file; OLD defaults to HEAD and NEW to
    the working file, so `dutydir diff` shows what is not committed yet.

    \b
    Example: dutydir diff HEAD~1
    """
    try:
        with versions.version(old, data) as old_path, versions.version(new, data) as new_path:
            lines = versions.diff(old_path, new_path)
    except DataError as e:
        fail_data(e, data)
    except versions.VersionError as e:
        fail(f"dutydir: {e}")
    click.echo(diff_text.markdown(lines) if markdown else diff_text.plain(lines))


@cli.command("synth")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--units", type=click.IntRange(min=1), required=True, help="How many units (the first is a district).")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed writes the same files.")
def synth_command(out: Path, units: int, seed: int) -> None:
    """Write a synthetic dataset of UNITS units into OUT (leaders.yaml and units/*.yaml), for tests and benchmarks.

    \b
    Example: dutydir synth --units 50 --seed 1 /tmp/city && make site DATA=/tmp/city
    """
    written = synth.synth(out, units, seed)
    try:
        site, _ = load_site(out)
    except DataError as e:
        fail_data(e, out, "the written files do not check")
    pages = sum(len(unit.sectors) for unit in site.units[: len(written)])
    click.echo(f"wrote {len(written)} units to {out} ({pages} sector pages)")


@cli.command("render")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", default="mkdocs.yml", show_default=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--data", type=click.Path(path_type=Path), help="The data file (default: the one mkdocs.yml names).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Render as of this day (default today).")
def render_command(out: Path, config: Path, data: Path | None, day: dt.datetime | None) -> None:
    """Write every page and chart of the site into OUT/docs, with an OUT/mkdocs.yml that needs no hooks.

    Plain `mkdocs build` in OUT then makes the same HTML as the hooks do.

    \b
    Example: dutydir render /tmp/xinzhou && cd /tmp/xinzhou && mkdocs build --strict
    """
    try:
        site, written = docs_folder.render_project(config, out, data, day.date() if day else None)
    except DataError as e:
        fail_data(e, data or config, "nothing written")
    except (PluginError, docs_folder.FolderError, ChartError, PdfError) as e:
        fail(f"dutydir: {e}")
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    click.echo(f"wrote {pages} pages of {len(site.units)} unit(s) to {out}/docs; build with: mkdocs build -f {written}")


@cli.command("notice")
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write it as a .docx.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="The division of work on this day (default today).")
@DATA_OPTION
def notice_command(docx_path: Path | None, day: dt.datetime | None, data: Path) -> None:
    """Write section 一 of the notice (明确安全生产责任分工) from the data, in the notice's words, for a new notice.

    Prints the text; with --docx also writes it as Word laid out per GB/T 9704 (2号小标宋 title,
    3号仿宋 body, 22 lines of 28 characters).

    Example: dutydir notice --docx 分工.docx
    """
    from dutydir.documents import notice, notice_docx

    try:
        directory, _ = load_directory(data, effective(day))
    except DataError as e:
        fail_data(e, data, "nothing written")
    click.echo(notice.section_one_text(directory), nl=False)
    if docx_path is not None:
        try:
            docx_path.write_bytes(notice_docx.notice_docx(directory))
        except OSError as e:
            fail(f"dutydir: 无法写入 {docx_path}：{e.strerror}")
        click.echo(f"已写入 {docx_path}", err=True)


# Sharded builds: plan, build-unit, merge, build-site (dutydir/cli_shards.py).
for shard_command in SHARD_COMMANDS:
    cli.add_command(shard_command)
