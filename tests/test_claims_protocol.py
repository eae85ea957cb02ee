"""The source-held-out protocol of the claim model (pipeline/stages/claims/protocol.py):
debate groups from sentence-id gaps, splits that never put one debate or one news
topic on both sides, the metrics, Platt calibration and the reliability curve."""
from __future__ import annotations

import numpy as np
import pytest

from pipeline.stages.claims import protocol as P
from tests.conftest import SHARED_DATA, requires_shared


def _debates(ids, y=None):
    ids = np.asarray(ids)
    y = np.zeros(len(ids), dtype=int) if y is None else np.asarray(y)
    return P.Debates(ids, [f"s{i}" for i in ids], y, P.debate_groups(ids), np.full(len(ids), -9))


def test_claims_protocol_debate_groups_split_at_gaps_and_merge_small_tails():
    # three debates of 300 sentences; the second has a 50-sentence tail after a gap
    a = np.arange(1, 301)
    b = np.arange(1001, 1301)
    tail = np.arange(1400, 1450)          # < MIN_GROUP sentences: the end of debate b
    c = np.arange(5001, 5301)
    ids = np.concatenate([c, a, tail, b])  # order of the file does not matter
    groups = P.debate_groups(ids)
    g = dict(zip(ids.tolist(), groups.tolist()))
    assert g[1] == g[300] != g[1001]
    assert g[1001] == g[1449]              # the tail joins the debate before it
    assert len(set(groups.tolist())) == 3
    assert g[1] < g[1001] < g[5001]        # numbered in id order


def test_claims_protocol_debate_splits_hold_out_whole_debates():
    rng = np.random.RandomState(0)
    ids = np.concatenate([np.arange(k * 1000, k * 1000 + int(rng.randint(200, 600))) for k in range(12)])
    ids = np.concatenate([ids, np.arange(P.NEW_CUT + 1, P.NEW_CUT + 400)])
    d = _debates(ids)
    splits = P.debate_splits(d)
    (tr, te), = splits["ct_new"]
    assert (d.ids[te] > P.NEW_CUT).all() and (d.ids[tr] <= P.NEW_CUT).all()
    held = np.concatenate([te for _, te in splits["ct_group"]])
    assert sorted(held.tolist()) == list(range(len(ids)))   # every sentence held out exactly once
    for tr, te in splits["ct_group"]:
        assert not set(d.groups[tr]) & set(d.groups[te])      # no debate on both sides
    assert [t.tolist() for _, t in P.debate_splits(d)["ct_group"]] == [t.tolist() for _, t in splits["ct_group"]]


def test_claims_protocol_news_splits_hold_out_whole_topics():
    pytest.importorskip("sklearn")
    y = np.array([0, 1] * 60)
    topics = np.arange(120) % 17
    splits = P.news_splits(y, topics)
    assert len(splits["news_rep"]) == P.NEWS_REPS and len(splits["news_topic"]) == P.TOPIC_SHUFFLES
    assert len(P.news_fold_names()) == (P.NEWS_REPS + P.TOPIC_SHUFFLES) * P.N_FOLDS
    for folds in splits["news_topic"]:
        for tr, te in folds:
            assert not set(topics[tr]) & set(topics[te])


@pytest.mark.parametrize("y,pred,f1,macro", [
    ([1, 1, 0, 0], [1, 0, 0, 0], 2 / 3, (2 / 3 + 0.8) / 2),
    ([1, 0], [0, 1], 0.0, 0.0),
    ([0, 0], [0, 0], 0.0, 0.5),   # no positive at all: positive F1 0, negative F1 1
])
def test_claims_protocol_metrics(y, pred, f1, macro):
    y, pred = np.array(y), np.array(pred)
    assert P.f1_pos(y, pred) == pytest.approx(f1)
    assert P.macro_f1(y, pred) == pytest.approx(macro)


def test_claims_protocol_platt_recovers_a_known_map_and_reliability_is_flat():
    pytest.importorskip("sklearn")
    rng = np.random.RandomState(1)
    z = rng.normal(0, 2, 20000)
    p_true = P.sigmoid(0.7 * z - 0.5)
    y = (rng.uniform(size=len(z)) < p_true).astype(int)
    a, b = P.platt(z, y)
    assert a == pytest.approx(0.7, abs=0.05) and b == pytest.approx(-0.5, abs=0.05)
    rel = P.reliability(y, P.sigmoid(a * z + b))
    assert rel["ece"] < 0.02 and sum(r[2] for r in rel["rows"]) == len(y)
    # a miscalibrated score shows up in the curve
    assert P.reliability(y, P.sigmoid(2 * z))["ece"] > 0.05


def test_claims_protocol_prf_at_threshold():
    y = np.array([1, 1, 0, 0, 1])
    p = np.array([0.9, 0.4, 0.6, 0.1, 0.2])
    r = P.prf(y, p, 0.5)
    assert r == {"precision": 0.5, "recall": pytest.approx(1 / 3), "f1": pytest.approx(0.4), "flagged": 0.4}


@requires_shared
def test_claims_protocol_readers_and_groups_on_shared_data():
    debates, news = P.load_claim_data(SHARED_DATA / "claims")
    # 22,501 train rows (one glued to its predecessor: "...\tNo29286\tYou can't ...") + 1,032 dev
    assert len(debates.texts) == 23533 and "You can't bring back jobs." in debates.texts
    assert len(np.unique(debates.groups)) == 31
    assert ((debates.ids > P.NEW_CUT).sum()) == 2745 and (debates.cb3[debates.ids > P.NEW_CUT] == -9).all()
    assert (debates.cb3 != -9).sum() == 10231
    assert len(news.texts) == 830 and 0 < news.y.mean() < 1
