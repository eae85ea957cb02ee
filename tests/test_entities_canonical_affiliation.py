"""A person's canonical name and speaker label without the party, camp and role words the
text writes before the name (docs/guidelines.md §3: job titles are not part of a name; §4.5:
people get the fullest name the article gives them, titles removed; a judge known only by
title keeps it; apostrophes do not split a name). Cases from BBC politics, where each such
word made one person two actors and the speaker of their quotes a name the document's
entities did not have ("Lib Dem Norman Baker", 9 quotes)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.stages.entities.canonical import canonical_names
from pipeline.stages.entities.forms import surface, without_affiliation
from pipeline.stages.names import judge_name, strip_titles
from pipeline.stages.quotes.sources import speaker_name
from tests.frozen_parse import frozen_quote_rows
from tests.quote_parses_names import PARSES


@pytest.mark.parametrize(("text", "name"), [
    # a role (titles.txt kind word) before a full name
    ("MSP Karen Whitefield", "Karen Whitefield"),
    ("MEP Caroline Lucas", "Caroline Lucas"),
    ("Lawyer Louise Christian", "Louise Christian"),
    ("Backbencher Stephen Pound", "Stephen Pound"),
    ("Farmer Geoff Brooks", "Geoff Brooks"),
    ("Constable David Warcup", "David Warcup"),
    ("Founder Beverly Bond", "Beverly Bond"),
    # a party's name (entity_aliases.txt, one word or two) and a role after it
    ("Lib Dem MP Lembit Opik", "Lembit Opik"),
    ("Plaid AM Helen Mary Jones", "Helen Mary Jones"),   # letters before the name too
    ("Labour MP Ann de Courcy", "Ann de Courcy"),        # a particle inside the name
    ("MP Ann de", "MP Ann de"),                          # ... not at its end
    ("Lib Dem Norman Baker", "Norman Baker"),
    ("Tory Dominic Grieve", "Dominic Grieve"),
    ("Tories Ken Clarke", "Ken Clarke"),
    # a camp (titles.txt kind camp): before a lone surname too
    ("Euro-Sceptic Kilroy-Silk", "Kilroy-Silk"),
    # must stay: a role or a party before one word (a first name a split mention left,
    # "Tory Dominic" | "Grieve"; "Judge Richard" | "Mawrey" is not Cliff Richard)
    ("High Court Judge Richard", "High Court Judge Richard"),
    ("Tory Dominic", "Tory Dominic"),
    ("Justice Rix", "Justice Rix"),
    ("Tory Treasurer", "Tory Treasurer"),
    # must stay: the names of bodies the NER took for persons keep every word
    ("Lib Dem Home Affairs", "Lib Dem Home Affairs"),
    ("Lib Dem Treasury", "Lib Dem Treasury"),
    ("Labour Party Conference", "Labour Party Conference"),
    ("Justice Department", "Justice Department"),
    # must stay: a name with no such word, a first name that looks like none
    ("Tory Burch", "Tory Burch"),
    ("Robert Kilroy-Silk", "Robert Kilroy-Silk"),
    ("Lord Falconer", "Lord Falconer"),
])
def test_entities_canonical_affiliation_surface(text, name):
    assert surface(text, "PERSON") == name


def test_entities_canonical_affiliation_only_for_persons():
    # an organisation's name is never a person's with words cut off
    assert surface("Lib Dem MP Lembit Opik", "ORG") == "Lib Dem MP Lembit Opik"
    assert without_affiliation("Labour MPs") == "Labour MPs"
    assert without_affiliation("Tory leader") == "Tory leader"


def test_entities_canonical_affiliation_one_person_one_name():
    # BBC politics 146, 169, 293: the titled full name and the surname are one person, whose
    # full name elsewhere in the document ("Robert Kilroy-Silk") the lone surname takes
    rows = pd.DataFrame([
        ("146", "Lib Dem Norman Baker", "PERSON", None), ("146", "Baker", "PERSON", "Mr"),
        ("169", "Lib Dem MP Lembit Opik", "PERSON", None), ("169", "Opik", "PERSON", "Mr"),
        ("293", "Robert Kilroy-Silk", "PERSON", None), ("293", "Kilroy-Silk", "PERSON", "Mr"),
        ("293", "Euro-Sceptic Kilroy-Silk", "PERSON", None),
        ("063", "MSP Karen Whitefield", "PERSON", None), ("063", "Whitefield", "PERSON", "Ms"),
        ("063", "Karen", "PERSON", None),
    ], columns=["doc_id", "text", "label", "courtesy_title"])
    assert list(canonical_names(rows)) == ["Norman Baker"] * 2 + ["Lembit Opik"] * 2 + ["Robert Kilroy-Silk"] * 3 \
        + ["Karen Whitefield"] * 3


@pytest.mark.parametrize(("text", "courtesy", "name"), [
    # BBC politics 229, 131: "Lord Justice Rix and Mr Justice Forbes ruled"
    ("Justice Rix", "Lord", "Lord Justice Rix"),
    ("Justice Forbes", "Mr", "Mr Justice Forbes"),
    ("Justice Harrison", "Mr", "Mr Justice Harrison"),
    # must stay: no courtesy title before it, a title after it, two judges ("Lord Justices
    # Clarke and Rix", BBC politics 131)
    ("Justice Scalia", None, "Justice Scalia"),
    ("Chief Justice", "Lord", "Chief Justice"),
    ("Justices Clarke", "Lord", "Justices Clarke"),
])
def test_entities_canonical_affiliation_judge_known_by_title(text, courtesy, name):
    rows = pd.DataFrame([("229", text, "PERSON", courtesy)], columns=["doc_id", "text", "label", "courtesy_title"])
    assert list(canonical_names(rows)) == [name]


@pytest.mark.parametrize(("mention", "name"), [
    ("Lord Justice Rix", "Lord Justice Rix"),
    ("Mr Justice Forbes", "Mr Justice Forbes"),
    ("the judge Mr Justice Forbes", "Mr Justice Forbes"),
    # a peer's title before a judge's office is the office's ("Lord Chief Justice")
    ("Lord Chief Justice Lord Woolf", "Lord Woolf"),
])
def test_entities_canonical_affiliation_judge_title_stays_in_a_speaker(mention, name):
    assert strip_titles(mention) == name
    assert judge_name("Justice Rix", None) is None


@pytest.mark.parametrize(("mention", "name"), [
    ("Lib Dem Norman Baker", "Norman Baker"),
    ("Tory Dominic Grieve", "Dominic Grieve"),
    ("Euro-Sceptic Kilroy-Silk", "Kilroy-Silk"),
    ("Assistant Chief Constable David Warcup", "David Warcup"),
    ("Suffolk Chief Constable Alastair McWhirter", "Alastair McWhirter"),
    ("Farmer Geoff Brooks", "Geoff Brooks"),
    ("Lord Justice Rix", "Lord Justice Rix"),
    # must stay: descriptions of unnamed sources keep their party
    ("the Tory leader", "Tory leader"),
    ("Labour MPs", "Labour MPs"),
    ("Lib Dem officials", "Lib Dem officials"),
    ("the Labour peer", "Labour peer"),
])
def test_entities_canonical_affiliation_speaker_name(mention, name):
    assert speaker_name(mention) == name


@pytest.mark.parametrize(("case", "speakers"), [
    # the speaker the NER missed is the whole name, not its last word ("Neill")
    ("apostrophe_name_after_an_adjective", [("Rory O' Neill", "person")]),
    # "Mr Grieve" is the full name the text gave before, without the party ("Tory Dominic Grieve")
    ("party_word_before_a_full_name", [("Blair", "person"), ("Dominic Grieve", "person")]),
    # the rank is no part of the name ("Constable David Warcup")
    ("police_rank_before_a_full_name", [("David Warcup", "person")]),
])
def test_entities_canonical_affiliation_speakers_of_frozen_parses(case, speakers):
    assert [(r.speaker, r.speaker_kind) for r in frozen_quote_rows(PARSES[case])] == speakers
