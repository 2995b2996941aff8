"""The offline copy: the site built to be opened from files (a USB stick, an archive), packed in a zip.

Opened from file://, a browser shows a folder for a link to a folder and refuses to start a Web Worker or
fetch the search index. So the offline build links pages as ``name.html`` (use_directory_urls off), loads
the search index as a script (search/search_index.js, which Material's bundle looks for under file://) and
runs Material's search worker in an iframe through iframe-worker's shim (MIT, vendored in
docs/javascripts/vendor, as Material's own offline plugin does, which would fetch it from a CDN instead).
Pagefind fetches its index in pieces and cannot run from files: the offline copy always uses Material's search.
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

SHIM = "javascripts/vendor/iframe-worker-shim.js"
INDEX = Path("search") / "search_index.json"
# Zip entries carry this time unless SOURCE_DATE_EPOCH says otherwise: 1980-01-01, zip's earliest date.
ZIP_EPOCH = 315532800


def configure(config: MkDocsConfig) -> None:
    """Make a build openable from files: index.html links and the worker shim before Material's bundle."""
    config.use_directory_urls = False
    polyfills = list(config.extra.get("polyfills") or [])
    if SHIM not in polyfills:
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills


def write_search_script(site_dir: Path) -> None:
    """Write search/search_index.js beside the index: the same JSON, assigned to the global Material reads."""
    index = site_dir / INDEX
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        index.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")


def write_zip(site_dir: Path, out: Path) -> int:
    """Pack a built site into ``out`` under one folder named after the zip; return the number of files.

    Entries are sorted and dated SOURCE_DATE_EPOCH (or 1980-01-01), so the same site gives the same zip.
    """
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or ZIP_EPOCH), ZIP_EPOCH)
    stamp = time.gmtime(epoch)[:6]
    # Sorted by the names as written in the zip, so a listing of the zip is in order.
    files = sorted((p for p in site_dir.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site_dir).as_posix())
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{out.stem}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.replace(tmp, out)
    return len(files)


def main(argv: list[str]) -> int:
    """python -m dutydir.build.offline SITE_DIR OUT.zip: pack an offline build."""
    if len(argv) != 2:
        print("usage: python -m dutydir.build.offline SITE_DIR OUT.zip", file=sys.stderr)
        return 2
    site_dir, out = Path(argv[0]), Path(argv[1])
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: 没有生成好的网站（缺少 index.html）", file=sys.stderr)
        return 1
    count = write_zip(site_dir, out)
    print(f"离线版已写入 {out}（{count} 个文件）；解压后双击其中的 index.html 即可浏览")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
