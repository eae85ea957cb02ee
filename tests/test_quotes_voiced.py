"""Quotes that are voiced aloud, and speakers a misparse hides (issue 14), on frozen
parses (tests/quote_parses_voiced.py), from PolNeAR train:

* a quote right after a verb that voices words (``aloud`` in reporting_verbs.txt:
  chant, shout, yell, scream, cry; ``cues.voices_words``) is what was voiced even in
  Title Case, which otherwise marks the name of a work; a Title Case quote after any
  other verb stays a name (``framing.title_like``);
* a number of people (`Hundreds of pro-Sanders demonstrators`) can speak when the
  people can (``cues.can_speak``);
* `a man yelled “...”` parsed as a reduced relative (`yelled` an ``acl`` of `man`):
  the noun is the verb's subject (``subjects.subject_of``), and the quote it opens is
  what it introduces, not the clause before (``setoff.introduces_quote``); so is a
  sentence-opening noun whose verb the parser hung on it (`A report by the ...
  committee called for ...`, BBC), but not a noun in an object (`a package of security
  measures agreed with the US`) nor one with a verb of its own (`A blog, called the
  "Feed," ... pumps out articles`);
* a participle the parser hung on a main verb whose subject cannot speak speaks with
  the subject of the clause that ends at the comma before it;
* an `it` that stands for the infinitive after a copula and its predicate (`it was
  wholly wrong to suggest ...`) names no speaker (``subjects._extraposing``); one
  before an infinitive with no predicate (`it was to report`) still refers to a body;
* a sentence of two or three words in quotation marks right after another quote is
  the speaker's next words, not a scare quote (``records.continues_previous``);
* a short quote right after its cue and a comma stays a direct quote inside the
  indirect quote around it (``attribution._without_fragments``);
* a short quote coordinated with another (`chanted back at him, "Send them home," and
  "Build the wall."`) is what that quote's cue reports (``attribution._governing_cue``).
"""
from __future__ import annotations

import pytest

from tests.frozen_parse import frozen_quote_rows, frozen_quote_table
from tests.quote_parses_voiced import PARSES

D, I = "direct", "indirect"

# case -> every quote the stage must produce, as (kind, text, speaker mention as written, cue)
EXPECTED = {
    # was the direct quote's speaker "Rubio" (cue `said`), and with the subject found, the clause
    # before it an indirect quote of the man's
    "yelled_taken_for_relative": [(I, "it was great to be home", "Rubio", "said"),
                                  (D, "Stay there!", "a man", "yelled")],
    # was one indirect quote, "she wins, we lose", by "The first incident"
    "participle_after_when_clause": [(D, "she wins, we lose!", "Sanders protesters", "shouting")],
    # was no quote: Title Case, and `Hundreds` (a number) could not speak
    "chant_in_title_case": [(D, "Bernie or Jill, No Hill,", "Hundreds of pro-Sanders demonstrators", "chanting")],
    # must yield nothing: a show's name after a verb that voices nothing
    "show_in_title_case": [],
    # was a second quote, "that the plan was to return children ...", by the `it` (in its article:
    # the body named before, "UK government")
    "extraposed_it_after_said": [(I, 'it was wholly wrong to suggest that the plan was to return children "and '
                                     'leave them to rot"', "A spokesman for the Home Office", "said")],
    # was a quote of what follows `note`, by "It"
    "extraposed_it_opening": [],
    "it_referring_before_infinitive": [(I, "it was to report its earnings on Tuesday", "The company", "said"),
                                       (I, "its earnings", "it", "report")],
    # was the first quote alone: the second dropped as a scare quote
    "short_sentence_after_quote": [(D, "They sue,", "he", "said"), (D, "Everybody sues, right?", "he", None)],
    # one word after a quote stays out (a film's name)
    "one_word_after_quote": [(D, "We have to act,", "Schumer", "said")],
    # was the indirect quote alone: "Probably." was taken for a fragment of it
    "introduced_inside_around": [(I, 'Asked whether he would fire a speechwriter under these circumstances, Priebus '
                                     'said, "Probably."', "Priebus", "said"),
                                 (D, "Probably.", "Priebus", "said")],
    # was the first quote alone: the second's climb stopped at the first quote's verb
    "quotes_coordinated_after_cue": [(D, "Send them home,", "The crowd", "chanted"),
                                     (D, "Build the wall.", "The crowd", "chanted")],
    # was no quote: `called` hung on `report`, the sentence's root
    "report_taken_for_relative": [(I, "the agency to be wound up unless it improved its service within weeks",
                                   "A report by the Commons work and pensions committee", "called for")],
    # must stay one quote, the Liberal Democrats': `agreed` reports nothing of the package's
    "measures_agreed_with": [(I, "they suspect the move is part of a package of security measures agreed with the US "
                                 "in order for the men to be allowed home from Guantanamo Bay", "The Liberal Democrats",
                              "say")],
    # must yield nothing: the blog is the subject of `pumps`
    "blog_called": [],
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_quotes_voiced_table(case):
    assert frozen_quote_table(PARSES[case]) == sorted(EXPECTED[case], key=str)


def test_quotes_voiced_counted_people_are_the_speaker():
    # was no speaker (`Hundreds` a number, no source) for the mention "Hundreds of pro-Sanders demonstrators"
    assert [(r.speaker, r.speaker_kind) for r in frozen_quote_rows(PARSES["chant_in_title_case"])] == [
        ("Hundreds of pro-Sanders demonstrators", "unnamed")]
