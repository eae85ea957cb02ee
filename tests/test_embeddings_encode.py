"""pipeline.embeddings.encode: shape, L2 norm, determinism, batch independence,
empty and unknown texts, meaning (related sentences closer than unrelated ones)."""
from __future__ import annotations

import numpy as np
import pytest
from pipeline.embeddings import encode, load

TEXTS = [
    "The unemployment rate fell to 4% last year.",
    "Unemployment dropped to four percent in 2023.",
    "I love pizza with extra cheese.",
    "Péter Szijjártó recognizes the fragile nature of global stability — a 1.3 million Euro project",
    "",
    "😀",  # only an unknown token
]


def test_embeddings_encode_shape_and_unit_norm():
    X = encode(TEXTS)
    assert X.shape == (len(TEXTS), load().dim) and X.dtype == np.float32
    norms = np.linalg.norm(X, axis=1)
    np.testing.assert_allclose(norms[:4], 1.0, atol=1e-5)
    assert norms[4] == 0.0 and norms[5] == 0.0  # nothing known to average: a zero row, not NaN


def test_embeddings_encode_deterministic_and_batch_independent():
    a = encode(TEXTS)
    b = encode(list(reversed(TEXTS)))[::-1]
    singles = np.vstack([encode([t]) for t in TEXTS])
    assert np.array_equal(a, encode(TEXTS))
    np.testing.assert_allclose(a, b, atol=1e-6)
    np.testing.assert_allclose(a, singles, atol=1e-6)


def test_embeddings_encode_meaning():
    X = encode(TEXTS[:3])
    assert X[0] @ X[1] > X[0] @ X[2] + 0.2  # the same fact in other words is closer than an unrelated one


def test_embeddings_encode_empty_list():
    assert encode([]).shape == (0, load().dim)


def test_embeddings_table_is_loaded_once_per_process():
    assert load() is load()


@pytest.mark.parametrize("lengths", [[1], [2, 1, 7], [8, 9, 15, 16, 17], [127, 128, 129, 3], [200, 257, 1029, 8]])
def test_embeddings_segment_sums_are_numpy_reduceat_bit_for_bit(lengths):
    """The grouped sums give exactly the vectors ``np.add.reduceat`` gave (same scores, same
    tables), segment lengths below, at and above numpy's blocks of 8 and 128."""
    from pipeline.embeddings import segment_sums

    rng = np.random.default_rng(len(lengths))
    table = rng.standard_normal((500, 16)).astype(np.float32)
    lengths = np.array(lengths)
    flat = rng.integers(0, 500, lengths.sum())
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    assert np.array_equal(segment_sums(table, flat, lengths), np.add.reduceat(table[flat], starts, axis=0))
