"""The command line as a user meets it: --version, -h, plain help text, the
tables folder is --out in every command, and old spellings keep working."""
from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app

from .conftest import ROOT
from .matching_archive import write_archive
from .report_tables import write_handmade

COMMANDS = sorted(app.registered_commands, key=lambda c: c.name)
#: commands that read a run's tables: the folder is --out, as in `pipeline run`
TABLE_COMMANDS = ("eval", "report", "export", "serve", "match")


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_polish_version():
    for flag in ("--version", "-V"):
        result = CliRunner().invoke(app, [flag])
        assert result.exit_code == 0 and result.output.strip() == f"claimex {pipeline.__version__}"
    out = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == f"claimex {pipeline.__version__}"


@pytest.mark.parametrize("command", [None, *(c.name for c in COMMANDS)])
def test_cli_polish_help_has_no_stray_backslashes(command):
    text = _help(*([command] if command else []))
    assert "\\" not in text, [line for line in text.splitlines() if "\\" in line]
    short = CliRunner().invoke(app, [*([command] if command else []), "-h"], terminal_width=100)
    assert short.output == text


@pytest.mark.parametrize("command", [c for c in TABLE_COMMANDS if c in {c.name for c in COMMANDS}])
def test_cli_polish_tables_folder_is_out_everywhere(command):
    text = _help(command)
    assert "-o, --out PATH" in text and "Folder with the tables" in text


def test_cli_polish_commands_are_listed():
    text = _help()
    for name in ("run", "eval", "report", "export", "import-gold", "serve"):
        assert f"  {name} " in text


def test_cli_polish_report_data_still_works_with_one_warning(tmp_path):
    data = write_handmade(tmp_path / "data")
    result = CliRunner().invoke(app, ["report", "--data", str(data), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()  # the old meaning of --out: the site
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1 and warnings[0].startswith("warning:") and "--site" in warnings[0]
    assert "--data" not in _help("report")  # hidden


def test_cli_polish_report_out_and_site(tmp_path):
    data = write_handmade(tmp_path / "data")
    result = CliRunner().invoke(app, ["report", "--out", str(data), "--site", str(tmp_path / "web")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "web" / "index.html").is_file() and not (data / "report").exists()


class _Datasette:
    """Stands for the Datasette process `pipeline serve` starts: it ends at once."""

    def __init__(self, cmd):
        self.cmd = cmd

    def wait(self, timeout=None):
        return 0


@pytest.mark.parametrize("folder", ["x[/b]", "[draft]"])
@pytest.mark.parametrize("command", ["report", "export", "match", "eval", "serve"])
def test_cli_polish_paths_with_brackets_print_as_named(tmp_path, monkeypatch, command, folder):
    # rich reads "[draft]" as markup (it vanished) and "[/b]" as a closing tag (a traceback, exit 1)
    out = write_handmade(tmp_path / folder)
    args = {"report": [], "export": ["--format", "csv"], "eval": [], "serve": ["--port", "0"],
            "match": ["--against", str(write_archive(tmp_path / folder / "archive.tsv"))]}[command]
    if command == "serve":
        pytest.importorskip("datasette")
        monkeypatch.setattr("pipeline.cli.serve.subprocess.Popen", _Datasette)
    result = CliRunner().invoke(app, [command, "--out", str(out), *args], terminal_width=80)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "MarkupError" not in result.output
    assert str(out) in result.output, result.output


@pytest.mark.parametrize("args, option", [
    (["run", "all", "--input", ""], "--input"),
    (["run", "all", "--out", ""], "--out"),
    (["run", "all", "--out="], "--out"),
    (["run", "clean", "-o", ""], "--out"),
    (["run", "clean", "--model", ""], "--model"),
    (["run", "clean", "--model", "  "], "--model"),
    (["export", "--format", "csv", "--to", ""], "--to"),
    (["match", "--against", ""], "--against"),
    (["report", "--site", ""], "--site"),
    (["eval", "--gold", ""], "--gold"),
    (["serve", "--out", ""], "--out"),
    (["import-gold", "", "gold", "--format", "prodigy"], "FILE"),
])
def test_cli_polish_empty_path_or_model_is_refused_naming_the_option(tmp_path, monkeypatch, args, option):
    """Regression: an empty value (an unset shell variable: `--out "$OUT"`) was taken as the
    current folder, and `--model ""` silently as the default model."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert option in result.output and "is empty" in result.output, result.output
    assert list(tmp_path.iterdir()) == [], "nothing is written"


@pytest.mark.parametrize("args, code", [
    (["run", "sentences", "--out", "."], 5),      # `.` is a folder, named: the missing table is the problem
    (["report", "--out", "./"], 5),
    (["run", "sentences", "--model", "en_core_web_nonexistent", "--out", "."], 5),
])
def test_cli_polish_named_current_folder_or_model_is_not_refused_as_empty(tmp_path, monkeypatch, args, code):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert "is empty" not in result.output
