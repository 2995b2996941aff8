"""Property tests: whatever a data file holds, `check` accepts it and the pages build, or refuses it in one place.

Hypothesis writes data files two ways: the small valid unit with some of its values replaced
by generated ones (mostly still valid), and its text mutated line by line (mostly broken YAML).
For every file, `dutydir check` must exit 0, or exit 1 printing only `file:line:col:` lines and
a count; never a traceback, an internal error or a hang (each check is stopped after 10 s).
A file it accepts must then render: every page, every chart through Graphviz.

Budget: derandomized (the same examples on every run, so CI is repeatable), 250 edited and 250
mutated files for the check, 40 accepted ones rendered; about 60 s on a two-core machine.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutydir.build import svg
from dutydir.cli import cli
from dutydir.data.units import load_site
from dutydir.render.site import site_pages
from tests.test_check import MINIMAL

pytestmark = pytest.mark.slow
BASE = yaml.safe_load(MINIMAL)
PROBLEM_RE = re.compile(r"^leaders\.yaml:\d+:\d+: ")
COUNT_RE = re.compile(r"^leaders\.yaml：\d+处错误$")
FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Values that broke the build or the check once, beside whatever Hypothesis makes up.
HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "index",
    "leaders",
    "a\x00b",
    "\u200b",
    "张\u202e三",
    "9999-12-31",
    "0001-01-01",
    "0x10",
    "1:30",
    "*a",
    "&a [*a]",
    "../../etc/passwd",
    "/dev/zero",
    "壮" * 45,
    "x" * 1200,
    "{{ config }}",
    "`code`",
    "[链接](javascript:alert(1))",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=50),
    st.text("测试镇区长abc-_ .:#&*!|>'\"[]{}\n\t", max_size=20),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.none(),
    st.booleans(),
    st.lists(st.sampled_from(["fu-a", "fu-b", "zhenzhang", "教育", "x"]), max_size=3),
)
TOKENS = [
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "!!python/object:os.system ",
    "\t",
    "0x10",
    "9999-12-31",
    '"\\0"',
    "<script>",
    "? ",
    "|",
    ">",
    "'",
    '"',
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "\x07",
    "\ufeff",
    "~",
]


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every scalar in a loaded YAML value, and of every list and mapping too."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from leaves(child, (*path, index))


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    """The value at a path of keys and indexes."""
    for step in path:
        data = data[step]
    return data


PATHS = [p for p in leaves(BASE) if p]
# Strings that are free text or names, not ids, choices or references: new values there mostly stay valid.
FIXED_KEYS = {"id", "role", "every", "who", "basis", "applies_to", "assists", "ab_pairs", "date", "from", "to", "times"}
TEXT_PATHS = [
    p
    for p in PATHS
    if isinstance(value_at(BASE, p), str) and not FIXED_KEYS & set(p) and p[:2] != ("key_areas", "groups")
]
TEXTS = st.one_of(
    st.sampled_from([h for h in HOSTILE if 0 < len(h) <= 40]),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool),
)


@st.composite
def renamed_files(draw: st.DrawFn) -> str:
    """The small valid unit with one to three names or texts replaced by generated ones."""
    data = copy.deepcopy(BASE)
    for path in draw(st.lists(st.sampled_from(TEXT_PATHS), min_size=1, max_size=3, unique=True)):
        value_at(data, path[:-1])[path[-1]] = draw(TEXTS)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def edited_files(draw: st.DrawFn) -> str:
    """The small valid unit with one to four values (scalars, lists or mappings) replaced by generated ones."""
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PATHS))
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier replacement removed this path
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    """The small valid unit's text with one to six lines deleted, doubled, cut or given a stray token."""
    lines = MINIMAL.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "double", "insert", "cut", "indent"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "double":
            lines.insert(i, lines[i])
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.sampled_from(TOKENS)) + lines[i][at:]
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + "\n"
        else:
            lines[i] = " " * draw(st.integers(0, 3)) + lines[i]
    return "".join(lines)


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail (rather than hang) when the block takes longer than ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(text: str, folder: Path) -> int:
    """Run `dutydir check` on the text; assert its output has the promised shape; return the exit code."""
    (folder / "leaders.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    with pytest.MonkeyPatch.context() as mp, time_limit(10):
        mp.chdir(folder)
        result = CliRunner().invoke(cli, ["check", "leaders.yaml", "--date", "2025-01-01"])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"check raised {result.exception!r} on:\n{text}") from result.exception
    lines = result.stderr.splitlines()
    if result.exit_code == 0:
        assert result.stdout.startswith("leaders.yaml：检查通过"), result.output
        assert all(PROBLEM_RE.match(line) and ": 警告：" in line for line in lines), lines
    else:
        assert result.exit_code == 1, result.output
        assert lines and COUNT_RE.match(lines[-1]), lines
        assert all(PROBLEM_RE.match(line) for line in lines[:-1]), lines
        assert len(lines) == 1 + int(lines[-1].split("：")[1].removesuffix("处错误")), lines
    return result.exit_code


def render(folder: Path) -> None:
    """Every page and chart of an accepted file, as a build makes them."""
    site, _ = load_site(folder / "leaders.yaml", dt.date(2025, 1, 1))
    with time_limit(30):
        pages = site_pages(site, lambda dot: svg.render(dot, folder / "cache"), True)
    assert "index.md" in pages


@settings(FUZZ, max_examples=250)
@given(edited_files())
def test_check_accepts_or_places_every_problem(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check(text, Path(tmp))


@settings(FUZZ, max_examples=250)
@given(mutated_files())
def test_check_survives_mutated_yaml(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check(text, Path(tmp))


def test_accepted_files_build() -> None:
    rendered: list[str] = []

    @settings(FUZZ, max_examples=40)
    @given(renamed_files())
    def accepted_files_build(text: str) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            if check(text, Path(tmp)) == 0:
                render(Path(tmp))
                rendered.append(text)

    accepted_files_build()
    # Not vacuous: most of the renamed files pass the check and are rendered.
    assert len(rendered) >= 20
