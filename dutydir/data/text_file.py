"""The notice's text file: read only from the data file's own folder, and made safe to lay into a page.

The text comes from OCR of a scanned notice, so it is not trusted as HTML: a '<' is written as
'&lt;' (every tag shows as the text it is), and Markdown that would make a link to another
scheme or set an HTML attribute is refused with its line and column, since a notice has neither.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dutydir.data import limits
from dutydir.data.errors import os_reason

# A Markdown link or image target with a scheme (javascript:, data:, http:) or to another host.
LINK_RE = re.compile(
    r"\]\(\s*<?\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//)|^ {0,3}\[[^\]]+\]:\s*<?\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//)", re.M
)
# An attribute list ({: #id .class key=value }) that sets anything but ids and classes.
ATTR_LIST_RE = re.compile(r"\{:?[^{}\n]*=[^{}\n]*\}")


class TextFileError(Exception):
    """The text file cannot be used; ``line`` and ``column`` place the problem in it (0 when not in it)."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def read_notice_text(base: Path, name: str) -> str:
    """The notice's text from ``name``, relative to the data file's folder ``base``, made safe for a page."""
    if os.path.isabs(name) or "\\" in name:
        raise TextFileError(f"text_file '{name}' 必须是数据文件所在文件夹里的相对路径")
    folder = base.resolve()
    path = (base / name).resolve()
    # Resolved first: a symlink, or '..', that leads out of the data's folder is refused.
    if not path.is_relative_to(folder):
        raise TextFileError(f"text_file '{name}' 在数据文件所在文件夹之外；只能读取该文件夹里的文件")
    try:
        raw = limits.read_regular_file(path, limits.MAX_TEXT_FILE_BYTES)
    except OSError as e:
        raise TextFileError(f"无法读取正文文件（text_file）“{name}”：{os_reason(e)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TextFileError(f"无法读取正文文件（text_file）“{name}”：不是 UTF-8 编码的文字") from None
    return sanitise(text, name)


def sanitise(text: str, name: str) -> str:
    """The text with every '<' made literal; raises TextFileError at a link or attribute that could run script."""
    control = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text)
    for found, what in (
        (control, "控制字符"),
        (LINK_RE.search(text), "指向其他网址的链接"),
        (ATTR_LIST_RE.search(text), "设置 HTML 属性的 {…}"),
    ):
        if found:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            raise TextFileError(
                f"text_file '{name}' 第 {line} 行第 {column} 列有{what}；通知原文不应含有，请删去", line, column
            )
    return text.replace("<", "&lt;")
