"""What the search index holds: words jieba keeps whole, tags from key areas and keywords, no boilerplate, UTF-8.

What a reader gets from it in a browser is tested in test_browser.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from dutydir.build import search_index
from dutydir.model.directory import Directory
from dutydir.render import search_words

ZWSP = "\u200b"
# Material's search cuts Chinese into words and marks each cut with a zero-width space.
CUT = ZWSP.join


def index(site: Path) -> dict[str, dict]:
    """The built site's search entries by location."""
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"]: doc for doc in data["docs"]}


def test_keywords_are_in_the_model(directory: Directory) -> None:
    with_keywords = {s.name: s.keywords for s in directory.sectors.values() if s.keywords}
    assert with_keywords == {
        "政务服务和大数据管理": ("大数据",),
        "城镇燃气": ("天然气", "液化石油气"),
        "特种设备": ("电梯", "锅炉", "压力容器", "起重机械"),
        "民爆物品和烟花爆竹": ("民用爆炸物品",),
    }


def test_search_terms_are_key_areas_then_keywords_then_vocabulary(directory: Directory) -> None:
    terms = {s.name: search_words.terms(directory, s) for s in directory.sectors.values()}
    from_data = {
        "安全生产和应急管理": ("危险化学品",),
        "石化工业": ("危险化学品",),
        "政务服务和大数据管理": ("大数据",),
        "城建": ("建设施工", "桥梁"),
        "城镇燃气": ("燃气", "天然气", "液化石油气"),
        "房管": ("老旧小区改造",),
        "集贸市场": ("市场",),
        "特种设备": ("电梯", "锅炉", "压力容器", "起重机械"),
        "商贸流通": ("商场",),
        "交通运输": ("交通", "桥梁"),
        "综合交通": ("交通",),
        "教育": ("学校",),
        "卫生健康": ("医院",),
        "文化旅游": ("节会", "娱乐"),
        "公安交通管理": ("交通",),
        "民爆物品和烟花爆竹": ("民用爆炸物品",),
        "消防救援": ("消防",),
    }
    for name, words in from_data.items():
        assert terms[name][: len(words)] == words, name
    # Then the shipped vocabulary's words for it, then the parts of its name.
    gas = terms["城镇燃气"]
    assert gas[3:] == (*directory.vocabulary["城镇燃气"], "城镇")
    assert "煤气" in gas and "液化气" in gas
    assert search_words.name_parts("工业冶金") == ["工业", "冶金"]
    assert terms["工业冶金"][-1] == "工业" and "冶金" in terms["工业冶金"]
    # Key areas named like their sector (电力, 油气长输管线) add nothing: the title has it.
    assert "电力" not in terms["电力"] and "油气长输管线" not in terms["油气长输管线"]


def test_segmenter_words_are_names_and_keywords(directory: Directory) -> None:
    assert search_words.segmenter_words(directory) == [
        "刘润长",
        "李先勇",
        "陈晓红",
        "邓辉",
        "祝莹",
        "丁力",
        "张晓菡",
        "刘辉",
        "肖新锋",
        "大数据",
        "天然气",
        "液化石油气",
        "电梯",
        "锅炉",
        "压力容器",
        "起重机械",
        "民用爆炸物品",
    ]


def test_compact_index_writes_utf8() -> None:
    material = json.dumps({"docs": [{"title": "城镇\u200b燃气", "text": '<p>a "b"</p>'}]}, separators=(",", ":"))
    assert material == '{"docs":[{"title":"\\u57ce\\u9547\\u200b\\u71c3\\u6c14","text":"<p>a \\"b\\"</p>"}]}'
    assert search_index.compact_index(material) == '{"docs":[{"title":"城镇\u200b燃气","text":"<p>a \\"b\\"</p>"}]}'
    assert json.loads(search_index.compact_index(material)) == json.loads(material)


def test_index_is_utf8_and_smaller(site: Path) -> None:
    raw = (site / "search" / "search_index.json").read_bytes()
    data = json.loads(raw.decode("utf-8"))
    # The file is the compact UTF-8 form of the data; Material's own form (\u escapes) would be larger.
    assert raw.decode("utf-8") == json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    as_material_writes_it = json.dumps(data, separators=(",", ":")).encode("utf-8")
    assert len(raw) < len(as_material_writes_it) * 0.6
    assert "燃气" in raw.decode("utf-8")


def test_sector_page_is_indexed_by_title_answer_and_tags(site: Path, directory: Directory) -> None:
    docs = index(site)
    tags = docs["sectors/cheng-zhen-ran-qi/"]["tags"]
    assert tags[:4] == ["燃气", "天然气", "液化石油气", "天然气管道"]
    assert tags == list(search_words.terms(directory, directory.sectors["城镇燃气"]))
    assert docs["sectors/cheng-zhen-ran-qi/"] == {
        "location": "sectors/cheng-zhen-ran-qi/",
        "title": CUT(["城镇", "燃气"]),
        "text": "<p>"
        + CUT(["", "城镇", "燃气", "的", "安全", "生产", "工作", "由", "邓辉", "（", "区委", "常委", "、", "区"])
        + CUT(["", "人民政府", "党组", "成员", "）", "负责", "；", "邓辉", "不", "在", "时", "，", "由", "AB"])
        + CUT(["", "角", "丁力", "（", "副区长", "）", "代理", "。</p>"]),
        "tags": tags,
    }
    # Its table repeats the answer under labels and is left out.
    assert [loc for loc in docs if loc.startswith("sectors/cheng-zhen-ran-qi/")] == ["sectors/cheng-zhen-ran-qi/"]


def test_jieba_keeps_names_and_keywords_whole(site: Path) -> None:
    docs = index(site)
    # Without the data's words, jieba reads 由AB角丁力代理 as 角丁力, and 丁力 would not find the page.
    assert CUT(["角", "丁力", "（"]) in docs["sectors/cheng-zhen-ran-qi/"]["text"]
    assert docs["sectors/zheng-wu-fu-wu-he-da-shu-ju-guan-li/"]["title"] == CUT(
        ["政务", "服务", "和", "大数据", "管理"]
    )


def test_boilerplate_is_indexed_once(site: Path) -> None:
    docs = index(site)
    # The duties every leader shares are indexed on the mechanisms page (and in the notice), not on nine leader pages.
    duty = CUT(["编制", "安全", "生产", "权责", "清单"])
    assert [loc for loc, doc in docs.items() if duty in doc["text"]] == ["mechanisms/#_5", "notice/#s2"]
    assert [loc for loc in docs if loc.startswith("leaders/changwu-fuquzhang/")] == [
        "leaders/changwu-fuquzhang/",
        "leaders/changwu-fuquzhang/#_2",
        "leaders/changwu-fuquzhang/#_6",
    ]
    assert [docs[loc]["title"] for loc in docs if loc.startswith("leaders/changwu-fuquzhang/#")] == [
        CUT(["负责", "的", "部门", "和", "行业", "领域"]),
        CUT(["任职", "记录"]),
    ]
    # The lookup table lists every sector once more; only the page's title and introduction are indexed.
    assert [loc for loc in docs if loc.startswith("lookup/")] == ["lookup/"]
    assert docs["lookup/"]["title"] == "速查表"
    assert "燃气" not in docs["lookup/"]["text"]
