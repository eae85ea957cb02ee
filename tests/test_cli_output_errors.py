"""An `--out` that cannot be written (a file, read-only, full) is one line and exit
6, never a traceback; and no traceback anywhere prints local variables."""
from __future__ import annotations

import errno
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import OutputError
from pipeline.tables import empty_frame, to_arrow

from .conftest import ROOT, SEEDS, fails_if_it_blocks


def _run(out, *options, input=SEEDS):
    return CliRunner().invoke(app, ["run", "all", "--input", str(input), "--out", str(out), *options])


def _one_line_exit_6(result, *words):
    assert result.exit_code == OutputError.exit_code, result.output
    lines = [line for line in result.output.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    for w in words:
        assert w in lines[0], lines[0]


def test_cli_out_is_a_file(tmp_path):
    f = tmp_path / "tables"
    f.write_text("mine")
    _one_line_exit_6(_run(f), "is a file")
    assert f.read_text() == "mine"


def test_cli_out_under_a_file(tmp_path):
    f = tmp_path / "tables"
    f.write_text("mine")
    _one_line_exit_6(_run(f / "out"), "is a file")


def test_cli_out_name_too_long(tmp_path):
    """Regression: a folder name longer than the file system allows was an OSError traceback."""
    _one_line_exit_6(_run(tmp_path / ("o" * 300)), "File name too long", "shorter name")


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "No space left"), (errno.EROFS, "Read-only file system")])
def test_cli_disk_full_or_read_only_keeps_the_old_tables(tmp_path, monkeypatch, code, words):
    out = tmp_path / "out"
    assert _run(out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet") if p.is_file()}
    real = pq.write_table

    def failing(table, where, *args, **kwargs):
        if str(out) in str(where):
            raise OSError(code, os.strerror(code))  # what pyarrow raises when the disk is full
        return real(table, where, *args, **kwargs)

    monkeypatch.setattr(pq, "write_table", failing)
    result = _run(out, "--no-incremental")
    _one_line_exit_6(result, words, str(out))
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet") if p.is_file()} == before


def test_cli_no_traceback_prints_local_variables(tmp_path):
    """An unexpected internal error shows a traceback (exit 1) without the values
    of local variables, which hold article text."""
    script = (
        "import sys\n"
        "import pipeline.runner.driver as d\n"
        "def boom(*a, **k):\n"
        "    article_text = 'SECRET-ARTICLE-TEXT'\n"
        "    raise RuntimeError('internal')\n"
        "d.check_model = boom\n"
        "from pipeline.cli import main\n"
        f"sys.argv = ['pipeline', 'run', 'all', '--input', {str(SEEDS)!r}, '--out', {str(tmp_path / 'out')!r}]\n"
        "main()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="200")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "RuntimeError" in proc.stderr
    assert "SECRET-ARTICLE-TEXT" not in proc.stderr + proc.stdout


def _article(tmp_path):
    path = tmp_path / "in" / "a.txt"
    path.parent.mkdir()
    path.write_text("Talks resume\n\n\u201cWe are ready,\u201d Foreign Minister Igor Sekreta said on Monday.\n")
    return path


@pytest.mark.parametrize("name, content, words", [
    ("run.json", '{"mine": true}', "run.json (not the record of a claimex run)"),
    ("documents.parquet", "USER DATA", "documents.parquet (not a Parquet table)"),
    ("docs.spacy/notes.txt", "mine", "docs.spacy/notes.txt (not a parse-cache part)"),
    # a newline in the name stays escaped on the one error line
    ("docs.spacy/my\nnotes.txt", "mine", "docs.spacy/my\\nnotes.txt (not a parse-cache part)"),
])
def test_cli_out_with_a_file_of_the_users_where_claimex_writes_is_refused(tmp_path, name, content, words):
    # regression: these were overwritten (run.json, a table's name, by a link) or deleted (docs.spacy/)
    out = tmp_path / "out"
    (out / name).parent.mkdir(parents=True)
    (out / name).write_text(content)
    result = _run(out, input=_article(tmp_path))
    _one_line_exit_6(result, words, "Nothing was changed")
    assert (out / name).read_text() == content and not (out / "_claimex").exists()


def test_cli_out_files_of_the_users_beside_the_tables_stay(tmp_path):
    # regression: the sweep of a killed run's temporaries removed any hidden `.*.tmp`,
    # `.*.parts.*` or `.*.parquet.old-*`, and publishing removed any manifest.json
    out = tmp_path / "out"
    mine = {".draft.tmp": "d", ".photos.parts.2024/a.jpg": "pic", ".thesis.parquet.old-v1": "old",
            "manifest.json": '{"my": 1}', "notes.txt": "mine"}
    for name, text in mine.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text)
    article = _article(tmp_path)
    for _ in range(2):  # the first run into the folder, and a rerun
        result = _run(out, input=article)
        assert result.exit_code == 0, result.output
    assert {name: (out / name).read_text() for name in mine} == mine
    assert len(pq.read_table(out / "quotes.parquet")) == 1


def test_cli_out_the_input_folder_itself_is_refused(tmp_path):
    # its tables, run.json and report would be read as articles; a folder inside --input is fine
    article = _article(tmp_path)
    result = _run(article.parent, input=article.parent)
    _one_line_exit_6(result, "is the --input folder", "a folder inside --input is fine")
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.txt"]


def test_cli_out_of_an_earlier_layout_is_taken_over_not_refused(tmp_path):
    # a claimex manifest of the layout before generations ({"fingerprint": ...}) marks the folder as
    # claimex's: its real table files are taken over (and a damaged one recomputed), the manifest removed
    article = _article(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text('{"fingerprint": "abc"}')
    (out / "quotes.parquet").write_text("damaged")
    result = _run(out, input=article)
    assert result.exit_code == 0, result.output
    assert not (out / "manifest.json").exists() and len(pq.read_table(out / "quotes.parquet")) == 1


@pytest.mark.skipif(os.name != "posix", reason="named pipes")
def test_cli_out_ownership_never_blocks_nor_mistakes_a_users_manifest(tmp_path):
    # review regressions: a named pipe at a table's name blocked the check; a user's
    # manifest.json with a "version" passed for claimex's (and publishing deleted it)
    from pipeline.runner.ownership import foreign_files

    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "quotes.parquet")
    (out / "manifest.json").write_text('{"version": "1.4.2"}')
    with fails_if_it_blocks(20):
        found = foreign_files(out)
    assert found == ["quotes.parquet (not a Parquet table)"]


def test_cli_out_ownership_reads_a_folder_table_as_the_run_does(tmp_path):
    # review regression: a Spark-style folder table (its part files beside a _SUCCESS marker)
    # was refused as "not a Parquet table", though the run reads only its *.parquet parts
    from pipeline.runner.ownership import foreign_files

    table = tmp_path / "out" / "quotes.parquet"
    table.mkdir(parents=True)
    pq.write_table(to_arrow(empty_frame("quotes"), "quotes"), table / "part-0.parquet")
    (table / "_SUCCESS").write_text("")
    assert foreign_files(tmp_path / "out") == []
    (table / "part-1.parquet").write_text("not parquet")
    assert foreign_files(tmp_path / "out") == ["quotes.parquet (not a Parquet table)"]


@pytest.mark.parametrize("args", [
    ["run", "actors"], ["run", "sentences"], ["report"], ["serve"], ["eval"], ["export", "--format", "csv"],
    ["match", "--against", "archive.tsv"],
])
@pytest.mark.parametrize("inside", [False, True])
def test_cli_out_a_file_is_said_so_by_every_command(tmp_path, monkeypatch, args, inside):
    """Regression: `run actors --out p.sh` advised `pipeline run clean` first, `report` and
    `serve` to run `pipeline run all --out p.sh`, `eval` that documents.parquet was not found."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.sh").write_text("echo mine\n")
    out = "p.sh/out" if inside else "p.sh"
    result = CliRunner().invoke(app, [*args, "--out", out])
    _one_line_exit_6(result, f"--out {out} is", "is a file, not a folder" if not inside else "which is a file")
    assert "pipeline run clean" not in result.output and "first" not in result.output
    assert (tmp_path / "p.sh").read_text() == "echo mine\n"


@pytest.mark.parametrize("args, advice", [
    (["run", "sentences", "--out", "mine"], "run `pipeline run clean --out mine` first"),
    (["run", "quotes", "--out", "my tables"], "run `pipeline run clean --out 'my tables'` first"),
    (["eval", "--out", "mine"], "run `pipeline run clean --out mine` first"),
    # the default --out: the advice stays as short as it was
    (["run", "sentences"], "run `pipeline run clean` first"),
    (["run", "sentences", "--out", "data"], "run `pipeline run clean` first"),
])
def test_cli_advice_to_run_a_stage_first_names_the_out_given(tmp_path, monkeypatch, args, advice):
    """Regression: `run sentences --out mine` advised `pipeline run clean` first, which makes
    tables in data/, so the same advice came again."""
    from pipeline.errors import TableError

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == TableError.exit_code, result.output
    assert advice in " ".join(result.output.split()), result.output
