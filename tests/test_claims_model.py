"""The exported claim model: loading, exact equivalence of the numpy inference
with scikit-learn, determinism, sanity of both heads, and the data readers."""
from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from pipeline.claim_model import (CONFIG_FILE, WEIGHTS_FILE, ClaimModelError, char_wb_ngrams, load_model,
                                  load_model_from, word_ngrams)
from tests.conftest import SHARED_DATA, requires_shared

TEXTS = [
    "The Republic of Belarus has been a member of the OSCE since January 30, 1992.",
    "I think that's all wrong.",
    "We're consuming 50 percent of the world's cocaine.",
    "“Attempts to undermine it are a direct path to the disappearance of our organization.",
    "Péter Szijjártó  recognizes\tthe fragile nature of global stability — a 1.3 million Euro project",
    "a",
    "",
]


def test_claims_model_loads_packaged_model():
    model = load_model()
    assert model.heads == ("nonfactual", "checkworthy")
    assert model.n_features > 1000
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    scores = model.predict_proba(TEXTS)
    assert scores.proba.shape == (len(TEXTS), 2)
    assert np.all((scores.proba > 0) & (scores.proba < 1))


def test_claims_model_deterministic_and_batch_independent():
    model = load_model()
    a = model.predict_proba(TEXTS).proba
    b = model.predict_proba(TEXTS).proba
    assert np.array_equal(a, b)
    singles = np.vstack([model.predict_proba([t]).proba for t in TEXTS])
    np.testing.assert_allclose(a, singles, rtol=0, atol=1e-12)


@pytest.mark.parametrize("higher,lower,head", [
    ("The unemployment rate fell to 4 percent in 2019, the lowest since 1969.", "Thank you very much.", "checkworthy"),
    ("We're consuming 50 percent of the world's cocaine.", "I'm not going to talk about that tonight.", "checkworthy"),
    ("I think it is a terrible and shameful idea.", "The meeting took place in Minsk on 5 July 2017.", "nonfactual"),
])
def test_claims_model_heads_rank_sensibly(higher, lower, head):
    p = load_model().predict_proba([higher, lower])[head]
    assert p[0] > p[1]


def test_claims_model_missing_files(tmp_path):
    with pytest.raises(ClaimModelError, match="pipeline train-claims"):
        load_model_from(tmp_path)


def test_claims_model_rejects_unknown_format(tmp_path):
    src = resources.files("pipeline") / "models" / "claims"
    cfg = json.loads((src / CONFIG_FILE).read_text())
    cfg["format_version"] = 999
    (tmp_path / CONFIG_FILE).write_text(json.dumps(cfg))
    (tmp_path / WEIGHTS_FILE).write_bytes((src / WEIGHTS_FILE).read_bytes())
    with pytest.raises(ClaimModelError, match="format 999"):
        load_model_from(tmp_path)


def test_claims_model_analyzers_match_sklearn():
    text_mod = pytest.importorskip("sklearn.feature_extraction.text")
    word = text_mod.TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
    char = text_mod.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for t in TEXTS:
        assert word_ngrams(t, (1, 2)) == word(t)
        assert char_wb_ngrams(t, (2, 5)) == char(t)


def test_claims_model_export_roundtrip_matches_sklearn(tmp_path):
    """Train a tiny model with the real training code, export it, and compare the
    numpy inference with scikit-learn's own predict_proba."""
    pytest.importorskip("sklearn")
    from pipeline.claim_training import HEADS, TrainSettings, _Features, _logreg, export

    rng = np.random.default_rng(0)
    corpus = [f"{a} {b} {c}." for a, b, c in zip(
        rng.choice(["The budget", "I think it", "Belarus", "We must", "Unemployment"], 60),
        rng.choice(["rose 5 percent", "is terrible", "joined in 1992", "is wonderful", "fell"], 60),
        rng.choice(["in 2019", "really", "last year", "frankly", "today"], 60))]
    s = TrainSettings(word_min_df=1, char_min_df=1, cv_folds=2)
    feats = _Features(s, corpus)
    X = feats.transform(corpus)
    heads = {}
    for k, h in enumerate(HEADS):
        y = np.array([("think" in t or "terrible" in t or "wonderful" in t) if k == 0 else any(ch.isdigit() for ch in t)
                      for t in corpus], dtype=int)
        heads[h] = _logreg(1.0, s.seed).fit(X, y)
    export(tmp_path, s, feats, heads, {}, {})
    model = load_model_from(tmp_path)
    probe = TEXTS + corpus[:10]
    got = model.predict_proba(probe).proba
    Xp = feats.transform(probe)
    want = np.column_stack([heads[h].predict_proba(Xp)[:, 1] for h in HEADS])
    np.testing.assert_allclose(got, want, atol=1e-5)  # weights are exported as float32


@requires_shared
def test_claims_model_readers_parse_shared_data():
    from pipeline.claim_training import load_data

    data = load_data(SHARED_DATA / "claims")
    # 22,501 rows, including the one glued to its predecessor ("...\tNo29286\tYou can't ...")
    assert len(data.ct_train[0]) == 22501 and "You can't bring back jobs." in data.ct_train[0]
    assert len(data.ct_dev[0]) == 1032
    assert len(data.news[0]) == 830 and 0 < data.news[1].mean() < 1
