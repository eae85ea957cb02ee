"""Where a reported content starts when the parser hung the clause's subject on the
cue (``content._object_as_subject``) or the clause elsewhere after the cue's object
(``objects._orphan_predicate``), which complementiser it drops
(``records.trim_tokens``), which quotation marks it keeps (``indirect._paired_marks``),
and a quoted fragment inside reported speech that a participle after it must not
attribute (``after_quote.find_after_cue``).
Frozen parses (tests/quote_parses_content_start.py), through the whole stage."""
from __future__ import annotations

import pytest

from tests.frozen_parse import frozen_indirect, frozen_quote_rows
from tests.quote_parses_content_start import PARSES


def _rows(case: str) -> list:
    return frozen_quote_rows(PARSES[case])


def _indirect(case: str, cue: str) -> list[str]:
    """The contents of the case's indirect quotes with ``cue``."""
    return [r.text for r in frozen_indirect(PARSES[case], cue)]


@pytest.mark.parametrize("case, cue, content", [
    # the clause's subject was the cue's object: the content was `could soon stop funding the US deficit`
    ("greenspan_warned", "warned", "Asian states could soon stop funding the US deficit"),
    # a headline whose `Doesn’t` the tokenizer split: the lone `Does` is no clause to give a subject to
    # (it used to grow into `Trump’s Bigotry Does` with the rule)
    ("headline_doesnt", "Says", None),
    # whom `told` addresses is never part of what was said, even when the parser leaves the clause
    # without a subject
    ("told_the_bbc", "told", "had been warned about the risks"),
])
def test_quotes_content_start_object_parsed_as_the_clauses_subject(case, cue, content):
    got = _indirect(case, cue)
    assert got == ([content] if content else [])


@pytest.mark.parametrize("case, cue, content", [
    # `whether or not` opens the question whole (BBC: the content was `or not he had offered to quit`)
    ("say_whether_or_not", "say", "he had offered to quit"),
    # an `if` or `whether` that opens an adverbial clause of the content stays: without it the speaker
    # asserts what was a condition (BBC, 47 quotes: `the traders are found guilty, they could face ...`)
    ("reported_that_if", "reported", "if the traders are found guilty, they could face a five-year jail term"),
    ("said_whether_or_not_concessive", "said", "whether or not the bill passes, the party will survive"),
    # a `that` the parser hung on the adverbial clause still goes (BBC)
    ("predicts_that_as", "predicts",
     "as the falling birth rate takes grip from 2010, the cost of running Japan's welfare state will double to more "
     "than 5% of GDP"),
])
def test_quotes_content_start_complementiser(case, cue, content):
    got = _indirect(case, cue)
    assert got == [content]


def test_quotes_content_start_participle_after_a_fragment_is_no_cue():
    """`Miller said he is hopeful the new bill can be “the best of both worlds,” giving
    states more power, ...`: the fragment is part of what Miller said; `giving`, whose
    subject stands before the quote, used to attribute it again as a direct quote."""
    rows = _rows("hopeful_giving")
    assert [(r.kind, r.cue) for r in rows] == [("indirect", "said")]


@pytest.mark.parametrize("case, cue, content", [
    # a content that starts with a quoted phrase keeps its opening mark (it read `local forces" must ...`;
    # BBC: 59 contents)
    ("said_local_forces", "said", '"local forces" must lead the way'),
    # both marks the trimming took: the opening one at the start, the closing one after the stop
    ("a_big_truck", "said", '"A big truck" plowed through security barriers that had been set up for the '
                            'day\'s festivities, he said, and "everyone started running."'),
    # the closing mark after a phrase's last word and the punctuation before the mark (`30%"`)
    ("says_nearly_30", "says", 'he now hopes to increase productivity "by nearly 30%"'),
    # a straight mark with space on both sides: closed as the marks were paired
    ("told_embargo_spaced_mark", "told", 'his plan to remove the embargo was " a worrying issue that concerns the '
                                         'security and environment of not only Japan, but also East Asia overall"'),
])
def test_quotes_content_start_quotation_marks_paired(case, cue, content):
    got = _indirect(case, cue)
    assert got == [content]


def test_quotes_content_start_quote_opening_the_content_stays_direct():
    """`Tyler said, "We have three weeks to go" until the Iowa caucuses`: the quote opens the
    reported clause, so it is the utterance itself and stays a direct quote beside the
    indirect one, now that the indirect one starts at the opening mark (PolNeAR train)."""
    got = sorted((r.kind, r.text) for r in _rows("said_three_weeks"))
    assert got == [("direct", "We have three weeks to go"),
                   ("indirect", '"We have three weeks to go" until the Iowa caucuses')]


@pytest.mark.parametrize("case, cue, content", [
    # a per cent sign and a bracket the content opened are the content's (BBC: 50 and 52 contents lost them)
    ("growth_per_cent", "suggests", "annual growth of just 0.2%"),
    ("recall_brackets", "said", "the largest recall involves 155,465 pickups, vans and sports utility vehicles (SUVs)"),
    # a word joined by hyphens is whole, with what hangs on its last piece (it read `to co`)
    ("pledged_co_operate", "pledged", "to co-operate with the inquiry which will be conducted on a single day as "
                                      "opposed to being run as an ongoing evaluation"),
    # ... at the start too (it read `mails should only be deleted ...`)
    ("said_e_mails", "said", 'e-mails should only be deleted if they served "no current purpose"'),
])
def test_quotes_content_start_whole_words_and_signs(case, cue, content):
    got = _indirect(case, cue)
    assert content in got
    assert not any(text.startswith("mails") or text.endswith((" co", " re", "(SUVs", "0.2")) for text in got)


@pytest.mark.parametrize("case, cue, content", [
    # a finite predicate without a subject right after the object, which the parser hung elsewhere: the object is
    # its subject and the cue reports the clause (BBC; PolNeAR train: `saying a state law banning fracking is
    # hurting the economy`)
    ("denied_warming_is_taking_place", "denied", "global warming is taking place"),
    # not past a comma, nor a reporting verb, which is an attribution of its own (PolNeAR train)
    ("noting_size_comma_said", "noting", "the size of Sanders's following"),
    # nor a verb coordinated with the cue (PolNeAR train)
    ("denied_counter_accused", "denied", "the charges"),
])
def test_quotes_content_start_an_orphan_predicate_goes_with_the_object(case, cue, content):
    assert _indirect(case, cue) == [content]


def test_quotes_content_start_a_reporting_verb_after_the_object_is_no_predicate_of_it():
    # `..., the BBC's Jonathan Beale reports`: an attribution of its own (BBC)
    got = _indirect("highlight_beale_reports", "highlight")
    assert got and not any(t.endswith("reports") for t in got)
