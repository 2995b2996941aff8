"""The ``extra.dutydir`` block of mkdocs.yml, declared: every key, its kind, its default; a misspelt key fails the build."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from dutydir.build.pagefind import ENGINES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class Settings(base.Config):
    """dutydir's settings, as written under ``extra.dutydir`` in mkdocs.yml."""

    data = c.Type(str, default="data/leaders.yaml")
    """The main unit's data file (or its folder), relative to mkdocs.yml; units/ beside it adds units."""
    as_of = c.Type(str, default="")
    """Build the directory as of this day (YYYY-MM-DD); empty means today."""
    cache_dir = c.Type(str, default=".cache/dutydir")
    """Rendered charts, keyed by a hash of their DOT, relative to mkdocs.yml."""
    search = c.Choice(ENGINES, default="auto")
    """The search engine: material, pagefind, or auto (pagefind from 2,000 pages)."""


def read(config: MkDocsConfig) -> Settings:
    """The checked settings of a MkDocs config; any error or unknown key raises one PluginError naming them all."""
    block = config.extra.get("dutydir") or {}
    if not isinstance(block, dict):
        raise PluginError(f"extra.dutydir in {config.config_file_path} must be a mapping (got {block!r})")
    settings = Settings(config_file_path=config.config_file_path)
    settings.load_dict(block)
    errors, _ = settings.validate()
    known = [key for key, _ in Settings._schema]
    problems = [f"extra.dutydir.{key}: {e}" for key, e in errors]
    for key in block:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else f" (known keys: {', '.join(known)})"
            problems.append(f"extra.dutydir.{key}: unknown setting{hint}")
    if problems:
        raise PluginError(f"Error in {config.config_file_path}:\n" + "\n".join(problems))
    return settings
