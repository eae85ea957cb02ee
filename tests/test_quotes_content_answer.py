"""A yes or no right after a speech cue is what it reports (quotes/content.py ``_answer``):
PolNeAR annotates `46 percent of voters said yes` and `He said no to the Iraq war`; `said
so` only points back, and a `no` that opens a clause is that clause's. Short texts through
the real parse and the whole stage."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.stage import quote_rows


def _indirect(nlp, text: str) -> list[str]:
    rows, _ = quote_rows(nlp(text), [])
    return [r.text for r in rows if r.kind == "indirect"]


@pytest.mark.parametrize("text, contents", [
    ("Asked whether Trump should release his returns, 46 percent of voters said yes.", ["yes"]),
    ("He voted against the bailout. He said no to the Iraq war.", ["no to the Iraq war"]),
    ("Melanie said yes, yes, yes, over and over again, until Trump reached the final words.", ["yes, yes, yes"]),
    # must give no answer: `so`, a `no` that opens the content clause, a denied answer
    ("Trump said so in an interview on Sunday.", []),
    ("Voters said no one could win the state.", ["no one could win the state"]),
    ("Eric Trump wrote that he never said no to the plan.", ["he never said no to the plan"]),
    ("Is there too much money in politics? It's hard to answer no to any of those questions.", []),
    # the clause after the answer is the content; whom it was said to is not
    ("She said no, she would not run again.", ["no, she would not run again"]),
    ("He said no to reporters on Monday.", ["no"]),
])
def test_quotes_content_answer_yes_or_no(nlp, text, contents):
    assert _indirect(nlp, text) == contents
