"""pipeline.nlp.attribute_rules on hand-built Docs: the compiled rules of the model's
attribute_ruler annotate exactly as spaCy's component, on the hard cases
(multi-token rules, space tokens, rules that override each other, NOT_IN,
tokens no rule touches).

Each case is a hand-built Doc (words, tags, dependency labels), so what the
tagger or parser would say cannot change its meaning; both components run on
copies and must agree on every token, and the named token must get the values
the rules prescribe.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.nlp.attribute_rules import COMPONENT, ORIGINAL, compile_ruler

from ._attribute_rules_util import assert_same, describe, make_doc, run_both


@pytest.fixture(scope="module")
def rulers(nlp):
    return nlp.get_pipe(ORIGINAL), nlp.get_pipe(COMPONENT)


# (words, tags, deps, index of the token checked, expected {pos, tag, morph, lemma, dep})
CASES = {
    # multi-token rules: "gon na" -> lemmas go (index 0) and to (index 1)
    "gonna first": (["I", "'m", "gon", "na", "win"], ["PRP", "VBP", "VBG", "TO", "VB"],
                    ["nsubj", "aux", "ROOT", "aux", "xcomp"], 2, {"lemma": "go", "pos": "VERB"}),
    "gonna second": (["I", "'m", "gon", "na", "win"], ["PRP", "VBP", "VBG", "TO", "VB"],
                     ["nsubj", "aux", "ROOT", "aux", "xcomp"], 3, {"lemma": "to", "pos": "PART"}),
    # "got ta": index 1 gets "to"; "got" (VBD) gets "get" from a single-token rule
    "gotta": (["We", "got", "ta", "go"], ["PRP", "VBD", "TO", "VB"],
              ["nsubj", "ROOT", "aux", "xcomp"], 2, {"lemma": "to"}),
    "gotta got": (["We", "got", "ta", "go"], ["PRP", "VBD", "TO", "VB"],
                  ["nsubj", "ROOT", "aux", "xcomp"], 1, {"lemma": "get", "pos": "VERB"}),
    # "let 's": the multi-token lemma "us" lands on a token the PRP rules also set
    "let's": (["let", "'s", "go"], ["VB", "PRP", "VB"], ["ROOT", "nsubj", "ccomp"], 1,
              {"lemma": "us", "pos": "PRON", "morph": "PronType=Prs"}),
    # "ai n't": the second token is a REGEX ^n'?t$
    "ain't": (["It", "ai", "n't", "over"], ["PRP", "VBP", "RB", "RB"], ["nsubj", "ROOT", "neg", "advmod"], 1,
              {"lemma": "be", "pos": "VERB"}),
    "ain't n't": (["It", "ai", "n't", "over"], ["PRP", "VBP", "RB", "RB"], ["nsubj", "ROOT", "neg", "advmod"], 2,
                  {"lemma": "not", "pos": "PART", "morph": "Polarity=Neg"}),
    "ai not (regex fails: no lemma)": (["It", "ai", "no", "good"], ["PRP", "VBP", "DT", "JJ"],
                                       ["nsubj", "ROOT", "det", "attr"], 1, {"lemma": "", "pos": "VERB"}),
    "ai n't wrong tag (no lemma)": (["ai", "n't"], ["NN", "RB"], ["ROOT", "neg"], 0,
                                    {"lemma": "", "pos": "NOUN"}),
    # "y all": first token a REGEX ^y'?$
    "y'all": (["y'", "all", "know"], ["PRP", "DT", "VBP"], ["nsubj", "appos", "ROOT"], 0, {"lemma": "you"}),
    "yo all (regex fails)": (["yo", "all", "know"], ["UH", "DT", "VBP"], ["intj", "nsubj", "ROOT"], 0,
                             {"lemma": "", "pos": "INTJ"}),
    # a multi-token rule at the very end of the Doc, and one cut off by it
    "gon na at the end": (["gon", "na"], ["VBG", "TO"], ["ROOT", "aux"], 1, {"lemma": "to"}),
    "gon alone": (["gon"], ["VBG"], ["ROOT"], 0, {"lemma": "", "pos": "VERB"}),
    # "there is": the expletive rule (POS VERB, index 1) comes after the VBZ "is"
    # rule (POS AUX, lemma be): the later rule id wins POS, the lemma stays
    "there is": (["There", "is", "hope"], ["EX", "VBZ", "NN"], ["expl", "ROOT", "attr"], 1,
                 {"pos": "VERB", "lemma": "be", "morph": "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"}),
    # whitespace: TAG rule then IS_SPACE rules; DEP reset to "dep" (a token-level write)
    "space token": (["Hi", "\n\n", "there"], ["UH", "_SP", "RB"], ["ROOT", "punct", "advmod"], 1,
                    {"pos": "SPACE", "tag": "_SP", "morph": "", "dep": "dep"}),
    "space token mis-tagged NN": (["Hi", "\n\n", "there"], ["UH", "NN", "RB"], ["ROOT", "nsubj", "advmod"], 1,
                                  {"pos": "SPACE", "tag": "_SP", "morph": "", "dep": "dep"}),
    "space token without dep": (["Hi", " "], ["UH", "_SP"], None, 1, {"pos": "SPACE", "dep": ""}),
    "_SP on a non-space token": (["Hi", "x"], ["UH", "_SP"], ["ROOT", "dep"], 1, {"pos": "X", "tag": "_SP"}),
    # conflicting rules: CC -> CCONJ + ConjType=Cmp, then "but" advmod -> ADV (MORPH kept)
    "but advmod": (["but", "then"], ["CC", "RB"], ["advmod", "ROOT"], 0, {"pos": "ADV", "morph": "ConjType=Cmp"}),
    # WDT -> DET, "that" WDT -> PRON Rel, then DEP not det + WDT -> PRON
    "that relative": (["the", "plan", "that", "failed"], ["DT", "NN", "WDT", "VBD"],
                      ["det", "ROOT", "nsubj", "relcl"], 2, {"pos": "PRON", "morph": "PronType=Rel"}),
    # NOT_IN: TAG not in [TO, ''] and DEP aux -> AUX; TO and an untagged aux are excluded
    "modal aux": (["will", "go"], ["MD", "VB"], ["aux", "ROOT"], 0, {"pos": "AUX", "morph": "VerbForm=Fin"}),
    "to aux (NOT_IN excludes TO)": (["to", "go"], ["TO", "VB"], ["aux", "ROOT"], 0, {"pos": "PART"}),
    "untagged aux (NOT_IN excludes '')": (["xyz", "go"], None, ["aux", "ROOT"], 0,
                                          {"pos": "", "tag": "", "morph": "", "lemma": ""}),
    # DEP NOT_IN [det, quantmod, ''] with TAG DT: a pronoun unless it is a determiner
    "this subject": (["this", "works"], ["DT", "VBZ"], ["nsubj", "ROOT"], 0,
                     {"pos": "PRON", "morph": "Number=Sing|PronType=Dem"}),
    "this determiner": (["this", "plan"], ["DT", "NN"], ["det", "ROOT"], 0,
                        {"pos": "DET", "morph": "Number=Sing|PronType=Dem"}),
    "DT without dep": (["all"], ["DT"], None, 0, {"pos": "DET", "morph": ""}),
    # a tag no rule knows and no dep: nothing is set
    "unknown tag": (["zzz", "qqq"], ["XYZ", "XYZ"], ["ROOT", "dep"], 0, {"pos": "", "morph": "", "lemma": ""}),
}


@pytest.mark.parametrize("words, tags, deps, i, expected", list(CASES.values()), ids=list(CASES))
def test_attribute_rules_hand_built_equals_stock(nlp, rulers, words, tags, deps, i, expected):
    doc = make_doc(nlp.vocab, words, tags, deps)
    a, b = run_both(*rulers, doc)
    assert_same(a, b)
    got = dict(zip(("pos", "tag", "morph", "lemma", "dep"), describe(b[i])))
    assert {k: got[k] for k in expected} == expected


def test_attribute_rules_untouched_token_keeps_its_values(nlp, rulers):
    # a token no rule matches keeps the POS, MORPH and lemma it already has
    doc = Doc(nlp.vocab, words=["zzz", "qqq"], tags=["XYZ", "XYZ"], pos=["NOUN", "VERB"],
              morphs=["Foo=Bar", ""], lemmas=["zed", "q"])
    a, b = run_both(*rulers, doc)
    assert_same(a, b)
    assert [describe(t)[:4] for t in b] == [("NOUN", "XYZ", "Foo=Bar", "zed"), ("VERB", "XYZ", "", "q")]


def test_attribute_rules_empty_doc(nlp, rulers):
    doc = Doc(nlp.vocab, words=[])
    a, b = run_both(*rulers, doc)
    assert len(b) == 0


def test_attribute_rules_memo_survives_memory_zones(nlp):
    # a word first seen inside a memory zone (its string is dropped when the
    # zone ends) must be judged the same way in a later zone: the memo keeps
    # hashes only
    stock = nlp.get_pipe(ORIGINAL)
    compiled = compile_ruler(stock)
    words = ["we", "got", "nuthin'", "zqxjv"]
    for _ in range(2):
        with nlp.memory_zone():
            doc = make_doc(nlp.vocab, words, ["PRP", "VBD", "NN", "NN"], ["nsubj", "ROOT", "dobj", "dobj"])
            a, b = run_both(stock, compiled, doc)
            assert_same(a, b)
            assert b[2].lemma_ == "nothing"
