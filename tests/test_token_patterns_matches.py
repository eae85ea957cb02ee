"""``nlp.token_patterns``: the matches of spaCy's ``Matcher`` (no greedy filter),
without its per-token cost, on hand-built Docs."""
from __future__ import annotations

import random

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.nlp.token_patterns import TokenPatterns
from tests.frozen_parse import VOCAB  # English lexical attributes (LOWER)

ADV_STAR = {"POS": {"IN": ["ADV", "PART"]}, "OP": "*"}
VERB = {"POS": {"IN": ["VERB", "AUX"]}}
LIKELY = [[{"LEMMA": "be"}, ADV_STAR, {"LOWER": {"IN": ["likely", "expected"]}}, {"LOWER": "to"}, VERB]]
NECESSARY = [[{"LOWER": "it"}, {"LEMMA": "be"}, ADV_STAR, {"LOWER": {"IN": ["high", "now"]}, "OP": "?"},
              {"LOWER": {"IN": ["time", "necessary"]}}, {"LOWER": {"IN": ["to", "for"]}}]]
HAVE_TO = [[{"LEMMA": "have", "TAG": {"IN": ["VBP", "VBZ"]}}, {"LOWER": "to"}, VERB]]

# (words, (pos, tag, lemma) per word, patterns, the matches as (start, end))
CASES = [
    ("They are very likely to win", [("PRON", "PRP", "they"), ("AUX", "VBP", "be"), ("ADV", "RB", "very"),
                                     ("ADJ", "JJ", "likely"), ("PART", "TO", "to"), ("VERB", "VB", "win")],
     LIKELY, [(1, 6)]),
    # "likely" is also an ADV: the star may take it or leave it; only one way matches
    ("He is likely likely to go", [("PRON", "PRP", "he"), ("AUX", "VBZ", "be"), ("ADV", "RB", "likely"),
                                   ("ADJ", "JJ", "likely"), ("PART", "TO", "to"), ("VERB", "VB", "go")],
     LIKELY, [(1, 6)]),
    # "now" is an ADV and the optional word: two paths, one match
    ("it is now time to act", [("PRON", "PRP", "it"), ("AUX", "VBZ", "be"), ("ADV", "RB", "now"),
                               ("NOUN", "NN", "time"), ("PART", "TO", "to"), ("VERB", "VB", "act")],
     NECESSARY, [(0, 5)]),
    ("it is high time for change", [("PRON", "PRP", "it"), ("AUX", "VBZ", "be"), ("ADJ", "JJ", "high"),
                                    ("NOUN", "NN", "time"), ("ADP", "IN", "for"), ("NOUN", "NN", "change")],
     NECESSARY, [(0, 5)]),
    ("We have to go", [("PRON", "PRP", "we"), ("VERB", "VBP", "have"), ("PART", "TO", "to"), ("VERB", "VB", "go")],
     HAVE_TO, [(1, 4)]),
    # must yield nothing: the tag of "had" is not allowed, the verb is missing
    ("We had to go", [("PRON", "PRP", "we"), ("VERB", "VBD", "have"), ("PART", "TO", "to"), ("VERB", "VB", "go")],
     HAVE_TO, []),
    ("They are likely to", [("PRON", "PRP", "they"), ("AUX", "VBP", "be"), ("ADJ", "JJ", "likely"),
                            ("PART", "TO", "to")], LIKELY, []),
    ("It was not likely", [("PRON", "PRP", "it"), ("AUX", "VBD", "be"), ("PART", "RB", "not"),
                           ("ADJ", "JJ", "likely")], LIKELY, []),
]


def _doc(words: str, annotations) -> Doc:
    pos, tags, lemmas = zip(*annotations)
    return Doc(VOCAB, words=words.split(), pos=list(pos), tags=list(tags), lemmas=list(lemmas))


@pytest.mark.parametrize("words,annotations,patterns,expected", CASES, ids=[c[0] for c in CASES])
def test_token_patterns_match_as_the_matcher_does(words, annotations, patterns, expected):
    doc = _doc(words, annotations)
    ours = TokenPatterns()
    ours.add("cue", patterns)
    theirs = Matcher(doc.vocab)
    theirs.add("cue", patterns)
    assert [(s, e) for _, s, e in ours(doc)] == expected
    assert sorted((s, e) for _, s, e in theirs(doc)) == expected


def test_token_patterns_order_by_start_then_pattern():
    doc = _doc("it is now time to act", CASES[2][1])
    patterns = TokenPatterns()
    patterns.add("later", [[{"LOWER": "now"}, {"LOWER": "time"}]])
    patterns.add("first", NECESSARY)
    patterns.add("be", [[{"LEMMA": "be"}]])
    assert patterns(doc) == [("first", 0, 5), ("be", 1, 2), ("later", 2, 4)]


def test_token_patterns_give_each_match_of_a_name_once():
    """Two patterns of one name matching the same tokens: one match, as the Matcher gives."""
    doc = _doc("it is now time to act", CASES[2][1])
    patterns = TokenPatterns()
    patterns.add("x", [[{"LOWER": "it"}], [{"LOWER": "it"}, {"LOWER": "was", "OP": "?"}]])
    assert patterns(doc) == [("x", 0, 1)]


def test_token_patterns_match_as_the_matcher_does_on_random_docs():
    """Made-up docs and patterns (every operator, sets, several attributes on a
    token, matches running to the end of the Doc, empty Docs): the Matcher's matches."""
    rng = random.Random(5)
    words = ["a", "b", "c", "to", "A"]
    pos = ["NOUN", "VERB", "ADV", "PART"]

    def token(first: bool) -> dict:
        t = {}
        if rng.random() < 0.7:
            t["LOWER"] = rng.choice(words[:4]) if rng.random() < 0.5 else {"IN": rng.sample(words[:4], 2)}
        if not t or rng.random() < 0.4:
            t["POS"] = rng.choice(pos) if rng.random() < 0.5 else {"IN": rng.sample(pos, 2)}
        if rng.random() < 0.2:
            t["LEMMA"] = rng.choice(["be", "have"])
        if not first and rng.random() < 0.4:
            t["OP"] = rng.choice(["?", "*"])
        return t

    for _ in range(300):
        n = rng.randint(0, 8)
        annotations = [(rng.choice(pos), "NN", rng.choice(["be", "have", "x"])) for _ in range(n)]
        doc = Doc(VOCAB, words=[rng.choice(words) for _ in range(n)], pos=[a[0] for a in annotations],
                  tags=[a[1] for a in annotations], lemmas=[a[2] for a in annotations])
        ours, theirs = TokenPatterns(), Matcher(VOCAB)
        for name in ("p", "q"):
            patterns = [[token(k == 0) for k in range(rng.randint(1, 4))] for _ in range(rng.randint(1, 2))]
            ours.add(name, patterns)
            theirs.add(name, patterns)
        assert sorted(ours(doc)) == sorted((VOCAB.strings[m], s, e) for m, s, e in theirs(doc))


@pytest.mark.parametrize("pattern,fix", [
    ([{"LOWER": "to", "OP": "+"}], "OP"),
    ([{"TEXT": {"REGEX": "^A"}}], "attribute"),
    ([{"LOWER": {"NOT_IN": ["a"]}}], "takes a string or"),
    ([{"LOWER": {"IN": "ab"}}], "takes a string or"),
    ([{"POS": "VRB"}], "not a part of speech"),
    ([{"LOWER": "to", "OP": "?"}], "first token"),
])
def test_token_patterns_refuse_what_they_do_not_understand(pattern, fix):
    with pytest.raises(ValueError, match=fix):
        TokenPatterns().add("bad", [pattern])
