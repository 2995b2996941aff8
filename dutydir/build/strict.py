"""Strict means strict: a warning fails a strict build whatever the verbosity.

``mkdocs build --strict --quiet`` raises the ``mkdocs`` logger to ERROR, so the warnings it counts
in strict mode are dropped before anything counts them, and the build passes (mkdocs issue 4126).
Here the logger lets warnings through again and only MkDocs' console handler stays quiet; a counter
of this module's own then fails the build at its end, with or without ``-q``.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

LOGGER = logging.getLogger("mkdocs")
COUNTER = CountHandler(level=logging.WARNING)
"""Counts the warnings of the build under way."""


def start(strict: bool) -> None:
    """Count this build's warnings (strict builds only), even those ``--quiet`` hides from the console."""
    LOGGER.removeHandler(COUNTER)
    COUNTER.counts.clear()
    if not strict:
        return
    if LOGGER.getEffectiveLevel() > logging.WARNING:
        quiet = LOGGER.getEffectiveLevel()
        # The console keeps the quiet level the user asked for; only the logger lets warnings reach the counter.
        for handler in LOGGER.handlers:
            handler.setLevel(max(handler.level, quiet))
        LOGGER.setLevel(logging.WARNING)
    LOGGER.addHandler(COUNTER)


LEVELS = {"WARNING": "警告", "ERROR": "错误", "CRITICAL": "严重错误"}
"""MkDocs' log levels as a clerk reads them."""


def finish() -> None:
    """Stop counting; fail the build when a warning was logged."""
    LOGGER.removeHandler(COUNTER)
    counts = COUNTER.get_counts()
    COUNTER.counts.clear()
    if counts:
        found = "、".join(f"{n} 条{LEVELS.get(level, level)}" for level, n in counts)
        raise PluginError(f"严格构建：出现了 {found}（去掉 --quiet 再运行可看到详情）")
