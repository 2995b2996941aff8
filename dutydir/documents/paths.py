"""Where each document sits in the site, relative to its unit's pages (as ``urls`` places pages)."""

from __future__ import annotations

FOLDER = "documents"
UNIT_LISTS_HTML = f"{FOLDER}/lists.html"
UNIT_LISTS_PDF = f"{FOLDER}/lists.pdf"
XLSX = f"{FOLDER}/directory.xlsx"
CSV = f"{FOLDER}/directory.csv"
UNIT_CALENDAR = f"{FOLDER}/calendar.ics"
POPOLO = f"{FOLDER}/popolo.json"
SITE_PAGE_CSS = "stylesheets/dutydir-page.css"
"""The print margins of the site's pages; one for the site, from its main unit."""


def list_html(post_id: str) -> str:
    """The printable list (权责清单) of one post, as a web page."""
    return f"{FOLDER}/lists/{post_id}.html"


def list_pdf(post_id: str) -> str:
    """The printable list of one post, as PDF."""
    return f"{FOLDER}/lists/{post_id}.pdf"


def calendar(post_id: str) -> str:
    """The meeting calendar of one post."""
    return f"{FOLDER}/calendars/{post_id}.ics"
