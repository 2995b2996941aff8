"""The model against the notice (data/notice.md): every leader, title, sector, pair and commissioner, and as_of.

The expectations are written out by hand from the notice's text (tests/notice_facts.py), not copied from leaders.yaml;
the notice's other sections are checked in test_notice_sections.py.
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
from dutydir.render.urls import clause_anchor
from tests.notice_facts import CHILDREN, POST_IDS, POSTS, TOP_SECTORS, notice_blocks

DATA = Path(__file__).resolve().parents[1] / "data" / "leaders.yaml"


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
