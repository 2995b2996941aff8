"""The lines of a comparison of two versions of the data, as a terminal shows them or as a Markdown section."""

from __future__ import annotations

from dutydir.render import escape

NO_CHANGE = "无变化。"
MARKDOWN_HEADING = "## 安全生产责任分工调整"


def plain(lines: list[str]) -> str:
    """One change a line, or that nothing changed."""
    return "\n".join(lines) if lines else NO_CHANGE


def markdown(lines: list[str]) -> str:
    """A Markdown section fit for a page: a heading, then one item a change, every data word escaped."""
    body = "\n".join(f"- {escape.md(line)}" for line in lines) if lines else NO_CHANGE
    return f"{MARKDOWN_HEADING}\n\n{body}"
