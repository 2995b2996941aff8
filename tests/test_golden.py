"""Generated Markdown and DOT against golden files, and determinism of the generated pages.

Regenerate the golden files with: DUTYDIR_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden.py
and read the diff before committing them.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dutydir.model.directory import Directory
from dutydir.render import dot, pages

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("DUTYDIR_UPDATE_GOLDEN") == "1"


def fake_chart(dot: str) -> str:
    """Stands in for Graphviz: a marker that changes whenever the DOT does."""
    return "<svg><!-- " + hashlib.sha256(dot.encode("utf-8")).hexdigest()[:12] + " --></svg>"


def check_golden(name: str, actual: str) -> None:
    """Compare text with tests/golden/<name> exactly; rewrite the file instead when DUTYDIR_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.is_file():
        pytest.fail(f"{path} is missing; create it with DUTYDIR_UPDATE_GOLDEN=1")
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="generated",
        )
        pytest.fail(f"{name} differs from its golden file (DUTYDIR_UPDATE_GOLDEN=1 to accept):\n" + "".join(diff))


def test_leader_page(directory: Directory) -> None:
    post = directory.post("changwu-fuquzhang")
    check_golden("leader-changwu-fuquzhang.md", pages.leader(directory, post, chart=fake_chart, directory_urls=True))


def test_sector_page(directory: Directory) -> None:
    check_golden("sector-cheng-zhen-ran-qi.md", pages.sector_page(directory, directory.sectors["城镇燃气"]))


def test_district_chart(directory: Directory) -> None:
    check_golden("district.dot", dot.district(directory))


def test_leader_chart(directory: Directory) -> None:
    check_golden("leader-changwu-fuquzhang.dot", dot.leader(directory, directory.post("changwu-fuquzhang")))


def test_fake_chart_marks_the_dot(directory: Directory) -> None:
    """The leader page's golden file would show a change of its chart's DOT."""
    post = directory.post("changwu-fuquzhang")
    page = pages.leader(directory, post, chart=fake_chart, directory_urls=True)
    marker = fake_chart(dot.leader(directory, post, True))
    assert page.count(marker) == 1
    assert page.count("<svg>") == 1


def test_all_pages_twice_are_identical(directory: Directory) -> None:
    first = pages.all_pages(directory, fake_chart, True)
    second = pages.all_pages(directory, fake_chart, True)
    assert first == second
    assert list(first) == list(second)


def test_all_pages_order(directory: Directory) -> None:
    keys = list(pages.all_pages(directory, fake_chart, True))
    assert keys[:17] == [
        "index.md",
        "leaders/index.md",
        "sectors/index.md",
        "key-areas.md",
        "mechanisms.md",
        "notice.md",
        "changes.md",
        "lookup.md",
        "leaders/quzhang.md",
        "leaders/changwu-fuquzhang.md",
        "leaders/fuquzhang-kaifaqu.md",
        "leaders/dangzu-chengjian.md",
        "leaders/fuquzhang-ziranziyuan.md",
        "leaders/fuquzhang-jiaotong.md",
        "leaders/fuquzhang-jiaoyu.md",
        "leaders/fuquzhang-gongan.md",
        "leaders/fuquzhang-nongye.md",
    ]
    # Then one page per sector in the notice's order, starting with 发展改革 and its scopes.
    assert keys[17:21] == [
        "sectors/fa-zhan-gai-ge.md",
        "sectors/liang-shi.md",
        "sectors/neng-yuan.md",
        "sectors/you-qi-chang-shu-guan-xian.md",
    ]
    assert keys[17:] == [f"sectors/{s.slug}.md" for s in directory.sectors.values()]
    assert len(keys) == 17 + 71


PAGES_DIGEST = """
import datetime as dt, hashlib, json, sys
from dutydir import load_directory
from dutydir.render import pages
from dutydir.render import dot, search_words
d, _ = load_directory(sys.argv[1], as_of=dt.date(2026, 1, 1))
search_words.teach_jieba([d])
chart = lambda dot: "<svg><!-- " + hashlib.sha256(dot.encode()).hexdigest()[:12] + " --></svg>"
out = {"pages": list(pages.all_pages(d, chart, True).items()), "flat": list(pages.all_pages(d, chart, False).items()),
       "dot": [dot.district(d)] + [dot.leader(d, p) for p in d.posts]}
print(hashlib.sha256(json.dumps(out, ensure_ascii=False).encode()).hexdigest())
"""


def test_pages_do_not_depend_on_hash_seed() -> None:
    """Fresh processes with different string hash seeds generate the same pages in the same order."""
    data = Path(__file__).resolve().parents[1] / "data" / "leaders.yaml"
    digests = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-c", PAGES_DIGEST, str(data)], env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        digests.add(proc.stdout.strip())
    assert len(digests) == 1
