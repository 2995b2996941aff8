"""scripts/bench.py on a one-unit site: its builds, counts, the plain copy of the site and the page it writes.

Timings are not checked; only that the benchmark still measures what it says.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from dutydir.tools import synth

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
assert spec is not None and spec.loader is not None
bench = importlib.util.module_from_spec(spec)
sys.modules["bench"] = bench
spec.loader.exec_module(bench)


def test_bench_measures_a_small_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    synth.synth(data, 1, bench.SEED)
    b = bench.Bench(tmp_path)
    cache = tmp_path / "cache"

    cold = b.build(bench.CONFIG, tmp_path / "site", cache, data)
    assert cold.pages > 80 and cold.seconds > 0 and cold.peak > 10 * 1024**2
    assert cold.charts > 0 and cold.renders == cold.written == cold.charts
    assert 5_000 < cold.html < 50_000 and cold.index > 10_000

    warm = b.build(bench.CONFIG, tmp_path / "site", cache, data)
    assert (warm.renders, warm.written, warm.charts, warm.pages) == (0, 0, cold.charts, cold.pages)

    # The same pages as plain Markdown files, built without the hooks, make the same site.
    plain = bench.plain_project_apart(data, cache, tmp_path / "plain")
    assert "hooks" not in plain.read_text(encoding="utf-8")
    b.build(plain, tmp_path / "site-plain", cache)
    files, differ = bench.same_files(tmp_path / "site", tmp_path / "site-plain")
    assert files > cold.pages and differ == []

    size = bench.Size(1, [cold, cold], warm, warm)
    over = bench.Overhead("真实网站", cold.pages, [2.0, 2.2], [2.0, 2.0], files, differ, [0.1, 0.01, 0.02, 0.03])
    shares = [(label, 0.1) for _, _, label in bench.PROFILED] + [(bench.OTHER, 0.2)]
    text = bench.report(bench.machine(), [over], [size, size], shares, 2, 1.0)
    assert "| 钩子的开销 | 不超过纯 MkDocs 的 1.2× | 真实网站 1.05× | **达到** |" in text
    assert text.count("**达到**") == 5 and "未达到" not in text


def test_bench_measures_a_readers_search(tmp_path: Path) -> None:
    data = tmp_path / "data"
    synth.synth(data, 1, bench.SEED)
    b = bench.Bench(tmp_path)
    cache = tmp_path / "cache"
    b.build(bench.CONFIG, tmp_path / "site", cache, data)
    pagefind = b.build(bench.CONFIG, tmp_path / "site-pagefind", cache, data, search="pagefind")
    assert pagefind.index == 0  # no Material index in a Pagefind site
    material_search = bench.reader(tmp_path / "site", "material")
    pagefind_search = bench.reader(tmp_path / "site-pagefind", "pagefind")
    transport = {"交通运输", "综合交通", "公安交通管理"}
    assert material_search.first in transport and pagefind_search.first in transport
    for r in (material_search, pagefind_search):
        assert 0 < r.search_bytes < r.downloaded and r.index > 0 and r.seconds > 0
    size = bench.Size(1, [pagefind], pagefind, pagefind, [material_search, pagefind_search])
    lines = bench.reader_section(size)
    assert lines[0] == "## 搜索：读者要下载多少、等多久"
    assert [line.split(" | ")[0] for line in lines if line.startswith(("| Material", "| Pagefind"))] == [
        "| Material（一个索引文件）",
        "| Pagefind（分块索引）",
    ]
