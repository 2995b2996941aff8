"""Which search a build gets, what that changes in its config and pages, and the index written after it."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from dutydir.build import material_search, pagefind, search_index
from dutydir.data.units import Site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.plugins.dutydir")
NAV_ENTRY = {"搜索": pagefind.PAGE}
"""The nav entry of Pagefind's search page."""


def choose(setting: str, site: Site) -> str:
    """'material' or 'pagefind' for a site, from the setting (auto, material, pagefind)."""
    pages = sum(len(u.posts) + len(u.sectors) for u in site.units)
    try:
        return pagefind.engine(setting, pages)
    except pagefind.SearchError as e:
        raise PluginError(str(e)) from None


def configure(config: MkDocsConfig, engine: str) -> None:
    """With Pagefind: Material's search plugin off (and with it its search box) and a search page in the nav."""
    if engine != "pagefind":
        return
    if "material/search" in config.plugins:
        config.plugins["material/search"].config.enabled = False
    config.nav = [*(config.nav or []), NAV_ENTRY]


def extra_pages(engine: str) -> dict[str, str]:
    """The pages a search engine adds to the generated ones."""
    return {pagefind.PAGE: pagefind.search_page()} if engine == "pagefind" else {}


def merged_folders(engine: str) -> list[str]:
    """The folders of the site an engine writes once the shards are merged (Pagefind's bundle), as 'name/'."""
    return [f"{pagefind.BUNDLE}/"] if engine == "pagefind" else []


def write_index(engine: str, site_dir: Path) -> None:
    """After the build: index the site with Pagefind, or fix Material's search worker and rewrite its index as UTF-8."""
    if engine == "pagefind":
        try:
            log.info(pagefind.index(site_dir))
        except pagefind.SearchError as e:
            raise PluginError(str(e)) from None
        return
    try:
        log.info(material_search.patch_worker(site_dir))
    except material_search.PatchError as e:
        # A warning: a strict build stops here, so an upgraded Material cannot drop the fix unnoticed.
        log.warning(f"dutydir: {e}")
    # Material writes the search index with \u escapes, six bytes a Chinese character; write it as UTF-8.
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        before = path.read_bytes()
        after = search_index.compact_index(before.decode("utf-8")).encode("utf-8")
        path.write_bytes(after)
        log.info(f"搜索索引：Material 写出 {len(before)} 字节，改为 UTF-8 后 {len(after)} 字节")
