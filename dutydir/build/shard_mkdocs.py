"""MkDocs run in the process for one shard: strict, its warnings kept, and no work on what the shard does not keep.

A worker builds many shards one after another; the theme's compiled templates are kept (compiled.py). Another
unit's shard keeps only its own folder, so the theme's assets and 404 page are not written for it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from dutydir.build import compiled, pdf


class ShardError(Exception):
    """MkDocs could not build a shard, or warned while building it (every build is strict)."""


class Warnings(logging.Handler):
    """Keeps the warnings MkDocs logs during one shard's build, to say them in the error."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []
        """Each warning's message."""

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the record's message."""
        self.lines.append(record.getMessage())


class ShardPlugin(BasePlugin):  # type: ignore[type-arg]
    """The shard's own steps in MkDocs' build: shared compiled templates, and only the unit's files."""

    def __init__(self, prefix: str, printing: pdf.Printing, cache: Path) -> None:
        super().__init__()
        self.cache = cache
        """The charts cache, which keeps the compiled templates too."""
        self.prefix = prefix
        """The unit's folder ('' for the main unit, which keeps everything)."""
        self.printing = printing
        """The unit's lists being printed to PDF."""

    def on_env(self, env: jinja2.Environment, **kwargs: Any) -> jinja2.Environment:
        """Use the compiled templates."""
        return compiled.use(env, self.cache)

    def on_files(self, files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
        """The PDFs; another unit's shard: its pages and the stand-ins only, not the theme's assets or docs/ files."""
        kept = Files(
            list(files)
            if not self.prefix
            else [f for f in files if f.is_documentation_page() or f.src_uri.startswith(self.prefix)]
        )
        for file in self.printing.files(config):
            kept.append(file)
        return kept


@contextlib.contextmanager
def no_theme_files() -> Iterator[None]:
    """MkDocs lists the theme's 14,000 files at every build (a second here); another unit's shard keeps none."""
    listed = Files.add_files_from_theme
    Files.add_files_from_theme = lambda self, env, config: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        Files.add_files_from_theme = listed  # type: ignore[method-assign]


def run(config_file: Path, site: Path, prefix: str, unit_id: str, printing: pdf.Printing, cache: Path) -> None:
    """Build a plain MkDocs config strictly in this process, the PDFs of ``printing`` with it; raise ShardError with MkDocs' warnings."""
    handler = Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), site_dir=str(site), strict=True)
        config.plugins["dutydir-shard"] = ShardPlugin(prefix, printing, cache)
        if prefix:
            # The 404 page is the main unit's; the sitemap counts only when it lists pages (site_url set).
            config.theme.static_templates.discard("404.html")
            if not config.site_url:
                config.theme.static_templates.discard("sitemap.xml")
        with no_theme_files() if prefix else contextlib.nullcontext():
            mkdocs_build.build(config)
    except (Abort, MkDocsException) as e:
        raise ShardError(
            f"单位 {unit_id} 的分片生成失败：{e}" + "".join(f"\n  {line}" for line in handler.lines)
        ) from None
    finally:
        logger.removeHandler(handler)
