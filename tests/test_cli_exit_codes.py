"""Exit codes: 0 when the run finished (even with per-document errors), non-zero
only when the run itself could not proceed; every failure is one clear line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli.app import INTERRUPTED
from pipeline.errors import InputError, ModelError, TableError, UsageError

from .conftest import ROOT, SEEDS

runner = CliRunner()


def _invoke(*args):
    return runner.invoke(app, list(args))


def test_cli_missing_input_path_exits_3(tmp_path):
    result = _invoke("run", "clean", "--input", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert result.exit_code == InputError.exit_code
    assert "does not exist" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("name", ["x" * 300, "{tmp}/" + "y" * 300])
def test_cli_input_path_no_file_can_have_exits_3(tmp_path, name):
    """Regression: a name longer than the file system allows ended the run with an
    OSError traceback (from the input count), after the model had loaded."""
    result = _invoke("run", "all", "--input", name.format(tmp=tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == InputError.exit_code
    assert "cannot be a file or folder" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_cli_unsupported_input_file_exits_3(tmp_path):
    f = tmp_path / "x.docx"
    f.write_bytes(b"PK\x03\x04")
    result = _invoke("run", "clean", "--input", str(f), "--out", str(tmp_path))
    assert result.exit_code == InputError.exit_code
    assert "'.docx'" in result.output and ".jsonl" in result.output


def test_cli_table_input_without_text_column_exits_3(tmp_path):
    f = tmp_path / "in.csv"
    pd.DataFrame({"body": ["hello there."]}).to_csv(f, index=False)
    result = _invoke("run", "clean", "--input", str(f), "--out", str(tmp_path / "out"))
    assert result.exit_code == InputError.exit_code
    assert "no 'text' column" in result.output


def test_cli_unknown_model_exits_4(tmp_path):
    _invoke("run", "clean", "--input", str(SEEDS), "--out", str(tmp_path))
    result = _invoke("run", "sentences", "--out", str(tmp_path), "--model", "en_core_web_nonexistent")
    assert result.exit_code == ModelError.exit_code
    assert "en_core_web_nonexistent" in result.output and "not installed" in result.output


@pytest.mark.parametrize("stage, first", [("sentences", "clean"), ("entities", "clean"), ("quotes", "clean"), ("claims", "clean")])
def test_cli_missing_upstream_table_names_command(tmp_path, stage, first):
    result = _invoke("run", stage, "--out", str(tmp_path))
    assert result.exit_code == TableError.exit_code
    assert f"pipeline run {first}" in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) <= 3, result.output


def test_cli_missing_middle_table_names_its_stage(tmp_path):
    _invoke("run", "clean", "--input", str(SEEDS), "--out", str(tmp_path))
    result = _invoke("run", "quotes", "--out", str(tmp_path))
    assert result.exit_code == TableError.exit_code
    assert "pipeline run sentences" in result.output


def test_cli_malformed_table_names_table_and_column(tmp_path):
    _invoke("run", "clean", "--input", str(SEEDS), "--out", str(tmp_path))
    docs = pd.read_parquet(tmp_path / "documents.parquet").drop(columns=["text"])
    docs.to_parquet(tmp_path / "documents.parquet")
    result = _invoke("run", "sentences", "--out", str(tmp_path))
    assert result.exit_code == TableError.exit_code
    assert "documents.parquet" in result.output and "'text'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["run", "tokenize"], ["run", "all", "--workers", "zero"], ["run", "all", "--workers", "0"]])
def test_cli_bad_arguments_exit_2(tmp_path, args):
    result = _invoke(*args, "--out", str(tmp_path))
    assert result.exit_code == UsageError.exit_code, result.output


def test_cli_per_document_errors_still_exit_0(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The council met on Monday. It approved the budget.\n")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    result = _invoke("run", "all", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "bad.txt" in result.output and "binary" in result.output


def test_cli_help_lists_stages_and_exit_codes():
    result = _invoke("run", "--help")
    assert result.exit_code == 0
    for name in ("all", "clean", "sentences", "entities", "quotes", "claims", "Exit codes"):
        assert name in result.output


def test_cli_exit_codes_readme_table_is_the_generated_one():
    """The README's exit-code table is `errors.exit_code_table()` verbatim, and
    `pipeline --help` lists the same codes."""
    from pathlib import Path

    from pipeline.errors import EXIT_CODES, exit_code_table

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert exit_code_table() in readme
    result = CliRunner().invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    flat = " ".join(result.output.split())
    for code, meaning in EXIT_CODES.items():
        assert f"{code} {' '.join(meaning.split())}" in flat, code


@pytest.mark.parametrize("args, words", [
    (["run", "all", "--bogus"], ["--bogus", "pipeline run -h"]),
    (["run", "all", "--batch-size", "0"], ["--batch-size", "pipeline run -h"]),
    (["run", "all", "--engine", "spark"], ["'spark'", "pipeline run -h"]),
    (["run", "all", "--workers"], ["--workers", "requires an argument", "pipeline run -h"]),
    (["run", "tokenize"], ["'tokenize'", "pipeline run -h"]),
    (["run"], ["Missing argument", "pipeline run -h"]),
    (["match", "--against", "x.tsv", "--top", "0"], ["--top", "pipeline match -h"]),
    (["serve", "--port", "70000"], ["--port", "70000", "pipeline serve -h"]),
    (["export"], ["Missing option '--format'", "pipeline export -h"]),
    (["nosuch"], ["No such command 'nosuch'", "pipeline -h"]),
    (["--bogus"], ["--bogus", "pipeline -h"]),
])
def test_cli_click_errors_are_one_error_line_exit_2(tmp_path, monkeypatch, args, words):
    """Regression: click's own errors printed a four-line Usage/Try/Error block, where the
    README promises one `error: ...` line."""
    monkeypatch.chdir(tmp_path)
    result = _invoke(*args)
    assert result.exit_code == UsageError.exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    for word in words:
        assert word in lines[0], lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [[], ["--help"], ["run", "-h"], ["export", "--help"]])
def test_cli_help_and_no_arguments_still_print_the_help(args):
    result = _invoke(*args)
    assert result.output.startswith("Usage: ") and "Options" in result.output, result.output
    assert "error:" not in result.output


@pytest.mark.parametrize("make, words", [
    (lambda p: p.mkdir(), "holds no files"),
    (lambda p: (p.mkdir(), (p / ".hidden.txt").write_text("x")), "holds no files"),
    (lambda p: p.with_suffix(".jsonl").write_text(""), "holds no records"),
    (lambda p: p.with_suffix(".csv").write_text("body\nhello there.\n"), "no 'text' column"),
    (lambda p: p.with_suffix(".sh").write_text("echo\n"), "unsupported type '.sh'"),
])
def test_cli_unusable_input_is_refused_before_anything_is_made(tmp_path, make, words):
    """Regression: an empty input folder or table printed every stage's line and made
    <out>/_claimex/lock in a new --out before it was refused (exit 3)."""
    make(tmp_path / "in")
    given = next(p for p in tmp_path.iterdir() if p.name.startswith("in"))
    result = _invoke("run", "all", "--input", str(given), "--out", str(tmp_path / "out"), "--no-progress")
    assert result.exit_code == InputError.exit_code, result.output
    assert result.output.strip().splitlines() == [next(x for x in result.output.splitlines() if x.startswith("error:"))]
    assert words in result.output
    assert not (tmp_path / "out").exists()


def test_cli_unusable_input_leaves_an_earlier_run_as_it_was(tmp_path):
    (tmp_path / "in").mkdir()
    _invoke("run", "all", "--input", str(SEEDS), "--out", str(tmp_path / "out"))
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")}
    result = _invoke("run", "all", "--input", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == InputError.exit_code, result.output
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")} == before


def test_cli_folder_of_one_empty_article_still_runs(tmp_path):
    """An empty article is a document skipped (`empty`), not an unusable input: exit 0."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.txt").write_text("")
    result = _invoke("run", "all", "--input", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "blank.txt: empty" in result.output


def _command(tmp_path, *args, **kwargs):
    """``python -m pipeline run all ARGS`` over 40 copies of the seeds, in a session of its own (its
    process group is the terminal's for a Ctrl-C), with ``TMPDIR`` a folder of the test's."""
    corpus, tmp = tmp_path / "in", tmp_path / "tmp"
    if not corpus.exists():
        corpus.mkdir()
        tmp.mkdir()
        for k in range(8):
            for p in sorted(SEEDS.glob("*.txt")):
                (corpus / f"c{k}_{p.name}").write_text(p.read_text(encoding="utf-8") + f"\nCopy {k}.\n",
                                                       encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp))
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", "all", "--input", str(corpus), "--out",
                             str(tmp_path / "out"), "--no-progress", *args], env=env, cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kwargs)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_cli_run_with_workers_leaves_no_temporary_folder(tmp_path, engine):
    """Regression: every run with worker processes left multiprocessing's temporary folder
    (``$TMPDIR/pymp-*``, the fork server's socket) behind: the command ends with ``os._exit``,
    which skipped multiprocessing's clean-up at exit. Nothing is left after a clean exit."""
    if engine == "dask":
        pytest.importorskip("distributed")
    proc = _command(tmp_path, "--workers", "2", "--batch-size", "8", "--engine", engine)
    output, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, output[-3000:]
    assert sorted(p.name for p in (tmp_path / "tmp").glob("pymp-*")) == [], output[-3000:]


@pytest.mark.slow
def test_cli_run_interrupted_with_workers_leaves_nothing_and_prints_one_line(tmp_path):
    """Regression: Ctrl-C of a run with workers left ``$TMPDIR/pymp-*`` behind, and at times the
    resource tracker's "There appear to be 5 leaked semaphore objects" (the pool's queues, still
    referenced by the interruption's traceback when ``os._exit`` ended the process)."""
    proc = _command(tmp_path, "--workers", "2", "--batch-size", "4")
    deadline = time.time() + 120
    while time.time() < deadline and not list((tmp_path / "out").glob("_claimex/*/.batches/*")):
        time.sleep(0.1)  # the first batch's parts: the workers are busy
    os.killpg(proc.pid, signal.SIGINT)
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 130, output[-3000:]
    assert output.splitlines()[-1] == INTERRUPTED and "Traceback" not in output and "leaked" not in output, output
    time.sleep(1)  # the resource tracker, which outlives the run by a moment, would have warned by now
    assert sorted(p.name for p in (tmp_path / "tmp").glob("pymp-*")) == []


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_cli_ctrl_c_while_the_command_imports_prints_one_line(tmp_path):
    """Regression: Ctrl-C in the first seconds, while the command imported its modules (before
    main()'s handler), printed a KeyboardInterrupt traceback instead of the one line and exit 130.
    With --workers 2 the fork server starts right before those imports: the Ctrl-C lands in them."""
    proc = _command(tmp_path, "--workers", "2")
    deadline = time.time() + 60
    while time.time() < deadline and not _children(proc.pid):
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    output, _ = proc.communicate(timeout=120)
    assert (proc.returncode, output) == (130, INTERRUPTED + "\n")
    assert sorted(p.name for p in (tmp_path / "tmp").glob("pymp-*")) == []


@pytest.mark.slow
def test_cli_sigterm_ends_a_run_with_workers_as_ctrl_c_does(tmp_path):
    """Regression: SIGTERM to the run's process (``kill PID``) ended it on the spot: the resource
    tracker reported the worker pool's semaphores as leaked, ``$TMPDIR/pymp-*`` and the run's staging
    folder were left behind. It now ends as Ctrl-C does (one line, exit 143), its workers at once."""
    proc = _command(tmp_path, "--workers", "2", "--batch-size", "4")
    deadline = time.time() + 120
    while time.time() < deadline and not list((tmp_path / "out").glob("_claimex/*/.batches/*")):
        time.sleep(0.05)
    proc.terminate()
    t0 = time.time()
    output, _ = proc.communicate(timeout=120)
    assert proc.returncode == 143, output[-3000:]
    assert time.time() - t0 < 5, "the workers finished their batches first"
    assert output.splitlines()[-1] == INTERRUPTED and "Traceback" not in output and "leaked" not in output, output
    time.sleep(1)  # the resource tracker, which outlives the run by a moment, would have warned by now
    assert sorted(p.name for p in (tmp_path / "tmp").glob("pymp-*")) == []
    assert not list((tmp_path / "out").glob("_claimex/staging-*"))
