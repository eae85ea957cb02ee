"""A person's gender, for the speakers' "he"/"she" rule (``quotes.speakers.SpeakerResolver``)
and for which of two persons of a document a titled surname is (``entities.canonical``:
"Mr. Clinton" beside "Hillary Clinton" and "Bill Clinton"; an untitled "President Obama" where the
article writes only "Mr. Obama": ``titles_by_word``, ``mention_gender``, which the speakers use
too): from a courtesy title before one
of their mentions (``titles.txt`` kinds ``male`` and
``female``: "Ms. LaBelle"), else from the first of two or more words of their name
(``resources/given_names.txt``: "Carly Fiorina", "Ted Cruz"). Unknown is the default: a
surname alone, a name both sexes are given ("Jamie"), a name the list lacks. An unnamed
source's description says one by its head noun (``gendered_nouns.txt``: "her pop star son").
"""
from __future__ import annotations

from functools import lru_cache
from itertools import takewhile
from typing import Iterable

from ..resources import gendered_nouns, given_names, titles

#: the kinds of ``titles.txt``, ``given_names.txt`` and ``gendered_nouns.txt`` that tell a gender, and its code
GENDERS = (("male", "m"), ("female", "f"))


@lru_cache(maxsize=None)
def _honorifics() -> tuple[tuple[str, str], ...]:
    """(courtesy title + space, "m" or "f") for the titles that tell a gender."""
    return tuple((t + " ", g) for kind, g in GENDERS for t in titles(kind))


def honorific_genders(text: str, persons: Iterable[tuple[int, str, str]]) -> dict[str, str]:
    """Name -> "m"/"f" where a courtesy title stands before one of the person's mentions
    (``persons``: start offset in ``text``, the mention's canonical as the entities table
    gives it, and the name the speakers know the person by)."""
    out: dict[str, str] = {}
    for start, canonical, name in persons:
        before = text[max(0, start - 6):start] + " " + canonical[:5]
        for honorific, g in _honorifics():
            if honorific in before:
                out.setdefault(name, g)
    return out


@lru_cache(maxsize=None)
def title_gender(title: str | None) -> str | None:
    """"m"/"f" for a courtesy title that says so ("Mr.", "Mrs", "Lady"), else None."""
    if not title:
        return None
    return next((g for kind, g in GENDERS if title in titles(kind) or title + "." in titles(kind)), None)


#: titles before a first name, not a surname ("Sir Howard", "Dame Judi")
KNIGHT_TITLES = ("Sir", "Dame")


def titles_by_word(mentions: Iterable[tuple[str, str | None]]) -> dict[str, set[str]]:
    """Word -> the genders the courtesy titles before it tell, over one document's one-word
    person mentions (``(word, courtesy title or None)``): {"m"} for a surname only ever
    written "Mr. Obama", both for "Mr." and "Mrs. Clinton". A knight's title stands before
    a first name and is not counted."""
    out: dict[str, set[str]] = {}
    for word, title in mentions:
        if title and title not in KNIGHT_TITLES and (g := title_gender(title)) is not None:
            out.setdefault(word, set()).add(g)
    return out


def mention_gender(word: str, title: str | None, by_word: dict[str, set[str]]) -> str | None:
    """The gender of a one-word person mention: its courtesy title's; else the one gender
    the document's titles give the word (``titles_by_word``: "President Obama" in an article
    that says "Mr. Obama" and never "Mrs. Obama"); else None."""
    g = title_gender(title)
    if g is None and len(genders := by_word.get(word, ())) == 1:
        (g,) = genders
    return g


def first_name_gender(name: str) -> str | None:
    """"m"/"f" when the first of two or more words of ``name`` is a given name that says so."""
    first, _, rest = name.partition(" ")
    if not rest:
        return None
    low = first.lower()
    return next((g for kind, g in GENDERS if low in given_names(kind)), None)


def fits_gender(name: str, gender: str | None) -> bool:
    """Can ``name`` be that of a person of ``gender`` (None: any)? Its first name decides;
    an unknown first name fits either."""
    return gender is None or first_name_gender(name) in (None, gender)


# words that end a description's head: "spokesman for the woman's group" is a man
_AFTER_HEAD = frozenset({"for", "of", "from", "at", "in", "to", "with", "on", "by"})


@lru_cache(maxsize=None)
def description_gender(description: str) -> str | None:
    """"m"/"f" when the head of an unnamed source's description, its last word before
    any preposition, is a noun that says so (``gendered_nouns.txt``: "her pop star son",
    "Big Brother spokeswoman"; not "Big Brother contestant"), else None."""
    words = list(takewhile(lambda w: w not in _AFTER_HEAD, description.lower().split()))
    return noun_gender(words[-1].strip(".,'’")) if words else None


def noun_gender(noun: str) -> str | None:
    """"m"/"f" for a person noun of ``gendered_nouns.txt`` (lower case), else None."""
    return next((g for kind, g in GENDERS if noun in gendered_nouns(kind)), None)
