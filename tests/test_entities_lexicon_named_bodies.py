"""A name the model tagged PERSON is ORG when its document names it right after a noun a
body's name follows (``entities.lexicon.organisations_tagged_person``: `marketing company
Doubleclick`), and so is each mention of it or of its end tagged PERSON; not when the
document names a person with its last word. Frozen parses (tests/entity_parses_bodies.py)
through the entity rules."""
from __future__ import annotations

import pytest

from pipeline.stages.entities import rules
from tests._entity_docs import ents_of
from tests.entity_parses_bodies import PARSES
from tests.frozen_parse import frozen_doc


@pytest.mark.parametrize("case, expected", [
    # BBC: the model tags companies persons; the noun before the name says it is a body
    ("company_doubleclick", [("Doubleclick", "ORG"), ("Doubleclick", "ORG")]),
    # a body named like a person, and its last word alone (which the model tagged ORG and the
    # surname rule made a person's before this rule)
    ("group_james_hardie", [("James Hardie", "ORG"), ("Hardie", "ORG")]),
    # ... but not where the document calls it `Mr`, or names a person with the word
    ("group_hardie_mr", [("James Hardie", "PERSON"), ("Hardie", "PERSON")]),
    ("group_hardie_jane", [("James Hardie", "PERSON"), ("Jane Hardie", "PERSON")]),
    # a surname the parser hung a noun on (`the campaign Manafort was running`: `campaign` is
    # no noun a name follows) beside the person's full name (PolNeAR train)
    ("campaign_manafort", [("Manafort", "PERSON"), ("Paul Manafort", "PERSON")]),
    # a role between the noun and the name, even where the parser hangs the noun on the name
    ("director_jane_doe", [("Jane Doe", "PERSON")]),
])
def test_entities_lexicon_named_bodies_relabel(nlp, case, expected):
    doc = nlp.get_pipe(rules.COMPONENT)(frozen_doc(PARSES[case]))
    assert [e for e in ents_of(doc) if e[1] in ("PERSON", "ORG")] == expected
