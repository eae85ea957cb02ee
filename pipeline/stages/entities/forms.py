"""How names are written: a mention's surface form (no "the", possessive or titles),
a person's name without the party, camp or role words before it, whether a form is
written as names are, and the acronyms the corpus knows.

Pure functions of short strings, shared by the canonical names
(:mod:`pipeline.stages.entities.canonical`), the speaker labels
(:func:`pipeline.stages.quotes.sources.speaker_name`) and the claims' ``about`` column.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...resources import first_names, org_heads, word_list
from ..names import (WORD_PUNCT, all_title_words, camp_words, postnominals, role_words, shortened_name, strip_titles,
                     without_generation_comma)
from .aliases import organisation_at
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
        s = without_generation_comma(without_affiliation(strip_titles(s, roles=False)))
    return s.strip() or text.strip()


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Title and role words, and the heads of bodies' names: no word of a person's name."""
    return all_title_words() | org_heads()


@lru_cache(maxsize=65536)  # a pure function of short strings that recur
def without_affiliation(name: str) -> str:
    """A person's name without the party, camp and role words written before it, which
    say who the person is and are not part of the name (docs/guidelines.md §3, §4.5):
    "Lib Dem MP Lembit Opik" -> "Lembit Opik", "Tory Dominic Grieve" -> "Dominic
    Grieve", "MSP Karen Whitefield" -> "Karen Whitefield", "Lawyer Louise Christian" ->
    "Louise Christian" (BBC politics: each was an actor apart from the person, and the
    speaker of their quotes matched no name of the document). A party is an organisation
    of ``entity_aliases.txt``, a camp ``titles.txt`` kind ``camp``, a role kind ``word``
    (not a courtesy title or a peer's: ``names.role_words``).

    Only where a name follows: two capitalised words or more, none of them a title or
    role word or the head of a body's name (``org_heads.txt``), or one such word after
    camp words only ("Euro-Sceptic Kilroy-Silk" -> "Kilroy-Silk", the surname the
    document's full name resolves). A role or party word before one word stays: a first
    name left by a split mention would resolve to another person ("High Court Judge
    Richard" | "Mawrey": not Cliff Richard; "Tory Dominic" | "Grieve"), and names of
    bodies keep their words ("Lib Dem Home Affairs", "Labour Party Conference"). A first
    word that is a first name (``given_names.txt``) before a word that is none is the
    person's own ("Chase Jones")."""
    words = name.split()
    k, camp_only = 0, True
    while k < len(words):
        w = words[k].lower().strip(WORD_PUNCT)
        if n := organisation_at(words, k)[0]:  # a party's name
            k, camp_only = k + n, False
        elif w in camp_words():
            k += 1
        elif w in role_words() or ((bare := words[k].strip(WORD_PUNCT)).isupper() and bare in postnominals()):
            k, camp_only = k + 1, False  # (letters before the name too: "Plaid AM Helen Mary Jones")
        else:
            break
    rest = words[k:]
    if k == 0 or not rest or (len(rest) < 2 and not camp_only):
        return name
    not_names = _not_name_words()
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in rest[:-1]) or not rest[-1][:1].isupper() \
            or any(w.lower().strip(WORD_PUNCT) in not_names for w in rest):
        return name
    if words[0].lower() in first_names() and rest[0].lower() not in first_names():
        return name
    return " ".join(rest)


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
