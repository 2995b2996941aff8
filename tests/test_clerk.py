"""A clerk's day with the commands: Chinese messages in full, names found from typos, dates in four forms,
senseless changes refused, corrections, undo, and `dutydir diff` telling corrections from successions."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir.cli import cli

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


class Clerk:
    """Runs commands on one data file, as a clerk would one after another."""

    def __init__(self, folder: Path, text: str = MINIMAL) -> None:
        self.path = folder / "leaders.yaml"
        self.path.write_text(text, encoding="utf-8")

    def run(self, *args: str) -> tuple[int, str, str]:
        """Exit code, stdout and stderr of one command, with the file's path shown as leaders.yaml."""
        result = CliRunner().invoke(cli, [*args, "--data", str(self.path)], prog_name="dutydir")
        return (
            result.exit_code,
            result.stdout.replace(str(self.path), "leaders.yaml"),
            result.stderr.replace(str(self.path), "leaders.yaml"),
        )

    def text(self) -> str:
        """The data file now."""
        return self.path.read_text(encoding="utf-8")

    def diff(self, before: str) -> str:
        """The lines changed since ``before``, as a unified diff without context or header."""
        lines = difflib.unified_diff(before.splitlines(keepends=True), self.text().splitlines(keepends=True), n=0)
        return "".join(list(lines)[2:])


@pytest.fixture
def clerk(tmp_path: Path) -> Clerk:
    """The minimal unit: 镇长王一; 副镇长（应急管理、城镇燃气）李二 and 副镇长（教育、交通运输）张三, AB partners."""
    return Clerk(tmp_path)


UNCHANGED = "（leaders.yaml 未改动）\n"


def test_dates_in_four_forms_write_the_same_file(tmp_path: Path) -> None:
    written = set()
    for i, form in enumerate(["2025-03-01", "2025-3-1", "2025/3/1", "2025年3月1日"]):
        (tmp_path / str(i)).mkdir()
        c = Clerk(tmp_path / str(i))
        assert c.run("appoint", "张三", "王五", "--date", form)[0] == 0
        written.add(c.text())
    assert len(written) == 1
    assert (
        "        to: 2025-02-28\n      - person: 王五\n        title: 副镇长\n        from: 2025-03-01\n"
        in written.pop()
    )


def test_dates_in_four_forms_in_the_data_file(tmp_path: Path) -> None:
    text = MINIMAL.replace("from: 2024-01-02", "from: 2024/1/2", 1).replace("from: 2024-01-02", "from: 2024年1月2日", 1)
    text = text.replace("from: 2024-01-02", "from: 2024-1-2", 1)
    c = Clerk(tmp_path, text)
    assert CliRunner().invoke(cli, ["check", str(c.path), "--date", "2025年1月1日"]).exit_code == 0
    assert c.run("appoint", "王一", "钱六", "--date", "2025-03-01")[0] == 0
    assert (
        c.diff(text)
        == "@@ -21,0 +22,4 @@\n+        to: 2025-02-28\n+      - person: 钱六\n+        title: 镇长\n+        from: 2025-03-01\n"
    )


def test_a_date_that_is_not_one(clerk: Clerk) -> None:
    assert clerk.run("vacate", "张三", "--date", "2025-02-30") == (
        2,
        "",
        "dutydir：'--date' 的值无效：没有“2025-02-30”这一天（用法见 dutydir vacate --help）\n",
    )
    assert clerk.text() == MINIMAL


def test_misspelt_names_get_the_nearest(clerk: Clerk) -> None:
    assert clerk.run("appoint", "张四", "王五", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：没有名为“张四”的领导，是否指“张三”？" + UNCHANGED,
    )
    assert clerk.run("reassign", "城镇燃汽", "张三", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：没有名为“城镇燃汽”的行业领域，是否指“城镇燃气”？" + UNCHANGED,
    )
    assert clerk.run("vacate", "副镇长（教有）", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：没有分管“教有”的副镇长；副镇长有：“副镇长（应急管理、城镇燃气）李二”、“副镇长（教育、交通运输）张三”"
        + UNCHANGED,
    )
    assert clerk.text() == MINIMAL


def test_posts_named_as_the_notice_does(clerk: Clerk) -> None:
    assert clerk.run("appoint", "副镇长", "王五", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：有2个职务名为“副镇长”：“副镇长（应急管理、城镇燃气）李二”、“副镇长（教育、交通运输）张三”；"
        "请在括号中写明分管领域，如“副镇长（应急管理、城镇燃气）”" + UNCHANGED,
    )
    assert clerk.run("vacate", "张三", "--date", "2025-03-01") == (
        0,
        "自2025年3月1日起，副镇长（教育、交通运输）职务空缺（张三任职至2025年2月28日），"
        "由AB角副镇长（应急管理、城镇燃气）李二代理。\n",
        "",
    )
    # The vacancy, warned of by `check`, is not repeated after a command that has nothing to do with it.
    assert clerk.run("appoint", "王一", "钱六", "--date", "2025-04-01") == (
        0,
        "自2025年4月1日起，钱六任镇长，接替王一（任职至2025年3月31日）；该职务的行业领域、AB角和协调专员不变。\n",
        "",
    )
    assert clerk.run("appoint", "张三", "王五", "--date", "2025-05-01") == (
        1,
        "",
        "dutydir：张三在2025年5月1日不任任何职务；张三原任的职务请写作“副镇长（教育、交通运输）”" + UNCHANGED,
    )
    before = clerk.text()
    assert clerk.run("appoint", "副镇长（教育）", "王五", "--date", "2025-05-01") == (
        0,
        "自2025年5月1日起，王五任副镇长（教育、交通运输）（此前空缺）；该职务的行业领域、AB角和协调专员不变。\n",
        "",
    )
    assert (
        clerk.diff(before)
        == "@@ -48,0 +49,3 @@\n+      - person: 王五\n+        title: 副镇长\n+        from: 2025-05-01\n"
    )


def test_nobody_is_their_own_ab_partner(clerk: Clerk) -> None:
    assert clerk.run("appoint", "张三", "李二", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：李二已任副镇长（应急管理、城镇燃气），该职务与副镇长（教育、交通运输）互为AB角；"
        "同一人不能是自己的AB角。请先调整AB角（dutydir pair），再任命" + UNCHANGED,
    )
    assert clerk.run("appoint", "张三", "张三", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：张三在2025年3月1日已任副镇长（教育、交通运输），无需任命" + UNCHANGED,
    )
    assert clerk.text() == MINIMAL


def test_the_checker_refuses_one_person_in_two_paired_posts(tmp_path: Path) -> None:
    text = MINIMAL.replace("      - person: 张三", "      - person: 李二")
    (tmp_path / "leaders.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "leaders.yaml"), "--date", "2025-01-01"])
    assert (result.exit_code, result.stdout, result.stderr.replace(str(tmp_path) + "/", "")) == (
        1,
        "",
        "leaders.yaml:46:12: 李二: 李二自2024-01-02起同时任副镇长（fu-a）和副镇长（fu-b），"
        "这两个职务互为AB角，同一人不能是自己的AB角\n"
        "leaders.yaml：1处错误\n",
    )


def test_holding_two_posts_is_warned_about(clerk: Clerk) -> None:
    assert clerk.run("appoint", "王一", "张三", "--date", "2025-03-01") == (
        0,
        "自2025年3月1日起，张三任镇长，接替王一（任职至2025年2月28日）；该职务的行业领域、AB角和协调专员不变。\n",
        "注意：张三同时任副镇长（教育、交通运输）和镇长（兼任）；如是调任，请另行任命或空缺原职务\n",
    )


def test_a_stand_in_must_be_known_or_declared_new(clerk: Clerk) -> None:
    span = ["--from", "2025-03-01", "--to", "2025-03-05"]
    assert clerk.run("acting", "张三", "--by", "李三", *span) == (
        1,
        "",
        "dutydir：没有名为“李三”的领导，是否指“李二”？如确由目录外的人员代理，请加 --new-person" + UNCHANGED,
    )
    assert clerk.run("acting", "张三", "--by", "张三", *span) == (1, "", "dutydir：张三不能代理自己的工作" + UNCHANGED)
    assert clerk.text() == MINIMAL
    assert clerk.run(
        "acting", "张三", "--by", "钱七", "--from", "2025/3/1", "--to", "2025年3月5日", "--new-person"
    ) == (
        0,
        "2025年3月1日至2025年3月5日，钱七代理副镇长（教育、交通运输）张三的工作。\n",
        "注意：“钱七”不在目录中，已作为目录外的人员记入\n",
    )
    # A commissioner is a known person; an overlapping second stand-in is refused.
    assert clerk.run("acting", "张三", "--by", "赵四", "--from", "2025-03-05", "--to", "2025-03-08") == (
        1,
        "",
        "dutydir：副镇长（教育、交通运输）张三在2025年3月1日至2025年3月5日已由钱七代理，与此次时间重叠；"
        "如那条记录有误，请先撤销（dutydir undo）" + UNCHANGED,
    )
    assert clerk.run("acting", "张三", "--by", "赵四", "--from", "2025-03-06", "--to", "2025-03-08")[0] == 0


def test_correct_a_name_then_a_date_then_undo_both(clerk: Clerk) -> None:
    assert clerk.run("appoint", "张三", "王伍", "--date", "2025-03-01")[0] == 0
    appointed = clerk.text()
    assert clerk.run("correct", "name", "王伍", "王五") == (
        0,
        "已将“王伍”更正为“王五”（1处）；这是更正，不是人事变动，任职日期不变。\n",
        "",
    )
    assert clerk.diff(appointed) == "@@ -45 +45 @@\n-      - person: 王伍\n+      - person: 王五\n"
    renamed = clerk.text()
    assert clerk.run("correct", "date", "王五", "2025年3月3日") == (
        0,
        "已将王五任副镇长（教育、交通运输）的起始日期由2025年3月1日更正为2025年3月3日，"
        "张三的截止日期随之改为2025年3月2日；这是更正，不是人事变动。\n",
        "",
    )
    assert clerk.diff(renamed) == (
        "@@ -44 +44 @@\n-        to: 2025-02-28\n+        to: 2025-03-02\n"
        "@@ -47 +47 @@\n-        from: 2025-03-01\n+        from: 2025-03-03\n"
    )
    code, out, err = clerk.run("undo")
    assert (code, out.split("：", 1)[1], err) == (
        0,
        "已将王五任副镇长（教育、交通运输）的起始日期由2025年3月1日更正为2025年3月3日，"
        "张三的截止日期随之改为2025年3月2日；这是更正，不是人事变动。\n",
        "",
    )
    assert out.startswith("已撤销（") and clerk.text() == renamed
    assert clerk.run("undo")[0] == 0 and clerk.text() == appointed
    assert clerk.run("undo")[0] == 0 and clerk.text() == MINIMAL
    assert clerk.run("undo") == (
        1,
        "",
        "dutydir：leaders.yaml没有可撤销的命令（只有 dutydir 命令所做的修改可以撤销）" + UNCHANGED,
    )


def test_undo_never_discards_a_later_hand_edit(clerk: Clerk) -> None:
    assert clerk.run("vacate", "张三", "--date", "2025-03-01")[0] == 0
    edited = clerk.text().replace("duty: 协助镇领导推进安全生产工作", "duty: 协助镇领导推进安全生产工作。")
    clerk.path.write_text(edited, encoding="utf-8")
    code, out, err = clerk.run("undo")
    assert (code, out) == (1, "")
    assert err.startswith("dutydir：leaders.yaml在上一条命令（")
    assert err.endswith(
        "：自2025年3月1日起，副镇长（教育、交通运输）职务空缺（张三任职至2025年2月28日），"
        "由AB角副镇长（应急管理、城镇燃气）李二代理。）之后又被修改过；撤销会丢掉这些修改，因此没有撤销。"
        "请手工改回，可用 dutydir diff 查看改了什么" + UNCHANGED
    )
    assert clerk.text() == edited


def test_a_change_dated_before_the_holder_points_to_correct(clerk: Clerk) -> None:
    assert clerk.run("appoint", "张三", "王五", "--date", "2024-01-02") == (
        1,
        "",
        "dutydir：张三自2024年1月2日起任副镇长（教育、交通运输），变动日期须晚于此日；如张三这条记录有误，请更正它："
        "dutydir correct name 张三 正确姓名，或 dutydir correct date 张三 正确日期" + UNCHANGED,
    )


def diff_of(clerk: Clerk, old: str) -> tuple[int, str]:
    """`dutydir diff` from a saved text to the current file."""
    saved = clerk.path.with_name("old.yaml")
    saved.write_text(old, encoding="utf-8")
    code, out, _ = clerk.run("diff", str(saved), str(clerk.path))
    return code, out


def test_diff_tells_corrections_from_successions(clerk: Clerk) -> None:
    assert clerk.run("appoint", "张三", "王伍", "--date", "2025-03-01")[0] == 0
    appointed = clerk.text()
    assert diff_of(clerk, MINIMAL) == (
        0,
        "自2025年3月1日起，王伍接替张三任副镇长，负责教育、交通运输的安全生产工作。\n",
    )
    clerk.run("correct", "name", "王伍", "王五")
    assert diff_of(clerk, appointed) == (0, "更正：副镇长（教育、交通运输）王伍的姓名更正为王五（任职日期不变）。\n")
    renamed = clerk.text()
    clerk.run("correct", "date", "王五", "2025-03-03")
    assert diff_of(clerk, renamed) == (
        0,
        "更正：王五任副镇长（教育、交通运输）的起始日期由2025年3月1日更正为2025年3月3日。\n",
    )
    assert diff_of(clerk, appointed) == (
        0,
        "更正：副镇长（教育、交通运输）的任职记录由“王伍，自2025年3月1日起”更正为“王五，自2025年3月3日起”。\n",
    )
    # Taking an appointment back is not 张三 succeeding 王伍.
    clerk.path.write_text(MINIMAL, encoding="utf-8")
    assert diff_of(clerk, appointed) == (
        0,
        "撤回：原定自2025年3月1日起王伍任副镇长（教育、交通运输）的记录已删除，张三继续任副镇长（教育、交通运输）。\n",
    )


def test_diff_reports_a_stand_in_taken_back(clerk: Clerk) -> None:
    clerk.run("acting", "张三", "--by", "李二", "--from", "2025-03-01", "--to", "2025-03-05", "--reason", "学习")
    acting = clerk.text()
    assert clerk.run("undo")[0] == 0
    assert diff_of(clerk, acting) == (
        0,
        "撤回：原定2025年3月1日至2025年3月5日由李二代理张三（副镇长）工作的安排已取消。\n",
    )


def test_diff_reports_a_vacancy_taken_back(clerk: Clerk) -> None:
    clerk.run("vacate", "张三", "--date", "2025-03-01")
    vacant = clerk.text()
    clerk.run("undo")
    assert diff_of(clerk, vacant) == (
        0,
        "撤回：副镇长（教育、交通运输）自2025年3月1日起空缺的记录已删除，张三继续任职。\n",
    )


def test_a_vacant_post_filled_by_its_holders_title(clerk: Clerk) -> None:
    assert clerk.run("vacate", "李二", "--date", "2025-03-01")[0] == 0
    before = clerk.text()
    assert clerk.run("appoint", "常务副镇长", "赵六", "--date", "2025-04-01") == (
        0,
        "自2025年4月1日起，赵六任副镇长（应急管理、城镇燃气）（此前空缺）；该职务的行业领域、AB角和协调专员不变。\n",
        "",
    )
    assert clerk.diff(before) == (
        "@@ -33,0 +34,3 @@\n+      - person: 赵六\n+        title: 副镇长\n+        from: 2025-04-01\n"
    )


def test_correct_an_end_date_and_a_commissioners_name(clerk: Clerk) -> None:
    assert clerk.run("vacate", "张三", "--date", "2025-03-01")[0] == 0
    vacant = clerk.text()
    assert clerk.run("correct", "date", "张三", "2025-03-15", "--end") == (
        0,
        "已将张三任副镇长（教育、交通运输）的截止日期由2025年2月28日更正为2025年3月15日；这是更正，不是人事变动。\n",
        "",
    )
    assert clerk.diff(vacant) == "@@ -44 +44 @@\n-        to: 2025-02-28\n+        to: 2025-03-15\n"
    assert clerk.run("correct", "date", "李二", "2025-03-15", "--end") == (
        1,
        "",
        "dutydir：李二任副镇长（应急管理、城镇燃气）的任期尚未结束，没有截止日期可更正" + UNCHANGED,
    )
    assert clerk.run("correct", "name", "赵四", "赵泗") == (
        0,
        "已将“赵四”更正为“赵泗”（1处）；这是更正，不是人事变动，任职日期不变。\n",
        "",
    )
    assert clerk.run("correct", "name", "赵死", "赵四") == (
        1,
        "",
        "dutydir：没有名为“赵死”的人员，是否指“赵泗”？" + UNCHANGED,
    )


@pytest.fixture
def district(tmp_path: Path) -> Clerk:
    """The shipped district data, with its notice text beside it."""
    (tmp_path / "notice.md").write_bytes((ROOT / "data" / "notice.md").read_bytes())
    return Clerk(tmp_path, (ROOT / "data" / "leaders.yaml").read_text(encoding="utf-8"))


def test_the_issues_examples_on_the_district(district: Clerk) -> None:
    original = district.text()
    assert district.run("appoint", "丁历", "王五", "--date", "2026-12-01") == (
        1,
        "",
        "dutydir：没有名为“丁历”的领导，是否指“丁力”？" + UNCHANGED,
    )
    assert district.run("appoint", "丁力", "邓辉", "--date", "2026-12-01") == (
        1,
        "",
        "dutydir：邓辉已任区人民政府党组成员，该职务与副区长（交通运输、国资、金融）互为AB角；"
        "同一人不能是自己的AB角。请先调整AB角（dutydir pair），再任命" + UNCHANGED,
    )
    assert district.run("acting", "丁力", "--by", "邓灰", "--from", "2026-12-01", "--to", "2026-12-10") == (
        1,
        "",
        "dutydir：没有名为“邓灰”的领导，是否指“邓辉”？如确由目录外的人员代理，请加 --new-person" + UNCHANGED,
    )
    assert district.text() == original
    assert district.run("appoint", "副区长（交通运输）", "王五", "--date", "2026年12月1日") == (
        0,
        "自2026年12月1日起，王五任副区长（交通运输、国资、金融），接替丁力（任职至2026年11月30日）；"
        "该职务的行业领域、AB角和协调专员不变。\n",
        "",
    )
    assert district.run("appoint", "王五", "赵六", "--date", "2026-11-15") == (
        1,
        "",
        "dutydir：王五自2026年12月1日起才任副区长（交通运输、国资、金融），2026年11月15日不任任何职务；"
        "如日期录错，请更正：dutydir correct date 王五 正确日期" + UNCHANGED,
    )


def test_diff_reports_a_reassignment_and_a_pair_taken_back(clerk: Clerk) -> None:
    clerk.run("reassign", "城镇燃气", "张三", "--date", "2025-03-01")
    clerk.run("pair", "王一", "张三", "--date", "2025-03-01")
    changed = clerk.text()
    assert clerk.run("undo")[0] == clerk.run("undo")[0] == 0
    assert clerk.text() == MINIMAL
    assert diff_of(clerk, changed) == (
        0,
        "撤回：原定自2025年3月1日起城镇燃气改由张三（副镇长）负责的记录已删除，仍由李二（副镇长）负责。\n"
        "撤回：原定自2025年3月1日起王一（镇长）与张三（副镇长）互为AB角的记录已删除。\n",
    )


def test_diff_tells_a_corrected_stand_in_from_a_new_one(clerk: Clerk) -> None:
    clerk.run("acting", "张三", "--by", "钱柒", "--from", "2025-03-01", "--to", "2025-03-05", "--new-person")
    clerk.run("acting", "王一", "--by", "李二", "--from", "2025-03-01", "--to", "2025-03-05")
    entered = clerk.text()
    assert clerk.run("correct", "name", "钱柒", "钱七")[0] == 0
    assert diff_of(clerk, entered) == (0, "更正：钱七代理张三（副镇长）工作的安排，代理人由钱柒更正为钱七。\n")
    # 王一's stand-in comes first in the file: its last day fixed by hand.
    fixed = clerk.text().replace("        to: 2025-03-05\n", "        to: 2025-03-06\n", 1)
    clerk.path.write_text(fixed, encoding="utf-8")
    assert diff_of(clerk, entered) == (
        0,
        "更正：钱七代理张三（副镇长）工作的安排，代理人由钱柒更正为钱七。\n"
        "更正：李二代理王一（镇长）工作的安排，代理时间由2025年3月1日至2025年3月5日更正为2025年3月1日至2025年3月6日。\n",
    )


def test_a_shortened_sector_names_a_post_when_it_fits_one(district: Clerk) -> None:
    assert district.run("vacate", "副区长（交通）", "--date", "2027-01-01") == (
        1,
        "",
        "dutydir：有2个副区长的分管领域含“交通”：“副区长（交通运输、国资、金融）丁力”、"
        "“副区长（公安、司法、公安交通管理等9个领域）刘辉”；请写出完整的领域名称，如“副区长（交通运输、国资、金融）”"
        + UNCHANGED,
    )
    assert district.run("vacate", "副区长（国资）", "--date", "2027-01-01") == (
        0,
        "自2027年1月1日起，副区长（交通运输、国资、金融）职务空缺（丁力任职至2026年12月31日），"
        "由AB角区人民政府党组成员邓辉代理。\n",
        "",
    )


def test_undo_gives_back_the_very_bytes(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8")
    c = Clerk(tmp_path)
    c.path.write_bytes(raw)
    assert c.run("vacate", "张三", "--date", "2025-03-01")[0] == 0
    assert c.path.read_bytes() != raw
    assert c.run("undo")[0] == 0
    assert c.path.read_bytes() == raw
