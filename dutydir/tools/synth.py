"""Synthetic units for tests and benchmarks: realistic data files, the same for the same seed.

The vocabulary is the notice's own (its sectors, scopes, kinds and key areas); names of people
and places are drawn from common characters. Nothing here describes real people.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

# The notice's sectors with their scopes, in its order (一（二）).
SECTORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("发展改革", ("粮食", "能源", "油气长输管线")),
    ("工业及信息化", ("军工", "工业冶金")),
    ("科技", ()),
    ("财政", ()),
    ("安全生产和应急管理", ("石化工业",)),
    ("地震", ()),
    ("统计", ()),
    ("政务服务和大数据管理", ()),
    ("机关事务管理", ()),
    ("电力", ()),
    ("城建", ()),
    ("小城镇建设", ()),
    ("城管", ()),
    ("城镇燃气", ()),
    ("房管", ()),
    ("人民防空", ()),
    ("自然资源和规划", ("地质",)),
    ("市场监管", ("集贸市场", "特种设备", "食品药品")),
    ("招商引资", ()),
    ("民营经济", ()),
    ("商贸流通", ()),
    ("成品油", ()),
    ("交通运输", ("综合交通",)),
    ("国资", ()),
    ("金融", ()),
    ("教育", ()),
    ("卫生健康", ()),
    ("体育", ()),
    ("医疗保障", ()),
    ("文化旅游", ()),
    ("广电", ()),
    ("公安", ()),
    ("司法", ()),
    ("公安交通管理", ()),
    ("民爆物品和烟花爆竹", ()),
    ("消防救援", ()),
    ("维稳", ()),
    ("信访", ()),
    ("社会治理", ()),
    ("网络安全", ()),
    ("农业农村", ("农村水利", "农业机械", "渔业船舶")),
    ("乡村振兴", ()),
    ("民政", ("社会福利机构",)),
    ("人社", ()),
    ("退役军人事务", ()),
    ("生态环境", ("危险废物",)),
    ("城市园林绿化", ("林业",)),
    ("水务", ("防汛抗旱",)),
    ("供销", ()),
    ("气象", ()),
)
# 四（二）'s key areas and the sectors they fall under.
KEY_AREAS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("燃气", ("城镇燃气",)),
    ("交通", ("交通运输", "公安交通管理")),
    ("危险化学品", ("安全生产和应急管理",)),
    ("建设施工", ("城建",)),
    ("消防", ("消防救援",)),
    ("学校", ("教育",)),
    ("医院", ("卫生健康",)),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红新锋辉莹力晓菡先润长海波宁建国志斌"
PLACES = "东西南北阳凤仙仓汪旧徐辛潘三邾李柳双涨孔道仓埠永安龙王桥新街"
PLACE_SUFFIXES = (("镇", "人民政府"), ("街道", "办事处"))
START = dt.date(2022, 3, 9)


def person(rng: random.Random, used: set[str]) -> str:
    """A Chinese name not used yet in the unit."""
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in used:
            used.add(name)
            return name


def q(value: str) -> str:
    """A double-quoted YAML string."""
    return json.dumps(value, ensure_ascii=False)


def unit_yaml(rng: random.Random, number: int, district: bool) -> str:
    """The YAML text of one synthetic unit."""
    if district:
        uid, name, short, head, deputy = "district", "示例区人民政府", "示例区", "区长", "副区长"
    else:
        place = rng.choice(PLACES) + rng.choice(PLACES)
        kind, office = rng.choice(PLACE_SUFFIXES)
        uid, name, short = f"unit-{number:04d}", f"{place}{kind}{office}", f"{place}{kind}"
        head, deputy = ("镇长", "副镇长") if kind == "镇" else ("街道办事处主任", "街道办事处副主任")
    used: set[str] = set()
    members = rng.randint(5, 8)
    posts = [("p-head", head, "mayor"), ("p-exec", f"常务{deputy}", "executive")]
    posts += [(f"p-{i:02d}", deputy, "member") for i in range(1, members + 1)]
    shares: dict[str, list[tuple[str, tuple[str, ...]]]] = {pid: [] for pid, _, _ in posts[1:]}
    for item in SECTORS:
        shares[rng.choice(list(shares))].append(item)
    lines = [
        f"# Synthetic unit {number}: generated data for tests and benchmarks.",
        "unit:",
        f"  id: {uid}",
        f"  name: {name}",
        f"  short_name: {short}",
        "",
        "notice:",
        f"  title: 关于进一步加强{short}领导安全生产责任的通知",
        f"  number: 示政办〔2022〕{number}号",
        f"  issuer: {short}办公室",
        f"  date: {START.isoformat()}",
        "",
        "posts:",
    ]
    # About half the units have one sector that moved to another post on 2024-07-01.
    moved = rng.choice(SECTORS) if rng.random() < 0.5 else None
    source = next((pid for pid, owned in shares.items() if moved in owned), None)
    target = rng.choice([pid for pid in shares if pid != source]) if moved else None
    for pid, post_name, role in posts:
        lines += post_lines(rng, used, (pid, post_name, role), short, shares.get(pid, []), moved, target)
    return "\n".join(lines + tail_lines(rng, used, posts)) + "\n"


Post = tuple[str, str, str]
Share = tuple[str, tuple[str, ...]]


def post_lines(
    rng: random.Random,
    used: set[str],
    post: Post,
    short: str,
    owned: list[Share],
    moved: Share | None,
    target: str | None,
) -> list[str]:
    """The YAML lines of one post: its sectors (one perhaps moved to or from it) and its holders."""
    pid, post_name, role = post
    lines = [f"  - id: {pid}", f"    name: {post_name}", f"    role: {role}"]
    if role == "mayor":
        lines.append(f"    overall: 对全{short[-1]}安全生产工作负总责")
    entries = []
    for sector, children in owned:
        entry = [f"- name: {sector}"] if children or (sector, children) == moved else [f"- {sector}"]
        if children:
            entry.append("  children: [" + ", ".join(children) + "]")
        if (sector, children) == moved:
            entry.append("  to: 2024-06-30")
        entries += entry
    if moved and pid == target:
        entries += [f"- name: {moved[0]}", "  from: 2024-07-01"]
        if moved[1]:
            entries.append("  children: [" + ", ".join(moved[1]) + "]")
    if entries:
        lines.append("    sectors:")
        lines += ["      " + e for e in entries]
    lines.append("    holders:")
    first = person(rng, used)
    title = f"{short}{post_name}" if role != "member" else post_name
    if rng.random() < 0.2:
        change = START + dt.timedelta(days=rng.randint(200, 900))
        second = person(rng, used)
        lines += [
            f"      - person: {first}",
            f"        title: {q(title)}",
            f"        from: {START.isoformat()}",
            f"        to: {(change - dt.timedelta(days=1)).isoformat()}",
            f"      - person: {second}",
            f"        title: {q(title)}",
            f"        from: {change.isoformat()}",
        ]
    else:
        lines += [f"      - person: {first}", f"        title: {q(title)}", f"        from: {START.isoformat()}"]
    return lines


def tail_lines(rng: random.Random, used: set[str], posts: list[Post]) -> list[str]:
    """The YAML lines after the posts: AB pairs, commissioners, obligations and key areas."""
    lines: list[str] = []
    members_ids = [pid for pid, _, role in posts if role != "mayor"]
    rng.shuffle(members_ids)
    lines += ["", "ab_pairs:"]
    for a, b in zip(members_ids[0::2], members_ids[1::2], strict=False):
        lines += [f"  - posts: [{a}, {b}]", f"    from: {START.isoformat()}"]
    lines += [
        "",
        "commissioners:",
        "  role: 办公室主任、副主任及对口服务的干部",
        "  duty: 协助领导负责相关部门、行业（领域）安全生产工作",
        "  posts:",
    ]
    for pid, _, _ in posts:
        lines.append(f"    - assists: {pid}")
        if rng.random() < 0.5:
            lines += [
                "      holders:",
                f"        - person: {person(rng, used)}",
                f"          from: {START.isoformat()}",
            ]
        else:
            lines.append("      holders: []")
    lines += [
        "",
        "obligations:",
        "  - who: mayor_or_executive",
        "    clause: 三（一）",
        "    what: 组织召开会议，听取并研究安全生产工作",
        "    every: quarter",
        "    times: 1",
        "  - who: members",
        "    clause: 三（一）",
        "    what: 召开会议或者组织调研、督导",
        "    every: two_months",
        "    times: 1",
        "",
        "key_areas:",
        "  groups:",
        "    - name: 重点行业领域",
        "      areas:",
    ]
    for area, sectors in KEY_AREAS:
        lines += [
            f"        - name: {area}",
            "          sectors: [" + ", ".join(sectors) + "]",
            "          basis: inferred",
            f"          note: {q('按业务相近的原则推定。')}",
        ]
    return lines


def synth(out: Path, units: int, seed: int) -> list[Path]:
    """Write ``units`` unit files into ``out`` (leaders.yaml, then units/*.yaml); return their paths."""
    if units < 1:
        raise ValueError("--units 至少为 1")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "units").mkdir(exist_ok=True)
    written = []
    for number in range(1, units + 1):
        path = out / "leaders.yaml" if number == 1 else out / "units" / f"unit-{number:04d}.yaml"
        path.write_text(unit_yaml(rng, number, district=number == 1), encoding="utf-8")
        written.append(path)
    return written
