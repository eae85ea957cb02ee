"""The streaming runner: batches, one parse, part files, isolation, finalize."""
from __future__ import annotations

import dataclasses
import functools
import os
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from pipeline import registry
from pipeline.nlp.loader import DEFAULT_MODEL
from pipeline.registry import get_stage, stage_names, stages
from pipeline.runner import batch, driver, publish, store
from pipeline.runner.settings import EngineError
from pipeline.runner import Settings, run
from pipeline.schemas import SCHEMAS
from pipeline.tables import MissingTableError, read_table
from tests.conftest import SEEDS

KEYS = {"documents": ["doc_id"], "sentences": ["doc_id", "sent_id"], "entities": ["doc_id", "ent_id"],
        "quotes": ["doc_id", "quote_id"], "claims": ["doc_id", "claim_id"], "actors": ["actor"],
        "errors": ["doc_id", "stage", "error", "detail"]}


def sorted_table(df: pd.DataFrame, table: str) -> pd.DataFrame:
    return df.sort_values(KEYS[table]).reset_index(drop=True)


def assert_same_tables(out, expected: dict[str, pd.DataFrame], tables=tuple(SCHEMAS), ignore=()):
    for t in tables:
        got = sorted_table(pd.read_parquet(out / f"{t}.parquet"), t).drop(columns=list(ignore), errors="ignore")
        want = sorted_table(expected[t], t).drop(columns=list(ignore), errors="ignore")
        pd.testing.assert_frame_equal(got, want, check_dtype=False, obj=t)


def test_runner_one_batch_writes_single_files(seed_run):
    out, _ = seed_run
    for t in SCHEMAS:
        assert (out / f"{t}.parquet").is_file(), f"{t}: a one-batch run must write one file"


def test_runner_batches_equal_one_batch_and_write_parts(tmp_path, seed_tables):
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2))
    assert summary.processed == 5
    parts = sorted(p.name for p in (tmp_path / "sentences.parquet").iterdir())
    assert parts == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert_same_tables(tmp_path, seed_tables)
    # the checked reader reads the folder form too
    assert len(read_table(tmp_path, "sentences")) == len(seed_tables["sentences"])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left behind"


@pytest.fixture
def count_parses(monkeypatch):
    """Count the texts spaCy parses (Language.pipe and Language.__call__)."""
    from pipeline.registry import load_pipeline

    batch.warm_up(load_pipeline(DEFAULT_MODEL), DEFAULT_MODEL)  # once per process, not per run
    seen: list[str] = []
    real_pipe, real_call = Language.pipe, Language.__call__

    def pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real_pipe(self, texts, *args, **kwargs)

    def call(self, text, *args, **kwargs):
        seen.append(text)
        return real_call(self, text, *args, **kwargs)

    monkeypatch.setattr(Language, "pipe", pipe)
    monkeypatch.setattr(Language, "__call__", call)
    return seen


def test_runner_parses_each_document_once(tmp_path, count_parses):
    run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2))
    assert len(count_parses) == 5, "run all must parse each of the 5 seeds exactly once"


def test_runner_stage_rerun_reads_cached_parse(tmp_path, seed_run, seed_tables, count_parses):
    out, _ = seed_run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    for stage in ("sentences", "entities", "quotes", "claims"):
        run([stage], Settings(input=SEEDS, out=work, batch_size=2))
    assert count_parses == [], "a single-stage rerun must not parse again"
    assert_same_tables(work, seed_tables, ("sentences", "entities", "quotes", "claims"))


def test_runner_stage_rerun_reparses_changed_text_only(tmp_path, seed_run, count_parses):
    out, _ = seed_run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    docs = read_table(work, "documents")
    docs.loc[0, "text"] = docs.loc[0, "text"] + "\n\nA new closing paragraph."
    from pipeline.tables import write_table

    write_table(docs, work, "documents")
    run(["sentences"], Settings(input=SEEDS, out=work))
    assert count_parses == [docs.loc[0, "text"]]
    sents = read_table(work, "sentences")
    assert "A new closing paragraph." in set(sents["text"])


ARTICLE = 'Election\n\n"We will win," Jane Doe said. She added that the party would cut taxes.\n'


@pytest.mark.parametrize("links", [True, False])
def test_runner_clean_alone_leaves_out_the_tables_of_earlier_documents(tmp_path, monkeypatch, links):
    if not links:  # the layout where tables are moved into --out one by one
        def no_links(*args, **kwargs):
            raise OSError("symbolic links are not supported here")

        monkeypatch.setattr(store.os, "symlink", no_links)
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "mine.txt").write_text(ARTICLE)
    (inp / "other.txt").write_text("Budget\n\nJohn Smith said the budget was fine.\n")
    run(list(stage_names()), Settings(input=inp, out=out))
    same = run(["clean"], Settings(input=inp, out=out))  # the same documents: every table stays
    assert same.notes == [] and all((out / f"{t}.parquet").exists() for t in SCHEMAS)
    (inp / "mine.txt").write_text(ARTICLE.replace('"We will win', 'Mark Twain spoke on Sunday. "We will win'))
    summary = run(["clean"], Settings(input=inp, out=out))
    assert summary.notes == ["1 document(s) added, removed or edited: sentences, entities, quotes, claims, actors "
                             "were computed from the earlier documents and are left out; run `pipeline run all` "
                             "(or `pipeline run sentences` next)"]
    assert sorted(p.name for p in out.glob("*.parquet")) == ["documents.parquet", "errors.parquet"]
    with pytest.raises(MissingTableError, match="run `pipeline run sentences --out .*` first"):
        run(["quotes"], Settings(out=out))
    run(["sentences"], Settings(out=out))
    text = dict(zip(*read_table(out, "documents")[["doc_id", "text"]].T.values))
    sents = read_table(out, "sentences")
    assert all(text[d][a:b] == t for d, a, b, t in zip(sents["doc_id"], sents["start"], sents["end"], sents["text"]))
    assert not (out / "entities.parquet").exists()


@pytest.mark.parametrize("lose", ["truncate", "delete", "unlink", "truncate-no-links"])
def test_runner_incremental_rerun_after_a_lost_errors_table_processes_every_document(tmp_path, monkeypatch, lose):
    if lose.endswith("-no-links"):  # the tables are plain files in --out (review regression: let through)
        def no_links(*args, **kwargs):
            raise OSError("symbolic links are not supported here")

        monkeypatch.setattr(store.os, "symlink", no_links)
        lose, links = lose[: -len("-no-links")], False
    else:
        links = True
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "plan.txt").write_text('Plan\n\n"We will win, Jane Doe said. The plan is good.\n')  # a warning
    (inp / "budget.txt").write_text("Budget\n\nJohn Smith said the budget was fine.\n")
    run(list(stage_names()), Settings(input=inp, out=out))
    if lose == "truncate":
        os.truncate((out / "errors.parquet").resolve(), 10)
    elif lose == "delete":
        (out / "errors.parquet").resolve().unlink()
    else:  # the table's link in --out
        (out / "errors.parquet").unlink()
    summary = run(list(stage_names()), Settings(input=inp, out=out))
    assert (summary.processed, summary.skipped) == (2, 0)
    assert [n for n in summary.notes if n.startswith("incremental: errors.parquet cannot be read")], summary.notes
    assert read_table(out, "errors")["error"].tolist() == ["warning:unbalanced_quotes"]
    if not links:  # a plain file deleted is no table, as before any run: nothing to say
        return
    # a single stage cannot recompute the other stages' rows: it says they are lost
    (out / "errors.parquet").resolve().unlink()
    summary = run(["claims"], Settings(out=out))
    assert [n for n in summary.notes if n.startswith("errors.parquet of the earlier run cannot be read")], summary.notes


def test_runner_incremental_rerun_says_why_every_document_is_processed_again(tmp_path, monkeypatch):
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "mine.txt").write_text(ARTICLE)
    everything = list(stage_names())
    assert run(everything, Settings(input=inp, out=out)).notes == []  # a first run: nothing to say
    with monkeypatch.context() as m:
        m.setattr(driver, "run_fingerprint", lambda model, names: "0" * 20)  # as another model or claimex gives
        summary = run(everything, Settings(input=inp, out=out))
    assert (summary.processed, summary.notes) == (1, ["incremental: the model, spaCy or claimex changed since the "
                                                      "last run; every document is processed again"])
    run(["claims"], Settings(out=out))
    summary = run(everything, Settings(input=inp, out=out))
    assert (summary.processed, summary.notes) == (1, ["incremental: the last run into --out was a single stage; "
                                                      "every document is processed again"])


def _with_stage(monkeypatch, name, **changes):
    """Replace the registry entry of stage ``name`` for one test."""
    replaced = [dataclasses.replace(s, **changes) if s.name == name else s for s in stages()]
    monkeypatch.setattr(registry, "_STAGES", replaced)
    return get_stage(name)


def _before_call(stage_name, hook):
    """The stage's function, calling ``hook(kwargs)`` first (same parameters)."""
    real = get_stage(stage_name).function

    @functools.wraps(real)
    def wrapped(**kwargs):
        hook(kwargs)
        return real(**kwargs)
    return wrapped


def test_runner_isolates_a_document_failing_in_stage_code(tmp_path, monkeypatch, seed_tables):
    bad = sorted(seed_tables["documents"]["doc_id"])[1]
    def flaky(kwargs):
        if bad in set(kwargs["documents"]["doc_id"]):
            raise KeyError(f"boom in {bad}")

    _with_stage(monkeypatch, "entities", function=_before_call("entities", flaky))
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=3))
    errors = read_table(tmp_path, "errors")
    assert errors[["doc_id", "stage", "error"]].values.tolist() == [[bad, "entities", "KeyError"]]
    assert summary.errors.failed_ids() == {bad}
    ents = read_table(tmp_path, "entities")
    want = seed_tables["entities"][seed_tables["entities"]["doc_id"] != bad]
    # canonical names are corpus-wide: without the failed document some resolve differently
    pd.testing.assert_frame_equal(sorted_table(ents, "entities").drop(columns="canonical"),
                                  sorted_table(want, "entities").drop(columns="canonical"), check_dtype=False)
    # the other stages of the failed document still ran
    assert set(read_table(tmp_path, "sentences")["doc_id"]) == set(seed_tables["documents"]["doc_id"])


def test_runner_interrupted_run_keeps_previous_tables(tmp_path, monkeypatch, seed_run):
    out, _ = seed_run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    before = {t: read_table(work, t) for t in SCHEMAS}
    calls = []
    def dies_on_second_batch(kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("simulated crash")  # not a per-document error: stops the run

    _with_stage(monkeypatch, "quotes", function=_before_call("quotes", dies_on_second_batch))
    with pytest.raises(RuntimeError, match="simulated crash"):
        run(list(stage_names()), Settings(input=SEEDS, out=work, batch_size=2, incremental=False))
    for t in SCHEMAS:
        pd.testing.assert_frame_equal(read_table(work, t), before[t], obj=t)
    assert not [p for p in work.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_runner_finalize_sees_whole_corpus_and_renames_speakers(tmp_path, monkeypatch, seed_tables):
    seen = []

    def upper(entities: pd.DataFrame) -> pd.DataFrame:
        seen.append(len(entities))
        out = entities.copy()
        out["canonical"] = out["canonical"].str.upper()
        return out

    ent_stage = get_stage("entities")
    _with_stage(monkeypatch, "entities", finalize=upper)
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2))
    assert seen == [len(seed_tables["entities"])], "finalize runs once over every batch's rows"
    ents = read_table(tmp_path, "entities")
    assert (ents["canonical"] == ents["canonical"].str.upper()).all()
    assert len(ents) == len(seed_tables["entities"])
    assert ent_stage.finalize is not None, "the registry unifies canonical names over the corpus"
    assert {t.table: t.rows for t in summary.tables}["entities"] == len(ents)


def test_runner_finalize_renames_reach_every_later_table(tmp_path, monkeypatch):
    """Names an entities finalize changes reach quotes.speaker, claims.speaker and claims.about,
    though the quotes and claims tables have finalizes of their own (the renames wait for them
    and are applied to the whole table they read)."""
    def upper(entities: pd.DataFrame) -> pd.DataFrame:
        return entities.assign(canonical=entities["canonical"].str.upper())

    _with_stage(monkeypatch, "entities", finalize=upper)
    run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2))
    names = {(d, c.casefold()) for d, c in zip(*(read_table(tmp_path, "entities")[k] for k in ("doc_id", "canonical")))}
    checked = 0
    for table, column in (("quotes", "speaker"), ("claims", "speaker"), ("claims", "about")):
        df = read_table(tmp_path, table)
        for d, value in zip(df["doc_id"], df[column]):
            for name in ([value] if isinstance(value, str) else list(value) if value is not None else []):
                if (d, name.casefold()) in names:
                    assert name == name.upper(), (table, column, name)
                    checked += 1
    assert checked > 50


def test_runner_finalize_features_reach_the_finalize_and_are_never_published(tmp_path, monkeypatch):
    """The claims' per-batch cluster features travel in the run's parts to the claims finalize:
    every row of a processed document has them, the rows an incremental rerun reuses have not
    (the finalize computes theirs), and no published table has a private column."""
    seen: list[pd.DataFrame] = []
    real = get_stage("claims").finalize

    def spy(claims: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
        seen.append(claims[["doc_id"] + [c for c in claims.columns if c.startswith("_")]].copy())
        return real(claims, quotes)

    _with_stage(monkeypatch, "claims", finalize=spy)
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)
    run(list(stage_names()), Settings(input=inputs, out=out, batch_size=2))
    changed = sorted(inputs.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nThe minister said so.\n", encoding="utf-8")
    run(list(stage_names()), Settings(input=inputs, out=out, batch_size=2))
    first, rerun = seen
    private = ["_cluster_content_words", "_cluster_signature"]
    assert list(first.columns[1:]) == private and first[private].notna().all().all() and len(first) > 20
    new = rerun["doc_id"] == read_table(out, "documents").set_index("path").loc[str(changed), "doc_id"]
    assert new.any() and (~new).any()
    assert rerun.loc[new, private].notna().all().all() and rerun.loc[~new, private].isna().all().all()
    for path in out.glob("*.parquet"):
        assert not [c for c in pq.read_schema(next(iter(sorted(path.glob("*.parquet"))), path)).names
                    if c.startswith("_")], path


@pytest.mark.parametrize(
    "before, after, quotes, expected",
    [
        # a rename applies to the speaker in the same document only
        ([("a", 0, "Sekreta"), ("b", 0, "Sekreta")], ["Igor Sekreta", "Sekreta"],
         [("a", "Sekreta"), ("b", "Sekreta"), ("a", None)], ["Igor Sekreta", "Sekreta", None]),
        # nothing renamed: speakers untouched, including ones that are no entity
        ([("a", 0, "OSCE")], ["OSCE"], [("a", "the ministry")], ["the ministry"]),
        # one local name split into two corpus names: the more frequent wins
        ([("a", 0, "Lavrov"), ("a", 1, "Lavrov"), ("a", 2, "Lavrov")],
         ["Sergei Lavrov", "Sergei Lavrov", "Lavrov Jr"], [("a", "Lavrov")], ["Sergei Lavrov"]),
    ],
)
def test_runner_canonical_renames(before, after, quotes, expected):
    b = pd.DataFrame(before, columns=["doc_id", "ent_id", "canonical"])
    a = b.assign(canonical=after)
    renames = publish.canonical_renames(b, a, ["doc_id", "ent_id"], ("canonical",))
    q = pd.DataFrame(quotes, columns=["doc_id", "speaker"])
    assert publish.renamed(q, ("speaker",), renames)["speaker"].tolist() == expected


def test_runner_two_workers_equal_one(tmp_path, seed_tables):
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=2, workers=2))
    assert summary.processed == 5
    assert_same_tables(tmp_path, seed_tables)


@pytest.mark.parametrize("changes, message", [
    ({"engine": "spark"}, "--engine 'spark' is not one of: local, dask"),
    ({"batch_size": 0}, "--batch-size 0 must be a whole number of at least 1"),
    ({"scheduler": "tcp://x:8786"}, "--scheduler needs --engine dask"),
])
def test_runner_rejects_bad_settings(tmp_path, changes, message):
    with pytest.raises(EngineError, match=message.replace("(", r"\(")):
        run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, **changes))


def test_runner_memory_zone_survives_an_exception(nlp):
    """Regression: spaCy's own zone skips its cleanup on an exception, which broke
    every later parse in the process (AssertionError in Vocab.get)."""
    from pipeline.nlp.docs import memory_zone

    with pytest.raises(RuntimeError):
        with memory_zone(nlp):
            nlp("Igor Sekreta met Sergei Lavrov in Minsk.")
            raise RuntimeError("stage crashed")
    with memory_zone(nlp):
        doc = nlp("Igor Sekreta met Sergei Lavrov in Minsk on Tuesday.")
        assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Minsk"]
    assert not nlp.vocab.in_memory_zone


def test_runner_canonical_names_are_corpus_wide_with_one_document_per_batch(tmp_path, seed_tables):
    from pipeline.stages.entities.canonical import canonical_names

    run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=1))
    ents = sorted_table(read_table(tmp_path, "entities"), "entities")
    pd.testing.assert_frame_equal(ents, sorted_table(seed_tables["entities"], "entities"), check_dtype=False)
    # what each batch (one document) could decide alone differs: the finalize did the work
    alone = pd.concat([canonical_names(g) for _, g in ents.groupby("doc_id", sort=False)]).sort_index()
    assert (alone.to_numpy() != ents["canonical"].to_numpy()).any()


@pytest.mark.parametrize("kept,first_outside,zoned", [(0, False, {True}), (1, True, {False, True}),
                                                     (10**9, False, {False})],
                         ids=["every-batch-in-a-zone", "zones-after-the-first", "no-zone"])
def test_runner_one_document_per_batch_equals_one_batch(tmp_path, seed_tables, monkeypatch, kept, first_outside,
                                                        zoned):
    """With ``KEPT_STRINGS`` 0 every batch has its own memory zone: nothing a stage
    keeps may depend on strings of an earlier batch (regression: the claims cue
    matcher, E018). Batches outside a zone, and a run that goes into zones after
    its first batch, give the same tables."""
    seen: list[bool] = []
    real = batch.needs_zone

    def needs_zone(nlp, chars=0):
        seen.append(False if first_outside and not seen else real(nlp, chars))
        return seen[-1]

    monkeypatch.setattr(batch, "KEPT_STRINGS", kept)
    monkeypatch.setattr(batch, "needs_zone", needs_zone)
    run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=1))
    assert_same_tables(tmp_path, seed_tables)
    assert set(seen) == zoned


def test_runner_batches_run_in_a_zone_once_kept_strings_reach_the_budget(nlp, monkeypatch):
    from pipeline.inputs.readers import RawDocument

    def strings_after(text: str) -> int:
        raw = [RawDocument("z", "z.txt", text, content_hash=text)]
        result = batch.process_batch(batch.BatchTask(0, tuple(stage_names()), DEFAULT_MODEL, raw=raw))
        assert not result.errors, result.errors
        return len(nlp.vocab.strings)

    batch.warm_up(nlp, DEFAULT_MODEL)
    monkeypatch.setattr(batch, "KEPT_STRINGS", 10**9)
    before = len(nlp.vocab.strings)
    assert strings_after("Mr Qwerzly said the vorbligant plan failed.") > before  # kept
    kept = len(nlp.vocab.strings) - batch._WARMED[id(nlp)]
    monkeypatch.setattr(batch, "KEPT_STRINGS", kept)
    assert batch.needs_zone(nlp)
    before = len(nlp.vocab.strings)
    assert strings_after("Ms Zintrawy said the plorquent deal collapsed.") == before  # in a zone: forgotten
    # a batch that could add more strings than are left runs in a zone from the start
    monkeypatch.setattr(batch, "KEPT_STRINGS", kept + 20)
    text = "Dr Blorvack said the trinqual vote passed."
    assert not batch.needs_zone(nlp) and batch.needs_zone(nlp, len(text))
    assert strings_after(text) == before


def test_runner_warm_up_makes_lazily_built_matchers_permanent(tmp_path, monkeypatch):
    from functools import lru_cache

    from spacy.matcher import Matcher

    @lru_cache(maxsize=None)
    def matcher(vocab):  # built on first use, kept across batches, as stage code does
        m = Matcher(vocab)
        m.add("claimex_test_cue_said", [[{"LOWER": "said"}]])
        return m

    seen = []
    def claims_with_cache(kwargs):
        for doc in kwargs["docs"].values():
            seen.extend(doc.vocab.strings[mid] for mid, _, _ in matcher(doc.vocab)(doc))

    _with_stage(monkeypatch, "claims", function=_before_call("claims", claims_with_cache))
    monkeypatch.setattr(batch, "_WARMED", {})  # the patched stage must be warmed too
    monkeypatch.setattr(batch, "KEPT_STRINGS", 0)  # every batch in a zone
    summary = run(list(stage_names()), Settings(input=SEEDS, out=tmp_path, batch_size=1))
    assert not summary.errors.failed_ids(), summary.errors.records
    assert seen and set(seen) == {"claimex_test_cue_said"}
