"""What ``resources/entity_aliases.txt`` says a name is: its canonical name and
kind (``organisation``, ``place``, ``document``), and the comparison ``key``
names are matched by.

Read by the entity rules of the parse (a party tagged PERSON is ORG; a lone
surname is no alias), the canonical names, and the quotes, claims and actors
stages; it imports no other stage module, so each of them can.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ...resources import word_list

_SPACE = re.compile(r"\s+")
_NOT_KEY = re.compile(r"[\W_]+")

#: what an entry of ``resources/entity_aliases.txt`` names (see the file's header)
ALIAS_KINDS = ("organisation", "place", "document")


@lru_cache(maxsize=1)
def _alias_entries() -> tuple[tuple[str, str, str], ...]:
    """(alias, canonical name, kind) of each line of ``resources/entity_aliases.txt``, checked."""
    out = []
    for line in word_list("entity_aliases"):
        parts = tuple(p.strip() for p in line.split("|"))
        if len(parts) != 3 or not parts[0] or not parts[1] or parts[2] not in ALIAS_KINDS:
            raise ValueError(f"entity_aliases.txt: expected 'alias | canonical | kind' with kind one of "
                             f"{', '.join(ALIAS_KINDS)}; got {line!r}")
        out.append(parts)
    return tuple(out)


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """key(alias) -> (canonical name, kind) from ``resources/entity_aliases.txt``;
    every canonical name is an alias of itself."""
    out: dict[str, tuple[str, str]] = {}
    for alias, canonical, kind in _alias_entries():
        out[key(alias)] = (canonical, kind)
        out.setdefault(key(canonical), (canonical, kind))
    return out


@lru_cache(maxsize=1)
def alias_names() -> dict[str, tuple[str, ...]]:
    """canonical name -> its aliases in ``resources/entity_aliases.txt``, as written
    ("Liberal Democrats" -> ("Liberal Democrats", "Liberal Democrat", "Liberal Democrat
    Party", "Lib Dems", ...))."""
    out: dict[str, list[str]] = {}
    for alias, canonical, _ in _alias_entries():
        out.setdefault(canonical, [canonical]).append(alias)
    return {name: tuple(dict.fromkeys(names)) for name, names in out.items()}


@lru_cache(maxsize=65536)  # a pure function of the name (the list is read once): names recur
def alias_of(name: str | None) -> tuple[str, str] | None:
    """(canonical name, kind) the alias list gives ``name`` ("the Tories" ->
    ("Conservative Party", "organisation")), or None."""
    if not isinstance(name, str):
        return None
    s = _SPACE.sub(" ", name).strip()
    if s[:4].lower() == "the ":
        s = s[4:]
    return aliases().get(key(s))


#: the most words of a party's name: "Tory", "Labour", "Lib Dem" ("Lib Dem Norman Baker",
#: "Lib Dem Treasury spokesman")
PARTY_NAME_WORDS = 2


def organisation_at(words: Sequence[str], k: int, most: int = PARTY_NAME_WORDS) -> tuple[int, str | None]:
    """How many words from ``words[k]`` on the alias list calls an organisation, the longest
    run of at most ``most`` ("Tory", "Lib Dem", "Labour party": a party's name, of at most
    :data:`PARTY_NAME_WORDS`), and the organisation's canonical name; (0, None) when none are."""
    for n in range(min(most, len(words) - k), 0, -1):
        hit = alias_of(" ".join(words[k:k + n]))
        if hit is not None and hit[1] == "organisation":
            return n, hit[0]
    return 0, None


def known_as(name: str) -> str:
    """The canonical name the alias list gives ``name``, or ``name`` as it is."""
    hit = alias_of(name)
    return hit[0] if hit is not None else name


def alias_kind(name: str | None) -> str | None:
    """What the alias list says ``name`` is (``organisation``, ``place``, ``document``), or None."""
    hit = alias_of(name)
    return hit[1] if hit else None


# key() is a pure function of short strings that repeat a lot (the same names
# recur across a corpus): memoised, bounded.
@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Comparison key: case, hyphens, dots, spaces and apostrophes ignored."""
    return _NOT_KEY.sub("", text.casefold())
