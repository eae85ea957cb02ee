"""``pipeline match``: a run's claims against an archive of checked claims."""
from __future__ import annotations

from pathlib import Path

import typer

from ..matching import DEFAULT_MIN_SCORE, DEFAULT_TOP_K
from ..matching.search import check_min_score
from ..matching.table import match_claims
from .app import command, escaped, out_console


@command("match", help="Has this been checked before? Rank every claim of the run in --out against an archive of "
         "checked claims (.tsv, .csv or .jsonl: an id and the claim text per row, optionally title, url, verdict) "
         "and write the claim_matches table. The archive's index is cached in <out>/.match_cache and rebuilt only "
         "when the archive changes.")
def match_cmd(
    against: Path = typer.Option(..., "--against", "-a", help="The archive of checked claims (.tsv, .csv or .jsonl)."),
    top: int = typer.Option(DEFAULT_TOP_K, "--top", "-k", min=1, help="Matches kept per claim, best first."),
    min_score: float = typer.Option(DEFAULT_MIN_SCORE, "--min-score", "-s",
                                    help="Keep matches scoring at least this (0..1; under 0.1 reads 'no match'; "
                                         "0 keeps every one of the top K)."),
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder with the tables (the --out of `pipeline run`)."),
) -> None:
    check_min_score(min_score, "--min-score")  # (one check, which refuses NaN too: typer's range lets it through)
    s = match_claims(out, against, top, min_score)
    index = "built" if s.index_built else "loaded from the cache"
    skipped = f", {s.skipped_rows} rows without text skipped" if s.skipped_rows else ""
    out_console.print(f"archive    {s.archive_rows:>7} checked claims{skipped}, index {index}  {escaped(against)}",
                      highlight=False, soft_wrap=True)
    out_console.print(f"claim_matches {s.rows:>7} rows  {escaped(s.path)}  ({s.seconds:.1f}s): {s.matched} of {s.claims} claims "
                      f"have a match scoring >= {min_score:g}", highlight=False, soft_wrap=True)
