"""The template environment: Markdown templates, a site's own overrides first, every data value escaped.

A page template prints data with ``{{ value }}``; the environment's ``finalize`` escapes it for
Markdown (render/escape.py) unless it is already markup (a link or a table cell made here).
So no template, packaged or a site's own, can print data unescaped by forgetting a filter.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, StrictUndefined
from markupsafe import Markup

from dutydir.model import dates
from dutydir.render.escape import attr, front_matter, md

DEFAULT = "default/"
"""Prefix under which the packaged templates stay reachable, for a site's override to extend."""


def finalize(value: Any) -> str:
    """Every printed value: markup as it is, numbers and dates as text, anything else escaped for Markdown."""
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, bool):
        raise TypeError("a yes/no value has no text on a page")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return dates.iso(value)
    return md(value)


def escaped(value: Any) -> Markup:
    """A value as markup: escaped for Markdown unless it is markup already."""
    return Markup(finalize(value))


def joined(values: Iterable[Any], sep: str = "、") -> Markup:
    """Values joined by a separator, each escaped unless it is markup."""
    return Markup(sep.join(finalize(v) for v in values))


def cat(*parts: Any) -> Markup:
    """Parts written one after another, each escaped unless it is markup (templates use it, never ``~``)."""
    return joined(parts, "")


def heading(title: str, tags: tuple[str, ...] = (), suffix: str = "") -> Markup:
    """The page's front matter title (with the unit's name as ``suffix`` on a site of several) and its h1."""
    # Pagefind (large sites) ranks a page whose title holds the query above pages that only list it.
    full = f"{title} · {suffix}" if suffix else title
    return Markup(f'{front_matter(full, tags)}# {md(title)} {{ data-pagefind-weight="10" }}')


def since(holding: Any) -> Markup:
    """A term's first day, marked 假定 when the notice does not give it and the data holds a placeholder."""
    return Markup(dates.iso(holding.start) + ("（假定）" if holding.assumed else ""))


def table(head: list[Any], rows: list[list[Any]]) -> Markup:
    """A Markdown table; each cell escaped unless it is markup, an empty cell shown as —."""
    lines = ["| " + " | ".join(finalize(h) for h in head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(finalize(cell) if cell else "—" for cell in row) + " |" for row in rows]
    return Markup("\n".join(lines))


@functools.lru_cache(maxsize=8)
def environment(overrides: Path | None = None) -> Environment:
    """The environment for a site; ``overrides`` is its folder of templates that replace the packaged ones."""
    packaged = PackageLoader("dutydir.render", "templates")
    loaders: list[Any] = [FileSystemLoader(str(overrides))] if overrides else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PrefixLoader({DEFAULT.rstrip("/"): packaged}), packaged]),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates do not change during a build; without this, each page would stat its template files.
        auto_reload=False,
    )
    env.filters.update(
        attr=lambda v: Markup(attr(v)), day=lambda v: Markup(dates.iso(v)), cn_day=lambda v: Markup(dates.cn(v))
    )
    env.filters.update(since=since)
    env.filters.update(joined=joined, md=escaped)
    env.globals.update(heading=heading, table=table, cat=cat, NONE=Markup("—"))
    # Set on a heading, leaves its section out of the search index (Material reads data-search-exclude).
    env.globals.update(
        UNINDEXED=Markup(' { data-search-exclude="true" }'),
        ADDED_FOR_SEARCH="（为便于检索添加，非通知原文）",
        FROM_VOCABULARY="（dutydir 自带的工作安全词表，为便于检索添加，非通知原文）",
    )
    return env


def render(name: str, overrides: Path | None = None, **context: Any) -> str:
    """A page from its template: ``name`` under the site's overrides if there, else the packaged one."""
    return environment(overrides).get_template(name).render(**context)
