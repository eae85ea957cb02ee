"""How names are written: a mention's surface form (no "the", possessive or titles),
whether a form is written as names are, and the acronyms the corpus knows.

Pure functions of short strings, shared by the canonical names
(:mod:`pipeline.stages.entities.canonical`) and the claims' ``about`` column.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import word_list
from ..names import shortened_name, strip_titles, without_generation_comma
from .aliases import alias_kind
from .rules import NAME_PARTICLES

# A function word glued to the next name by a missing space ("ofNew Labour"; BBC
# politics): names start with a capital, so a lower-case prefix before one is a typo.
_GLUED = re.compile(r"(?<![\w'’.-])(?:of|the|and|to|in|for|on|at|by|from|with|a|an)(?=[A-Z][a-z])")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_INITIALLED = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z]")
#: a run of white space, written as one space in a surface form
SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def known_acronyms() -> dict[str, str | None]:
    """ACRONYM -> official expansion (or None) from ``resources/org_acronyms.txt``."""
    out: dict[str, str | None] = {}
    for line in word_list("org_acronyms"):
        acr, _, exp = (p.strip() for p in line.partition("|"))
        out[acr] = exp or None
    return out


# --- surface forms ----------------------------------------------------------

# surface() is a pure function of short strings that repeat a lot (the same
# names recur across a corpus): memoised, bounded.
@lru_cache(maxsize=65536)
def surface(text: str, label: str | None = None) -> str:
    """The mention without "the", possessive, and (persons) courtesy and job titles.

    >>> surface("Belarusian Deputy Foreign Minister Igor Sekreta", "PERSON")
    'Igor Sekreta'
    >>> surface("the OSCE's", "ORG")
    'OSCE'
    """
    s = SPACE.sub(" ", text).strip()
    s = _POSSESSIVE.sub("", s).strip()
    if s[:4].lower() == "the ":
        s = s[4:]
    s = _GLUED.sub("", s)
    if label in (None, "PERSON"):
        s = strip_titles(s, roles=False)
        words = s.split()
        # "Tories Ken Clarke": a party's name glued before a person's full name
        while len(words) >= 3 and alias_kind(words[0]) == "organisation":
            words = words[1:]
        s = without_generation_comma(" ".join(words))
    return s.strip() or text.strip()


def well_formed(name: str, label: str | None) -> bool:
    """A name as names are written: a person's every word capitalised (or a particle:
    "de", "van"; an initial), anything else at least one capital letter, no digits
    in a person's name. Casing and tokenisation glitches ("ofNew Labour", "his
    comments", "code-breaking") are not names and never become a canonical."""
    words = name.split()
    if not words or not any(ch.isupper() for ch in name):
        return False
    if label == "PERSON":
        return all((w[:1].isupper() or w.lower() in NAME_PARTICLES) and not any(ch.isdigit() for ch in w)
                   for w in words)
    return True


def is_initialled(s: str) -> bool:
    return _INITIALLED.match(s) is not None


def initial_surname(s: str) -> tuple[str, str]:
    """("A", "Lukashenko") for "A.Lukashenko" / "A. Lukashenko" / "M.G. Link"."""
    m = re.match(r"^((?:[A-Z]\.\s?){1,3})(.+)$", s)
    return (m.group(1)[0], m.group(2).split()[-1]) if m else (s[:1], s.split()[-1])


@lru_cache(maxsize=65536)  # names recur across a corpus
def is_full_name(s: str) -> bool:
    """A person's name of two words or more, not initialled, capitalised as names are,
    and more than a surname with its generation ("Trump Jr."; ``names.shortened_name``)."""
    words = s.split()
    return len(words) >= 2 and not is_initialled(s) and not shortened_name(words) \
        and well_formed(s, "PERSON")
