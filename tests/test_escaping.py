"""Text from the data lands as text everywhere: pages, titles, charts and the search index."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dutydir import load_directory
from dutydir.render import dot
from tests.support import copy_project, mkdocs_build

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
PERSON = "</title><script>alert(1)</script>"
TITLE = '副镇长 "}\\ -> x [label="evil"] {'
SECTOR = "*教育* [链接](http://evil.example/) #标题 |竖线| {#id} `代码` &amp; <b>粗</b>"
KEYWORD = '<img src=x onerror="alert(3)"> 天然气 &amp; *强调*'


def hostile_yaml() -> str:
    text = MINIMAL.replace("      - person: 张三", "      - person: " + json.dumps(PERSON))
    text = text.replace("        title: 副镇长\n", "        title: " + json.dumps(TITLE) + "\n")
    text = text.replace(
        "      - 城镇燃气\n", "      - name: 城镇燃气\n        keywords: [" + json.dumps(KEYWORD) + "]\n"
    )
    return text.replace("      - 教育\n", "      - " + json.dumps(SECTOR, ensure_ascii=False) + "\n")


class Texts(HTMLParser):
    """Text of chosen elements (h1, title, svg text) and every attribute value, as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.texts.setdefault(tag, []).append("")
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        for tag in set(self.stack):
            self.texts[tag][-1] += data


def parse(path: Path) -> Texts:
    parser = Texts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hostile"), hostile_yaml())
    result = mkdocs_build(root, root / "site", DUTYDIR_DATE="2025-01-01", DUTYDIR_SITE_NAME="测试镇安全生产责任目录")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_hostile_person_is_text_in_h1_and_title(site: Path) -> None:
    page = parse(site / "leaders" / "fu-b" / "index.html")
    assert [t.replace("¶", "") for t in page.texts["h1"]] == [f"{PERSON} · 副镇长"]
    assert page.texts["title"][0] == f"{PERSON} · 副镇长 - 测试镇安全生产责任目录"


def test_hostile_sector_is_text_and_makes_no_markup(site: Path) -> None:
    (sector_dir,) = [p for p in (site / "sectors").iterdir() if p.name.startswith("jiao-yu-")]
    page = parse(sector_dir / "index.html")
    assert [t.replace("¶", "") for t in page.texts["h1"]] == [SECTOR]
    assert "b" not in page.texts  # the <b> in the name stayed text
    assert "code" not in page.texts and "em" not in page.texts


def test_no_script_or_link_from_data_anywhere(site: Path) -> None:
    for path in site.rglob("*.html"):
        raw = path.read_text(encoding="utf-8")
        assert "<script>alert" not in raw, path
        links = [value for _, name, value in parse(path).attrs if name in ("href", "src", "xlink:href")]
        assert [link for link in links if "evil.example" in link] == [], path


def test_chart_structure_survives_hostile_labels(site: Path) -> None:
    page = parse(site / "leaders" / "fu-b" / "index.html")
    titles = [t for t in page.texts["title"][1:]]
    d, _ = load_directory(ROOT / "tests" / "data" / "minimal.yaml")
    slug = d.sectors["交通运输"].slug
    assert sorted(titles) == sorted(
        [
            "fu-b",
            "post-fu-b",
            "post-fu-a",
            "sector-jiao-yu-lian-jie-http-evil-example-biao-ti-shu-xian-id-dai-ma-amp-b-cu-b",
            f"sector-{slug}",
            "post-fu-b->post-fu-a",
            "post-fu-b->sector-jiao-yu-lian-jie-http-evil-example-biao-ti-shu-xian-id-dai-ma-amp-b-cu-b",
            f"post-fu-b->sector-{slug}",
        ]
    )
    tooltips = [v for tag, k, v in page.attrs if k == "xlink:title"]
    assert f"{TITLE} {PERSON}" in tooltips
    assert SECTOR in tooltips
    assert [t for t in page.texts["text"] if t in (PERSON, SECTOR)] == [PERSON, SECTOR]


def test_dot_quotes_cannot_break_out() -> None:
    d, _ = load_directory(ROOT / "tests" / "data" / "minimal.yaml")
    node = dot.dot_string('a" -> b [x="y"] \\')
    assert node == '"a\\" -> b [x=\\"y\\"] \\\\"'
    assert dot.dot_label("line\none", "two") == '"line one\\ntwo"'
    assert d.unit.short_name == "测试镇"


def test_search_index_holds_text_not_markup(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    (location,) = [loc for loc in docs if loc.startswith("sectors/jiao-yu-") and "#" not in loc]
    assert html.unescape(docs[location]["title"].replace("\u200b", "")) == SECTOR
    assert html.unescape(docs["leaders/fu-b/"]["title"].replace("\u200b", "")) == f"{PERSON} · 副镇长"
    for doc in index["docs"]:
        assert "<script" not in doc["title"] + doc["text"]
        assert not re.search(r"<a\s", doc["text"])


def test_hostile_keyword_is_text_on_pages_and_in_search_tags(site: Path) -> None:
    (sector_dir,) = [p for p in (site / "sectors").iterdir() if p.name == "cheng-zhen-ran-qi"]
    for path in (sector_dir / "index.html", site / "lookup" / "index.html"):
        page = parse(path)
        assert "img" not in page.texts and "em" not in page.texts, path
        assert any(KEYWORD in text for text in page.texts["td"]), path
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (doc,) = [doc for doc in index["docs"] if doc["location"] == "sectors/cheng-zhen-ran-qi/"]
    # Material's search results insert tags as HTML, so they are stored escaped.
    assert doc["tags"][:2] == ["燃气", html.escape(KEYWORD)]
    assert "<img" not in json.dumps(index, ensure_ascii=False)
