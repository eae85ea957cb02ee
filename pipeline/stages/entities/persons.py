"""Persons' full names for canonical names (``canonical.py``, rule 2): which two full
names are one person written two ways.

A middle initial does not make another person: "Donald J. Trump" (NYT) is "Donald
Trump", where the corpus gives the first name and surname no other middle part
("George W. Bush" beside "George H.W. Bush" is no "George Bush"). Nor do middle names
where one document gives both names: "Sir Edward Richard George Heath" is the "Edward
Heath" of the same BBC article (docs/guidelines.md §4.5: the fullest name the article
gives), but Jerry Lee Lewis is not the Jerry Lewis of another article. Middle names and
their initials are one middle part ("George Walker Bush", "George W. Bush"). The caller
vetoes a pair that one sentence names both ("Presidents George W Bush, Bill Clinton,
George Bush", BBC business).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Mapping

from ..names import MIDDLE_INITIAL, generation_of, without_middle_initials
from .aliases import key


def _middle_part(words: list[str]) -> tuple[tuple[str, ...], bool] | None:
    """The initials of a full name's middle names and middle initials ("Edward Richard
    George Heath" -> ("R", "G"), "George H.W. Bush" -> ("H", "W")), () for a first name
    and surname alone, and whether the middle part is initials only ("Edward R. G. Heath");
    None where the name has a generation or a word that is no capitalised name between
    them ("Ludwig van Beethoven": the particle is the surname's)."""
    if len(words) < 2 or generation_of(" ".join(words)) is not None:
        return None
    out: list[str] = []
    initials_only = True
    for w in words[1:-1]:
        if MIDDLE_INITIAL.match(w):
            out.extend(w.replace(".", ""))
        elif w[:1].isupper() and w[1:2].islower():
            out.append(w[0])
            initials_only = False
        else:
            return None
    return tuple(out), initials_only


def middle_name_twins(full_names: Mapping[str, Mapping[str, Iterable[str]]]) -> dict[str, str]:
    """Key of a full name with a middle part -> key of the same name without it, for the
    names (``full_names``: surname key -> full name -> the documents that give it) whose
    first name and surname the corpus writes with one middle part only (its initials:
    "Edward R. G. Heath" and "Edward Richard George Heath" are one); a name with a middle
    name, not initials only, where a document also gives the name without it."""
    plain: dict[tuple[str, str], tuple[str, set]] = {}
    middles: dict[tuple[str, str], dict[tuple[str, ...], list]] = defaultdict(lambda: defaultdict(list))
    for last, names in full_names.items():
        for f, docs in names.items():
            words = f.split()
            # (no generation, so ``last``, the key of its surname, is the key of its last word)
            if (middle := _middle_part(words)) is None:
                continue
            part, initials_only = middle
            pair = key(words[0]), last
            if not part:
                plain[pair] = key(f), set(docs)
            else:
                middles[pair][part].append((key(f), initials_only, set(docs)))
    out = {}
    for pair, parts in middles.items():
        if len(parts) != 1 or pair not in plain:
            continue
        target, plain_docs = plain[pair]
        for k, initials_only, docs in next(iter(parts.values())):
            if initials_only or docs & plain_docs:
                out[k] = target
    return out


def name_length(name: str) -> int:
    """The words of a full name, middle initials aside (the longest name is the
    canonical: "Donald Trump" and "Donald J. Trump" are as long)."""
    return len(without_middle_initials(name.split()))
