"""Persons' full names for canonical names (``canonical.py``, rule 2): which two full
names are one person written two ways.

A middle initial does not make another person: "Donald J. Trump" (NYT) is "Donald
Trump" where the corpus gives the name no other middle initial ("George W. Bush" beside
"George H.W. Bush" is no "George Bush"). The caller vetoes a pair that one sentence
names both ("Presidents George W Bush, Bill Clinton, George Bush", BBC business).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

from ..names import without_middle_initials
from .aliases import key


def middle_initial_twins(full_names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Key of a full name with middle initials -> key of the same name without them,
    for the names (``full_names``: surname key -> full names) whose first name and
    surname the corpus writes with one middle initial only."""
    plain: dict[tuple[str, str], str] = {}
    middles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for last, names in full_names.items():
        for f in names:
            words = f.split()
            if len(words) == 2:
                plain[key(words[0]), last] = key(f)
            elif len(without_middle_initials(words)) == 2:
                middles[key(words[0]), last].add(key(f))
    return {next(iter(keys)): plain[pair] for pair, keys in middles.items() if len(keys) == 1 and pair in plain}


def name_length(name: str) -> int:
    """The words of a full name, middle initials aside (the longest name is the
    canonical: "Donald Trump" and "Donald J. Trump" are as long)."""
    return len(without_middle_initials(name.split()))
