"""Who does a reporting verb the parser hung on another word (quotes/cues.py
``subject_of``), on frozen parses of PolNeAR sentences (tests/quote_parses_precision.py):
the possessor of what someone's response was, and not when the sentence gives advice; no
figure as a poll's share."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.cues import subject_of
from tests.frozen_parse import frozen_doc
from tests.quote_parses_precision import PARSES


@pytest.mark.parametrize("case, cue, speaker", [
    # PolNeAR dev: `his best response was to say he would prevent more from leaving` is his
    ("possessor_response_was_to_say", "say", "his"),
    # PolNeAR train: `Trump's best argument ... is to argue that something needs to change` is advice,
    # not Trump's words: the argument stays the subject
    ("present_argument_is_to", "argue", "argument"),
    # PolNeAR train, made up: a figure set off before the verb is no poll's share (`the official
    # unemployment rate of 4.9 percent, suggested ...`): no subject rather than "percent"
    ("rate_figure_not_share", "suggested", None),
])
def test_quotes_cues_subject_of_subjects_the_parse_hid(case, cue, speaker):
    doc = frozen_doc(PARSES[case])
    verb = next(t for t in doc if t.text == cue)
    got = subject_of(verb)
    assert (got.text if got is not None else None) == speaker
