"""Escaping of data text for each place it lands: Markdown, HTML and DOT."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence

from markupsafe import Markup

from dutydir.data.reserved import SITE_NAME_UNSAFE

# Exactly the characters Python-Markdown (with the tables extension) lets a backslash escape:
# escaping any other one would leave the backslash visible. '<', '>' and '&' become entities.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


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
    # Graphviz reads '&name;' as an entity in its SVG output, so a literal '&' must be written '&amp;'.
    escaped = one_line.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'


def dot_label(*lines: str) -> str:
    """A DOT label of several centred lines, each taken literally."""
    parts = [dot_string(line)[1:-1] for line in lines if line]
    return '"' + "\\n".join(parts) + '"'


# Material's tooltips (content.tooltips) show a title attribute as HTML, and the theme puts the site name
# in one: no escaping suits both that and <title>, so these characters are refused in a site name.


def site_name(text: str) -> Markup:
    """Text for ``config.site_name``, marked as safe for the theme; ValueError when it holds markup characters."""
    if isinstance(text, Markup):  # checked already (on_config ran again on the same config)
        return text
    bad = SITE_NAME_UNSAFE.search(str(text))
    if bad:
        raise ValueError(
            f"网站名称 {str(text)!r} 中不能有字符 {bad.group()}（< > & \" ' `），请在 mkdocs.yml 或 SITE_NAME 中改掉"
        )
    return Markup(" ".join(str(text).split()))


def front_matter(title: str, tags: Sequence[str] = ()) -> str:
    """A YAML front matter block giving a page's title as HTML-escaped text.

    MkDocs would otherwise take the title from the rendered h1 as unescaped text, and themes
    print it into <title> and the nav as HTML. ``tags`` are words search finds the page by;
    Material shows them in search results as HTML, so they are escaped the same way.
    """
    search = "tags: " + json.dumps([attr(t) for t in tags], ensure_ascii=False) + "\n" if tags else ""
    return "---\ntitle: " + json.dumps(attr(title), ensure_ascii=False) + "\n" + search + "---\n\n"
