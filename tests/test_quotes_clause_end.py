"""Where a content clause after its cue ends (quotes/clause_end.py): before a
semicolon, after a `because` clause the parser hung on the cue, before a reporting
participle hung deeper in the clause. Frozen parses of
PolNeAR sentences (tests/quote_parses_clause_end.py), through the whole stage."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.stages.quotes.clause_end import before_semicolon, with_reason
from tests.frozen_parse import frozen_doc, frozen_indirect
from tests.quote_parses_clause_end import PARSES


def _doc(case: str) -> Doc:
    return frozen_doc(PARSES[case])


def _indirect(case: str, cue: str) -> list[str]:
    """The texts of the indirect quotes of ``cue`` in the case's sentence."""
    return [r.text for r in frozen_indirect(PARSES[case], cue)]


@pytest.mark.parametrize("case, cue, content", [
    ("ap_tally_because", "said",
     "it did not include those meetings in its tally because, presumably, meetings with government officials were "
     "part of the daily duties for any secretary of state and would have occurred even if someone else was in the job"),
    ("fitton_hid_because", "charged",
     "Mrs. Clinton ''hid'' the documents from the public because they appeared to contradict her official pledge in "
     "2009 to remove herself from Clinton Foundation business while leading the State Department"),
    ("kendall_futile_because", "wrote",
     'such a request was "futile," because if there were additional records in the case, the FBI, not Clinton, now '
     "possesses them"),
    # must not take the clause in: a concession or a contrast is the writer's
    ("netanyahu_although", "said", "he would go ahead with the Trump meeting"),
    ("jones_while", "argued", "it was both a terrorist attack and an anti-gay hate crime"),
])
def test_quotes_clause_end_takes_in_the_reason_hung_on_the_cue(case, cue, content):
    assert content in _indirect(case, cue)


@pytest.mark.parametrize("case, cue, content", [
    ("violet_semicolon", "said",
     "she saw bodies covered in blue sheets and families mourning loved ones - two sisters and a brother from Poland "
     "who had lost two siblings"),
    # the parser made the clause after the semicolon the cue's content (PolNeAR dev)
    ("republicans_semicolon", "said", "the timing of the immunity news was not intentional"),
])
def test_quotes_clause_end_stops_at_a_semicolon(case, cue, content):
    assert _indirect(case, cue)[:1] == [content]


@pytest.mark.parametrize("case, cue, content", [
    # a reporting participle the parser hung on a verb inside the content: a new attribution
    ("ivanka_saying", "said", "her father has been an advocate for women in his company and would do the same as president"),
    # must not cut: participles that report nothing (the speaker's consequence, a contrast)
    ("bush_deficit_spurring", "argues", "the US deficit reflects the fact the America is growing at faster rate than the "
                                        "rest of the world, spurring on more demand for imported goods"),
    ("clarke_model_while", "said",
     "He has come up with a model, he said, for how the industry can keep producing coal, while reducing its impact "
     "on the climate"),
])
def test_quotes_clause_end_cuts_a_reporting_participle_hung_deeper_in_the_clause(case, cue, content):
    assert _indirect(case, cue) == [content]


def test_quotes_clause_end_semicolon_in_brackets_ends_nothing():
    """Regression: BBC business news separates a sum's conversions with a semicolon in
    brackets; the content used to stop inside them (`... 40m rupees ($915,000`)."""
    found = _indirect("firm_rupees_brackets", "said")
    assert found and found[0].startswith("its profit was 40m rupees ($915,000; £486,000)")


def test_quotes_clause_end_leaves_a_content_without_either_alone():
    # nothing to cut or to take in: the ends stay where they are
    doc = _doc("jones_while")
    cue = next(t for t in doc if t.text == "argued")
    comma = next(t.i for t in doc if t.text == ",")
    assert before_semicolon(doc, cue.i + 1, len(doc) - 2) == len(doc) - 2
    assert with_reason(cue, cue.i + 1, comma - 1) == comma - 1
