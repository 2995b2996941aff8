"""协助, 联系, notes, partial dates, AB fallbacks and exceptions: the checker's messages and the pages' answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dutydir import load_directory
from dutydir.model import dates
from dutydir.model.cover import cover
from dutydir.render import pages, search_words
from tests.test_check import MINIMAL, run_check

ROOT = Path(__file__).resolve().parents[1]
CITY = ROOT / "tests" / "data" / "city" / "leaders.yaml"
PAIR_END = "    from: 2024-01-02\n\ncommissioners"
MAYOR_START = "        title: 镇长\n        from: 2024-01-02"
B_SECTORS = "      - name: 交通运输\n        kind: 全面负责\n"

CASES = {
    "assists-self": (
        "      - 城镇燃气\n",
        "      - name: 城镇燃气\n        assists: fu-a\n",
        ["leaders.yaml:29:18: 城镇燃气: 协助（assists）要写牵头的另一个职务，不能是本职务"],
    ),
    "assists-unknown": (
        "      - 城镇燃气\n",
        "      - name: 城镇燃气\n        assists: fu-c\n",
        ["leaders.yaml:29:18: 城镇燃气: 协助（assists）所写的牵头职务“fu-c”不是本单位的职务（是否指“fu-b”？）"],
    ),
    "liaises-own-sector-and-twice": (
        B_SECTORS,
        B_SECTORS + "    liaises: [教育, 县消防救援大队, 县消防救援大队]\n",
        [
            "leaders.yaml:40:15: fu-b: “教育”已是本职务负责的领域，不能同时列为联系（liaises）",
            "leaders.yaml:40:28: fu-b: 联系单位“县消防救援大队”写了两次",
        ],
    ),
    "fallback-is-a-partner": (
        PAIR_END,
        "    from: 2024-01-02\n    fallback: fu-a\n\ncommissioners",
        ["leaders.yaml:48:15: 李二: C角“fu-a”是这一对AB角中的一方；C角应是另一位领导"],
    ),
    "fallback-unknown": (
        PAIR_END,
        "    from: 2024-01-02\n    fallback: zhenzang\n\ncommissioners",
        ["leaders.yaml:48:15: 李二: C角（fallback）“zhenzang”不是本单位的职务（是否指“zhenzhang”？）"],
    ),
    "exception-unknown-sector": (
        PAIR_END,
        "    from: 2024-01-02\n    except: [公安]\n\ncommissioners",
        ["leaders.yaml:48:14: 公安: AB角例外所写的领域“公安”不在本单位的分管领域中"],
    ),
    "exception-covered-by-a-partner": (
        PAIR_END,
        "    from: 2024-01-02\n    except:\n      - sector: 教育\n        by: fu-a\n\ncommissioners",
        ["leaders.yaml:50:13: 教育: 例外领域改由AB角以外的领导代理；by 不能是这一对中的一方"],
    ),
    "month-13": (
        MAYOR_START,
        "        title: 镇长\n        from: 2024-13",
        [
            "leaders.yaml:21:15: 王一: 日期“2024-13”无法识别；请写成 2026-12-01、2026-12-1、2026/12/1 或 2026年12月1日，或只写年月 2007-07、年份 2007，不知道时写 不详"
        ],
    ),
    "unknown-end-day": (
        MAYOR_START,
        MAYOR_START + "\n        to: 不详",
        [
            "leaders.yaml:22:13: 王一: 日期“不详”无法识别；请写成 2026-12-01、2026-12-1、2026/12/1 或 2026年12月1日，或只写年月 2007-07、年份 2007"
        ],
    ),
    "left-without-end": (
        MAYOR_START,
        MAYOR_START + "\n        left_for: 调任县政府",
        ["leaders.yaml:22:19: 王一: 写了离任去向（left_for），也要写离任日期（to）"],
    ),
    "words-typo-lists-allowed": (
        "  short_name: 测试镇\n",
        "  short_name: 测试镇\n  level: 镇\n  words:\n    haed: 乡长\n",
        [
            "leaders.yaml:8:5: unit: 用语中没有字段“haed”（是否指“head”？）；"
            "可用的字段：government、head、deputy、members、scope、commissioner、office_director、departments、title"
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_relation(tmp_path: Path, name: str) -> None:
    old, new, expected = CASES[name]
    assert MINIMAL.count(old) == 1
    summary = f"leaders.yaml：{len(expected)}处错误"
    assert run_check(tmp_path, MINIMAL.replace(old, new)) == (1, "", "\n".join([*expected, summary]) + "\n")


def test_both_partners_away_is_a_warning(tmp_path: Path) -> None:
    away = MINIMAL.replace(
        "        title: 常务副镇长\n        from: 2024-01-02\n",
        "        title: 常务副镇长\n        from: 2024-01-02\n    acting:\n      - {by: 王一, from: 2024-12-30, to: 2025-01-03}\n",
    ).replace(
        "        title: 副镇长\n        from: 2024-01-02\n",
        "        title: 副镇长\n        from: 2024-01-02\n    acting:\n      - {by: 王一, from: 2025-01-02, to: 2025-01-09}\n",
    )
    assert run_check(tmp_path, away) == (
        0,
        "leaders.yaml：检查通过（1条提醒）\n",
        "leaders.yaml:47:24: 警告：fu-b: AB角双方（副镇长（应急管理、城镇燃气）李二、副镇长（教育、交通运输）张三）在 2025-01-02 至 2025-01-03 同时有人代理，即同时不在岗\n",
    )


def test_partial_and_unknown_dates_are_shown_as_given(tmp_path: Path) -> None:
    text = MINIMAL.replace(MAYOR_START, "        title: 镇长\n        from: 2007-07").replace(
        "        title: 副镇长\n        from: 2024-01-02", "        title: 副镇长\n        from: 不详"
    )
    (tmp_path / "leaders.yaml").write_text(text.replace("  number: 测政办〔2024〕1号\n", ""), encoding="utf-8")
    d, _ = load_directory(tmp_path / "leaders.yaml", as_of=dt.date(2025, 1, 1))
    mayor, b = d.post("zhenzhang"), d.post("fu-b")
    assert [dates.iso(h.start) for h in (*mayor.holders, *b.holders)] == ["2007-07", "不详"]
    assert dates.cn(mayor.holders[0].start) == "2007年7月"
    leader = pages.leader(d, b, chart=lambda dot: "<svg/>", directory_urls=True)
    assert "| 张三 | 副镇长 | 不详 | 至今 |" in leader.splitlines()
    home = pages.home(d, lambda dot: "<svg/>", pages.Options())
    assert "（[文号不详](notice.md)，2024年1月2日）" in home
    assert "- [通知原文](notice.md)：文号不详" in home.splitlines()


def test_city_covers() -> None:
    """Who covers, in the city sample: a C角 post, an excepted sector, a liaison that is no 分管."""
    d, _ = load_directory(CITY, as_of=dt.date(2025, 1, 1))
    changwu, gongan = d.post("changwu-fushizhang"), d.post("fushizhang-gongan")
    c = cover(d, changwu, d.sectors["财政"])
    assert (c.partner.id if c.partner else None, c.fallback.id if c.fallback else None) == (
        "fushizhang-yingji",
        "shizhang",
    )
    police = cover(d, gongan, d.sectors["道路交通安全"])
    assert (police.partner, police.excepted, police.instead) == (None, True, None)
    justice = cover(d, gongan, d.sectors["司法行政"])
    assert justice.fallback_words == "由市政府秘书长报请市长另行指定其他市政府领导代理"
    assert [p.id for p in d.liaisons_of("消防救援")] == ["mishuzhang"]
    assert d.sectors_of(d.post("mishuzhang")) == []
    assert [s.name for s in d.assisted(d.post("shizhang"))] == ["审计"]


def first_sentence(tmp_path: Path, text: str, sector: str, day: dt.date = dt.date(2025, 1, 1)) -> str:
    """The answer a sector's page opens with, for the minimal unit edited into ``text``."""
    (tmp_path / "leaders.yaml").write_text(text, encoding="utf-8")
    d, _ = load_directory(tmp_path / "leaders.yaml", as_of=day)
    search_words.teach_jieba([d])
    page = pages.sector_page(d, d.sectors[sector])
    return next(line for line in page.splitlines() if line.startswith(sector))


def test_answer_names_who_covers_an_excepted_sector(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        PAIR_END, "    from: 2024-01-02\n    except:\n      - {sector: 教育, by: zhenzhang}\n\ncommissioners"
    )
    assert first_sentence(tmp_path, text, "教育") == (
        "教育的安全生产工作由[张三](../leaders/fu-b.md)（副镇长）负责；此项工作不由AB角代理，"
        "张三不在时，由[王一](../leaders/zhenzhang.md)（镇长）代理。"
    )
    # The partner still covers the pair's other sectors.
    assert first_sentence(tmp_path, text, "交通运输").endswith("由AB角[李二](../leaders/fu-a.md)（常务副镇长）代理。")


def test_answer_names_the_fallback_in_words(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        PAIR_END, "    from: 2024-01-02\n    fallback: 由镇长另行指定其他镇领导代理\n\ncommissioners"
    )
    assert first_sentence(tmp_path, text, "城镇燃气") == (
        "城镇燃气的安全生产工作由[李二](../leaders/fu-a.md)（常务副镇长）负责；李二不在时，由AB角[张三](../leaders/fu-b.md)"
        "（副镇长）代理；两人均不在时，由镇长另行指定其他镇领导代理。"
    )


def test_liaison_is_never_called_responsible(tmp_path: Path) -> None:
    text = MINIMAL.replace(B_SECTORS, B_SECTORS + "    liaises: [城镇燃气, 县消防救援大队]\n")
    (tmp_path / "leaders.yaml").write_text(text, encoding="utf-8")
    d, _ = load_directory(tmp_path / "leaders.yaml", as_of=dt.date(2025, 1, 1))
    search_words.teach_jieba([d])
    b = d.post("fu-b")
    assert [s.name for s in d.sectors_of(b)] == ["教育", "交通运输"]
    leader = pages.leader(d, b, chart=lambda dot: "<svg/>", directory_urls=True)
    assert leader.split("## 联系的单位\n\n")[1].split("\n\n## ")[0] == (
        "以下单位由本领导联系，不属于其分管领域。\n\n- [城镇燃气](../sectors/cheng-zhen-ran-qi.md)\n- 县消防救援大队"
    )
    gas = pages.sector_page(d, d.sectors["城镇燃气"])
    assert "| 联系领导（不分管） | [张三](../leaders/fu-b.md)（副镇长） |" in gas.splitlines()
    assert "张三](../leaders/fu-b.md)（副镇长）负责" not in gas
    lookup = pages.lookup(d)
    assert "| 县消防救援大队 | 联系单位 | [张三](leaders/fu-b.md)（副镇长）联系 | — | 联系，不属分管领域 |" in lookup


def test_kind_liaison_in_sectors_is_a_liaison(tmp_path: Path) -> None:
    """A sector entry written 'kind: 联系' is read as liaising, never as one of the post's sectors."""
    text = MINIMAL.replace(B_SECTORS, B_SECTORS + "      - name: 县消防救援大队\n        kind: 联系\n")
    (tmp_path / "leaders.yaml").write_text(text, encoding="utf-8")
    d, _ = load_directory(tmp_path / "leaders.yaml", as_of=dt.date(2025, 1, 1))
    assert (d.post("fu-b").liaises, "县消防救援大队" in d.sectors) == (("县消防救援大队",), False)
