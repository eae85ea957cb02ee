"""One registry of stages: name, input tables, output table, function.

``pipeline run all`` walks ``STAGES`` in order; ``pipeline run STAGE`` runs one
entry, reading its inputs from ``<out>``. Each ``run`` adapter is the thin glue
between the runner's context and a pure stage function in ``pipeline.stages``.

How the runner uses an entry (see ``pipeline/runner.py``):

* ``run(ctx)`` is called once per *batch* of documents: ``ctx.table(name)``
  holds only that batch's rows, ``ctx.docs()`` only its parsed Docs. A stage
  must therefore be per-document; anything corpus-wide goes in ``finalize``.
* ``finalize(table) -> table`` (optional) is the *corpus finalize* hook: after
  every batch is written, the runner reads this stage's whole output table
  (all documents of the run, including unchanged ones an incremental run
  kept), calls ``finalize`` and rewrites the table with the result. It must
  return the same rows (same key columns, e.g. ``doc_id``/``ent_id``) and may
  change other columns. Use: one ``canonical`` name per entity across the
  corpus. When ``canonical`` values change, the runner renames the same
  ``(doc_id, old name)`` in the columns that hold canonical names downstream
  (``quotes.speaker``, ``claims.speaker``; ``runner.CANONICAL_REFS``).
* Each batch runs inside ``nlp.memory_zone()``: strings a batch adds to the
  vocab are dropped when it ends. Objects a stage keeps across calls (a cached
  ``Matcher``, hash tables) must be built on first use - the runner warms every
  stage up once per loaded model outside a zone (``runner.warm_up``) - or add
  their strings with ``vocab.strings.add(s, allow_transient=False)``.
* ``needs`` (optional) names the spaCy components the stage reads; the one
  parse runs the union over all stages that read Docs (``None`` = every
  component of the model), the others are disabled. Components in
  ``LAZY_COMPONENTS`` are always disabled in the parse: the stages compute
  their output on demand for the Docs that need it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import pandas as pd

from .canonical import canonical_names
from .stages import claims, clean, entities, quotes, sentences


class StageContext(Protocol):
    """What a stage adapter may use (implemented by ``runner.BatchContext``: the
    tables and Docs of one batch of documents)."""

    def table(self, name: str) -> pd.DataFrame: ...
    def raw_documents(self): ...
    def docs(self): ...
    @property
    def errors(self): ...


@dataclass(frozen=True)
class Stage:
    name: str                 # CLI name: `pipeline run <name>`
    output: str               # table it writes
    inputs: tuple[str, ...]   # tables it reads (written by earlier stages)
    run: Callable[[StageContext], pd.DataFrame]
    needs_docs: bool = False  # reads the one spaCy parse
    implemented: bool = True
    help: str = ""
    #: corpus-wide pass over the whole output table after all batches (see module doc)
    finalize: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    #: spaCy components this stage reads; None = all of the model's components
    needs: tuple[str, ...] | None = None


def _entities_finalize(table: pd.DataFrame) -> pd.DataFrame:
    """Corpus finalize of the entities stage: one canonical name per entity
    across all documents of the run (``pipeline.canonical``, issue 3). The stage
    itself fills ``canonical`` per batch; this pass unifies it over the corpus."""
    return table.assign(canonical=canonical_names(table).to_numpy())


#: Components never run in the one parse because stage code computes what they
#: would set on demand: the lemmatizer walked every token (6-9% of a full run)
#: while only the quotes and claims stages read lemmas, via
#: ``pipeline.lemmas.ensure_lemmas``, which uses the same lemmatizer object
#: (issue 6).
LAZY_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


STAGES: tuple[Stage, ...] = (
    Stage(
        "clean", "documents", (),
        lambda ctx: clean.clean_documents(ctx.raw_documents(), ctx.errors),
        help="read --input, strip site furniture, extract title/dateline/source/published",
    ),
    Stage(
        "sentences", "sentences", ("documents",),
        lambda ctx: sentences.split_sentences(ctx.table("documents"), ctx.docs(), ctx.errors),
        needs_docs=True, help="parse each text once with spaCy and split it into sentences",
    ),
    Stage(
        "entities", "entities", ("documents", "sentences"),
        lambda ctx: entities.extract_entities(ctx.table("documents"), ctx.table("sentences"), ctx.docs(), ctx.errors),
        needs_docs=True, help="named entities with OntoNotes labels and one canonical name per entity",
        finalize=_entities_finalize,
    ),
    Stage(
        "quotes", "quotes", ("documents", "sentences", "entities"),
        lambda ctx: quotes.extract_quotes(ctx.table("documents"), ctx.table("sentences"), ctx.table("entities"), ctx.docs(), ctx.errors),
        needs_docs=True, implemented=getattr(quotes, "IMPLEMENTED", True),
        help="direct and indirect quotes with resolved speakers",
    ),
    Stage(
        "claims", "claims", ("documents", "sentences", "quotes"),
        lambda ctx: claims.classify_claims(ctx.table("documents"), ctx.table("sentences"), ctx.table("quotes"), ctx.docs(), ctx.errors),
        needs_docs=True, implemented=getattr(claims, "IMPLEMENTED", True),
        help="claim type, speaker and check-worthiness per claim",
    ),
)

STAGE_NAMES: tuple[str, ...] = tuple(s.name for s in STAGES)
_BY_NAME = {s.name: s for s in STAGES}
#: which stage writes each table
PRODUCER: dict[str, str] = {s.output: s.name for s in STAGES}


def get_stage(name: str) -> Stage:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; valid stages: all, {', '.join(STAGE_NAMES)}") from None
