"""``claims.cluster_id`` in the views: "who else says this" (explore) and "also said in N
documents" on the report's claim rows, over the hand-made tables."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.views import explore
from pipeline.views.explore import PUBLICATION, Tables
from pipeline.views.report import build_pages

from .report_tables import A, B, handmade_tables


def with_clusters(ids: list) -> Tables:
    t = handmade_tables()
    frames = {name: t[name] for name in t.names}
    frames["claims"] = t.claims.assign(cluster_id=pd.array(ids, dtype="Int64"))
    return Tables(**frames)


@pytest.fixture(scope="module")
def t():
    # claims A0, A1, A2, B0, B1, B2: A0 = B0 (Sekreta / Ryzhenkov), A2 = B2 (the publication's own)
    return with_clusters([0, None, 1, 0, None, 1])


def test_explore_who_else_says_per_actor(t):
    rows = explore.who_else_says(t, "igor sekreta")
    assert rows[["doc_id", "claim_id", "also_doc_id", "also_claim_id", "also_speaker"]].values.tolist() == [
        [A, 0, B, 0, "Maxim Ryzhenkov"]]
    assert rows.loc[0, "also_claim"] == "Ryzhenkov said the West is lost."
    assert rows.loc[0, "also_title"].startswith("(untitled) Ryzhenkov said")


def test_explore_who_else_says_per_claim_and_for_the_publication(t):
    one = explore.who_else_says(t, doc_id=B, claim_id=0)
    assert one[["also_doc_id", "also_claim_id", "also_speaker"]].values.tolist() == [[A, 0, "Igor Sekreta"]]
    own = explore.who_else_says(t, PUBLICATION)
    assert set(zip(own["doc_id"], own["also_doc_id"])) == {(A, B), (B, A)}
    assert len(explore.who_else_says(t)) == 4


@pytest.mark.parametrize("tables", [with_clusters([None] * 6), handmade_tables()], ids=["no clusters", "no column"])
def test_explore_who_else_says_nobody(tables):
    rows = explore.who_else_says(tables, "Igor Sekreta")
    assert rows.empty and "also_speaker" in rows.columns
    assert explore.who_else_says(with_clusters([0, None, 1, 0, None, 1]), "Nobody").empty


def test_explore_claims_with_context_carry_the_cluster(t):
    ctx = explore.claims_with_context(t)
    assert ctx.set_index(["doc_id", "claim_id"])["cluster_id"].to_dict()[(A, 0)] == 0
    assert explore.claims_with_context(handmade_tables())["cluster_id"].isna().all()


def test_report_claim_rows_say_where_else_the_claim_is_made(t):
    pages = build_pages(t)
    doc_a = pages["doc-a1.html"]
    assert "also said in 1 document: <a href='doc-b2.html#claim-0'>(untitled) Ryzhenkov said" in doc_a
    doc_b = pages["doc-b2.html"]
    assert "also said in 1 document: <a href='doc-a1.html#claim-0'>" in doc_b
    assert "<script>alert(1)" not in doc_b and "Belarus &lt;script&gt;alert(1)&lt;/script&gt;" in doc_b
    assert "also said in 1 document" in pages["speaker-igor-sekreta.html"]
    assert doc_a.count("also said in") == 2  # A0 and A2; A1 is made once
    assert "also said in" not in build_pages(handmade_tables())["doc-a1.html"]
