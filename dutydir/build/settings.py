"""The ``extra.dutydir`` block of mkdocs.yml, declared: every key, its kind, its default; a misspelt key fails the build."""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from dutydir.build.pagefind import ENGINES
from dutydir.data.errors import DataError
from dutydir.data.units import Site, load_site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


log = logging.getLogger("mkdocs.plugins.dutydir")


class Day(c.BaseConfigOption[dt.date | None]):
    """A day written YYYY-MM-DD (YAML may already have read it as a date); empty is None."""

    def run_validation(self, value: object) -> dt.date | None:
        """The day, or None; a ValidationError for anything else."""
        if value is None or value == "":
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise c.ValidationError(f"“{value}”不是日期（应如 2026-12-01）") from None


class Switch(c.BaseConfigOption[bool]):
    """On or off: true/false from YAML, or on/off, 1/0, yes/no from an environment variable."""

    WORDS = {"true": True, "on": True, "1": True, "yes": True, "false": False, "off": False, "0": False, "no": False}

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        """The switch's value; a ValidationError for anything else."""
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in self.WORDS:
            return self.WORDS[str(value).strip().lower()]
        raise c.ValidationError(f"“{value}”不是开或关（true/false、on/off、1/0）")


class OneOf(c.Choice):
    """One of a few words; MkDocs' own message is in English."""

    def run_validation(self, value: object) -> str:
        """The word; a ValidationError naming the choices otherwise."""
        if value not in self.choices:
            raise c.ValidationError(f"“{value}”不是以下之一：{'、'.join(self.choices)}")
        return str(value)


class Words(c.Type[str]):
    """A text setting; MkDocs' own message is in English."""

    def __init__(self, default: str | None = None) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        """The text; a ValidationError for a number, list or mapping."""
        if not isinstance(value, str):
            raise c.ValidationError(f"应为文字，实为 {value!r}")
        return value


class Settings(base.Config):
    """dutydir's settings, as written under ``extra.dutydir`` in mkdocs.yml."""

    # Not "data": a MkDocs Config is a UserDict, whose own contents live in its attribute ``data``.
    data_file = Words(default="data/leaders.yaml")
    """The main unit's data file (or its folder), relative to mkdocs.yml; units/ beside it adds units."""
    as_of = Day()
    """Build the directory as of this day (YYYY-MM-DD); empty means today."""
    cache_dir = Words(default=".cache/dutydir")
    """Rendered charts, keyed by a hash of their DOT, relative to mkdocs.yml."""
    pdf_cache_dir = Words(default="")
    """Printed lists (PDF), keyed by a hash of their HTML; empty means beside cache_dir, with "-pdf" added."""
    pdf = Switch(default=True)
    """Print each leader's list to PDF (headless Chromium); off for quick drafts, which then link no PDF."""
    search = OneOf(ENGINES, default="auto")
    """The search engine: material, pagefind, or auto (pagefind from 2,000 pages)."""
    templates = c.Optional(Words())
    """A folder of the site's own page templates, relative to mkdocs.yml; each replaces the packaged one of its name."""
    offline = Switch(default=False)
    """Build a copy to open from files (make offline): name.html links, search without a server."""


def read(config: MkDocsConfig) -> Settings:
    """The checked settings of a MkDocs config; any error or unknown key raises one PluginError naming them all."""
    return checked(config.extra.get("dutydir"), config.config_file_path)


def checked(block: object, config_file: str | None) -> Settings:
    """The ``extra.dutydir`` block of a config file, checked: every problem in one PluginError."""
    block = block or {}
    if not isinstance(block, dict):
        raise PluginError(f"{config_file} 中的 extra.dutydir 应为一组“字段: 值”（实为 {block!r}）")
    settings = Settings(config_file_path=config_file)
    settings.load_dict(block)
    errors, _ = settings.validate()
    known = [key for key, _ in Settings._schema]
    problems = [f"extra.dutydir.{key}: {e}" for key, e in errors]
    for key in block:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"（是否指“{close[0]}”？）" if close else f"（可用的设置：{'、'.join(known)}）"
            problems.append(f"extra.dutydir.{key}: 没有这项设置{hint}")
    if problems:
        raise PluginError(f"{config_file} 有错误：\n" + "\n".join(problems))
    return settings


def load(config: MkDocsConfig) -> tuple[Settings, Site]:
    """The settings and the site's units, loaded and checked; warnings are logged, errors raise PluginError."""
    s = read(config)
    try:
        site, warnings = load_site(Path(config.config_file_path).parent / s.data_file, s.as_of)
    except DataError as e:
        raise PluginError(str(e)) from None
    for warning in warnings:
        log.info(str(warning))
    return s, site


def site_name(configured: str, site: Site) -> str:
    """The site's name: the main unit's ``site_name`` when its data gives one, else mkdocs.yml's.

    The theme prints it into every page as HTML; the hook refuses one with markup characters
    (the checker refuses them in the data, with their place).
    """
    return site.units[0].unit.site_name or configured
