"""`dutydir check`: one exact line per problem, a count, exit 1; nothing else, and never a traceback.

Each broken case is a small edit of tests/data/minimal.yaml, a valid unit, so the line numbers
in the expected messages stay put when the real data changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from dutydir.cli import cli
from tests.support import copy_project, mkdocs_build

HERE = Path(__file__).parent
ROOT = HERE.parent
MINIMAL = (HERE / "data" / "minimal.yaml").read_text(encoding="utf-8")


class Case(NamedTuple):
    name: str
    old: str
    new: str
    expected: list[str]


CASES = [
    Case(
        "yaml-syntax",
        "  short_name: 测试镇",
        "  short_name: [测试镇",
        ["leaders.yaml:7:7: leaders.yaml: YAML 格式错误：此处应为 ',' 或 ']'，实为 ':'"],
    ),
    Case(
        "tab-indent",
        "    role: mayor",
        "\trole: mayor",
        ["leaders.yaml:16:1: leaders.yaml: 缩进里有制表符（Tab）；请用空格缩进"],
    ),
    Case(
        "duplicate-key",
        "    name: 镇长\n",
        "    name: 镇长\n    name: 乡长\n",
        ["leaders.yaml:16:5: leaders.yaml: 字段“name”重复（第一次在第 15 行）"],
    ),
    Case(
        "unknown-field-typo",
        "    holders:\n      - person: 王一",
        "    holdrs:\n      - person: 王一",
        [
            "leaders.yaml:18:5: zhenzhang: 职务中没有字段“holdrs”（是否指“holders”？）；"
            "可用的字段：id、name、role、clause、overall、sectors、holders、acting、liaises、note"
        ],
    ),
    Case("missing-required", "    role: mayor\n", "", ["leaders.yaml:14:5: zhenzhang: 职务缺少必填字段“role”"]),
    Case(
        "wrong-type-count",
        "    times: 1",
        "    times: 一",
        ["leaders.yaml:65:12: 三（一）: 应为大于 0 的整数，实为“一”"],
    ),
    Case(
        "wrong-type-mapping",
        "unit:\n  id: testtown\n  name: 测试镇人民政府\n  short_name: 测试镇\n",
        "unit: 测试镇\n",
        ["leaders.yaml:2:7: unit: 应为单位的字段，实为“测试镇”"],
    ),
    Case(
        "invalid-date",
        "        title: 镇长\n        from: 2024-01-02",
        "        title: 镇长\n        from: 2024-02-30",
        ["leaders.yaml:21:15: 王一: 没有“2024-02-30”这一天"],
    ),
    Case(
        "unsafe-identifier",
        "  - id: fu-b",
        "  - id: fu/b",
        ["leaders.yaml:33:9: fu/b: 标识“fu/b”只能用小写字母 a-z、数字 0-9 和中间的连字符 -"],
    ),
    Case(
        "unsafe-slug",
        "      - 教育\n",
        "      - name: 教育\n        slug: ../教育\n",
        ["leaders.yaml:38:15: 教育: 标识“../教育”只能用小写字母 a-z、数字 0-9 和中间的连字符 -"],
    ),
    Case(
        "unsafe-name-control",
        "      - person: 张三",
        '      - person: "张\\x01三"',
        ["leaders.yaml:41:17: 张\\x01三: 名称“张\\x01三”含有控制字符（如换行）或首尾空格，请删去"],
    ),
    Case(
        "name-with-outer-spaces",
        "      - 教育\n",
        "      - ' 教育'\n",
        ["leaders.yaml:37:9:  教育: 名称“ 教育”含有控制字符（如换行）或首尾空格，请删去"],
    ),
    Case(
        "acting-unknown-post",
        "        title: 副镇长\n        from: 2024-01-02\n",
        "        title: 副镇长\n        from: 2024-01-02\n    acting:\n      - by: fu-c\n        from: 2025-01-01\n        to: 2025-01-05\n",
        ["leaders.yaml:45:13: fu-b: 代理人“fu-c”既不是本单位的职务，也不是人名（是否指“fu-b”？）"],
    ),
    Case(
        "acting-ends-before-start",
        "        title: 副镇长\n        from: 2024-01-02\n",
        "        title: 副镇长\n        from: 2024-01-02\n    acting:\n      - by: 李二\n        from: 2025-01-05\n        to: 2025-01-01\n",
        ["leaders.yaml:47:13: fu-b: 代理结束日（2025-01-01）早于开始日（2025-01-05）"],
    ),
    Case(
        "scope-field-typo",
        "        children: [危险化学品]\n",
        "        children:\n          - name: 危险化学品\n            keyword: [剧毒]\n",
        [
            "leaders.yaml:29:13: 危险化学品: 分管范围中没有字段“keyword”（是否指“keywords”？）；"
            "可用的字段：name、slug、keywords"
        ],
    ),
    Case(
        "scope-keyword-is-a-sector",
        "        children: [危险化学品]\n",
        "        children:\n          - name: 危险化学品\n            keywords: [教育]\n",
        ["leaders.yaml:29:24: 危险化学品: 检索词“教育”就是一个领域的名称，搜索本来就能按名称找到它"],
    ),
    Case(
        "invalid-choice",
        "    role: mayor",
        "    role: mayr",
        [
            "leaders.yaml:16:11: zhenzhang: “mayr”不是可用的值，应为以下之一：mayor、executive、member（是否指“mayor”？）"
        ],
    ),
    Case(
        "invalid-period",
        "    every: two_months",
        "    every: bimonthly",
        [
            "leaders.yaml:64:12: 三（一）: “bimonthly”不是可用的值，应为以下之一：month、two_months、quarter、year（是否指“month”？）"
        ],
    ),
    Case(
        "unknown-ab-partner",
        "posts: [fu-a, fu-b]",
        "posts: [fu-a, fu-c]",
        ["leaders.yaml:46:19: 李二: AB角“fu-c”不是本单位的职务（是否指“fu-b”？）"],
    ),
    Case(
        "ab-self",
        "posts: [fu-a, fu-b]",
        "posts: [fu-a, fu-a]",
        ["leaders.yaml:46:12: 李二: 一个职务不能与自己互为AB角"],
    ),
    Case(
        "ab-three",
        "posts: [fu-a, fu-b]",
        "posts: [fu-a, fu-b, zhenzhang]",
        ["leaders.yaml:46:12: 李二: 一对AB角应写两个职务，这里写了 3 个"],
    ),
    Case(
        "ab-two-pairs",
        "    from: 2024-01-02\n\ncommissioners:",
        "    from: 2024-01-02\n  - posts: [zhenzhang, fu-b]\n    from: 2024-01-02\n\ncommissioners:",
        ["leaders.yaml:48:12: 张三: 副镇长（教育、交通运输）张三已与副镇长（应急管理、城镇燃气）李二互为AB角"],
    ),
    Case(
        "duplicate-post-id",
        "  - id: fu-b",
        "  - id: fu-a",
        [
            "leaders.yaml:33:9: fu-a: 职务标识“fu-a”用了两次（第一次在第 22 行）",
            "leaders.yaml:46:19: 李二: AB角“fu-b”不是本单位的职务（是否指“fu-a”？）",
        ],
    ),
    Case(
        "sector-claimed-twice",
        "      - 教育\n",
        "      - 教育\n      - 城镇燃气\n",
        ["leaders.yaml:38:9: 城镇燃气: 这一领域被同时分管两次：职务“fu-b”在此分管，职务“fu-a”在第 28 行已分管"],
    ),
    Case(
        "child-claimed-twice",
        "      - 教育\n",
        "      - 教育\n      - 危险化学品\n",
        ["leaders.yaml:38:9: 危险化学品: 这一领域被同时分管两次：职务“fu-b”在此分管，职务“fu-a”在第 27 行已分管"],
    ),
    Case(
        "slug-collision",
        "      - 教育\n",
        "      - 教育\n      - 税务\n      - 水务\n",
        ["leaders.yaml:39:9: 水务: 网页名“shui-wu”与领域“税务”的相同；请给其中一个写 'slug:'"],
    ),
    Case(
        "key-area-unknown-sector",
        "sectors: [城镇燃气]",
        "sectors: [燃气管道]",
        ["leaders.yaml:72:21: 燃气: 没有名为“燃气管道”的领域"],
    ),
    Case(
        "key-area-blind-spot",
        "sectors: [城镇燃气]",
        "sectors: []",
        ["leaders.yaml:72:20: 燃气: 这一重点领域不属于任何分管领域：监管盲区"],
    ),
    Case(
        "key-area-inferred-without-note",
        "          note: 一（二）列有城镇燃气。\n",
        "",
        ["leaders.yaml:73:18: 燃气: 推定的对应关系需要写 'note:' 说明理由"],
    ),
    Case(
        "commissioner-unknown-post",
        "    - assists: fu-a",
        "    - assists: fu-x",
        ["leaders.yaml:55:16: fu-x: 专员协助的职务（assists）“fu-x”不是本单位的职务（是否指“fu-b”？）"],
    ),
    Case(
        "commissioner-twice",
        "    - assists: fu-a",
        "    - assists: zhenzhang",
        ["leaders.yaml:55:16: 王一: 镇长王一写了两个专员职务"],
    ),
    Case(
        "commissioners-inferred-without-note",
        "  duty: 协助镇领导推进安全生产工作\n",
        "  duty: 协助镇领导推进安全生产工作\n  basis: inferred\n",
        ["leaders.yaml:52:10: 安全生产协调专员: 推定的专员配置需要写 'note:' 说明理由"],
    ),
    Case(
        "commissioners-basis-misspelt",
        "  duty: 协助镇领导推进安全生产工作\n",
        "  duty: 协助镇领导推进安全生产工作\n  basis: infered\n",
        [
            "leaders.yaml:52:10: commissioners: “infered”不是可用的值，应为以下之一：stated、inferred（是否指“inferred”？）"
        ],
    ),
    Case(
        "term-ends-before-start",
        "        title: 副镇长\n        from: 2024-01-02",
        "        title: 副镇长\n        from: 2024-01-02\n        to: 2023-12-31",
        ["leaders.yaml:44:13: 张三: 任职结束日（2023-12-31）早于开始日（2024-01-02）"],
    ),
    Case(
        "terms-overlap",
        "        title: 副镇长\n        from: 2024-01-02",
        "        title: 副镇长\n        from: 2024-01-02\n      - person: 刘五\n        title: 副镇长\n        from: 2024-05-01",
        ["leaders.yaml:46:15: 刘五: 自 2024-05-01 起的任职与张三的任职（fu-b）重叠；请给张三写一个在此之前的结束日期"],
    ),
    Case(
        "text-file-missing",
        "  date: 2024-01-02\n",
        "  date: 2024-01-02\n  text_file: missing.md\n",
        ["leaders.yaml:12:14: notice: 无法读取正文文件（text_file）“missing.md”：文件不存在"],
    ),
    Case(
        "keyword-names-a-sector",
        "      - 城镇燃气\n",
        "      - name: 城镇燃气\n        keywords: [天然气, 教育]\n",
        ["leaders.yaml:29:25: 城镇燃气: 检索词“教育”就是一个领域的名称，搜索本来就能按名称找到它"],
    ),
    Case(
        "keyword-twice",
        "      - 城镇燃气\n",
        "      - name: 城镇燃气\n        keywords: [天然气, 燃气, 天然气]\n",
        ["leaders.yaml:29:29: 城镇燃气: 检索词“天然气”写了两次"],
    ),
    Case(
        "keyword-field-typo",
        "      - 城镇燃气\n",
        "      - name: 城镇燃气\n        keyword: [天然气]\n",
        [
            "leaders.yaml:29:9: 城镇燃气: 分管领域中没有字段“keyword”（是否指“keywords”？）；"
            "可用的字段：name、kind、assists、children、slug、from、to、keywords"
        ],
    ),
    Case(
        "empty-sector-list-item",
        "      - 教育\n",
        "      - \n",
        ["leaders.yaml:37:8: fu-b: 应为分管领域的名称或字段，实为空值"],
    ),
]

# Inputs that once passed the check and then crashed or misled the build, or hung the check itself.
BOMB = "  - &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9)
)
HOLDER_B = "        title: 副镇长\n        from: 2024-01-02\n"
CASES += [
    Case(
        "site-name-markup",
        "  short_name: 测试镇",
        "  short_name: 测试镇\n  site_name: <b>测试镇</b>",
        ["leaders.yaml:6:14: testtown: 网站名称中不能有字符 < > & \" ' `（主题会把它当作 HTML 输出）"],
    ),
    Case(
        "alias-bomb",
        "key_areas:\n",
        "bomb:\n" + BOMB + "key_areas:\n",
        ["leaders.yaml:73:5: leaders.yaml: 展开锚点和别名（& 与 *）后超过 200,000 个节点；请不要用别名层层引用"],
    ),
    Case(
        "nesting-too-deep",
        "key_areas:\n",
        "deep: " + "[" * 1000 + "]" * 1000 + "\nkey_areas:\n",
        ["leaders.yaml:67:38: leaders.yaml: 嵌套超过 32 层；数据文件用不到这么深的结构"],
    ),
    Case(
        "alias-refers-to-itself",
        "key_areas:\n",
        "loop: &l [*l]\nkey_areas:\n",
        ["leaders.yaml:67:7: leaders.yaml: 锚点（&）的内容里又引用了它自己（*）"],
    ),
    Case(
        "control-character-yaml-rejects",
        "  short_name: 测试镇",
        "  short_name: 测试\x07镇",
        ["leaders.yaml:5:17: leaders.yaml: 不可打印的字符 U+0007（控制字符）；请删去它"],
    ),
    Case(
        "nul-in-title",
        "  title: 关于测试镇领导安全生产责任的通知",
        '  title: "关于测试镇\\0领导"',
        ["leaders.yaml:8:10: notice: 文字中有不能显示的字符 U+0000（控制字符或方向控制符），请删去它"],
    ),
    Case(
        "count-in-hexadecimal",
        "    times: 1",
        "    times: 0x10",
        ["leaders.yaml:65:12: 三（一）: 次数 '0x10' 请只用十进制数字书写，如 1、2、12"],
    ),
    Case(
        "count-too-large",
        "    times: 1",
        "    times: 99999",
        ["leaders.yaml:65:12: 三（一）: 次数 99999 超过上限 1000"],
    ),
    Case(
        "date-far-future",
        HOLDER_B,
        HOLDER_B + "        to: 9999-12-31\n",
        ["leaders.yaml:44:13: 张三: 日期 9999-12-31 不在 1900-01-01 至 2099-12-31 之间，请检查年份"],
    ),
    Case(
        "date-before-1900",
        "  date: 2024-01-02",
        "  date: 1800-01-02",
        ["leaders.yaml:11:9: notice: 日期 1800-01-02 不在 1900-01-01 至 2099-12-31 之间，请检查年份"],
    ),
    Case(
        "name-too-long",
        "      - 教育\n",
        "      - " + "教" * 81 + "\n",
        [f"leaders.yaml:37:9: {'教' * 81}: 文字有 81 个字符，超过上限 80 个"],
    ),
    Case(
        "text-too-long",
        "    what: 召开会议",
        "    what: " + "会" * 1001,
        ["leaders.yaml:63:11: 三（一）: 文字有 1001 个字符，超过上限 1000 个"],
    ),
    Case(
        "slug-too-long-for-a-file-name",
        "      - 教育\n",
        "      - " + "壮" * 40 + "\n",
        [
            f"leaders.yaml:37:9: {'壮' * 40}: 页面名有 279 个字符，超过上限 100 个；名称的拼音太长，请给它一个较短的 'slug:'"
        ],
    ),
    Case(
        "identifier-too-long",
        "    sectors:\n      - 教育",
        "    sectors:\n      - name: 教育\n        slug: " + "a" * 65,
        ["leaders.yaml:38:15: 教育: 文字有 65 个字符，超过上限 64 个"],
    ),
    Case(
        "zero-width-name",
        "      - person: 张三",
        '      - person: "\\u200b"',
        ["leaders.yaml:41:17: \\u200b: 名称中有看不见的格式字符 U+200B（零宽或方向控制），请删去它"],
    ),
    Case(
        "right-to-left-override-in-name",
        "      - person: 张三",
        '      - person: "张\\u202e三"',
        ["leaders.yaml:41:17: 张\\u202e三: 文字中有不能显示的字符 U+202E（控制字符或方向控制符），请删去它"],
    ),
    Case(
        "lone-surrogate",
        "      - person: 张三",
        '      - person: "张\\ud800三"',
        ["leaders.yaml:41:17: 张\\ud800三: 文字中有不能显示的字符 U+D800（控制字符或方向控制符），请删去它"],
    ),
    Case(
        "reserved-post-id",
        "  - id: fu-b\n",
        "  - id: index\n",
        [
            "leaders.yaml:33:9: index: 职务 id 'index' 是网站保留的页面名（leaders/index），请换一个",
            "leaders.yaml:46:19: 李二: AB角“fu-b”不是本单位的职务（是否指“fu-a”？）",
        ],
    ),
    Case(
        "reserved-sector-slug",
        "      - 教育\n",
        "      - name: 教育\n        slug: index\n",
        ["leaders.yaml:37:9: 教育: 页面名 'index' 是网站保留的（sectors/index），请给它另一个 'slug:'"],
    ),
    Case(
        "reserved-unit-id",
        "  id: testtown",
        "  id: leaders",
        ["leaders.yaml:3:7: leaders: 单位 id 'leaders' 是网站保留的名称（leaders/），请换一个"],
    ),
    Case(
        "ab-pair-ends-before-start",
        "    from: 2024-01-02\n\ncommissioners:",
        "    from: 2024-01-02\n    to: 2023-01-01\n\ncommissioners:",
        ["leaders.yaml:48:9: 李二: AB角结束日 (2023-01-01) 早于开始日 (2024-01-02)"],
    ),
    Case(
        "acting-given-twice",
        HOLDER_B,
        HOLDER_B + "    acting:\n" + "      - by: 李二\n        from: 2025-01-01\n        to: 2025-01-05\n" * 2,
        ["leaders.yaml:48:9: fu-b: 代理 李二 2025-01-01 至 2025-01-05 重复写了两次"],
    ),
    Case(
        "text-file-absolute",
        "  date: 2024-01-02\n",
        "  date: 2024-01-02\n  text_file: /etc/passwd\n",
        ["leaders.yaml:12:14: notice: text_file '/etc/passwd' 必须是数据文件所在文件夹里的相对路径"],
    ),
    Case(
        "text-file-outside-the-folder",
        "  date: 2024-01-02\n",
        "  date: 2024-01-02\n  text_file: ../../../../etc/passwd\n",
        [
            "leaders.yaml:12:14: notice: text_file '../../../../etc/passwd' 在数据文件所在文件夹之外；只能读取该文件夹里的文件"
        ],
    ),
    Case(
        "text-file-is-a-folder",
        "  date: 2024-01-02\n",
        "  date: 2024-01-02\n  text_file: .\n",
        ["leaders.yaml:12:14: notice: 无法读取正文文件（text_file）“.”：不是普通文件（可能是目录、管道或设备）"],
    ),
]


def run_check(tmp_path: Path, content: bytes | str, *args: str) -> tuple[int, str, str]:
    """Write leaders.yaml into tmp_path, run `dutydir check` there; exit code, stdout and stderr."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    (tmp_path / "leaders.yaml").write_bytes(data)
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = runner.invoke(cli, ["check", "leaders.yaml", "--date", "2025-01-01", *args])
    return result.exit_code, result.stdout, result.stderr


def test_minimal_data_is_valid(tmp_path: Path) -> None:
    assert run_check(tmp_path, MINIMAL) == (0, "leaders.yaml：检查通过\n", "")


def test_corpus_cases_are_distinct() -> None:
    # Each case is its own broken file: no two share a name or make the same file.
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({MINIMAL.replace(c.old, c.new) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_file(tmp_path: Path, case: Case) -> None:
    assert MINIMAL.count(case.old) == 1, "the edit must apply to exactly one place"
    code, out, err = run_check(tmp_path, MINIMAL.replace(case.old, case.new))
    count = len(case.expected)
    summary = f"leaders.yaml：{count}处错误"
    assert (code, out, err.splitlines()) == (1, "", [*case.expected, summary])


def test_gbk_file_is_recognised(tmp_path: Path) -> None:
    code, out, err = run_check(tmp_path, MINIMAL.encode("gb18030"))
    assert (code, out, err) == (
        1,
        "",
        "leaders.yaml:4:9: leaders.yaml: 文件是按 GBK/GB18030 保存的，不是 UTF-8；请另存为 UTF-8"
        "（记事本：另存为 → 编码选 UTF-8），或运行：iconv -f GB18030 -t UTF-8 leaders.yaml -o leaders.yaml.utf8\n"
        "leaders.yaml：1处错误\n",
    )


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    code, out, err = run_check(tmp_path, b"unit:\n  id: \xff\xfe\x80\n")
    assert (code, out, err) == (
        1,
        "",
        "leaders.yaml:2:7: leaders.yaml: 文件不是 UTF-8 编码的文字；请另存为 UTF-8\nleaders.yaml：1处错误\n",
    )


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert run_check(tmp_path, b"\xef\xbb\xbf" + MINIMAL.encode("utf-8")) == (0, "leaders.yaml：检查通过\n", "")


def test_empty_file(tmp_path: Path) -> None:
    assert run_check(tmp_path, "# nothing yet\n") == (
        1,
        "",
        "leaders.yaml:1:1: leaders.yaml: 文件是空的\nleaders.yaml：1处错误\n",
    )


def test_root_must_be_a_mapping(tmp_path: Path) -> None:
    assert run_check(tmp_path, "- 区长\n") == (
        1,
        "",
        "leaders.yaml:1:1: leaders.yaml: 应为数据文件的字段，实为列表\nleaders.yaml：1处错误\n",
    )


def test_missing_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["check", str(tmp_path / "nope.yaml")])
    assert (result.exit_code, result.stderr) == (
        1,
        f"{tmp_path}/nope.yaml:1:1: nope.yaml: 无法读取文件：文件不存在\n{tmp_path}/nope.yaml：1处错误\n",
    )


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    broken = MINIMAL.replace("    role: mayor", "    role: mayr").replace("    times: 1", "    times: 0")
    code, _, err = run_check(tmp_path, broken)
    assert (code, err.splitlines()) == (
        1,
        [
            "leaders.yaml:16:11: zhenzhang: “mayr”不是可用的值，应为以下之一：mayor、executive、member（是否指“mayor”？）",
            "leaders.yaml:65:12: 三（一）: 应为大于 0 的整数，实为数字 0",
            "leaders.yaml：2处错误",
        ],
    )


def test_vacancy_is_a_warning_naming_who_covers(tmp_path: Path) -> None:
    vacant = MINIMAL.replace(
        "        title: 副镇长\n        from: 2024-01-02",
        "        title: 副镇长\n        from: 2024-01-02\n        to: 2024-06-30",
    )
    assert run_check(tmp_path, vacant) == (
        0,
        "leaders.yaml：检查通过（1条提醒）\n",
        "leaders.yaml:33:9: 警告：fu-b: 副镇长（教育、交通运输）在 2025-01-01 空缺，由AB角副镇长（应急管理、城镇燃气）李二代理\n",
    )


def test_real_data_checks_clean() -> None:
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        result = runner.invoke(cli, ["check"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "data/leaders.yaml：检查通过\n", "")


def test_build_stops_with_the_same_message(tmp_path: Path) -> None:
    copy_project(tmp_path, MINIMAL.replace("posts: [fu-a, fu-b]", "posts: [fu-a, fu-c]"))
    result = mkdocs_build(tmp_path, tmp_path / "site")
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert "ERROR   -  data/leaders.yaml:46:19: 李二: AB角“fu-c”不是本单位的职务（是否指“fu-b”？）" in lines
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_folded_chinese_text_gets_no_stray_spaces(tmp_path: Path) -> None:
    from dutydir.data.fields import fold

    assert fold("安全生产工作；\n协调督促 各相关部门") == "安全生产工作；协调督促各相关部门"
    assert fold("AB 角\n and  more\ntext") == "AB角and more text"
