"""MkDocs hooks: load the unit's data file and lay the directory's pages over docs/, in memory."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from dutydir import DataError
from dutydir.build import material_search, pagefind, search_index, svg
from dutydir.data.units import load_site
from dutydir.render.site import site_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.plugins.dutydir")
state: dict[str, Any] = {}


def setting(config: MkDocsConfig, key: str) -> str:
    """A value of the ``extra.dutydir`` block of mkdocs.yml ('' when unset)."""
    return str((config.extra.get("dutydir") or {}).get(key) or "")


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Load and check the site's units; a data error stops the build with the checker's message."""
    base = Path(config.config_file_path).parent
    data = base / (setting(config, "data") or "data/leaders.yaml")
    try:
        as_of = dt.date.fromisoformat(setting(config, "as_of")) if setting(config, "as_of") else None
    except ValueError:
        raise PluginError(f"dutydir: as_of '{setting(config, 'as_of')}' is not a date (YYYY-MM-DD)") from None
    try:
        site, warnings = load_site(data, as_of)
    except DataError as e:
        raise PluginError(str(e)) from None
    for warning in warnings:
        log.info(str(warning))
    state.update(site=site, data=data, cache=base / (setting(config, "cache_dir") or ".cache/dutydir"))
    config.site_name = f"{site.units[0].unit.short_name}安全生产责任目录"
    pages_count = sum(len(u.posts) + len(u.sectors) for u in site.units)
    try:
        state["engine"] = pagefind.engine(setting(config, "search") or "auto", pages_count)
    except pagefind.SearchError as e:
        raise PluginError(str(e)) from None
    if state["engine"] == "pagefind":
        # Material keeps its search box only while its plugin is enabled; Pagefind gets a page instead.
        if "material/search" in config.plugins:
            config.plugins["material/search"].config.enabled = False
        config.nav = [*(config.nav or []), {"搜索": pagefind.PAGE}]
    return config


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add every generated page, in memory, beside the hand-written ones in docs/."""
    chart = functools.partial(svg.render, cache_dir=state["cache"])
    try:
        generated = site_pages(state["site"], chart, config.use_directory_urls)
    except svg.ChartError as e:
        raise PluginError(str(e)) from None
    if state["engine"] == "pagefind":
        generated[pagefind.PAGE] = pagefind.search_page()
    for src_uri, text in generated.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} is a generated page; remove the hand-written file")
        files.append(File.generated(config, src_uri, content=text))
    return files


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    """Index a large site with Pagefind; otherwise rewrite Material's index as UTF-8."""
    if state["engine"] == "pagefind":
        try:
            log.info(pagefind.index(Path(config.site_dir)))
        except pagefind.SearchError as e:
            raise PluginError(str(e)) from None
        return
    try:
        log.info(material_search.patch_worker(Path(config.site_dir)))
    except material_search.PatchError as e:
        log.warning(f"dutydir: {e}")
    # Material writes the search index with \u escapes, six bytes a Chinese character; write it as UTF-8.
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        before = path.read_bytes()
        after = search_index.compact_index(before.decode("utf-8")).encode("utf-8")
        path.write_bytes(after)
        log.info(f"search index: {len(before)} bytes as written by Material, {len(after)} as UTF-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **kwargs: Any) -> LiveReloadServer:
    """Rebuild when the data changes during `mkdocs serve`."""
    # The data may live outside data/ (make serve DATA=...); watch wherever it is.
    server.watch(str(state["data"] if state["data"].is_dir() else state["data"].parent))
    return server
