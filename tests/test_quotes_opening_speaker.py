"""A reporting verb whose subject the parser lost in the speaker's long description
(quotes/opening_speaker.py): `Jeffrey Salkin, a Hollywood, Fla., rabbi helping to
organize the boycott, said he ...` parses with the whole opening as a clause of `said`
and no subject; the name that opens the sentence speaks. Frozen parses of PolNeAR
train sentences (tests/quote_parses_opening.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.opening_speaker import opening_speaker
from pipeline.stages.quotes.stage import quote_rows
from tests.frozen_parse import entity_rows, frozen_doc
from tests.quote_parses_opening import PARSES


def _doc(case: str) -> Doc:
    return frozen_doc(PARSES[case])


def _cue(doc: Doc, word: str):
    return next(t for t in doc if t.text == word and t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp"))


@pytest.mark.parametrize("case, cue, speaker", [
    ("salkin_rabbi", "said", "Salkin"),              # `a Hollywood, Fla., rabbi helping ...` became the clause
    ("demoro_union", "said", "DeMoro"),              # `..., a union that has endorsed ...,` and `also`
    ("beck_last_week", "said", "Beck"),              # `, who supported ...,` and `last week` before the cue
    ("representative_dash", "noted", "representative"),  # `A representative for ... brand - a ... business ... -`
    # must yield nothing
    ("opener_participle", "suggested", None),        # `Addressing ...`: no noun phrase opens the sentence
    ("subject_pledged", "suggested", None),          # `He pledged ...`: a clause of its own opens it
    ("but_conjunct", "says", None),                  # `Few politicians would ever admit this, but Sen. ...`
    ("subject_parsed", "said", None),                # `Bob said ...`: the cue has its subject
])
def test_quotes_opening_speaker_names_the_opening_noun_phrase(case, cue, speaker):
    doc = _doc(case)
    got = opening_speaker(_cue(doc, cue))
    assert (got.text if got is not None else None) == speaker


@pytest.mark.parametrize("case, speaker_text, content_start", [
    ("salkin_rabbi", "Jeffrey Salkin", "he and other rabbis were alarmed about Trump's behavior"),
    ("demoro_union", "RoseAnn DeMoro", "her group planned to take part in demonstrations"),
    ("beck_last_week", "Beck", "Trump was seeking to start either a rebellious movement"),
    ("representative_dash", "A representative for the Ivanka Trump brand", "the company offers new mothers"),
])
def test_quotes_opening_speaker_gives_the_reported_clause_its_speaker(case, speaker_text, content_start):
    doc = _doc(case)
    rows, _ = quote_rows(doc, entity_rows(doc))
    indirect = [r for r in rows if r.kind == "indirect" and r.text.startswith(content_start)]
    assert len(indirect) == 1
    assert indirect[0].speaker_text == speaker_text
    assert doc.text[indirect[0].start:indirect[0].end] == indirect[0].text


@pytest.mark.parametrize("case, cue", [("but_conjunct", "says")])
def test_quotes_opening_speaker_leaves_other_openings_without_a_quote(case, cue):
    # the reported clause of these cues stays unattributed (no speaker to give it; for
    # `opener_participle` subjects.py finds the name before the verb: test_quotes_subjects_apposed.py;
    # `subject_pledged`'s is the subject of its first verb: test_quotes_subjects_hidden.py)
    doc = _doc(case)
    cue = _cue(doc, cue)
    rows, _ = quote_rows(doc, entity_rows(doc))
    assert not [r for r in rows if r.kind == "indirect" and r.cue_start == cue.idx]
