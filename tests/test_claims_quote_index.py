"""stages.claims: the per-document quote index (issue 6) picks the same quote as
the DataFrame version did: largest overlap, ties to the earlier quote, none
without overlap, a missing speaker as None; with the quote's character span (the
content the model reads) and whether it is a direct quote."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.stages.claims.stage import DocQuotes, _quote_for

QUOTES = pd.DataFrame({
    "doc_id": ["a", "b", "a", "b", "a"],
    "quote_id": [0, 0, 1, 1, 2],
    "start": [10, 0, 40, 50, 40],
    "end": [30, 45, 60, 60, 60],
    "speaker": ["Ann", "Bob", None, np.nan, "Cy"],
    "kind": ["direct", "indirect", "indirect", "direct", "direct"],
})


@pytest.mark.parametrize("start,end,expected", [
    (12, 28, ("Ann", 0, (10, 30), True)),      # inside quote 0, a direct one
    (25, 45, ("Ann", 0, (10, 30), True)),      # overlaps 0 by 5 and 1 by 5: the earlier wins
    (41, 70, (None, 1, (40, 60), False)),      # quotes 1 and 2 tie: the earlier; its speaker is missing
    (30, 40, (None, None, None, False)),       # touches quotes 0 and 1 but overlaps neither
    (70, 90, (None, None, None, False)),       # after every quote
])
def test_claims_quote_for_doc_index(start, end, expected):
    rows = QUOTES.groupby("doc_id", sort=False).indices["a"]
    index = DocQuotes(QUOTES, rows)
    assert _quote_for(index, start, end) == expected
    # the DataFrame form gives the same answer
    assert _quote_for(QUOTES.iloc[rows], start, end) == expected
    assert index.frame.equals(QUOTES.iloc[rows])


def test_claims_quote_for_nan_speaker_and_empty():
    rows = QUOTES.groupby("doc_id", sort=False).indices["b"]
    assert _quote_for(DocQuotes(QUOTES, rows), 55, 58) == (None, 1, (50, 60), True)
    assert _quote_for(DocQuotes(QUOTES.iloc[:0]), 0, 10) == (None, None, None, False)
    assert _quote_for(None, 0, 10) == (None, None, None, False)


def test_claims_quote_for_prefers_the_quote_holding_the_cue():
    """`said Harry was in a privileged position and said he should apologise`: the quote
    that holds the cue typing the claim is the claim's, though another overlaps more."""
    quotes = pd.DataFrame({"doc_id": ["a", "a"], "quote_id": [0, 1], "start": [36, 80], "end": [70, 109],
                           "speaker": ["Kennedy", "Kennedy"], "kind": ["indirect", "indirect"]})
    assert _quote_for(quotes, 0, 110) == ("Kennedy", 0, (36, 70), False)
    assert _quote_for(quotes, 0, 110, at=83) == ("Kennedy", 1, (80, 109), False)
    # a cue outside every quote changes nothing
    assert _quote_for(quotes, 0, 110, at=5) == ("Kennedy", 0, (36, 70), False)
