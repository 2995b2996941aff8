"""The model against the notice (data/notice.md): every leader, title, sector, pair and obligation.

The expectations below are written out by hand from the notice's text, not copied from leaders.yaml.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg import mmseg

from dutydir import load_directory
from dutydir.data.errors import Problem
from dutydir.model import slugs
from dutydir.model.directory import Directory
from dutydir.render.urls import clause_anchor, link

DATA = Path(__file__).resolve().parents[1] / "data" / "leaders.yaml"

# 一（一）、一（二）: post id, post, holder, holder's title as the notice writes it, role, clause.
POSTS = [
    ("quzhang", "区长", "刘润长", "区委副书记、区长", "mayor", "一（一）"),
    ("changwu-fuquzhang", "常务副区长", "李先勇", "区委常委、区人民政府常务副区长", "executive", "一（二）1"),
    ("fuquzhang-kaifaqu", "副区长", "陈晓红", "区委常委、区人民政府副区长", "member", "一（二）2"),
    ("dangzu-chengjian", "区人民政府党组成员", "邓辉", "区委常委、区人民政府党组成员", "member", "一（二）3"),
    ("fuquzhang-ziranziyuan", "副区长", "祝莹", "副区长", "member", "一（二）4"),
    ("fuquzhang-jiaotong", "副区长", "丁力", "副区长", "member", "一（二）5"),
    ("fuquzhang-jiaoyu", "副区长", "张晓菡", "副区长", "member", "一（二）6"),
    ("fuquzhang-gongan", "副区长", "刘辉", "副区长", "member", "一（二）7"),
    ("fuquzhang-nongye", "副区长", "肖新锋", "副区长", "member", "一（二）8"),
]
POST_IDS = [p[0] for p in POSTS]

# 一（二）1–8: each post's top-level sectors in the notice's order.
TOP_SECTORS = {
    "quzhang": (),
    "changwu-fuquzhang": (
        "发展改革",
        "工业及信息化",
        "科技",
        "财政",
        "安全生产和应急管理",
        "地震",
        "税务",
        "统计",
        "政务服务和大数据管理",
        "机关事务管理",
        "审计",
    ),
    "fuquzhang-kaifaqu": ("阳逻经济开发区", "电力"),
    "dangzu-chengjian": ("城建", "小城镇建设", "城管", "城镇燃气", "房管", "人民防空"),
    "fuquzhang-ziranziyuan": ("自然资源和规划", "市场监管", "招商引资", "民营经济", "商贸流通", "成品油"),
    "fuquzhang-jiaotong": ("交通运输", "国资", "金融"),
    "fuquzhang-jiaoyu": ("教育", "卫生健康", "体育", "医疗保障", "文化旅游", "广电"),
    "fuquzhang-gongan": (
        "公安",
        "司法",
        "公安交通管理",
        "民爆物品和烟花爆竹",
        "消防救援",
        "维稳",
        "信访",
        "社会治理",
        "网络安全",
    ),
    "fuquzhang-nongye": (
        "农业农村",
        "乡村振兴",
        "民政",
        "人社",
        "退役军人事务",
        "生态环境",
        "城市园林绿化",
        "水务",
        "供销",
        "气象",
    ),
}

# The scopes written in brackets after a sector, e.g. 发展改革（粮食、能源、油气长输管线）.
CHILDREN = {
    "发展改革": ("粮食", "能源", "油气长输管线"),
    "工业及信息化": ("军工", "工业冶金"),
    "安全生产和应急管理": ("石化工业",),
    "自然资源和规划": ("地质",),
    "市场监管": ("集贸市场", "特种设备", "食品药品"),
    "交通运输": ("综合交通",),
    "农业农村": ("农村水利", "农业机械", "渔业船舶"),
    "民政": ("社会福利机构",),
    "生态环境": ("危险废物",),
    "城市园林绿化": ("林业",),
    "水务": ("防汛抗旱",),
}

# 四（二）, in the notice's order.
KEY_AREAS = [
    "燃气",
    "交通",
    "危险化学品",
    "建设施工",
    "老旧小区改造",
    "消防",
    "民爆物品和烟花爆竹",
    "电力",
    "油气长输管线",
    "桥梁",
    "商场",
    "市场",
    "医院",
    "学校",
    "节会",
    "娱乐",
]

ANCHOR_LINE = re.compile(r"^\{\s*#([\w-]+)\s*\}$")
HEADING = re.compile(r"^#+\s+(.*?)\s*\{\s*#([\w-]+)\s*\}$")


def notice_blocks(text: str) -> dict[str, str]:
    """The notice's anchored blocks by anchor id: a paragraph followed by `{ #id }`, or a heading `## … {#id}`."""
    out: dict[str, str] = {}
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        if not lines:
            continue
        heading = HEADING.match(lines[0])
        if heading:
            out[heading.group(2)] = heading.group(1)
            continue
        last = ANCHOR_LINE.match(lines[-1].strip())
        if last:
            out[last.group(1)] = "\n".join(lines[:-1])
    return out


def flatten(top_by_post: dict[str, tuple[str, ...]]) -> list[str]:
    """Every sector in the notice's order: each top-level one followed by its scopes."""
    out: list[str] = []
    for pid in POST_IDS:
        for name in top_by_post[pid]:
            out.append(name)
            out.extend(CHILDREN.get(name, ()))
    return out


# Leaders and titles


def test_loads_without_warnings(loaded: tuple[Directory, list[Problem]]) -> None:
    assert loaded[1] == []


def test_posts_holders_and_titles(directory: Directory) -> None:
    got = []
    for post in directory.posts:
        holder = directory.holder(post)
        assert holder is not None, post.id
        got.append((post.id, post.name, holder.person, holder.title, post.role, post.clause))
    assert got == POSTS


def test_post_order_and_lookup(directory: Directory) -> None:
    assert [p.order for p in directory.posts] == list(range(9))
    assert [directory.post(pid).id for pid in POST_IDS] == POST_IDS
    with pytest.raises(KeyError):
        directory.post("no-such-post")


def test_every_post_has_one_holder_since_the_notice(directory: Directory) -> None:
    for post in directory.posts:
        assert [(h.start, h.end) for h in post.holders] == [(dt.date(2022, 3, 9), None)], post.id


def test_overall_responsibility(directory: Directory) -> None:
    overall = {p.id: p.overall for p in directory.posts}
    assert overall == {
        "quzhang": "对全区安全生产工作负总责",
        "changwu-fuquzhang": "分管全区安全生产工作，协助区长统筹推进全区安全生产工作，负责领导区安全生产委员会日常工作",
        "fuquzhang-kaifaqu": None,
        "dangzu-chengjian": None,
        "fuquzhang-ziranziyuan": None,
        "fuquzhang-jiaotong": None,
        "fuquzhang-jiaoyu": None,
        "fuquzhang-gongan": None,
        "fuquzhang-nongye": None,
    }


# Sectors


def test_top_level_sectors_per_post(directory: Directory) -> None:
    assert {p.id: p.sectors for p in directory.posts} == TOP_SECTORS


def test_children_of_each_parent(directory: Directory) -> None:
    parents = {name: s.children for name, s in directory.sectors.items() if s.children}
    assert parents == CHILDREN
    for parent, children in CHILDREN.items():
        for child in children:
            sector = directory.sectors[child]
            assert sector.parent == parent
            assert sector.children == ()
            assert sector.post_id == directory.sectors[parent].post_id, child


def test_top_level_sectors_have_no_parent_and_belong_to_their_post(directory: Directory) -> None:
    for pid, names in TOP_SECTORS.items():
        for name in names:
            assert (directory.sectors[name].parent, directory.sectors[name].post_id) == (None, pid), name


def test_all_sectors_in_notice_order(directory: Directory) -> None:
    expected = flatten(TOP_SECTORS)
    assert len(expected) == 71
    assert len(directory.sectors) == 71
    assert list(directory.sectors) == expected
    assert [s.name for s in directory.sectors.values()] == expected


def test_sectors_of_post(directory: Directory) -> None:
    for post in directory.posts:
        expected = [x for name in TOP_SECTORS[post.id] for x in (name, *CHILDREN.get(name, ()))]
        assert [s.name for s in directory.sectors_of(post)] == expected, post.id


def test_responsible_post(directory: Directory) -> None:
    assert directory.responsible(directory.sectors["城镇燃气"]).id == "dangzu-chengjian"
    assert directory.responsible(directory.sectors["油气长输管线"]).id == "changwu-fuquzhang"
    assert directory.responsible(directory.sectors["防汛抗旱"]).id == "fuquzhang-nongye"


def test_each_sector_named_in_its_posts_paragraph(directory: Directory) -> None:
    blocks = notice_blocks(directory.notice.text)
    for sector in directory.sectors.values():
        paragraph = blocks[clause_anchor(directory.responsible(sector).clause)]
        assert sector.name in paragraph, (sector.name, paragraph)


def test_kinds(directory: Directory) -> None:
    kinds = {name: s.kind for name, s in directory.sectors.items() if s.kind != "负责"}
    assert kinds == {"审计": "协助区长负责", "阳逻经济开发区": "全面负责"}
    assert sum(1 for s in directory.sectors.values() if s.kind == "负责") == 69


def test_slugs(directory: Directory) -> None:
    slugs = {s.name: s.slug for s in directory.sectors.values()}
    # 税务 and 水务 share toneless pinyin; 长 in 油气长输管线 is cháng (long-distance).
    assert slugs["税务"] == "shui4-wu4"
    assert slugs["水务"] == "shui3-wu4"
    assert slugs["油气长输管线"] == "you-qi-chang-shu-guan-xian"
    assert slugs["城镇燃气"] == "cheng-zhen-ran-qi"
    assert slugs["发展改革"] == "fa-zhan-gai-ge"
    assert len(set(slugs.values())) == 71
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs.values()), slugs


# AB pairs and commissioners


def test_ab_pairs(directory: Directory) -> None:
    def names(pid: str) -> str:
        holder = directory.holder(directory.post(pid))
        assert holder is not None
        return holder.person

    assert [tuple(names(pid) for pid in pair.posts) for pair in directory.current_pairs()] == [
        ("李先勇", "刘辉"),
        ("陈晓红", "祝莹"),
        ("邓辉", "丁力"),
        ("张晓菡", "肖新锋"),
    ]
    pairs = set()
    for post in directory.posts:
        partner = directory.partner(post)
        if partner is not None:
            pairs.add(frozenset({names(post.id), names(partner.id)}))
            assert directory.partner(partner) == post
    assert pairs == {
        frozenset({"李先勇", "刘辉"}),
        frozenset({"陈晓红", "祝莹"}),
        frozenset({"邓辉", "丁力"}),
        frozenset({"张晓菡", "肖新锋"}),
    }


def test_mayor_has_no_partner(directory: Directory) -> None:
    assert directory.partner(directory.post("quzhang")) is None


def test_commissioners(directory: Directory) -> None:
    assert list(directory.commissioners) == POST_IDS
    for post in directory.posts:
        commissioner = directory.commissioner(post)
        assert commissioner is not None
        assert (commissioner.assists, commissioner.holders) == (post.id, ())
        assert directory.commissioner_holder(post) is None
    assert directory.commissioner_clause == "一（三）"
    assert directory.commissioner_role == "区人民政府办公室主任、副主任及对口服务区政府领导的处级干部"


# Duties and obligations


def test_duties_match_the_notice(directory: Directory) -> None:
    blocks = notice_blocks(directory.notice.text)
    assert [(d.applies_to, d.clause, len(d.items)) for d in directory.duties] == [
        ("mayor", "二（一）", 4),
        ("members", "二（二）", 8),
        ("commissioners", "二（三）", 1),
    ]
    mayor, members, commissioners = directory.duties
    # 二（一） runs its first two duties together with a comma: "…区委工作要求，加强对安全生产工作的领导…".
    first, *rest = mayor.items
    assert blocks["s2-1"] == "（一）区长负责" + first + "，" + "；".join(rest) + "。"
    assert blocks["s2-2"] == "（二）区人民政府各位党组成员（副区长）负责" + "；".join(members.items) + "。"
    assert blocks["s2-3"] == "（三）各位区安全生产协调专员要" + commissioners.items[0] + "。"


def test_duties_for(directory: Directory) -> None:
    clauses = {pid: [d.clause for d in directory.duties_for(directory.post(pid))] for pid in POST_IDS}
    assert clauses == {pid: ["二（一）"] if pid == "quzhang" else ["二（二）"] for pid in POST_IDS}


def test_obligations(directory: Directory) -> None:
    got = [(o.who, o.clause, o.every, o.times, o.frequency) for o in directory.obligations]
    assert got == [
        ("mayor_or_executive", "三（一）", "quarter", 1, "每季度至少1次"),
        ("members", "三（一）", "two_months", 1, "每两个月至少1次"),
        ("members", "三（一）", "year", 1, "每年至少1次"),
        ("commissioners", "三（二）", "month", 1, "每月至少1次"),
        ("office_director", "三（二）", "two_months", 1, "每两个月至少1次"),
        ("department_heads", "三（三）", "month", 1, "每月至少1次"),
    ]
    assert directory.obligations_note == "上述季度、双月或者单月调度可根据情况适时调整，及时开展。"


def test_obligations_for(directory: Directory) -> None:
    def of(pid: str) -> list[tuple[str, str]]:
        return [(o.who, o.every) for o in directory.obligations_for(directory.post(pid))]

    # The mayor only chairs the quarterly meeting; 述职 and the two-monthly meetings bind 党组成员（副区长）.
    assert of("quzhang") == [("mayor_or_executive", "quarter")]
    assert of("changwu-fuquzhang") == [
        ("mayor_or_executive", "quarter"),
        ("members", "two_months"),
        ("members", "year"),
    ]
    for pid in POST_IDS[2:]:
        assert of(pid) == [("members", "two_months"), ("members", "year")], pid


def test_bodies(directory: Directory) -> None:
    office, heads = directory.safety_office, directory.department_heads
    assert office is not None and heads is not None
    assert (office.name, office.short_name, office.host, office.clause) == (
        "区安全生产委员会办公室",
        "区安委办",
        "区应急管理局",
        "一（四）",
    )
    assert (heads.name, heads.clause) == ("区各部门（单位）主要负责人", "一（五）")


def test_body_duties_are_the_notice_text(directory: Directory) -> None:
    blocks = notice_blocks(directory.notice.text)
    office, heads = directory.safety_office, directory.department_heads
    assert office is not None and heads is not None
    assert "（四）区安全生产委员会办公室（区应急管理局）" + office.duty + "。" == blocks["s1-4"]
    assert "（五）" + heads.duty + "。" == blocks["s1-5"]


# Key areas


def test_key_areas(directory: Directory) -> None:
    assert [a.name for a in directory.key_areas] == KEY_AREAS
    assert directory.key_areas_clause == "四（二）"
    blocks = notice_blocks(directory.notice.text)
    first = blocks["s4-2"].split("。")[0]
    assert first == (
        "（二）持续做好"
        + "、".join(KEY_AREAS[:10])
        + "领域，以及"
        + "、".join(KEY_AREAS[10:])
        + "等人员聚集场所公共安全领域安全防范工作"
    )
    groups = [a.group for a in directory.key_areas]
    assert groups[10:] == ["人员聚集场所公共安全领域"] * 6
    assert len(set(groups[:10])) == 1 and groups[0] != groups[10]


def test_key_areas_map_to_existing_sectors(directory: Directory) -> None:
    for area in directory.key_areas:
        assert area.sectors, area.name
        assert all(name in directory.sectors for name in area.sectors), area
        assert area.basis in ("stated", "inferred"), area
        if area.basis == "inferred":
            assert area.note, area.name


def test_stated_key_areas(directory: Directory) -> None:
    stated = [(a.name, a.sectors) for a in directory.key_areas if a.basis == "stated"]
    assert stated == [
        ("民爆物品和烟花爆竹", ("民爆物品和烟花爆竹",)),
        ("电力", ("电力",)),
        ("油气长输管线", ("油气长输管线",)),
    ]


def test_traffic_spans_two_posts(directory: Directory) -> None:
    traffic = next(a for a in directory.key_areas if a.name == "交通")
    posts = {directory.responsible(directory.sectors[name]).id for name in traffic.sectors}
    assert posts == {"fuquzhang-jiaotong", "fuquzhang-gongan"}


def test_key_areas_of_sector(directory: Directory) -> None:
    assert [a.name for a in directory.key_areas_of(directory.sectors["城镇燃气"])] == ["燃气"]
    assert [a.name for a in directory.key_areas_of(directory.sectors["文化旅游"])] == ["节会", "娱乐"]
    assert [a.name for a in directory.key_areas_of(directory.sectors["交通运输"])] == ["交通", "桥梁"]
    assert directory.key_areas_of(directory.sectors["科技"]) == []


# The notice


def test_notice_metadata(directory: Directory) -> None:
    n = directory.notice
    assert n.title == "区人民政府办公室关于进一步加强区政府领导安全生产责任的通知"
    assert n.number == "新政办〔2022〕4号"
    assert n.issuer == "武汉市新洲区人民政府办公室"
    assert n.date == dt.date(2022, 3, 9)
    assert n.addressees == "各镇人民政府，各街道办事处，区人民政府各部门、各直属单位"
    assert [(b.title, b.number) for b in n.basis] == [
        ("省人民政府办公厅关于进一步加强省政府领导安全生产责任的通知", "鄂政办发〔2021〕32号"),
        ("市人民政府办公厅关于进一步加强市政府领导安全生产责任的通知", "武政办〔2022〕13号"),
    ]
    assert n.text.splitlines()[:3] == [f"# {n.title}", "", n.number]
    assert (directory.unit.id, directory.unit.name, directory.unit.short_name) == (
        "xinzhou",
        "武汉市新洲区人民政府",
        "新洲区",
    )


@pytest.mark.parametrize(
    ("clause", "anchor"),
    [("一（二）5", "s1-2-5"), ("一（一）", "s1-1"), ("三（三）", "s3-3"), ("四", "s4"), ("第一条", ""), ("", "")],
)
def test_clause_anchor(clause: str, anchor: str) -> None:
    assert clause_anchor(clause) == anchor


@pytest.mark.parametrize(
    ("here", "there", "anchor", "target"),
    [
        ("index.md", "sectors/index.md", "", "sectors/index.md"),
        ("sectors/cheng-jian.md", "leaders/fu-a.md", "", "../leaders/fu-a.md"),
        ("sectors/index.md", "sectors/cheng-jian.md", "", "cheng-jian.md"),
        ("leaders/fu-a.md", "notice.md", "s1-2-5", "../notice.md#s1-2-5"),
        ("leaders/index.md", "index.md", "", "../index.md"),
    ],
)
def test_link(here: str, there: str, anchor: str, target: str) -> None:
    # Asked twice: the second answer comes from link's memory of relative paths, and is the same.
    assert link(here, there, anchor) == link(here, there, anchor) == target


def test_cited_clauses_have_anchors_in_the_notice(directory: Directory) -> None:
    d = directory
    anchors = set(re.findall(r"\{\s*#([\w-]+)\s*\}", d.notice.text))
    assert len(anchors) == 27
    blocks = notice_blocks(d.notice.text)
    assert set(blocks) == anchors
    clauses = {p.clause for p in d.posts} | {x.clause for x in d.duties} | {o.clause for o in d.obligations}
    clauses |= {d.key_areas_clause, d.commissioner_clause}
    clauses |= {b.clause for b in (d.safety_office, d.department_heads) if b is not None}
    assert len(clauses) == 19
    for clause in sorted(clauses):
        anchor = clause_anchor(clause)
        assert anchor in anchors, clause
        # The anchored block is the clause itself: 一（二）3 is the paragraph numbered "3.", 二（一） the one marked （一）.
        m = re.fullmatch(r"([一二三四])(?:（([一二三四五])）)?(\d*)", clause)
        assert m, clause
        start = f"{m.group(3)}\\." if m.group(3) else f"（{m.group(2)}）"
        assert blocks[anchor].startswith(start), (clause, blocks[anchor][:20])


# as_of


def test_before_the_notice_every_post_is_vacant(directory: Directory) -> None:
    before = dataclasses.replace(directory, as_of=dt.date(2022, 3, 8))
    assert [before.holder(p) for p in before.posts] == [None] * 9
    assert [before.partner(p) for p in before.posts] == [None] * 9
    assert before.current_pairs() == []
    on_the_day = dataclasses.replace(directory, as_of=dt.date(2022, 3, 9))
    assert [h.person for p in on_the_day.posts if (h := on_the_day.holder(p))] == [p[2] for p in POSTS]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the data folder to change."""
    shutil.copy2(DATA.parent / "notice.md", tmp_path / "notice.md")
    shutil.copy2(DATA, tmp_path / "leaders.yaml")
    return tmp_path / "leaders.yaml"


DENG_HUI = """      - person: 邓辉
        title: 区委常委、区人民政府党组成员
        from: 2022-03-09
"""


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_holder_not_yet_in_post_is_vacant(data_copy: Path) -> None:
    replace_once(data_copy, DENG_HUI, DENG_HUI.replace("2022-03-09", "2026-02-01"))
    d, warnings = load_directory(data_copy, as_of=dt.date(2026, 1, 1))
    post = d.post("dangzu-chengjian")
    assert d.holder(post) is None
    assert [p.id for p in d.posts if d.holder(p) is None] == ["dangzu-chengjian"]
    assert [(w.entity, w.message, w.warning) for w in warnings] == [
        (
            "dangzu-chengjian",
            "区人民政府党组成员在 2026-01-01 空缺，由AB角副区长（交通运输、国资、金融）丁力代理",
            True,
        )
    ]
    later, warnings = load_directory(data_copy, as_of=dt.date(2026, 2, 1))
    holder = later.holder(later.post("dangzu-chengjian"))
    assert holder is not None and holder.person == "邓辉"
    assert warnings == []


def test_successor_takes_over_on_the_day(data_copy: Path) -> None:
    successor = (
        DENG_HUI.replace("        from: 2022-03-09\n", "        from: 2022-03-09\n        to: 2025-12-31\n")
        + "      - person: 王新\n        title: 区人民政府党组成员\n        from: 2026-01-01\n"
    )
    replace_once(data_copy, DENG_HUI, successor)
    for day, person in [(dt.date(2025, 12, 31), "邓辉"), (dt.date(2026, 1, 1), "王新")]:
        d, warnings = load_directory(data_copy, as_of=day)
        post = d.post("dangzu-chengjian")
        holder = d.holder(post)
        assert holder is not None and holder.person == person, day
        assert warnings == []
        # Duties, sectors and pairing stay with the post.
        assert post.sectors == TOP_SECTORS["dangzu-chengjian"]
        partner = d.partner(post)
        assert partner is not None and partner.id == "fuquzhang-jiaotong"


def test_importing_slugs_leaves_the_garbage_collector_on_and_pypinyin_tables_frozen() -> None:
    code = "import gc, dutydir.model.slugs; print(gc.isenabled(), gc.get_freeze_count() > 100_000)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True"]


def test_phrases_known_to_the_segmenter_as_after_a_full_retrain() -> None:
    # slugs.py teaches pypinyin's segmenter only its own phrases; a full retrain would give the same.
    assert all(PHRASES_DICT[word] == value for word, value in slugs.PHRASES.items())
    retrained = mmseg.PrefixSet()
    retrained.train(iter(PHRASES_DICT.keys()))
    assert retrained._set == mmseg.seg._prefix_set._set
    assert slugs.slugify("油气长输管线") == "you-qi-chang-shu-guan-xian"
