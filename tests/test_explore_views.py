"""pipeline.views.explore: the views the notebook and the report show."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # before pyplot: tests never open a window

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from pipeline.views import explore  # noqa: E402
from pipeline.views.explore import PUBLICATION, UNKNOWN_SPEAKER  # noqa: E402
from pipeline.schemas import CLAIM_TYPES  # noqa: E402
from pipeline.tables import MissingTableError, empty_frame  # noqa: E402

from .report_tables import A, B, C, handmade_tables, write_handmade  # noqa: E402


@pytest.fixture(scope="module")
def t():
    return handmade_tables()


def test_explore_handmade_tables_keep_the_offset_contract(t):
    texts = dict(zip(t.documents["doc_id"], t.documents["text"]))
    for name in ("sentences", "entities", "quotes", "claims"):
        df = getattr(t, name)
        assert all(texts[d][s:e] == x for d, s, e, x in zip(df["doc_id"], df["start"], df["end"], df["text"])), name


def test_explore_claims_by_speaker_type_counts_and_names_the_publication(t):
    table = explore.claims_by_speaker_type(t.claims)
    assert list(table.columns) == [*CLAIM_TYPES, "total"]
    assert table.loc["Maxim Ryzhenkov"].to_dict() == {"factual": 1, "evaluative": 0, "prescriptive": 0, "predictive": 1, "total": 2}
    assert table.loc[PUBLICATION, "factual"] == 2
    assert table["total"].sum() == len(t.claims)


def test_explore_claims_by_speaker_type_rejects_unknown_types_by_name(t):
    claims = t.claims.copy()
    claims.loc[0, "claim_type"] = "opinion"
    with pytest.raises(explore.TableValueError, match="'opinion'.*valid: factual, evaluative"):
        explore.claims_by_speaker_type(claims)


def test_explore_claims_by_speaker_type_empty_keeps_every_type_column():
    table = explore.claims_by_speaker_type(empty_frame("claims"))
    assert table.empty and list(table.columns) == [*CLAIM_TYPES, "total"]


@pytest.mark.parametrize("claims", ["handmade", "empty"])
def test_explore_plot_claims_by_speaker_draws_or_says_there_is_nothing(t, claims):
    frame = t.claims if claims == "handmade" else empty_frame("claims")
    ax = explore.plot_claims_by_speaker(frame)
    if claims == "empty":
        assert [x.get_text() for x in ax.texts] == ["no claims in this run"]
    else:
        labels = [x.get_text() for x in ax.get_yticklabels()]
        assert set(labels) == {"Igor Sekreta", "Maxim Ryzhenkov", PUBLICATION}
        assert [x.get_text() for x in ax.get_legend().get_texts()] == list(CLAIM_TYPES)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_explore_top_entities_counts_named_things_and_who_talks_about_them(t):
    top = explore.top_entities(t, n=10)
    osce = top[top["canonical"] == "OSCE"].iloc[0]
    assert (osce["mentions"], osce["documents"]) == (2, 1)
    assert osce["speakers"] == "Igor Sekreta (2)"
    assert top.iloc[0]["canonical"] in ("OSCE", "Minsk")  # 2 mentions each, the most
    assert "it" not in set(top["canonical"])  # DATE: not a talked-about entity
    # a speaker's own name inside their claim is not "talking about" themselves
    ryzh = top[top["canonical"] == "Maxim Ryzhenkov"].iloc[0]
    assert "Maxim Ryzhenkov" not in ryzh["speakers"]


def test_explore_entity_speakers_most_mentions_first_named_entities_only(t):
    who = explore.entity_speakers(t)
    assert who.head(2).values.tolist() == [["Minsk", PUBLICATION, 2], ["OSCE", "Igor Sekreta", 2]]
    assert who["mentions"].is_monotonic_decreasing
    assert "it" not in set(who["canonical"])  # DATE
    assert "it" in set(explore.entity_speakers(t, labels=("DATE",))["canonical"])


@pytest.mark.parametrize("title, text, shown", [
    ("Headline", "Body.", "Headline"),
    (None, "Short body.", "(untitled) Short body."),
    ("  ", "Short\n\nbody.", "(untitled) Short body."),
    (None, "", "d"),
    (None, "word " * 30, "(untitled) " + " ".join(["word"] * 14) + " …"),
])
def test_explore_display_titles(title, text, shown):
    docs = pd.DataFrame([dict(doc_id="d", title=title, text=text)])
    assert explore.display_titles(docs)["d"] == shown


def test_explore_table_sizes(t):
    assert explore.table_sizes(t).to_dict() == {"documents": 3, "sentences": 7, "entities": 10, "quotes": 3, "claims": 6,
                                                "actors": 3, "errors": 0}


def test_explore_top_entities_null_canonical_falls_back_to_text(t):
    top = explore.top_entities(t, n=20)
    assert "Europe will pay for" in set(top["canonical"])


def test_explore_top_entities_of_an_empty_run_is_empty(t):
    empty = explore.Tables(**{n: empty_frame(n) for n in ("documents", "sentences", "entities", "quotes", "claims", "errors")})
    assert explore.top_entities(empty).empty
    assert explore.entity_speakers(empty).empty
    assert explore.check_worthy_claims(empty).empty
    assert explore.speakers_overview(empty).empty


def test_explore_check_worthy_claims_come_with_their_sentence(t):
    cw = explore.check_worthy_claims(t)
    assert len(cw) == int(t.claims["check_worthy"].sum()) == 4
    assert cw["confidence"].is_monotonic_decreasing
    first = cw.iloc[0]
    assert (first["speaker"], first["claim_type"], first["sentence"]) == ("Maxim Ryzhenkov", "factual", "Ryzhenkov said the West is lost.")
    assert first["title"] == "(untitled) Ryzhenkov said the West is lost. Europe will pay for it. Minsk hosted …"
    assert set(cw["speaker"]) == {"Maxim Ryzhenkov", PUBLICATION}


@pytest.mark.parametrize("speaker, about, expected", [
    ("Igor Sekreta", "OSCE", ["evaluative", "prescriptive"]),
    ("igor sekreta", "osce", ["evaluative", "prescriptive"]),
    # an alias is its actor's name, as README and docstring say (review regression: the full name found
    # only the claim that spells it out, and a speaker's alias nothing)
    ("Igor Sekreta", "Organization for Security and Co-operation in Europe", ["evaluative", "prescriptive"]),
    ("Ryzhenkov", None, ["factual", "predictive"]),
    ("Igor Sekreta", None, ["evaluative", "prescriptive"]),
    ("Maxim Ryzhenkov", "OSCE", []),
    ("Igor Sekreta", "NATO", []),
    ("Nobody", None, []),
])
def test_explore_speaker_claims_about_an_entity(t, speaker, about, expected):
    assert list(explore.speaker_claims(t, speaker, about=about)["claim_type"]) == expected


def test_explore_quotes_with_context_lists_mentioned_entities(t):
    q = explore.quotes_with_context(t).set_index(["doc_id", "quote_id"])
    assert q.loc[(A, 1), "entities"] == "OSCE"  # written out in full, counted under its canonical
    assert q.loc[(A, 0), "entities"] == ""
    assert q.loc[(B, 0), ["speaker", "entities"]].tolist() == ["Maxim Ryzhenkov", "West"]  # EVENT crossing the end: not inside


@pytest.mark.parametrize("speaker, about, expected", [
    ("Igor Sekreta", "OSCE", [1]),
    ("Igor Sekreta", None, [0, 1]),
    ("Maxim Ryzhenkov", "west", [0]),
    ("Maxim Ryzhenkov", "OSCE", []),
])
def test_explore_speaker_quotes_about_an_entity(t, speaker, about, expected):
    assert list(explore.speaker_quotes(t, speaker, about=about)["quote_id"]) == expected


def test_explore_speakers_overview_counts_quotes_claims_and_documents(t):
    ov = explore.speakers_overview(t).set_index("speaker")
    assert ov.loc["Igor Sekreta", ["quotes", "claims", "evaluative", "check_worthy", "documents"]].tolist() == [2, 2, 1, 0, 1]
    assert ov.loc[PUBLICATION, ["quotes", "claims", "documents"]].tolist() == [0, 2, 2]


def test_explore_unnamed_quote_speaker_is_shown_as_such(t):
    quotes = t.quotes.copy()
    quotes.loc[0, "speaker"] = None
    t2 = explore.Tables(out_dir=t.out_dir, **{**{n: t[n] for n in t.names}, "quotes": quotes})
    assert UNKNOWN_SPEAKER in set(explore.speakers_overview(t2)["speaker"])


def test_explore_document_view_lists_quotes_and_claims_per_sentence(t):
    view = explore.document_view(t, B)
    assert list(view["sent_id"]) == [0, 1, 2]
    assert view.loc[0, "quotes"] == "[indirect] Maxim Ryzhenkov: the West is lost. Europe will pay"
    assert view.loc[1, "quotes"] == ""  # the quote starts in sentence 0 only
    assert view.loc[1, "claims"] == "predictive, check-worthy (Maxim Ryzhenkov)"
    assert view.loc[2, "claims"] == f"factual, check-worthy ({PUBLICATION})"
    nothing = explore.document_view(t, C)
    assert nothing[["quotes", "claims"]].values.tolist() == [["", ""]]


@pytest.mark.parametrize("fn", [explore.document_view, explore.document_html])
def test_explore_unknown_document_names_the_choices(t, fn):
    with pytest.raises(KeyError, match="a1"):
        fn(t, "nope")


def test_explore_document_html_is_escaped(t):
    html = explore.document_html(t, A)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_explore_load_tables_reads_a_run(tmp_path):
    t = explore.load_tables(write_handmade(tmp_path))
    assert len(t.claims) == 6 and t.out_dir == tmp_path
    assert isinstance(t.claims, pd.DataFrame)


def test_explore_load_tables_without_errors_table_reads_it_as_empty(tmp_path):
    write_handmade(tmp_path)
    (tmp_path / "errors.parquet").unlink()
    assert explore.load_tables(tmp_path).errors.empty


@pytest.mark.parametrize("missing, stage", [(None, "pipeline run all"), ("claims", "pipeline run claims")])
def test_explore_load_tables_names_what_to_run(tmp_path, missing, stage):
    target = tmp_path / "run"
    if missing is not None:
        write_handmade(target)
        (target / f"{missing}.parquet").unlink()
    with pytest.raises(MissingTableError, match=stage):
        explore.load_tables(target)


def test_explore_load_tables_empty_folder_advises_run_all(tmp_path):
    # regression: a folder that exists without a run advised `pipeline run clean`, which makes
    # the documents table alone, where every table is read
    with pytest.raises(MissingTableError) as caught:
        explore.load_tables(tmp_path)
    message = str(caught.value)
    assert f"run `pipeline run all --input PATH --out {tmp_path}` first" in message
    assert "run clean" not in message


def test_explore_unknown_document_shows_ids_as_strings(t):
    # regression: `document_view(t, 1)` said "no document 1; documents: 1, 2", ids shown without
    # quotes, so nothing told that the id to pass is the string '1'
    frames = {name: t[name].replace({"doc_id": {A: "1"}}) for name in t.names}
    numbered = explore.Tables(out_dir=None, **frames)
    for fn in (explore.document_view, explore.document_html):
        with pytest.raises(KeyError, match=r"no document 1; ids are strings: pass '1'; documents: '1', 'b2'"):
            fn(numbered, 1)
    with pytest.raises(KeyError, match=r"no document 'nope'; documents: 'a1'"):
        explore.document_view(t, "nope")


def test_explore_claims_about_uses_the_about_column_and_aliases(t):
    """'What did X claim about Y': claims.about, names or aliases, any case."""
    got = explore.claims_about(t, "OSCE", speaker="Igor Sekreta")
    assert got["claim_id"].tolist() == [0, 1] and set(got["claim_type"]) == {"evaluative", "prescriptive"}
    assert got["content"].iloc[0] == "has failed in all its peacekeeping attempts."
    # an alias of the actor, and a speaker named as written
    assert explore.claims_about(t, "organization for security and co-operation in europe")["claim_id"].tolist() == [0, 1]
    assert explore.claims_about(t, "West", speaker="Mr Ryzhenkov")["doc_id"].tolist() == [B]
    # a name the claim mentions but is not about: "Minsk" in B's first claim is not there
    assert explore.claims_about(t, "Europe").empty


def test_explore_actor_name(t):
    assert explore.actor_name(t, "ryzhenkov") == "Maxim Ryzhenkov"
    assert explore.actor_name(t, "Nobody Known") == "Nobody Known"


def _cross_join_containing(entities: pd.DataFrame, spans: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """The definition of ``_spans_containing``: every (mention, span) pair of a document,
    kept where the span contains the mention, in mention rows' then span rows' order
    (sorted explicitly: pandas orders an inner join that way except when the pairs
    happen to number as many as the mentions)."""
    ents = entities.assign(canonical=explore.canonical_name(entities), _e=range(len(entities)))
    sp = spans[["doc_id", "start", "end", *keep]].rename(columns={"start": "s0", "end": "s1"}).assign(_s=range(len(spans)))
    pairs = ents.merge(sp, on="doc_id").sort_values(["_e", "_s"])
    inside = (pairs["start"] >= pairs["s0"]) & (pairs["end"] <= pairs["s1"])
    return pairs.loc[inside, ["doc_id", "ent_id", "canonical", "label", *keep]].reset_index(drop=True)


def test_explore_spans_containing_finds_the_pairs_of_the_cross_join_in_its_order():
    # two documents, rows interleaved; spans nested three deep, overlapping without
    # nesting, touching end to start, identical to a mention, and the same offsets in
    # both documents (a pair never crosses documents)
    spans = pd.DataFrame([
        ("x", 0, 100), ("y", 10, 50), ("x", 10, 50), ("x", 20, 30), ("x", 40, 70), ("y", 0, 5),
        ("x", 50, 60), ("x", 70, 80), ("x", 22, 26), ("x", 10, 50), ("y", 40, 70),
    ], columns=["doc_id", "start", "end"]).assign(span=lambda d: [f"s{i}" for i in range(len(d))])
    entities = pd.DataFrame([
        ("x", 0, 22, 26, "ORG", "A"),       # identical to the deepest span, inside all around it
        ("y", 0, 20, 30, "ORG", "B"),
        ("x", 1, 45, 55, "PERSON", None),   # crosses the end of one span and the start of another (shown as its text)
        ("x", 2, 50, 60, "GPE", "C"),       # starts where a span ends: inside only the spans that reach it
        ("x", 3, 0, 100, "ORG", "D"),       # as long as the document's span
        ("y", 1, 1, 4, "ORG", "E"),
        ("x", 4, 69, 71, "ORG", "F"),       # across a touching boundary: in the outer span only
        ("x", 5, 10, 12, "ORG", "G"),       # at the start of two identical spans
        ("z", 0, 0, 1, "ORG", "H"),         # a document without spans
        ("x", 6, 48, 50, "ORG", "I"),       # at their end
    ], columns=["doc_id", "ent_id", "start", "end", "label", "canonical"]).assign(text="t")
    expected = _cross_join_containing(entities, spans, ["span"])
    got = explore._spans_containing(entities, spans, ["span"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected)
    assert list(zip(got["canonical"], got["span"])) == [
        ("A", "s0"), ("A", "s2"), ("A", "s3"), ("A", "s8"), ("A", "s9"), ("B", "s1"), ("t", "s0"), ("t", "s4"),
        ("C", "s0"), ("C", "s4"), ("C", "s6"), ("D", "s0"), ("E", "s5"), ("F", "s0"), ("G", "s0"), ("G", "s2"),
        ("G", "s9"), ("I", "s0"), ("I", "s2"), ("I", "s4"), ("I", "s9"),
    ]
    assert explore._spans_containing(entities, spans.iloc[:0], ["span"]).empty


@pytest.mark.parametrize("name", [None, float("nan")])
def test_explore_a_name_that_is_no_string_is_a_usage_error(t, name):
    # regression: an AttributeError ('NoneType' object has no attribute 'casefold')
    from pipeline.errors import UsageError

    with pytest.raises(UsageError, match="must be a string"):
        explore.claims_about(t, name)
    with pytest.raises(UsageError, match="must be a string"):
        explore.speaker_claims(t, name)
