"""Inference for the trained claim model: plain numpy, no scikit-learn, no pickle.

The model (trained by ``pipeline train-claims``, see ``training.py`` and
``trained/MODEL_CARD.md``) has one logistic-regression head per decision:

* ``nonfactual``: P(the content is an opinion or judgment rather than a statement
  of fact); trained on ClaimBuster's non-factual vs. factual labels, CheckThat!
  2023 news subjectivity and 10,000 unlabelled news sentences soft-labelled by a
  MiniLM teacher (``teacher.py``);
* ``checkworthy``: P(a fact-checker would check it); trained on CheckThat! 2024
  task 1 (check-worthiness in political debates).

Both heads read the same four feature blocks, each L2-normalised:

* ``word``: TF-IDF of word 1-2-grams (scikit-learn's default token pattern, lowercased);
* ``char``: TF-IDF of within-word character 2-5-grams (``char_wb``);
* ``tags``: TF-IDF of fine-grained POS-tag 1-3-grams from the spaCy parse the
  pipeline already has: adjectives, adverbs, comparatives, modals and pronoun
  patterns mark subjectivity (Wiebe & Riloff 2005), and the tags of numbers and
  proper nouns mark checkable content;
* ``embedding``: the static sentence embedding (``pipeline.embeddings``,
  distilled from all-MiniLM-L6-v2) times a block weight: it generalises to
  debates and topics the n-grams never saw (model card).

Scores are **calibrated**: ``p = 1 / (1 + exp(-(a z + b)))`` with ``z`` a head's
raw logit and ``a, b`` fitted on predictions for sources held out from training
(debates for ``checkworthy``, news sentences for ``nonfactual``), so a score of
0.3 means that about 30% of such sentences are positive in unseen sources (the
reliability curves are in the model card). ``thresholds`` are on those scores.

The weights live in ``trained/claims_model.npz`` (vocabularies, idf vectors,
coefficient matrix) and ``model.json`` (settings, calibration, thresholds,
figures). The feature extraction reproduces scikit-learn's ``TfidfVectorizer``
(``sublinear_tf``, l2 norm per block) exactly; ``tests/test_claims_model.py``
checks that against scikit-learn when it is installed.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _res
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from ... import embeddings
from ...errors import ModelError

MODEL_DIR = "trained"
WEIGHTS_FILE = "claims_model.npz"
CONFIG_FILE = "model.json"
#: format version of the exported files; bump when the layout changes
#: (2: a vectorizer may read POS tags instead of text, ``"input": "tags"``;
#: 3: the static-embedding block, calibration, thresholds on calibrated scores)
FORMAT_VERSION = 3
#: what a vectorizer reads: the sentence text, or its sequence of fine-grained POS tags
INPUTS = ("text", "tags")

# scikit-learn's defaults for the word analyzer and the char_wb whitespace rule
_TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")
#: distinct words whose char_wb columns are kept per vectorizer (a few MB at most)
_WORD_CACHE_MAX = 200_000


class ClaimModelError(ModelError):
    """The exported claim model is missing or malformed."""


def words(text: str) -> list[str]:
    """scikit-learn's default word tokens, lowercased."""
    return _TOKEN_RE.findall(text.lower())


def word_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn ``analyzer='word'`` with the default token pattern, lowercased."""
    return tag_ngrams(words(text), ngram_range)


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """scikit-learn ``analyzer='char_wb'``, lowercased (same padding and short-word rule)."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    lo, hi = ngram_range
    out: list[str] = []
    extend = out.extend
    for w in text.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(lo, hi + 1):
            if w_len <= n:  # a short word yields itself once, then no longer n-grams
                out.append(w)
                break
            extend([w[i:i + n] for i in range(w_len - n + 1)])
    return out


def tag_ngrams(tags: Sequence[str], ngram_range: tuple[int, int]) -> list[str]:
    """N-grams of a POS-tag sequence (``["DT", "JJ", "NN"]`` -> ``"DT"``, ..., ``"DT JJ"``, ...).

    Used as the (callable) analyzer of the scikit-learn vectorizer at training
    time too, so training and inference share one definition.
    """
    tags = list(tags)
    lo, hi = ngram_range
    out: list[str] = []
    for n in range(lo, min(hi, len(tags)) + 1):
        # each n-gram from n shifted copies zipped together: no slice per n-gram
        out.extend(tags if n == 1 else map(" ".join, zip(*(tags[k:] for k in range(n)))))
    return out


_ANALYZERS = {"word": word_ngrams, "char_wb": char_wb_ngrams, "tags": tag_ngrams}


class _NgramCodes:
    """A word or tag n-gram vocabulary as integer codes, looked up for all texts at
    once: each word (tag) of the vocabulary gets a digit 1..V, an n-gram the number
    its digits spell in base V + 1 (no digit is 0, so n-grams of different lengths
    never share a code), and the n-grams of every text are coded and searched with
    a few numpy operations per n. Why: building every n-gram string of every
    sentence and looking it up took 0.2 s per 400 BBC articles. A word outside the
    vocabulary's words is 0, and an n-gram holding one is in no vocabulary, as its
    string would not be (words and spaCy's tags hold no space). ``usable`` is False
    where the codes could overflow or a term is no n-gram of the range's words
    (the string path is taken then)."""

    def __init__(self, lookup: dict[str, int], ngram_range: tuple[int, int]):
        split = [term.split(" ") for term in lookup]
        units = sorted({u for parts in split for u in parts})
        self.unit_id = {u: k + 1 for k, u in enumerate(units)}
        self.base = len(units) + 1
        self.ngram_range = ngram_range
        self.usable = ("" not in self.unit_id and self.base ** ngram_range[1] < 2 ** 62
                       and all(len(parts) <= ngram_range[1] for parts in split))
        if not self.usable:
            return
        codes = []
        for parts in split:
            code = 0
            for u in parts:
                code = code * self.base + self.unit_id[u]
            codes.append(code)
        codes = np.asarray(codes, dtype=np.int64)
        order = np.argsort(codes, kind="stable")
        self.codes = codes[order]
        self.cols = np.asarray(list(lookup.values()), dtype=np.int64)[order]

    def rows_and_columns(self, sequences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(text, column) of every in-vocabulary n-gram of every sequence, with repeats."""
        flat = [u for seq in sequences for u in seq]
        ids = np.fromiter(map(self.unit_id.get, flat, repeat(0)), dtype=np.int64, count=len(flat))
        owner = np.repeat(np.arange(len(sequences), dtype=np.int64), [len(seq) for seq in sequences])
        rows, cols = [], []
        lo, hi = self.ngram_range
        for n in range(lo, hi + 1):
            m = len(ids) - n + 1
            if m <= 0:
                break
            ok = owner[:m] == owner[n - 1:]       # the n tokens belong to one text
            code = np.zeros(m, dtype=np.int64)
            for k in range(n):
                part = ids[k:k + m]
                ok &= part != 0
                code = code * self.base + part
            at = np.flatnonzero(ok)
            found = np.minimum(np.searchsorted(self.codes, code[at]), len(self.codes) - 1)
            hit = self.codes[found] == code[at]
            rows.append(owner[at[hit]])
            cols.append(self.cols[found[hit]])
        if not rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(rows), np.concatenate(cols)


@dataclass(frozen=True)
class _Vectorizer:
    analyzer: str
    input: str                 # "text" or "tags"
    ngram_range: tuple[int, int]
    sublinear_tf: bool
    # term -> local column (a plain dict: per-gram ``dict.get`` is much cheaper than
    # building a pandas Index of every n-gram of every batch)
    lookup: dict[str, int]
    idf: np.ndarray            # float64, per local column
    offset: int                # first column of this vectorizer in the feature space
    # char_wb only: distinct word -> its in-vocabulary columns (see ClaimModel._columns)
    word_cache: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    # word and tag n-grams: the vocabulary as integer codes (``_NgramCodes``)
    codes: _NgramCodes | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ClaimScores:
    """Per-sentence calibrated head probabilities, aligned with the input texts."""

    heads: tuple[str, ...]
    proba: np.ndarray  # shape (n_texts, n_heads)

    def __getitem__(self, head: str) -> np.ndarray:
        try:
            return self.proba[:, self.heads.index(head)]
        except ValueError:
            raise KeyError(f"unknown head {head!r}; heads: {', '.join(self.heads)}") from None


class ClaimModel:
    """The exported heads over TF-IDF blocks and the static sentence embedding."""

    def __init__(self, config: dict, weights: dict[str, np.ndarray],
                 encode: Callable[[Sequence[str]], np.ndarray] | None = None):
        """``encode``: texts -> L2-normalised sentence embeddings (``pipeline.embeddings.encode``
        for the packaged table), needed when the model has an embedding block."""
        if config.get("format_version") != FORMAT_VERSION:
            raise ClaimModelError(
                f"claim model format {config.get('format_version')!r} is not supported; expected {FORMAT_VERSION}"
            )
        self.config = config
        self.heads: tuple[str, ...] = tuple(config["heads"])
        self.thresholds: dict[str, float] = {h: float(config["thresholds"][h]) for h in self.heads}
        cal = config["calibration"]
        self.cal_a = np.asarray([float(cal[h]["a"]) for h in self.heads])
        self.cal_b = np.asarray([float(cal[h]["b"]) for h in self.heads])
        self._vectorizers: list[_Vectorizer] = []
        offset = 0
        for spec in config["vectorizers"]:
            name = spec["name"]
            vocab = weights[f"vocab_{name}"]
            idf = weights[f"idf_{name}"].astype(np.float64)
            if len(vocab) != len(idf):
                raise ClaimModelError(f"vectorizer {name!r}: {len(vocab)} terms but {len(idf)} idf values")
            if spec["analyzer"] not in _ANALYZERS:
                raise ClaimModelError(f"vectorizer {name!r}: analyzer {spec['analyzer']!r} not in {sorted(_ANALYZERS)}")
            source = spec.get("input", "text")
            if source not in INPUTS:
                raise ClaimModelError(f"vectorizer {name!r}: input {source!r} not in {list(INPUTS)}")
            lookup = dict(zip(vocab.astype(object).tolist(), range(len(vocab))))
            if len(lookup) != len(vocab):
                raise ClaimModelError(f"vectorizer {name!r}: vocabulary has duplicate terms")
            ngram_range = tuple(spec["ngram_range"])
            codes = _NgramCodes(lookup, ngram_range) if spec["analyzer"] != "char_wb" else None
            self._vectorizers.append(_Vectorizer(spec["analyzer"], source, ngram_range, bool(spec["sublinear_tf"]),
                                                 lookup, idf, offset, codes=codes if codes and codes.usable else None))
            offset += len(vocab)
        self.n_sparse = offset
        emb = config.get("embedding")
        self.encode = encode if emb else None
        self.emb_weight = float(emb["weight"]) if emb else 0.0
        dims = int(emb["dims"]) if emb else 0
        if emb:
            if encode is None:
                raise ClaimModelError("this claim model reads the static embedding: pass encode=")
            have = encode(["dims"]).shape[1]
            if have != dims:
                raise ClaimModelError(f"the claim model expects {dims}-d embeddings, the embedding table gives "
                                      f"{have}; retrain it with `pipeline train-claims`")
        self.coef = weights["coef"].astype(np.float64)          # (n_sparse + dims, n_heads)
        self.intercept = weights["intercept"].astype(np.float64)  # (n_heads,)
        if self.coef.shape != (offset + dims, len(self.heads)):
            raise ClaimModelError(f"coef has shape {self.coef.shape}, expected {(offset + dims, len(self.heads))}")

    @property
    def n_features(self) -> int:
        return self.coef.shape[0]

    @property
    def needs_tags(self) -> bool:
        """Whether a vectorizer reads POS tags (then ``tags`` must be passed)."""
        return any(v.input == "tags" for v in self._vectorizers)

    def _columns(self, v: _Vectorizer, texts: Sequence) -> tuple[np.ndarray, np.ndarray]:
        """(text, column) of all texts' in-vocabulary n-grams, with repeats."""
        if v.codes is not None:
            return v.codes.rows_and_columns([words(t) for t in texts]
                                            if v.analyzer == "word" else texts)
        get = v.lookup.get
        flat: list[int] = []
        lengths: list[int] = []
        if v.analyzer == "char_wb":
            # char_wb n-grams never cross a whitespace-separated word, so each distinct
            # word is analysed and looked up once per process (news text repeats words a
            # lot); the cache is bounded so a long run cannot grow it without limit
            cache = v.word_cache
            if len(cache) > _WORD_CACHE_MAX:
                cache.clear()
            rng = v.ngram_range
            for t in texts:
                n0 = len(flat)
                for w in _WHITE_SPACES.sub(" ", t.lower()).split():
                    cols = cache.get(w)
                    if cols is None:
                        cols = tuple(c for c in map(get, char_wb_ngrams(w, rng)) if c is not None)
                        cache[w] = cols
                    flat.extend(cols)
                lengths.append(len(flat) - n0)
        else:
            analyze = _ANALYZERS[v.analyzer]
            rng = v.ngram_range
            for t in texts:
                n0 = len(flat)
                flat.extend([c for c in map(get, analyze(t, rng)) if c is not None])
                lengths.append(len(flat) - n0)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
        return rows, np.asarray(flat, dtype=np.int64)

    def transform(self, texts: Sequence[str], tags: Sequence[Sequence[str]] | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sparse TF-IDF rows as COO triplets (row, column, value), vectorised over all texts.

        ``tags``: per text, its fine-grained POS tags (``token.tag_``), needed when
        the model has a tag vectorizer.
        """
        parts = []
        n_texts = len(texts)
        if self.needs_tags:
            if tags is None:
                raise ClaimModelError("this claim model reads POS tags: pass tags=[[token.tag_ for token in span], ...]")
            if len(tags) != n_texts:
                raise ClaimModelError(f"{len(tags)} tag sequences for {n_texts} texts")
        for v in self._vectorizers:
            if not n_texts:
                break
            rows, cols = self._columns(v, tags if v.input == "tags" else texts)
            n_terms = len(v.lookup)
            key = rows * n_terms + cols  # out-of-vocabulary n-grams are already dropped
            if not len(key):
                continue
            uniq, counts = np.unique(key, return_counts=True)
            r, c = uniq // n_terms, uniq % n_terms
            tf = 1.0 + np.log(counts) if v.sublinear_tf else counts.astype(np.float64)
            w = tf * v.idf[c]
            norms = np.sqrt(np.bincount(r, weights=w * w, minlength=n_texts))
            parts.append((r, c + v.offset, w / norms[r]))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float64)
        return tuple(np.concatenate(p) for p in zip(*parts))  # type: ignore[return-value]

    def decision_function(self, texts: Sequence[str], tags: Sequence[Sequence[str]] | None = None) -> np.ndarray:
        """Raw (uncalibrated) logits, shape (n_texts, n_heads)."""
        texts = list(texts)
        rows, cols, vals = self.transform(texts, tags)
        n = len(texts)
        scores = np.tile(self.intercept, (n, 1))
        if len(rows):
            contrib = vals[:, None] * self.coef[cols]
            for h in range(scores.shape[1]):
                scores[:, h] += np.bincount(rows, weights=contrib[:, h], minlength=n)
        if self.encode is not None and n:
            E = self.encode(texts).astype(np.float64)
            # einsum, not `@`: BLAS sums a row in an order that depends on how many rows
            # there are, so a text's score changed in its last digit with its batch
            scores += self.emb_weight * np.einsum("ij,jk->ik", E, self.coef[self.n_sparse:])
        return scores

    def predict_proba(self, texts: Iterable[str], tags: Sequence[Sequence[str]] | None = None) -> ClaimScores:
        """Calibrated probability per head (``ClaimScores[head]``)."""
        texts = list(texts)
        z = self.decision_function(texts, tags)
        return ClaimScores(self.heads, 1.0 / (1.0 + np.exp(-(self.cal_a * z + self.cal_b))))


def load_model_from(directory: Path | str, embedding_table: Path | str | None = None) -> ClaimModel:
    """The model exported in ``directory``, with the static embedding table it was
    trained on (default: the packaged one; its SHA-1 must match the model's record)."""
    directory = Path(directory)
    cfg_path, w_path = directory / CONFIG_FILE, directory / WEIGHTS_FILE
    for p in (cfg_path, w_path):
        if not p.is_file():
            raise ClaimModelError(f"claim model file {p} is missing; train it with `pipeline train-claims`")
    fix = "reinstall claimex or retrain it with `pipeline train-claims`"
    try:
        config = json.loads(cfg_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ClaimModelError(f"claim model file {cfg_path} is unreadable ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0][:120]}); {fix}") from None
    try:
        with np.load(w_path, allow_pickle=False) as npz:
            weights = {k: npz[k] for k in npz.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise ClaimModelError(f"claim model file {w_path} is unreadable ({type(exc).__name__}); {fix}") from None
    encode = None
    if isinstance(config, dict) and isinstance(config.get("embedding"), dict):
        table = Path(embedding_table) if embedding_table is not None else embeddings.DEFAULT_PATH
        want = config["embedding"].get("sha1")
        have = file_sha1(table) if table.is_file() else None
        if want != have:
            raise ClaimModelError(f"claim model in {directory} was trained on the embedding table with SHA-1 "
                                  f"{str(want)[:12]}, but {table} has {str(have)[:12]}; {fix}")
        encode = embeddings.load(str(table)).encode
    try:
        return ClaimModel(config, weights, encode)
    except (KeyError, ValueError, TypeError, IndexError, AttributeError) as exc:
        raise ClaimModelError(f"claim model in {directory} does not match this version of claimex "
                              f"({type(exc).__name__}: {str(exc)[:120]}); {fix}") from None


def file_sha1(path: Path) -> str:
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def load_model() -> ClaimModel:
    """The committed model shipped inside the package, with the packaged embedding
    table (loaded once per process: the registry's ``setup`` of the claims stage)."""
    pkg = _res.files(__package__) / MODEL_DIR
    return load_model_from(Path(str(pkg)))
