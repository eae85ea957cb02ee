"""Who does a reporting verb the parser hung on another word or left without a subject
(quotes/subjects.py ``subject_of``), on frozen parses of PolNeAR and BBC sentences
(tests/quote_parses_precision.py, tests/quote_parses_opening.py): the possessor of what
someone's response was, and not when the sentence gives advice; no figure as a poll's
share; the subject of the first of two verbs the parser did not coordinate, and not a
word of a quote or a speaker after the verb; the name a dateline or a date the parser
made the subject carries; no mark (an emoji, a combining mark) as the subject."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.subjects import subject_of
from tests.frozen_parse import frozen_doc, retagged
from tests.quote_parses_marks import PARSES as _MARKS
from tests.quote_parses_opening import PARSES as _OPENING
from tests.quote_parses_precision import PARSES as _PRECISION

PARSES = {**_PRECISION, **_OPENING, **_MARKS}
# `He cast doubt on the official unemployment rate of 4.9 percent, suggested ...` with `cast` in another
# tense than `suggested` (by hand): no first verb lends its subject, and the figure set off before the
# verb is still no poll's share
PARSES["rate_figure_no_clause_before"] = retagged(_PRECISION["rate_figure_not_share"], tags={"cast": "VBN"})


def _subject(case: str, cue: str):
    """``subject_of`` the first word ``cue`` of the case's sentence."""
    doc = frozen_doc(PARSES[case])
    return subject_of(next(t for t in doc if t.text == cue))


@pytest.mark.parametrize("case, cue, speaker", [
    # PolNeAR dev: `his best response was to say he would prevent more from leaving` is his
    ("possessor_response_was_to_say", "say", "his"),
    # PolNeAR train: `Trump's best argument ... is to argue that something needs to change` is advice,
    # not Trump's words: the argument stays the subject
    ("present_argument_is_to", "argue", "argument"),
    # PolNeAR train: a figure set off before the verb is no poll's share (`He cast doubt on the official
    # unemployment rate of 4.9 percent, suggested ...`): not "percent" but the subject of `cast`, the first
    # of the two verbs (below)
    ("rate_figure_not_share", "suggested", "He"),
    # PolNeAR train: the parser made the first of coordinated verbs a clause of the second, which is left
    # without a subject (`Trump further summed up Clinton as “terrible,” denounced her record ... and said
    # she should not ...`): the first lends its own
    ("coordinated_verb_lends_subject", "said", "Trump"),
    # ... also across a quoted object that is no speaker (`Clinton supports "appropriate pay raises,"
    # opposes "..."`)
    ("things_before_second_verb", "opposes", "Clinton"),
    # ... but not when an object that can speak stands right before the second verb: it is that verb's
    # subject (BBC: `But Mr Howard denied Mr Yeo, his transport and environment spokesman, said the plans
    # "stink"`: Mr Yeo, whose apposition ends before `said`, not Howard)
    ("object_before_second_verb_speaks", "said", "Yeo"),
    # PolNeAR train: `He pledged to be "..." and cast doubt on ..., suggested that ...` (PolNeAR's gold Source)
    ("subject_pledged", "suggested", "He"),
    ("rate_figure_no_clause_before", "suggested", None),
    # PolNeAR train: a dateline the parser made the subject gives the name it hung on it nearest the verb,
    # not the date or the agency (`CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told
    # ...`), nor a word of the place's own name (`LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed ...`)
    ("dateline_date_agency_dash_name", "told", "Mukasey"),
    ("dateline_place_dash_name", "blamed", "Pence"),
    # by hand: ... not a date hung on the heading after the name (`WASHINGTON — Sen. Ted Cruz Tuesday said`)
    ("heading_trailing_date", "said", "Cruz"),
    # PolNeAR train: a date or time made the subject gives the person named inside it (`Broaddrick Sunday
    # night recounted ...`, `Saturday at the ... convention Sen. Elizabeth Warren (D-MA) said ...`)
    ("name_in_time_subject", "recounted", "Broaddrick"),
    ("name_inside_date_subject", "said", "Warren"),
    # ... not a name in a clause describing it (BBC: `The 27-year-old, who captained St Helens to ...`,
    # an age the tagger took for a date, stays the subject: not "Helens")
    ("age_not_time", "said", "old"),
    # by hand: a possessor inside the date names whose the speaker is (`Tuesday, Clinton's campaign said`)
    ("tuesday_clintons_campaign", "said", "campaign"),
    # by hand: `Prices rose sharply, said the minister.` with the minister taken for the object: no first
    # verb's subject (not "Prices") before a speaker after the verb
    ("inverted_speaker_as_object", "said", None),
    # by hand: a mark the parser made the subject is no speaker (an emoji after the name came out as the
    # speaker `😀`, a piece of a joined emoji sequence as `‍👧`, a stray combining mark as `́`): the word before it
    ("emoji_after_name", "warned", "Doe"),
    ("emoji_sequence_after_name", "warned", "Doe"),
    ("combining_mark_after_name", "warned", "UN"),
    # ... nor punctuation: Markdown's bold around a name came out as the speaker `*` (or `_`)
    ("markdown_bold_name", "said", "Grant"),
    ("markdown_underscore_name", "said", "Baker"),
    # ... and the hyphen of `co-chairman` stands for the word it heads (BBC: the speaker was `-`, then `co`)
    ("hyphen_of_co_chairman", "said", "chairman"),
    # ... but a percent sign heads its share (`Some 60-70% said ...`)
    ("percent_sign_subject", "said", "%"),
])
def test_quotes_subjects_subject_the_parse_hid(case, cue, speaker):
    got = _subject(case, cue)
    assert (got.text if got is not None else None) == speaker


@pytest.mark.parametrize("case, cue, not_speaker", [
    # a quote in another tense before the verb lends it no subject (PolNeAR train: `“Yes, I support Ted
    # Cruz,” Brent Bozell III, founder of ..., tells Breitbart News`)
    ("quote_in_other_tense", "tells", "I"),
    # nor a clause that does not open the sentence, after an opening quotation mark (PolNeAR train:
    # `"One guy came in and said maybe ...," said the woman`)
    ("quote_opens_sentence", "said", "guy"),
    # nor one followed by more than punctuation (PolNeAR: `The bickering began even before he cleared Mexican
    # airspace, as Peña Nieto, contradicting Trump, said he had told Trump ...`)
    ("clause_then_participle_before_cue", "said", "bickering"),
])
def test_quotes_subjects_first_verb_lends_only_its_own_clause(case, cue, not_speaker):
    got = _subject(case, cue)
    assert got is None or got.text != not_speaker
