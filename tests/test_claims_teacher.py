"""The committed teacher labels that `pipeline train-claims` distils: no text of the
shared data, one label column per protocol fold, and (with the shared data) every
sentence reference resolves to the sentence its SHA-1 names."""
from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.stages.claims import protocol as P
from pipeline.stages.claims.teacher import LABEL_FILES, N_UNLABELLED, TeacherLabels, rows_sha1, work_dir
from tests.conftest import SHARED_DATA, requires_shared

TEACHER = LABEL_FILES["nonfactual"]


def _arrays():
    with np.load(TEACHER, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def test_claims_teacher_file_holds_references_and_labels_only():
    a = _arrays()
    assert set(a) == {"file_id", "start", "end", "sha1", "labels", "topics", "meta"}
    assert a["sha1"].shape == (N_UNLABELLED, 20) and a["labels"].shape[0] == N_UNLABELLED
    assert a["labels"].dtype == np.float16 and (a["labels"] >= 0).all() and (a["labels"] <= 1).all()
    assert (a["start"] < a["end"]).all()
    meta = json.loads(bytes(a["meta"]).decode("utf-8"))
    assert meta["columns"] == ["final", *P.news_fold_names()]
    assert len(meta["train_rows_sha1"]) == a["labels"].shape[1]
    assert all(f.startswith(("news/bbc/", "polnear/")) for f in meta["files"])
    # no text: the largest string in the file is a file name or the description
    assert max(len(x) for x in meta["files"]) < 80


def test_claims_teacher_fold_check_refuses_other_training_rows(tmp_path):
    labels = TeacherLabels.__new__(TeacherLabels)
    labels.columns, labels.hashes = ["final"], [rows_sha1(np.arange(5))]
    labels.labels = np.full((3, 1), 0.5)
    assert labels.soft_labels("final", np.arange(5)).shape == (3,)
    with pytest.raises(ValueError, match="other training rows"):
        labels.soft_labels("final", np.arange(4))


@requires_shared
def test_claims_teacher_references_resolve_in_the_shared_data():
    _, news = P.load_claim_data(SHARED_DATA / "claims")
    labels = TeacherLabels(TEACHER, SHARED_DATA, news.texts)
    assert len(labels.texts) == N_UNLABELLED and all(len(t) >= 3 for t in labels.texts)
    assert len(set(labels.topics.tolist())) == 60


def test_claims_teacher_work_dir_is_made_when_missing(tmp_path):
    # regression: work_dir called itself (RecursionError), so `pipeline teacher-labels
    # --head checkworthy` could not start
    got = work_dir(tmp_path / "a" / "work")
    assert got == tmp_path / "a" / "work" and got.is_dir()
    assert work_dir(got) == got  # an existing folder is kept as it is
