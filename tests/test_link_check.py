"""The link check of a whole site, of a shard when it is built, and of the links leaving shards once merged."""

from __future__ import annotations

from pathlib import Path

from dutydir.build import link_check


def write(root: Path, files: dict[str, str]) -> None:
    """Write pages and assets under a folder."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


SHARD = {
    "unit-x/index.html": (
        '<a href="a/">a</a> <a href="a/#top">top</a> <a href="b/">missing</a> <a href="a/#nowhere">no id</a>'
        '<link href="../assets/main.css" rel="stylesheet"> <a href="../help/#ab">help</a>'
        '<a href="../../outside.html">outside the site</a> <a href="https://example.org/">external</a>'
    ),
    "unit-x/a/index.html": '<h1 id="top">A</h1><link href="../../assets/main.css" rel="stylesheet"><a href="#top">self</a>',
}


def test_a_shard_checks_its_own_links_and_keeps_those_leaving_it_once(tmp_path: Path) -> None:
    write(tmp_path, SHARD)
    broken, leaving = link_check.shard_links(tmp_path, "unit-x/")
    assert broken == [
        "unit-x/index.html: b/",
        "unit-x/index.html: a/#nowhere（页内没有这一位置）",
        "unit-x/index.html: ../../outside.html",
    ]
    # The stylesheet is linked from two pages and kept once, with the first page (in path order) naming it.
    assert [(link.page, link.target, link.fragment) for link in leaving] == [
        ("unit-x/a/index.html", "assets/main.css", ""),
        ("unit-x/index.html", "help", "ab"),
    ]


def test_links_leaving_a_shard_are_checked_in_the_merged_site(tmp_path: Path) -> None:
    write(tmp_path / "shard", SHARD)
    _, leaving = link_check.shard_links(tmp_path / "shard", "unit-x/")
    merged = tmp_path / "merged"
    write(merged, {**SHARD, "assets/main.css": "body {}", "help/index.html": '<h2 id="ab">AB角</h2>'})
    assert link_check.broken_targets(merged, leaving) == []
    write(merged, {"help/index.html": "<h2>AB角</h2>"})
    (merged / "assets" / "main.css").unlink()
    assert link_check.broken_targets(merged, leaving) == [
        "unit-x/a/index.html: ../../assets/main.css",
        "unit-x/index.html: ../help/#ab（页内没有这一位置）",
    ]


def test_the_whole_site_check_finds_what_the_shard_check_finds(tmp_path: Path) -> None:
    write(tmp_path, {**SHARD, "assets/main.css": "body {}", "help/index.html": '<h2 id="ab">AB角</h2>'})
    assert link_check.broken_links(tmp_path) == link_check.shard_links(tmp_path, "unit-x/")[0]


def test_the_main_units_shard_leaves_the_other_units_folders_to_the_merge(tmp_path: Path) -> None:
    """The main unit's shard is the site's root but for the other units' folders, which it links to."""
    write(tmp_path, {"index.html": '<a href="unit-x/">x</a> <a href="help/">help</a> <a href="gone/">gone</a>'})
    broken, leaving = link_check.shard_links(tmp_path, "", ["unit-x/"])
    assert broken == ["index.html: help/", "index.html: gone/"]
    assert [link.target for link in leaving] == ["unit-x"]


def parsed(html: str) -> tuple[list[str], set[str]]:
    """Links and ids as Python's HTML parser finds them."""
    parser = link_check.LinkParser()
    parser.feed(html)
    return parser.links, parser.ids


def test_the_fast_reader_agrees_with_the_html_parser_on_every_built_page(site: Path) -> None:
    pages = link_check.pages(site)
    assert len(pages) > 90
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = link_check.scan(text)
        assert (found.links, found.ids) == parsed(text), page


def test_the_fast_reader_agrees_on_what_is_not_a_tag() -> None:
    html = (
        '<!-- <a href="commented/">x</a> --><script>var a = "<a href=\\"in-script/\\">";</script>'
        "<style>a[href='x'] { color: red }</style>"
        "<A HREF='upper/' ID=Top>x</A><a href=bare/ class=x>y</a>"
        '<img src="a.png?x=1&amp;y=2" alt="a > b"><p>文字 href="not-a-link" 里的</p><a title="x > y" href="after/">z</a>'
        '<svg><a xlink:href="chart/#n1"><text id="n1">图</text></a></svg><input name="q" disabled>'
    )
    found = link_check.scan(html)
    assert (found.links, found.ids) == parsed(html)
    assert found.links == ["upper/", "bare/", "a.png?x=1&y=2", "after/", "chart/#n1"]
