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

SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "quotes": QUOTES,
    "claims": CLAIMS,
    "errors": ERRORS,
}

#: tables whose rows carry (start, end, text) offsets into documents.text
SPAN_TABLES = ("sentences", "entities", "quotes", "claims")


def schema_for(table: str) -> pa.Schema:
    try:
        return SCHEMAS[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; valid tables: {', '.join(SCHEMAS)}") from None
