"""A person's gender, for the speakers' "he"/"she" rule (``quotes.speakers.SpeakerResolver``)
and for which of two persons of a document a titled surname is (``entities.canonical``:
"Mr. Clinton" beside "Hillary Clinton" and "Bill Clinton"; an untitled "President Obama" where
the article writes "Mr. Obama" fifteen times: ``surname_genders``, ``mention_gender``, which
the speakers use too): from a courtesy title before one of their mentions (``titles.txt``
kinds ``male`` and ``female``: "Ms. LaBelle"), else from the first of two or more words of
their name (``resources/given_names.txt``: "Carly Fiorina", "Ted Cruz"). Unknown is the
default: a surname alone (unless the document's titles give it one, ``surname_genders``), a
name both sexes are given ("Jamie"), a name the list lacks. An unnamed source's description
says one by its head noun (``gendered_nouns.txt``: "her pop star son").
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import takewhile
from typing import Iterable

from ..resources import gendered_nouns, given_names, titles

#: the kinds of ``titles.txt``, ``given_names.txt`` and ``gendered_nouns.txt`` that tell a gender, and its code
GENDERS = (("male", "m"), ("female", "f"))


#: the gender a personal pronoun says ("m"/"f"); the others say none
PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}


@lru_cache(maxsize=None)
def _honorifics() -> tuple[tuple[str, str], ...]:
    """(courtesy title + space, "m" or "f") for the titles that tell a gender."""
    return tuple((t + " ", g) for kind, g in GENDERS for t in titles(kind))


def honorific_genders(text: str, persons: Iterable[tuple[int, str, str]]) -> dict[str, str]:
    """Name -> "m"/"f" where a courtesy title stands before one of the person's mentions
    (``persons``: start offset in ``text``, the mention's canonical as the entities table
    gives it, and the name the speakers know the person by). The title may begin the
    canonical name too (a peer's: "Baroness Amos"; BBC politics, where "he" had taken her
    from "Lord Kinnock" named before her)."""
    out: dict[str, str] = {}
    n = max((len(h) for h, _ in _honorifics()), default=0)
    for start, canonical, name in persons:
        before = text[max(0, start - n):start] + " " + canonical[:n]
        for honorific, g in _honorifics():
            if honorific in before:
                out.setdefault(name, g)
    return out


@lru_cache(maxsize=None)
def title_gender(title: str | None) -> str | None:
    """"m"/"f" for a courtesy title that says so ("Mr.", "Mrs", "Lady"), else None."""
    if not title:
        return None
    return next((g for kind, g in GENDERS if _of_kind(title, kind)), None)


def surname_genders(mentions: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Word -> the gender a document's courtesy titles give a surname written alone, over
    its one-word person mentions (``(word, courtesy title or None)``), where its titles
    (``titles.txt`` kind ``surname``, not "Sir" or "Dame", which come before a given name)
    give one gender only and its titled mentions outnumber its untitled ones: NYT style,
    "Mr. Obama" fifteen times and "President Obama" once (PolNeAR dev). Where the untitled
    surname is the more frequent it may be another person's: BBC sport writes "Murray" for
    Andy Murray and "Mrs Murray" for his mother."""
    genders: dict[str, set[str]] = {}
    lead: Counter = Counter()  # titled mentions less untitled ones
    for word, title in mentions:
        g = title_gender(title) if title and _of_kind(title, "surname") else None
        if g is not None:
            genders.setdefault(word, set()).add(g)
            lead[word] += 1
        elif not title:
            lead[word] -= 1
    return {w: next(iter(gs)) for w, gs in genders.items() if len(gs) == 1 and lead[w] > 0}


@lru_cache(maxsize=None)
def _of_kind(title: str, kind: str) -> bool:
    """``title`` (with or without its stop) is a ``titles.txt`` entry of ``kind``."""
    return title in titles(kind) or title + "." in titles(kind)


def mention_gender(word: str, title: str | None, by_word: dict[str, str]) -> str | None:
    """The gender of a one-word person mention: its courtesy title's, else the one
    ``surname_genders`` gives its word in the document, else None."""
    return title_gender(title) or by_word.get(word)


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
