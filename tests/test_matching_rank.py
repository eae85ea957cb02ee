"""Matching claims against a hand-made archive with the shipped reranker and embeddings: the right
checked claim ranks first, claims that nothing checks score under the documented threshold."""
from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.errors import ModelError, UsageError
from pipeline.matching import DEFAULT_MIN_SCORE, Reranker, from_records, load_matcher
from pipeline.matching.search import FEATURES, top_columns
from pipeline.matching.text import clean_text, numbers, tokens

from .matching_archive import MUST_MATCH_NOTHING, MUST_RANK_FIRST, archive_records


@pytest.fixture(scope="module")
def matcher():
    return load_matcher(from_records(archive_records(), source="handmade"))


@pytest.mark.parametrize("claim, expected", MUST_RANK_FIRST)
def test_matching_rank_right_checked_claim_first(matcher, claim, expected):
    hits = matcher.match([claim], top_k=3)[0]
    assert hits[0][1] == expected, hits
    assert hits[0][0] == 1 and hits[0][2] >= DEFAULT_MIN_SCORE, hits
    assert [h[0] for h in hits] == list(range(1, len(hits) + 1))
    assert all(a[2] >= b[2] for a, b in zip(hits, hits[1:]))


@pytest.mark.parametrize("claim", MUST_MATCH_NOTHING)
def test_matching_rank_unchecked_claims_score_under_the_threshold(matcher, claim):
    hits = matcher.match([claim], top_k=5)[0]
    assert all(score < DEFAULT_MIN_SCORE for _, _, score in hits), hits
    assert matcher.match([claim], top_k=5, min_score=DEFAULT_MIN_SCORE)[0] == []


@pytest.mark.parametrize("min_score", [float("nan"), float("inf"), 1.5, -0.1])
def test_matching_rank_min_score_outside_0_to_1_is_a_usage_error(matcher, min_score):
    with pytest.raises(UsageError, match=f"min_score {min_score}: choose a score from 0 to 1"):
        matcher.match([MUST_RANK_FIRST[0][0]], min_score=min_score)
    with pytest.raises(UsageError):  # at the call, not at the first hit asked for
        matcher.iter_match([MUST_RANK_FIRST[0][0]], min_score=min_score)


@pytest.mark.parametrize("call", ["match", "iter_match"])
def test_matching_rank_one_string_is_a_usage_error_not_one_claim_per_character(matcher, call):
    with pytest.raises(UsageError, match=r"texts is one string \('Koalas are extinct'\), not a list of claims; pass \[text\]"):
        getattr(matcher, call)("Koalas are extinct")
    assert len(matcher.match(["Koalas are extinct"])) == 1


def test_matching_rank_duplicate_archive_rows_report_the_first(matcher):
    # fc-012 repeats fc-001 with curly quotation marks: one entry, reported as the first row
    assert len(matcher.index) == len(archive_records()) - 1
    hits = matcher.match(["koalas are functionally extinct after the bushfires"], top_k=5)[0]
    ids = [h[1] for h in hits]
    assert ids[0] == "fc-001" and "fc-012" not in ids


def test_matching_rank_empty_claims_have_no_hits_and_batches_do_not_change_results(matcher):
    claims = [c for c, _ in MUST_RANK_FIRST] + ["", "   "] + MUST_MATCH_NOTHING
    whole = matcher.match(claims, top_k=3)
    assert whole[len(MUST_RANK_FIRST)] == [] and whole[len(MUST_RANK_FIRST) + 1] == []
    assert list(matcher.iter_match(iter(claims), top_k=3, batch_size=4)) == whole


def test_matching_rank_claim_match_rows_carry_the_archive_fields(matcher):
    rows = list(matcher.claim_match_rows(iter([("d1", 0, MUST_RANK_FIRST[0][0]), ("d1", 1, "")]), top_k=2))
    assert [r["rank"] for r in rows] == [1, 2] and {r["claim_id"] for r in rows} == {0}
    first = rows[0]
    assert first["match_id"] == "fc-001" and first["match_text"].startswith("Koalas are functionally extinct")
    assert first["match_title"] == "Are Koalas 'Functionally Extinct'?" and first["match_verdict"] == "Mostly False"
    assert first["match_url"] == "https://factcheck.example/koalas"


@pytest.mark.parametrize("text, cleaned", [
    ("Koalas are gone #SaveTheKoalas @ScottMorrisonMP https://t.co/abc pic.twitter.com/xyz "
     "\u2014 Jane Doe (@jdoe) November 23, 2019", "Koalas are gone Save The Koalas Scott Morrison MP . Jane Doe"),
    ("Unemployment fell to 4.1% - a record, he said.", "Unemployment fell to 4.1% - a record, he said."),
])
def test_matching_rank_clean_text(text, cleaned):
    assert clean_text(text) == cleaned


def test_matching_rank_tokens_and_numbers():
    assert tokens("The Pope's remarks aren't new") == ["pope", "remark", "aren't", "new"]
    assert numbers("1,000 people, 4.0 million, twelve days, 2019") == {"1000", "4", "1000000", "12", "2019"}


def test_matching_rank_top_columns_equals_a_full_sort():
    rng = np.random.default_rng(0)
    S = rng.integers(0, 4, size=(50, 700)).astype(np.float32)  # many ties, as BM25 zeros are
    S[3] = 0
    got = top_columns(S, 20, floor=1e-9)
    for row, cols in zip(S, got):
        order = np.lexsort((np.arange(len(row)), -row))
        want = [c for c in order if row[c] >= 1e-9][:20]
        assert cols[:len(want)].tolist() == want and (cols[len(want):] == -1).all()


def test_matching_rank_shipped_reranker_is_plain_json_over_known_features():
    rr = Reranker.load()
    assert set(rr.features) <= set(FEATURES) and rr.uses_embeddings
    assert rr.spec["cv"]["map5"] >= 0.85  # the figure it was exported with (benchmarks/claim_matching.py)


def test_matching_rank_broken_reranker_is_a_model_error(tmp_path):
    bad = tmp_path / "reranker.json"
    bad.write_text("{not json")
    with pytest.raises(ModelError, match=r"reranker\.json: the reranker model is unreadable"):
        Reranker.load(bad)
    bad.write_text(json.dumps({"features": ["bm25"], "mean": [0], "scale": [1], "coef": [1, 2], "intercept": 0}))
    with pytest.raises(ModelError, match="1 features but 1/1/2"):
        Reranker.load(bad)
