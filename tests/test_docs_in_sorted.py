"""nlp.docs.in_sorted: the token-array membership test the stages and the entity
rules share must give what ``np.isin`` gives, for every value."""
from __future__ import annotations

import numpy as np
import pytest

from pipeline.nlp.docs import in_sorted


@pytest.mark.parametrize("values, ids", [
    ([5, 1, 9, 5, 0], [1, 5]),                    # repeats, values below and above the set
    ([2**63 + 7, 3, 2**64 - 1], [3, 2**64 - 1]),  # 64-bit hashes, the largest one included
    ([4, 4, 4], []),                              # an empty set matches nothing
    ([], [1, 2]),                                 # an empty document
    ([10, 20, 30], [10, 20, 30]),                 # every value in the set
    ([11, 21, 31], [10, 20, 30]),                 # none: each value falls between ids
], ids=["repeats", "hashes", "empty-set", "no-values", "all", "none-between"])
def test_docs_in_sorted_matches_isin(values, ids):
    values = np.asarray(values, dtype=np.uint64)
    ids = np.asarray(sorted(ids), dtype=np.uint64)
    assert in_sorted(values, ids).tolist() == np.isin(values, ids).tolist()
