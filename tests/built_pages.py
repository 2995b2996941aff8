"""Reading a built site back: an HTML page's parts, where its references lead, and its charts' SVG."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


class Tags(HTMLParser):
    """What the tests read from a page outside its article's content: the <title>, h1 texts, ids, URL attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1: list[str] = []
        self.ids: set[str] = set()
        self.attributes: list[tuple[str, str, str]] = []
        """(tag, attribute, value) of every attribute with a value."""
        self.title = ""
        """The document's <title> (SVG <title> elements are not counted)."""
        self._in_h1 = self._in_article = self._in_headerlink = self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for k, v in attrs:
            if v is not None:
                self.attributes.append((tag, k, v))
        if "id" in values:
            self.ids.add(values["id"])
        classes = values.get("class", "").split()
        if tag == "article":
            self._in_article = True
        elif tag == "h1":
            self.h1.append("")
            self._in_h1 = True
        elif tag == "a":
            if self._in_h1 and "headerlink" in classes:
                self._in_headerlink = True
        elif tag == "title" and not self._in_article and not self.title:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "a":
            self._in_headerlink = False
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_h1 and not self._in_headerlink:
            self.h1[-1] += data


class Page(Tags):
    """What the tests read from one HTML page: ``Tags``, and the article's links, table rows and paragraphs."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        """(text, href) of every <a href> inside <article>."""
        self.rows: list[list[tuple[str, list[str]]]] = []
        """Table rows inside <article>: each cell's text and the hrefs of its links."""
        self.paragraphs: list[str] = []
        """Text of every <p> inside <article>."""
        self._in_p = False
        self._a: list[str] | None = None
        self._cell: tuple[list[str], list[str]] | None = None
        self._p: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        values = {k: v or "" for k, v in attrs}
        if tag == "a":
            if self._in_article and "href" in values:
                self._a = [values["href"], ""]
                if self._cell is not None:
                    self._cell[1].append(values["href"])
        elif tag == "tr" and self._in_article:
            self.rows.append([])
        elif tag in ("td", "th") and self._in_article and self.rows:
            self._cell = ([], [])
        elif tag == "p" and self._in_article:
            self._in_p, self._p = True, []

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        if tag == "a":
            if self._a is not None:
                self.links.append((self._a[1], self._a[0]))
                self._a = None
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell[0]).strip(), self._cell[1]))
            self._cell = None
        elif tag == "p" and self._in_p:
            self.paragraphs.append("".join(self._p).strip())
            self._in_p = False

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if self._a is not None:
            self._a[1] += data
        if self._cell is not None:
            self._cell[0].append(data)
        if self._in_p:
            self._p.append(data)

    def table(self) -> dict[str, tuple[str, list[str]]]:
        """The first column of each body row mapped to the second cell (text, hrefs)."""
        return {row[0][0]: row[1] for row in self.rows if len(row) == 2 and row[0][0] != "项目"}


@cache
def parse(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def page_url(site: Path, path: Path) -> str:
    """The URL of a built page relative to the site root, as a browser sees it (directory URLs end in /)."""
    rel = path.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def resolve(site: Path, page: str, ref: str) -> tuple[Path, str]:
    """The file a reference from page URL ``page`` points to, and its fragment (a missing file when outside)."""
    parts = urlsplit(ref)
    path = unquote(parts.path)
    if path.startswith("/"):
        joined = path.lstrip("/")
    elif path:
        joined = posixpath.join(posixpath.dirname(page), path)
    else:
        joined = page
    target = posixpath.normpath(joined or ".")
    if target == ".." or target.startswith("../"):
        return site.parent / "outside-the-site", parts.fragment
    if path.endswith("/") or (site / target).is_dir():
        target = posixpath.join(target, "index.html")
    return site / target, parts.fragment


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def chart_svg(path: Path) -> ET.Element:
    """The SVG inside the page's single div.dutydir-chart, parsed as XML."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="dutydir-chart"[^>]*>\s*(<svg\b.*?</svg>)\s*</div>', text, re.S)
    assert len(blocks) == 1, path
    return ET.fromstring(blocks[0])


def groups(svg: ET.Element, kind: str) -> dict[str, ET.Element]:
    """The SVG's node or edge groups by their <title> text."""
    out = {}
    for g in svg.iter(f"{SVG}g"):
        if g.get("class") == kind:
            title = g.find(f"{SVG}title")
            assert title is not None and title.text
            out[title.text] = g
    return out


def texts(g: ET.Element) -> list[str]:
    return [t.text or "" for t in g.iter(f"{SVG}text")]


def hrefs(g: ET.Element) -> list[str]:
    return [a.get(XLINK_HREF) or "" for a in g.iter(f"{SVG}a") if a.get(XLINK_HREF) is not None]
