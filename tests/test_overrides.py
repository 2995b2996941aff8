"""The theme overrides in overrides/ stay in step with the installed Material: each differs from Material's own
template only by the intended change, so an upgrade of Material that changes one of them fails here."""

from __future__ import annotations

import re
from pathlib import Path

import material

from tests.support import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# Material's generated-file banner, which the overrides replace with their own comment.
BANNER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
OWN_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)


def body(path: Path) -> str:
    """A template without its leading comment."""
    return OWN_COMMENT.sub("", path.read_text(encoding="utf-8"), count=1)


def test_search_partial_differs_only_by_the_dialogs_name() -> None:
    theirs = (THEME / "partials" / "search.html").read_text(encoding="utf-8")
    assert theirs.startswith(BANNER)
    named = theirs[len(BANNER) :].replace('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1)
    assert named != theirs[len(BANNER) :]
    assert body(OVERRIDES / "partials" / "search.html") == named


def test_helper_script_is_materials_inline_script() -> None:
    """docs/javascripts/material-base.js runs the code Material inlines, with the scope found from the file."""
    theirs = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")[len(BANNER) :]
    inline = re.fullmatch(r"<script>(.*)</script>\n?", theirs, re.S)
    assert inline is not None, theirs
    expected = inline.group(1).replace(
        'new URL("{{ config.extra.scope | d(base_url) }}",location)', 'new URL("..",document.currentScript.src)', 1
    )
    assert expected != inline.group(1)
    ours = (ROOT / "docs" / "javascripts" / "material-base.js").read_text(encoding="utf-8")
    assert [line for line in ours.splitlines() if not line.startswith("//")] == [expected]


def test_content_script_is_only_for_content_tabs() -> None:
    """The dropped inline script only selects content tabs, which the site does not enable."""
    theirs = (THEME / "partials" / "javascripts" / "content.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", theirs, re.S)
    assert len(scripts) == 2 and all("tabbed" in s or "__tabs" in s for s in scripts)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "tabbed" not in config and "content.tabs" not in config
    assert body(OVERRIDES / "partials" / "javascripts" / "content.html").strip() == ""
