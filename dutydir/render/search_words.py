"""What the site's search needs from the directory: words to cut Chinese at, words pages are found by, a compact index.

Material's search indexes Chinese only as the words jieba cuts it into, and finds a word by its
beginning: 城镇燃气 is cut into 城镇 / 燃气, so 燃气 finds it; a name jieba kept whole would not be
found by its second half. So jieba is given only words readers type whole (people's names and the
sectors' keywords), and the words that lead to a sector without being in its name (the key areas
that fall under it and its keywords) are given to its page as search tags.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dutydir.model.directory import Directory, Post, Sector

# How often jieba is told the data's words occur: enough to keep them whole inside longer names
# (大数据 in 政务服务和大数据管理 needs about 100), far below common words (管理: 27191).
WORD_FREQUENCY = 1000
# Material hands jieba only runs of Han characters; a word with anything else in it is never cut.
HAN_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def terms(d: Directory, sector: Sector) -> tuple[str, ...]:
    """Words a sector's page is found by beyond its name: the key areas under it, its keywords, the vocabulary's."""
    words = [a.name for a in d.key_areas_of(sector)] + list(sector.keywords) + list(d.vocabulary.get(sector.name, ()))
    # Parts of its name, so a part jieba would keep inside a whole word still finds it (冶金 in 工业冶金).
    words += name_parts(sector.name)
    return tuple(w for w in dict.fromkeys(words) if w != sector.name)


def name_parts(name: str) -> list[str]:
    """The words of two or more characters jieba's search mode finds inside a name, the name itself left out."""
    import jieba

    return [w for w in dict.fromkeys(jieba.cut_for_search(name)) if len(w) > 1 and w != name]


def segmenter_words(d: Directory) -> list[str]:
    """Words jieba must keep whole: everyone's name in the data, then every keyword; Han characters only."""
    names = [h.person for post in d.posts for h in post.holders]
    names += [h.person for c in d.commissioners.values() for h in c.holders]
    keywords = [w for s in d.sectors.values() for w in s.keywords]
    return [w for w in dict.fromkeys(names + keywords) if HAN_WORD.fullmatch(w)]


def cut_words(d: Directory, phrases: list[str]) -> list[str]:
    """Each phrase, the words jieba cuts it into for search (knowing the unit's words), then its characters.

    The characters are for Pagefind's queries: the browser cuts a typed query with Intl.Segmenter,
    whose dictionary splits names and most everyday words into single characters (渣土车 into
    渣 / 土 / 车), and Pagefind wants every piece to begin a word of the page. So the page is
    given those pieces too, and a query finds it however the browser cuts it.
    """
    import jieba  # imported here: loading its dictionary takes a second, and only pages need it

    missing = [w for w in segmenter_words(d) if w not in TAUGHT]
    if missing:
        # Cut without them, the words would differ from those Material's search cuts the same page into.
        raise RuntimeError(f"jieba was not taught {missing[0]!r}: call teach_jieba(units) before rendering")
    words: list[str] = []
    for phrase in phrases:
        words += [phrase, *(w for w in jieba.cut_for_search(phrase) if len(w) > 1)]
    characters = [c for phrase in phrases for c in phrase if HAN_WORD.fullmatch(c)]
    return list(dict.fromkeys(words + characters))


def leader_words(d: Directory, post: Post) -> list[str]:
    """Words a leader's page is found by on Pagefind: the holder's name and its characters, the post, the titles."""
    import jieba

    teach_jieba([d])
    holder = d.holder(post)
    name = [holder.person, *(c for c in holder.person if HAN_WORD.fullmatch(c))] if holder else []
    # The titles are cut into words but not into characters: 区 and 长 would lead to every leader.
    titles = [*holder.title.split("、"), post.name] if holder else [post.name]
    words = [w for t in titles for w in (t, *jieba.cut_for_search(t)) if len(w) > 1]
    return list(dict.fromkeys(name + words))


def teach_jieba(units: Iterable[Directory]) -> None:
    """Add the units' names and keywords to jieba's dictionary, so Material's search keeps them whole words.

    jieba's dictionary lives in the process: under `mkdocs serve`, a word removed from the data stays
    until the server restarts.
    """
    import jieba

    quiet_jieba()
    jieba.initialize()
    for unit in units:
        for word in segmenter_words(unit):
            if word not in TAUGHT:
                # jieba.add_word sets the word and adds each prefix it lacks: kept, before and after, to be undone.
                keys = [word[: i + 1] for i in range(len(word))]
                before = [(key, jieba.dt.FREQ.get(key)) for key in keys]
                total = jieba.dt.total
                jieba.add_word(word, frequency(word))
                UNDO.append(Change(word, total, jieba.dt.total, before, [(key, jieba.dt.FREQ[key]) for key in keys]))
                TAUGHT.add(word)


def quiet_jieba() -> None:
    """Silence jieba's note of each dictionary load (DEBUG, on a handler of its own): noise in a clerk's terminal."""
    logging.getLogger("jieba").setLevel(logging.WARNING)


@contextlib.contextmanager
def taught_alone(units: Iterable[Directory]) -> Iterator[None]:
    """Within: jieba knows these units' words and no others; after: it knows again what it knew before.

    A unit's pages are made inside, so that they come out the same whether it is built with the other
    units or alone (a shard): jieba's cuts, and the frequencies it suggests for new words, would
    otherwise depend on which units were taught before.
    """
    kept, known = list(UNDO), set(TAUGHT)
    forget_jieba()
    teach_jieba(units)
    try:
        yield
    finally:
        forget_jieba()
        redo(kept)
        UNDO[:] = kept
        TAUGHT.update(known)


def forget_jieba() -> None:
    """Undo every word taught, newest first."""
    import jieba

    while UNDO:
        change = UNDO.pop()
        for key, value in change.before:
            if value is None:
                jieba.dt.FREQ.pop(key, None)
            else:
                jieba.dt.FREQ[key] = value
        jieba.dt.total = change.total_before
    TAUGHT.clear()


def redo(changes: list[Change]) -> None:
    """Make these changes to jieba's dictionary again, oldest first (no new cut or suggestion needed)."""
    import jieba

    for change in changes:
        for key, value in change.after:
            jieba.dt.FREQ[key] = value
        jieba.dt.total = change.total_after


def frequency(word: str) -> int:
    """How often jieba is told a data word occurs (as taught, or in a user dictionary for a plain build)."""
    import jieba

    return max(WORD_FREQUENCY, jieba.suggest_freq(word))


@dataclass(frozen=True)
class Change:
    """What teaching one word changed in jieba's dictionary."""

    word: str
    """The word taught."""
    total_before: int
    """jieba's total frequency before."""
    total_after: int
    """jieba's total frequency after."""
    before: list[tuple[str, int | None]]
    """Each key touched (the word and its prefixes) with its value before (None: absent)."""
    after: list[tuple[str, int]]
    """The same keys with their values after."""


# Words already added to jieba in this process: pages ask for their unit's words again and again.
TAUGHT: set[str] = set()
# Every word taught and not undone, oldest first.
UNDO: list[Change] = []
