"""DOT to SVG with Graphviz's dot, cached by a hash of the DOT so unchanged charts render once."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

# Bumped whenever post-processing changes, so old cache entries are not reused.
CACHE_VERSION = "1"
PROLOG_RE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)


class ChartError(Exception):
    """Graphviz failed to render a chart."""


def cache_key(dot: str) -> str:
    """The cache file name for a DOT text."""
    return hashlib.sha256((CACHE_VERSION + "\n" + dot).encode("utf-8")).hexdigest() + ".svg"


def render(dot: str, cache_dir: Path | None = None) -> str:
    """SVG markup for a DOT text, ready to inline in HTML; read from the cache when present."""
    cached = cache_dir / cache_key(dot) if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_text(encoding="utf-8")
    # Imported here: a build whose charts all come from the cache does without it (some 20 ms).
    import graphviz

    try:
        raw = graphviz.pipe("dot", "svg", dot.encode("utf-8"), quiet=True)
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as e:
        raise ChartError(f"Graphviz 无法画出关系图：{e}") from None
    svg = clean(raw.decode("utf-8"))
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename: a build stopped half-way never leaves a truncated cache entry.
            fd, tmp = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(svg)
            os.replace(tmp, cached)
        except OSError:
            pass  # A cache that cannot be written (full disk, a file in the way) only costs the next build time.
    return svg


def clean(svg: str) -> str:
    """Drop the XML prolog, doctype and comments, and blank lines that would end a Markdown HTML block."""
    body = PROLOG_RE.sub("", svg)
    return "\n".join(line for line in body.splitlines() if line.strip())
