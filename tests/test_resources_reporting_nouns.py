"""resources/reporting_nouns.txt: nouns of saying, with their kind."""
import pytest

from pipeline.resources import NOUN_KINDS, reporting_nouns


@pytest.mark.parametrize("kind, present, absent", [
    # its complement is what was said (`Trump's claim that ...`; PolNeAR train)
    ("content", {"claim", "promise", "remark", "statement", "call"}, {"letter", "message", "note", "claims"}),
    # a message whose `to X` is whom it was addressed to (`a letter to the minister`)
    ("addressee-to", {"letter", "e-mail", "email", "message", "memo", "note"}, {"claim", "letters", "speech"}),
])
def test_resources_reporting_nouns_by_kind(kind, present, absent):
    nouns = reporting_nouns(kind)
    assert present <= nouns
    assert not absent & nouns


def test_resources_reporting_nouns_addressee_nouns_are_exactly_these():
    assert reporting_nouns("addressee-to") == {"letter", "e-mail", "email", "message", "memo", "note"}


def test_resources_reporting_nouns_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: addressee-to, content"):
        reporting_nouns("speech")


def test_resources_reporting_nouns_every_kind_is_used():
    assert all(reporting_nouns(k) for k in NOUN_KINDS)


def test_resources_reporting_nouns_malformed_entry_is_refused(resource_text):
    resource_text("claim | contents\n")
    with pytest.raises(ValueError, match="reporting_nouns.txt: expected 'entry | kind"):
        reporting_nouns("content")
