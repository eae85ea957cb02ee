"""The claim model's training features: the vocabulary cut is the same on every machine."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("sklearn")

from pipeline.stages.claims.training import tfidf_of_most_frequent  # noqa: E402

# occurrences: delta 4 (in four texts); alpha, bravo, charlie, echo 2 (in two texts each); foxtrot 1
TIED = ["delta alpha bravo echo", "delta charlie bravo alpha", "delta charlie echo", "delta foxtrot"]

# 300 terms, term i occurring i % 3 + 1 times: 100 at each count, interleaved in the
# alphabet, so a cut at 150 falls inside 100 tied terms. Enough ties for numpy's
# default sort to reorder them (a handful sort stably by chance): scikit-learn's own
# max_features keeps other terms here.
MANY = [" ".join([f"t{i:03d}"] * (i % 3 + 1)) for i in range(300)]
MANY_TOP = sorted([f"t{i:03d}" for i in range(300) if i % 3 == 2]
                  + sorted(f"t{i:03d}" for i in range(300) if i % 3 == 1)[:50])


def _terms(texts, limit, min_df=1):
    return tfidf_of_most_frequent(texts, limit, "word", (1, 1), min_df).get_feature_names_out().tolist()


@pytest.mark.parametrize("texts, limit, min_df, expected", [
    (TIED, 1, 1, ["delta"]),                                       # no tie at the cut
    (TIED, 2, 1, ["alpha", "delta"]),                              # four terms tie at 2: alphabetical
    (TIED, 3, 1, ["alpha", "bravo", "delta"]),
    (TIED, 5, 1, ["alpha", "bravo", "charlie", "delta", "echo"]),  # foxtrot, the one term at 1, is cut
    (TIED, 10, 1, ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]),  # no cut: every term
    (TIED, 10, 2, ["alpha", "bravo", "charlie", "delta", "echo"]),  # min_df first: foxtrot is in one text
    (TIED, 2, 3, ["delta"]),                                       # only delta is in three texts
    (MANY, 150, 1, MANY_TOP),                                      # the cut inside 100 tied terms
])
def test_claims_training_vocabulary_cut_breaks_ties_alphabetically(texts, limit, min_df, expected):
    assert _terms(texts, limit, min_df) == expected


def test_claims_training_vocabulary_cut_is_sklearn_max_features_where_no_tie_straddles_it():
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    rng = np.random.RandomState(0)
    words = [f"w{i:02d}" for i in range(40)]
    p = 1 / np.arange(1, 41)  # word k drawn with weight 1/(k+1): steep counts, few ties
    texts = [" ".join(rng.choice(words, 12, p=p / p.sum())) for _ in range(300)]
    # the cut where the counts of the 1-2-grams (min_df 2, as vectorized) differ on either side
    totals = np.asarray(CountVectorizer(ngram_range=(1, 2), min_df=2).fit_transform(texts).sum(axis=0)).ravel()
    ranked = np.sort(totals)[::-1]
    limit = next(k for k in range(10, 60) if ranked[k - 1] != ranked[k])
    theirs = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, max_features=limit,
                             sublinear_tf=True, dtype=np.float64).fit(texts)
    mine = tfidf_of_most_frequent(texts, limit, "word", (1, 2), 2)
    assert mine.get_feature_names_out().tolist() == theirs.get_feature_names_out().tolist()
    np.testing.assert_array_equal(mine.idf_, theirs.idf_)
    assert abs(mine.transform(texts[:20]) - theirs.transform(texts[:20])).max() == 0
