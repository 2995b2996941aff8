"""The benchmark: it measures what it says on a small site (slow), and its page says only what the numbers show."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dutydir.tools import synth
from dutydir.tools.bench import measure, reader, results, shard_results
from dutydir.tools.bench.builds import CONFIG, Bench, render_plain, same_files
from dutydir.tools.bench.report import report
from dutydir.tools.bench.results import Build, Overhead, Reader, Results, Size

MB = 1024**2


@pytest.mark.slow
def test_bench_measures_a_small_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    synth.synth(data, 1, measure.SEED)
    b = Bench(tmp_path)
    cache = tmp_path / "cache"

    cold = b.build(CONFIG, tmp_path / "site", cache, data)
    assert cold.pages > 80 and cold.seconds > 0 and cold.peak > 10 * MB
    assert cold.charts > 0 and cold.renders == cold.written == cold.charts
    assert 5_000 < cold.html < 50_000 and cold.index > 10_000

    warm = b.build(CONFIG, tmp_path / "site", cache, data)
    assert (warm.renders, warm.written, warm.charts, warm.pages) == (0, 0, cold.charts, cold.pages)

    # The same pages written by `dutydir render` and built without the hooks make the same site.
    plain = render_plain(b, data, cache, tmp_path / "plain")
    assert "hooks" not in plain.read_text(encoding="utf-8")
    b.build(plain, tmp_path / "site-plain", cache)
    files, differ = same_files(tmp_path / "site", tmp_path / "site-plain")
    assert files > cold.pages and differ == []

    pagefind = b.build(CONFIG, tmp_path / "site-pagefind", cache, data, search="pagefind")
    assert pagefind.index == 0  # no Material index in a Pagefind site
    transport = {"交通运输", "综合交通", "公安交通管理"}
    for engine, site in (("material", "site"), ("pagefind", "site-pagefind")):
        r = reader.search_once(tmp_path / site, engine)
        assert r.first in transport and 0 < r.search_bytes < r.downloaded and r.index > 0 and r.seconds > 0


def build(seconds: float, pages: int, renders: int = 0, index: int = 600) -> Build:
    return Build(seconds, 200 * MB, pages, 16_000.0, index * pages, renders, renders, 100)


def size(units: int, pages: int, seconds: float, readers: list[Reader] | None = None) -> Size:
    return Size(units, [build(seconds, pages, 100)], build(seconds, pages), build(seconds, pages, 3), readers or [])


def numbers() -> Results:
    """Results shaped as a full run's, with the real site's hooks spending most of their time on pages."""
    readers = [
        Reader("material", 10 * MB, 10 * MB, 10 * MB, 3.8, "交通运输"),
        Reader("pagefind", 9 * MB, MB, MB // 3, 0.9, "交通运输"),
    ]
    return Results(
        machine={"CPU": "test"},
        cores=2,
        minutes=15.0,
        runs=5,
        overheads=[Overhead("真实网站", 91, [2.1, 2.0], [1.8, 1.8], 141, [], [0.16, 0.12, 0.03, 0.8])],
        sizes=[size(12, 1000, 9.0), size(192, 16000, 125.0, readers)],
        shares=[("dutydir：导入", 0.1), ("Python-Markdown：Markdown 转 HTML", 0.5), (measure.OTHER, 0.4)],
    )


def rendered(tmp_path: Path, r: Results) -> list[str]:
    """The page rendered from results that went through JSON."""
    path = tmp_path / f"{id(r)}.json"
    results.dump(r, path)
    return report(results.load(path)).splitlines()


def test_report_says_what_takes_the_hooks_time(tmp_path: Path) -> None:
    slow_pages = rendered(tmp_path, numbers())
    assert (
        "真实网站上，钩子做的事里用时最多的是生成页面（0.80 秒）。读取数据和生成页面共 0.83 秒，少于纯 MkDocs 生成同样网站的 1.80 秒（46%）。"
        in slow_pages
    )
    r = numbers()
    r.overheads[0].parts = [0.9, 0.7, 0.03, 0.3]
    slow_import = rendered(tmp_path, r)
    assert (
        "真实网站上，钩子做的事里用时最多的是导入 dutydir（0.90 秒），其中导入 pypinyin 占 0.70 秒"
        "（生成网址和按拼音排序都要用它的拼音库）。读取数据和生成页面共 0.33 秒，远少于纯 MkDocs 生成同样网站的 1.80 秒（18%）。"
    ) in slow_import


def test_report_says_whether_the_search_switch_is_borne_out(tmp_path: Path) -> None:
    switch = "所以页面数（领导和行业领域页）达到 2,000 的网站自动改用 Pagefind（`extra.dutydir.search: auto`）。"
    heavy = "\n".join(rendered(tmp_path, numbers()))
    assert "超过了办公网络上可以接受的 2 MB 或 1 秒。" in heavy and switch in heavy
    r = numbers()
    r.sizes[-1].readers[0] = dataclasses.replace(r.sizes[-1].readers[0], search_bytes=MB, seconds=0.5)
    light = "\n".join(rendered(tmp_path, r))
    assert "仍在办公网络上可以接受的 2 MB 或 1 秒之内。" in light and switch not in light
    assert "这次的数字不支持在 2,000 页时自动改用 Pagefind" in light


def test_report_says_how_time_grows_with_pages(tmp_path: Path) -> None:
    linear = "\n".join(rendered(tmp_path, numbers()))
    assert "每页用时随规模略有下降（0.87×），因为固定时间分摊到更多页面上" in linear
    assert "| 线性增长 | 16,000 页的每页用时不超过 1,000 页的 1.2× | 0.87×" in linear
    assert "每页用时不随页面数上升，所以总用时随页面数线性增长。" in linear
    r = numbers()
    r.sizes[-1].cold[0].seconds = 250.0
    faster = "\n".join(rendered(tmp_path, r))
    assert "每页用时随规模有所上升（1.74×）。" in faster or "每页用时随规模有所上升（1.74×）；" in faster
    assert "因为固定时间分摊" not in faster and "线性增长。" not in faster
    assert "每页用时在最大的网站上是最小的 1.74×，总用时增长快于页面数。" in faster
    assert "| **未达到** |" in faster


def test_report_says_whether_both_builds_agree(tmp_path: Path) -> None:
    assert "两边生成的网站相同：HTML 等文件逐字节相同，搜索索引的条目相同。" in rendered(tmp_path, numbers())
    r = numbers()
    r.overheads[0].differ = ["index.html"]
    differ = rendered(tmp_path, r)
    assert "两边生成的网站相同：HTML 等文件逐字节相同，搜索索引的条目相同。" not in differ
    assert differ[differ.index('!!! warning "两种生成方式的输出不同"') + 2] == "    真实网站：index.html"


def shard_numbers(pagefind: float, material: float | None) -> Results:
    """Results with a sharded comparison on a full-size city: Pagefind's share and the Material publish as given."""
    r = numbers()
    run = shard_results.Run
    r.shards = shard_results.ShardRun(
        units=192,
        pages=16_231,
        single=run(125.0, 124.0, 600 * MB),
        jobs={"1": run(120.0, 118.0, 300 * MB), "2": run(64.0, 121.0, 300 * MB)},
        publish_before=run(260.0, 255.0, 600 * MB),
        publish_after=run(20.0, 22.0, 400 * MB),
        rebuilt=1,
        district=run(6.0, 5.0, 200 * MB),
        single_bytes=300 * MB,
        merged_bytes=290 * MB,
        release_bytes=20 * MB,
        store_bytes=280 * MB,
        publish_material=run(material, material, 400 * MB) if material is not None else None,
        pagefind=run(pagefind, pagefind, 300 * MB),
        district_draft=run(2.4, 2.4, 200 * MB),
        district_printed=3,
        district_lists=10,
    )
    return r


def test_report_says_what_the_city_publish_spends_on_pagefind(tmp_path: Path) -> None:
    page = "\n".join(rendered(tmp_path, shard_numbers(pagefind=10.0, material=9.5)))
    assert (
        "| 城市（Pagefind 搜索）：从 `dutydir appoint` 到发布 | 少于 10 秒 | 260.0 秒（CPU 255.0 秒） | 20.0 秒（CPU 22.0 秒），重新生成 1 个分片 | **未达到** |"
        in page
    )
    assert (
        "| 城市，用 Material 的搜索：从 `dutydir appoint` 到发布 | 少于 10 秒 | — | 9.5 秒（CPU 9.5 秒） | **达到** |"
        in page
    )
    assert "Pagefind 给合并后的 16,231 页重建索引用了 10.0 秒（单独测量），占 50%。" in page
    assert "不用 Pagefind（Material 的搜索，各分片的条目直接合并）时同样的发布用 9.5 秒。" in page
    assert (
        "区的一次任命之后重新打印了 3 份 PDF（共 10 份；" in page and "打印 PDF 时用 6.0 秒，不打印时 2.4 秒。" in page
    )
    assert "1.88× | **达到** |" in page
    older = "\n".join(rendered(tmp_path, shard_numbers(pagefind=4.0, material=None)))
    assert (
        "城市，用 Material 的搜索" not in older
        and "占 20%。" in older
        and "所以这部分随城市的页数增长，而不随改动的多少变化。" in older
    )


def test_report_names_pagefind_as_what_holds_the_memory_of_a_large_city(tmp_path: Path) -> None:
    r = shard_numbers(pagefind=10.0, material=9.5)
    assert r.shards is not None
    run = shard_results.Run
    r.shards.sizes = [
        shard_results.CitySize(12, 1_000, run(30.0, 20.0, 200 * MB)),
        shard_results.CitySize(192, 16_000, run(480.0, 320.0, 300 * MB)),
    ]
    page = "\n".join(rendered(tmp_path, r))
    assert (
        "每页 CPU 时间是 1.00×，每页用时 1.00×，每页的峰值内存 0.09×（峰值内存本身 1.50×）：持平（以 1.2× 为界）。"
        in page
    )
    assert "最大规模的峰值内存是 Pagefind 建索引的进程：它单独给合并后的城市建索引时峰值 300 MB" in page
    assert "同一城市用 Material 的搜索发布时，峰值是 400 MB。" in page
    r.shards.pagefind = run(10.0, 10.0, 100 * MB)
    assert "最大规模的峰值内存是 Pagefind" not in "\n".join(rendered(tmp_path, r))
