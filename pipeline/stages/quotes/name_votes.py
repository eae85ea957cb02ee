"""Which one-word names a document's entity rows make bodies, whatever the NER said of one
mention (rule 1 of :mod:`pipeline.stages.quotes.speakers`): ``organisations_by_vote`` (tagged
an organisation at least as often as a person: `Yukos`) and ``bodies_by_label`` (tagged only
ORG or GPE: `BT`), both from one count (``one_word_bodies``), never a name written after what
may be a first name (``_after_first_name``)."""
from __future__ import annotations

from typing import Iterator

from ..entities.patterns import WEEKDAYS_MONTHS


def organisations_by_vote(entities, text: str) -> frozenset[str]:
    """One-word names (``canonical``) that a document's entity rows tag an organisation at
    least as often as a person: the small NER calls the same company PERSON in one
    sentence and ORG in the next (BBC: `Yukos`, `Novartis`, `BAA`), and a person's name
    is seldom tagged ORG. Their speakers are organisations. Not a name the ``text``
    writes after what may be a first name (``_after_first_name``): the NER tags some
    people ORG, surname and all (BBC: `Graeme Souness`, `Philip Pullman`, `Adrian
    Mutu`)."""
    return one_word_bodies(entities, text)[0]


def bodies_by_label(entities, text: str) -> dict[str, str]:
    """One-word names (``canonical``) that a document's entity rows tag only as a body, ORG
    or GPE, never PERSON: each with the label most of its rows have, ORG on a tie. A mention
    of one that the NER missed is that body, not a person (BBC, 2,225 articles: ``BT`` tagged
    GPE three times and missed where "BT said", ``Gazprom``, ``OptInRealBig`` had been
    persons). Not a name the ``text`` writes after what may be a first name
    (``_after_first_name``: a surname the NER took for a place, "Jose Mourinho" and
    "Mourinho" GPE), nor a name of several words: the NER tags whole names of people ORG
    ("Vadim Mitroshin", "Magnus McEwen-King", "AL Gooneratne": BBC)."""
    return one_word_bodies(entities, text)[1]


def one_word_bodies(entities, text: str) -> tuple[frozenset[str], dict[str, str]]:
    """(``organisations_by_vote``, ``bodies_by_label``) from one count of the labels."""
    votes = _one_word_votes(entities, text)
    return (frozenset(name for name, (org, gpe, person) in votes.items() if org and org >= person),
            {name: "ORG" if org >= gpe else "GPE" for name, (org, gpe, person) in votes.items() if not person})


def _one_word_votes(entities, text: str) -> dict[str, list[int]]:
    """One-word name -> how many of the document's entity rows tag it [ORG, GPE, PERSON], for
    the names ``text`` never writes after what may be a first name (``_after_first_name``)."""
    votes: dict[str, list[int]] = {}
    for e in entities:
        if " " not in e.canonical and e.label in ("ORG", "GPE", "PERSON"):
            votes.setdefault(e.canonical, [0, 0, 0])[("ORG", "GPE", "PERSON").index(e.label)] += 1
    return {name: v for name, v in votes.items() if (v[0] or not v[2]) and not _after_first_name(name, text)}


# Capitalised words before a name that are no first name: what opens a sentence (and
# the days and months that date it, ``patterns.WEEKDAYS_MONTHS``: `On Monday BT said`).
_OPENERS = frozenset({"The", "A", "An", "And", "But", "Or", "So", "In", "On", "At", "For", "By", "With", "From",
                      "As", "If", "When", "While", "Its", "Their", "His", "Her", "Our", "This", "That", "These",
                      "Now", "Then", "Yesterday", "Today", "Meanwhile", "However", "Last", "Earlier", "Later"})


def _after_first_name(name: str, text: str) -> bool:
    """``text`` writes ``name`` after a capitalised word that may be a first name: any
    but the words that open or date a sentence (``_OPENERS``; ``given_names.txt`` lacks
    `Graeme`, `Adrian` and accented names, so it cannot tell)."""
    return any(word[0].isupper() and word not in _OPENERS and word.lower() not in WEEKDAYS_MONTHS
               for word in _words_before(name, text))


def _words_before(name: str, text: str) -> Iterator[str]:
    """The words of ``re.finditer(rf"\\b([^\\W\\d_]+)\\s+{re.escape(name)}(?!\\w)", text)``,
    found from the name's occurrences back: that pattern opens on a character class,
    so it is tried at every position of the text (0.13 ms a name in a BBC article)."""
    last_end = 0  # finditer's matches do not overlap
    at = text.find(name)
    while at != -1:
        end = at + len(name)
        j = at
        while j > last_end and text[j - 1].isspace():  # \s+
            j -= 1
        word_end = j
        while j > last_end and _is_letter(text[j - 1]):  # [^\W\d_]+
            j -= 1
        if (word_end == at or j == word_end or (j > 0 and _is_word(text[j - 1]))  # \b before the word
                or (end < len(text) and _is_word(text[end]))):  # (?!\w)
            at = text.find(name, at + 1)
            continue
        last_end = end
        yield text[j:word_end]
        at = text.find(name, end)


def _is_word(ch: str) -> bool:
    """``ch`` matches ``\\w``."""
    return ch.isalnum() or ch == "_"


def _is_letter(ch: str) -> bool:
    """``ch`` is a letter of the pattern ``_words_before`` mirrors: a word character
    (``isalnum``) but no decimal digit."""
    return ch.isalnum() and not ch.isdecimal()
