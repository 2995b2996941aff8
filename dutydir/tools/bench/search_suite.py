"""Realistic queries with the leaders the notice makes responsible, and how a browser measures search on them.

Used by tests/test_answer.py (asserts) and the benchmark (dutydir/tools/bench/search.py, reports). Each query
lists every leader that is a right first answer (a word spanning two sectors may lead to either leader).
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Page

LI = "李先勇"
CHEN = "陈晓红"
DENG = "邓辉"
ZHU = "祝莹"
DING = "丁力"
ZHANG = "张晓菡"
LIU = "刘辉"
XIAO = "肖新锋"
MAYOR = "刘润长"

# Query: the right leaders. Grouped by kind; every kind of the issue is here.
QUERIES: dict[str, tuple[str, ...]] = {
    # Full sector names.
    "城镇燃气": (DENG,),
    "交通运输": (DING,),
    "市场监管": (ZHU,),
    "工业冶金": (LI,),
    "农村水利": (XIAO,),
    "农业机械": (XIAO,),
    "危险废物": (XIAO,),
    "政务服务和大数据管理": (LI,),
    "退役军人事务": (XIAO,),
    "公安交通管理": (LIU,),
    "民爆物品和烟花爆竹": (LIU,),
    "自然资源和规划": (ZHU,),
    "社会福利机构": (XIAO,),
    "阳逻经济开发区": (CHEN,),
    # Key areas of 四（二）.
    "危险化学品": (LI,),
    "建设施工": (DENG,),
    "老旧小区改造": (DENG,),
    "桥梁": (DING, DENG),
    "商场": (ZHU,),
    "医院": (ZHANG,),
    "学校": (ZHANG,),
    "节会": (ZHANG,),
    "消防": (LIU,),
    "电力": (CHEN,),
    # Leaders' names and titles.
    "邓辉": (DENG,),
    "陈晓红": (CHEN,),
    "张晓菡": (ZHANG,),
    "刘润长": (MAYOR,),
    "区长": (MAYOR,),
    "常务副区长": (LI,),
    # Two words.
    "燃气 谁管": (DENG,),
    "交通 丁力": (DING,),
    "电梯 AB角": (ZHU,),
    "学校 安全": (ZHANG,),
    "防汛 负责人": (XIAO,),
    "食品 药店": (ZHU,),
    # Everyday words, places, vehicles and hazards.
    "煤气": (DENG,),
    "液化气": (DENG,),
    "渣土车": (DENG, LIU, DING),
    "网约车": (DING,),
    "出租车": (DING,),
    "公交车": (DING,),
    "驾校": (DING,),
    "酒驾": (LIU,),
    "超速": (LIU,),
    "交通事故": (LIU,),
    "电梯": (ZHU,),
    "锅炉": (ZHU,),
    "叉车": (ZHU,),
    "幼儿园": (ZHANG,),
    "诊所": (ZHANG,),
    "超市": (ZHU,),
    "景区": (ZHANG,),
    "酒店": (ZHANG,),
    "旅行社": (ZHANG,),
    "工地": (DENG,),
    "塔吊": (DENG,),
    "脚手架": (DENG,),
    "火灾": (LIU,),
    "灭火器": (LIU,),
    "危化品": (LI,),
    "化工厂": (LI,),
    "加油站": (LI, ZHU),
    "烟花": (LIU,),
    "鞭炮": (LIU,),
    "河道": (XIAO,),
    "水库": (XIAO,),
    "渔船": (XIAO,),
    "矿山": (LI, ZHU),
    "滑坡": (ZHU,),
    "养老院": (XIAO,),
    "物业": (DENG,),
    "自建房": (DENG,),
    "高压线": (CHEN,),
    "银行": (DING,),
    "网吧": (ZHANG,),
    "快递": (DING,),
    "暴雨": (XIAO,),
    "电动车": (LIU,),
    # Short names and departments.
    "市监": (ZHU,),
    "住建": (DENG,),
    "人社": (XIAO,),
    "发改": (LI,),
    "经信": (LI,),
    "应急局": (LI,),
    "卫健委": (ZHANG,),
    "环保": (XIAO,),
    "冶金": (LI,),
    "人防": (DENG,),
    "国企": (DING,),
}

# Records the page's events: the last character typed, the answer box's last change, the result list's last change.
WATCH = """
() => {
  const t = (window.__dutydirTimes = { input: 0, box: 0, results: 0 });
  // The keystroke: when the typed character's input event was made (Chinese arrives as input, not key events).
  document.addEventListener('input', (e) => { t.input = e.timeStamp; }, true);
  new MutationObserver((changes) => {
    for (const c of changes) {
      const el = c.target.nodeType === 1 ? c.target : c.target.parentElement;
      if (el && el.closest('.dutydir-answer')) t.box = performance.now();
      else if (el && el.closest('.md-search-result__list, .pagefind-ui__results')) t.results = performance.now();
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}
"""


@dataclass
class Outcome:
    """What a reader saw for one query."""

    query: str
    """The query typed."""
    answer: list[str] = field(default_factory=list)
    """Leaders named by the answer box, first row first."""
    results: list[str] = field(default_factory=list)
    """Leaders of the engine's result pages, first first."""
    box_ms: float = 0.0
    """Last keystroke to the answer box's answer."""
    results_ms: float = 0.0
    """Last keystroke to the engine's last change of its result list."""


def leaders_by_url(site: Path) -> dict[str, str]:
    """Each sector or leader page's URL (relative to the site) and its responsible leader, from the answer data."""
    text = (site / "javascripts" / "answer-data.js").read_text(encoding="utf-8")
    data = json.loads(text[text.index("=") + 1 : text.rstrip().rindex(";")])
    out = {}
    for r in data["records"]:
        prefix = data["units"][r["x"]][1]
        if "t" in r:
            out[f"{prefix}leaders/{r['i']}{data['end']}"] = r["n"]
        else:
            out[f"{prefix}sectors/{r['s']}{data['end']}"] = data["people"][r["w"]][0] if r["w"] >= 0 else ""
    return out


def box_leaders(page: Page) -> list[str]:
    """The leader each row of the visible answer box names, first row first."""
    rows = page.locator(".dutydir-answer:not([hidden]) .dutydir-answer__row")
    return [str(row.get_attribute("data-leader")) for row in rows.all()]


def type_query(page: Page, selector: str, query: str) -> None:
    """Clear a search box and type a query key by key, as a reader does."""
    box = page.locator(selector)
    box.click()
    box.fill("")
    box.press_sequentially(query)
    # Chinese text arrives without key events, as from an input method; Material searches on key-up.
    box.press("End")


def material_search(page: Page, query: str, leaders: dict[str, str], base: str) -> Outcome:
    """Type into Material's search box; the answer box's leaders and the result pages' leaders."""
    # Emptied first, until Material says so: the count of the previous query must not pass for this one's.
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press("End")
    page.wait_for_function("() => /键入/.test(document.querySelector('.md-search-result__meta').textContent)")
    type_query(page, "input.md-search__input", query)
    page.wait_for_function(
        "(q) => { const b = document.querySelector('.dutydir-answer'); return b && b.dataset.query === q; }", arg=query
    )
    page.wait_for_function("() => !/键入|正在/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(60)
    links = page.locator(".md-search-result__item > a.md-search-result__link").all()
    urls = [str(link.get_attribute("href") or "") for link in links[:5]]
    return outcome(page, query, [leaders.get(relative(u, base), "") for u in urls])


def pagefind_search(page: Page, query: str, leaders: dict[str, str], base: str) -> Outcome:
    """Type into Pagefind's search box on the search page; the answer box's leaders and the result pages' leaders."""
    type_query(page, ".pagefind-ui__search-input", query)
    page.wait_for_function(
        "(q) => { const b = document.querySelector('.dutydir-answer'); return b && b.dataset.query === q; }", arg=query
    )
    # The count comes first, the results after their fragments load; or the message that nothing was found.
    page.wait_for_function(
        """(q) => { const m = document.querySelector('.pagefind-ui__message');
                    return m && m.textContent.includes(q)
                      && (/没有找到/.test(m.textContent) || document.querySelector('.pagefind-ui__result-link')); }""",
        arg=query.strip(),
    )
    page.wait_for_timeout(60)
    urls = [str(a.get_attribute("href") or "") for a in page.locator(".pagefind-ui__result-link").all()[:5]]
    return outcome(page, query, [leaders.get(relative(u, base), "") for u in urls])


def relative(url: str, base: str) -> str:
    """A result's URL relative to the site root, without fragment."""
    full = urljoin(base, url)
    return unquote(urlsplit(full).path)[len(urlsplit(base).path) :]


def outcome(page: Page, query: str, results: list[str]) -> Outcome:
    """The query's outcome, with the times the page recorded for its last keystroke."""
    times = page.evaluate("() => window.__dutydirTimes")
    return Outcome(
        query,
        box_leaders(page),
        results,
        max(0.0, times["box"] - times["input"]),
        max(0.0, times["results"] - times["input"]),
    )


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    """hit@1, hit@3, queries with nothing, and median latencies, for the answer box and for the engine's pages."""

    def rate(pick: str, k: int) -> int:
        return sum(1 for o in outcomes if set(getattr(o, pick)[:k]) & set(QUERIES[o.query]))

    return {
        "queries": len(outcomes),
        "box_hit1": rate("answer", 1),
        "box_hit3": rate("answer", 3),
        "box_zero": sum(1 for o in outcomes if not o.answer),
        "pages_hit1": rate("results", 1),
        "pages_hit3": rate("results", 3),
        "pages_zero": sum(1 for o in outcomes if not o.results),
        "first_hit1": sum(1 for o in outcomes if set((o.answer or o.results)[:1]) & set(QUERIES[o.query])),
        "box_ms": round(statistics.median(o.box_ms for o in outcomes), 1),
        "results_ms": round(statistics.median(o.results_ms for o in outcomes), 1),
    }
