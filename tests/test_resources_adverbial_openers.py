"""resources/adverbial_openers.txt: the words that open an adverbial clause, by where
the quotes stage reads them (one list, with kinds)."""
from __future__ import annotations

import pytest

from pipeline.resources import ADVERBIAL_OPENER_KINDS, adverbial_openers


@pytest.mark.parametrize("kind, present, absent", [
    # before `, X said`: `As the crowd cheered ..., Costa reported`, `Despite ..., X said`
    ("fronted", {"as", "when", "before", "despite", "following"}, {"because", "whether", "that"}),
    # first word of a cue's span: `said before he died`, `said because ...` is no content
    ("after", {"as", "when", "before", "because", "although", "whenever"}, {"despite", "whether", "if", "how"}),
    # a content ends before `, while ...` (the writer's contrast) and keeps `, because ...` (the speaker's reason)
    ("contrast", {"while", "though", "although", "whereas"}, {"because", "when", "since"}),
    ("reason", {"because"}, {"when", "since", "as", "while", "although"}),
])
def test_resources_adverbial_openers_by_kind(kind, present, absent):
    words = adverbial_openers(kind)
    assert present <= words
    assert not absent & words


def test_resources_adverbial_openers_every_kind_is_used():
    assert all(adverbial_openers(k) for k in ADVERBIAL_OPENER_KINDS)


def test_resources_adverbial_openers_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: after, contrast, fronted, reason"):
        adverbial_openers("leading")


@pytest.mark.parametrize("text", ["when\n", "when | fronted later\n", "| after\n"])
def test_resources_adverbial_openers_malformed_entry_is_refused(resource_text, text):
    resource_text(text)
    with pytest.raises(ValueError, match="adverbial_openers.txt: expected 'entry | kind"):
        adverbial_openers("fronted")
