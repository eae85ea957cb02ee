"""Speaker labels made from a mention (quotes/sources.py ``speaker_name``, ``describe``):
determiners, possessives and titles leave; a partitive keeps its quantifier."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.sources import describe, speaker_name


@pytest.mark.parametrize("mention, label", [
    ("the council's spokesperson", "council spokesperson"),
    ("Mr. Clarke", "Clarke"),
    ("the Belarusian diplomat", "Belarusian diplomat"),
    # regression (BBC politics/008, politics/398): the partitive lost its quantifier
    ("one of her male colleagues", "one of her male colleagues"),
    ("some of the officials", "some of the officials"),
    ("one official", "official"),
])
def test_quotes_sources_names_speaker_name(mention, label):
    assert speaker_name(mention) == label


def test_quotes_sources_names_describe_keeps_titles():
    assert describe("A spokesman for the Information Commissioner's Office") == \
        "spokesman for the Information Commissioner Office"
