"""Static sentence embeddings distilled from all-MiniLM-L6-v2: numpy only at run time.

    from pipeline.embeddings import encode, tokenize
    X = encode(["Unemployment fell to 4% last year.", "The jobless rate dropped to four percent."])
    X.shape             # (2, 256) float32, every row L2-normalised (a zero row for a text with no known token)
    float(X[0] @ X[1])  # cosine similarity
    tokenize("Café")    # ['cafe']: the model's WordPiece tokens

A sentence vector is the mean of the vectors of its WordPiece tokens, looked up
in one table (``static_embed.npz``, shipped with the package, 5.7 MB), then
L2-normalised: no ``[CLS]``/``[SEP]``, no length limit, unknown and special
tokens skipped. The table is the transformer distilled into one vector per token
(model2vec), refined so that the mean of a sentence's token vectors points where
MiniLM's sentence embedding points, reduced to 256 dimensions and stored as int8;
``pipeline build-embeddings`` rebuilds it (``build.py``, the ``embeddings`` extra)
and ``MODEL_CARD.md`` beside this file has its figures.

The table is loaded on first use and kept for the process (:func:`load`); the
tokenizer (``wordpiece.py``, plain Python) and the per-word table rows are cached.
A missing or broken table raises :class:`EmbeddingTableError` (a ``ModelError``,
exit code 4) with one line.
"""
from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from importlib import resources as _res
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ModelError
from .wordpiece import WORD_CACHE_MAX, WordPiece, basic_tokenize

__all__ = ["TABLE_FILE", "EmbeddingTableError", "StaticEmbedder", "encode", "load", "tokenize"]

#: the table shipped beside this module
TABLE_FILE = "static_embed.npz"
#: arrays of the table file (no pickle): ``vocab`` (the WordPiece tokens, UTF-8,
#: newline-joined, as uint8), ``rows`` (int32, token id -> table row, -1 = no vector),
#: ``table`` (int8 or float, rows x dims), ``scale`` (float32, per-row factor back to
#: float), ``meta`` (JSON as uint8: how it was built)
TABLE_ARRAYS = ("vocab", "rows", "table", "scale", "meta")


class EmbeddingTableError(ModelError):
    """The static embedding table is missing or malformed."""


class StaticEmbedder:
    """A token -> vector table and its tokenizer; :meth:`encode` gives sentence vectors."""

    def __init__(self, path: str | Path):
        path = Path(path)
        fix = "reinstall claimex or rebuild it with `pipeline build-embeddings`"
        if not path.is_file():
            raise EmbeddingTableError(f"embedding table {path} is missing; {fix}")
        try:
            with np.load(path, allow_pickle=False) as z:
                missing = [k for k in TABLE_ARRAYS if k not in z.files]
                if missing:
                    raise ValueError(f"no array {', '.join(missing)}")
                vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
                rows = z["rows"].astype(np.int64)
                table, scale = z["table"], z["scale"].astype(np.float32)
                self.meta: dict = json.loads(bytes(z["meta"]).decode("utf-8"))
        except (OSError, ValueError, EOFError, KeyError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            raise EmbeddingTableError(f"embedding table {path} is unreadable ({type(exc).__name__}: "
                                      f"{str(exc).splitlines()[0][:120] if str(exc) else ''}); {fix}") from None
        if len(rows) != len(vocab) or table.ndim != 2 or len(scale) != len(table) or rows.max() >= len(table):
            raise EmbeddingTableError(f"embedding table {path} is inconsistent ({len(vocab)} tokens, {len(rows)} row ids, "
                                      f"table {table.shape}, {len(scale)} scales); {fix}")
        # back to float32 once: rows x dims x 4 bytes (24k x 256: 25 MB)
        self.table = table.astype(np.float32) * scale[:, None]
        self.rows = rows
        self.dim = int(self.table.shape[1])
        self.path = path
        try:
            self.tokenizer = WordPiece(vocab)
        except ValueError as exc:
            raise EmbeddingTableError(f"embedding table {path}: {exc}; {fix}") from None
        self._word_rows: dict[str, list[int]] = {}

    def _rows_of(self, text: str) -> list[int]:
        """Table rows of the tokens of ``text`` (tokens without a vector skipped)."""
        cache, rows, word_ids = self._word_rows, self.rows, self.tokenizer.word_ids
        out: list[int] = []
        for w in basic_tokenize(text):
            r = cache.get(w)
            if r is None:
                r = [int(rows[i]) for i in word_ids(w) if rows[i] >= 0]
                if len(cache) >= WORD_CACHE_MAX:
                    cache.clear()
                cache[w] = r
            out.extend(r)
        return out

    def encode(self, texts: Sequence[str], normalize: bool = True) -> np.ndarray:
        """Sentence vectors, shape ``(len(texts), dim)``, float32; L2-normalised unless
        ``normalize=False`` (then the plain mean of the token vectors)."""
        if isinstance(texts, str):
            raise TypeError("encode takes a list of texts, not one string")
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        flat: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.int64)
        for k, t in enumerate(texts):
            n0 = len(flat)
            flat.extend(self._rows_of(t))
            lengths[k] = len(flat) - n0
        if flat:
            nz = lengths > 0
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[nz]
            sums = np.add.reduceat(self.table[np.asarray(flat, dtype=np.int64)], starts, axis=0)
            out[nz] = sums / lengths[nz, None]
        if normalize:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            np.divide(out, norms, out=out, where=norms > 0)
        return out


def table_path() -> Path:
    """The packaged table file."""
    return Path(str(_res.files(__package__) / TABLE_FILE))


@lru_cache(maxsize=4)
def load(path: str | Path | None = None) -> StaticEmbedder:
    """The embedder of ``path`` (default: the packaged table), loaded once per process."""
    return StaticEmbedder(table_path() if path is None else path)


def encode(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised static sentence embeddings of ``texts``: ``(len(texts), 256)`` float32."""
    return load().encode(texts)


def tokenize(text: str) -> list[str]:
    """The WordPiece tokens of ``text`` (all-MiniLM-L6-v2's uncased vocabulary; no ``[CLS]``/``[SEP]``)."""
    return load().tokenizer.tokenize(text)
