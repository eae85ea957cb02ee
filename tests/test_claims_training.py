"""The claim model's training features: the vocabulary cut is the same on every machine."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")

from pipeline.stages.claims.training import Features, TrainSettings, _tfidf, most_frequent_terms  # noqa: E402

# occurrences: delta 4 (in four texts); alpha, bravo, charlie, echo 2 (in two texts each); foxtrot 1
TIED = ["delta alpha bravo echo", "delta charlie bravo alpha", "delta charlie echo", "delta foxtrot"]


@pytest.mark.parametrize("limit, min_df, expected", [
    (1, 1, ["delta"]),                                      # no tie at the cut
    (2, 1, ["alpha", "delta"]),                             # four terms tie at 2: alphabetical
    (3, 1, ["alpha", "bravo", "delta"]),
    (5, 1, ["alpha", "bravo", "charlie", "delta", "echo"]),  # foxtrot, the one term at 1, is cut
    (10, 1, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]),  # no cut: every term
    (10, 2, ["alpha", "bravo", "charlie", "delta", "echo"]),  # min_df first: foxtrot is in one text
    (2, 3, ["delta"]),                                      # only delta is in three texts
])
def test_claims_training_vocabulary_cut_breaks_ties_alphabetically(limit, min_df, expected):
    got = most_frequent_terms(TIED, limit, analyzer="word", ngram_range=(1, 1), min_df=min_df)
    assert got.tolist() == expected


def test_claims_training_vocabulary_cut_is_sklearn_max_features_where_no_tie_straddles_it():
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = np.random.RandomState(0)
    words = [f"w{i:02d}" for i in range(40)]
    # word k drawn with weight 1/(k+1): counts fall steeply, so ties are few; the cut is
    # placed where the counts on either side of it differ
    p = 1 / np.arange(1, 41)
    texts = [" ".join(rng.choice(words, 12, p=p / p.sum())) for _ in range(300)]
    totals = {w: sum(t.split().count(w) for t in texts) for w in words}
    ranked = sorted(totals.values(), reverse=True)
    limit = next(k for k in range(10, 30) if ranked[k - 1] != ranked[k])
    theirs = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, max_features=limit,
                             sublinear_tf=True, dtype=np.float64).fit(texts)
    mine = _tfidf(texts, limit, analyzer="word", ngram_range=(1, 2), min_df=2)
    assert mine.get_feature_names_out().tolist() == theirs.get_feature_names_out().tolist()
    np.testing.assert_allclose(mine.idf_, theirs.idf_)
    assert abs(mine.transform(texts[:20]) - theirs.transform(texts[:20])).max() < 1e-12


def test_claims_training_features_do_not_depend_on_the_order_of_tied_counts():
    """The same texts in another order give the same vocabularies (a sort that is not
    stable would follow the order the counts come in)."""
    s = TrainSettings(word_max_features=3, char_max_features=20, word_min_df=1, char_min_df=1, tag_min_df=1)
    tags = [t.split() for t in TIED]
    a = Features(s, TIED, tags)
    b = Features(s, TIED[::-1], tags[::-1])
    for block in ("word", "char"):
        assert getattr(a, block).get_feature_names_out().tolist() == getattr(b, block).get_feature_names_out().tolist()
    assert a.word.get_feature_names_out().tolist() == ["alpha", "bravo", "delta"]
