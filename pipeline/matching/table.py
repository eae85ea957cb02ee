"""``pipeline match``'s work: a run's claims in, the ``claim_matches`` table out.

The claims are streamed from ``<out>/claims.parquet`` in record batches and the rows written as
Parquet parts that are published together when the last claim is matched (``tables.PartWriter``:
an interrupted match leaves the previous ``claim_matches`` whole), so memory stays bounded by
one batch of claims whatever the corpus size. The archive's index is cached in
``<out>/.match_cache/``.

``claim_matches`` names claims by (doc_id, claim_id), which a run numbers anew: a run that
changes the claims (``claim_rows.claims_fingerprint``) drops the table (``runner.driver``), and
``pipeline match`` is run again.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import OutputError
from ..runner.ownership import foreign_at, partitioned, refusal
from ..runner.store import TableStore
from ..tables import MissingTableError, PartWriter, check_tables_folder, table_path
from . import DEFAULT_MIN_SCORE, DEFAULT_TOP_K, load_matcher, read_archive
from .search import check_min_score
from .claim_rows import claim_texts

CACHE_FOLDER = ".match_cache"
#: claim_matches rows per Parquet part
PART_ROWS = 50_000


@dataclass
class MatchSummary:
    path: Path
    rows: int
    claims: int
    matched: int          # claims with at least one row
    archive_rows: int
    skipped_rows: int     # archive rows without claim text or title
    index_built: bool     # False: loaded from the cache
    seconds: float


def check_run_folder(out_dir: Path) -> None:
    """Stop with one line when ``out_dir`` holds no run to match: a file (exit 6), or a folder
    without a run's tables, missing or empty (exit 5), or claims written as a folder of
    partition folders (exit 6: ``ownership.partitioned``), or a ``claim_matches`` that is not
    claimex's to replace (exit 6, as the run refuses it: ``ownership.foreign_at``). A run's
    folder without the claims table is left to ``claim_texts``, which names the stage to run."""
    check_tables_folder(out_dir)
    if not any(table_path(out_dir, t).exists() for t in ("documents", "claims")):
        where = "does not exist" if not out_dir.exists() else "holds no run's tables"
        raise MissingTableError(f"--out {out_dir} {where}: run `pipeline run all --out {out_dir}` first, "
                                "then `pipeline match`")
    why = partitioned(out_dir, "claims", "`pipeline match` reads")
    if why:  # regression: its claims were read as none, and claim_matches written empty
        raise OutputError(f"--out {out_dir}: claims.parquet is {why}")
    # what the run refuses to replace at claim_matches' name, match does not replace either
    # (regression: a user's claim_matches.parquet, file or folder, was replaced without a word)
    found = foreign_at(out_dir, "claim_matches")
    if found:
        raise OutputError(refusal(out_dir, found))


def match_claims(out_dir: Path, archive_path: Path, top_k: int = DEFAULT_TOP_K,
                 min_score: float | None = DEFAULT_MIN_SCORE) -> MatchSummary:
    """Match every claim of the run in ``out_dir`` against the archive file and write
    ``claim_matches``: up to ``top_k`` rows per claim, each scoring at least ``min_score``."""
    t0 = time.perf_counter()
    check_min_score(min_score)
    out_dir = Path(out_dir)
    check_run_folder(out_dir)
    archive = read_archive(archive_path)
    # a run publishing new claims meanwhile would be matched against the old ones, and its
    # check of claim_matches (``runner.driver``) would miss this table: one writer at a time
    with TableStore(out_dir).lock():
        return _match_claims(out_dir, archive, top_k, min_score, t0)


def _match_claims(out_dir: Path, archive, top_k: int, min_score: float | None, t0: float) -> MatchSummary:
    claims = claim_texts(out_dir)
    first = next(claims, None)  # the claims table is checked before the index is built
    matcher = load_matcher(archive, cache_dir=out_dir / CACHE_FOLDER)
    writer = PartWriter(out_dir, "claim_matches")
    n_claims, matched, buf = 0, 0, []
    try:
        def counted():
            nonlocal n_claims
            if first is not None:
                n_claims += 1
                yield first
                for claim in claims:
                    n_claims += 1
                    yield claim

        for row in matcher.claim_match_rows(counted(), top_k, min_score=min_score):
            matched += row["rank"] == 1
            buf.append(row)
            if len(buf) >= PART_ROWS:
                writer.write(pd.DataFrame(buf))
                buf = []
        if buf:
            writer.write(pd.DataFrame(buf))
        path = writer.commit()
    except BaseException:
        writer.abort()
        raise
    return MatchSummary(path, writer.n_rows, n_claims, matched, len(archive), archive.skipped,
                        matcher.built, time.perf_counter() - t0)
