"""resources/reporting_verbs.txt: the one lexicon of reporting verbs, with kinds."""
import pytest

from pipeline.resources import VERB_KINDS, reporting_verb_forms, reporting_verb_lemmas, reporting_verbs


@pytest.mark.parametrize("kind, present, absent", [
    ("speech", {"say", "point out", "stress"}, {"believe", "support"}),
    ("belief", {"believe", "think"}, {"say"}),
    ("commitment", {"pledge", "vow"}, {"say"}),
    ("call", {"call", "appeal", "urge"}, {"say"}),
    ("judgment", {"criticize", "condemn"}, {"say"}),
    ("forecast", {"predict", "warn"}, {"criticize"}),
    ("position", {"propose", "support"}, {"say"}),
    # what was said can be the object (`denied every allegation`), never for `tell` (`told the crowd`)
    ("object", {"deny", "criticize", "announce"}, {"tell", "ask", "believe"}),
    ("naming", {"call"}, {"say"}),
    # two-word entries with a preposition: its object is what was said (`warned of ...`)
    ("speech", {"warn of", "accuse of", "call for", "call on"}, {"call"}),
])
def test_resources_reporting_verbs_by_kind(kind, present, absent):
    entries = set(reporting_verbs(kind))
    assert present <= entries
    assert not absent & entries


def test_resources_reporting_verbs_claim_kind_counts_head_lemmas():
    # "point out" is a speech cue with its particle; the claims stage reads the head verb
    assert "point" in reporting_verb_lemmas("claim")
    assert "point out" not in reporting_verb_lemmas("claim")


def test_resources_reporting_verbs_forms_are_written_forms():
    forms = reporting_verb_forms()
    assert {"said", "asked", "believes"} <= forms
    assert "say" in forms  # "...," they say.
    assert "support" not in forms


def test_resources_reporting_verbs_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: addressee-object, addressee-to, aloud, belief, call"):
        reporting_verbs("speach")


def test_resources_reporting_verbs_malformed_entry_is_refused(resource_text):
    resource_text("say | speech shouting | said\n")
    with pytest.raises(ValueError, match="reporting_verbs.txt: expected 'lemma | kind"):
        reporting_verbs("speech")


def test_resources_reporting_verbs_addressee_kinds_are_exactly_these():
    # whom the words were addressed to, never their speaker (quotes stage: `told the BBC`,
    # `said to reporters`); the verbs listed for this only (brief, speak ...) are no cues
    assert reporting_verb_lemmas("addressee-object") == {"tell", "inform", "assure", "brief", "remind", "ask", "urge",
                                                         "promise"}
    assert reporting_verb_lemmas("addressee-to") == {"say", "speak", "talk", "write", "explain", "announce",
                                                     "complain", "admit", "confide"}
    assert not {"brief", "remind", "speak", "talk", "confide"} & set(reporting_verbs("speech"))


@pytest.mark.parametrize("verb, kinds", [
    ("tell", {"addressee-object"}), ("urge", {"addressee-object"}), ("brief", {"addressee-object"}),
    ("say", {"addressee-to"}), ("write", {"addressee-to"}), ("confide", {"addressee-to"}),
    # a verb of neither kind: its object or `to X` is no addressee (`thanked the BBC`,
    # `according to the BBC`, `pointed to the polls`)
    ("thank", set()), ("accord", set()), ("point", set()), ("believe", set()),
])
def test_resources_reporting_verbs_addressee_kind_of_a_verb(verb, kinds):
    assert {k for k in ("addressee-object", "addressee-to") if verb in reporting_verb_lemmas(k)} == kinds


def test_resources_reporting_verbs_every_kind_is_used():
    assert all(reporting_verbs(k) for k in VERB_KINDS)


def test_resources_reporting_verbs_aloud_kind_is_speech_voiced():
    # a Title Case quote right after one of these is what was voiced, not a name (quotes stage,
    # cues.voices_words); every one is a speech cue, and no verb of writing or naming is among them
    assert reporting_verb_lemmas("aloud") == {"chant", "shout", "yell", "scream", "cry"}
    assert reporting_verb_lemmas("aloud") <= reporting_verb_lemmas("speech")
