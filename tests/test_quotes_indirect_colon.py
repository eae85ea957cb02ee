"""A cue that ends its paragraph with a colon reports the paragraph after it
(quotes/indirect.py ``_paragraph_after_colon``): `The governor added:` and then his
words, in a paragraph of their own without quotation marks, is one reported quote, the
whole paragraph (PolNeAR dev and train annotate it so); a list's dash after the colon
is the writer's list, not what was said, and so is a quotation, a transcript's line or a
paragraph that introduces something else. Frozen parses (tests/quote_parses_colon.py) and
short texts through the real parse, through the whole stage."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.stage import quote_rows
from tests.frozen_parse import frozen_quote_rows
from tests.quote_parses_colon import PARSES


def test_quotes_indirect_colon_the_paragraph_after_the_cue_is_what_was_said():
    rows = [r for r in frozen_quote_rows(PARSES["added_colon_paragraph"]) if r.cue == "added"]
    assert [(r.kind, r.speaker_text) for r in rows] == [("indirect", "The governor")]
    assert rows[0].text.startswith("It’s typical of Hillary Clinton. She knows nothing")
    assert rows[0].text.endswith("because of politicians dumping gasoline on a fire.")


def test_quotes_indirect_colon_a_list_after_the_colon_is_no_quote():
    # `As part of his reforms he has announced:` then `- Duty cuts on capital goods ...`
    assert [r for r in frozen_quote_rows(PARSES["announced_dash_list"]) if r.cue == "announced"] == []


@pytest.mark.parametrize("text, cue", [
    # a numbered list, a quotation (the direct quote's; `said that:` gave the content `that`),
    # a paragraph that introduces something else itself, a transcript's line
    ("The minister spoke.\n\nThe minister announced:\n\n1. Duty cuts on capital goods.\n\nHe left.", "announced"),
    ('The statement came.\n\nThe statement said that:\n\n"We will fight it."', "said"),
    ("Mr Brown spoke.\n\nMr Brown said:\n\nThe budget is a disgrace. Asked about it, Mr Smith said:\n\nIt is fine.",
     "said"),
    ("The opposition spoke.\n\nWhat the opposition said:\n\nTony Blair: The budget is a disgrace.", "said"),
])
def test_quotes_indirect_colon_a_paragraph_that_is_no_report_of_the_cue(nlp, text, cue):
    doc = nlp(text)
    first_cue = next(t for t in doc if t.text == cue)
    rows, _ = quote_rows(doc, [])
    assert [r.text for r in rows if r.kind == "indirect" and r.cue_start == first_cue.idx] == []
