"""Publishing a site of several units through its shards: only the changed shards are built, then merged.

The release steps (checks, staging, link check, atomic switch, rollback) stay those of publish.py;
this module only supplies the build. The shard store sits beside DEST as DEST.shards/, so the
next publish finds every unchanged shard there. A site of one unit is built whole as before: for
it, a shard would add a merge and nothing else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError

from dutydir.build import docs_folder, freshness, link_check, merge, pagefind, pdf, publish, sharded, site_wide, svg
from dutydir.build.shard_mkdocs import ShardError
from dutydir.data.units import Site, unit_files

ERRORS = (
    PluginError,
    docs_folder.FolderError,
    svg.ChartError,
    ShardError,
    merge.MergeError,
    pagefind.SearchError,
    pdf.PdfError,
    site_wide.SiteWideError,
)


def store_dir(dest: Path) -> Path:
    """Where the shards of DEST are kept between publishes."""
    return dest.with_name(dest.name + ".shards")


def publish_site(
    data: Path,
    dest: Path,
    config: Path,
    jobs: int = 1,
    now: dt.datetime | None = None,
    view: freshness.View | None = None,
    site: Site | None = None,
) -> Path:
    """Publish as publish.publish does (as of ``view``'s day); a site of several units is built as shards, ``jobs`` at a time.

    ``site`` is the data already loaded as of that day (the publish command loads it once for everything).
    """
    if len(site.units if site else unit_files(data)) < 2:
        return publish.publish(data, dest, config, now, view=view, site=site)
    store = store_dir(dest)
    built: list[sharded.Outcome] = []

    def build_into(data: Path, config: Path, out: Path, day: dt.date | None) -> None:
        try:
            built.append(sharded.build_site(config, out, store, data, day, jobs, loaded=site))
        except ERRORS as e:
            raise publish.PublishError(f"分片构建失败：{e}") from None

    def check_links(out: Path) -> list[str]:
        return link_check.broken_targets(out, built[-1].leaving)

    return publish.publish(
        data, dest, config, now, view=view, build_into=build_into, check_links=check_links, site=site
    )
