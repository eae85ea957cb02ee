"""A quote framed by a belief inside reported speech (issue 14), on frozen parses
(tests/quote_parses_belief_frames.py): in `Mr. Murphy said, adding that he hoped Mrs.
Clinton ''doesn't shy away ...''` the words in the marks are what Murphy said, so the
quote's cue is the speech verb (`adding`) and its speaker that verb's subject, not the
pronoun of `hoped` (``before_quote._sayer_of_belief``; PolNeAR train gives the Source
of the speech verb). A belief whose subject is a name (`Trump said Clinton thinks
"..."`) may quote that person, a pronoun that cannot stand for the speaker (`She said
he thinks "..."`) is someone else, and a negated speech verb says nothing: all keep the
belief's subject.
"""
from __future__ import annotations

import pytest

from tests.frozen_parse import frozen_quote_table
from tests.quote_parses_belief_frames import PARSES

D, I = "direct", "indirect"

# case -> every quote the stage must produce, as (kind, text, speaker mention as written, cue)
EXPECTED = {
    # the second quote was "he"'s (cue `hoped`), and the clause around it no quote at all
    "belief_after_adding": [
        (D, "You are not going to win this general election by proposing incremental changes,", "Mr. Murphy", "said"),
        (I, "he hoped Mrs. Clinton ''doesn't shy away from proposing some big ideas to try to reorder the "
            "country.''",
         "Mr. Murphy", "adding"),
        (D, "doesn't shy away from proposing some big ideas to try to reorder the country.", "Mr. Murphy", "adding")],
    # was "he" (cue `thinks`)
    "belief_before_adding": [(D, "Thank you, son,", "Cruz", "replied"),
                             (D, "children should actually speak with respect.", "Cruz", "adding")],
    # must keep Clinton: the words may be hers
    "belief_of_a_named_other": [(I, 'Clinton thinks "we are all very stupid people in this country."', "Trump", "said"),
                                (D, "we are all very stupid people in this country.", "Clinton", "thinks")],
    # must keep "he" (and the quote): "he" cannot stand for "She"
    "belief_of_another_pronoun": [(I, 'he thinks "the election is rigged against him."', "She", "said"),
                                  (D, "the election is rigged against him.", "he", "thinks")],
    # must keep "he": Trump never said it
    "belief_under_negated_say": [(D, "the election is rigged against him.", "he", "thinks")],
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_quotes_belief_frames_table(case):
    assert frozen_quote_table(PARSES[case]) == sorted(EXPECTED[case], key=str)
