"""entities.lexicon.name_occurrences: where a person's names recur, as whole words,
longest first and never overlapping (what propagate_persons marks PERSON); the surnames
written after a courtesy title, and the full names they make a person's."""
from __future__ import annotations

import re

import pytest

from pipeline.stages.entities.lexicon import Cand, _full_name_surname, _titled_surnames, name_occurrences
from tests._entity_docs import make_doc


def _regex(text, names):
    """The alternation the search stands for (propagate_persons compiled it per document before)."""
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w])")
    return [(m.start(1), m.end(1)) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text, names, expected", [
    # the full name where it stands, the surname alone elsewhere
    ("Igor Sekreta spoke. Sekreta's aide said Sekreta left.", {"Igor Sekreta", "Sekreta"},
     ["Igor Sekreta", "Sekreta", "Sekreta"]),
    # not inside a longer word, nor after a full stop glued to it ("A.Blair")
    ("Blairite views; A.Blair; Blair_x; Blair.", {"Blair"}, ["Blair"]),
    # a hyphenated surname is one name; its halves are not found inside it
    ("Robert Kilroy-Silk and Mr Kilroy-Silk", {"Robert Kilroy-Silk", "Kilroy-Silk", "Silk"},
     ["Robert Kilroy-Silk", "Kilroy-Silk"]),
    # names that are not in the text: nothing
    ("The minister said nothing.", {"Sekreta"}, []),
    # overlapping candidates: the one that starts first wins, then the longest
    ("John Smith Jones", {"John Smith", "Smith Jones"}, ["John Smith"]),
], ids=["full-and-surname", "word-boundaries", "hyphenated", "absent", "overlap"])
def test_entities_lexicon_name_occurrences(text, names, expected):
    found = name_occurrences(text, names)
    assert [text[s:e] for s, e in found] == expected
    assert found == _regex(text, names)


@pytest.mark.parametrize("text, surnames", [
    ("Mr Cable said so. Ms. Fiorina, Mrs Smith-Jones and Mr O'Neill agreed.", {"Cable", "Fiorina", "Smith-Jones", "O'Neill"}),
    ("Mr Cable's Treasury team", {"Cable"}),          # a possessive, then a capitalised word
    ("Dr Rowan Williams spoke", set()),               # a given name after the title
    ("Mr Speaker ruled", set()),                      # an office, not a surname
    ("Sir Digby agreed; Dame Kelly won", set()),      # titles before a given name
    ("", set()),
])
def test_entities_lexicon_titled_surnames(text, surnames):
    assert _titled_surnames(text) == surnames


@pytest.mark.parametrize("text, label", [("Miss World", "EVENT"), ("Dr Who", "WORK_OF_ART")])
def test_entities_lexicon_a_title_and_a_word_is_no_full_name(nlp, text, label):
    # "Miss World", "Dr Who": the surname title's word after "Miss"/"Dr" is no surname of theirs
    doc = make_doc(nlp, text, [(text, label)])
    assert _full_name_surname(doc, Cand(0, len(doc), label, False), text) is None
