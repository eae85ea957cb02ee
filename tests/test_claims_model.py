"""The exported claim model: loading, exact equivalence of the numpy inference
with scikit-learn, calibration, the embedding table it was trained on,
determinism, and sanity of both heads."""
from __future__ import annotations

import dataclasses
import json
from importlib import resources

import numpy as np
import pytest

from pipeline.stages.claims.model import (CONFIG_FILE, WEIGHTS_FILE, ClaimModelError, char_wb_ngrams, load_model,
                                          load_model_from, tag_ngrams, word_ngrams)

TEXTS = [
    "The Republic of Belarus has been a member of the OSCE since January 30, 1992.",
    "I think that's all wrong.",
    "We're consuming 50 percent of the world's cocaine.",
    "“Attempts to undermine it are a direct path to the disappearance of our organization.",
    "Péter Szijjártó  recognizes\tthe fragile nature of global stability — a 1.3 million Euro project",
    "a",
    "",
]


def _tags(nlp, texts):
    return [[t.tag_ for t in nlp(text)] for text in texts]


def test_claims_model_loads_packaged_model(nlp):
    model = load_model()
    assert model.heads == ("nonfactual", "checkworthy")
    assert model.n_features > 1000
    assert model.needs_tags
    assert model.encode is not None and model.coef.shape[0] == model.n_sparse + 256  # the 256-d embedding block
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    scores = model.predict_proba(TEXTS, _tags(nlp, TEXTS))
    assert scores.proba.shape == (len(TEXTS), 2)
    assert np.all((scores.proba > 0) & (scores.proba < 1))


def test_claims_model_deterministic_and_batch_independent(nlp):
    model = load_model()
    tags = _tags(nlp, TEXTS)
    a = model.predict_proba(TEXTS, tags).proba
    b = model.predict_proba(TEXTS, tags).proba
    assert np.array_equal(a, b)
    singles = np.vstack([model.predict_proba([t], [g]).proba for t, g in zip(TEXTS, tags)])
    # to the last bit (regression: the embedding block's BLAS product changed the last digit
    # with the batch, so 1 and 2 workers could write different scores)
    assert np.array_equal(a, singles)
    many = model.predict_proba(TEXTS * 20, tags * 20).proba
    assert np.array_equal(many[:len(TEXTS)], a)


def test_claims_model_requires_tags():
    model = load_model()
    with pytest.raises(ClaimModelError, match="reads POS tags"):
        model.predict_proba(TEXTS)
    with pytest.raises(ClaimModelError, match="1 tag sequences for 2 texts"):
        model.predict_proba(TEXTS[:2], [["DT"]])


def test_claims_model_scores_are_the_calibrated_logits(nlp):
    """predict_proba = sigmoid(a z + b) with the Platt map of model.json, per head."""
    model = load_model()
    tags = _tags(nlp, TEXTS)
    z = model.decision_function(TEXTS, tags)
    cal = model.config["calibration"]
    for k, h in enumerate(model.heads):
        want = 1 / (1 + np.exp(-(cal[h]["a"] * z[:, k] + cal[h]["b"])))
        np.testing.assert_allclose(model.predict_proba(TEXTS, tags)[h], want, rtol=1e-12)


def test_claims_model_reads_words_tags_and_the_embedding():
    """Both heads read every block: other tags for the same words move both scores, and
    the embedding block contributes to both logits."""
    model = load_model()
    text = ["The minister said the new law was very important."]
    a = model.decision_function(text, [["DT", "NN", "VBD", "DT", "JJ", "NN", "VBD", "RB", "JJ", "."]])
    b = model.decision_function(text, [["NNP"] * 10])
    assert np.all(a != b)
    E = model.encode(text).astype(np.float64)
    emb_part = model.emb_weight * (E @ model.coef[model.n_sparse:])
    assert np.all(np.abs(emb_part) > 1e-3)  # the embedding block carries weight in both heads


@pytest.mark.parametrize("tags,ngram_range,expected", [
    (["DT", "JJ", "NN"], (1, 3), ["DT", "JJ", "NN", "DT JJ", "JJ NN", "DT JJ NN"]),
    (["PRP", "MD"], (1, 3), ["PRP", "MD", "PRP MD"]),
    (["``", "-LRB-"], (2, 2), ["`` -LRB-"]),
    ([], (1, 3), []),
    (["NN"], (2, 3), []),
])
def test_claims_model_tag_ngrams(tags, ngram_range, expected):
    assert tag_ngrams(tags, ngram_range) == expected


@pytest.mark.parametrize("higher,lower,head", [
    ("The unemployment rate fell to 4 percent in 2019, the lowest since 1969.", "Thank you very much.", "checkworthy"),
    ("We're consuming 50 percent of the world's cocaine.", "I'm not going to talk about that tonight.", "checkworthy"),
    ("I think it is a terrible and shameful idea.", "The meeting took place in Minsk on 5 July 2017.", "nonfactual"),
])
def test_claims_model_heads_rank_sensibly(nlp, higher, lower, head):
    p = load_model().predict_proba([higher, lower], _tags(nlp, [higher, lower]))[head]
    assert p[0] > p[1]


def test_claims_model_missing_files(tmp_path):
    with pytest.raises(ClaimModelError, match="pipeline train-claims"):
        load_model_from(tmp_path)


def test_claims_model_rejects_unknown_format(tmp_path):
    src = resources.files("pipeline.stages.claims") / "trained"
    cfg = json.loads((src / CONFIG_FILE).read_text())
    cfg["format_version"] = 999
    (tmp_path / CONFIG_FILE).write_text(json.dumps(cfg))
    (tmp_path / WEIGHTS_FILE).write_bytes((src / WEIGHTS_FILE).read_bytes())
    with pytest.raises(ClaimModelError, match="format 999"):
        load_model_from(tmp_path)


def test_claims_model_rejects_duplicate_vocabulary_terms():
    """Two columns for one term would make the term->column lookup silently drop one."""
    from pipeline.embeddings import encode
    from pipeline.stages.claims.model import ClaimModel
    src = resources.files("pipeline.stages.claims") / "trained"
    cfg = json.loads((src / CONFIG_FILE).read_text())
    with np.load(src / WEIGHTS_FILE, allow_pickle=False) as npz:
        weights = dict(npz)
    ClaimModel(cfg, weights, encode)  # the packaged vocabulary loads
    name = cfg["vectorizers"][0]["name"]
    vocab = weights[f"vocab_{name}"].copy()
    vocab[1] = vocab[0]
    weights[f"vocab_{name}"] = vocab
    with pytest.raises(ClaimModelError, match=f"vectorizer {name!r}: vocabulary has duplicate terms"):
        ClaimModel(cfg, weights, encode)


def test_claims_model_rejects_another_embedding_table(tmp_path):
    """The coefficients of the embedding block only mean something for the table they
    were trained on: a model whose recorded SHA-1 differs is refused with one line."""
    src = resources.files("pipeline.stages.claims") / "trained"
    cfg = json.loads((src / CONFIG_FILE).read_text())
    cfg["embedding"]["sha1"] = "0" * 40
    (tmp_path / CONFIG_FILE).write_text(json.dumps(cfg))
    (tmp_path / WEIGHTS_FILE).write_bytes((src / WEIGHTS_FILE).read_bytes())
    with pytest.raises(ClaimModelError, match="trained on the embedding table with SHA-1 000000000000"):
        load_model_from(tmp_path)


def test_claims_model_analyzers_match_sklearn():
    text_mod = pytest.importorskip("sklearn.feature_extraction.text")
    word = text_mod.TfidfVectorizer(analyzer="word", ngram_range=(1, 2)).build_analyzer()
    char = text_mod.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for t in TEXTS:
        assert word_ngrams(t, (1, 2)) == word(t)
        assert char_wb_ngrams(t, (2, 5)) == char(t)


def test_claims_model_export_roundtrip_matches_sklearn(tmp_path):
    """Fit a tiny model with the real training code, export it, and compare the numpy
    inference (TF-IDF blocks + embedding block, calibration) with scikit-learn's."""
    pytest.importorskip("sklearn")
    from pipeline.embeddings import DEFAULT_PATH, encode
    from pipeline.stages.claims.training import HEADS, Features, TrainSettings, _logreg, export

    rng = np.random.default_rng(0)
    corpus = [f"{a} {b} {c}." for a, b, c in zip(
        rng.choice(["The budget", "I think it", "Belarus", "We must", "Unemployment"], 60),
        rng.choice(["rose 5 percent", "is terrible", "joined in 1992", "is wonderful", "fell"], 60),
        rng.choice(["in 2019", "really", "last year", "frankly", "today"], 60))]
    # hand-made tag sequences (no parse needed: the export only has to reproduce them)
    tagset = ["DT", "NN", "JJ", "JJS", "RB", "MD", "PRP", "VBZ", "CD", "``", "."]
    tags = [list(rng.choice(tagset, int(n))) for n in rng.integers(0, 9, len(corpus))]
    s = TrainSettings(word_min_df=1, char_min_df=1, tag_min_df=1)
    feats = Features(s, corpus, tags)
    X = feats.transform(corpus, tags, encode(corpus))
    heads = {}
    for k, h in enumerate(HEADS):
        y = np.array([("think" in t or "terrible" in t or "wonderful" in t) if k == 0 else any(ch.isdigit() for ch in t)
                      for t in corpus], dtype=int)
        heads[h] = _logreg(1.0, s.seed).fit(X, y)
    report = {"nonfactual": {"platt": [0.8, -0.3], "threshold": 0.4}, "checkworthy": {"platt": [1.2, 0.1], "threshold": 0.3}}
    export(tmp_path, s, feats, heads, report, {}, DEFAULT_PATH)
    model = load_model_from(tmp_path)
    assert model.thresholds == {"nonfactual": 0.4, "checkworthy": 0.3}
    probe = TEXTS + corpus[:10]
    probe_tags = [list(rng.choice(tagset + ["NNP"], int(n))) for n in rng.integers(0, 9, len(probe))]
    Xp = feats.transform(probe, probe_tags, encode(probe))
    z = model.decision_function(probe, probe_tags)
    want = np.column_stack([heads[h].decision_function(Xp) for h in HEADS])
    np.testing.assert_allclose(z, want, atol=1e-4)  # weights are exported as float32
    p = model.predict_proba(probe, probe_tags)
    np.testing.assert_allclose(p["checkworthy"], 1 / (1 + np.exp(-(1.2 * want[:, 1] + 0.1))), atol=1e-4)


# docs/guidelines.md §5.7's table: check-worthiness by the content, whatever the type
GUIDELINE_CHECK_WORTHY = [
    ("The Republic of Belarus has been a full-fledged member of the OSCE since January 30, 1992.", True),
    ("A section dedicated to progress in this area will also be included in the upcoming third Minsk "
     "International Conference on Eurasian Security this fall.", True),
    ("We must reverse the 20% rise in waiting lists since 2010.", True),
    ("Crime has soared under the Labour government, which cut 5,000 police officers.", True),
    ("The OSCE mandate covers a wide range of issues within the politico-military, economic and environmental "
     "and human dimensions.", False),
    ("We call on participating states to return to diplomacy as the primary means of resolving international "
     "problems.", False),
    ("The OSCE's comprehensive approach to security and a wide range of participants make the Organization an "
     "important and unique international forum for political dialogue.", False),
]


@pytest.mark.parametrize("text,worthy", GUIDELINE_CHECK_WORTHY)
def test_claims_model_guideline_check_worthiness_examples(nlp, text, worthy):
    model = load_model()
    score = model.predict_proba([text], _tags(nlp, [text]))["checkworthy"][0]
    assert bool(score >= model.thresholds["checkworthy"]) is worthy, score


@pytest.mark.parametrize("head,curve,max_ece", [
    ("checkworthy", "reliability_debates", 0.02),  # every debate sentence, held out by debate
    ("nonfactual", "reliability_news", 0.06),      # 830 news sentences: fewer per bin, noisier
])
def test_claims_model_recorded_calibration_is_sane(head, curve, max_ece):
    """The shipped calibration means what it says on the held-out predictions it was
    measured on: a score of p is right about p of the time (small ECE), a higher score
    is never a lower observed rate across well-filled bins, and the Platt map is increasing."""
    model = load_model()
    cw = model.config["protocol"][head]
    rel = cw[curve]
    assert rel["ece"] <= max_ece
    rows = [r for r in rel["rows"] if r[2] >= 50]
    observed = [r[4] for r in rows]
    assert len(rows) >= 6 and all(b >= a - 0.05 for a, b in zip(observed, observed[1:]))
    assert model.config["calibration"][head]["a"] > 0
    assert 0.0 < model.thresholds[head] < 1.0


def test_claims_model_threshold_is_the_best_mean_of_both_settings():
    """The check-worthy threshold is the best mean F1 of the two held-out settings (no row
    of the trade-off table beats it on the mean), 2016's own optimum beside it is the best
    F1 on the newest debates (no row beats that there), and the clean estimate is the
    debate CV's own optimum (no row beats that on the CV)."""
    model = load_model()
    cw = model.config["protocol"]["checkworthy"]
    assert cw["threshold"] == model.thresholds["checkworthy"]
    mean = (cw["ct_group"]["f1"] + cw["ct_new"]["f1"]) / 2
    assert all((row["ct_group"]["f1"] + row["ct_new"]["f1"]) / 2 <= mean + 1e-9 for row in cw["tradeoff"])
    assert all(row["ct_new"]["f1"] <= cw["ct_new_best"]["f1"] + 1e-9 for row in cw["tradeoff"])
    clean = cw["ct_new_at_group_threshold"]
    best_cv = max(row["ct_group"]["f1"] for row in cw["tradeoff"])
    at_clean = [row["ct_group"]["f1"] for row in cw["tradeoff"] if row["threshold"] == clean["threshold"]]
    assert not at_clean or at_clean[0] >= best_cv - 1e-9


@pytest.mark.parametrize("texts,tags", [
    (TEXTS, ([["DT", "NN", "VBZ", "JJ"], ["PRP", "MD", "VB"], ["NNP", "NNP", "VBD", "CD", "."]] * 3)[:len(TEXTS)]),
    (["", "a", "The the THE the", "Unemployment fell, unemployment fell"], [[], ["", "NN"], ["XX", "DT", "XX"], ["NN"]]),
])
def test_claims_model_ngram_codes_count_as_the_strings_do(texts, tags):
    """The word and tag n-grams looked up as integer codes (``_NgramCodes``) give the
    columns the n-gram strings give: same TF-IDF rows, unknown words and tags too."""
    model = load_model()
    assert any(v.codes is not None for v in model._vectorizers)
    for v in model._vectorizers:
        if v.codes is None:
            continue
        inputs = tags if v.input == "tags" else texts
        rows, cols = model._columns(v, inputs)
        strings = dataclasses.replace(v, codes=None)
        want_rows, want_cols = model._columns(strings, inputs)
        assert sorted(zip(rows.tolist(), cols.tolist())) == sorted(zip(want_rows.tolist(), want_cols.tolist()))
        assert len(want_rows)  # the cases do reach the vocabulary


def test_claims_model_ngram_codes_give_way_to_strings_that_do_not_split():
    from pipeline.stages.claims.model import _NgramCodes

    assert _NgramCodes({"a b": 0, "a": 1}, (1, 2)).usable
    assert not _NgramCodes({"a  b": 0}, (1, 2)).usable  # an empty word: no code for it
    assert not _NgramCodes({f"w{k}": k for k in range(70_000)}, (1, 4)).usable  # 70,001 ** 4 overflows
    # a term longer than the n-gram range never matches, and could overflow: not coded
    assert not _NgramCodes({" ".join(f"w{k}" for k in range(40)): 0}, (1, 2)).usable
