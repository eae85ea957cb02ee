"""Where a coordinated verb takes its subject from (quotes/conjuncts.py
``conjunct_head``, through ``subjects.subject_of``), on frozen parses of PolNeAR train
sentences (tests/quote_parses_speakers.py): a reporting verb the parser hung inside
what another verb reports goes on from that verb; a verb that is no reporting verb
stays with the clause it was hung in."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.subjects import subject_of
from tests.frozen_parse import frozen_doc
from tests.quote_parses_speakers import PARSES


def _subject(toks, cue: str):
    """``subject_of`` the last word ``cue`` of the sentence (the coordinated one)."""
    doc = frozen_doc(toks)
    got = subject_of([t for t in doc if t.text == cue][-1])
    return got.text if got is not None else None


@pytest.mark.parametrize("case, cue, speaker", [
    # `Nigel Farage said the warning was indicative that the President did not know ..., and accused ...`
    ("accused_after_clause_in_clause", "accused", "Farage"),
    # `saying that the bill had ... but was waylaid by voter mistrust - and arguing that ...`
    ("arguing_after_clause_conjunct", "arguing", "Rubio"),
    # `De Blasio said the move was made by ... and said, "..."`
    ("said_after_passive_clause", "said", "Blasio"),
])
def test_quotes_conjuncts_reporting_verb_hung_in_the_reported_clause_goes_on_from_the_reporter(case, cue, speaker):
    assert _subject(PARSES[case], cue) == speaker


def test_quotes_conjuncts_a_verb_that_reports_nothing_stays_with_its_clause():
    # the Farage parse with `blocked` (no reporting verb) for `accused`, by hand: the clause two levels down
    # is the warning's (`the warning was indicative that ... and blocked ...`), nobody's speech
    toks = [("blocked", sp, h, dep, pos, tag, "block", e) if w == "accused" else (w, sp, h, dep, pos, tag, lem, e)
            for w, sp, h, dep, pos, tag, lem, e in PARSES["accused_after_clause_in_clause"]]
    assert _subject(toks, "blocked") == "warning"
