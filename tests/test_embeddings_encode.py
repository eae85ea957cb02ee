"""pipeline.embeddings.encode: shape, L2 norm, determinism, batch independence,
empty and unknown texts, meaning (related sentences closer than unrelated ones),
and one-line errors for a missing or broken table."""
from __future__ import annotations

import numpy as np
import pytest

from pipeline import embeddings
from pipeline.embeddings import EmbeddingTableError, StaticEmbedder, encode, load

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


def test_embeddings_encode_empty_list_and_string_argument():
    assert encode([]).shape == (0, load().dim)
    with pytest.raises(TypeError, match="list of texts"):
        encode("one string")


def test_embeddings_table_is_loaded_once_per_process():
    assert load() is load()
    assert load().meta["dims"] == load().dim


def test_embeddings_missing_table_is_one_line_error(tmp_path):
    with pytest.raises(EmbeddingTableError, match="is missing; reinstall claimex or rebuild it with `pipeline build-embeddings`"):
        StaticEmbedder(tmp_path / "nowhere.npz")


def test_embeddings_broken_table_is_one_line_error(tmp_path):
    bad = tmp_path / "table.npz"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(EmbeddingTableError, match="is unreadable") as exc:
        StaticEmbedder(bad)
    assert "\n" not in str(exc.value)


def test_embeddings_inconsistent_table_is_refused(tmp_path):
    with np.load(embeddings.table_path(), allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    arrays["rows"] = arrays["rows"][:-1]
    np.savez(tmp_path / "t.npz", **arrays)
    with pytest.raises(EmbeddingTableError, match="inconsistent"):
        StaticEmbedder(tmp_path / "t.npz")
