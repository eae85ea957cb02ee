"""resources/source_nouns.txt: the common nouns that head a source's mention, by the speaker
kind they give (one per noun), and the nouns a body's name follows (kind ``name``)."""
from __future__ import annotations

import pytest

from pipeline.resources import SOURCE_NOUN_KINDS, SPEAKER_NOUN_KINDS, source_noun_kinds, source_nouns_of_kind


@pytest.mark.parametrize("kind, present, absent", [
    ("document", {"report", "statement", "poll"}, {"committee", "officials"}),
    ("organisation", {"committee", "government", "company", "campaign"}, {"report", "officials"}),
    ("group", {"officials", "analysts", "officers", "spokesman"}, {"committee", "report"}),
    # a body's own name follows these (`marketing company Doubleclick`); not nouns whose
    # name-like neighbour is often a person's (`the campaign Manafort was running`)
    ("name", {"company", "firm", "group", "bank", "magazine"}, {"campaign", "government", "party", "report"}),
    # "the company said" is the company the story is about; "the bank", "the airline" are not resolved so
    ("subject", {"company", "firm"}, {"bank", "airline", "group", "government"}),
    # "a spokesman" opening a sentence speaks for the body the sentence before is about; not any group
    ("speaks_for", {"spokesman", "spokeswoman", "spokesperson"}, {"officials", "analysts", "official"}),
    # who gave these speaks (`Mr. Trump's comments`); a document speaks for its authors as written
    ("speech", {"speech", "remarks", "comments", "interview"}, {"report", "statement", "officials"}),
])
def test_resources_source_nouns_by_kind(kind, present, absent):
    nouns = source_nouns_of_kind(kind)
    assert present <= nouns
    assert not absent & nouns


def test_resources_source_nouns_every_kind_is_used():
    assert all(source_nouns_of_kind(k) for k in SOURCE_NOUN_KINDS)


def test_resources_source_nouns_speaker_kind_of_each_noun():
    kinds = source_noun_kinds()
    assert kinds["report"] == "document" and kinds["company"] == "organisation" and kinds["officials"] == "group"
    assert set(kinds.values()) == set(SPEAKER_NOUN_KINDS)
    assert source_nouns_of_kind("name") <= source_nouns_of_kind("organisation")
    assert source_nouns_of_kind("subject") <= source_nouns_of_kind("organisation")
    assert source_nouns_of_kind("speaks_for") <= source_nouns_of_kind("group")


def test_resources_source_nouns_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: document, group, name, organisation, speaks_for, speech, subject"):
        source_nouns_of_kind("people")


def test_resources_source_nouns_two_speaker_kinds_are_refused(resource_text):
    resource_text("panel | organisation\npanel | group\n")
    with pytest.raises(ValueError, match="'panel' is both organisation and group"):
        source_noun_kinds()


@pytest.mark.parametrize("text", ["report\n", "report | paper\n", "| document\n"])
def test_resources_source_nouns_malformed_entry_is_refused(resource_text, text):
    resource_text(text)
    with pytest.raises(ValueError, match="source_nouns.txt: expected 'entry | kind"):
        source_nouns_of_kind("document")
