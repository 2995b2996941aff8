"""What the notice (data/notice.md) says, written out by hand from its text, not copied from leaders.yaml.

The model's tests (test_model.py, test_notice_sections.py) compare the loaded directory with these.
"""

from __future__ import annotations

import re

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
