"""The person spoken to is never a quote's source (quotes/stage.py ``_addressee``): the
object of an ``addressee-object`` verb, `to X` after an ``addressee-to`` verb or noun
(resources/reporting_verbs.txt, reporting_nouns.txt), on hand-built parses."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.stages.quotes.stage import _addressee

_VOCAB = spacy.blank("en").vocab


def _doc(tokens):
    """``tokens``: (word, head, dep, lemma) per token, one space between words."""
    return Doc(_VOCAB, words=[t[0] for t in tokens], heads=[t[1] for t in tokens], deps=[t[2] for t in tokens],
               lemmas=[t[3] for t in tokens])


def _verb_object(verb, lemma, prep=False):
    """`She <verb> [to] reporters`: the index of `reporters` and the Doc."""
    if prep:
        return 3, _doc([("She", 1, "nsubj", "she"), (verb, 1, "ROOT", lemma), ("to", 1, "prep", "to"),
                        ("reporters", 2, "pobj", "reporter")])
    return 2, _doc([("She", 1, "nsubj", "she"), (verb, 1, "ROOT", lemma), ("reporters", 1, "dobj", "reporter")])


@pytest.mark.parametrize("verb, lemma, prep, addressee", [
    ("told", "tell", False, True),        # `told reporters`
    ("briefed", "brief", False, True),    # `briefed MPs`: listed for its addressee only
    ("said", "say", True, True),          # `said to reporters`
    ("spoke", "speak", True, True),       # `spoke to reporters`
    # must yield nothing: a verb of neither kind, or the other kind's construction
    ("thanked", "thank", False, False),   # `thanked reporters`
    ("pointed", "point", True, False),    # `pointed to reporters`
    ("said", "say", False, False),        # the object of `say` is what was said
    ("told", "tell", True, False),        # `to X` after `tell` is not read
])
def test_quotes_stage_addressee_of_a_verb(verb, lemma, prep, addressee):
    i, doc = _verb_object(verb, lemma, prep)
    assert _addressee(doc[i]) is addressee


@pytest.mark.parametrize("noun, addressee", [
    ("letter", True), ("e-mail", True), ("memo", True),
    # only as written, and only the nouns of a message
    ("letters", False), ("claim", False), ("speech", False),
])
def test_quotes_stage_addressee_after_a_message_noun(noun, addressee):
    # `She wrote a <noun> to the minister`: `write` has no `to X` here, the noun has
    doc = _doc([("She", 1, "nsubj", "she"), ("wrote", 1, "ROOT", "write"), ("a", 3, "det", "a"),
                (noun, 1, "dobj", noun), ("to", 3, "prep", "to"), ("the", 6, "det", "the"),
                ("minister", 4, "pobj", "minister")])
    assert _addressee(doc[6]) is addressee


def test_quotes_stage_addressee_only_of_the_cue():
    # with an indirect quote's cue, only whom that verb addressed (`Tom told Annette
    # Guessford, who ... said ...`: PolNeAR train)
    i, doc = _verb_object("told", "tell")
    told = doc[1]
    assert _addressee(doc[i], (told.idx, told.idx + len(told)))
    assert not _addressee(doc[i], (0, 3))
