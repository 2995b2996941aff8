"""Every document of a site (lists, PDFs, spreadsheets, calendars, open data), by its path in the site.

The writers in ``dutydir.documents`` make bytes from the model; this module places them under each
unit's prefix and has the lists printed to PDF.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from dutydir.build import pdf
from dutydir.data.units import Site
from dutydir.documents import calendar, listing, paths, popolo, spreadsheet
from dutydir.documents.meta import updated
from dutydir.model.directory import Directory
from dutydir.render import urls


def unit_documents(site: Site, unit: Directory) -> tuple[dict[str, bytes], dict[str, tuple[str, str]]]:
    """One unit's documents by path, and the HTML to print to PDF by the PDF's path."""
    prefix = site.prefix(unit)
    # The main unit's workbook holds a sheet for every unit of the site; another unit's, its own.
    return own_documents(unit, prefix, site.units if not prefix else [unit])


def own_documents(
    unit: Directory, prefix: str, sheets: Sequence[Directory]
) -> tuple[dict[str, bytes], dict[str, tuple[str, str]]]:
    """A unit's documents under ``prefix``, its workbook holding a sheet for each of ``sheets``; the HTML to print."""
    days = {post.id: listing.list_day(unit, post) for post in unit.posts}
    out: dict[str, bytes] = {}
    to_print: dict[str, tuple[str, str]] = {}
    # The web pages link the stylesheet (a strict Content-Security-Policy refuses inline styles); the HTML
    # handed to the printer holds it inline, since it is printed from memory.
    out[prefix + paths.LISTS_CSS] = listing.stylesheet(unit).encode("utf-8")
    for post in unit.posts:
        css = urls.link(paths.list_html(post.id), paths.LISTS_CSS)
        day = days[post.id]
        out[prefix + paths.list_html(post.id)] = listing.post_list(unit, post, css, day).encode("utf-8")
        to_print[prefix + paths.list_pdf(post.id)] = (listing.post_list(unit, post, day=day), print_stamp(day))
        out[prefix + paths.calendar(post.id)] = calendar.post_calendar(unit, post)
    css = urls.link(paths.UNIT_LISTS_HTML, paths.LISTS_CSS)
    out[prefix + paths.UNIT_LISTS_HTML] = listing.unit_lists(unit, css, days).encode("utf-8")
    to_print[prefix + paths.UNIT_LISTS_PDF] = (listing.unit_lists(unit, days=days), print_stamp(updated(unit)))
    out[prefix + paths.UNIT_CALENDAR] = calendar.unit_calendar(unit)
    out[prefix + paths.CSV] = spreadsheet.csv_bytes(unit)
    out[prefix + paths.POPOLO] = popolo.popolo_json(unit)
    out[prefix + paths.XLSX] = spreadsheet.xlsx(sheets)
    return out, to_print


def print_stamp(day: dt.date) -> str:
    """The 14-digit date written into a PDF printed for ``day``: its midnight, so a reprint changes nothing."""
    return f"{day:%Y%m%d}000000"


def site_documents(site: Site, cache_dir: Path, printing: bool = True) -> dict[str, bytes]:
    """Every document of every unit, the PDFs printed (or read from ``cache_dir``) last; none when ``printing`` is False."""
    out, to_print = documents_to_print(site)
    if printing:
        out.update(pdf.print_all(to_print, cache_dir))
    return out


def documents_to_print(site: Site) -> tuple[dict[str, bytes], dict[str, tuple[str, str]]]:
    """Every document of every unit but the PDFs, and the HTML to print for each PDF."""
    out: dict[str, bytes] = {paths.SITE_PAGE_CSS: listing.site_page_css(site.units[0]).encode("utf-8")}
    to_print: dict[str, tuple[str, str]] = {}
    for unit in site.units:
        files, htmls = unit_documents(site, unit)
        out.update(files)
        to_print.update(htmls)
    return out, to_print


def measure(site: Site, cache_dir: Path, clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Seconds the documents take: written from the model, and printed to PDF (from ``cache_dir`` when there)."""
    start = clock()
    to_print: dict[str, tuple[str, str]] = {}
    for unit in site.units:
        to_print.update(unit_documents(site, unit)[1])
    written = clock()
    pdf.print_all(to_print, cache_dir)
    return {"written": written - start, "pdf": clock() - written, "pdf_count": float(len(to_print))}
