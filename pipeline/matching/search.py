"""Matching claims against an indexed archive: BM25 candidates, then the logistic reranker.

1. Candidates: the ``n_candidates`` (50) entries with the highest BM25 over claim + title that
   share a word with the claim, plus the ``emb_candidates`` (10) with the highest embedding
   cosine that BM25 did not propose (recall of the gold claim on the CheckThat! 2020 train
   queries: 0.966 -> 0.981).
2. Features of each (claim, candidate) pair (``FEATURES``): BM25 of the pair and of each field,
   idf-weighted coverage of the candidate's terms by the claim and of the claim's terms by the
   candidate, numbers shared / numbers of the candidate the claim lacks / both have numbers, and
   the embedding cosine of the claim with the candidate's claim + title.
3. Score: the reranker's logistic probability (0..1); hits sorted by score, ties in file order.

Memory is bounded by the batch: ``auto_batch`` keeps the dense (batch x archive) score block near
16 M floats (64 MB), so any number of claims streams through at a constant cost beyond the index.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import numpy as np
import scipy.sparse as sp

from ..errors import UsageError
from .index import Encode, Index, binary_rows
from .reranker import Reranker
from .text import clean_text, numbers, tokens

#: every feature this module computes (a reranker names the ones it uses)
FEATURES = ("bm25", "bm25_vc", "bm25_ti", "cov_cand", "cov_query", "num_ov", "num_cand_miss", "num_both",
            "emb_both")
_WORD_FEATURES = ("bm25_vc", "bm25_ti", "cov_cand", "cov_query")
_NUMBER_FEATURES = ("num_ov", "num_cand_miss", "num_both")

#: (rank, match_id, score) of one hit, rank 1 = best
Hit = tuple[int, str, float]


def auto_batch(n_entries: int) -> int:
    """Claims per batch: the dense (batch x entries) float32 blocks stay near 16 M values."""
    return int(max(16, min(2048, 16_000_000 // max(n_entries, 1))))


def check_min_score(min_score: float | None, name: str = "min_score") -> None:
    """``UsageError`` unless ``min_score`` is None or a number from 0 to 1 (``name``: the option
    or argument, as the message shows it). NaN is refused too: every comparison with it is false,
    so it kept every hit."""
    if min_score is not None and not 0 <= min_score <= 1:
        raise UsageError(f"{name} {min_score}: choose a score from 0 to 1 (under 0.1 reads 'no match'; "
                         "0 keeps every one of the top K)")


def top_columns(S: np.ndarray, n: int, floor: float | None = None, block: int = 64) -> np.ndarray:
    """Column indices of the n largest values of each row of S, best first, ties -> lower index;
    -1 pads rows with fewer than n values above ``floor``. A full per-row partition is slow in
    numpy 2 on rows with many equal values (BM25 zeros: 4.7 s for a 1,250 x 10k block); the n-th
    largest of the row's block maxima bounds the n-th largest value from below, so only the
    values at or above it are sorted (~0.1 s)."""
    rows, width = S.shape
    n = min(n, width)
    n_blocks = -(-width // block)
    if n_blocks >= n and n > 0:
        block_max = np.maximum.reduceat(S, np.arange(0, width, block), axis=1)
        th = np.partition(block_max, n_blocks - n, axis=1)[:, n_blocks - n]
    else:
        th = np.full(rows, -np.inf, dtype=S.dtype)
    if floor is not None:
        th = np.maximum(th, floor)
    r, c = np.nonzero(S >= th[:, None])
    order = np.lexsort((c, -S[r, c], r))
    r, c = r[order], c[order]
    rank = np.arange(len(r)) - np.searchsorted(r, np.arange(rows))[r]
    keep = rank < n
    out = np.full((rows, max(n, 0)), -1, dtype=np.int64)
    out[r[keep], rank[keep]] = c[keep]
    return out


def _query_lookup(Q: sp.csr_matrix, ncols: int):
    """A dense (B x U) block of Q over the U columns its rows use, and a column -> local id table."""
    used, inv = np.unique(Q.indices, return_inverse=True)
    lut = np.full(ncols, -1, dtype=np.int64)
    lut[used] = np.arange(len(used))
    dense = np.zeros((Q.shape[0], max(len(used), 1)), dtype=np.float32)
    dense[np.repeat(np.arange(Q.shape[0]), np.diff(Q.indptr)), inv] = Q.data
    return dense, lut


def _pair_dots(dense, lut, D: sp.csr_matrix, qi, dj, datas) -> list[np.ndarray]:
    """Row-wise dot products of the query block (dense, lut) with D's rows dj, for each array of
    ``datas`` (aligned with D.data). Cost: the nonzeros of those D rows (a row-gathered
    ``csr.multiply`` was 30x slower)."""
    starts = D.indptr[dj]
    lens = D.indptr[dj + 1] - starts
    offs = np.zeros(len(dj) + 1, dtype=np.int64)
    np.cumsum(lens, out=offs[1:])
    pos = np.repeat(starts - offs[:-1], lens) + np.arange(int(lens.sum()), dtype=np.int64)
    pair = np.repeat(np.arange(len(dj), dtype=np.int64), lens)
    loc = lut[D.indices[pos]]
    ok = loc >= 0
    qv = np.zeros(len(pos), dtype=np.float32)
    qv[ok] = dense[qi[pair[ok]], loc[ok]]
    return [np.bincount(pair, weights=qv * data[pos], minlength=len(dj)) for data in datas]


_PAIRS_PER_CHUNK = 1 << 15


def _pair_cosines(Eq: np.ndarray, E: np.ndarray, qi: np.ndarray, dj: np.ndarray) -> np.ndarray:
    """float64 dot products of the query and entry vectors of each pair (qi[k], dj[k]), in
    chunks of pairs; each is summed alone, so a pair's value does not depend on the batch."""
    out = np.empty(len(qi), dtype=np.float64)
    for k in range(0, len(qi), _PAIRS_PER_CHUNK):
        q, d = qi[k:k + _PAIRS_PER_CHUNK], dj[k:k + _PAIRS_PER_CHUNK]
        out[k:k + len(q)] = np.einsum("ij,ij->i", Eq[q].astype(np.float64), E[d].astype(np.float64))
    return out


@dataclass
class Matcher:
    """An indexed archive and the model that scores pairs; ``encode`` embeds claims (or None
    for a reranker without embedding features)."""

    index: Index
    reranker: Reranker
    encode: Encode | None = None
    built: bool = False  # the index was built (not loaded from a cache) when this matcher was made

    def __post_init__(self):
        unknown = [f for f in self.reranker.features if f not in FEATURES]
        if unknown:
            raise ValueError(f"the reranker uses unknown features {unknown}; known: {', '.join(FEATURES)}")
        if self.reranker.uses_embeddings and (self.encode is None or self.index.E is None):
            raise ValueError("the reranker uses embeddings: build the index with an encode function and pass it")
        self._row_of = None

    def features(self, texts: Sequence[str], n_cand: int | None = None, emb_cand: int | None = None,
                 need: Sequence[str] | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Candidates (B, K) of indexed entries (-1 = padding), BM25 order, and the features of the
        B*K pairs (``need``: the features to compute, default the reranker's)."""
        index = self.index
        n_cand = self.reranker.n_candidates if n_cand is None else n_cand
        emb_cand = self.reranker.emb_candidates if emb_cand is None else emb_cand
        need = set(self.reranker.features if need is None else need)
        cleaned = [clean_text(t) for t in texts]
        Q = binary_rows([set(tokens(x)) for x in cleaned], index.vocab, index.n_terms)
        S = (Q @ index.W.T).toarray()  # (B, n) BM25 of each pair, float32
        rows = np.arange(S.shape[0])
        cand = top_columns(S, n_cand, floor=1e-9)  # entries sharing a term with the claim
        Eq = None
        if self.encode is not None and index.E is not None and ("emb_both" in need or emb_cand):
            Eq = np.asarray(self.encode(cleaned), dtype=np.float32)
            if emb_cand:
                Se = Eq @ index.E32().T  # (B, n) cosine of each pair: the embedding candidates
                merged = np.concatenate([cand, top_columns(Se, emb_cand)], 1)
                del Se  # (B, n), like S: only the candidates were wanted from it
                merged.sort(axis=1)
                dup = np.zeros_like(merged, dtype=bool)
                dup[:, 1:] = (merged[:, 1:] == merged[:, :-1]) & (merged[:, 1:] >= 0)
                cand = np.where(dup, -1, merged)
        cand.sort(axis=1)  # ties -> file order (padding first)
        valid = cand >= 0
        bm = np.where(valid, np.take_along_axis(S, np.maximum(cand, 0), 1), -1.0).astype(np.float64)
        order = np.argsort(-bm, axis=1, kind="stable")
        cand = np.take_along_axis(cand, order, 1)
        bm = np.take_along_axis(bm, order, 1)
        qi = np.repeat(rows, cand.shape[1])
        dj = np.maximum(cand, 0).ravel()
        F: dict[str, np.ndarray] = {"bm25": bm.ravel()}
        del S
        word = [f for f in _WORD_FEATURES if f in need]
        if word:
            dense, lut = _query_lookup(Q, index.n_terms)
            datas = {"bm25_vc": index.b_wvc, "bm25_ti": index.b_wti, "cov_cand": index.b_cov,
                     "cov_query": index.b_idf()}
            F.update(zip(word, _pair_dots(dense, lut, index.B, qi, dj, [datas[f] for f in word])))
            if "cov_query" in F:
                q_idf = np.asarray(Q @ index.idf.astype(np.float32)).ravel()
                F["cov_query"] = F["cov_query"] / np.maximum(q_idf[qi], 1e-9)
        if any(f in need for f in _NUMBER_FEATURES):
            Nq = binary_rows([numbers(x) for x in cleaned], index.num_vocab, index.N_d.shape[1])
            nq = np.asarray(Nq.sum(1)).ravel()[qi]
            nd = np.asarray(index.N_d.sum(1)).ravel()[dj]
            dense, lut = _query_lookup(Nq, Nq.shape[1])
            shared = _pair_dots(dense, lut, index.N_d, qi, dj, [index.N_d.data])[0]
            F["num_ov"] = shared
            F["num_cand_miss"] = nd - shared
            F["num_both"] = ((nq > 0) & (nd > 0)).astype(np.float64)
        if Eq is not None and "emb_both" in need:
            # each pair's cosine, from its two vectors alone: the (B, n) product above
            # rounds in float32 as the BLAS kernel for the batch's shape does, which moved
            # scores in their sixth decimal from one batch size to another
            F["emb_both"] = _pair_cosines(Eq, index.E32(), qi, dj)
        return cand, F

    def _batch(self, texts: list[str], top_k: int, min_score: float | None) -> list[list[Hit]]:
        cand, F = self.features(texts)
        B, N = cand.shape
        s = np.where(cand >= 0, self.reranker.score(F).reshape(B, N), -1.0)
        k = min(N, top_k)
        if k == 0:
            return [[] for _ in texts]
        part = np.argpartition(-s, k - 1, axis=1)[:, :k] if k < N else np.tile(np.arange(N), (B, 1))
        ps = np.take_along_axis(s, part, 1)
        pc = np.take_along_axis(cand, part, 1)
        order = np.lexsort((pc, -ps), axis=1)  # score desc, ties -> file order
        ps = np.take_along_axis(ps, order, 1).tolist()
        pc = np.take_along_axis(pc, order, 1).tolist()
        out = []
        for i, text in enumerate(texts):
            hits: list[Hit] = []
            if text.strip():
                for j in range(k):
                    score = ps[i][j]
                    if score < 0 or (min_score is not None and score < min_score):
                        break
                    row = self.index.members[pc[i][j]][0]
                    hits.append((len(hits) + 1, self.index.ids[row], round(score, 6)))
            out.append(hits)
        return out

    def iter_match(self, texts: Iterable[str], top_k: int = 5, *, min_score: float | None = None,
                   batch_size: int | None = None) -> Iterator[list[Hit]]:
        """For each text, in order, its best ``top_k`` hits scoring at least ``min_score`` (0..1).
        ``texts`` is a list (or any iterable) of claims; one string is refused (``UsageError``):
        it would be matched character by character."""
        if isinstance(texts, str):
            raise UsageError(f"texts is one string ({texts[:40]!r}), not a list of claims; pass [text] to "
                             "match one claim")
        check_min_score(min_score)  # now, not at the first hit the caller asks for
        return self._iter_match(texts, top_k, min_score, batch_size)

    def _iter_match(self, texts: Iterable[str], top_k: int, min_score: float | None,
                    batch_size: int | None) -> Iterator[list[Hit]]:
        size = batch_size or auto_batch(len(self.index))
        buf: list[str] = []
        for t in texts:
            buf.append("" if t is None else str(t))
            if len(buf) >= size:
                yield from self._batch(buf, top_k, min_score)
                buf = []
        if buf:
            yield from self._batch(buf, top_k, min_score)

    def match(self, texts: Sequence[str], top_k: int = 5, **kw) -> list[list[Hit]]:
        """The hits of each claim of the list ``texts``, as ``iter_match``: ``match([text])[0]`` for one."""
        return list(self.iter_match(texts, top_k, **kw))

    def row_of(self, match_id: str) -> int:
        if self._row_of is None:
            self._row_of = {x: i for i, x in enumerate(self.index.ids)}
        return self._row_of[match_id]

    def claim_match_rows(self, claims: Iterable[tuple], top_k: int = 5, *, min_score: float | None = None,
                         batch_size: int | None = None) -> Iterator[dict]:
        """Rows of ``claim_matches``, streamed: ``claims`` yields (doc_id, claim_id, text); each claim
        gives up to ``top_k`` rows (doc_id, claim_id, rank, match_id, match_text, score, and
        match_title / match_url / match_verdict)."""
        keys: deque = deque()  # claims read but not answered yet: at most one batch

        def texts():
            for doc_id, claim_id, text in claims:
                keys.append((doc_id, claim_id))
                yield text

        ix = self.index
        for hits in self.iter_match(texts(), top_k, min_score=min_score, batch_size=batch_size):
            doc_id, claim_id = keys.popleft()
            for rank, match_id, score in hits:
                r = self.row_of(match_id)
                yield {"doc_id": doc_id, "claim_id": claim_id, "rank": rank, "match_id": match_id,
                       "match_text": ix.claims[r], "score": score, "match_title": ix.titles[r] or None,
                       "match_url": ix.urls[r], "match_verdict": ix.verdicts[r]}
