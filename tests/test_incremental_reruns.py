"""Incremental `run all`: unchanged documents are skipped, the tables stay exact."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.runner import fingerprint
from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.schemas import SCHEMAS
from pipeline.tables import read_table
from tests.conftest import SEEDS
from tests.test_runner_streaming import assert_same_tables, count_parses  # noqa: F401 (fixture)

ALL = list(stage_names())


@pytest.fixture
def corpus(tmp_path):
    """A copy of the seeds as the input folder, and an output folder."""
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    return inp, tmp_path / "out"


def test_incremental_adding_documents_parses_only_the_new(corpus, seed_tables, count_parses):
    inp, out = corpus
    new = sorted(inp.iterdir())[-2:]
    parked = inp.parent / "parked"
    parked.mkdir()
    for p in new:
        p.rename(parked / p.name)
    first = run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert (first.processed, first.skipped) == (3, 0)
    for p in new:
        (parked / p.name).rename(inp / p.name)
    count_parses.clear()
    second = run(ALL, Settings(input=inp, out=out, batch_size=2))
    assert (second.processed, second.skipped) == (2, 3)
    assert len(count_parses) == 2, "only the two added documents may be parsed"
    assert_same_tables(out, seed_tables, ignore=("path",))  # the input folder is a copy


def test_incremental_unchanged_rerun_does_nothing_and_keeps_tables(corpus, count_parses):
    inp, out = corpus
    run(ALL, Settings(input=inp, out=out))
    before = {t: read_table(out, t) for t in SCHEMAS}
    count_parses.clear()
    again = run(ALL, Settings(input=inp, out=out))
    assert (again.processed, again.skipped, count_parses) == (0, 5, [])
    for t in SCHEMAS:
        pd.testing.assert_frame_equal(read_table(out, t), before[t], obj=t)


def test_incremental_changed_and_removed_documents(corpus, seed_tables, count_parses):
    inp, out = corpus
    run(ALL, Settings(input=inp, out=out))
    files = sorted(inp.iterdir())
    files[0].unlink()
    changed = files[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe minister said the talks would resume in May.\n",
                       encoding="utf-8")
    count_parses.clear()
    summary = run(ALL, Settings(input=inp, out=out))
    assert (summary.processed, summary.skipped, len(count_parses)) == (1, 3, 1)
    docs = read_table(out, "documents")
    assert files[0].stem not in set(docs["doc_id"])
    assert "talks would resume in May" in docs.set_index("doc_id").loc[changed.stem, "text"]
    # every table equals a fresh (non-incremental) run over the same folder
    fresh = out.parent / "fresh"
    run(ALL, Settings(input=inp, out=fresh, incremental=False))
    assert_same_tables(out, {t: read_table(fresh, t) for t in SCHEMAS})


@pytest.mark.parametrize("what", ["code", "model"])
def test_incremental_changed_settings_rerun_everything(corpus, monkeypatch, what):
    inp, out = corpus
    run(ALL, Settings(input=inp, out=out))
    if what == "code":
        monkeypatch.setattr(fingerprint, "code_hash", lambda parse_only=False: "edited-code")
    else:
        monkeypatch.setattr(fingerprint, "model_version", lambda model: "3.9.9")
    summary = run(ALL, Settings(input=inp, out=out))
    assert (summary.processed, summary.skipped) == (5, 0)


def test_incremental_single_stage_run_invalidates_state(corpus):
    inp, out = corpus
    run(ALL, Settings(input=inp, out=out))
    run(["entities"], Settings(input=inp, out=out))
    summary = run(ALL, Settings(input=inp, out=out))
    assert summary.skipped == 0, "after a single-stage run the tables may not match the recorded state"


def test_incremental_keeps_error_rows_of_skipped_documents(corpus, monkeypatch):
    inp, out = corpus
    first = run(ALL, Settings(input=inp, out=out))
    doc = sorted(read_table(out, "documents")["doc_id"])[0]
    # an earlier run recorded a warning for a document that is now skipped
    errs = read_table(out, "errors")
    errs = pd.concat([errs, pd.DataFrame([{"doc_id": doc, "path": "p", "stage": "quotes",
                                           "error": "warning:odd_quote", "detail": "unbalanced"}])])
    from pipeline.tables import write_table

    write_table(errs, out, "errors")
    (inp / "empty.txt").write_text("")
    second = run(ALL, Settings(input=inp, out=out))
    assert first.processed == 5 and second.skipped == 5
    got = read_table(out, "errors")
    assert sorted(got["error"]) == ["empty", "warning:odd_quote"]


@pytest.mark.parametrize("articles", [
    # the role's holder named in two articles, then in one: the role is no longer resolved; the claim
    # about Jane Doe had become one about the role, and the pronoun's speaker the role's key
    {"a": 'Budget\n\nFinance Minister Jane Doe presented the budget on Monday. "It is fair," Jane Doe said.\n',
     "b": 'Taxes\n\nFinance Minister Jane Doe met bankers on Friday. "Rates will fall," Jane Doe said.\n',
     "c": 'Row Over Spending\n\nJane Doe faced critics in parliament on Tuesday. The finance minister said the '
          'deficit would shrink next year. "We have a plan," the Scottish finance minister told MPs. He said '
          'growth would return.\n'},
    # a full name for a surname the NER missed, from two articles, then one: the speaker kept the full name
    {"a": 'Visit\n\nAlan Sugar visited the factory on Monday. "We are delighted," Alan Sugar said.\n',
     "b": 'Tour\n\nAlan Sugar toured the region on Friday. "Jobs matter," Alan Sugar told workers.\n',
     "c": 'Speech\n\n"The economy is strong and will grow," Sugar said on Tuesday. "We must act now," Sugar '
          'added.\n'},
], ids=["role", "surname"])
def test_incremental_corpus_names_no_longer_supported_equal_a_full_run(tmp_path, articles):
    """Removing the articles that name a person lets the corpus passes undo what they did for the
    kept ones, as a full run over the same folder does (regression: the kept rows stayed resolved,
    or were given back wrongly)."""
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    for name, text in articles.items():
        (inp / f"{name}.txt").write_text(text, encoding="utf-8")
    run(ALL, Settings(input=inp, out=out))
    (inp / "b.txt").unlink()
    assert run(ALL, Settings(input=inp, out=out)).skipped == 2
    fresh = tmp_path / "fresh"
    run(ALL, Settings(input=inp, out=fresh, incremental=False))
    assert_same_tables(out, {t: read_table(fresh, t) for t in SCHEMAS})


def test_incremental_same_input_written_another_way_is_unchanged(corpus, monkeypatch, tmp_path, count_parses):
    """The input folder named relative to the working folder, then absolute, then through a link
    and from another working folder: the same files, nothing processed again, and
    ``documents.path`` the same (regression: the path was stored as typed, so each of these reran
    every document with no note, and the path changed with the working folder)."""
    inp, out = corpus
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(inp, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    first = run(ALL, Settings(input=Path("in"), out=out))
    paths = read_table(out, "documents").set_index("doc_id")["path"]
    for where, given in [(tmp_path, inp), (tmp_path, Path("link")), (tmp_path / "elsewhere", Path("../in/"))]:
        monkeypatch.chdir(where)
        count_parses.clear()
        again = run(ALL, Settings(input=given, out=out))
        assert (again.processed, again.skipped, count_parses, again.notes) == (0, first.processed, [], []), given
        pd.testing.assert_series_equal(read_table(out, "documents").set_index("doc_id")["path"], paths)
    assert all(Path(p).is_absolute() and Path(p).parent == inp.resolve() for p in paths), list(paths)


def test_incremental_single_file_written_another_way_is_unchanged(corpus, monkeypatch):
    inp, out = corpus
    article = sorted(inp.iterdir())[0]
    monkeypatch.chdir(inp)
    run(ALL, Settings(input=Path(article.name), out=out))
    monkeypatch.chdir(inp.parent)
    again = run(ALL, Settings(input=article, out=out))
    assert (again.processed, again.skipped) == (0, 1)
    assert list(read_table(out, "documents")["path"]) == [str(article.resolve())]
