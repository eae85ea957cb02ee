"""Acronyms and the names they abbreviate, for canonical names (``canonical.py``, rule 3):
``OSCE`` spells ``Organization for Security and Co-operation in Europe``, ``PA`` spells
``OSCE Parliamentary Assembly`` after its parent's acronym, ``OSCE PA`` matches it word by word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..names import ACRONYM_RE, acronym_matches, expansion_words, memo_search

_ACRONYM_SHAPE = re.compile("^" + ACRONYM_RE + "$")


@lru_cache(maxsize=65536)  # asked of every mention's surface, several times per document
def is_acronym(s: str) -> bool:
    return " " not in s and _ACRONYM_SHAPE.match(s) is not None


@lru_cache(maxsize=65536)
def has_acronym_word(s: str) -> bool:
    """A name of several words one of which is an acronym ("OSCE PA", "OSCE Parliamentary Assembly")."""
    return " " in s and any(is_acronym(w) for w in s.split())


@lru_cache(maxsize=65536)
def compound_matches(short: str, long: str) -> bool:
    """``OSCE PA`` ~ ``OSCE Parliamentary Assembly``: words equal or acronym of a run."""
    sw, lw = short.split(), expansion_words(long)
    if len(sw) < 2 or not any(is_acronym(w) for w in sw) or not lw or sw[0][:1] != lw[0][:1]:
        return False

    def go_from(go, i: int, j: int) -> bool:
        if i == len(sw):
            return j == len(lw)
        if j == len(lw):
            return False
        if sw[i] == lw[j] and go(i + 1, j + 1):
            return True
        if is_acronym(sw[i]):
            for k in range(j + 1, len(lw) + 1):
                if acronym_matches(sw[i], lw[j:k]) and go(i + 1, k):
                    return True
        return False

    return memo_search(go_from)


@lru_cache(maxsize=65536)  # pairs of one document's names, which recur across a corpus
def spells(acronym: str, name: str) -> bool:
    """``acronym`` spells ``name``, possibly after a parent organisation's acronym
    ("PA" ~ "OSCE Parliamentary Assembly", docs/guidelines.md §3: longest proper name)."""
    words = expansion_words(name)
    if acronym_matches(acronym, words):
        return True
    k = 0
    while k < len(words) - 1 and is_acronym(words[k]):
        k += 1
    return 0 < k and acronym_matches(acronym, words[k:])


@lru_cache(maxsize=65536)
def capitalised(s: str) -> bool:
    """Every word of the name but its function words starts with a capital."""
    words = [w for w in expansion_words(s) if w.lower() not in {"of", "for", "and", "in", "the", "on", "to"}]
    return bool(words) and all(w[:1].isupper() for w in words)
