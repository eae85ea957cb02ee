"""The committed check-worthiness teacher labels that `pipeline train-claims` distils:
no text of the shared data, a label column per teacher (one today), checked against
the debates it was fitted on; the article files they were made from are
checked before a single label is used; and the checkworthy head learns from them as
soft labels with the classes balanced by total weight."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.stages.claims import protocol as P
from pipeline.stages.claims.checkworthy_teacher import (CheckworthyLabels, at_base_rate, debates_sha1, save_labels,
                                                        teacher_splits)
from pipeline.stages.claims.corpus import article_sentences
from pipeline.stages.claims.teacher import LABEL_FILES, rows_sha1
from tests.conftest import SHARED_DATA, requires_shared

LABELS = LABEL_FILES["checkworthy"]
COLUMNS = ["ct_new"]


def _debates(texts=("Taxes rose 4% last year.", "Thank you."), y=(1, 0)) -> P.Debates:
    n = len(texts)
    return P.Debates(np.arange(n), list(texts), np.asarray(y), np.zeros(n, int), np.full(n, -9))


def _articles(root: Path, texts: dict[str, str]) -> Path:
    for name, text in texts.items():
        path = root / "news" / "bbc" / "politics" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _write(tmp_path: Path, debates: P.Debates) -> tuple[Path, Path]:
    data = _articles(tmp_path / "data", {"001.txt": "Title\n\nThe rate fell to 3%. He was pleased.\n",
                                         "002.txt": "Another story\n\nPrices rose. \"We act,\" she said.\n"})
    file_sha1: dict[str, str] = {}
    sentences = article_sentences(data, file_sha1)
    labels = np.linspace(0, 1, len(sentences) * 2).reshape(-1, 2)
    out = tmp_path / "labels.npz"
    save_labels(out, sentences, file_sha1, labels, {"columns": ["a", "b"],
                                               "train_rows_sha1": [rows_sha1(np.arange(2)), rows_sha1(np.arange(1))],
                                               "debates_sha1": debates_sha1(debates),
                                               "base_rate": {"a": 0.5, "b": 0.25}})
    return data, out


def test_claims_checkworthy_teacher_labels_round_trip_without_text(tmp_path):
    debates = _debates()
    data, out = _write(tmp_path, debates)
    labels = CheckworthyLabels(out, data, debates)
    assert labels.texts == [x.text for x in article_sentences(data)]
    assert labels.texts[1] == "The rate fell to 3%."
    # teacher "a" was fitted on a balanced set: its labels stand; "b"'s move to its base rate
    assert np.allclose(labels.soft_labels("a", np.arange(2)), labels.labels[:, 0])
    assert np.allclose(labels.final(), (labels.labels[:, 0] + at_base_rate(labels.labels[:, 1], 0.25)) / 2)
    raw = out.read_bytes()
    assert b"rate fell" not in raw and b"pleased" not in raw  # references only (the arrays are compressed too)
    with np.load(out, allow_pickle=False) as z:
        assert set(z.files) == {"labels", "counts", "file_sha1", "meta"}
        assert "rate fell" not in bytes(z["meta"]).decode("utf-8")


def test_claims_checkworthy_teacher_labels_refuse_other_training_rows(tmp_path):
    debates = _debates()
    data, out = _write(tmp_path, debates)
    labels = CheckworthyLabels(out, data, debates)
    with pytest.raises(ValueError, match="other debates than this split"):
        labels.soft_labels("b", np.arange(2))


@pytest.mark.parametrize(("change", "message"), [
    ("edit", "not the article the labels were made from"),
    ("delete", "not the article the labels were made from"),
    ("add", "other article files"),
    ("debates", "other debate sentences"),
])
def test_claims_checkworthy_teacher_labels_refuse_changed_sources(tmp_path, change, message):
    debates = _debates()
    data, out = _write(tmp_path, debates)
    article = data / "news" / "bbc" / "politics" / "001.txt"
    if change == "edit":
        article.write_text(article.read_text(encoding="utf-8").replace("3%", "4%"), encoding="utf-8")
    elif change == "delete":
        article.unlink()
    elif change == "add":
        _articles(data, {"003.txt": "A third story.\n"})
    else:
        debates = _debates(y=(0, 0))
    with pytest.raises((ValueError, FileNotFoundError), match=message):
        CheckworthyLabels(out, data, debates)


def test_claims_checkworthy_teacher_committed_file_holds_labels_only():
    with np.load(LABELS, allow_pickle=False) as z:
        a = {k: z[k] for k in z.files}
    meta = json.loads(bytes(a["meta"]).decode("utf-8"))
    assert set(a) == {"labels", "counts", "file_sha1", "meta"}
    assert meta["columns"] == COLUMNS and len(meta["train_rows_sha1"]) == len(COLUMNS)
    assert a["labels"].shape == (int(a["counts"].sum()), len(COLUMNS))
    assert a["labels"].dtype == np.float16 and (a["labels"] >= 0).all() and (a["labels"] <= 1).all()
    assert (a["labels"].astype(np.float64).std(axis=0) > 0.05).all()  # teachers that tell sentences apart
    assert a["file_sha1"].shape == (len(meta["files"]), 20)
    assert all(f.startswith(("news/bbc/", "polnear/")) for f in meta["files"])
    assert max(len(x) for x in meta["files"]) < 80  # no text: the longest string is a file name


@requires_shared
def test_claims_checkworthy_teacher_committed_labels_match_the_shared_data_and_the_protocol():
    debates, _ = P.load_claim_data(SHARED_DATA / "claims")
    labels = CheckworthyLabels(LABELS, SHARED_DATA, debates)
    for name, rows in teacher_splits(debates).items():
        labels.soft_labels(name, rows)  # raises ClaimDataError unless the file's teacher was fitted on these rows
    # the teacher never saw the 2016 debates, on which the threshold is partly chosen
    assert np.intersect1d(teacher_splits(debates)["ct_new"], P.debate_splits(debates)["ct_new"][0][1]).size == 0


@pytest.mark.parametrize(("p", "base_rate", "want"), [
    (0.5, 0.24, 0.24),   # no evidence either way: the base rate
    (0.5, 0.5, 0.5),     # a balanced base rate changes nothing
    (0.0, 0.24, 0.0),
    (1.0, 0.24, 1.0),
    (0.9, 0.25, 0.75),   # odds 9 x 1/3 = 3
])
def test_claims_checkworthy_teacher_labels_at_base_rate(p, base_rate, want):
    assert at_base_rate(np.asarray([p]), base_rate)[0] == pytest.approx(want)
