"""pipeline.nlp.attribute_rules.compile_ruler on rulers built here, independent of
the model: every supported pattern form annotates exactly as spaCy's
AttributeRuler, and anything outside the supported subset is refused (None),
in which case ``replace_in_pipeline`` keeps the original component."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from pipeline.nlp.attribute_rules import COMPONENT, ORIGINAL, compile_ruler, replace_in_pipeline, unsupported_reason

from ._attribute_rules_util import assert_same, run_both

VOCAB = spacy.blank("en").vocab  # English lexical attributes (IS_PUNCT, ...), no model

# (patterns, attrs, index): one rule each; the rule ids are the list positions
SUPPORTED_RULES = [
    ([[{"TEXT": "Apple"}]], {"POS": "PROPN"}, 0),                                    # 0 TEXT = ORTH
    ([[{"lower": "apple"}]], {"LEMMA": "apple"}, 0),                                 # 1 lower-case key
    ([[{"LOWER": {"REGEX": "^app"}}]], {"MORPH": "Foo=Bar"}, 0),                     # 2 REGEX
    ([[{"ORTH": {"NOT_IN": ["Apple", "apple"]}, "IS_ALPHA": True}]], {"TAG": "W"}, 0),  # 3 NOT_IN + flag
    ([[{"MORPH": {"IN": ["Number=Sing|Foo=Bar"]}}]], {"NORM": "sing"}, 0),           # 4 MORPH IN (normalised)
    ([[{"MORPH": "Number=Sing|Foo=Bar"}]], {"LEMMA": "never"}, 0),                   # 5 plain MORPH: raw string
    ([[{"MORPH": "Foo=Bar|Number=Sing"}]], {"LEMMA": "fb"}, 0),                      # 6 plain MORPH, normalised
    ([[{"POS": "NOUN", "IS_PUNCT": False}]], {"DEP": "nsubj"}, 0),                   # 7 POS + flag -> DEP
    ([[{"LOWER": "big"}, {}, {"IS_PUNCT": True}]], {"LEMMA": "end"}, -1),            # 8 any-token spec, index -1
    ([[{"LOWER": "a"}, {"LOWER": "b"}], [{"LOWER": "a"}, {"LOWER": "c"}, {"LOWER": "d"}]], {"POS": "X"}, 1),
    ([[{"LOWER": "q"}], [{"LOWER": "r"}, {"LOWER": "q"}]], {"LEMMA": "Q"}, 0),      # 10 single + multi
    ([[{LOWER: "zed"}]], {"LEMMA": "z", "POS": "SYM"}, 0),                            # 11 int key
    ([[{"DEP": {"IN": ["nsubj", ""]}}]], {"POS": "PRON"}, 0),                        # 12 IN with ''
    ([[{"LOWER": {"IN": []}}]], {"POS": "NUM"}, 0),                                  # 13 empty IN: never
    ([[{"LOWER": {"NOT_IN": []}, "TAG": "W"}]], {"MORPH": "A=B"}, 0),                # 14 empty NOT_IN: always
    ([[{"IS_SPACE": "true"}]], {"POS": "SPACE"}, 0),                                 # 15 string on a flag: never
    ([[{"LEMMA": "apple"}]], {"POS": "ADJ"}, 0),                                     # 16 reads the lemma before writes
    ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE", "DEP": "dep"}, 0),       # 17
    ([[{"LOWER": {"IN": ["apple", "apply"], "NOT_IN": ["apply"]}}]], {"POS": "NOUN"}, 0),  # 18 IN and NOT_IN
    ([[{"ORTH": {"REGEX": "^[A-Z]"}}]], {"TAG": "CAP"}, 0),                          # 19 REGEX, case-sensitive
]
NEVER = {5, 13, 15}

WORDS = ["Apple", "apple", "apply", "big", "x", ".", "a", "b", "a", "c", "d", "r", "q", "zed", "\n", "q"]
POS = ["PROPN", "NOUN", "VERB", "ADJ", "NOUN", "PUNCT", "DET", "NOUN", "DET", "X", "X", "X", "X", "X", "SPACE", "X"]
MORPHS = ["Number=Sing|Foo=Bar", "", "Number=Sing", "", "", "", "", "", "", "", "", "", "", "", "", ""]
LEMMAS = ["apple", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]
TAGS = ["NNP", "NN", "VB", "JJ", "W", ".", "DT", "NN", "DT", "W", "W", "W", "W", "W", "_SP", "W"]
DEPS = ["nsubj", "", "ROOT", "amod", "dobj", "punct", "det", "", "det", "dep", "dep", "dep", "dep", "dep", "dep", "dep"]


@pytest.fixture(scope="module")
def ruler():
    r = AttributeRuler(VOCAB)
    for patterns, attrs, index in SUPPORTED_RULES:
        r.add(patterns, attrs, index=index)
    return r


def _docs():
    full = Doc(VOCAB, words=WORDS, tags=TAGS, pos=POS, morphs=MORPHS, lemmas=LEMMAS, deps=DEPS, heads=[2] * len(WORDS))
    return {
        "full": full,
        "cut multi-token matches": Doc(VOCAB, words=["big", "x", "a", "c"]),
        "one token": Doc(VOCAB, words=["q"]),
        "empty": Doc(VOCAB, words=[]),
    }


@pytest.mark.parametrize("name", list(_docs()))
def test_attribute_rules_supported_forms_equal_stock(ruler, name):
    compiled = compile_ruler(ruler)
    assert compiled is not None, unsupported_reason(ruler)
    doc = _docs()[name]
    a, b = run_both(ruler, compiled, doc)
    assert_same(a, b)


def test_attribute_rules_supported_forms_all_fire(ruler):
    # the equality above means something only if the rules do fire on the Doc
    doc = _docs()["full"]
    fired = {m[0] for m in ruler.match(doc)}
    assert fired == set(range(len(SUPPORTED_RULES))) - NEVER


def test_attribute_rules_compiled_twice_same_result(ruler):
    # the memo filled by one Doc gives the same annotations on the next
    compiled = compile_ruler(ruler)
    for _ in range(2):
        a, b = run_both(ruler, compiled, _docs()["full"])
        assert_same(a, b)


UNSUPPORTED = {
    "OP": ([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"}, 0),
    "OP in a multi-token pattern": ([[{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}]], {"LEMMA": "x"}, 0),
    "FUZZY": ([[{"LOWER": {"FUZZY": "apple"}}]], {"LEMMA": "x"}, 0),
    "comparison": ([[{"LENGTH": {">=": 3}}]], {"LEMMA": "x"}, 0),
    "IS_SUBSET": ([[{"MORPH": {"IS_SUBSET": ["Number=Sing"]}}]], {"LEMMA": "x"}, 0),
    "REGEX inside IN": ([[{"LOWER": {"REGEX": {"IN": ["^a", "^b"]}}}]], {"LEMMA": "x"}, 0),
    "extension in a pattern": ([[{"_": {"foo": "bar"}}]], {"LEMMA": "x"}, 0),
    "unsupported pattern attribute": ([[{"SHAPE": "Xxxx"}]], {"LEMMA": "x"}, 0),
    "IN with a string": ([[{"LOWER": {"IN": "abc"}}]], {"LEMMA": "x"}, 0),
    "sets a lexeme attribute": ([[{"LOWER": "a"}]], {"IS_STOP": True}, 0),
    "sets ENT_TYPE": ([[{"LOWER": "a"}]], {"ENT_TYPE": "ORG"}, 0),
    "index outside the pattern": ([[{"LOWER": "a"}]], {"LEMMA": "x"}, 1),
    "index outside a shorter alternative": ([[{"LOWER": "a"}, {"LOWER": "b"}], [{"LOWER": "c"}]], {"LEMMA": "x"}, 1),
}


@pytest.mark.parametrize("patterns, attrs, index", list(UNSUPPORTED.values()), ids=list(UNSUPPORTED))
def test_attribute_rules_unsupported_is_refused(patterns, attrs, index):
    r = AttributeRuler(VOCAB)
    r.add([[{"TAG": "NN"}]], {"POS": "NOUN"})  # a supported rule next to it changes nothing
    r.add(patterns, attrs, index=index)
    assert compile_ruler(r) is None
    assert unsupported_reason(r)


def _blank_with_ruler(patterns, attrs, index=0):
    nlp = spacy.blank("en")
    nlp.add_pipe(ORIGINAL).add(patterns, attrs, index=index)
    return nlp


def test_attribute_rules_unsupported_keeps_original_enabled():
    nlp = _blank_with_ruler([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert replace_in_pipeline(nlp) is False
    assert nlp.pipe_names == [ORIGINAL]
    assert COMPONENT not in nlp.component_names
    assert [t.lemma_ for t in nlp("a a b")] == ["x", "x", ""]


def test_attribute_rules_supported_replaces_original():
    nlp = _blank_with_ruler([[{"LOWER": {"REGEX": "^a"}}]], {"LEMMA": "x"})
    nlp.add_pipe("sentencizer")
    assert replace_in_pipeline(nlp) is True
    assert nlp.pipe_names == [COMPONENT, "sentencizer"]
    assert nlp.disabled == [ORIGINAL]
    assert [t.lemma_ for t in nlp("ab b")] == ["x", ""]
    assert replace_in_pipeline(nlp) is True  # idempotent
    assert nlp.pipe_names == [COMPONENT, "sentencizer"]


def test_attribute_rules_no_ruler_nothing_to_replace():
    nlp = spacy.blank("en")
    assert replace_in_pipeline(nlp) is False
    assert nlp.pipe_names == []


def test_attribute_rules_load_nlp_uses_compiled(nlp):
    names = nlp.pipe_names
    assert ORIGINAL in nlp.disabled and ORIGINAL not in names
    assert names.index(COMPONENT) == names.index("parser") + 1


def test_attribute_rules_replace_compiles_once(monkeypatch):
    from pipeline.nlp import attribute_rules

    calls = []
    real = attribute_rules._compile
    monkeypatch.setattr(attribute_rules, "_compile", lambda ruler: calls.append(ruler) or real(ruler))
    nlp = _blank_with_ruler([[{"LOWER": {"REGEX": "^a"}}]], {"LEMMA": "x"})
    assert replace_in_pipeline(nlp) is True
    assert len(calls) == 1
