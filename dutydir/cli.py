"""The dutydir command line: each command calls the library and maps its errors to a message and exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from mkdocs.exceptions import PluginError

from dutydir.build import docs_folder, freshness
from dutydir.build.pdf import PdfError
from dutydir.build.publish import PublishError, live_release, rollback
from dutydir.build.sharded_publish import publish_site
from dutydir.build.svg import ChartError
from dutydir.cli_edits import COMMANDS as EDIT_COMMANDS
from dutydir.cli_edits import DATA_OPTION, DEFAULT_DATA, effective
from dutydir.cli_shards import COMMANDS as SHARD_COMMANDS
from dutydir.data.errors import DataError, write_reason
from dutydir.data.load import load_directory
from dutydir.data.units import load_site
from dutydir.render import diff_text
from dutydir.tools import synth, versions
from dutydir.tools.names import cn
from dutydir.usage import CONFIG_OPTION, Commands, Day, fail, fail_data


@click.group(cls=Commands)
def cli() -> None:
    """安全生产责任目录：检查、维护数据文件，生成和发布网站。

    每条命令的 --help 最后有一个例子。

    \b
    例：dutydir check data/leaders.yaml
    """


def main() -> None:
    """Run the command line; an unexpected failure is one line on stderr and exit 2, never a traceback."""
    try:
        cli(standalone_mode=True)
    except Exception as e:  # noqa: BLE001 - the last line of defence for a user at a terminal
        click.echo(f"dutydir：内部错误（请把这一行告诉维护人员）：{type(e).__name__}: {e}", err=True)
        sys.exit(2)


@cli.command()
@click.argument("file", default=DEFAULT_DATA, type=click.Path())
@click.option("--date", "day", type=Day(), help="按这一天检查（默认今天）。")
def check(file: str, day: dt.date | None) -> None:
    """检查数据文件及其旁边 units/ 中的各单位文件；每个问题一行：文件:行:列: 对象: 问题。

    有错误时退出码为 1；提醒（如职务空缺）只显示，不算失败。

    \b
    例：dutydir check data/leaders.yaml
    """
    try:
        site, warnings = load_site(file, day)
    except DataError as e:
        fail_data(e, file)
    for warning in warnings:
        click.echo(str(warning), err=True)
    notes = [f"{len(site.units)}个单位"] if len(site.units) > 1 else []
    notes += [f"{len(warnings)}条提醒"] if warnings else []
    click.echo(f"{file}：检查通过" + (f"（{'，'.join(notes)}）" if notes else ""))


@cli.command("publish")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@DATA_OPTION
@CONFIG_OPTION
@click.option(
    "--if-changed", is_flag=True, help="只在今天应显示的内容与正在发布的版本不同时才重新构建（供定时任务使用）。"
)
@click.option("--date", "day", type=Day(), help="按这一天的任职情况构建（默认今天，或环境变量 DUTYDIR_DATE）。")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="多单位网站同时构建的分片数。")
def publish_command(dest: Path, data: Path, config: Path, if_changed: bool, day: dt.date | None, jobs: int) -> None:
    """检查数据、构建网站、检查链接，然后一步切换 DEST 到新版本；并说明下次变动在哪一天。

    DEST 是指向 DEST.releases/ 中某个版本的符号链接，以前的版本留作回退。任何一步失败，
    正在发布的网站保持原样。--if-changed 供定时任务每天运行：内容不变时不重新构建。
    有多个单位（units/）时按单位分片构建，分片保存在 DEST.shards/，只重建输入变了的单位，同时构建 JOBS 个。

    \b
    例：dutydir publish /srv/www/anquan
    """
    when = day or freshness.publish_day()
    try:
        # Loaded and checked once, for the view and the build alike.
        site, _ = load_site(data, when)
        view = freshness.view(data, config, when, site)
        if if_changed and freshness.live_fingerprint(live_release(dest)) == view.fingerprint:
            click.echo(f"{dest} 已是按{cn(when)}任职情况的最新版本，未重新构建。")
        else:
            release = publish_site(data, dest, config, jobs, view=view, site=site)
            click.echo(f"已发布：{dest} → {release}（按{cn(when)}的任职情况）。")
    except DataError as e:
        fail_data(e, data, "未发布")
    except PublishError as e:
        fail(f"未发布：{e}")
    click.echo(freshness.next_change_line(view))


@cli.command("rollback")
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def rollback_command(dest: Path) -> None:
    """把 DEST 切换回当前版本之前发布的版本。

    \b
    例：dutydir rollback /srv/www/anquan
    """
    try:
        release = rollback(dest)
    except PublishError as e:
        fail(f"未回退：{e}")
    click.echo(f"已回退：{dest} → {release}")


@cli.command("diff")
@click.argument("old", required=False, default="HEAD")
@click.argument("new", required=False)
@click.option("--markdown", is_flag=True, help="输出 Markdown 段落，可放进网页。")
@DATA_OPTION
def diff_command(old: str, new: str | None, markdown: bool, data: Path) -> None:
    """用通知的说法列出两个版本的数据之间的变动；人事变动、更正和撤回分开写。

    OLD 和 NEW 各是一个文件或数据文件的 git 版本；OLD 默认为 HEAD，NEW 默认为当前文件，
    所以 `dutydir diff` 列出尚未提交的修改。

    \b
    例：dutydir diff HEAD~1
    """
    try:
        with versions.version(old, data) as old_path, versions.version(new, data) as new_path:
            lines = versions.diff(old_path, new_path)
    except DataError as e:
        fail_data(e, data)
    except versions.VersionError as e:
        fail(f"dutydir：{e}")
    click.echo(diff_text.markdown(lines) if markdown else diff_text.plain(lines))


@cli.command("synth")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--units", type=click.IntRange(min=1), required=True, help="单位个数（第一个是区）。")
@click.option("--seed", type=int, default=1, show_default=True, help="同一个种子写出同样的文件。")
def synth_command(out: Path, units: int, seed: int) -> None:
    """在 OUT 中写出含 UNITS 个单位的虚构数据集（leaders.yaml 和 units/*.yaml），供测试和性能基准使用。

    \b
    例：dutydir synth --units 50 --seed 1 /tmp/city && make site DATA=/tmp/city
    """
    written = synth.synth(out, units, seed)
    try:
        site, _ = load_site(out)
    except DataError as e:
        fail_data(e, out, "写出的文件未通过检查")
    pages = sum(len(unit.sectors) for unit in site.units[: len(written)])
    click.echo(f"已在 {out} 写出 {len(written)} 个单位（共 {pages} 个领域页面）")


@cli.command("render")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
@click.option("--data", type=click.Path(path_type=Path), help="数据文件（默认为 mkdocs.yml 中指定的）。")
@click.option("--date", "day", type=Day(), help="按这一天的任职情况（默认今天）。")
def render_command(out: Path, config: Path, data: Path | None, day: dt.date | None) -> None:
    """把网站的全部页面和图写到 OUT/docs，并写一个不需要钩子的 OUT/mkdocs.yml。

    之后在 OUT 中直接运行 `mkdocs build`，得到与钩子生成的相同的 HTML。

    \b
    例：dutydir render /tmp/xinzhou && cd /tmp/xinzhou && mkdocs build --strict
    """
    try:
        site, written = docs_folder.render_project(config, out, data, day)
    except DataError as e:
        fail_data(e, data or config, "未写出任何文件")
    except (PluginError, docs_folder.FolderError, ChartError, PdfError) as e:
        fail(f"dutydir: {e}")
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    click.echo(
        f"已在 {out}/docs 写出 {len(site.units)} 个单位的 {pages} 个页面；生成网站请运行：mkdocs build -f {written}"
    )


@cli.command("notice")
@click.option(
    "--docx", "docx_path", type=click.Path(dir_okay=False, path_type=Path), help="同时写成 Word 文件（.docx）。"
)
@click.option("--date", "day", type=Day(), help="按这一天的分工（默认今天）。")
@DATA_OPTION
def notice_command(docx_path: Path | None, day: dt.date | None, data: Path) -> None:
    """按数据写出通知第一部分（明确安全生产责任分工），用通知的说法，供起草新通知。

    把文字输出到屏幕；加 --docx 时同时写成 Word 文件，版式按 GB/T 9704
    （标题2号小标宋，正文3号仿宋，每页22行、每行28字）。

    \b
    例：dutydir notice --docx 分工.docx
    """
    from dutydir.documents import notice, notice_docx

    try:
        directory, _ = load_directory(data, effective(day))
    except DataError as e:
        fail_data(e, data, "未写出任何文件")
    click.echo(notice.section_one_text(directory), nl=False)
    if docx_path is not None:
        try:
            docx_path.write_bytes(notice_docx.notice_docx(directory))
        except OSError as e:
            fail(f"dutydir：无法写入 {docx_path}：{write_reason(e)}")
        click.echo(f"已写入 {docx_path}", err=True)


# The clerk's edits of the data file: appoint, vacate, reassign, pair, acting, correct, undo (dutydir/cli_edits.py).
for edit_command in EDIT_COMMANDS:
    cli.add_command(edit_command)

# Sharded builds: plan, build-unit, merge, build-site (dutydir/cli_shards.py).
for shard_command in SHARD_COMMANDS:
    cli.add_command(shard_command)
