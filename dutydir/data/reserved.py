"""Names the site already uses for its own pages and folders, which ids and slugs from the data must not take.

A post id names the page leaders/<id>/, a sector's slug the page sectors/<slug>/, and a further
unit's id the folder <id>/ at the site's root. Any of them equal to a built-in name would replace
that page silently, so the checker refuses them. tests/test_hardening.py checks that every
top-level name of a built site is in TOP_LEVEL, so a new page cannot be forgotten here.
"""

from __future__ import annotations

import re

from dutydir.data.fields import Record, Report

TOP_LEVEL = frozenset(
    {
        # generated pages (render/urls.py, render/site.py, build/pagefind.py)
        "index",
        "lookup",
        "leaders",
        "sectors",
        "key-areas",
        "mechanisms",
        "notice",
        "changes",
        "units",
        "search",
        # the documents made from the data (documents/paths.py)
        "documents",
        # hand-written pages and their folders (docs/)
        "help",
        "benchmarks",
        "images",
        "javascripts",
        "stylesheets",
        # written by MkDocs, Material and Pagefind
        "assets",
        "pagefind",
        "404",
        "sitemap",
    }
)
"""Every name at the root of a built site, without its extension."""

IN_FOLDER = frozenset({"index"})
"""Names inside leaders/ and sectors/ that are the folder's own page."""

SITE_NAME_UNSAFE = re.compile(r"[<>&\"'`]")
"""Characters a site name may not hold: the theme prints it as HTML in places no escaping suits all at once."""

MAX_SLUG = 100
"""Characters of a page's name: a file name has at most 255 bytes, and a reader types the address."""


def check_post_id(rec: Record, report: Report) -> None:
    """A post id must not be the leaders folder's own page."""
    pid = str(rec["id"])
    if pid in IN_FOLDER:
        report.add(rec.place("id"), pid, f"职务 id '{pid}' 是网站保留的页面名（leaders/{pid}），请换一个")


def check_unit_id(rec: Record, report: Report) -> None:
    """A unit id must not be a name at the site's root, where a further unit's folder goes."""
    uid = str(rec["id"])
    if uid in TOP_LEVEL:
        report.add(rec.place("id"), uid, f"单位 id '{uid}' 是网站保留的名称（{uid}/），请换一个")


def slug_problem(slug: str, given: bool) -> str | None:
    """Why a sector's page name cannot be used, or None."""
    if slug in IN_FOLDER:
        return f"页面名 '{slug}' 是网站保留的（sectors/{slug}），请给它另一个 'slug:'"
    if len(slug) > MAX_SLUG:
        how = "请缩短 'slug:'" if given else "名称的拼音太长，请给它一个较短的 'slug:'"
        return f"页面名有 {len(slug)} 个字符，超过上限 {MAX_SLUG} 个；{how}"
    return None
