"""A town's and a city's sites speak in their own words: no district word of Xinzhou's reaches their pages.

Each sample is built with plain ``mkdocs build --strict`` (no -q, so a warning fails it) from its own
mkdocs.yml, and every text file of the built site (HTML with its inline SVG charts, the search
index, the sitemap) is read back and searched for words that only a district's data would contain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data"
# Words of a district's notice (Xinzhou's above all) that a town or a city must not find on its own site.
DISTRICT_WORDS = [
    "区长",
    "副区长",
    "区政府",
    "区人民政府",
    "全区",
    "区安委办",
    "区直",
    "区委",
    "区应急管理局",
    "区安全生产协调专员",
    "党组成员（副区长）",
    "各街镇",
    "新洲",
    "丁力",
    "通知四（一）",
    "通知四（二）",
]
TEXT_SUFFIXES = {".html", ".json", ".xml", ".svg", ".txt", ".md"}


def build(sample: str, site: Path) -> subprocess.CompletedProcess[str]:
    """Build a sample's site with its own mkdocs.yml into ``site``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUTYDIR_")} | {"NO_MKDOCS_2_WARNING": "1"}
    config = SAMPLES / sample / "mkdocs.yml"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def foreign_words(sample: str, site: Path) -> dict[str, list[str]]:
    """Each district word the sample's own data lacks, with the built files that contain it."""
    own = "".join(p.read_text(encoding="utf-8") for p in (SAMPLES / sample).glob("*.*") if p.suffix in {".yaml", ".md"})
    texts = {
        str(p.relative_to(site)): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*"))
        if p.suffix in TEXT_SUFFIXES and "assets" not in p.parts
    }
    # A clause the unit's own notice has (the town's notice has a 四（一） too) may be cited.
    kept = [w for w in DISTRICT_WORDS if w.removeprefix("通知") not in own]
    found = {w: [name for name, text in texts.items() if w in text] for w in kept}
    return {w: names for w, names in found.items() if names}


@pytest.mark.parametrize("sample", ["town", "city"])
def test_sample_site_has_no_district_words(sample: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = build(sample, site)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    assert (site / "search" / "search_index.json").is_file()
    assert "<svg" in (site / "index.html").read_text(encoding="utf-8")
    assert foreign_words(sample, site) == {}


def test_the_word_check_finds_a_district_word(tmp_path: Path) -> None:
    """The check above fails when a built file holds a district word the data lacks."""
    site = tmp_path / "site"
    (site / "sectors").mkdir(parents=True)
    (site / "sectors" / "x.html").write_text("<p>由副区长代理</p>", encoding="utf-8")
    (site / "search.json").write_text('{"text": "全区"}', encoding="utf-8")
    assert foreign_words("town", site) == {
        "区长": ["sectors/x.html"],
        "副区长": ["sectors/x.html"],
        "全区": ["search.json"],
    }
