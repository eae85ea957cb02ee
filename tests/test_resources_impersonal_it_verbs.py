"""resources/claims_impersonal_it_verbs.txt: verbs whose subject "it" stands for
nothing named before (claims.about), by when (one list, with kinds)."""
from __future__ import annotations

import pytest

from pipeline.resources import IMPERSONAL_IT_KINDS, impersonal_it_verbs


@pytest.mark.parametrize("kind, present, absent", [
    # `it appeared a man used a ladder`, `it emerged that ...`: whatever follows
    ("always", {"appear", "seem", "emerge", "transpire"}, {"remain", "take", "say"}),
    # `it remains to be seen`, not `It remains the only forum`; `It took a 20% stake` is a company
    ("clause", {"remain", "take", "happen", "matter"}, {"appear", "say", "buy"}),
])
def test_resources_impersonal_it_verbs_by_kind(kind, present, absent):
    words = impersonal_it_verbs(kind)
    assert present <= words
    assert not absent & words


def test_resources_impersonal_it_verbs_every_kind_is_used():
    assert all(impersonal_it_verbs(k) for k in IMPERSONAL_IT_KINDS)


def test_resources_impersonal_it_verbs_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: always, clause"):
        impersonal_it_verbs("sometimes")


@pytest.mark.parametrize("text", ["appear | sometimes\n", "appear\n", "| always\n"])
def test_resources_impersonal_it_verbs_malformed_entry_is_refused(resource_text, text):
    resource_text(text)
    with pytest.raises(ValueError, match="claims_impersonal_it_verbs.txt: expected 'entry | kind"):
        impersonal_it_verbs("always")
