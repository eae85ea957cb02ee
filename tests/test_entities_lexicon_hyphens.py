"""entities.lexicon.join_hyphenated: a name is whole across a hyphen, and the
result never overlaps (overlapping spans made spaCy refuse the whole document,
error E1010, on BBC sport/011 and business/036)."""
import pytest
from spacy.tokens import Doc

from pipeline.stages.entities.lexicon import Cand, join_hyphenated
from tests.frozen_parse import VOCAB


def _doc(words_spaces):
    words = [w for w, _ in words_spaces]
    spaces = [sp for _, sp in words_spaces]
    return Doc(VOCAB, words=words, spaces=spaces)


@pytest.mark.parametrize("tokens, spans, expected", [
    # "Mr Kilroy-Silk": one half tagged, the other taken in
    ([("Mr", True), ("Kilroy", False), ("-", False), ("Silk", True), ("said", False)],
     [Cand(1, 2, "PERSON", False)], [(1, 4, "PERSON")]),
    # both halves tagged on their own: one span
    ([("Kilroy", False), ("-", False), ("Silk", True), ("said", False)],
     [Cand(0, 1, "PERSON", False), Cand(2, 3, "ORG", False)], [(0, 3, "PERSON")]),
    # regression: the other half starts a longer span; nothing may overlap
    ([("the", True), ("World", True), ("Cross", False), ("-", False), ("Country", True), ("Championships", False)],
     [Cand(1, 3, "ORG", False), Cand(4, 6, "EVENT", False)], [(1, 3, "ORG"), (4, 6, "EVENT")]),
    # a spaced dash joins nothing
    ([("Blair", True), ("-", True), ("Brown", True)],
     [Cand(0, 1, "PERSON", False), Cand(2, 3, "PERSON", False)], [(0, 1, "PERSON"), (2, 3, "PERSON")]),
])
def test_entities_lexicon_join_hyphenated(tokens, spans, expected):
    out = join_hyphenated(_doc(tokens), spans)
    assert [(c.start, c.end, c.label) for c in out] == expected
    assert all(a.end <= b.start for a, b in zip(out, out[1:]))


@pytest.mark.parametrize("tokens, span, expected", [
    # BBC business/054, PolNeAR: a Korean given name's second syllable in lower case, which the parser made a
    # proper noun and the head of the name ("Chung Mong" tagged; "Ban Ki", "Kim Jong", "Park Geun" likewise)
    ([("Chung", True, 3, "NNP"), ("Mong", False, 3, "NNP"), ("-", False, 3, "HYPH"), ("koo", True, 4, "NNP"),
      ("said", False, 4, "VBD")], (0, 2), (0, 4)),
    # not a participle or a noun the name modifies ("Tony Blair-led government")
    ([("Tony", True, 4, "NNP"), ("Blair", False, 3, "NNP"), ("-", False, 3, "HYPH"), ("led", True, 4, "VBN"),
      ("government", False, 4, "NN")], (0, 2), (0, 2)),
    ([("Tony", True, 4, "NNP"), ("Blair", False, 3, "NNP"), ("-", False, 3, "HYPH"), ("style", True, 4, "NN"),
      ("reformers", False, 4, "NNS")], (0, 2), (0, 2)),
    # nor a proper noun the name does not hang on
    ([("Tony", True, 4, "NNP"), ("Blair", False, 4, "NNP"), ("-", False, 3, "HYPH"), ("era", True, 4, "NNP"),
      ("policies", False, 4, "NNS")], (0, 2), (0, 2)),
    # nor one word ("Blu-ray" when the model tags "Blu" a person)
    ([("Blu", False, 2, "NNP"), ("-", False, 2, "HYPH"), ("ray", True, 3, "NNP"), ("discs", False, 3, "NNS")],
     (0, 1), (0, 1)),
])
def test_entities_lexicon_join_hyphenated_given_name_in_lower_case(tokens, span, expected):
    doc = Doc(VOCAB, words=[t[0] for t in tokens], spaces=[t[1] for t in tokens], heads=[t[2] for t in tokens],
              deps=["dep"] * len(tokens), tags=[t[3] for t in tokens])
    out = join_hyphenated(doc, [Cand(*span, "PERSON", False)])
    assert [(c.start, c.end) for c in out] == [expected]
