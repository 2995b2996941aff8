"""A real `mkdocs build --strict` of the site (two builds in all), checked on its HTML and search index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dutydir.build import svg
from dutydir.model.directory import Directory
from tests.built_pages import chart_svg, groups, hrefs, html_files, page_url, parse, resolve, texts

if TYPE_CHECKING:
    from conftest import Build

URL_ATTRIBUTES = {"href", "src", "srcset", "xlink:href", "action", "poster", "data", "formaction"}
EXTERNAL = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)")
ZWSP = "\u200b"

LEADER_IDS = [
    "quzhang",
    "changwu-fuquzhang",
    "fuquzhang-kaifaqu",
    "dangzu-chengjian",
    "fuquzhang-ziranziyuan",
    "fuquzhang-jiaotong",
    "fuquzhang-jiaoyu",
    "fuquzhang-gongan",
    "fuquzhang-nongye",
]


# The build itself


def test_build_succeeds(built: Build) -> None:
    assert (built.site / "index.html").is_file()
    assert (built.site / "search" / "search_index.json").is_file()


def test_one_page_per_sector_and_post(site: Path, directory: Directory) -> None:
    sectors = sorted(p.parent.name for p in (site / "sectors").glob("*/index.html"))
    assert (site / "sectors" / "index.html").is_file()
    assert len(sectors) == 71
    assert sectors == sorted(s.slug for s in directory.sectors.values())
    leaders = sorted(p.parent.name for p in (site / "leaders").glob("*/index.html"))
    assert leaders == sorted(LEADER_IDS)


# The leader page


def test_leader_page(site: Path) -> None:
    path = site / "leaders" / "changwu-fuquzhang" / "index.html"
    page = parse(path)
    assert page.h1 == ["李先勇 · 常务副区长"]
    assert page.title == "李先勇 · 常务副区长 - 新洲区安全生产责任目录"
    table = page.table()
    assert table["AB角"] == ("刘辉（副区长）：本领导不在时由其代理", ["../fuquzhang-gongan/"])
    assert table["安全生产协调专员"] == ("待明确（推定）", [])
    assert table["依据"] == ("通知一（二）1", ["../../notice/#s1-2-1"])
    # The mark's explanation is a paragraph of its own, not run into the documents' line after it.
    paragraphs = re.findall(r"<p>(.*?)</p>", path.read_text(encoding="utf-8"), re.S)
    note = [re.sub(r"<[^>]+>", "", p) for p in paragraphs if "标“推定”的协调专员" in p]
    assert note == [
        "标“推定”的协调专员：通知一（三）没有写明每位领导各配一名，按每位领导一名列出是本目录的推定，说明见工作机制。"
    ]
    partner, _ = resolve(site, page_url(site, path), "../fuquzhang-gongan/")
    assert partner == site / "leaders" / "fuquzhang-gongan" / "index.html"
    assert parse(partner).h1 == ["刘辉 · 副区长"]


def test_leader_page_sector_links(site: Path) -> None:
    path = site / "leaders" / "changwu-fuquzhang" / "index.html"
    page = parse(path)
    sector_links = [(text, href) for text, href in page.links if href.startswith("../../sectors/")]
    assert sector_links == [
        ("发展改革", "../../sectors/fa-zhan-gai-ge/"),
        ("粮食", "../../sectors/liang-shi/"),
        ("能源", "../../sectors/neng-yuan/"),
        ("油气长输管线", "../../sectors/you-qi-chang-shu-guan-xian/"),
        ("工业及信息化", "../../sectors/gong-ye-ji-xin-xi-hua/"),
        ("军工", "../../sectors/jun-gong/"),
        ("工业冶金", "../../sectors/gong-ye-ye-jin/"),
        ("科技", "../../sectors/ke-ji/"),
        ("财政", "../../sectors/cai-zheng/"),
        ("安全生产和应急管理", "../../sectors/an-quan-sheng-chan-he-ying-ji-guan-li/"),
        ("石化工业", "../../sectors/shi-hua-gong-ye/"),
        ("地震", "../../sectors/di-zhen/"),
        ("税务", "../../sectors/shui4-wu4/"),
        ("统计", "../../sectors/tong-ji/"),
        ("政务服务和大数据管理", "../../sectors/zheng-wu-fu-wu-he-da-shu-ju-guan-li/"),
        ("机关事务管理", "../../sectors/ji-guan-shi-wu-guan-li/"),
        ("审计", "../../sectors/shen-ji/"),
    ]
    for text, href in sector_links:
        target, _ = resolve(site, page_url(site, path), href)
        assert target.is_file(), href
        assert parse(target).h1 == [text]


def test_leader_page_chart(site: Path) -> None:
    svg = chart_svg(site / "leaders" / "changwu-fuquzhang" / "index.html")
    nodes = groups(svg, "node")
    assert texts(nodes["post-changwu-fuquzhang"]) == ["常务副区长", "李先勇"]
    assert hrefs(nodes["post-fuquzhang-gongan"]) == ["../fuquzhang-gongan/"]
    assert texts(nodes["commissioner-changwu-fuquzhang"]) == ["协调专员", "待明确（推定）"]
    assert sorted(t for t in nodes if t.startswith("sector-")) == sorted(
        "sector-" + s
        for s in (
            "fa-zhan-gai-ge liang-shi neng-yuan you-qi-chang-shu-guan-xian gong-ye-ji-xin-xi-hua jun-gong gong-ye-ye-jin "
            "ke-ji cai-zheng an-quan-sheng-chan-he-ying-ji-guan-li shi-hua-gong-ye di-zhen shui4-wu4 tong-ji "
            "zheng-wu-fu-wu-he-da-shu-ju-guan-li ji-guan-shi-wu-guan-li shen-ji"
        ).split()
    )
    ab = [title for title, g in groups(svg, "edge").items() if texts(g) == ["互为AB角"]]
    assert ab == ["post-changwu-fuquzhang->post-fuquzhang-gongan"]


# The sector page


def test_sector_page(site: Path) -> None:
    path = site / "sectors" / "cheng-zhen-ran-qi" / "index.html"
    page = parse(path)
    assert page.h1 == ["城镇燃气"]
    assert page.title == "城镇燃气 - 新洲区安全生产责任目录"
    assert page.paragraphs[0] == "按 2026-01-01 的任职情况（标“假定”的日期通知未载明）。"
    assert page.paragraphs[1] == (
        "城镇燃气的安全生产工作由邓辉（区委常委、区人民政府党组成员）负责；邓辉不在时，由AB角丁力（副区长）代理。"
    )
    table = page.table()
    # The shipped vocabulary's words for the sector, marked as added for search (tests/test_answer.py has more).
    added, links = table.pop("常用说法")
    assert added.startswith("天然气管道、气瓶、燃气管理、") and links == []
    assert added.endswith("一氧化碳中毒（dutydir 自带的工作安全词表，为便于检索添加，非通知原文）")
    assert table == {
        "责任领导": ("邓辉（区委常委、区人民政府党组成员）", ["../../leaders/dangzu-chengjian/"]),
        "负责起始日期": ("2022-03-09 起（假定）", []),
        "责任方式": ("负责", []),
        "AB角（责任领导不在时代理）": ("丁力（副区长）", ["../../leaders/fuquzhang-jiaotong/"]),
        "安全生产协调专员": ("待明确（推定）", []),
        "重点领域": ("燃气（推定）", ["../../key-areas/"]),
        "检索词": ("天然气、液化石油气（为便于检索添加，非通知原文）", []),
        "依据": ("通知一（二）3", ["../../notice/#s1-2-3"]),
    }
    url = page_url(site, path)
    assert parse(resolve(site, url, "../../leaders/dangzu-chengjian/")[0]).h1 == ["邓辉 · 区人民政府党组成员"]
    assert parse(resolve(site, url, "../../leaders/fuquzhang-jiaotong/")[0]).h1 == ["丁力 · 副区长"]


# The lookup page


def test_lookup_table(site: Path, directory: Directory) -> None:
    page = parse(site / "lookup" / "index.html")
    head, *rows = page.rows
    assert [text for text, _ in head] == ["领域", "类别", "责任领导", "AB角（责任领导不在时代理）", "说明"]
    assert len(rows) == len(directory.sectors) + len(directory.key_areas) == 71 + 16
    by_name = {(row[0][0], row[1][0]): row for row in rows}
    assert by_name["城镇燃气", "行业领域"] == [
        ("城镇燃气", ["../sectors/cheng-zhen-ran-qi/"]),
        ("行业领域", []),
        ("邓辉（区人民政府党组成员）", ["../leaders/dangzu-chengjian/"]),
        ("丁力（副区长）", ["../leaders/fuquzhang-jiaotong/"]),
        ("重点领域：燃气（推定）；检索词：天然气、液化石油气", []),
    ]
    assert by_name["阳逻经济开发区", "行业领域"][2] == (
        "陈晓红（副区长）全面负责",
        ["../leaders/fuquzhang-kaifaqu/"],
    )
    assert by_name["特种设备", "下级领域"][4] == (
        "属市场监管；检索词：电梯、锅炉、压力容器、起重机械",
        ["../sectors/shi-chang-jian-guan/"],
    )
    assert by_name["交通", "重点领域"] == [
        ("交通", ["../key-areas/"]),
        ("重点领域", []),
        ("丁力（副区长）、刘辉（副区长）", ["../leaders/fuquzhang-jiaotong/", "../leaders/fuquzhang-gongan/"]),
        (
            "邓辉（区人民政府党组成员）、李先勇（常务副区长）",
            ["../leaders/dangzu-chengjian/", "../leaders/changwu-fuquzhang/"],
        ),
        (
            "属交通运输、综合交通、公安交通管理（推定）",
            ["../sectors/jiao-tong-yun-shu/", "../sectors/zong-he-jiao-tong/", "../sectors/gong-an-jiao-tong-guan-li/"],
        ),
    ]


# The district chart on the home page


@pytest.fixture(scope="module")
def district_svg(site: Path) -> ET.Element:
    return chart_svg(site / "index.html")


def test_home_chart_leader_nodes(site: Path, district_svg: ET.Element) -> None:
    nodes = groups(district_svg, "node")
    leaders = {title: (texts(g), hrefs(g)) for title, g in nodes.items() if title.startswith("post-")}
    assert leaders == {
        "post-quzhang": (["区长", "刘润长"], ["leaders/quzhang/"]),
        "post-changwu-fuquzhang": (["常务副区长", "李先勇"], ["leaders/changwu-fuquzhang/"]),
        "post-fuquzhang-kaifaqu": (["副区长", "陈晓红"], ["leaders/fuquzhang-kaifaqu/"]),
        "post-dangzu-chengjian": (["区人民政府党组成员", "邓辉"], ["leaders/dangzu-chengjian/"]),
        "post-fuquzhang-ziranziyuan": (["副区长", "祝莹"], ["leaders/fuquzhang-ziranziyuan/"]),
        "post-fuquzhang-jiaotong": (["副区长", "丁力"], ["leaders/fuquzhang-jiaotong/"]),
        "post-fuquzhang-jiaoyu": (["副区长", "张晓菡"], ["leaders/fuquzhang-jiaoyu/"]),
        "post-fuquzhang-gongan": (["副区长", "刘辉"], ["leaders/fuquzhang-gongan/"]),
        "post-fuquzhang-nongye": (["副区长", "肖新锋"], ["leaders/fuquzhang-nongye/"]),
    }
    for title, (label, (href,)) in leaders.items():
        target, _ = resolve(site, "", href)
        assert target.is_file(), href
        assert parse(target).h1 == [f"{label[1]} · {label[0]}"], title


def test_home_chart_ab_edges(district_svg: ET.Element) -> None:
    ab = [title for title, g in groups(district_svg, "edge").items() if texts(g) == ["互为AB角"]]
    assert len(ab) == 4
    assert {frozenset(t.split("->")) for t in ab} == {
        frozenset({"post-changwu-fuquzhang", "post-fuquzhang-gongan"}),
        frozenset({"post-fuquzhang-kaifaqu", "post-fuquzhang-ziranziyuan"}),
        frozenset({"post-dangzu-chengjian", "post-fuquzhang-jiaotong"}),
        frozenset({"post-fuquzhang-jiaoyu", "post-fuquzhang-nongye"}),
    }


def test_home_chart_commissioners_and_office(site: Path, district_svg: ET.Element) -> None:
    nodes = groups(district_svg, "node")
    commissioners = {t: texts(g) for t, g in nodes.items() if t.startswith("commissioner-")}
    assert commissioners == {f"commissioner-{pid}": ["协调专员", "待明确（推定）"] for pid in LEADER_IDS}
    assert sorted(nodes) == sorted([*commissioners, *(f"post-{pid}" for pid in LEADER_IDS), "office"])
    office = nodes["office"]
    assert texts(office) == ["区安委办", "（区应急管理局）"]
    assert hrefs(office) == ["mechanisms/"]
    assert parse(resolve(site, "", "mechanisms/")[0]).h1 == ["工作机制"]
    edges = groups(district_svg, "edge")
    assert [t for t in edges if t.endswith("->office")] == ["post-changwu-fuquzhang->office"]


# Every page


def test_every_page_has_one_h1(site: Path) -> None:
    missing = {page_url(site, p): parse(p).h1 for p in html_files(site) if len(parse(p).h1) != 1 or not parse(p).h1[0]}
    assert missing == {}
    # 71 sectors, 9 leaders, their two indexes, home, key areas, mechanisms, notice, change log, lookup, help,
    # benchmarks and 404; and the printable lists (权责清单): one a leader, one of the whole unit.
    assert len(html_files(site)) == 71 + 9 + 2 + 9 + 9 + 1


def test_every_internal_reference_resolves(site: Path) -> None:
    broken: list[tuple[str, ...]] = []
    checked = 0
    for path in html_files(site):
        url = page_url(site, path)
        for tag, name, value in parse(path).attributes:
            if name not in URL_ATTRIBUTES:
                continue
            refs = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            for ref in refs:
                if ref.startswith(("#", "mailto:", "data:")) or EXTERNAL.match(ref):
                    continue
                target, fragment = resolve(site, url, ref)
                checked += 1
                if not target.is_file():
                    broken.append((url, tag, name, ref))
                elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                    broken.append((url, tag, name, ref, "no such anchor"))
    assert broken == []
    assert checked > 1000


def test_nothing_is_loaded_from_outside_the_site(site: Path) -> None:
    outside = []
    for path in html_files(site):
        url = page_url(site, path)
        for tag, name, value in parse(path).attributes:
            if name == "xmlns" or name.startswith("xmlns:"):
                continue  # namespace names, not requests
            if name in URL_ATTRIBUTES:
                refs = [part.strip() for part in value.split(",")] if name == "srcset" else [value.strip()]
                # mailto: opens the reader's mail program, and data: is inline: neither is a request.
                outside += [
                    (url, tag, name, r) for r in refs if EXTERNAL.match(r) and not r.startswith(("mailto:", "data:"))
                ]
            elif re.match(r"^\s*(https?:)?//", value):
                outside.append((url, tag, name, value))
        # CSS in <style> elements and style attributes.
        for m in CSS_URL.finditer(path.read_text(encoding="utf-8")):
            if EXTERNAL.match(m.group(2)) and not m.group(2).startswith("data:"):
                outside.append((url, "css", "url", m.group(2)))
    assert outside == []


def test_only_svg_namespaces_look_like_urls(site: Path) -> None:
    """The namespace attributes skipped above are the SVG and XLink namespaces only."""
    namespaces = {value for p in html_files(site) for _, name, value in parse(p).attributes if name.startswith("xmlns")}
    assert namespaces == {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


# Search


def test_search_index(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    # Material's Chinese search marks word breaks with zero-width spaces; drop them to read the text.
    clean = [(d["location"], d["title"].replace(ZWSP, ""), d["text"].replace(ZWSP, "")) for d in docs]
    charted = [loc for loc, _, text in clean if "post-quzhang" in text or "commissioner-" in text or "sector-" in text]
    assert charted == []
    assert [title for loc, title, _ in clean if loc == "sectors/cheng-zhen-ran-qi/"] == ["城镇燃气"]
    assert [title for loc, title, _ in clean if loc == "leaders/changwu-fuquzhang/"] == ["李先勇 · 常务副区长"]


# Building again


def test_second_build_is_identical(built: Build, rebuilt: Build) -> None:
    first = {p.relative_to(built.site).as_posix(): p.read_bytes() for p in html_files(built.site)}
    second = {p.relative_to(rebuilt.site).as_posix(): p.read_bytes() for p in html_files(rebuilt.site)}
    assert first["leaders/changwu-fuquzhang/index.html"] == second["leaders/changwu-fuquzhang/index.html"]
    assert first["index.html"] == second["index.html"]
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_chart_cache_is_reused(built: Build, rebuilt: Build) -> None:
    # One district chart and one chart per leader post.
    assert len(built.cache_files) == 10
    assert all(name.endswith(".svg") for name in built.cache_files)
    # The second build read every chart from the cache: same files, none rewritten, none added.
    assert rebuilt.cache_files == built.cache_files
    assert sorted(p.name for p in rebuilt.cache.iterdir()) == sorted(built.cache_files)


def test_a_chart_cache_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    """The chart is drawn and returned; only the cache entry is missing."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    dot_text = 'digraph { "甲" -> "乙"; }'
    drawn = svg.render(dot_text, blocker / "cache")
    assert drawn.startswith("<svg") and "甲" in drawn
    assert drawn == svg.render(dot_text, tmp_path / "cache")
