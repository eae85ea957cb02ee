"""Quotation-mark pairing on raw text (pipeline.stages.quotes.marks): every mark style,
mismatched pairs, multi-paragraph quotes, apostrophes that are not quotes, and
unbalanced text that must never raise."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.quotes.marks import scan_quotes

CASES = [
    # (text, expected contents, number of problems)
    ("He said “we will win” today.", ["we will win"], 0),
    ('He said "we will win" today.', ["we will win"], 0),
    ("He said ‘we will win’ today.", ["we will win"], 0),
    ("He said 'we will win' today.", ["we will win"], 0),
    ("He said ``we will win'' today.", ["we will win"], 0),  # PTB style (PolNeAR NYT copy)
    ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"], 0),
    ("„Wir gewinnen“ sagte er.", ["Wir gewinnen"], 0),
    # mismatched pair from the seeds: straight opener, curly closer
    ("countries are divided into ‘right’ and 'wrong’. Next", ["right", "wrong"], 0),
    # nested single quotes belong to the outer quote
    ("“A show of ‘right’ and 'wrong’ states,” he said.", ["A show of ‘right’ and 'wrong’ states,"], 0),
    # two quotes in one sentence, attribution inside
    ('"Allow diplomats to work," he said, "and trust them."', ["Allow diplomats to work,", "and trust them."], 0),
    # multi-paragraph quote: no closing mark at the paragraph end, a fresh opener after
    ("“First paragraph of the quote.\n\n“Second paragraph,” he said.",
     ["First paragraph of the quote.\n\n“Second paragraph,"], 0),
    # ... of one style: a stray straight opener closes at its paragraph end; the curly quote after it is
    # its own (PolNeAR dev)
    ('"Melanie thought it was outrageous.\n\n“It never crossed my mind,” she said.',
     ["Melanie thought it was outrageous.", "It never crossed my mind,"], 1),
    ('"First paragraph of the quote.\n\n"Second paragraph," he said.',
     ['First paragraph of the quote.\n\n"Second paragraph,'], 0),
    # a curly quote nested in a curly quote of the same style belongs to it (PolNeAR dev); not inside a
    # straight mark, which may be a stray one (PolNeAR train)
    ("“I’d rather live in what he calls “hell” than live there.” ― Adriana Rodarte\n“He is no leader.” ― Ann",
     ["I’d rather live in what he calls “hell” than live there.", "He is no leader."], 0),
    ('"“You don’t win by how many states you win,” Rubio responded before adding more."',
     ["You don’t win by how many states you win,"], 2),
    # ... but a curly pair after words inside a straight quote is nested in it, and the quote runs on into
    # the paragraph its convention reopens (PolNeAR train: the quote ended at the inner mark)
    ('"The department isn’t about “Equal Justice Under Law” anymore. It’s about politics.\n\n'
     '"The latest example is this lawsuit."\n\nNext paragraph.',
     ['The department isn’t about “Equal Justice Under Law” anymore. It’s about politics.\n\n'
      '"The latest example is this lawsuit.'], 0),
    # apostrophes are not quotation marks
    ("Belarus’ Top Sites and the OSCE's role in the '90s don't count.", [], 0),
    ("It’s the people’s choice, isn’t it?", [], 0),
    # unbalanced: closed at the paragraph end, with a problem reported
    ('"We will win, he said.\n\nNext paragraph.', ["We will win, he said."], 1),
    ('He said "we will win and "lose', ["we will win and", "lose"], 2),
    ("A stray closing mark” here.", [], 1),
    # an opening single mark that can be nothing else, never closed in its paragraph (regression: no
    # warning), but not `‘90s` or `‘til`, an apostrophe typed as one, nor `’`/`'`, which are apostrophes too
    ("‘We are ready,’ he said. ‘Unclosed quote here, he added.", ["We are ready,"], 1),
    ("‘Open in one paragraph\nclosed’ in the next.", [], 1),
    ("In the ‘90s he said so.", [], 0),
    ("They stayed ‘til dawn and sang ‘em all.", [], 0),
    ("Belarus’ role and the 'big' one's end.", ["big"], 0),
    # glyph opener used as a closer (`“text“ said`)
    ("He called it “a disaster for all of us“ and left.", ["a disaster for all of us"], 0),
]


@pytest.mark.parametrize(("text", "contents", "n_problems"), CASES)
def test_quotes_marks_pairing(text, contents, n_problems):
    scan = scan_quotes(text)
    assert [text[s.start:s.end] for s in scan.spans] == contents
    assert len(scan.problems) == n_problems


def test_quotes_marks_span_offsets_exclude_marks():
    text = "He said “we will win” today."
    (sp,) = scan_quotes(text).spans
    assert text[sp.open_pos] == "“" and text[sp.close_end - 1] == "”"
    assert sp.closed


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .,\n\"'“”‘’«»`", max_size=60))
def test_quotes_marks_never_raise_and_spans_are_inside(text):
    scan = scan_quotes(text)
    for sp in scan.spans:
        assert 0 <= sp.open_pos <= sp.start <= sp.end <= sp.close_end <= len(text)
        assert text[sp.start:sp.end].strip() == text[sp.start:sp.end]
