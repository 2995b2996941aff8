"""The lines of Markdown that link a page to the documents made from the data (lists, spreadsheets, calendars)."""

from __future__ import annotations

from markupsafe import Markup

from dutydir.documents import paths
from dutydir.render import urls


def leader(here: str, post_id: str, pdf: bool = True) -> str:
    """A leader page's line: the printable list as a web page (and as PDF when printed), and the meeting calendar."""
    printed = f" · [PDF]({urls.link(here, paths.list_pdf(post_id))})" if pdf else ""
    return (
        f"权责清单：[打印版网页]({urls.link(here, paths.list_html(post_id))}){printed}　"
        f"会议日程：[日历订阅（iCalendar）]({urls.link(here, paths.calendar(post_id))})"
    )


def lookup(here: str) -> str:
    """The lookup page's line: the whole table as Excel and CSV, and as open data."""
    return (
        f"下载：[Excel 表格]({urls.link(here, paths.XLSX)}) · "
        f"[CSV]({urls.link(here, paths.CSV)})（UTF-8，Excel 可直接打开） · "
        f"[开放数据（Popolo JSON）]({urls.link(here, paths.POPOLO)})"
    )


def mechanisms(here: str, pdf: bool = True) -> str:
    """The mechanisms page's line: the meeting calendar of the whole unit, and every list in one document."""
    every = (
        f"[全部领导（PDF）]({urls.link(here, paths.UNIT_LISTS_PDF)})"
        if pdf
        else f"[全部领导（打印版网页）]({urls.link(here, paths.UNIT_LISTS_HTML)})"
    )
    return (
        f"会议日程：[全部工作机制日历（iCalendar）]({urls.link(here, paths.UNIT_CALENDAR)})，可在 Outlook 或手机日历中订阅；"
        f"各位领导的日历见其页面。权责清单：{every}"
    )


class DocumentLinks:
    """The lines above for the templates, from one page, as Markdown the templates leave alone."""

    def __init__(self, here: str, pdf: bool = True) -> None:
        self.here = here
        """The page the links are written on."""
        self.pdf = pdf
        """True when the lists are printed to PDF."""

    def leader(self, post_id: str) -> Markup:
        """A leader page's line."""
        return Markup(leader(self.here, post_id, self.pdf))

    def lookup(self) -> Markup:
        """The lookup page's line."""
        return Markup(lookup(self.here))

    def mechanisms(self) -> Markup:
        """The mechanisms page's line."""
        return Markup(mechanisms(self.here, self.pdf))
