"""Any day from one load: dated changes, stand-ins and vacancies, as the model answers them and the pages say them.

The scenarios are the issue's: 王五 succeeds 丁力 from 2026-12-01 (published before that day), 城镇燃气 moves on the
same day, 邓辉 stands in for 丁力, and 张晓菡's post falls vacant so that 肖新锋 covers it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from dutydir import load_directory
from dutydir.model import coming, history
from dutydir.model.directory import Directory
from dutydir.render import dot, pages, search_words
from dutydir.render.links import Links
from dutydir.render.tables import sector_row
from dutydir.tools import edit, versions
from tests.test_golden import check_golden, fake_chart

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "leaders.yaml"
BEFORE, SWITCH, AFTER = dt.date(2026, 11, 29), dt.date(2026, 12, 1), dt.date(2026, 12, 2)

Edit = Callable[[str, Directory], edit.Change]


def changed(tmp_path: Path, *edits: Edit, day: dt.date = BEFORE) -> Directory:
    """The real data with the edits applied in turn, loaded once as of ``day``."""
    text = DATA.read_text(encoding="utf-8")
    path = tmp_path / "leaders.yaml"
    (tmp_path / "notice.md").write_text((ROOT / "data" / "notice.md").read_text(encoding="utf-8"), encoding="utf-8")
    for make in edits:
        path.write_text(text, encoding="utf-8")
        text = make(text, load_directory(path, day)[0]).text
    path.write_text(text, encoding="utf-8")
    d = load_directory(path, day)[0]
    search_words.teach_jieba([d])
    return d


def appoint_wangwu(text: str, d: Directory) -> edit.Change:
    """王五 succeeds 丁力 as 副区长（交通运输…） from 2026-12-01."""
    return edit.appoint(text, d, "fuquzhang-jiaotong", "王五", SWITCH, None)


def move_gas(text: str, d: Directory) -> edit.Change:
    """城镇燃气 moves from 邓辉's post to 丁力's post from 2026-12-01."""
    return edit.reassign(text, d, "城镇燃气", "fuquzhang-jiaotong", SWITCH)


def dinglin_away(text: str, d: Directory) -> edit.Change:
    """邓辉 stands in for 丁力 from 2026-11-20 to 2026-11-30."""
    return edit.acting(
        text,
        d,
        "fuquzhang-jiaotong",
        "dangzu-chengjian",
        (dt.date(2026, 11, 20), SWITCH - dt.timedelta(1)),
        "外出学习",
        False,
    )


def vacate_jiaoyu(text: str, d: Directory) -> edit.Change:
    """张晓菡's post is vacant from 2026-11-01."""
    return edit.vacate(text, d, "fuquzhang-jiaoyu", dt.date(2026, 11, 1))


def test_one_load_answers_two_days(tmp_path: Path) -> None:
    """The same Directory, asked about the day before and the day of the change, gives each day's answer."""
    d = changed(tmp_path, appoint_wangwu, move_gas)
    gas, post, old = d.sectors["城镇燃气"], d.post("fuquzhang-jiaotong"), d.post("dangzu-chengjian")
    assert [d.responsible(gas, day).id for day in (BEFORE, SWITCH)] == ["dangzu-chengjian", "fuquzhang-jiaotong"]
    assert [h.person for h in (d.holder(post, BEFORE), d.holder(post, SWITCH))] == ["丁力", "王五"]  # type: ignore[union-attr]
    assert "城镇燃气" in [s.name for s in d.sectors_of(old, BEFORE)]
    assert "城镇燃气" not in [s.name for s in d.sectors_of(old, SWITCH)]
    # A sector taken over keeps its place in the notice's order of sectors (城镇燃气 comes before 交通运输 there).
    assert [s.name for s in d.sectors_of(post, SWITCH)] == ["城镇燃气", "交通运输", "综合交通", "国资", "金融"]
    later = d.on(SWITCH)
    assert (later.sectors["城镇燃气"].post_id, later.sectors["城镇燃气"].since, later.as_of) == (
        "fuquzhang-jiaotong",
        SWITCH,
        SWITCH,
    )
    assert later.post("fuquzhang-jiaotong").sectors == ("城镇燃气", "交通运输", "国资", "金融")
    # The view of the later day is what loading as of that day gives: pages from one load match pages from two.
    assert pages.lookup(later) == pages.lookup(load_directory(tmp_path / "leaders.yaml", SWITCH)[0])
    assert d.sectors["城镇燃气"].post_id == "dangzu-chengjian"
    assert coming.next_change(d) == SWITCH
    assert coming.next_change(later) is None


def test_future_successor_is_announced_not_shown_as_current(tmp_path: Path) -> None:
    """丁力's page before the day: 现任 丁力, what comes on 12-01, and 王五's term 将于…起任职, never 至今."""
    d = changed(tmp_path, appoint_wangwu, move_gas)
    page = pages.leader(d, d.post("fuquzhang-jiaotong"), fake_chart, True)
    check_golden("days/leader-fuquzhang-jiaotong-before.md", page)
    assert coming.for_post(d, d.post("fuquzhang-jiaotong")) == [
        (SWITCH, "自2026年12月1日起由王五接任"),
        (SWITCH, "自2026年12月1日起城镇燃气改由本职务负责"),
    ]
    assert coming.for_sector(d, d.sectors["城镇燃气"]) == [(SWITCH, "自2026年12月1日起改由王五（副区长）负责")]
    assert coming.for_sector(d, d.sectors["交通运输"]) == [(SWITCH, "副区长：自2026年12月1日起由王五接任")]
    check_golden("days/sector-cheng-zhen-ran-qi-before.md", pages.sector_page(d, d.sectors["城镇燃气"]))
    after = pages.leader(d.on(AFTER), d.on(AFTER).post("fuquzhang-jiaotong"), fake_chart, True)
    check_golden("days/leader-fuquzhang-jiaotong-after.md", after)


def test_stand_in_shown_where_readers_look(tmp_path: Path) -> None:
    """During 丁力's absence: the lookup row, the leader index, 邓辉's own page (正在代理) and the sector page."""
    d = changed(tmp_path, dinglin_away)
    links = Links(d, "lookup.md")
    row = sector_row(d, d.sectors["交通运输"], links)
    assert row[2] == "[丁力](leaders/fuquzhang-jiaotong.md)（副区长）（2026-11-20 至 2026-11-30 由邓辉代理）"
    index = pages.leader_index(d)
    assert (
        "| 6 | [丁力](fuquzhang-jiaotong.md)（2026-11-20 至 2026-11-30 由邓辉代理） | 副区长 | [邓辉](dangzu-chengjian.md) |"
        in index
    )
    assert "| 4 | [邓辉](dangzu-chengjian.md)（正在代理[丁力](fuquzhang-jiaotong.md)（副区长）的工作） |" in index
    check_golden(
        "days/leader-dangzu-chengjian-acting.md", pages.leader(d, d.post("dangzu-chengjian"), fake_chart, True)
    )
    sector = pages.sector_page(d, d.sectors["交通运输"]).splitlines()
    assert (
        sector[sector.index('!!! info "临时代理"') + 2]
        == "    2026-11-20 至 2026-11-30，由邓辉代理丁力的工作（外出学习）。"
    )
    # Before the period the same load announces it; after it, nobody stands in.
    earlier = d.on(dt.date(2026, 11, 1))
    assert coming.for_post(earlier, earlier.post("fuquzhang-jiaotong")) == [
        (dt.date(2026, 11, 20), "2026年11月20日至2026年11月30日由邓辉代理（外出学习）")
    ]
    assert coming.next_change(earlier) == dt.date(2026, 11, 20)
    assert d.on(SWITCH).standing_in("邓辉") == []


def test_vacancy_covered_by_partner(tmp_path: Path) -> None:
    """With 张晓菡's post vacant, 肖新锋's page lists what he now covers, and the lookup says he covers it."""
    d = changed(tmp_path, vacate_jiaoyu)
    page = pages.leader(d, d.post("fuquzhang-nongye"), fake_chart, True)
    check_golden("days/leader-fuquzhang-nongye-vacancy.md", page)
    check_golden("days/leader-fuquzhang-nongye-vacancy.dot", dot.leader(d, d.post("fuquzhang-nongye")))
    assert "本领导不在时由其代理" not in page.split("| AB角 |")[1].split("\n")[0]
    row = sector_row(d, d.sectors["教育"], Links(d, "lookup.md"))
    assert row[3] == "[肖新锋](leaders/fuquzhang-nongye.md)（副区长），职务空缺期间由其代理"


def test_change_log_marks_assumed_dates(directory: Directory) -> None:
    """The placeholder day of the notice's terms is not stated as a fact."""
    texts = [e.text for e in history.history(directory) if e.day == dt.date(2022, 3, 9)]
    assert texts[0] == "刘润长任区长（任职日期通知未载明，此日期为假定）。"
    assert all("假定" in t for t in texts if "任" in t and "AB角" not in t)


@pytest.mark.parametrize("day", [BEFORE, SWITCH])
def test_every_page_names_its_day(tmp_path: Path, day: dt.date) -> None:
    """Every generated page but the notice's text says which day it describes."""
    d = changed(tmp_path, appoint_wangwu).on(day)
    for path, text in pages.all_pages(d, fake_chart).items():
        if path != "notice.md":
            assert f"按 {day.isoformat()} 的任职情况" in text, path


def test_two_days_compared_from_one_load(tmp_path: Path) -> None:
    """What changes between two days, from one load: the history between them, and the announcement diff."""
    d = changed(tmp_path, appoint_wangwu, move_gas)
    assert [e.text for e in history.between(d, BEFORE, AFTER)] == [
        "王五接替丁力任副区长，相关安全生产工作职责由其承担。",
        "城镇燃气的安全生产工作改由王五（副区长）负责（原由邓辉（区人民政府党组成员）负责）。",
    ]
    assert history.between(d, SWITCH, AFTER) == []
    # A diff of two versions needs each file loaded once: the day is chosen on the model, not by reloading.
    old = load_directory(DATA, BEFORE)[0]
    one_load = versions.compare(old.on(AFTER), d.on(AFTER))
    assert one_load == versions.compare(
        load_directory(DATA, AFTER)[0], load_directory(tmp_path / "leaders.yaml", AFTER)[0]
    )
    assert one_load == versions.diff(DATA, tmp_path / "leaders.yaml")
