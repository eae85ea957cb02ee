"""What a new generation leaves out of the tables it carries (``left_out``): those computed
from other documents, matches of other claims, and tables that cannot be read.

Every row of every table is read against ``documents.text`` of its ``doc_id``
(``documents.text[start:end] == text``). A run that writes ``documents``
(``pipeline run clean``, or ``run all``) and not every table computed from it
would publish the tables it did not write, from the previous generation, next
to documents they were not computed from: after an article is edited and
``run clean`` alone, ``sentences`` held the old offsets, and ``run quotes``
read them. So when the documents' texts changed (an article added, removed or
edited; compared by a digest of each text, since ``content_hash`` is the
input's and the same input cleaned by other code is other text), those tables
are left out of the new generation, with a note naming the command that makes
them again. Every table that remains belongs to the documents next to it, and
a later stage that needs a table left out stops with exit 5 naming the stage
to run first (``driver.check_inputs``). A carried table that cannot be read at all
(claimex's own, damaged: ``ownership``) is left out too, with a note naming the
command that makes it again.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..registry import producer, stages
from ..schemas import COMMAND_TABLES
from ..errors import TableError
from ..nlp.docs import text_hash
from ..tables import run_command, table_files, table_path
from . import manifest


def from_documents() -> list[str]:
    """The tables computed from ``documents``, in stage order: every later stage's
    (directly or through another table) and those other commands write from a
    run's tables (``claim_matches``)."""
    derived = {"documents"}
    for s in stages():
        if derived & set(s.inputs):
            derived.add(s.output)
    return [s.output for s in stages() if s.output in derived - {"documents"}] + list(COMMAND_TABLES)


def text_digests(folder: Path) -> dict[str, str] | None:
    """``doc_id`` -> a digest of its ``text``, for the documents table in ``folder``
    (None when it cannot be read); read part by part, so memory is one digest a document."""
    digests: dict[str, str] = {}
    try:
        for path in table_files(folder, "documents"):
            with pq.ParquetFile(path) as pf:
                for rb in pf.iter_batches(columns=["doc_id", "text"]):
                    for doc_id, text in zip(rb.column(0).to_pylist(), rb.column(1).to_pylist()):
                        digests[doc_id] = text_hash(text or "")
    except (OSError, pa.ArrowInvalid, KeyError, ValueError):
        return None
    return digests


def stale_tables(out: Path, staging: Path, carried: Iterable[str]) -> tuple[list[str], int]:
    """Of the ``carried`` tables (from ``out``'s published generation into ``staging``,
    which holds the new ``documents``), those computed from documents whose texts
    differ; and how many documents differ (added, removed or edited)."""
    carried = set(carried)
    candidates = [t for t in from_documents() if t in carried and table_files(out, t)]
    if not candidates:
        return [], 0  # nothing to leave out: the documents are not read at all
    old, new = text_digests(out), text_digests(staging)
    if old is None or new is None:
        return candidates, len(new or {})  # earlier documents that cannot be read vouch for nothing
    changed = sum(old.get(d) != h for d, h in new.items()) + len(old.keys() - new.keys())
    return (candidates, changed) if changed else ([], 0)


def stale_note(stale: list[str], changed: int) -> str:
    """One line for the run summary: what was left out, and the command that makes it again."""
    commands = []
    stage_tables = [t for t in stale if producer(t)]
    if stage_tables:
        commands.append(f"`pipeline run all` (or `pipeline run {producer(stage_tables[0])}` next)")
    commands += [f"`{COMMAND_TABLES[t][0]}` again" for t in stale if t in COMMAND_TABLES]
    return (f"{changed:,} document(s) added, removed or edited: {', '.join(stale)} "
            f"{'was' if len(stale) == 1 else 'were'} computed from the earlier documents and "
            f"{'is' if len(stale) == 1 else 'are'} left out; run {' and '.join(commands)}")


def _stale_matches(out: Path, staging: Path, written: set[str]) -> list[str]:
    """``["claim_matches"]`` when this run rewrote the claims with other claims than the ones
    ``pipeline match`` matched: claim ids are numbered per run, so a reordered article would pair
    a claim with another claim's fact-check, and a deleted one leave matches of no claim."""
    if "claims" not in written or not table_path(out, "claim_matches").exists():
        return []
    from ..matching.claim_rows import claims_fingerprint  # (loads the matching package: only when there are matches)

    try:
        same = claims_fingerprint(out) == claims_fingerprint(staging)
    except (TableError, OSError, ValueError):  # the previous claims are unreadable: nothing vouches for the matches
        same = False
    return [] if same else ["claim_matches"]


def damaged_note(why: str, table: str, out: Path) -> str:
    """One line for the run summary: a carried table that cannot be read (``why``) is left out,
    and the command that makes it again."""
    if table in COMMAND_TABLES:
        again = f"`{COMMAND_TABLES[table][0]}` again"
    elif producer(table):
        again = f"`{run_command('all', out)}` (or `{run_command(producer(table), out)}`)"
    else:  # a stage of another package, not registered in this run
        again = "the stage that wrote it again"
    return f"{why}: left out, a damaged table of claimex's; run {again}"


def left_out(out: Path, staging: Path, carried: list[str], written: set[str]
             ) -> tuple[list[str], list[str], dict[str, list[tuple[str, int, int]]]]:
    """(the ``carried`` tables the new generation in ``staging`` leaves out, a note for each reason,
    the part records of the carried tables that can be read: ``manifest.described``).
    A table that cannot be read (a text file or a truncated file at its name, which the check of
    ``--out`` let through as claimex's own, damaged: ``ownership``) is left out, not carried
    (regression: the manifest of the new generation, which reads each table's part files, ended
    the run with an ArrowInvalid traceback). ``claim_matches`` names claims: a run that rewrote
    them (``written``) checks the claims themselves; the other tables, and it otherwise, are
    checked by the documents."""
    records, damaged = manifest.described(out, carried)
    carried = [t for t in carried if t not in damaged]
    matches = [] if "claim_matches" in damaged else _stale_matches(out, staging, written)
    by_documents = [t for t in carried if not ("claims" in written and t in COMMAND_TABLES)]
    stale, changed = stale_tables(out, staging, by_documents) if "documents" in written else ([], 0)
    notes = [damaged_note(why, t, out) for t, why in damaged.items()]
    notes += [stale_note(stale, changed)] if stale else []
    notes += [f"{t} dropped: the claims changed; rerun `pipeline match --against FILE --out {out}`" for t in matches]
    return [*damaged, *stale, *matches], notes, records
