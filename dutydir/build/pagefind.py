"""Search for large sites: Pagefind's chunked index instead of Material's single index file.

Material's search makes every reader download the whole index before the first result; past a
few thousand pages that is megabytes. Pagefind splits its index into fragments fetched per
query, and segments Chinese itself (the pagefind_bin_extended build). The main unit's small
site keeps Material's search, tuned for its sector questions.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dutydir.render import urls

ENGINES = ("auto", "material", "pagefind")
# Material's compact index takes about 0.8 KB a page here: 2,000 pages is about 1.6 MB, near
# what a reader on an office network should download before a first result.
PAGEFIND_FROM_PAGES = 2000
PAGE = "search.md"
BUNDLE = "pagefind"
"""The folder Pagefind writes its index and interface into, at the site's root."""
# Milliseconds Pagefind's interface waits after a keystroke before it searches; enough to skip the letters
# of a word typed in one burst, far below the 300 it waits by default.
DEBOUNCE_MS = 30


class SearchError(Exception):
    """The search index could not be built."""


def engine(setting: str, pages: int) -> str:
    """'material' or 'pagefind' for a site of so many pages, from the setting (auto, material, pagefind)."""
    if setting not in ENGINES:
        raise SearchError(f"搜索引擎“{setting}”不是以下之一：{'、'.join(ENGINES)}")
    if setting == "auto":
        return "pagefind" if pages >= PAGEFIND_FROM_PAGES else "material"
    return setting


def search_page() -> str:
    """The search page: Pagefind's own interface, loaded from the bundle it writes next to the site."""
    bundle = urls.url(PAGE, f"{BUNDLE}/index.md").rstrip("/") + "/"
    return "\n".join(
        [
            "---",
            'title: "搜索"',
            "---",
            "",
            '# 搜索 { data-pagefind-ignore="all" }',
            "",
            '<p data-pagefind-ignore="all">输入行业领域、重点领域或领导姓名，例如“燃气”“特种设备”“防汛”。</p>',
            "",
            f'<link href="{bundle}pagefind-ui.css" rel="stylesheet">',
            # Pagefind waits 300 ms after each keystroke by default; the index is small and local.
            f'<div id="dutydir-search" data-pagefind-ignore="all" data-bundle="{bundle}" data-debounce-ms="{DEBOUNCE_MS}">'
            "</div>",
            f'<script src="{bundle}pagefind-ui.js"></script>',
            # Started from a file, not an inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
            f'<script src="{bundle[: -len(BUNDLE) - 1]}javascripts/pagefind-search.js"></script>',
            "",
        ]
    )


def index(site_dir: Path) -> str:
    """Index a built site with Pagefind into site_dir/pagefind; return its summary line."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        # The article only: not the nav, the header or the footer of every page.
        "--root-selector",
        "article",
        # Charts, and what the pages mark as repeated text for search.
        "--exclude-selectors",
        ".dutydir-chart",
        "--exclude-selectors",
        "[data-search-exclude]",
        "--exclude-selectors",
        ".headerlink",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchError("Pagefind 建立搜索索引失败：" + (result.stderr.strip().splitlines() or ["没有出错信息"])[-1])
    lines = [line.strip() for line in result.stdout.splitlines() if "Indexed" in line]
    return "; ".join(lines) or "Pagefind index written"
