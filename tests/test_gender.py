"""stages.gender: what a description says of a person's sex (the speakers' "he"/"she")."""
from __future__ import annotations

import pytest

from pipeline.stages.gender import description_gender


@pytest.mark.parametrize(("description", "gender"), [
    ("her pop star son", "m"),                 # BBC entertainment/108
    ("Big Brother spokeswoman", "f"),          # the head, not a word before it
    ("Big Brother contestant", None),          # ... which says nothing here
    ("spokesman for the woman's group", "m"),  # nor a word after it
    ("former first lady", "f"),                # PolNeAR train
    ("analyst", None),
])
def test_gender_description_gender(description, gender):
    assert description_gender(description) == gender
