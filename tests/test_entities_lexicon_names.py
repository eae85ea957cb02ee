"""entities.lexicon.name_occurrences: where a person's names recur, as whole words,
longest first and never overlapping (what propagate_persons marks PERSON)."""
from __future__ import annotations

import re

import pytest

from pipeline.stages.entities.lexicon import name_occurrences


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
