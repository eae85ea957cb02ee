"""Has this been checked before? Claims matched against an archive of checked claims.

    from pipeline.matching import load_matcher
    matcher = load_matcher("fact_checks.tsv", cache_dir="data/.match_cache")
    matcher.match(["Koalas are now functionally extinct."], top_k=5)
    # [[(1, "a1", 0.97), (2, "a3", 0.02), ...]]  (rank, archive id, score)

The method (``search``) is BM25 for recall, then a logistic reranker over nine pair features
(BM25 of the pair and per field, word coverage both ways, shared numbers, and the cosine of the
static sentence embeddings of ``pipeline.embeddings``). On the CheckThat! 2020 English train
queries (tweets that repeat a Snopes-checked claim), 5-fold cross-validated MAP@5 is 0.888
against 0.648 for a textbook BM25 over claim + title (``benchmarks/claim_matching.py``).

The score is a probability-like number in 0..1, comparable across claims: the reranker was
trained with news sentences as claims that match nothing. Below ``DEFAULT_MIN_SCORE`` (0.1) read
"no match": at 0.1, 84 % of the correct best matches are kept and 1.7 % of ordinary news
sentences get a (wrong) hit (``benchmarks/claim_matching.py threshold``).

Run-time dependencies: numpy, scipy and snowballstemmer.
"""
from __future__ import annotations

from pathlib import Path

from .archive import Archive, ArchiveError, from_records, read_archive
from .cache import load_or_build
from .index import build_index
from .reranker import DEFAULT_MODEL, Reranker
from .search import Matcher

__all__ = ["Archive", "ArchiveError", "DEFAULT_MIN_SCORE", "DEFAULT_TOP_K", "Matcher", "Reranker",
           "from_records", "load_matcher", "read_archive"]

#: a best match scoring below this reads "no match" (README, "Has this been checked before?")
DEFAULT_MIN_SCORE = 0.1
DEFAULT_TOP_K = 5


def load_matcher(archive: Archive | str | Path, cache_dir: str | Path | None = None,
                 model: Reranker | str | Path = DEFAULT_MODEL) -> Matcher:
    """A :class:`Matcher` over ``archive`` (an :class:`Archive` or a file for :func:`read_archive`).
    With ``cache_dir`` the index is cached there and rebuilt only when the archive or the model
    changes; ``matcher.built`` says whether it was built this time."""
    if not isinstance(archive, Archive):
        archive = read_archive(archive)
    reranker = model if isinstance(model, Reranker) else Reranker.load(model)
    encode = None
    if reranker.uses_embeddings:
        from ..embeddings import encode
    if cache_dir is None:
        index, built = build_index(archive, encode), True
    else:
        index, built = load_or_build(archive, Path(cache_dir), reranker, encode)
    return Matcher(index, reranker, encode, built=built)
