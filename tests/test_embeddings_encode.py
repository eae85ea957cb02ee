"""pipeline.embeddings.encode: shape, L2 norm, determinism, batch independence,
empty and unknown texts, meaning (related sentences closer than unrelated ones)."""
from __future__ import annotations

import numpy as np
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
