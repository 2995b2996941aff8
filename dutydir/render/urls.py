"""Where each generated page lives, and links between pages."""

from __future__ import annotations

import functools
import posixpath
import re

HOME = "index.md"
LEADERS = "leaders/index.md"
SECTORS = "sectors/index.md"
KEY_AREAS = "key-areas.md"
MECHANISMS = "mechanisms.md"
NOTICE = "notice.md"
CHANGES = "changes.md"
LOOKUP = "lookup.md"

CN_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CLAUSE_RE = re.compile(r"^([一二三四五六七八九十])(?:（([一二三四五六七八九十])）)?(\d+)?$")


def leader_page(post_id: str) -> str:
    """Source path of a leader post's page."""
    return f"leaders/{post_id}.md"


def sector_page(slug: str) -> str:
    """Source path of a sector's page."""
    return f"sectors/{slug}.md"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link target from one source page to another; MkDocs turns it into a URL."""
    target = relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def relpath(path: str, start: str) -> str:
    """posixpath.relpath, remembered: pages link the same few folders' pages over and over, in every unit."""
    return posixpath.relpath(path, start)


def page_url(page: str, directory_urls: bool = True) -> str:
    """The URL path MkDocs gives a source page, relative to the site root."""
    stem = page[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A relative URL from one page to another, for raw HTML and SVG where MkDocs rewrites nothing."""
    here = page_url(from_page, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    there = page_url(to_page, directory_urls)
    rel = posixpath.relpath(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = rel + "/" if rel != "." else "./"
    return rel


def clause_anchor(clause: str) -> str:
    """Anchor id of a clause in the notice page: 一（二）5 → s1-2-5; '' when it does not parse."""
    m = CLAUSE_RE.match(clause.strip())
    if not m:
        return ""
    parts = [str(CN_NUMERALS[m.group(1)])]
    if m.group(2):
        parts.append(str(CN_NUMERALS[m.group(2)]))
    if m.group(3):
        parts.append(m.group(3))
    return "s" + "-".join(parts)
