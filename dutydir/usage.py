"""The command line's words: mistakes said in Chinese (click's own are English and name no remedy), dates as
clerks write them, and the one way a command reports what failed."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from dutydir.data.dates import BadDay, parse_day
from dutydir.data.errors import DataError

# click.Path's complaints, in English, and what they say.
PATH_COMPLAINTS = {
    "is a file": "是文件，这里应是文件夹",
    "is a directory": "是文件夹，这里应是文件",
    "does not exist": "不存在",
    "is not readable": "没有读取权限",
    "is not writable": "没有写入权限",
    "is not executable": "不可执行",
}
PATH_COMPLAINT = re.compile(r"^(?:File|Directory|Path) (['\"])(?P<path>.*)\1 (?P<what>[a-z ]+)\.$", re.DOTALL)
# click's complaints about numbers, and what they say.
NUMBER_COMPLAINTS = (
    (re.compile(r"^'(?P<v>.*)' is not a valid integer(?: range)?\.$", re.DOTALL), "“{v}”不是整数"),
    (re.compile(r"^'(?P<v>.*)' is not a valid float(?: range)?\.$", re.DOTALL), "“{v}”不是数"),
    (re.compile(r"^(?P<v>\S+) is not in the range x>=(?P<lo>\S+)\.$"), "{v} 太小，至少为 {lo}"),
    (re.compile(r"^(?P<v>\S+) is not in the range x<=(?P<hi>\S+)\.$"), "{v} 太大，至多为 {hi}"),
    (re.compile(r"^(?P<v>\S+) is not in the range (?P<lo>\S+)<=x<=(?P<hi>\S+)\.$"), "{v} 不在 {lo} 到 {hi} 之间"),
)


def plain_words(message: str) -> str:
    """click's complaint about a value, in Chinese where it is one of the usual ones; as it is otherwise."""
    match = PATH_COMPLAINT.match(message)
    if match and match["what"] in PATH_COMPLAINTS:
        return f"{match['path']} {PATH_COMPLAINTS[match['what']]}"
    for pattern, said in NUMBER_COMPLAINTS:
        match = pattern.match(message)
        if match:
            return said.format(**match.groupdict())
    return message


def chinese(e: click.ClickException) -> str:
    """The message of a command-line mistake, in Chinese."""
    if isinstance(e, click.MissingParameter):
        what = "参数" if isinstance(e.param, click.Argument) else "选项"
        hint = e.param.get_error_hint(e.ctx) if e.param is not None else ""
        return f"缺少{what} {hint}"
    if isinstance(e, click.BadParameter):
        hint = e.param.get_error_hint(e.ctx) if e.param is not None else "参数"
        return f"{hint} 的值无效：{plain_words(e.message)}"
    if isinstance(e, click.NoSuchOption):
        close = f"，是否指 {'、'.join(sorted(e.possibilities))}？" if e.possibilities else ""
        return f"没有选项 {e.option_name}{close}"
    if isinstance(e, click.exceptions.NoSuchCommand):
        close = f"，是否指 {'、'.join(sorted(e.possibilities))}？" if e.possibilities else ""
        return f"没有命令“{e.command_name}”{close}"
    if isinstance(e, click.UsageError):
        return f"命令写法有误：{e.format_message()}"
    return e.format_message()


# click's words in --help, and the clerk's.
HELP_WORDS = (
    ("Show this message and exit.", "显示本说明并退出。"),
    ("[default: ", "[默认："),
    ("; ", "；"),
    ("x>=", "≥"),
    ("x<=", "≤"),
    ("required]", "必填]"),
)
HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
# The kinds of value click names after an option.
METAVARS = {
    "FILE": "文件",
    "INTEGER RANGE": "整数",
    "INTEGER": "整数",
    "DIRECTORY": "文件夹",
    "PATH": "路径",
    "TEXT": "文字",
}
METAVAR = re.compile(r" (FILE|INTEGER RANGE|INTEGER|DIRECTORY|PATH|TEXT)$")


class ChineseHelp(click.HelpFormatter):
    """click's --help in Chinese: 用法, 选项, 命令, the defaults and the help option itself."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """'用法：dutydir publish [选项] DEST'."""
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
        super().write_usage(prog, args, prefix="用法：")

    def write_heading(self, heading: str) -> None:
        """A section's heading, in Chinese."""
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """The options and their help as click lays them out, but aligned by the width a Chinese character takes."""
        named = [(METAVAR.sub(lambda m: " " + METAVARS[m[1]], term), chinese_help(text)) for term, text in rows]
        terms = [(term, display_width(term), text) for term, text in named]
        first = min(max((width for _, width, _ in terms), default=0), col_max) + col_spacing
        for term, width, text in terms:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if width <= first - col_spacing:
                self.write(" " * (first - width))
            else:
                self.write("\n" + " " * (first + self.current_indent))
            lines = click.wrap_text(text, max(self.width - first - 2, 10), preserve_paragraphs=True).splitlines()
            self.write(f"{lines[0] if lines else ''}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first + self.current_indent}}{line}\n")


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: two for a Chinese character, one for others."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def chinese_help(text: str) -> str:
    """An option's help with click's additions ([default: …], the help option's text) in Chinese."""
    for english, said in HELP_WORDS:
        text = text.replace(english, said)
    return text


class ChineseContext(click.Context):
    """A command's context whose --help is in Chinese."""

    formatter_class = ChineseHelp


class Commands(click.Group):
    """A command group whose command-line mistakes are one Chinese line and exit code 2, with where to look.

    Its --help, and each of its commands', is in Chinese too.
    """

    context_class = ChineseContext

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Add a command whose --help is in Chinese."""
        cmd.context_class = ChineseContext
        super().add_command(cmd, name)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run as click does, but say a usage mistake in Chinese."""
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as e:
            where = e.ctx.command_path if e.ctx is not None else "dutydir"
            click.echo(f"dutydir：{chinese(e)}（用法见 {where} --help）", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"dutydir：{chinese(e)}", err=True)
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo("dutydir：已中止", err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


class Day(click.ParamType):
    """A date as clerks write it: 2026-12-01, 2026-12-1, 2026/12/1 or 2026年12月1日."""

    name = "日期"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        """The day named, or a usage error in Chinese."""
        if isinstance(value, dt.date):
            return value
        try:
            return parse_day(str(value))
        except BadDay as e:
            self.fail(str(e), param, ctx)


class ConfigFile(click.ParamType):
    """mkdocs.yml, or another MkDocs configuration file, that must exist: its absence said in Chinese."""

    name = "文件"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        """The file's path, or a usage error naming what to do."""
        path = Path(str(value))
        if not path.is_file():
            what = "不是文件" if path.exists() else "不存在"
            self.fail(f"MkDocs 配置文件 {path} {what}，请在有 mkdocs.yml 的目录中运行，或用 --config 指定", param, ctx)
        return path


CONFIG_OPTION = click.option(
    "--config", default="mkdocs.yml", show_default=True, type=ConfigFile(), help="MkDocs 配置文件。"
)
"""The --config option of every command that builds: an existing MkDocs configuration file."""


def fail_data(e: DataError, file: str | Path, outcome: str = "") -> NoReturn:
    """Print every problem of the data, then one line with their count and what became of the command; exit 1."""
    for problem in e.problems:
        click.echo(str(problem), err=True)
    click.echo(f"{file}：{len(e.problems)}处错误{'；' + outcome if outcome else ''}", err=True)
    sys.exit(1)


def fail(message: str) -> NoReturn:
    """Print one line on stderr and exit 1."""
    click.echo(message, err=True)
    sys.exit(1)
