"""A short quote a colon introduces (issue 14), on frozen parses
(tests/quote_parses_short_after_colon.py): `President Obama is rolling out a new and more
personal campaign message: "It's about me."` (PolNeAR dev) is an utterance, not a scare
quote, when the clause that runs to the colon has a subject that can speak
(``attribution._introduced``, ``cues.introduces_words``); a subject that cannot (an
event, the weather, an impersonal `it`) leaves a one-to-three-word quote a scare quote.
"""
from __future__ import annotations

import pytest

from tests.frozen_parse import frozen_quote_table
from tests.quote_parses_short_after_colon import PARSES

D = "direct"

# case -> every quote the stage must produce, as (kind, text, speaker mention as written, cue)
EXPECTED = {
    # was no quote: three words, dropped as a scare quote
    "short_quote_after_a_colon": [(D, "It's about me.", "President Obama", "rolling")],
    # must yield nothing: a rally cannot speak (PolNeAR names it the Source; a rally's
    # message is its speakers', whom the sentence does not name)
    "short_quote_after_a_message_colon": [],
    # must yield nothing
    "short_quote_after_a_mute_colon": [],
    # must yield nothing: "it" names no speaker (was a quote by "It")
    "short_quote_after_an_it_colon": [],
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_quotes_short_after_colon_table(case):
    assert frozen_quote_table(PARSES[case]) == sorted(EXPECTED[case], key=str)
