"""The table contract: schemas, offsets, atomic writes, checked reads."""
from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.schemas import SCHEMAS, SPAN_TABLES
from pipeline.tables import MissingTableError, TableSchemaError, read_table, write_table


@pytest.mark.parametrize("table", SPAN_TABLES)
def test_tables_offsets_match_document_text(seed_tables, table):
    docs = seed_tables["documents"].set_index("doc_id")["text"]
    rows = seed_tables[table]
    bad = [
        (r.doc_id, r.start, r.end, r.text)
        for r in rows.itertuples()
        if docs[r.doc_id][r.start : r.end] != r.text
    ]
    assert not bad, f"{table}: {len(bad)} rows whose text != documents.text[start:end], e.g. {bad[:3]}"


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_tables_written_with_contract_schema(seed_run, table):
    out, _ = seed_run
    schema = pq.read_schema(out / f"{table}.parquet")
    for field in SCHEMAS[table]:
        assert field.name in schema.names, f"{table} lacks {field.name}"
        assert schema.field(field.name).type == field.type


def test_tables_documents_one_row_per_seed(seed_tables):
    docs = seed_tables["documents"]
    assert sorted(docs["doc_id"]) == sorted(p.stem for p in __import__("tests.conftest", fromlist=["SEEDS"]).SEEDS.glob("*.txt"))
    assert docs["doc_id"].is_unique


def test_tables_read_missing_names_the_stage(tmp_path):
    with pytest.raises(MissingTableError, match="pipeline run sentences"):
        read_table(tmp_path, "sentences", stage_hint="sentences")


def test_tables_read_rejects_wrong_schema_naming_column(tmp_path):
    pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [1]}).to_parquet(tmp_path / "sentences.parquet")
    with pytest.raises(TableSchemaError, match=r"sentences\.parquet: column 'text' is missing"):
        read_table(tmp_path, "sentences")


def test_tables_write_failure_keeps_previous_table(tmp_path):
    good = pd.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [0], "end": [1], "text": ["x"], "is_heading": [False]})
    write_table(good, tmp_path, "sentences")
    bad = good.drop(columns=["text"])
    with pytest.raises(TableSchemaError):
        write_table(bad, tmp_path, "sentences")
    assert read_table(tmp_path, "sentences")["text"].tolist() == ["x"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_tables_private_columns_stay_in_the_run_and_are_never_published(tmp_path):
    """A stage's per-batch finalize features (columns named ``_...``) are kept in the part
    files, read back (null for parts written without them), and dropped when published."""
    from pipeline.tables import PartWriter, empty_frame, table_path

    row = {c: None for c in empty_frame("errors").columns}
    base = pd.DataFrame([dict(row, doc_id="a", path="a.txt", stage="clean", error="unreadable", detail="m")])
    writer = PartWriter(tmp_path, "errors")
    writer.write(base.assign(_feature=["x"]))
    writer.write(base.assign(doc_id="b"))  # e.g. reused rows, without the feature
    back = writer.read()
    assert back["_feature"].tolist() == ["x", None] and back["doc_id"].tolist() == ["a", "b"]
    path = writer.commit()
    assert path == table_path(tmp_path, "errors")
    published = pq.ParquetDataset(path).schema.names
    assert "_feature" not in published and published == list(empty_frame("errors").columns)


@pytest.mark.parametrize("told", [True, None])  # the worker says so, or the footer is read on adoption
def test_tables_adopted_part_with_private_columns_is_published_without_them(tmp_path, monkeypatch, told):
    """A part a worker wrote with private columns and the writer adopted: ``commit`` knows
    from the adoption which parts to strip and reads no footer to find them."""
    import pipeline.tables as T

    row = {c: None for c in T.empty_frame("errors").columns}
    base = pd.DataFrame([dict(row, doc_id="a", path="a.txt", stage="clean", error="unreadable", detail="m")])
    elsewhere = tmp_path / "worker"
    elsewhere.mkdir()
    for k, df in enumerate([base.assign(_feature=["x"]), base.assign(doc_id="b")]):
        pq.write_table(T.to_arrow(df, "errors", private=True), elsewhere / f"p{k}.parquet")
    writer = T.PartWriter(tmp_path / "out", "errors")
    writer.add_file(elsewhere / "p0.parquet", 1, "part-00000.parquet", private=told)
    writer.add_file(elsewhere / "p1.parquet", 1, "part-00001.parquet", private=False if told else None)
    assert writer.private == {"part-00000.parquet"}

    def no_footer_reads(*args, **kwargs):
        raise AssertionError("commit read a part's footer")

    monkeypatch.setattr(T, "_has_private", no_footer_reads)
    path = writer.commit()
    assert pq.ParquetDataset(path).schema.names == list(T.empty_frame("errors").columns)
    assert pd.read_parquet(path)["doc_id"].tolist() == ["a", "b"]


def test_tables_private_columns_with_missing_values_combine_across_parts(tmp_path):
    """A private column that is NaN in some rows, or in every row of a part, reads back as
    nulls beside the parts where it holds text (regression: NaN failed or became a float)."""
    from pipeline.tables import PartWriter, empty_frame

    row = {c: None for c in empty_frame("errors").columns}
    base = pd.DataFrame([dict(row, doc_id="a", path="a.txt", stage="clean", error="unreadable", detail="m")] * 2)
    writer = PartWriter(tmp_path, "errors")
    writer.write(base.assign(_feature=["x", float("nan")]))
    writer.write(base.assign(_feature=[float("nan"), float("nan")]))
    assert writer.read()["_feature"].tolist() == ["x", None, None, None]


def _two_parts(folder, table="sentences"):
    from pipeline.tables import empty_frame

    path = folder / f"{table}.parquet"
    path.mkdir(parents=True)
    rows = empty_frame(table).columns
    for i in range(2):
        df = pd.DataFrame([dict(doc_id=f"d{i}", sent_id=0, start=0, end=3, text="One", is_heading=False)])
        write_table(df[[c for c in rows if c in df.columns]], folder / "tmp", table)
        (folder / "tmp" / f"{table}.parquet").rename(path / f"part-{i:05d}.parquet")
    return path


@pytest.mark.parametrize("damage, words", [
    ("cut", ["Parquet magic bytes not found in footer"]),
    ("text", ["smaller than the minimum file footer"]),
    ("part cut", ["part part-00001.parquet", "Parquet magic bytes not found in footer"]),
])
def test_tables_read_damaged_file_names_the_fix(tmp_path, damage, words):
    """Regression: a Parquet file cut short gave pyarrow's 300-character message (the path
    twice) and no fix; a damaged part other than the first a traceback from report and eval."""
    if damage == "part cut":
        path = _two_parts(tmp_path)
        with open(path / "part-00001.parquet", "r+b") as fh:
            fh.truncate(100)
    else:
        path = tmp_path / "sentences.parquet"
        write_table(pd.DataFrame([dict(doc_id="d", sent_id=0, start=0, end=3, text="One", is_heading=False)]),
                    tmp_path, "sentences")
        if damage == "cut":
            with open(path, "r+b") as fh:
                fh.truncate(100)
        else:
            path.write_text("x\n")
    with pytest.raises(TableSchemaError) as caught:
        read_table(tmp_path, "sentences", stage_hint="sentences")
    message = str(caught.value)
    assert message.startswith(f"{path}: not a readable Parquet table (")
    assert message.endswith(f"rerun the stage that writes 'sentences': `pipeline run sentences --out {tmp_path}`")
    assert all(w in message for w in words) and message.count(str(path)) == 1 and len(message) < len(str(path)) * 2 + 200


def test_tables_read_two_whole_parts_reads_both(tmp_path):
    assert sorted(read_table(_two_parts(tmp_path).parent, "sentences")["doc_id"]) == ["d0", "d1"]


@pytest.mark.parametrize("command", [["report"], ["eval"], ["export", "--format", "csv"]])
def test_tables_damaged_part_is_one_line_exit_5_in_every_reader(tmp_path, command):
    """Regression: a damaged part file other than the first ended report, eval and export
    with an ArrowInvalid traceback."""
    from typer.testing import CliRunner

    from pipeline.cli import app
    from tests.report_tables import write_handmade

    out = write_handmade(tmp_path / "out")
    sentences = pd.read_parquet(out / "sentences.parquet")
    (out / "sentences.parquet").unlink()
    (out / "sentences.parquet").mkdir()
    for i, part in enumerate((sentences.iloc[:3], sentences.iloc[3:])):
        write_table(part, tmp_path / "tmp", "sentences")
        (tmp_path / "tmp" / "sentences.parquet").rename(out / "sentences.parquet" / f"part-{i:05d}.parquet")
    with open(out / "sentences.parquet" / "part-00001.parquet", "r+b") as fh:
        fh.truncate(100)
    result = CliRunner().invoke(app, [*command, "--out", str(out)])
    assert result.exit_code == TableSchemaError.exit_code, result.output
    line = " ".join(result.output.split())
    assert line.startswith("error: ") and "Traceback" not in line and "part-00001.parquet" in line, line
    assert "rerun the stage that writes 'sentences'" in line, line
