"""The report's actors page (``actors.html``): every person and organisation of the
corpus, from the ``actors`` table, most mentioned first, each linked to its
speaker or entity page. A view of one table; the report (``report.Site``) adds it."""
from __future__ import annotations

import pandas as pd

from .markup import esc

#: rows shown on the page (a large corpus has tens of thousands of actors; the table has all)
MAX_ROWS = 1000
COLUMNS = ["actor", "kind", "label", "mentions", "documents", "quotes", "claims", "claims about it",
           "first published", "last published", "also written as", "roles"]
NUMERIC = {"mentions", "documents", "quotes", "claims", "claims about it"}


def _listed(values, n: int) -> str:
    values = [] if values is None or isinstance(values, float) else list(values)
    more = f" (+{len(values) - n})" if len(values) > n else ""
    return esc(", ".join(str(v) for v in values[:n])) + more


def actor_rows(actors: pd.DataFrame, link) -> list[list[str]]:
    """Table rows of the page; ``link(name)`` is the HTML link (or text) for an actor."""
    rows = []
    for a in actors.head(MAX_ROWS).itertuples(index=False):
        rows.append([link(a.actor), esc(a.kind), esc(a.label), str(a.n_mentions), str(a.n_documents), str(a.n_quotes),
                     str(a.n_claims), str(a.n_about), esc(a.first_published or ""), esc(a.last_published or ""),
                     _listed(a.aliases, 5), _listed(getattr(a, "roles", None), 3)])
    return rows


def actors_body(actors: pd.DataFrame, link, table) -> str:
    """The page's body: a note and the table (``table`` is ``report.html_table``)."""
    shown = f"the {MAX_ROWS:,} most mentioned of {len(actors):,}" if len(actors) > MAX_ROWS else f"all {len(actors):,}"
    return ("<h1>Actors</h1><p class='muted'>Every person and organisation of the corpus under its one name "
            "(the name every table uses), with the other ways the articles write it, the roles they give it, "
            "and how often it is mentioned, quoted, makes claims and is what claims are about: "
            f"{shown} (the <code>actors</code> table).</p>"
            + table(COLUMNS, actor_rows(actors, link), numeric=NUMERIC, empty="no persons or organisations in this run"))
