"""resources/gendered_nouns.txt: person nouns that say a gender (the speakers' "he"/"she")."""
from __future__ import annotations

from pipeline.resources import gendered_nouns


def test_resources_gendered_nouns_each_noun_says_one_gender():
    male, female = gendered_nouns("male"), gendered_nouns("female")
    assert {"son", "father", "spokesman"} <= male and {"mother", "lady", "spokeswoman"} <= female
    assert not male & female
