"""The commands that change the data file: appoint, vacate, reassign, pair, acting, correct, undo.

Registered on the main command line; each makes one change through ``tools.change`` and says what it did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from dutydir.data.errors import DataError
from dutydir.model.directory import Directory
from dutydir.tools import correct as corrections
from dutydir.tools import edit
from dutydir.tools.change import change_file
from dutydir.tools.errors import EditError
from dutydir.tools.undo import undo as undo_last
from dutydir.usage import Day, fail, fail_data

DEFAULT_DATA = "data/leaders.yaml"

DATA_OPTION = click.option(
    "--data",
    "data",
    default=DEFAULT_DATA,
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="数据文件。",
)
DATE_OPTION = click.option(
    "--date", "day", type=Day(), help="变动生效的日期（默认今天），如 2026-12-01 或 2026年12月1日。"
)


def run_edit(data: Path, day: dt.date, make: Callable[[str, Directory], edit.Change]) -> None:
    """Make one change to the data file and report it, or say why the file was left unchanged."""
    try:
        applied = change_file(data, day, make)
    except DataError as e:
        fail_data(e, data, "未改动")
    except EditError as e:
        fail(f"dutydir：{e}（{data} 未改动）")
    click.echo(applied.message)
    for line in applied.warnings:
        click.echo(line, err=True)


def effective(day: dt.date | None) -> dt.date:
    """The --date given, or today."""
    return day or dt.date.today()


@click.command()
@click.argument("post")
@click.argument("person")
@click.option("--title", help="新任者的完整职务（默认为职务名称）。")
@DATE_OPTION
@DATA_OPTION
def appoint(post: str, person: str, title: str | None, day: dt.date | None, data: Path) -> None:
    """PERSON 自 --date 起任 POST（写现任者姓名、职务如“副区长（交通运输）”，或职务编号）。

    原任者任职至前一日；行业领域、AB角和协调专员随职务不变。

    \b
    例：dutydir appoint 丁力 王五 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.appoint(text, d, post, person, when, title))


@click.command()
@click.argument("holder")
@DATE_OPTION
@DATA_OPTION
def vacate(holder: str, day: dt.date | None, data: Path) -> None:
    """HOLDER（姓名或职务）的职务自 --date 起空缺；网页显示“空缺”和由谁代理。

    \b
    例：dutydir vacate 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.vacate(text, d, holder, when))


@click.command()
@click.argument("sector")
@click.argument("post")
@DATE_OPTION
@DATA_OPTION
def reassign(sector: str, post: str, day: dt.date | None, data: Path) -> None:
    """SECTOR（连同其下属领域）自 --date 起改由 POST（姓名或职务）负责。

    \b
    例：dutydir reassign 城镇燃气 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.reassign(text, d, sector, post, when))


@click.command()
@click.argument("a")
@click.argument("b")
@DATE_OPTION
@DATA_OPTION
def pair(a: str, b: str, day: dt.date | None, data: Path) -> None:
    """A 与 B（姓名或职务）自 --date 起互为AB角。

    二者原来的AB角关系截止到前一日；因此没有AB角的职务会被提示。

    \b
    例：dutydir pair 李先勇 丁力 --date 2026-12-01
    """
    when = effective(day)
    run_edit(data, when, lambda text, d: edit.pair(text, d, a, b, when))


@click.command()
@click.argument("holder")
@click.option("--by", "by", required=True, help="代理人：领导姓名或职务，或目录中已有的人员。")
@click.option("--from", "start", required=True, type=Day(), help="第一天。")
@click.option("--to", "end", required=True, type=Day(), help="最后一天。")
@click.option("--reason", help="原因：休假、出差、学习等。")
@click.option("--new-person", is_flag=True, help="代理人不在目录中，确认作为目录外的人员记入。")
@DATA_OPTION
def acting(
    holder: str, by: str, start: dt.date, end: dt.date, reason: str | None, new_person: bool, data: Path
) -> None:
    """--from 至 --to 期间由 --by 代理 HOLDER（姓名或职务）的工作；期间网页显示代理情况。

    \b
    例：dutydir acting 丁力 --by 邓辉 --from 2026-12-01 --to 2026-12-10 --reason 外出学习
    """
    run_edit(data, start, lambda text, d: edit.acting(text, d, holder, by, (start, end), reason, new_person))


@click.group()
def correct() -> None:
    """更正录错的姓名或日期；这不是人事变动，dutydir diff 会写作“更正”。

    name 更正姓名，date 更正任职日期；做错了可以 dutydir undo。

    \b
    例：dutydir correct name 王伍 王五
    """


@correct.command("name")
@click.argument("old")
@click.argument("new")
@DATA_OPTION
def correct_name(old: str, new: str, data: Path) -> None:
    """把数据中所有的 OLD 改为 NEW（任职、代理、协调专员中的姓名）。

    \b
    例：dutydir correct name 王伍 王五
    """
    run_edit(data, dt.date.today(), lambda text, d: corrections.name(text, d, old, new))


@correct.command("date")
@click.argument("person")
@click.argument("day", type=Day())
@click.option("--end", is_flag=True, help="更正任职的截止日期（默认更正起始日期）。")
@DATA_OPTION
def correct_date(person: str, day: dt.date, end: bool, data: Path) -> None:
    """把 PERSON 最近一次任职的起始日期（或 --end 截止日期）更正为 DAY；相邻的前任或继任随之调整。

    \b
    例：dutydir correct date 王五 2026-12-02
    """
    run_edit(data, dt.date.today(), lambda text, d: corrections.date(text, d, person, day, end))


@click.command()
@DATA_OPTION
def undo(data: Path) -> None:
    """撤销上一条修改数据文件的命令（appoint、vacate、reassign、pair、acting、correct）。

    只在数据文件仍是那条命令写下的内容时才撤销，不会丢掉之后的手工修改；可连续撤销多条。

    \b
    例：dutydir undo --data data/leaders.yaml
    """
    try:
        message = undo_last(data)
    except DataError as e:
        fail_data(e, data, "未改动")
    except EditError as e:
        fail(f"dutydir：{e}（{data} 未改动）")
    click.echo(message)


COMMANDS = (appoint, vacate, reassign, pair, acting, correct, undo)
