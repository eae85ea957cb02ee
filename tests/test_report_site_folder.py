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
    (site / "stale.html").write_text("from an older report")
    write_report(data, site)
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file()
