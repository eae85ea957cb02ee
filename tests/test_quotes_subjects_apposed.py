"""The speaker of a cue the parser left without a subject after a long opener
(quotes/subjects.py ``_apposed_subject``): the person named right before the verb, past
its comma and the verb's own adverbs (`..., Paul Manafort, bluntly suggested that
...`); and no speaker for an imperative (``subject_of``). Frozen parses of PolNeAR train
sentences (tests/quote_parses_apposed.py, tests/quote_parses_opening.py)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.subjects import subject_of
from pipeline.stages.quotes.stage import quote_rows
from tests.frozen_parse import entity_rows, frozen_doc
from tests.quote_parses_apposed import PARSES as _APPOSED
from tests.quote_parses_opening import PARSES as _OPENING

PARSES = {**_APPOSED, **_OPENING}


def _doc(case: str) -> Doc:
    return frozen_doc(PARSES[case])


@pytest.mark.parametrize("case, cue, speaker, content_start", [
    # `At a June Trump campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against
    # immigrants`: the name hangs from the opener's preposition
    ("johnson_also_railed", "railed", "Johnson", "immigrants"),
    # `Addressing about 100 committee members ..., the campaign chief, Paul Manafort, bluntly suggested that ...`
    # (the description the name is apposed to heads the mention)
    ("opener_participle", "suggested", "chief", "the candidate's incendiary style amounted to an act"),
    # must yield nothing: a bracket ends the description (`Sen. Chris Murphy (...) says`)
    ("but_conjunct", "says", None, None),
])
def test_quotes_subjects_apposed_subject_past_the_verbs_adverb(case, cue, speaker, content_start):
    _check(case, cue, speaker, content_start)


@pytest.mark.parametrize("case, cue, speaker, content_start", [
    # an imperative has no speaker to find (`... is Euroscepticism, so explain to me how ...`: the name ends
    # the clause before; regression, BBC)
    ("imperative_after_name", "explain", None, None),
    # nor does the name it addresses (`Senator Warren, tell us what ...`: regression, the proper-name
    # fallback of subject_of gave it the quote)
    ("imperative_vocative_name", "tell", None, None),
    # but a base form right after a name is a mis-tagged noun or present tense, not an imperative: the name
    # speaks (`According to the Datamonitor report the trend marked ...`, BBC; regression: lost when the
    # guard read every base form as an imperative)
    ("report_after_name", "report", "Datamonitor", "the trend marked British teenagers out"),
])
def test_quotes_subjects_imperative_has_no_speaker(case, cue, speaker, content_start):
    """``subject_of``'s guard for an imperative, before its proper-name fallback."""
    _check(case, cue, speaker, content_start)


def _check(case: str, cue: str, speaker: str | None, content_start: str | None) -> None:
    doc = _doc(case)
    verb = next(t for t in doc if t.text == cue and t.pos_ == "VERB")
    got = subject_of(verb)
    assert (got.text if got is not None else None) == speaker
    rows, _ = quote_rows(doc, entity_rows(doc))
    mine = [r for r in rows if r.kind == "indirect" and r.cue_start == verb.idx]
    if speaker is None:
        assert not mine
    else:
        assert len(mine) == 1 and mine[0].text.startswith(content_start) and mine[0].speaker_text.endswith(speaker)
