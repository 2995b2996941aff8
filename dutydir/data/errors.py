"""Problems found in a data file, each tied to a place in it."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass

# Shown as escapes: control characters, and invisible or direction-changing ones that would garble the line.
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data file, printed as ``path:line:col: entity: message``."""

    path: str
    """The data file as the user named it."""
    line: int
    """1-based line of the offending node."""
    column: int
    """1-based column of the offending node."""
    entity: str
    """The leader, post, sector or pair concerned; the file's name when none is."""
    message: str
    """What is wrong, in one line."""
    warning: bool = False
    """True for a problem that does not stop a build (a vacancy, say)."""

    def __str__(self) -> str:
        prefix = "警告：" if self.warning else ""
        # A control character in a name or value from the file must not garble the terminal or split the line.
        entity = CONTROL_RE.sub(escaped, self.entity)
        message = CONTROL_RE.sub(escaped, self.message)
        return f"{self.path}:{self.line}:{self.column}: {prefix}{entity}: {message}"


def escaped(match: re.Match[str]) -> str:
    """A character as a Python-style escape: \\x01, \\u200b."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class DataError(Exception):
    """The data file cannot be used; carries every problem found, sorted by place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# Why a file cannot be read, as a clerk reads it; the system's own words (often English) are the fallback.
OS_REASONS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.ELOOP: "符号链接循环",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EIO: "磁盘读取出错",
}


# Why a file or folder cannot be written, in the same way.
WRITE_REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统是只读的",
    errno.EEXIST: "路径中的某一级是文件，不是文件夹",
    errno.ENOTDIR: "路径中的某一级是文件，不是文件夹",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOENT: "所在的文件夹不存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EIO: "磁盘写入出错",
}


def os_reason(e: OSError) -> str:
    """Why an OS call failed, in Chinese where the reason is a common one."""
    return OS_REASONS.get(e.errno or 0, e.strerror or str(e))


def write_reason(e: OSError) -> str:
    """Why a write failed, in Chinese where the reason is a common one."""
    return WRITE_REASONS.get(e.errno or 0, e.strerror or str(e))


# PyYAML's words for the common slips, and the general "expected X, but found Y" form.
YAML_PROBLEMS = {
    "mapping values are not allowed here": "这里不能有“键: 值”（检查上一行的缩进，或给含冒号的文字加引号）",
    "could not find expected ':'": "找不到应有的冒号“:”（检查缩进，或“键: 值”之间是否少了冒号）",
    "found character '\\t' that cannot start any token": "这里有制表符（Tab）；请用空格",
    "found undefined alias": "引用（*）了没有定义的锚点（&）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有配对）",
    "found unknown escape character": "引号中的转义字符（\\）无效",
}
EXPECTED_RE = re.compile(r"expected (.+), but (?:found|got) (.+)")


def yaml_problem(text: str) -> str:
    """A PyYAML problem in Chinese: the known slips in full, 'expected X, but found Y' as 应为…，实为…."""
    for english, chinese in YAML_PROBLEMS.items():
        if text.startswith(english):
            return chinese
    m = EXPECTED_RE.fullmatch(text)
    if m:
        return f"此处应为 {m.group(1).replace(' or ', ' 或 ')}，实为 {m.group(2)}"
    return text
