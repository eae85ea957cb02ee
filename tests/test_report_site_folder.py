"""`pipeline report` replaces only a folder a report wrote: never the tables, never
a user's folder, never a file; `--out .` is refused with one line, not a crash."""
from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import OutputError
from pipeline.views.report import SITE_MARKER, write_report

from .report_tables import write_handmade


@pytest.fixture
def data(tmp_path) -> Path:
    return write_handmade(tmp_path / "data")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def test_report_site_folder_refuses_the_tables_folder(data):
    before = _files(data)
    with pytest.raises(OutputError, match="tables folder"):
        write_report(data, data)
    assert _files(data) == before


def test_report_site_folder_refuses_a_folder_holding_the_tables(data):
    before = _files(data.parent)
    with pytest.raises(OutputError, match="tables folder"):
        write_report(data, data.parent)
    assert _files(data.parent) == before


def test_report_site_folder_keeps_a_users_files(data, tmp_path):
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "thesis.docx").write_text("two years of work")
    with pytest.raises(OutputError, match="no report wrote"):
        write_report(data, mine)
    assert (mine / "thesis.docx").read_text() == "two years of work"


def test_report_site_folder_refuses_a_file(data, tmp_path):
    f = tmp_path / "site.html"
    f.write_text("mine")
    with pytest.raises(OutputError, match="is a file"):
        write_report(data, f)
    assert f.read_text() == "mine"


@pytest.mark.parametrize("args", [["--out", "data", "--site", "data"], ["--out", "data", "--site", "."]])
def test_report_site_folder_cli_one_line_exit_6(data, monkeypatch, args):
    monkeypatch.chdir(data.parent)
    before = _files(data.parent)
    result = CliRunner().invoke(app, ["report", *args])
    assert result.exit_code == OutputError.exit_code, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert _files(data.parent) == before


def test_report_site_folder_replaces_its_own_site_and_empty_folders(data, tmp_path):
    site = tmp_path / "site"
    site.mkdir()  # empty: nothing to lose
    write_report(data, site)
    assert (site / SITE_MARKER).is_file() and (site / "index.html").is_file()
    # a page an older report wrote (its marker lists it) that this report no longer writes
    (site / "speaker-gone.html").write_text("from an older report")
    with open(site / SITE_MARKER, "a", encoding="utf-8") as fh:
        fh.write("speaker-gone.html\n")
    (site / "index.html").write_text("edited")  # a page of the report's, edited: the report's to replace
    write_report(data, site)
    assert not (site / "speaker-gone.html").exists()
    assert "<!DOCTYPE html>" in (site / "index.html").read_text()


MARKER_BEFORE_ITS_LIST = "written by `pipeline report`; the folder is replaced by the next report\n"


@pytest.mark.parametrize("marker, added, first", [
    # regression: a user's notes and folder in a report's folder were deleted by the next report
    (None, {"my_notes.txt": "notes", "mysub/a.txt": "x"}, "my_notes.txt"),
    (None, {"mysub/a.txt": "x"}, "mysub"),
    (None, {"zz-notes.html": "my page"}, "zz-notes.html"),  # named like a page, but no report wrote it
    (None, {".hidden": "mine"}, ".hidden"),
    # a site of a report before the marker listed its files: its pages are the report's, nothing else
    ("older", {"my_notes.txt": "notes"}, "my_notes.txt"),
    ("older", {"pages/a.html": "x"}, "pages"),
    ("older", {"zz-mine.html": "my page"}, "zz-mine.html"),  # review: any top-level .html counted as a page
    ("other", {}, "actors.html"),  # a marker of other text vouches for nothing (review: it vouched for every page)
])
def test_report_site_folder_refuses_a_report_folder_with_files_no_report_wrote(data, tmp_path, marker, added, first):
    site = tmp_path / "site"
    write_report(data, site)
    if marker == "older":
        (site / SITE_MARKER).write_text(MARKER_BEFORE_ITS_LIST, encoding="utf-8")
    elif marker == "other":
        (site / SITE_MARKER).write_text("hello\n", encoding="utf-8")
    for name, text in added.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    result = CliRunner().invoke(app, ["report", "--out", str(data), "--site", str(site)])
    assert result.exit_code == OutputError.exit_code, result.output
    assert len(result.output.strip().splitlines()) == 1 and repr(first) in result.output, result.output
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_report_site_folder_of_an_older_report_is_replaced(data, tmp_path):
    # a marker written before it listed the files: the report's pages are its own to replace
    site = tmp_path / "site"
    write_report(data, site)
    (site / SITE_MARKER).write_text(MARKER_BEFORE_ITS_LIST, encoding="utf-8")
    (site / "speaker-gone.html").write_text("from an older report")
    write_report(data, site)
    assert not (site / "speaker-gone.html").exists() and (site / "index.html").is_file()
    assert "index.html" in (site / SITE_MARKER).read_text().splitlines()


@pytest.mark.parametrize("dropped, table", [
    ("b2", "sentences"),   # a document with rows in every table
    ("c3", "sentences"),   # a document with one sentence and nothing else
])
def test_report_site_folder_tables_of_other_documents_one_line_exit_5(data, tmp_path, dropped, table):
    """Regression: a documents table without a document the other tables hold (replaced
    or edited by hand) ended `pipeline report` with a KeyError traceback."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from pipeline.errors import TableError

    docs = pq.read_table(data / "documents.parquet")
    pq.write_table(docs.filter(pc.not_equal(docs["doc_id"], dropped)), data / "documents.parquet")
    result = CliRunner().invoke(app, ["report", "--out", str(data), "--site", str(tmp_path / "site")])
    assert result.exit_code == TableError.exit_code, result.output
    line = " ".join(result.output.split())
    assert f"table '{table}'" in line and f"'{dropped}'" in line and "pipeline run all" in line, line
    assert "Traceback" not in result.output and result.output.startswith("error:"), result.output
    assert not (tmp_path / "site").exists()


def test_report_site_folder_errors_of_unread_documents_are_no_mismatch(data, tmp_path):
    """errors.parquet names documents that were never read (a binary file): not a mismatch."""
    import pandas as pd

    pd.DataFrame([dict(doc_id="broken", path="seeds/broken.txt", stage="read", error="binary", detail="")]
                 ).to_parquet(data / "errors.parquet")
    write_report(data, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").is_file()
