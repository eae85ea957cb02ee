"""A negated reporting cue (quotes/indirect.py): what it leaves open is an indirect
question and a quote (`Reid would not say whether he would prefer ...`, annotated in
PolNeAR); what it denies saying is none (`never admitting he was wrong`). Frozen parses
of PolNeAR sentences (tests/quote_parses_negated.py)."""
from __future__ import annotations

import pytest

from tests.frozen_parse import frozen_quote_rows
from tests.quote_parses_negated import PARSES

def _rows(case: str):
    return frozen_quote_rows(PARSES[case])


def _matches(rows, expected) -> bool:
    """Each row as (kind, text it starts with, speaker mention, cue)."""
    return len(rows) == len(expected) and all(
        (r.kind, r.speaker_text, r.cue) == (k, s, c) and r.text.startswith(t) for r, (k, t, s, c) in zip(rows, expected))


@pytest.mark.parametrize("case, expected", [
    ("reid_would_not_say_whether",
     [("indirect", "he would prefer that Democrats face Trump or Sen. Ted Cruz", "Reid", "say")]),
    ("affidavit_does_not_indicate_whether",
     [("indirect", "Lewandowski was interviewed by police", "The affidavit", "indicate")]),
    ("trump_is_not_saying_what",
     [("indirect", "what other interrogation techniques he would support", "Trump", "saying")]),
    # must yield nothing: a negated cue that reports a clause or an object, not a question
    ("never_admitting_he_was_wrong", []),
    ("not_condemning_attacks", []),
    # a `not` after the content that the parser hung on the cue (PolNeAR dev)
    ("not_what_graham_had_in_mind", []),
])
def test_quotes_indirect_negated_cue_reports_an_open_question(case, expected):
    rows = _rows(case)
    assert _matches(rows, expected), [(r.kind, r.text, r.speaker_text, r.cue) for r in rows]
