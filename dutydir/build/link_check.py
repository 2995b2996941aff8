"""The internal links of a built site: every href, src and xlink:href must reach a file, and a #fragment an id in it.

A whole site is checked page by page. A shard is checked once, when it is built: the links that stay
inside it there, and those that leave it (to the theme's assets, the home page, another unit) are
kept in its shard.json as targets, checked again against every merged site. So a publish that
rebuilds one shard checks that shard's pages and a short list of targets, not every page of the city.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


HIDDEN = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
"""Comments, scripts and styles: their text holds no tags, whatever it looks like."""
TAG = re.compile(r"""<[a-zA-Z][^\s/>]*((?:"[^"]*"|'[^']*'|[^'">])*)>""")
"""A start tag with its attributes; a quoted value may hold '>'."""
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
"""One attribute of a start tag: its name, and its value quoted either way or bare."""


def opening_tag(hidden: re.Match[str]) -> str:
    """What is kept of a comment (nothing), a script or a style (its opening tag, which may have a src)."""
    text = hidden.group(0)
    return "" if text.startswith("<!--") else text[: text.find(">") + 1]


@dataclass
class Found:
    """A page's links (as written, in order) and the ids a #fragment may name."""

    links: list[str] = field(default_factory=list)
    """Every href, src and xlink:href."""
    ids: set[str] = field(default_factory=set)
    """Every id and name."""


def scan(html: str) -> Found:
    """The links and ids of a page as LinkParser finds them, read with regular expressions: 2.6 times faster.

    Built pages are well-formed HTML from MkDocs and the theme; tests/test_link_check.py checks that
    both readers agree on every page of a built site.
    """
    found = Found()
    for tag in TAG.finditer(HIDDEN.sub(opening_tag, html)):
        attributes = tag.group(1) or ""
        for name, *values in ATTRIBUTE.findall(attributes):
            value = unescape(next((v for v in values if v), ""))
            name = name.lower()
            if name in ("href", "src", "xlink:href") and value:
                found.links.append(value)
            elif name in ("id", "name") and value:
                found.ids.add(value)
    return found


class LinkParser(HTMLParser):
    """Collects every href, src and xlink:href of a page, and the ids a link's #fragment may name."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Keep the link attributes and the ids of every tag."""
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value:
                self.links.append(value)
            elif name in ("id", "name") and value:
                self.ids.add(value)


@dataclass(frozen=True)
class Link:
    """One internal link of a page, resolved against the site's root."""

    page: str
    """The page holding the link, relative to the site's root."""
    link: str
    """The link as written."""
    target: str
    """The file or folder it names, relative to the site's root ('' for the page itself; starts with '..' when outside)."""
    fragment: str
    """The #fragment, unquoted; '' for none."""

    def problem(self) -> str:
        """The line naming this link as broken."""
        return f"{self.page}: {self.link}"


class Site:
    """A built site's files, each page parsed at most once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.parsed: dict[Path, Found] = {}

    def parse(self, path: Path) -> Found:
        """A page's links and ids."""
        if path not in self.parsed:
            self.parsed[path] = scan(path.read_text(encoding="utf-8"))
        return self.parsed[path]

    def links(self, pages: Iterable[Path]) -> list[Link]:
        """The internal links of these pages (absolute paths inside the site)."""
        out = []
        for page in pages:
            name = page.relative_to(self.root).as_posix()
            base = posixpath.dirname(name)
            for link in self.parse(page).links:
                if link.startswith("//") or SCHEME_RE.match(link):
                    continue
                parts = urlsplit(link)
                path, fragment = unquote(parts.path), unquote(parts.fragment)
                # Root-relative links (MkDocs writes them in 404.html) are taken from the site's root.
                if not path:
                    target = name
                elif path.startswith("/"):
                    target = posixpath.normpath(path.lstrip("/") or ".")
                else:
                    target = posixpath.normpath(posixpath.join(base, path))
                out.append(Link(name, link, target, fragment))
        return out

    def file(self, target: str) -> Path | None:
        """The file a target names (a folder's index.html), or None when there is none."""
        if target.startswith(".."):
            return None
        path = self.root / target
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def broken(self, link: Link) -> str | None:
        """Why a link is broken, or None when it reaches its file and fragment."""
        path = self.file(link.target)
        if path is None:
            return link.problem()
        if link.fragment and path.suffix == ".html" and link.fragment not in self.parse(path).ids:
            return f"{link.problem()}（页内没有这一位置）"
        return None


def pages(root: Path) -> list[Path]:
    """Every page of a folder, in a stable order."""
    return sorted(root.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """Every internal link of the built site whose target file, or the #fragment in it, does not exist."""
    s = Site(site)
    return [problem for link in s.links(pages(site)) if (problem := s.broken(link))]


def shard_links(site: Path, own: str, others: Iterable[str] = ()) -> tuple[list[str], list[Link]]:
    """A shard's pages checked inside ``site`` (laid out as the merged site): broken links, and those leaving it.

    The shard owns the folder ``own`` of the site ('' for the root) except the folders ``others`` (other
    units'); a link to a missing file there is broken, and a link anywhere else leaves the shard: the
    merge checks it again.
    """
    s = Site(site)
    outside = tuple(f"{o.rstrip('/')}/" for o in others)
    broken: list[str] = []
    leaving: dict[tuple[str, str], Link] = {}
    for link in s.links(pages(site / own)):
        path = f"{link.target}/"
        owned = path.startswith(f"{own.rstrip('/')}/" if own else "") and not path.startswith(outside)
        if not owned and not link.target.startswith(".."):
            # Kept once per target and fragment: every page links to the same few assets.
            leaving.setdefault((link.target, link.fragment), link)
        elif problem := s.broken(link):
            broken.append(problem)
    return broken, list(leaving.values())


def broken_targets(site: Path, links: Iterable[Link]) -> list[str]:
    """The links of ``links`` that do not reach their file or fragment in the merged ``site``."""
    s = Site(site)
    return [problem for link in links if (problem := s.broken(link))]
