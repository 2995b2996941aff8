"""One fix to Material's built search worker: its query segmenter never tries the piece ending at the last character.

Material 9.8.1 cuts a Chinese query into words found in the index with
``for (let j = i + 1; j < query.length; j++)``: the slice ending at the query's end is never
tried, so 交通运输 is searched as 交通 and a full title loses its last word. Material offers no
setting for it, so the built worker (site/assets/javascripts/workers/search.*.min.js) gets the
one comparison changed, ``<`` to ``<=``. The fix is pinned to the exact text of Material 9.8.1:
another version, or a worker without that text, is reported and left as it is
(tests/test_answer.py fails then, so an upgrade cannot drop the fix silently).
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

MATERIAL = "9.8.1"
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
BEFORE = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
AFTER = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


class PatchError(Exception):
    """The fix does not apply to this Material's worker."""


def patch_worker(site_dir: Path) -> str:
    """Apply the fix to the built worker in site_dir; return what was done, or raise PatchError."""
    installed = version("mkdocs-material")
    if installed != MATERIAL:
        raise PatchError(f"Material 的版本是 {installed}，不是 {MATERIAL}：搜索的中文分词修正未应用")
    workers = sorted(site_dir.glob(WORKER_GLOB))
    if len(workers) != 1:
        raise PatchError(
            f"{site_dir / WORKER_GLOB} 应有一个搜索程序文件，实有 {len(workers)} 个：搜索的中文分词修正未应用"
        )
    text = workers[0].read_text(encoding="utf-8")
    if text.count(BEFORE) != 1:
        raise PatchError(f"{workers[0].name}：找不到 Material {MATERIAL} 中分词循环的位置：搜索的中文分词修正未应用")
    workers[0].write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    return f"搜索程序 {workers[0].name}：查询分词改为也试以查询最后一个字结尾的词"
