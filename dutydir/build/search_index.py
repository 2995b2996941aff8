"""The search index written by Material, rewritten after the build."""

from __future__ import annotations

import json


def compact_index(text: str) -> str:
    """The search index JSON with its text as UTF-8 rather than \\u escapes (3 bytes a Han character, not 6)."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
