"""Escaping of data text for each place it lands: Markdown, HTML and DOT."""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash escapes (with the tables extension's '|'), plus what would
# start an attribute list, a footnote, an abbreviation or a tilde span in Material's extensions.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:>])")


def md(text: str) -> str:
    """Data text as Markdown that renders as exactly those characters, on one line."""
    one_line = " ".join(str(text).split())
    escaped = html.escape(one_line, quote=True)
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


def attr(text: str) -> str:
    """Data text safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


def dot_string(text: str) -> str:
    """A DOT double-quoted string holding text literally (no escString sequences, one line)."""
    one_line = " ".join(str(text).split())
    return '"' + one_line.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(*lines: str) -> str:
    """A DOT label of several centred lines, each taken literally."""
    parts = [dot_string(line)[1:-1] for line in lines if line]
    return '"' + "\\n".join(parts) + '"'
