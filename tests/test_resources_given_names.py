"""resources/given_names.txt: first names that tell a person's gender (the speakers'
pronoun rule), written by scripts/build_given_names.py."""
from __future__ import annotations

import pytest

from pipeline.resources import GENDER_KINDS, given_names


@pytest.mark.parametrize(("kind", "present", "absent"), [
    ("male", {"ted", "tony", "gordon", "kenneth"}, {"carly", "jamie", "andrea", "fiorina"}),
    ("female", {"carly", "karen", "hillary", "margaret"}, {"ted", "leslie", "nicola", "jan"}),
])
def test_resources_given_names_by_kind(kind, present, absent):
    names = given_names(kind)
    assert present <= names and not absent & names


def test_resources_given_names_kinds_do_not_overlap():
    assert GENDER_KINDS == {"male", "female"}
    assert not given_names("male") & given_names("female")


def test_resources_given_names_unknown_kind_names_the_valid_ones():
    with pytest.raises(ValueError, match="female, male"):
        given_names("other")
