"""How far a reported content reaches where the parse hung its parts elsewhere
(quotes/content.py, clause_end.py, verb_forms.py, setoff.py): a verb that cannot agree with the
cue's subject goes on with what was said; a list of phrases the parser made an
apposition is not cut as one; a cue after an attribution of its own only repeats who
said it; a two-word cue in an `as` clause reports its own content, not the sentence
around it; a time the parser hung on the clause says when it was said; an attribution
hung on the adverbial clause before it, or after words without a verb, reports the
sentence around it. Frozen parses of sentences of PolNeAR and BBC articles
(tests/quote_parses_reach.py), through the whole stage."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.stage import quote_rows
from tests.frozen_parse import frozen_indirect, frozen_quote_rows
from tests.quote_parses_reach import PARSES


def _rows(case: str, cue: str) -> list:
    """The indirect quotes of ``cue`` in the case's sentence."""
    return frozen_indirect(PARSES[case], cue)


def _indirect(case: str, cue: str) -> list[str]:
    return [r.text for r in _rows(case, cue)]


@pytest.mark.parametrize("case, cue, content", [
    # `have` goes with `polls`, not with `Sen. Rand Paul`: the parser hung it on the cue
    ("told_have_been", "told", 'polls could be "way off," and have been unreliable in past races'),
    # `for ..., the closure of ... and for relief ...`: the preposition comes back inside the
    # "apposition", an item of a list, which the nonrestrictive trim must not cut
    ("called_for_list_of_phrases", "said",
     "President Barack Obama has long called for tax fairness, the closure of loopholes that benefit only the "
     "wealthy and for relief for middle class families"),
    # `Israel, the Iranian nuclear deal and the possibility ...`, `a "loser," a "liar" and a "whiner."`:
    # items of a list, each with a determiner of its own, that the parser made an apposition
    ("differ_on_list", "said",
     "he and Trump differ on Israel, the Iranian nuclear deal and the possibility of compromising over a choice "
     "for the Supreme Court"),
    ("tweeted_list", "tweeted", "Trump is a “loser,” a “liar” and a “whiner.”"),
    # a list the parser chained (officials -> QC -> Irvine), its `and` on a later item (BBC politics)
    ("said_list_chained", "said",
     "the answer had been prepared with the involvement of Harriet Harman, two officials, a QC and Lord Irvine"),
    # ... but `a banker and former ... official who ...`, sharing one determiner, describes the last
    # name for the reader and is cut as before
    ("dismissed_appos_and", "dismissed", "criticism from Giles, Millis and Harold Doley"),
    ("say_appos_and", "say", "in addition to Scott, he would have to consider Rep. Don Beyer (D-Va.)"),
    # `this weekend` is when the president told them, not part of what he told
    ("told_this_weekend", "told",
     'he would consider it a "personal insult" if they did not vote for Mrs. Clinton, implicitly putting his name '
     "on the line as his former secretary of state struggles to replicate the coalition that delivered him "
     "victories in 2008 and 2012"),
    # ... not a verb with a subject of its own, nor one that agrees with a name of one country that looks
    # plural (`The United States told Iran that the deal was off and has imposed ...`)
    ("paul_they_have", "told", "polls could be off"),
    ("united_states_has", "told", "the deal was off"),
    # a time right after the cue, with no object before it, may be part of what was said
    ("said_next_year", "said", "next year taxes would rise"),
    # the that-clause the parser hung on `series`, through `one of a series of Twitter messages`, an
    # occasion (was no quote)
    ("said_in_one_of_messages", "said", "the truck was carrying arms and explosives when it struck the crowd"),
])
def test_quotes_content_reach_parts_hung_elsewhere(case, cue, content):
    assert _indirect(case, cue) == [content]


def test_quotes_content_reach_a_pronoun_repeating_the_attribution_reports_nothing_more():
    # `DuVernay said she felt ...," she said`: one reported quote, DuVernay's, not a second
    # one of the whole sentence with the attribution in it
    got = _rows("said_she_said", "said")
    assert [(r.speaker_text, r.text) for r in got] == [
        ("DuVernay", "she felt the 13th Amendment was worth examining because “most people don’t know about "
                     "that loop-hole,”")]


@pytest.mark.parametrize("case, cue, speaker, starts", [
    # a name reports the attribution: the Times reported what Clinton told investigators
    ("told_times_reported", "reported", "the New York Times", "Democratic presidential nominee Hillary Clinton told"),
    # the inner attribution's content stops before `, but they wouldn’t advocate ...`, which the
    # cue after it reports
    ("said_but_they_said", "said", "they", "Other Republican candidates said"),
    # a belief is no attribution of speech: what the BPI said is that it believes
    ("believes_it_said", "said", "it", "The BPI strongly believes"),
    # a thing that "suggests" is no speaker: the letter said it
    ("suggested_it_said", "said", "it", "This suggested he was likely"),
    # `it`, an outlet, reports what it was told; `he`, the person told, reports what he was told
    ("it_reported", "reported", "it", "Smith told the Post"),
    ("told_him_he_said", "said", "he", "Trump told him"),
])
def test_quotes_content_reach_an_attribution_before_the_cue_stays_its_content(case, cue, speaker, starts):
    got = [r for r in _rows(case, cue) if r.speaker_text == speaker]
    assert len(got) == 1 and got[0].text.startswith(starts)


def test_quotes_content_reach_a_two_word_cue_in_an_as_clause_is_no_aside():
    # `was powerfully emotional as she called for the ratification ...`: not `As The Post
    # reported, ...`; what she called for is the content, the sentence around it no one's words
    rows = frozen_quote_rows(PARSES["emotional_as_called_for"])
    assert [(r.cue, r.text) for r in rows] == [("called for", "the ratification of the Equal Rights Amendment")]


def test_quotes_content_reach_an_as_clause_with_a_particle_is_an_aside():
    # `As Trump pointed out, ...`: `out` is a particle, no preposition with a content of its own: the
    # clause around the aside is what he pointed out
    got = _rows("as_pointed_out", "pointed out")
    assert [(r.speaker_text, r.text) for r in got] == [("Trump", "the polls were wrong")]


@pytest.mark.parametrize("case, cue, content", [
    # the parser hung `, he said,` on the adverbial clause before it: the content is the
    # whole sentence around the attribution, not the adverbial alone
    ("advcl_before_attribution", "said",
     "Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious and "
     "could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders"),
    # words without a verb, then the attribution that ends the sentence
    ("fragment_before_attribution", "said", "People like Scott"),
])
def test_quotes_content_reach_around_an_attribution_the_parser_hung_elsewhere(case, cue, content):
    assert _indirect(case, cue) == [content]


@pytest.mark.parametrize("text", [
    "He spoke to reporters on Monday. In London, he said.",            # where it was said
    "He spoke to reporters on Monday. In the capital city, he said.",
    "He spoke to reporters on Monday. Earlier this year, he said.",    # when
    "He spoke to reporters on Monday. Not yet, he said.",              # fewer than three words
    "He spoke to reporters on Monday. And not yet, he said.",          # ... past the `And`
])
def test_quotes_content_reach_no_fragment_before_an_attribution(nlp, text):
    rows, _ = quote_rows(nlp(text), [])
    assert [r.text for r in rows if r.kind == "indirect"] == []


@pytest.mark.parametrize("case, cue, speaker, content", [
    # the quoted name after the object, hung on the object as a modifier: the quote was lost
    # as a scare quote and the claim had no speaker (BBC politics)
    ("branded_adjective_after_object", "branded", "Former Labour MP Lord Janner", "Prince Harry's actions \"stupid and evil\""),
    ("called_adjective_after_object", "called", "Health analyst Tony Beddow",
     'the new targets "reasonably impressive"'),
])
def test_quotes_content_reach_a_quoted_name_hung_on_the_object(case, cue, speaker, content):
    assert [(r.speaker_text, r.text) for r in _rows(case, cue)] == [(speaker, content)]
