"""Personnel commands: exact file text after each, the file untouched when the result does not check,
the pages after an appointment, and `dutydir diff`."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir import load_directory
from dutydir.cli import cli
from dutydir.render import pages, search_words

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def run(tmp_path: Path, *args: str, text: str = MINIMAL, raw: bytes | None = None) -> tuple[int, str, str, str]:
    """Run a command on a copy of the minimal data; exit code, stdout, stderr and the unified diff it made."""
    path = tmp_path / "leaders.yaml"
    path.write_bytes(raw if raw is not None else text.encode("utf-8"))
    before = path.read_bytes()
    result = CliRunner().invoke(cli, [*args, "--data", str(path)])
    after = path.read_bytes()
    diff = "".join(
        difflib.unified_diff(
            before.decode("utf-8-sig").splitlines(keepends=True),
            after.decode("utf-8-sig").splitlines(keepends=True),
            n=0,
        )
    )
    out = result.stdout.replace(str(path), "leaders.yaml")
    err = result.stderr.replace(str(path), "leaders.yaml")
    return result.exit_code, out, err, "".join(line for line in diff.splitlines(keepends=True)[2:])


def test_appoint(tmp_path: Path) -> None:
    assert run(tmp_path, "appoint", "张三", "王五", "--date", "2025-03-01", "--title", "副镇长（挂职）") == (
        0,
        "自2025年3月1日起，王五任副镇长（教育、交通运输），接替张三（任职至2025年2月28日）；"
        "该职务的行业领域、AB角和协调专员不变。\n",
        "",
        "@@ -43,0 +44,4 @@\n"
        "+        to: 2025-02-28\n"
        "+      - person: 王五\n"
        "+        title: 副镇长（挂职）\n"
        "+        from: 2025-03-01\n",
    )


def test_appoint_by_post_id_defaults_the_title(tmp_path: Path) -> None:
    code, out, _, diff = run(tmp_path, "appoint", "zhenzhang", "钱六", "--date", "2025-03-01")
    assert (code, diff) == (
        0,
        "@@ -21,0 +22,4 @@\n"
        "+        to: 2025-02-28\n"
        "+      - person: 钱六\n"
        "+        title: 镇长\n"
        "+        from: 2025-03-01\n",
    )


def test_vacate(tmp_path: Path) -> None:
    assert run(tmp_path, "vacate", "张三", "--date", "2025-03-01") == (
        0,
        "自2025年3月1日起，副镇长（教育、交通运输）职务空缺（张三任职至2025年2月28日），"
        "由AB角副镇长（应急管理、城镇燃气）李二代理。\n",
        "",
        "@@ -43,0 +44 @@\n+        to: 2025-02-28\n",
    )


def test_reassign_plain_sector_keeps_its_quoting_and_order(tmp_path: Path) -> None:
    assert run(tmp_path, "reassign", "城镇燃气", "张三", "--date", "2025-03-01") == (
        0,
        "自2025年3月1日起，城镇燃气的安全生产工作改由副镇长（教育、交通运输）张三负责"
        "（原由副镇长（应急管理、城镇燃气）李二负责）。\n",
        "",
        "@@ -28 +28,2 @@\n"
        "-      - 城镇燃气\n"
        "+      - name: 城镇燃气\n"
        "+        to: 2025-02-28\n"
        "@@ -39,0 +41,2 @@\n"
        "+      - name: 城镇燃气\n"
        "+        from: 2025-03-01\n",
    )


def test_reassign_moves_scopes_and_kind(tmp_path: Path) -> None:
    code, out, _, diff = run(tmp_path, "reassign", "交通运输", "fu-a", "--date", "2025-03-01")
    assert (code, out, diff) == (
        0,
        "自2025年3月1日起，交通运输的安全生产工作改由副镇长（应急管理、城镇燃气）李二负责"
        "（原由副镇长（教育、交通运输）张三负责）。\n",
        "@@ -28,0 +29,3 @@\n"
        "+      - name: 交通运输\n"
        "+        kind: 全面负责\n"
        "+        from: 2025-03-01\n"
        "@@ -39,0 +43 @@\n"
        "+        to: 2025-02-28\n",
    )


def test_reassign_a_scope_is_refused(tmp_path: Path) -> None:
    assert run(tmp_path, "reassign", "危险化学品", "张三", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：“危险化学品”是“应急管理”的一部分；请调整“应急管理”，或先在数据文件中把它列为单独的行业领域"
        "（leaders.yaml 未改动）\n",
        "",
    )


def test_pair_warns_about_former_partners(tmp_path: Path) -> None:
    assert run(tmp_path, "pair", "王一", "张三", "--date", "2025-03-01") == (
        0,
        "自2025年3月1日起，镇长王一与副镇长（教育、交通运输）张三互为AB角。\n",
        "注意：自2025年3月1日起，副镇长（应急管理、城镇燃气）李二没有AB角\n",
        "@@ -47,0 +48,3 @@\n+    to: 2025-02-28\n+  - posts: [zhenzhang, fu-b]\n+    from: 2025-03-01\n",
    )


def test_acting_adds_the_list(tmp_path: Path) -> None:
    assert run(
        tmp_path, "acting", "张三", "--by", "李二", "--from", "2025-03-01", "--to", "2025-03-10", "--reason", "外出学习"
    ) == (
        0,
        "2025年3月1日至2025年3月10日，副镇长（应急管理、城镇燃气）李二代理副镇长（教育、交通运输）张三的工作（外出学习）。\n",
        "",
        "@@ -43,0 +44,5 @@\n"
        "+    acting:\n"
        "+      - by: fu-a\n"
        "+        from: 2025-03-01\n"
        "+        to: 2025-03-10\n"
        "+        reason: 外出学习\n",
    )


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8")
    code, _, _, _ = run(tmp_path, "vacate", "张三", "--date", "2025-03-01", raw=raw)
    after = (tmp_path / "leaders.yaml").read_bytes()
    expected = raw.replace(
        b"        from: 2024-01-02\r\n\r\nab_pairs",
        b"        from: 2024-01-02\r\n        to: 2025-02-28\r\n\r\nab_pairs",
    )
    assert (code, after) == (0, expected)
    assert after != raw


def test_unknown_person_leaves_the_file(tmp_path: Path) -> None:
    assert run(tmp_path, "appoint", "赵九", "王五", "--date", "2025-03-01") == (
        1,
        "",
        "dutydir：没有名为“赵九”的领导或职务；请写领导姓名，或像“副镇长（教育、交通运输）”这样写职务"
        "（leaders.yaml 未改动）\n",
        "",
    )


def test_change_that_fails_the_check_leaves_the_file(tmp_path: Path) -> None:
    # A date before the holder's start cannot end the term: the result would not check.
    assert run(tmp_path, "appoint", "张三", "王五", "--date", "2024-01-02") == (
        1,
        "",
        "dutydir：张三自2024年1月2日起任副镇长（教育、交通运输），变动日期须晚于此日；如张三这条记录有误，请更正它："
        "dutydir correct name 张三 正确姓名，或 dutydir correct date 张三 正确日期（leaders.yaml 未改动）\n",
        "",
    )
    broken_name = "王\x01五"
    code, _, err, diff = run(tmp_path, "appoint", "张三", broken_name, "--date", "2025-03-01")
    assert (code, err, diff) == (
        1,
        "leaders.yaml:45:17: 王\\x01五: 名称“王\\x01五”含有控制字符（如换行）或首尾空格，请删去\n"
        "leaders.yaml：1处错误；未改动\n",
        "",
    )


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """The shipped data and notice text in a temporary folder."""
    shutil.copy(ROOT / "data" / "leaders.yaml", tmp_path / "leaders.yaml")
    shutil.copy(ROOT / "data" / "notice.md", tmp_path / "notice.md")
    return tmp_path / "leaders.yaml"


def test_pages_after_appoint(real_copy: Path) -> None:
    result = CliRunner().invoke(cli, ["appoint", "丁力", "王五", "--date", "2026-12-01", "--data", str(real_copy)])
    assert result.exit_code == 0, result.stderr
    d, _ = load_directory(real_copy, dt.date(2026, 12, 2))
    search_words.teach_jieba([d])
    built = pages.all_pages(d, lambda dot: "<svg/>")
    post = d.post("fuquzhang-jiaotong")
    for sector in d.sectors_of(post):
        page = built[f"sectors/{sector.slug}.md"]
        assert "[王五](../leaders/fuquzhang-jiaotong.md)（副区长）" in page, sector.name
        assert "丁力" not in page, sector.name
    partner_page = built["leaders/dangzu-chengjian.md"]
    assert "| AB角 | [王五](fuquzhang-jiaotong.md)（副区长）：本领导不在时由其代理 |" in partner_page
    leader_page = built["leaders/fuquzhang-jiaotong.md"]
    assert leader_page.splitlines()[4] == '# 王五 · 副区长 { data-pagefind-weight="10" }'
    history = leader_page[leader_page.index("## 任职记录") :].splitlines()
    assert history[2:6] == [
        "| 姓名 | 职务 | 起 | 止 |",
        "|---|---|---|---|",
        "| 王五 | 副区长 | 2026-12-01 | 至今 |",
        "| 丁力 | 副区长 | 2022-03-09（假定） | 2026-11-30 |",
    ]
    log = built["changes.md"]
    assert log[log.index("## 2026-12-01") :].splitlines()[:3] == [
        "## 2026-12-01",
        "",
        "- 王五接替丁力任副区长，相关安全生产工作职责由其承担。",
    ]
    # As of the day before, the former holder is still shown.
    d_before, _ = load_directory(real_copy, dt.date(2026, 11, 30))
    assert d_before.holder(d_before.post("fuquzhang-jiaotong")).person == "丁力"  # type: ignore[union-attr]


def test_diff_between_git_revisions(real_copy: Path) -> None:
    folder = real_copy.parent
    git = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    runner = CliRunner()
    for args in (
        ["appoint", "丁力", "王五", "--date", "2026-12-01"],
        ["reassign", "城镇燃气", "王五", "--date", "2026-12-15"],
        ["pair", "李先勇", "王五", "--date", "2026-12-20"],
        ["vacate", "祝莹", "--date", "2027-01-01"],
    ):
        assert runner.invoke(cli, [*args, "--data", str(real_copy)]).exit_code == 0
    result = runner.invoke(cli, ["diff", "HEAD", "--data", str(real_copy)])
    assert (result.exit_code, result.stdout) == (
        0,
        "自2026年12月1日起，王五接替丁力任副区长，负责交通运输、国资、金融的安全生产工作。\n"
        "自2026年12月15日起，城镇燃气的安全生产工作改由王五（副区长）负责（原由邓辉（区人民政府党组成员）负责）。\n"
        "自2026年12月20日起，李先勇（常务副区长）与王五（副区长）互为AB角。\n"
        "自2026年12月20日起，李先勇（常务副区长）与刘辉（副区长）不再互为AB角。\n"
        "自2026年12月20日起，邓辉（区人民政府党组成员）与王五（副区长）不再互为AB角。\n"
        "自2027年1月1日起，副区长职务空缺（原任祝莹），由AB角陈晓红（副区长）代理。\n",
    )
    markdown = runner.invoke(cli, ["diff", "HEAD", "--markdown", "--data", str(real_copy)])
    assert markdown.stdout.splitlines()[:3] == [
        "## 安全生产责任分工调整",
        "",
        "- 自2026年12月1日起，王五接替丁力任副区长，负责交通运输、国资、金融的安全生产工作。",
    ]
    # The working file named explicitly is the default NEW: the same changes.
    unchanged = runner.invoke(cli, ["diff", "HEAD", str(real_copy), "--data", str(real_copy)])
    assert (unchanged.exit_code, unchanged.stdout) == (0, result.stdout)
    same = runner.invoke(cli, ["diff", str(real_copy), str(real_copy), "--data", str(real_copy)])
    assert (same.exit_code, same.stdout) == (0, "无变化。\n")
    bad = runner.invoke(cli, ["diff", "nosuch", "--data", str(real_copy)])
    assert (bad.exit_code, bad.stderr) == (
        1,
        f"dutydir：“nosuch”既不是文件，也不是 {real_copy} 的 git 版本：git 中没有“nosuch”这个版本\n",
    )
    # An old version with a fault: its problems name it, not the temporary file it was read from.
    (folder / "notice.md").rename(folder / "通知.md")
    subprocess.run([*git, "commit", "-qam", "notice renamed"], check=True)
    broken = runner.invoke(cli, ["diff", "HEAD", "--data", str(real_copy)])
    assert broken.exit_code == 1
    assert broken.stderr.splitlines()[0].startswith(f"{real_copy}（HEAD）:")
    assert broken.stderr.splitlines()[0].endswith("：文件不存在")


def test_diff_without_git_is_one_chinese_line(real_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["diff", "--data", str(real_copy)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"dutydir：“HEAD”既不是文件，也不是 {real_copy} 的 git 版本：{real_copy.parent} 不在 git 仓库中，没有保存过的版本\n",
    )
    monkeypatch.setenv("PATH", str(real_copy.parent / "无此文件夹"))
    result = runner.invoke(cli, ["diff", "--data", str(real_copy)])
    assert (result.exit_code, result.stderr) == (1, "dutydir：“HEAD”不是文件；要读取 git 中的版本，请先安装 git\n")
