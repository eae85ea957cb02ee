"""Hostile input: one bad file never costs the rest of the run (issue 7).

A folder with the five seeds plus an empty file, a blank file, a binary file,
a Latin-1 file, a UTF-16 file, a file of unbalanced quotation marks, a
400,000-word file without punctuation and an HTML page: the run exits 0, the
seeds' tables are exactly those of a clean run, and each bad file is named in
errors.parquet with its reason.
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.schemas import SCHEMAS
from pipeline.tables import read_table

from .conftest import SEEDS

# Extra documents are about unrelated topics so they cannot change the
# corpus-wide canonical names of the seeds' entities.
LATIN1 = "Chelsea won the derby on Saturday. The manager said the team played with great spirit and deserved the win.\n"
UTF16 = "The harvest festival opened in the valley town. Organisers said that 4,000 visitors came on the first day.\n"
UNBALANCED = (
    "The striker said “we will win the cup. Fans were not so sure.\n\n"
    "“It was a 'strange’ game,\" the coach said. \"We lost focus\n\n"
    "Nobody knew what came next ” or why.\n"
)
HTML = """<!doctype html><html><head><title>Orchard yields rise</title><script>alert('x')</script></head>
<body><nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/about'>About</a></nav>
<article><h1>Orchard yields rise</h1>
<p>Apple growers in the southern county reported their best harvest in a decade this autumn.</p>
<p>“The weather was kind to us,” said grower Mary Hollis, who farms 40 hectares near the river.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_in")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\t\n  \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(("Derby day in Münster\n\n" + LATIN1).encode("latin-1"))
    (folder / "utf16.txt").write_bytes(("Festival in the valley\n\n" + UTF16).encode("utf-16"))
    (folder / "unbalanced.txt").write_text("Cup final drama\n\n" + UNBALANCED)
    (folder / "huge.txt").write_text(" ".join(["word"] * 400_000))
    (folder / "page.html").write_text(HTML)
    out = tmp_path_factory.mktemp("hostile_out")
    result = CliRunner().invoke(app, ["run", "all", "--input", str(folder), "--out", str(out)])
    return result, out


def test_robustness_hostile_folder_exits_zero(hostile_run):
    result, _ = hostile_run
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "doc_id, error",
    [
        ("empty", "empty"),
        ("blank", "empty"),
        ("binary", "binary"),
        ("huge", "too_large"),
    ],
)
def test_robustness_bad_file_named_with_reason(hostile_run, doc_id, error):
    result, out = hostile_run
    errors = read_table(out, "errors")
    rows = errors[errors["doc_id"] == doc_id]
    assert len(rows) == 1, f"{doc_id} not reported in errors.parquet: {errors.to_dict('records')}"
    assert rows.iloc[0]["error"] == error
    assert rows.iloc[0]["path"].endswith(f"{doc_id}.txt")
    assert rows.iloc[0]["detail"], "reason must be explained"
    assert doc_id in result.output, "the run summary must name the file"


@pytest.mark.parametrize("doc_id", ["latin1", "utf16", "unbalanced", "page"])
def test_robustness_odd_but_valid_files_are_processed(hostile_run, doc_id):
    _, out = hostile_run
    docs = read_table(out, "documents").set_index("doc_id")
    assert doc_id in docs.index
    sents = read_table(out, "sentences")
    assert (sents["doc_id"] == doc_id).any()


def test_robustness_decoding_of_latin1_and_utf16(hostile_run):
    _, out = hostile_run
    docs = read_table(out, "documents").set_index("doc_id")
    assert "Chelsea won the derby" in docs.loc["latin1", "text"]
    assert "4,000 visitors" in docs.loc["utf16", "text"]


def test_robustness_html_page_cleaned(hostile_run):
    _, out = hostile_run
    doc = read_table(out, "documents").set_index("doc_id").loc["page"]
    assert "best harvest in a decade" in doc["text"]
    assert "alert(" not in doc["text"] and "Copyright" not in doc["text"]
    assert doc["title"] == "Orchard yields rise"


# per-document tables; a corpus table (actors) counts the hostile documents too
@pytest.mark.parametrize("table", [t for t in SCHEMAS if t != "errors" and "doc_id" in SCHEMAS[t].names])
def test_robustness_seed_tables_equal_clean_run(hostile_run, seed_tables, table):
    _, out = hostile_run
    seeds = set(seed_tables["documents"]["doc_id"])
    got = read_table(out, table)
    got = got[got["doc_id"].isin(seeds)]
    want = seed_tables[table]
    key = [c for c in ("doc_id", "sent_id", "ent_id", "quote_id", "claim_id") if c in want.columns]
    cols = [f.name for f in SCHEMAS[table] if f.name not in ("path",)]
    got = got[cols].sort_values(key).reset_index(drop=True)
    want = want[cols].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
