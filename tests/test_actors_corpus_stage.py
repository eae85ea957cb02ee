"""The actors table (docs/spec.md) and corpus stages (registry ``corpus=True``):
called once per run over whole tables, written and published like every table."""
from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pytest

from pipeline import registry
from pipeline.errors import UsageError
from pipeline.stages.actors import build_actors
from pipeline.tables import read_table


def _tables():
    documents = pd.DataFrame([dict(doc_id="a", published="2005-01-02"), dict(doc_id="b", published="2005-03-04"),
                              dict(doc_id="c", published=None)])
    entities = pd.DataFrame([
        ("a", "Blair", "PERSON", "Tony Blair", "prime minister"), ("a", "Tony Blair", "PERSON", "Tony Blair", None),
        ("b", "Mr Blair", "PERSON", "Tony Blair", None), ("a", "Tories", "NORP", "Conservative Party", None),
        ("b", "Conservative Party", "ORG", "Conservative Party", None),
        ("c", "Kilroy-Silk", "ORG", "Robert Kilroy-Silk", None), ("c", "Robert Kilroy-Silk", "PERSON", "Robert Kilroy-Silk", None),
        ("c", "Kilroy-Silk", "PERSON", "Robert Kilroy-Silk", "mep"),
        ("a", "Britain", "GPE", "United Kingdom", None), ("b", "Belarusian", "NORP", "Belarusian", None),
    ], columns=["doc_id", "text", "label", "canonical", "role"])
    quotes = pd.DataFrame([
        ("a", "Tony Blair", "person"), ("b", "Tony Blair", "person"), ("c", "Nicola Sturgeon", "person"),
        ("c", "spokesman", "unnamed"), ("b", "Conservative Party", "organisation"),
    ], columns=["doc_id", "speaker", "speaker_kind"])
    claims = pd.DataFrame([
        ("a", "Tony Blair", ["Conservative Party"]), ("b", "Tony Blair", ["Conservative Party", "United Kingdom"]),
        ("c", None, ["Tony Blair"]),
    ], columns=["doc_id", "speaker", "about"])
    return documents, entities, quotes, claims


def test_actors_one_row_per_person_or_organisation():
    out = build_actors(*_tables()).set_index("actor")
    # persons and organisations only: not a country, not a nationality, not an unnamed source
    assert set(out.index) == {"Tony Blair", "Conservative Party", "Robert Kilroy-Silk", "Nicola Sturgeon"}
    blair = out.loc["Tony Blair"]
    assert (blair["kind"], blair["label"], blair["n_mentions"], blair["n_documents"]) == ("person", "PERSON", 3, 2)
    assert (blair["n_quotes"], blair["n_claims"], blair["n_about"]) == (2, 2, 1)
    assert list(blair["aliases"]) == ["Blair", "Tony Blair", "Mr Blair"] and list(blair["roles"]) == ["prime minister"]
    assert (blair["first_published"], blair["last_published"]) == ("2005-01-02", "2005-03-04")
    tories = out.loc["Conservative Party"]
    assert (tories["kind"], tories["label"], tories["n_about"]) == ("organisation", "ORG", 2)
    # more PERSON than ORG mentions: a person; a speaker the NER missed is an actor too
    assert out.loc["Robert Kilroy-Silk", "kind"] == "person"
    assert (out.loc["Nicola Sturgeon", "n_mentions"], out.loc["Nicola Sturgeon", "n_quotes"]) == (0, 1)
    assert pd.isna(out.loc["Nicola Sturgeon", "first_published"])


def test_actors_n_quotes_counts_every_quote_with_it_as_speaker():
    # docs/spec.md, actors.n_quotes: the quotes with it as speaker, counted as n_claims counts claims (BBC
    # politics: an actor whose quotes were of kind unnamed had 2 claims and 0 quotes)
    d, e, q, c = _tables()
    e = pd.concat([e, pd.DataFrame([("c", "Ukip", "ORG", "UK Independence Party", None)], columns=e.columns)])
    q = pd.concat([q, pd.DataFrame([("c", "UK Independence Party", "unnamed"), ("c", "UK Independence Party", None)],
                                   columns=q.columns)])
    c = pd.concat([c, pd.DataFrame([("c", "UK Independence Party", []), ("c", "UK Independence Party", [])],
                                   columns=c.columns)])
    out = build_actors(d, e, q, c).set_index("actor")
    ukip = out.loc["UK Independence Party"]
    assert (ukip["kind"], ukip["n_quotes"], ukip["n_claims"]) == ("organisation", 2, 2)
    # an unnamed source alone is still no actor
    assert "spokesman" not in out.index


def test_actors_empty_tables():
    d, e, q, c = _tables()
    out = build_actors(d.iloc[:0], e.iloc[:0], q.iloc[:0], c.iloc[:0])
    assert out.empty and "actor" in out.columns


def test_actors_written_by_run_all_and_rerun_alone(seed_run, tmp_path):
    from pipeline.runner import Settings, run

    out, summary = seed_run
    assert "actors" in {t.table for t in summary.tables}
    actors = read_table(out, "actors")
    entities = read_table(out, "entities")
    assert set(actors["actor"]) >= {"Igor Sekreta", "OSCE", "Maxim Ryzhenkov"}
    # the canonical name every other table uses
    assert set(actors["actor"]) <= set(entities["canonical"]) | set(read_table(out, "quotes")["speaker"].dropna())
    copy = tmp_path / "run"
    shutil.copytree(out, copy)
    (copy / "actors.parquet").unlink()
    run(["actors"], Settings(input=copy, out=copy))
    pd.testing.assert_frame_equal(read_table(copy, "actors"), actors)


# --- corpus stages through the registry alone -----------------------------------

CALLS: list[int] = []
DOC_COUNTS = pa.schema([pa.field("n_documents", pa.int64(), nullable=False), pa.field("n_sentences", pa.int64())])


def count_corpus(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    CALLS.append(len(documents))
    return pd.DataFrame([dict(n_documents=len(documents), n_sentences=len(sentences))])


@pytest.fixture
def corpus_stage():
    stage = registry.register(registry.Stage("doc-counts", "doc_counts", count_corpus, DOC_COUNTS, corpus=True,
                                             columns={"documents": ("doc_id",)}))
    yield stage
    registry.unregister("doc-counts")


def test_corpus_stage_called_once_over_whole_tables(corpus_stage, tmp_path):
    from pipeline.runner import Settings, run
    from tests.conftest import SEEDS

    CALLS.clear()
    run(list(registry.stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=1))
    # five batches of one document, one call over the five
    assert CALLS == [5]
    got = read_table(tmp_path, "doc_counts")
    assert got.to_dict("records") == [dict(n_documents=5, n_sentences=len(read_table(tmp_path, "sentences")))]


def test_corpus_stage_reads_tables_only():
    with pytest.raises(UsageError, match="may read whole tables only"):
        registry.Stage("bad", "bad", lambda documents, docs: None, DOC_COUNTS, corpus=True)


def test_finalize_reads_other_whole_tables():
    quotes = registry.get_stage("quotes")
    assert quotes.finalize_inputs == ("entities",)
    assert registry.get_stage("claims").finalize_inputs == ("quotes",)
    assert registry.get_stage("entities").finalize_inputs == ()


def _mentions(*rows):
    """Entity rows (doc_id, text, label, canonical, role) of ``(name, label, count)``."""
    return pd.DataFrame([(f"d{k}", name, label, name, None) for name, label, n in rows for k in range(n)],
                        columns=["doc_id", "text", "label", "canonical", "role"])


@pytest.mark.parametrize(("mentions", "speaks", "kind", "label"), [
    # BBC: one PERSON tag against 19 GPE ones made Westminster a person; a place is no actor
    ([("Westminster", "PERSON", 1), ("Westminster", "GPE", 19)], None, None, None),
    ([("Heathrow", "FAC", 6), ("Heathrow", "PERSON", 1)], None, None, None),
    # a place that speaks is a body (quotes.speaker_kind organisation), whatever kind its quotes say
    ([("Africa", "LOC", 34)], "person", "organisation", "LOC"),
    ([("Turkey", "GPE", 23)], "organisation", "organisation", "GPE"),
    # places of several labels vote together: 5 LOC and 5 FAC against 4 ORG
    ([("Stormont", "ORG", 4), ("Stormont", "LOC", 5), ("Stormont", "FAC", 5)], "organisation", "organisation", "LOC"),
    # the alias list decides first (BBC: Downing Street, 4 ORG, 5 LOC, 5 FAC)
    ([("Downing Street", "ORG", 4), ("Downing Street", "LOC", 5), ("Downing Street", "FAC", 5)], "organisation",
     "organisation", "ORG"),
    # a place the NER also reads as an organisation stays one (New Labour: 6 ORG, 12 GPE)
    ([("New Labour", "ORG", 6), ("New Labour", "GPE", 12)], None, "organisation", "GPE"),
    # as many person as place mentions: the person stays; a person's mistagged mention is counted
    ([("Glasgow", "PERSON", 2), ("Glasgow", "GPE", 2)], None, "person", "PERSON"),
    ([("Tony Blair", "PERSON", 9), ("Tony Blair", "GPE", 1)], "person", "person", "PERSON"),
])
def test_actors_place_mentions_vote_on_the_kind(mentions, speaks, kind, label):
    entities = _mentions(*mentions)
    name = mentions[0][0]
    quotes = pd.DataFrame([("d0", name, speaks)] if speaks else [], columns=["doc_id", "speaker", "speaker_kind"])
    documents = pd.DataFrame({"doc_id": sorted(set(entities["doc_id"])), "published": None})
    claims = pd.DataFrame(columns=["doc_id", "speaker", "about"])
    out = build_actors(documents, entities, quotes, claims).set_index("actor") if kind else None
    if kind is None:
        assert name not in set(build_actors(documents, entities, quotes, claims)["actor"])
        return
    row = out.loc[name]
    assert (row["kind"], row["label"], row["n_mentions"]) == (kind, label, sum(n for _, _, n in mentions))
