"""The directory as an Excel workbook (a sheet per unit) and as CSV, both read right by Excel on Windows."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from copy import copy

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from dutydir.documents.meta import moment, stable_zip, stamp
from dutydir.documents.rows import COLUMNS, directory_rows
from dutydir.model.directory import Directory

# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP's CSV injection list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 48


def text_width(text: str) -> int:
    """How many columns of a Latin font the text takes: Chinese characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def sheet_title(name: str, taken: set[str]) -> str:
    """A unit's name as a legal, unique sheet title (31 characters, none of []:*?/\\)."""
    base = SHEET_FORBIDDEN.sub("_", name)[:28] or "单位"
    title, n = base, 1
    while title in taken:
        n += 1
        title = f"{base[: 28 - len(str(n))]}_{n}"
    taken.add(title)
    return title


def xlsx(units: Sequence[Directory]) -> bytes:
    """A workbook with one sheet per unit: a title row, a frozen header row with filters, one row per entry."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    taken: set[str] = set()
    for d in units:
        ws = wb.create_sheet(sheet_title(d.unit.short_name, taken))
        ws.append([f"{d.unit.short_name}政府领导安全生产责任目录（{stamp(d)}）"])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(list(COLUMNS))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        rows = directory_rows(d)
        for row in rows:
            ws.append(list(row))
        ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
        wrapped = ws["A3"]._style
        for line in ws.iter_rows(min_row=3):
            for cell in line:
                # openpyxl makes a formula of any text starting with '='; data is text, always.
                cell.data_type = "s"
                # One style shared by every cell: setting .alignment on each costs a lookup per cell.
                cell._style = copy(wrapped)
        for i, head in enumerate(COLUMNS, start=1):
            widest = max([text_width(head), *(text_width(r[i - 1]) for r in rows)])
            ws.column_dimensions[get_column_letter(i)].width = min(widest + 2, MAX_WIDTH)
        ws.freeze_panes = "A3"
        ws.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{len(rows) + 2}"
        ws.print_title_rows = "2:2"
        ws.page_setup.orientation = "landscape"
        ws.oddHeader.center.text = stamp(d).replace("&", "&&")
    first = units[0]
    wb.properties.title = f"{first.unit.short_name}政府领导安全生产责任目录"
    wb.properties.creator = first.notice.issuer
    wb.properties.created = wb.properties.modified = moment(first)
    out = io.BytesIO()
    # ExcelWriter rather than wb.save: save stamps the file with the time of day.
    from zipfile import ZIP_DEFLATED, ZipFile

    with ZipFile(out, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return stable_zip(out.getvalue(), moment(first))


def defused(text: str) -> str:
    """A CSV cell that a spreadsheet shows as the text it is: one starting like a formula gets a leading '."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(d: Directory) -> str:
    """The unit's table as CSV (CRLF line ends), to be written as UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([defused(cell) for cell in row] for row in directory_rows(d))
    return out.getvalue()


def csv_bytes(d: Directory) -> bytes:
    """The CSV file: UTF-8 with a byte order mark, which Excel on Windows needs to read Chinese right."""
    return csv_text(d).encode("utf-8-sig")
