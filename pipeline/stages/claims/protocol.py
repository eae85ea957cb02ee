"""The claim model's data and its source-held-out validation protocol (training time only).

Every figure of the model card, the calibration and the thresholds come from
predictions on **sources the model was not fitted on**, because the model is used
on new sources: random sentence splits of one debate or one article put near-copies
of a test sentence in the training folds and overstate what a new source gets
(CheckThat! 2024: 0.886 F1 on its dev file, which samples the training debates,
against 0.59 on the test debates).

CheckThat! 2024 task 1 / ClaimBuster (``ct_*``)
    ``Sentence_id`` runs through the debates one after another, with gaps where
    sentences were left out (moderator turns, short sentences). A gap of more than
    20 ids starts a new segment; segments under 200 sentences are merged into the
    one before them (the tail of a debate): 31 **debate groups** over train + dev.
    The dev file only samples ids <= 29,062, i.e. the training debates.

    * ``ct_new``: train on every debate up to id 29,100 (1960-2012, the dev file
      included), test on the last three groups, the 2016 Clinton-Trump debates
      (2,745 sentences; not in ClaimBuster): the newest debates, the setting
      closest to the task's test debates;
    * ``ct_group``: leave-debates-out 5-fold cross-validation over the 31 groups
      (largest group first to the lightest fold, in a seeded random order).

News subjectivity, CheckThat! 2023 (``news_*``; 830 sentences, no source ids)
    * ``news_rep``: repeated stratified 5-fold cross-validation (3 repetitions);
    * ``news_topic``: grouped 5-fold cross-validation (2 shuffles) over 60 topic
      groups, recovered by clustering the sentences' MiniLM embeddings (the
      groups are stored with the teacher labels, ``teacher.py``): whole topics held
      out, as a new set of articles would be.
    ClaimBuster is in the training folds of every news split.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ...errors import InputError

GAP = 20
MIN_GROUP = 200
#: sentence ids above this are the 2016 debates (``ct_new``'s test part)
NEW_CUT = 29100
N_FOLDS = 5
NEWS_REPS = 3
TOPIC_SHUFFLES = 2
CLAIM_FILES = ("ct24_checkworthy_train.tsv", "ct24_checkworthy_dev.tsv", "claimbuster_3class_a.json",
               "claimbuster_3class_b.json", "news_subjectivity_train.tsv")

# --- readers ------------------------------------------------------------------------

class ClaimDataError(InputError, ValueError):
    """Claim training data that cannot be used: a malformed file of the shared data, or
    committed teacher labels made from other data. An ``InputError`` (one line, exit 3 on
    the command line) and a ``ValueError`` for library callers."""


_CT24_ROW = re.compile(r"(\d+)\t([^\t\n]*)\t(Yes|No)(?=\s|\d|$)")


def _unquote(text: str) -> str:
    # The TSVs quote a field CSV-style when it contains a quotation mark.
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return text.strip()


def read_ct24(path: Path) -> tuple[np.ndarray, list[str], np.ndarray]:
    """CheckThat! 2024 task 1 TSV -> (ids, texts, labels 0/1).

    Parsed with a row regex, not a CSV reader: the train file has one record
    glued to the next without a newline (``...\\tNo29286\\tYou can't ...``).
    """
    raw = Path(path).read_text(encoding="utf-8")
    ids, texts, labels = [], [], []
    for m in _CT24_ROW.finditer(raw):
        ids.append(int(m.group(1)))
        texts.append(_unquote(m.group(2)))
        labels.append(1 if m.group(3) == "Yes" else 0)
    if not ids:
        raise ClaimDataError(f"{path}: no 'id<TAB>text<TAB>Yes|No' rows found")
    return np.asarray(ids, dtype=np.int64), texts, np.asarray(labels, dtype=np.int64)


def read_claimbuster(paths: list[Path]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """ClaimBuster 3-class JSON -> (ids, texts, labels -1/0/1)."""
    ids, texts, labels = [], [], []
    for path in paths:
        for rec in json.loads(Path(path).read_text(encoding="utf-8")):
            label = int(rec["label"])
            if label not in (-1, 0, 1):
                raise ClaimDataError(f"{path}: sentence {rec.get('sentence_id')}: label {label!r} not in -1, 0, 1")
            ids.append(int(rec["sentence_id"]))
            texts.append(str(rec["text"]).strip())
            labels.append(label)
    return np.asarray(ids, dtype=np.int64), texts, np.asarray(labels, dtype=np.int64)


def read_subjectivity(path: Path) -> tuple[list[str], np.ndarray]:
    """CheckThat! 2023 subjectivity TSV -> (texts, labels 1 = SUBJ, 0 = OBJ)."""
    texts, labels = [], []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            lab = row["label"].strip()
            if lab not in ("SUBJ", "OBJ"):
                raise ClaimDataError(f"{path}: label {lab!r} not in SUBJ, OBJ")
            texts.append(row["sentence"].strip())
            labels.append(1 if lab == "SUBJ" else 0)
    return texts, np.asarray(labels, dtype=np.int64)


@dataclass
class Debates:
    """CheckThat! 2024 train + dev sentences, with their debate group and ClaimBuster label."""

    ids: np.ndarray
    texts: list[str]
    y: np.ndarray            # 1 = check-worthy
    groups: np.ndarray       # debate group per sentence
    cb3: np.ndarray          # ClaimBuster -1/0/1, or -9 when the sentence is not in ClaimBuster
    tags: list[list[str]] = field(default_factory=list)
    emb: np.ndarray | None = None


@dataclass
class News:
    texts: list[str]
    y: np.ndarray            # 1 = SUBJ (non-factual)
    tags: list[list[str]] = field(default_factory=list)
    emb: np.ndarray | None = None


def load_claim_data(claims_dir: Path) -> tuple[Debates, News]:
    claims_dir = Path(claims_dir)
    missing = [n for n in CLAIM_FILES if not (claims_dir / n).is_file()]
    if missing:
        raise FileNotFoundError(f"{claims_dir}: missing {', '.join(missing)} (expected the files of ../shared/data/claims)")
    tr_ids, tr_x, tr_y = read_ct24(claims_dir / CLAIM_FILES[0])
    dv_ids, dv_x, dv_y = read_ct24(claims_dir / CLAIM_FILES[1])
    cb_ids, _, cb_y = read_claimbuster([claims_dir / CLAIM_FILES[2], claims_dir / CLAIM_FILES[3]])
    ids = np.concatenate([tr_ids, dv_ids])
    cb = dict(zip(cb_ids.tolist(), cb_y.tolist()))
    cb3 = np.asarray([cb.get(int(i), -9) for i in ids], dtype=np.int64)
    debates = Debates(ids, tr_x + dv_x, np.concatenate([tr_y, dv_y]), debate_groups(ids), cb3)
    news_x, news_y = read_subjectivity(claims_dir / CLAIM_FILES[4])
    return debates, News(news_x, news_y)


# --- splits ---------------------------------------------------------------------------

Split = tuple[np.ndarray, np.ndarray]  # (training rows, held-out rows)


def debate_groups(ids: np.ndarray) -> np.ndarray:
    """Debate group per sentence id (segments split at gaps, small segments merged backwards)."""
    order = np.argsort(ids, kind="stable")
    s = ids[order]
    seg = np.concatenate([[0], np.cumsum(np.diff(s) > GAP)])
    sizes = np.bincount(seg)
    remap = np.arange(len(sizes))
    for g in range(1, len(sizes)):
        remap[g] = remap[g - 1] if sizes[g] < MIN_GROUP else g
    _, seg = np.unique(remap[seg], return_inverse=True)
    out = np.empty_like(seg)
    out[order] = seg
    return out


def _grouped_folds(groups: np.ndarray, rng: np.random.RandomState, n_folds: int = N_FOLDS) -> list[Split]:
    """Whole groups to folds: largest first (ties in a seeded random order) to the lightest fold."""
    sizes = np.bincount(groups)
    order = sorted(rng.permutation(np.unique(groups)), key=lambda g: -sizes[g])
    load = np.zeros(n_folds)
    fold_of = {}
    for g in order:
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += sizes[g]
    fold = np.asarray([fold_of[g] for g in groups])
    return [(np.where(fold != f)[0], np.where(fold == f)[0]) for f in range(n_folds)]


def debate_splits(debates: Debates, seed: int = 0) -> dict[str, list[Split]]:
    new = debates.ids > NEW_CUT
    return {"ct_new": [(np.where(~new)[0], np.where(new)[0])],
            "ct_group": _grouped_folds(debates.groups, np.random.RandomState(seed))}


def news_splits(y: np.ndarray, topic_groups: np.ndarray) -> dict[str, list[list[Split]]]:
    """{"news_rep": [repetition][fold] splits, "news_topic": [shuffle][fold] splits}."""
    from sklearn.model_selection import StratifiedKFold

    rep = [list(StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=r).split(np.zeros(len(y)), y))
           for r in range(NEWS_REPS)]
    topic = [_grouped_folds(topic_groups, np.random.RandomState(100 + r)) for r in range(TOPIC_SHUFFLES)]
    return {"news_rep": rep, "news_topic": topic}


def news_fold_names() -> list[str]:
    """Names of the news training folds, in the order the teacher labels store them."""
    return ([f"news_rep/{r}/{k}" for r in range(NEWS_REPS) for k in range(N_FOLDS)]
            + [f"news_topic/{r}/{k}" for r in range(TOPIC_SHUFFLES) for k in range(N_FOLDS)])


# --- metrics and calibration -------------------------------------------------------------

def f1_pos(y: np.ndarray, pred: np.ndarray) -> float:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    return (f1_pos(y, pred) + f1_pos(1 - y, 1 - pred)) / 2


def prf(y: np.ndarray, p: np.ndarray, t: float) -> dict[str, float]:
    """Precision, recall, F1 of the positive class and the share flagged at threshold ``t``."""
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    return {"precision": tp / max(int(pred.sum()), 1), "recall": tp / max(int((y == 1).sum()), 1),
            "f1": f1_pos(y, pred.astype(int)), "flagged": float(pred.mean())}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """``a, b`` of ``p = sigmoid(a z + b)``, fitted by (nearly unregularised) logistic regression."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(np.asarray(z).reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def cross_fitted(z: np.ndarray, y: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """Calibrated probabilities where each part's Platt map was fitted on the other parts
    (for an honest reliability curve: no sentence calibrates itself)."""
    p = np.zeros(len(z))
    for k in np.unique(parts):
        a, b = platt(z[parts != k], y[parts != k])
        p[parts == k] = sigmoid(a * z[parts == k] + b)
    return p


def halves_of_groups(groups: np.ndarray, seed: int = 0) -> np.ndarray:
    """0/1 per row: whole groups to two halves at random."""
    ug = np.unique(groups)
    part = dict(zip(np.random.RandomState(seed).permutation(ug), np.arange(len(ug)) % 2))
    return np.asarray([part[g] for g in groups])


def reliability(y: np.ndarray, p: np.ndarray, bins: int = 10) -> dict:
    """``rows``: per equal-width bin [low, high, n, mean predicted, observed rate]; ``ece``:
    the expected calibration error (mean |predicted - observed| weighted by bin size)."""
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        rows.append([round(float(edges[b]), 2), round(float(edges[b + 1]), 2), int(m.sum()),
                     round(float(p[m].mean()), 4) if m.any() else None, round(float(y[m].mean()), 4) if m.any() else None])
    ece = sum(r[2] * abs(r[3] - r[4]) for r in rows if r[2]) / len(y)
    return {"rows": rows, "ece": round(float(ece), 4)}
