"""A name the model tagged PERSON is ORG when its document names it right after a noun for
a body (``entities.lexicon.organisations_tagged_person``: `marketing company Doubleclick`),
and every other mention of it too, down to its last word alone; not when the document names
a person with it. Frozen parses (tests/entity_parses_bodies.py) through the entity rules."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.entities import rules
from tests.entity_parses_bodies import PARSES


def _ents(nlp, case: str) -> list[tuple[str, str]]:
    toks = PARSES[case]
    doc = Doc(nlp.vocab, words=[t[0] for t in toks], spaces=[t[1] for t in toks], heads=[t[2] for t in toks],
              deps=[t[3] for t in toks], pos=[t[4] for t in toks], tags=[t[5] for t in toks],
              lemmas=[t[6] for t in toks], ents=[t[7] for t in toks])
    doc = nlp.get_pipe(rules.COMPONENT)(doc)
    return [(e.text, e.label_) for e in doc.ents if e.label_ in ("PERSON", "ORG")]


@pytest.mark.parametrize("case, expected", [
    # BBC: the model tags companies persons; the noun before the name says it is a body
    ("company_doubleclick", [("Doubleclick", "ORG"), ("Doubleclick", "ORG")]),
    # a body named like a person, and its last word alone
    ("group_james_hardie", [("James Hardie", "ORG"), ("Hardie", "ORG")]),
    # ... but not where the document calls it `Mr`
    ("group_hardie_mr", [("James Hardie", "PERSON"), ("Hardie", "PERSON")]),
    # a surname the parser hung a noun on (`the campaign Manafort was running`) beside the
    # person's full name (PolNeAR train)
    ("campaign_manafort", [("Manafort", "PERSON"), ("Paul Manafort", "PERSON")]),
    # a role between the noun and the name
    ("director_jane_doe", [("Jane Doe", "PERSON")]),
])
def test_entities_named_bodies_relabel(nlp, case, expected):
    assert _ents(nlp, case) == expected
