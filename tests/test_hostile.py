"""Hostile text in every string field the schema declares: the site builds, and no page runs it or shows it as markup.

The data is made by walking data/unit_file.py's declared shape over the small valid unit: every
text and name field, given or optional, gets a payload (a field added to the schema is covered
without touching this test); ids, choices, dates and counts keep their valid values. The same old
value always gets the same payload, so references by name still hold. The notice's text file and
the unit's short name get payloads too; a site name (from mkdocs.yml, printed by the theme) with markup is refused. Every page kind is then opened in
Chromium with a dialog handler that records any alert, and a search is typed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Dialog, sync_playwright

from dutydir.data import fields
from dutydir.data.unit_file import UNIT_FILE
from tests.support import Guard, copy_project, launch, mkdocs_build, served
from tests.test_check import MINIMAL

pytestmark = pytest.mark.slow
# Sixteen kinds: tags and attributes, URL schemes, template and Markdown syntax, entities, quotes.
PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "'><svg/onload=alert(4)>",
    "</title><script>alert(5)</script>",
    "javascript:alert(6)",
    "[点我](javascript:alert(7))",
    "![x](x onerror=alert(8))",
    "{{ config.site_name }}{% raw %}",
    "&lt;script&gt;alert(9)&lt;/script&gt;",
    "<iframe srcdoc='<script>alert(10)</script>'>",
    "`<b>` *em* _u_ #h",
    '{: onclick="alert(11)" }',
    "<a href=javascript:alert(12)>x</a>",
    "\\<script\\>alert(13)",
    "<details open ontoggle=alert(14)>",
]
# What must never reach a page's HTML as written: the payloads' markup, unescaped.
RAW = re.compile(
    r"<img src=x|<script>alert|<svg/?\s*onload|<iframe srcdoc|<details open|<a href=javascript|href=\"javascript:"
    r"|onclick=\"alert|onerror=\"alert|<img[^>]*onerror"
)
NOTICE = "# 通知 <script>alert(20)</script>\n\n（一）<img src=x onerror=alert(21)>条文。\n{ #s1-1 }\n"


class Payloads:
    """Hands out payloads: the same old value gets the same one, and each is unique and within its field's length."""

    def __init__(self) -> None:
        self.given: dict[str, str] = {}
        self.counter = itertools.count(1)

    def __call__(self, old: str | None, kind: fields.Kind) -> str:
        """A payload for a field of ``kind`` that held ``old`` (None: the field was absent)."""
        if old is not None and old in self.given:
            return self.given[old]
        n = next(self.counter)
        limit = fields.MAX_NAME if isinstance(kind, fields.Name) else fields.MAX_TEXT
        value = PAYLOADS[n % len(PAYLOADS)][: limit - len(str(n))] + str(n)
        if old is not None:
            self.given[old] = value
        return value


def fill(kind: fields.Kind, value: Any, payload: Payloads) -> Any:
    """A value of ``kind`` with every text replaced by a payload; absent optional texts are added."""
    if isinstance(kind, fields.Mapping):
        out = dict(value) if isinstance(value, dict) else {kind.shorthand: value}
        for name, spec in kind.fields.items():
            if name in out:
                out[name] = fill(spec.kind, out[name], payload)
            elif is_text(spec.kind) or isinstance(spec.kind, fields.ListOf) and is_text(spec.kind.item):
                out[name] = fill(spec.kind, None, payload)
        return out
    if isinstance(kind, fields.ListOf):
        items = value if value else ([None] if is_text(kind.item) else [])
        return [fill(kind.item, item, payload) for item in items]
    if is_text(kind):
        return payload(value, kind)
    return value


def is_text(kind: fields.Kind) -> bool:
    """True for free text and names: not ids, not choices, not dates or counts."""
    return isinstance(kind, fields.Text) and not isinstance(kind, fields.Ident | fields.Choice)


def hostile_data() -> dict[str, Any]:
    """The small valid unit with a payload in every text field, and its notice read from a hostile text file."""
    data = fill(UNIT_FILE, yaml.safe_load(MINIMAL), Payloads())
    data["notice"]["text_file"] = "notice.md"
    # Two fields are refused with markup or alone, by design: the unit's site name (the theme prints it as HTML;
    # test_check has its message) and a holder's 离任去向 without a last day.
    del data["unit"]["site_name"]
    drop_lone_left_for(data)
    # A stand-in names a post id or a person; a payload person keeps it valid, and covers its page text.
    return data


def drop_lone_left_for(value: Any) -> None:
    """Remove every 离任去向 given without a last day, wherever a holder is (posts, commissioners)."""
    if isinstance(value, dict):
        if "left_for" in value and "to" not in value:
            del value["left_for"]
        for item in value.values():
            drop_lone_left_for(item)
    elif isinstance(value, list):
        for item in value:
            drop_lone_left_for(item)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile unit built with `mkdocs build --strict`."""
    root = copy_project(tmp_path_factory.mktemp("hostile"), yaml.safe_dump(hostile_data(), allow_unicode=True))
    (root / "data" / "notice.md").write_text(NOTICE, encoding="utf-8")
    result = mkdocs_build(root, root / "site", DUTYDIR_DATE="2025-01-01")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_site_name_with_markup_is_refused(tmp_path: Path) -> None:
    # Material prints the site name unescaped in <title>, and its tooltips show the logo's title attribute as HTML.
    root = copy_project(tmp_path, MINIMAL)
    result = mkdocs_build(root, root / "site", DUTYDIR_SITE_NAME="<img src=x onerror=alert(30)>安全生产责任目录")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1:] == [
        "ERROR   -  dutydir: 网站名称 '<img src=x onerror=alert(30)>安全生产责任目录' 中不能有字符 <（< > & \" ' `），"
        "请在 mkdocs.yml 或 SITE_NAME 中改掉"
    ]


def test_every_text_field_got_a_payload() -> None:
    texts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            texts.append(value)

    walk(hostile_data())
    with_payload = [t for t in texts if any(p[:8] in t for p in PAYLOADS)]
    # Besides payloads only ids, choices, the text file's name and dates written as text remain.
    assert len(with_payload) >= 40
    assert {t for t in texts if t not in with_payload} <= {
        "testtown",
        "zhenzhang",
        "fu-a",
        "fu-b",
        "mayor",
        "executive",
        "member",
        "members",
        "two_months",
        "inferred",
        "notice.md",
    }


def test_no_page_holds_raw_markup_from_the_data(hostile_site: Path) -> None:
    found = {
        page.relative_to(hostile_site).as_posix(): RAW.findall(page.read_text(encoding="utf-8"))
        for page in hostile_site.rglob("*.html")
    }
    assert {page: hits for page, hits in found.items() if hits} == {}
    assert len(found) >= 10


@pytest.fixture(scope="module")
def server(hostile_site: Path) -> Iterator[str]:
    """The hostile site on a free port of 127.0.0.1."""
    with served(hostile_site) as base:
        yield base


def page_kinds(site: Path) -> list[str]:
    """One URL of each kind of page: every page at the root, the indexes, one leader and one sector."""
    top = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("*/index.html"))
    leader = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("leaders/*/index.html"))
    sector = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("sectors/*/index.html"))
    return ["", *top, leader[0], sector[0], "404.html"]


def test_no_page_runs_a_payload_in_chromium(hostile_site: Path, server: str) -> None:
    dialogs: list[str] = []
    kinds = page_kinds(hostile_site)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        guard = Guard()
        context = guard.watch(browser.new_context())
        page = context.new_page()

        def on_dialog(dialog: Dialog) -> None:
            dialogs.append(f"{page.url}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        for url in kinds:
            page.goto(server + url)
            page.wait_for_load_state("load")
            assert not page.locator("img[onerror], svg[onload], iframe, details[ontoggle]").count(), url
        page.goto(server)
        page.locator("input.md-search__input").fill("<img")
        page.wait_for_timeout(1500)
        browser.close()
    assert (dialogs, guard.blocked) == ([], [])
    assert {"leaders/", "sectors/", "notice/", "key-areas/"} <= set(kinds)
