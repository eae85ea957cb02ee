"""The stage registry: the one place a stage's facts live.

Each :class:`Stage` names its pure function and everything the runner, the
CLI, ``pipeline eval``, the explore views and the report need to know about
it; none of them keeps a list of its own. ``pipeline run all`` walks
:func:`stages` in order; ``pipeline run STAGE`` runs one entry, reading its
inputs from ``<out>``.

A stage function is pure: DataFrames and the parse in, a DataFrame out. Its
**parameters say what it reads**, by name:

* a table name (``documents``, ``sentences``, ... any stage's output): that
  table's rows for the batch's documents; these names are the stage's
  ``inputs``;
* ``docs``: ``{doc_id: spacy Doc}``, the one parse of the batch's documents;
* ``raw``: the batch's input documents (``inputs.readers.RawDocument``; only
  the first stage reads them);
* ``errors``: an ``ErrorLog`` for per-document failures and warnings;
* ``model``: what the stage's ``setup()`` returned.

How the runner uses an entry (``pipeline/runner/``):

* ``setup()`` (optional) loads what the stage needs (a trained model) once per
  process, before the first batch and outside the per-document error guard: a
  broken model file stops the run with one line instead of failing every
  document one by one.
* The function is called once per *batch* of documents, so it must be
  per-document; anything corpus-wide goes in ``finalize``.
* ``finalize(table, **tables) -> table`` (optional) runs after every batch is
  written, over the stage's whole output table (rows sorted by the table's
  key), in stage order. Its further parameters name other whole tables it
  reads (``resolve_roles(quotes, entities)``: the entities' final canonical
  names and roles). It must return the same rows and may change other columns
  (one ``canonical`` name per entity across the corpus).
* ``finalize_features(table) -> {column: values}`` (optional) is the part of the
  finalize that needs no other row: it runs per batch, where the work is parallel,
  on the stage's rows of the batch, and its columns (named ``_...``, private to
  the run) are kept in the run's part files for the finalize to read and never
  published. Rows without them (documents reused by an incremental run) are
  the finalize's to compute: the features speed it up and change nothing else
  (``cluster_features``: each claim's words, numbers and negations).
* ``corpus=True`` makes a **corpus stage**: its function is called once per run,
  after every batch and every finalize, with the whole tables its parameters
  name (tables only: no ``docs``, ``raw``), and returns its whole table, which
  is written and published like every other (``actors``: one row per person or
  organisation of the corpus). ``columns`` limits what it reads of a table
  (``{"documents": ("doc_id", "published")}``), so its memory is bounded by the
  tables it reads, never by the corpus text; ``pipeline run <name>`` reruns it
  from the tables in ``<out>``.
* ``canonical_columns`` are the output columns that hold canonical entity
  names. When a finalize changes names in its own ``canonical_columns``, the
  runner carries each ``(doc_id, old name) -> new name`` into the tables of
  every later stage (a string, or a list of names), into the columns that hold
  that kind of name (``rename_targets``): names flow downstream, as the tables
  were derived.
* ``components`` are modules that add a spaCy component to the one parse
  (``add_to_pipeline(nlp)``; ``RESOURCES`` names the word lists it reads):
  they and their word lists make up the parse cache key.
* ``score(tables, gold) -> StageReport | None`` (optional) scores the stage's
  table against the gold set for ``pipeline eval``.
* A batch may run inside ``nlp.memory_zone()`` (when it could take the strings
  its process keeps past ``runner.batch.KEPT_STRINGS``): objects a stage keeps across calls (a
  cached ``Matcher``) must be built on first use - the runner warms every stage
  up once per loaded model outside a zone (``runner.batch.warm_up``).

A new stage is one :func:`register` call (plus its schema and function); see
``docs/architecture.md``.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import cached_property
from types import ModuleType
from typing import Any, Callable

import pandas as pd
import pyarrow as pa

from . import schemas
from .errors import UsageError
from .nlp.loader import DEFAULT_MODEL, load_nlp
from .stages import actors, claims, clean, entities, quotes, sentences
from .stages.actors import stage as actors_stage
from .stages.claims import score as claims_score
from .stages.claims.about import sync_sources
from .stages.claims.stage import setup as claims_setup
from .stages.claims.clusters import cluster_features, cluster_ids
from .stages.clean import score as clean_score
from .stages.entities import rules as entity_rules
from .stages.entities import score as entities_score
from .stages.entities.canonical import canonical_names
from .stages.quotes import score as quotes_score
from .stages.quotes.roles import resolve_roles
from .stages.sentences import rules as sentence_rules
from .stages.sentences import score as sentences_score

#: parameter names of a stage function that are not tables (module doc)
CONTEXT_PARAMETERS = ("docs", "raw", "errors", "model")


@dataclass(frozen=True)
class Stage:
    name: str                                   # CLI name: `pipeline run <name>`
    output: str                                 # table it writes
    function: Callable[..., pd.DataFrame]       # the pure stage function (module doc)
    schema: pa.Schema                           # of the output table
    help: str = ""
    setup: Callable[[], Any] | None = None      # loads models once per process
    finalize: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    finalize_features: Callable[[pd.DataFrame], dict] | None = None  # per batch, for the finalize
    canonical_columns: tuple[str, ...] = ()     # output columns holding canonical names
    components: tuple[ModuleType, ...] = ()     # spaCy components added to the one parse
    score: Callable[..., Any] | None = None     # for `pipeline eval`
    corpus: bool = False                        # called once over whole tables (module doc)
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # corpus stage: columns read per table
    parameters: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        params = tuple(inspect.signature(self.function).parameters)
        object.__setattr__(self, "parameters", params)
        if self.corpus and set(params) & {"docs", "raw", "model"}:
            raise UsageError(f"corpus stage {self.name!r} may read whole tables only, not "
                             f"{', '.join(sorted(set(params) & {'docs', 'raw', 'model'}))}")

    @cached_property
    def finalize_inputs(self) -> tuple[str, ...]:
        """Other whole tables the ``finalize`` reads: its parameters after the first."""
        if self.finalize is None:
            return ()
        return tuple(inspect.signature(self.finalize).parameters)[1:]

    @cached_property
    def inputs(self) -> tuple[str, ...]:
        """Tables the function reads: its parameters that are not context."""
        return tuple(p for p in self.parameters if p not in CONTEXT_PARAMETERS)

    @property
    def needs_docs(self) -> bool:
        return "docs" in self.parameters


def _entities_finalize(table: pd.DataFrame) -> pd.DataFrame:
    """One canonical name per entity across all documents of the run
    (``stages.entities.canonical``); the stage itself names them per batch."""
    return table.assign(canonical=canonical_names(table).to_numpy())


def _claims_finalize(claims: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """A claim drawn from a quote takes the quote's corpus-wide speaker (``claims.about``);
    then ``cluster_id``, the same id for the same assertion in different documents
    (``stages.claims.clusters``): both need every document."""
    claims = sync_sources(claims, quotes)
    return claims.assign(cluster_id=cluster_ids(claims))


_STAGES: list[Stage] = [
    Stage("clean", "documents", clean.clean_documents, schemas.DOCUMENTS,
          help="read --input, strip site furniture, extract title/dateline/source/published",
          score=clean_score.score),
    Stage("sentences", "sentences", sentences.split_sentences, schemas.SENTENCES,
          help="parse each text once with spaCy and split it into sentences",
          components=(sentence_rules,), score=sentences_score.score),
    Stage("entities", "entities", entities.extract_entities, schemas.ENTITIES,
          help="named entities with OntoNotes labels and one canonical name per entity",
          finalize=_entities_finalize, canonical_columns=("canonical",), components=(entity_rules,),
          score=entities_score.score),
    Stage("quotes", "quotes", quotes.extract_quotes, schemas.QUOTES,
          help="direct and indirect quotes with resolved speakers",
          finalize=resolve_roles, canonical_columns=("speaker",), score=quotes_score.score),
    Stage("claims", "claims", claims.classify_claims, schemas.CLAIMS,
          help="claim type, speaker, check-worthiness and what each claim is about",
          setup=claims_setup, finalize=_claims_finalize, finalize_features=cluster_features,
          canonical_columns=("speaker", "about"),
          score=claims_score.score),
    Stage("actors", "actors", actors.build_actors, schemas.ACTORS,
          help="one row per person or organisation of the corpus, with aliases and counts",
          corpus=True, columns=actors_stage.COLUMNS),
]


def stages() -> tuple[Stage, ...]:
    """The registered stages, in run order."""
    return tuple(_STAGES)


def stage_names() -> tuple[str, ...]:
    return tuple(s.name for s in _STAGES)


def get_stage(name: str) -> Stage:
    for s in _STAGES:
        if s.name == name:
            return s
    raise UsageError(f"unknown stage {name!r}; valid stages: all, {', '.join(stage_names())}")


def producer(table: str) -> str | None:
    """The stage that writes ``table`` (None for the runner's own ``errors``)."""
    return next((s.name for s in _STAGES if s.output == table), None)


def tables() -> tuple[str, ...]:
    """Every table a run writes, in stage order, then ``errors``."""
    return (*(s.output for s in _STAGES), "errors")


#: the entities' column of canonical names: every canonical column holds those names
ENTITY_NAMES = "canonical"


def rename_targets(stage: Stage) -> dict[str, tuple[str, ...]]:
    """table of a later stage -> its canonical columns that the renames of ``stage``'s
    finalize reach: a column of the same name (a speaker's name renames speakers), and
    for the entities' canonical names every canonical column (an entity's name is a
    speaker's, or what a claim is about). A speaker the quotes' corpus pass named from
    a role, or gave back to it, is no entity: the rename never reaches ``about``, where
    it turned a claim about the person into one about the role (an incremental rerun
    whose corpus no longer named the role's holder)."""
    out = {}
    for later in _STAGES[_STAGES.index(stage) + 1:]:
        cols = tuple(c for c in later.canonical_columns
                     if c in stage.canonical_columns or ENTITY_NAMES in stage.canonical_columns)
        if cols:
            out[later.output] = cols
    return out


def parse_components() -> tuple[ModuleType, ...]:
    """The modules that add the stages' components to the one parse, in stage order."""
    return tuple(c for s in _STAGES for c in s.components)


def load_pipeline(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline of the one parse: ``model`` plus every stage's components."""
    return load_nlp(model, parse_components())


def register(stage: Stage, *, after: str | None = None) -> Stage:
    """Add a stage (last, or right after stage ``after``), with its output
    table's schema. Its inputs must be tables that earlier stages write."""
    if any(s.name == stage.name for s in _STAGES):
        raise UsageError(f"a stage named {stage.name!r} is registered already")
    if stage.output in tables():
        raise UsageError(f"table {stage.output!r} is written by stage {producer(stage.output)!r} already")
    at = len(_STAGES) if after is None else [s.name for s in _STAGES].index(get_stage(after).name) + 1
    known = {s.output for s in _STAGES[:at]}
    missing = [t for t in stage.inputs if t not in known]
    if missing:
        raise UsageError(f"stage {stage.name!r} reads {', '.join(map(repr, missing))}, which no earlier stage "
                         f"writes; parameters must be tables ({', '.join(sorted(known))}) or one of "
                         f"{', '.join(CONTEXT_PARAMETERS)}")
    _STAGES.insert(at, stage)
    schemas.SCHEMAS[stage.output] = stage.schema
    return stage


def unregister(name: str) -> None:
    """Remove a stage added with :func:`register` (tests, plugins)."""
    stage = get_stage(name)
    _STAGES.remove(stage)
    schemas.SCHEMAS.pop(stage.output, None)
