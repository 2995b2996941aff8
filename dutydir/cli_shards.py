"""The commands of sharded builds: plan, build-unit, merge, build-site. Registered on the main command line."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from mkdocs.exceptions import PluginError

from dutydir.build import makefile, merge, sharded, site_wide
from dutydir.build.sharded_publish import ERRORS
from dutydir.build.site_plan import FILE, Plan, make_plan
from dutydir.data.errors import DataError
from dutydir.usage import CONFIG_OPTION, Day, fail, fail_data

DATA_OPTION = click.option("--data", type=click.Path(path_type=Path), help="数据文件（默认取 mkdocs.yml 中的设置）。")
DAY_OPTION = click.option("--date", "day", type=Day(), help="按这一天的任职情况构建（默认今天）。")
BUILD_ERRORS = ERRORS
"""What a sharded build can fail with: each is one line for the clerk (the same as publish's)."""


@click.command("plan")
@click.argument("store", type=click.Path(file_okay=False, path_type=Path))
@CONFIG_OPTION
@DATA_OPTION
@DAY_OPTION
def plan_command(store: Path, config: Path, data: Path | None, day: dt.date | None) -> None:
    """检查每个单位，写出分片构建的计划：STORE/plan.json、STORE/fingerprints/ 和 STORE/Makefile。

    某个单位的输入变了，才重写它的指纹文件；所以 `make -j N -f STORE/Makefile` 只重建这些分片，
    再把它们合并到 STORE/site。

    \b
    例：dutydir plan /srv/shards && make -j2 -f /srv/shards/Makefile
    """
    try:
        plan, site = make_plan(config, data, day)
    except DataError as e:
        fail_data(e, str(data or config), "没有生成")
    except PluginError as e:
        fail(str(e))
    store.mkdir(parents=True, exist_ok=True)
    site_wide.ensure(store, plan.site_wide, site, plan.directory_urls)
    plan.write(store / FILE)
    changed = sharded.write_fingerprints(plan, store)
    exe = str(Path(sys.executable).with_name("dutydir"))
    (store / makefile.NAME).write_text(makefile.makefile(plan, store, config, exe), encoding="utf-8")
    click.echo(f"已在 {store} 写好 {len(plan.units)} 个单位的生成计划；其中 {len(changed)} 个单位有改动")


@click.command("build-unit")
@click.argument("unit_id", metavar="ID")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--plan", "plan_file", type=click.Path(dir_okay=False, path_type=Path), help="生成计划（默认 OUT/../plan.json）。"
)
@CONFIG_OPTION
def build_unit_command(unit_id: str, out: Path, plan_file: Path | None, config: Path) -> None:
    """按生成计划，只用单位 ID 的数据文件生成它的页面，放进 OUT（全部生成后才替换）。

    \b
    例：dutydir build-unit unit-0002 /srv/shards/unit-0002
    """
    plan_path = plan_file or out.parent / FILE
    if not plan_path.is_file():
        fail(f"没有找到 {plan_path}：请先运行 dutydir plan")
    plan = Plan.read(plan_path)
    if unit_id not in plan.files:
        fail(f"单位 '{unit_id}' 不在 {plan_path} 中（共有：{'、'.join(plan.files)}）")
    try:
        sharded.build_one(config, plan, out, unit_id, sharded.default_cache(config))
    except DataError as e:
        fail_data(e, str(plan.files[unit_id]), "没有生成")
    except BUILD_ERRORS as e:
        fail(str(e))
    click.echo(f"已生成单位 {unit_id} 的分片：{out}")


@click.command("merge")
@click.argument("store", type=click.Path(file_okay=False, path_type=Path))
@click.argument("site", type=click.Path(file_okay=False, path_type=Path))
def merge_command(store: Path, site: Path) -> None:
    """把 STORE 中的分片合并成网站 SITE（一个新文件夹），只有一个站点地图和一个搜索索引。

    \b
    例：dutydir merge /srv/shards /srv/shards/site.new
    """
    if site.exists():
        fail(f"{site} 已存在；请给一个新的文件夹")
    try:
        merge.merge(Plan.read(store / FILE), store, site)
    except BUILD_ERRORS as e:
        fail(str(e))
    click.echo(f"已把 {store} 的分片合并到 {site}")


@click.command("build-site")
@click.argument("site", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--shards", "store", required=True, type=click.Path(file_okay=False, path_type=Path), help="分片存放的文件夹。"
)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="同时构建的分片数。")
@CONFIG_OPTION
@DATA_OPTION
@DAY_OPTION
def build_site_command(
    site: Path, store: Path, jobs: int, config: Path, data: Path | None, day: dt.date | None
) -> None:
    """按单位分片构建网站到 SITE（一个新文件夹）：只重建输入变了的分片，同时构建 JOBS 个。

    \b
    例：dutydir build-site /tmp/site --shards /srv/shards --jobs 2
    """
    if site.exists():
        fail(f"{site} 已存在；请给一个新的文件夹")
    try:
        outcome = sharded.build_site(config, site, store, data, day, jobs)
    except DataError as e:
        fail_data(e, str(data or config), "没有生成")
    except BUILD_ERRORS as e:
        fail(str(e))
    click.echo(f"重新生成 {len(outcome.built)} 个分片，保留 {len(outcome.kept)} 个未变的分片；网站在 {site}")


COMMANDS = (plan_command, build_unit_command, merge_command, build_site_command)
"""Added to the main command line by cli.py."""
