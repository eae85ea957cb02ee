"""The table contract, declared once.

One pyarrow schema per table. Column names and label values are fixed by
``docs/spec.md``: outside tools (pandas, DuckDB, notebooks) read these tables, so a
change here is a breaking change. Extra columns are allowed after the required
ones.
"""
from __future__ import annotations

import pyarrow as pa

CLAIM_TYPES = ("factual", "evaluative", "prescriptive", "predictive")
QUOTE_KINDS = ("direct", "indirect")
#: who a source is (docs/spec.md, quotes.speaker_kind): a named person, a named
#: organisation, a source the article does not name, a document, or not said
SPEAKER_KINDS = ("person", "organisation", "unnamed", "document", "unknown")

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("path", pa.string()),
        pa.field("title", pa.string()),
        pa.field("source", pa.string()),
        pa.field("published", pa.string()),  # ISO YYYY-MM-DD or null
        pa.field("dateline", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        # extras
        pa.field("content_hash", pa.string()),  # sha256 of the input text (+ title/source/published of a record)
        pa.field("n_chars", pa.int64()),
    ]
)

SENTENCES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sent_id", pa.int64(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        # extras
        pa.field("is_heading", pa.bool_()),
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("ent_id", pa.int64(), nullable=False),
        pa.field("sent_id", pa.int64()),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("canonical", pa.string()),
        # extras: a person's title or role at this mention, normalised ("prime minister")
        pa.field("role", pa.string()),
        # extras: the courtesy title right before a person's name ("Mr", "Mrs"), which tells
        # which of two persons a surname is ("Mr. Clinton" beside Hillary Clinton)
        pa.field("courtesy_title", pa.string()),
    ]
)

QUOTES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("quote_id", pa.int64(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),  # QUOTE_KINDS
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("speaker", pa.string()),
        pa.field("speaker_text", pa.string()),
        pa.field("cue", pa.string()),
        # extras: where the speaker mention and cue sit (null when absent)
        pa.field("speaker_start", pa.int64()),
        pa.field("speaker_end", pa.int64()),
        pa.field("cue_start", pa.int64()),
        pa.field("cue_end", pa.int64()),
        pa.field("sent_id", pa.int64()),
        pa.field("speaker_kind", pa.string()),  # SPEAKER_KINDS
        # the role a source is named by when the article ties it to no person ("prime minister")
        pa.field("speaker_role", pa.string()),
    ]
)

CLAIMS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("claim_id", pa.int64(), nullable=False),
        pa.field("sent_id", pa.int64(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("claim_type", pa.string(), nullable=False),  # CLAIM_TYPES
        pa.field("speaker", pa.string()),
        pa.field("quote_id", pa.int64()),
        pa.field("check_worthy", pa.bool_(), nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("speaker_kind", pa.string()),            # SPEAKER_KINDS
        pa.field("about", pa.list_(pa.string())),         # canonical names the content is about
        pa.field("content_start", pa.int64()),            # the asserted content, without "X said that"
        pa.field("content_end", pa.int64()),
        # extras
        # the calibrated score behind check_worthy (0..1), for ranking and own cut-offs;
        # the stage always fills it (nullable so that tables built without it still conform)
        pa.field("check_worthy_score", pa.float64()),
        pa.field("cluster_id", pa.int64()),  # the same id for the same assertion in other documents
    ]
)

ACTORS = pa.schema(
    [
        pa.field("actor", pa.string(), nullable=False),   # the canonical name every table uses
        pa.field("kind", pa.string(), nullable=False),    # person | organisation
        pa.field("label", pa.string()),                   # OntoNotes label (most frequent)
        pa.field("aliases", pa.list_(pa.string())),       # distinct mentions as written, most frequent first
        pa.field("n_mentions", pa.int64(), nullable=False),
        pa.field("n_documents", pa.int64(), nullable=False),
        pa.field("n_quotes", pa.int64(), nullable=False),
        pa.field("n_claims", pa.int64(), nullable=False),   # as speaker
        pa.field("n_about", pa.int64(), nullable=False),    # claims about it
        pa.field("first_published", pa.string()),
        pa.field("last_published", pa.string()),
        # extras: the roles the corpus gives a person ("prime minister"), most frequent first
        pa.field("roles", pa.list_(pa.string())),
    ]
)

ERRORS = pa.schema(
    [
        pa.field("doc_id", pa.string()),
        pa.field("path", pa.string()),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("error", pa.string(), nullable=False),
        pa.field("detail", pa.string()),
    ]
)

CLAIM_MATCHES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("claim_id", pa.int64(), nullable=False),
        pa.field("rank", pa.int64(), nullable=False),  # 1 = best
        pa.field("match_id", pa.string(), nullable=False),
        pa.field("match_text", pa.string(), nullable=False),
        pa.field("score", pa.float64(), nullable=False),  # 0..1; under 0.1 reads "no match"
        # extras: from the archive, when it has them
        pa.field("match_title", pa.string()),
        pa.field("match_url", pa.string()),
        pa.field("match_verdict", pa.string()),
    ]
)

#: the tables ``pipeline run`` writes (the registry's stages, then errors)
SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "quotes": QUOTES,
    "claims": CLAIMS,
    "actors": ACTORS,
    "errors": ERRORS,
}

#: tables that other commands write into a run's tables folder: table -> (the command, its
#: schema); the views read them when present (``views.explore.load_tables``)
COMMAND_TABLES: dict[str, tuple[str, pa.Schema]] = {"claim_matches": ("pipeline match", CLAIM_MATCHES)}

#: tables whose rows carry (start, end, text) offsets into documents.text
SPAN_TABLES = ("sentences", "entities", "quotes", "claims")


def schema_for(table: str) -> pa.Schema:
    if table in SCHEMAS:
        return SCHEMAS[table]
    if table in COMMAND_TABLES:
        return COMMAND_TABLES[table][1]
    raise KeyError(f"unknown table {table!r}; valid tables: {', '.join([*SCHEMAS, *COMMAND_TABLES])}")


#: what marks a folder as claimex's own output, so that a run never reads it as articles: the
#: generations of a tables folder (``runner.store``) and the marker file of a report site
#: (``views.report``)
STORE_DIR = "_claimex"
SITE_MARKER = ".claimex-report"
