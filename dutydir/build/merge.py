"""The merge step: the shards of a site assembled into one site folder, with one sitemap and one search index.

Files are hard links into the shards where the file system allows (a release then costs only its
new index and sitemap on disk) and copies elsewhere (shards on another disk or a mounted store).
The theme's assets come from the main unit's shard only: they are stored once, not once per unit.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

from dutydir.build import docs_folder, link_check, pagefind, reproducible, search_index, site_wide
from dutydir.build.shard import META, SITE, SITEMAP_URL
from dutydir.build.site_plan import Plan

SEARCH_INDEX = "search/search_index.json"


class MergeError(Exception):
    """A shard is missing or was built for another plan; nothing usable was written."""


def merge(plan: Plan, shards: Path, out: Path) -> list[link_check.Link]:
    """Assemble the shards in ``shards/ID/`` into ``out`` (new or empty); write its sitemap and search index.

    Returns the links leaving the shards (each shard checked its own when it was built), for the
    publish to check in the merged site.
    """
    metas = [shard_meta(plan, shards, row.id) for row in plan.units]
    wide = site_wide.read(shards, plan.site_wide)
    docs_folder.refuse_files(out)  # new or empty: publish hands over an empty staging folder
    out.mkdir(parents=True, exist_ok=True)
    main = plan.units[0].id
    link_tree(shards / main / SITE, out)
    for row in plan.units[1:]:
        link_tree(shards / row.id / SITE / row.id, out / row.id)
    for path, data in wide.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        rewrite(out / path, data)
    sitemap = SITEMAP_URL.sub("", (shards / main / SITE / "sitemap.xml").read_text(encoding="utf-8"))
    entries = "".join(f"\n    {url}" for meta in metas for url in meta["sitemap"])
    sitemap = sitemap.replace("</urlset>", f"{entries.lstrip(chr(10)) and entries}\n</urlset>").replace("\n\n", "\n")
    rewrite(out / "sitemap.xml", sitemap.encode("utf-8"))
    rewrite(out / "sitemap.xml.gz", sitemap_gz(sitemap, plan))
    if plan.engine == "pagefind":
        pagefind.index(out)
    elif (out / SEARCH_INDEX).is_file():
        index = json.loads((out / SEARCH_INDEX).read_text(encoding="utf-8"))
        index["docs"] = [doc for meta in metas for doc in meta["search"]]
        rewrite(out / SEARCH_INDEX, search_index.compact_index(json.dumps(index)).encode("utf-8"))
    return [link_check.Link(*link) for meta in metas for link in meta["links"]]


def sitemap_gz(sitemap: str, plan: Plan) -> bytes:
    """The sitemap gzipped as MkDocs does it (its name in the header), dated the plan's day as a whole build is."""
    buffer = io.BytesIO()
    when = int(reproducible.pin_build_date(plan.as_of))
    with gzip.GzipFile(fileobj=buffer, filename="sitemap.xml.gz", mode="wb", mtime=when) as gz:
        gz.write(sitemap.encode("utf-8"))
    return buffer.getvalue()


def shard_meta(plan: Plan, shards: Path, unit_id: str) -> dict[str, Any]:
    """A shard's shard.json, checked against the plan's fingerprint for its unit."""
    path = shards / unit_id / META
    if not path.is_file():
        raise MergeError(f"单位 {unit_id} 的分片缺失：没有 {path}")
    meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if meta.get("fingerprint") != plan.fingerprints[unit_id]:
        raise MergeError(f"单位 {unit_id} 的分片不是按当前计划生成的（指纹不同）；请重新生成这个分片")
    if "links" not in meta:
        raise MergeError(f"单位 {unit_id} 的分片没有记录检查过的链接（{path}）；请重新生成这个分片")
    return meta


def link_tree(src: Path, dest: Path) -> None:
    """Copy a folder as hard links (copies where links cannot be made)."""
    shutil.copytree(src, dest, copy_function=link_or_copy, dirs_exist_ok=True)


def link_or_copy(src: str, dest: str) -> None:
    """Hard-link one file, or copy it when the two paths are on different file systems."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)


def rewrite(path: Path, data: bytes) -> None:
    """Write a file anew, never through a hard link shared with a shard."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)
