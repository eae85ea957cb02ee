"""pipeline.nlp.attribute_rules on the seeds: the compiled rules and spaCy's
attribute_ruler give every token of every seed article the same POS, TAG,
MORPH, LEMMA, DEP, HEAD and NORM. (All BBC and PolNeAR texts:
``scripts/check_attribute_rules.py``.)"""
from __future__ import annotations

import pytest

from pipeline.nlp.attribute_rules import COMPONENT, ORIGINAL
from pipeline.inputs.decode import decode_bytes

from ._attribute_rules_util import assert_same, run_both
from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def parsed_seeds(nlp):
    """The seeds parsed up to the rules (what both rulers see)."""
    names = nlp.pipe_names
    disable = names[names.index(COMPONENT):]
    texts = [decode_bytes(p.read_bytes()).text for p in SEED_FILES]
    return dict(zip((p.name for p in SEED_FILES), nlp.pipe(texts, disable=disable)))


def test_attribute_rules_seeds_present():
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("name", [p.name for p in SEED_FILES])
def test_attribute_rules_seed_equals_stock(nlp, parsed_seeds, name):
    doc = parsed_seeds[name]
    a, b = run_both(nlp.get_pipe(ORIGINAL), nlp.get_pipe(COMPONENT), doc)
    assert_same(a, b)
    assert all(t.pos_ for t in b)  # every token got a POS from the rules
