"""Offices and the words that make one office another (shared by quotes and claims):
which roles name the same office (``resources/role_synonyms.txt``), which words give an
office a rank that makes it another (``resources/role_ranks.txt``: a shadow chancellor is
not "the chancellor") and the compound offices of ``resources/titles.txt``. The quotes
stage resolves a speaker described by a role with them (``quotes.descriptions``,
``quotes.roles``); the claims stage the person a claim's content names by a role
(``claims.people``)."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..resources import role_ranks, titles, word_list


@lru_cache(maxsize=1)
def role_synonyms() -> dict[str, frozenset[str]]:
    """role -> the roles that name the same office (``resources/role_synonyms.txt``), itself included."""
    groups: dict[str, set[str]] = defaultdict(set)
    for line in word_list("role_synonyms"):
        a, sep, b = (p.strip() for p in line.partition("|"))
        if not sep or not a or not b:
            raise ValueError(f"role_synonyms.txt: expected 'role | role', got {line!r}")
        group = groups[a] | groups[b] | {a, b}
        for r in group:
            groups[r] = group
    return {r: frozenset(g) for r, g in groups.items()}


@lru_cache(maxsize=1)
def rank_words() -> frozenset[str]:
    """Words that make an office another (``resources/role_ranks.txt``, both kinds)."""
    return role_ranks("other") | role_ranks("under")


@lru_cache(maxsize=1)
def office_titles() -> frozenset[str]:
    """The offices of ``resources/titles.txt`` (kind ``office``), lower case, compound ones too."""
    return frozenset(t.lower() for t in titles("office"))
