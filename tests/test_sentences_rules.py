"""The ``sentence_rules`` component on hand-built Docs (docs/guidelines.md §2).

The component presets ``is_sent_start`` before the parser runs: True (a
sentence starts here), False (it never does), None (the parser decides).
These tests build Docs by hand and run the component alone, so no model
upgrade can change what they mean.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.stages.sentences.rules import MAX_BRACKET_TOKENS, MAX_SENT_TOKENS, sentence_rules

VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_space, ...), no model


def make(tokens: str) -> Doc:
    """Tokens separated by single spaces; ``_`` after a token glues it to the next
    (no whitespace), ``\\n`` is a newline token."""
    words, spaces = [], []
    for t in tokens.split(" "):
        glued = t.endswith("_") and len(t) > 1
        t = t[:-1] if glued else t
        words.append("\n" if t == "\\n" else t)
        spaces.append(not glued and t != "\\n")
    # a newline token carries no trailing space; the token before it none either
    for k, w in enumerate(words):
        if k + 1 < len(words) and words[k + 1] == "\n":
            spaces[k] = False
    return sentence_rules(Doc(VOCAB, words=words, spaces=spaces))


def preset(doc: Doc, word: str, nth: int = 0):
    hits = [t for t in doc if t.text == word]
    return hits[nth].is_sent_start


@pytest.mark.parametrize("tokens, word, expected", [
    # initials and titles never end a sentence
    ("the OSCE ODIHR Director M.G. Link in June 2015 was a landmark", "Link", False),
    ("met the President Mr. Smith .", "Smith", False),
    ("Since July 2016 Mrs. Natalya Drozd of Belarus has been heading", "Natalya", False),
    ("met with the OSCE PA President K. Muttonen and", "Muttonen", False),
    # no split inside brackets, even after a full stop
    ("the heads of state [ of countries ] in the Eurasian space", "[", False),
    ("the heads of state [ of countries ] in the Eurasian space", "of", False, ),
    ("in the CSTO ( CSTO - TASS here and henceforth_ . Also in ) , he said .", "Also", False),
    # no sentence starts without sentence punctuation before it
    ("no future_ ,_ \" Igor Sekreta said .", "Igor", False),
    ("no future_ ,_ ” Igor Sekreta said .", "Igor", False),
    ("all they said_ ; Nothing else was said .", "Nothing", False),
    # attribution after a quote that ends in ? or ! stays with it
    ("“_ What can be done right now_ ?_ ” Igor Sekreta asked .", "Igor", False),
    ("\"_ What can be done right now_ ?_ \" Igor Sekreta asked .", "Igor", False),
    ("“_ Allow diplomats to work_ !_ ” said the deputy minister .", "said", False),
    ("\"_ Allow diplomats to work_ !_ \" the minister concluded , adding that", "the", False),
    ("“_ What can be done_ ?_ ” he asked .", "he", False),
    # ... but a new sentence with a reporting verb and a complement is new
    ("“_ What can be done_ ?_ ” He said the talks would go on .", "He", None),
    # a closing mark never starts a sentence, even after ?'  (BBC regression)
    ("question mark of_ : '_ If we build it will they come_ ?_ '_ \" she said .", "\"", False),
    ("question mark of_ : '_ If we build it will they come_ ?_ '_ \" she said .", "she", False),
    # an apostrophe-like closer before a lower-case word
    ("Belarus_ ’ representatives work in Vienna", "representatives", False),
    # a new quotation right after a closed one starts a sentence
    ("catastrophic consequences_ ._ \" \"_ In Eurasia , the importance", "\"", True, ),
    ("catastrophic consequences_ ._ ” “_ In Eurasia , the importance", "“", True),
    # an ordinary sentence end is left to the parser
    ("He left the room_ . She stayed .", "She", None),
    ("He left the room_ . she stayed .", "she", False),
    ("He asked why_ ? The answer came .", "The", None),
    # a one-letter unit glued to a number ends a sentence before a capital (BBC regression:
    # spaCy keeps "m." as one token, and the parser never ended a sentence there)
    ("is worth £_ 50_ m. Chief executive John Beaumont said so .", "Chief", True),
    ("ran the 1500_ m. But he lost .", "But", True),
    ("ran 5 m. Later he rested .", "Later", None),
    ("in section_ a. The rules apply .", "The", None),
    ("ran 5_ km. Later he rested .", "Later", None),
    # ... but not before the attribution after a closing quote
    ("\"_ The club is worth £_ 800_ m._ \" Glazer said .", "Glazer", False),
    ("ran the 1500_ m. in the end .", "in", False),
    ("starts at 5 p.m. Monday , he said .", "Monday", None),
    # a line break always ends a segment: headings stand alone
    ("he stated_ . \\n Eurasian Charter \\n Regarding Eurasian security", "Eurasian", True),
    ("he stated_ . \\n Eurasian Charter \\n Regarding Eurasian security", "Regarding", True),
    ("he stated_ . \\n Eurasian Charter \\n Regarding Eurasian security", "\n", False),
    # a paragraph opening with PTB/NYT '' starts at the mark (PolNeAR regression)
    ("campaign_ . \\n ''_ Realistically , the most important part", "''", True),
    ("campaign_ . \\n ''_ Realistically , the most important part", "Realistically", False),
])
def test_sentences_rules_presets(tokens, word, expected):
    doc = make(tokens)
    nth = 1 if (word == "\"" and expected is True) or (word == "of" and tokens.startswith("the heads")) else 0
    assert preset(doc, word, nth) is expected


@pytest.mark.parametrize("words, tags, expected", [
    (["the", "Director", "M.G.", "Link", "met", "him", "."], ["DT", "NNP", "NNP", "NNP", "VBD", "PRP", "."], False),
    (["He", "moved", "to", "the", "U.S.", "The", "next", "year"], ["PRP", "VBD", "IN", "DT", "NNP", "DT", "JJ", "NN"], None),
])
def test_sentences_rules_initials_use_tags(words, tags, expected):
    """With tags (the tagger runs before the component), an initial blocks a
    boundary only before a proper noun."""
    doc = sentence_rules(Doc(VOCAB, words=words, tags=tags))
    assert doc[5 if "U.S." in words else 3].is_sent_start is expected


def test_sentences_rules_first_token_starts():
    doc = make("Hello world")
    assert doc[0].is_sent_start is True


def test_sentences_rules_empty_doc():
    assert len(sentence_rules(Doc(VOCAB, words=[]))) == 0


@pytest.mark.parametrize("n_words", [MAX_SENT_TOKENS - 1, MAX_SENT_TOKENS, 1000, 4321])
def test_sentences_rules_bounded_without_punctuation(n_words):
    doc = sentence_rules(Doc(VOCAB, words=["word"] * n_words))
    starts = [t.i for t in doc if t.is_sent_start] + [len(doc)]
    lengths = [b - a for a, b in zip(starts, starts[1:])]
    assert max(lengths) <= MAX_SENT_TOKENS
    assert len(lengths) == -(-n_words // MAX_SENT_TOKENS)


def test_sentences_rules_punctuated_long_text_not_cut():
    """The bound counts tokens since the last *possible* boundary: a long
    paragraph of ordinary sentences is never cut mid-sentence."""
    sentence = ["The", "minister", "said", "that", "talks", "would", "resume", "soon", "."]
    doc = sentence_rules(Doc(VOCAB, words=sentence * 100))
    assert all(t.is_sent_start is False for t in doc if t.text not in ("The",))


def test_sentences_rules_unbalanced_bracket_released():
    words = ["(", "aside"] + ["word"] * (MAX_BRACKET_TOKENS + 5) + [".", "Next", "sentence", "."]
    doc = sentence_rules(Doc(VOCAB, words=words))
    assert doc[words.index("Next")].is_sent_start is None
