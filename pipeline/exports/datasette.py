"""What ``pipeline serve`` tells Datasette about the SQLite export.

Datasette (an optional extra: ``pip install -e '.[serve]'``) browses the
database ``tables_db.write_sqlite`` writes. Its metadata here adds the parts
Datasette cannot infer: facets on the columns one filters claims and quotes
by (speaker, claim type, kind, check-worthiness, and ``about``, a JSON list of
names, as an array facet when the run has it), the document title as the
label of ``doc_id`` links (a claim links to its document), the FTS tables
hidden, and a description naming the run.
"""
from __future__ import annotations

from ..views.explore import Tables

DATABASE = "claimex"
#: table -> facet columns (those present in the run are used)
FACETS = {
    "claims": ("speaker", "claim_type", "check_worthy", "speaker_kind"),
    "quotes": ("speaker", "kind", "speaker_kind"),
    "entities": ("label", "canonical"),
    "documents": ("source", "published"),
    "errors": ("stage", "error"),
}
#: list columns faceted by their items
ARRAY_FACETS = {"claims": ("about",)}
#: what the search box of a table searches (the FTS columns, tables_db.FTS_COLUMNS)
SEARCH_HELP = {"quotes": "Search quotes by their text or speaker", "claims": "Search claims by their text or speaker"}


def metadata(tables: Tables, title: str, description: str) -> dict:
    table_meta: dict = {}
    for table in tables.names:
        columns = set(tables[table].columns)
        meta: dict = {}
        facets: list = [c for c in FACETS.get(table, ()) if c in columns]
        facets += [{"array": c} for c in ARRAY_FACETS.get(table, ()) if c in columns]
        if facets:
            meta["facets"] = facets
        if table == "documents":
            meta["label_column"] = "title"
        if table in SEARCH_HELP:
            meta["description"] = SEARCH_HELP[table] + "; a doc_id links to the document."
        table_meta[table] = meta
        if table in SEARCH_HELP:
            table_meta[f"{table}_fts"] = {"hidden": True}
    return {"title": title, "description": description,
            "databases": {DATABASE: {"tables": table_meta}}}
