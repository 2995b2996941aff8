"""URL names and sort keys derived from Chinese names with pinyin."""

from __future__ import annotations

import functools
import gc
import re

# pypinyin reads its tables (some 400,000 phrases) when imported and keeps them for good. The garbage
# collector need not walk them, neither while they are read nor at every full collection after: that
# walking costs more than a build's reading of the data.
collecting = gc.isenabled()
gc.disable()
try:
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg import mmseg
finally:
    gc.freeze()
    if collecting:
        gc.enable()

# pypinyin reads 长输 as zhǎng shū; in 油气长输管线 it is cháng shū (long-distance).
PHRASES = {"长输": [["cháng"], ["shū"]]}
# What pypinyin's load_phrases_dict does, but its segmenter learns only the new phrases: load_phrases_dict
# retrains it on all of pypinyin's phrases, some 20 ms of every build.
PHRASES_DICT.update(PHRASES)
mmseg.seg.train(iter(PHRASES))


@functools.cache  # the same sector names recur in every unit of a city
def slugify(name: str) -> str:
    """A URL name from a Chinese name: its pinyin syllables joined by '-', ASCII only."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="default")
    text = "-".join(s.lower() for s in syllables)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@functools.cache
def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key that orders Chinese names A–Z by pinyin (with tones), ties by the name itself."""
    return " ".join(lazy_pinyin(name, style=Style.TONE3)), name


@functools.cache
def initial(name: str) -> str:
    """The capital letter a name is filed under in an A–Z index; '#' when it has none."""
    first = lazy_pinyin(name[:1], style=Style.FIRST_LETTER)
    letter = first[0][:1].upper() if first and first[0] else ""
    return letter if "A" <= letter <= "Z" else "#"
