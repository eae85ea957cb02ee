"""quotes.named.mistagged_name: a capitalised word the tagger took for no name, that the
place beside a cue makes a speaker's name (`"...," May wrote`, `admitted Kiely`)."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.named import mistagged_name
from tests.frozen_parse import frozen_doc


@pytest.mark.parametrize(("word", "pos", "ent", "is_name"), [
    ("May", "AUX", "B-DATE", True),       # `"...," May wrote` (BBC)
    ("Kiely", "ADV", "B-PERSON", True),   # `admitted Kiely` (BBC)
    ("It", "PRON", "O", False),           # `"...," It said`: a pronoun
    ("Police", "NOUN", "O", False),       # a noun, even capitalised
    ("The", "DET", "O", False),
    ("Minister", "ADJ", "O", False),      # a title word
    ("may", "AUX", "O", False),           # lower case
    ("Smith", "PROPN", "B-PERSON", False),  # a proper noun takes the ordinary rules
    ("Later", "ADV", "O", False),         # `"...," Later said the minister`: no name
])
def test_quotes_named_a_capitalised_word_the_tagger_took_for_no_name_beside_a_cue(word, pos, ent, is_name):
    doc = frozen_doc([(word, False, 0, "ROOT", pos, "NNP", word.lower(), ent)])
    assert mistagged_name(doc[0]) is is_name
