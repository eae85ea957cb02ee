"""quotes.sources: who gave a speech (``speech_giver``) and which subjects are things
(``a_thing``), on hand-built parses."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.sources import a_thing, speech_giver
from tests.frozen_parse import VOCAB, frozen_doc


@pytest.mark.parametrize(("word", "pos", "ent", "thing"), [
    ("restoration", "NOUN", "", True),      # BBC tech/094: `The restoration ... revealed some interesting items`
    ("changes", "NOUN", "", True),          # BBC business/275: `Changes to the way ... explain the jump`
    ("analysts", "NOUN", "", False),        # a group of people (source_nouns.txt)
    ("spokesman", "NOUN", "", False),       # a role
    ("report", "NOUN", "", False),          # a document
    ("comments", "NOUN", "", False),        # a speech: its giver speaks
    ("committee", "NOUN", "", False),       # a body
    ("woman", "NOUN", "", False),           # a person by sex (gendered_nouns.txt)
    ("player", "NOUN", "", False),          # ... or by occupation (person_epithets.txt)
    ("politician", "NOUN", "", False),      # ... or by role (speaker_roles.txt)
    ("superdelegate", "NOUN", "", False),   # a group of people (PolNeAR: `Another superdelegate, Michael Brown`)
    ("Reuters", "PROPN", "ORG", False),     # a name
    ("Thursday", "NOUN", "DATE", False),    # an entity, whatever its kind
])
def test_quotes_sources_a_thing(word, pos, ent, thing):
    doc = Doc(VOCAB, words=[word], pos=[pos], lemmas=[word.lower()], ents=[f"B-{ent}" if ent else "O"])
    assert a_thing(doc[0]) is thing


def _giver(head) -> str | None:
    """The text of ``speech_giver``'s answer, or None."""
    got = speech_giver(head)
    return got.text if got is not None else None


# (word, space, head, dep, pos, tag, lemma, entity): "a speech <prep> <word>", the speech at 1
def _speech_with(prep: str, word: str, pos: str, ent: str) -> Doc:
    return frozen_doc([("a", True, 1, "det", "DET", "DT", "a", "O"),
                       ("speech", True, 1, "ROOT", "NOUN", "NN", "speech", "O"),
                       (prep, True, 1, "prep", "ADP", "IN", prep, "O"),
                       (word, False, 2, "pobj", pos, "NNP" if pos == "PROPN" else "NN", word, ent)])


@pytest.mark.parametrize(("prep", "word", "pos", "ent", "giver"), [
    ("by", "Gambino", "PROPN", "B-PERSON", "Gambino"),   # BBC tech/378: a speech ... by Angel Gambino
    ("by", "minister", "NOUN", "O", "minister"),         # a role speaks
    ("by", "phone", "NOUN", "O", None),                  # how, not who
    ("with", "Reuters", "PROPN", "B-ORG", None),         # only "by" names a giver ("an interview with Reuters")
])
def test_quotes_sources_speech_giver_after_a_preposition(prep, word, pos, ent, giver):
    assert _giver(_speech_with(prep, word, pos, ent)[1]) == giver


@pytest.mark.parametrize(("verb", "lemma", "giver"), [
    ("delivered", "deliver", "Clinton"),   # PolNeAR dev: `a speech Mrs. Clinton delivered`
    ("called", "call", None),              # `the remarks Trump called racist`: Trump did not make them
])
def test_quotes_sources_speech_giver_of_a_relative_clause(verb, lemma, giver):
    doc = frozen_doc([("a", True, 1, "det", "DET", "DT", "a", "O"),
                      ("speech", True, 1, "ROOT", "NOUN", "NN", "speech", "O"),
                      ("Clinton", True, 3, "nsubj", "PROPN", "NNP", "Clinton", "B-PERSON"),
                      (verb, False, 1, "relcl", "VERB", "VBD", lemma, "O")])
    assert _giver(doc[1]) == giver


@pytest.mark.parametrize(("ent", "giver"), [("B-ORG", None), ("B-PERSON", "Clinton")])
def test_quotes_sources_speech_giver_possessor_of_an_interview(ent, giver):
    # `CNN's interview` names the outlet, not who gave it; `Clinton's interview` the giver
    doc = frozen_doc([("Clinton", False, 2, "poss", "PROPN", "NNP", "Clinton", ent),
                      ("'s", True, 0, "case", "PART", "POS", "'s", "O"),
                      ("interview", False, 2, "ROOT", "NOUN", "NN", "interview", "O")])
    assert _giver(doc[2]) == giver
