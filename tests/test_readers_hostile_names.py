"""Input edge cases found by probing: odd file names, colliding stems, numeric
ids, links out of the folder, extensionless and empty inputs. Each ends with the
run going on (or one clear line) and every file accounted for."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError, UsageError
from pipeline.inputs.readers import InputPathError, input_files, plan_inputs, read_inputs
from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.tables import read_table

from .conftest import SEEDS, fails_if_it_blocks

ARTICLE = "The council met on Monday. It approved the budget, the mayor said.\n"
ALL = list(stage_names())


def _run_cli(*args):
    return CliRunner().invoke(app, ["run", *args])


def _deny_listing(monkeypatch, folder):
    """Make ``folder`` unlistable, as a folder without read access is (tests run as root)."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_readers_non_utf8_file_name_is_escaped_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w") as fh:
        fh.write("The caf\u00e9 opened on Friday. Its owner said business was good.\n")
    out = tmp_path / "out"
    result = _run_cli("all", "--input", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    docs = read_table(out, "documents").set_index("doc_id")
    assert set(docs.index) == {"good", "caf\\xe9"}
    assert docs.loc["caf\\xe9", "path"].endswith("caf\\xe9.txt")
    assert "opened on Friday" in docs.loc["caf\\xe9", "text"]


def test_readers_same_stem_different_suffix_gets_distinct_ids(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "same.txt").write_text(ARTICLE)
    (folder / "same.html").write_text("<html><body><p>Farmers said the harvest was late this year.</p></body></html>")
    (folder / "sub" / "same.txt").write_text("The mayor said the bridge would reopen in May.\n")
    raws, errors = read_inputs(folder)
    ids = [r.doc_id for r in raws]
    assert sorted(ids) == ["same.html", "same.txt", "sub/same"] and not errors
    out = tmp_path / "out"
    first = run(ALL, Settings(input=folder, out=out))
    assert first.processed == 3
    docs = read_table(out, "documents")
    assert docs["doc_id"].is_unique and len(docs) == 3
    again = run(ALL, Settings(input=folder, out=out))
    assert (again.processed, again.skipped) == (0, 3), "an unchanged folder must not be reprocessed"
    from pipeline.views.report import write_report

    write_report(out, tmp_path / "site")


@pytest.mark.parametrize("ids, expected", [
    ([1, 2, None], ["1", "2", "rows-2"]),                                   # not "1.0"
    ([9007199254740993, 9007199254740994, None], ["9007199254740993", "9007199254740994", "rows-2"]),  # > 2**53
    ([12345678901234567891, 12345678901234567892, "007"], ["12345678901234567891", "12345678901234567892", "007"]),
])
def test_readers_jsonl_ids_are_kept_exactly(tmp_path, ids, expected):
    path = tmp_path / "rows.jsonl"
    rows = [{"text": f"Article number {k}."} | ({} if i is None else {"id": i}) for k, i in enumerate(ids)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    raws, errors = read_inputs(path)
    assert not errors
    assert [r.doc_id for r in raws] == expected


def test_readers_parquet_integer_ids_with_nulls_stay_integers(tmp_path):
    path = tmp_path / "rows.parquet"
    pd.DataFrame({"id": pd.array([1, None, 3], dtype="Int64"), "text": ["One.", "Two.", "Three."]}).to_parquet(path)
    raws, _ = read_inputs(path)
    assert [r.doc_id for r in raws] == ["1", "rows-1", "3"]


def test_readers_bad_jsonl_line_is_one_error_not_the_file(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": "a", "text": "First article."}\n{not json\n{"id": "b", "text": "Second."}\n')
    raws, errors = read_inputs(path)
    assert [r.doc_id for r in raws] == ["a", "b"]
    assert [(e.error, e.path.endswith("rows.jsonl#1")) for e in errors] == [("bad_record", True)]


def test_readers_edited_metadata_reprocesses_the_record(tmp_path):
    path = tmp_path / "rows.jsonl"
    row = {"id": "a1", "title": "Old title", "source": "Old Gazette", "published": "2024-01-02", "text": ARTICLE}
    path.write_text(json.dumps(row) + "\n")
    out = tmp_path / "out"
    run(ALL, Settings(input=path, out=out))
    row.update(title="New title", source="New Gazette", published="2025-03-04")
    path.write_text(json.dumps(row) + "\n")
    again = run(ALL, Settings(input=path, out=out))
    assert (again.processed, again.skipped) == (1, 0)
    doc = read_table(out, "documents").set_index("doc_id").loc["a1"]
    assert (doc["title"], doc["source"], doc["published"]) == ("New title", "New Gazette", "2025-03-04")


def test_readers_single_stage_refuses_input(tmp_path):
    out = tmp_path / "out"
    assert _run_cli("all", "--input", str(SEEDS), "--out", str(out)).exit_code == 0
    result = _run_cli("entities", "--input", str(SEEDS), "--out", str(out))
    assert result.exit_code == UsageError.exit_code
    assert "--input" in result.output and "run entities" in result.output


def test_readers_empty_folder_is_one_line_exit_3(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / ".hidden.txt").write_text(ARTICLE)  # hidden files are not articles
    result = _run_cli("all", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == InputError.exit_code
    assert "holds no files" in result.output and "Traceback" not in result.output


def test_readers_hidden_entries_are_counted_not_lost(tmp_path):
    # regression: hidden files, and the files of hidden folders, vanished without a word, and a
    # folder of hidden articles only "holds no files"
    folder = tmp_path / "in"
    for rel in ["a.txt", ".b.txt", "sub/.c.html", ".git/HEAD", ".drafts/d.txt"]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(ARTICLE)
    result = _run_cli("all", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert list(read_table(tmp_path / "out", "documents")["doc_id"]) == ["a"]
    assert ("note: input: 4 hidden entries (.b.txt, .drafts/, .git/, sub/.c.html) not read: a name that starts "
            "with '.' is hidden; rename an article (or its folder) without the leading '.'") in result.output
    only = tmp_path / "only"
    only.mkdir()
    (only / ".b.txt").write_text(ARTICLE)
    result = _run_cli("all", "--input", str(only), "--out", str(tmp_path / "out2"))
    assert result.exit_code == InputError.exit_code
    assert "holds no files but 1 hidden entry (.b.txt), which is not read; rename an article" in result.output
    assert _run_cli("all", "--input", str(only / ".b.txt"), "--out", str(tmp_path / "out2")).exit_code == 0


def test_readers_extensionless_file_is_refused_like_any_unsupported_type(tmp_path):
    for name in ("README", "notes.toml"):
        f = tmp_path / name
        f.write_text(ARTICLE)
        with pytest.raises(InputPathError, match="unsupported type"):
            read_inputs(f)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README").write_text(ARTICLE)
    (folder / "a.txt").write_text(ARTICLE)
    raws, errors = read_inputs(folder)
    assert [r.doc_id for r in raws] == ["a"]
    assert [(e.doc_id, e.error) for e in errors] == [("README", "unsupported_type")]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_readers_links_out_of_the_folder_are_not_read(tmp_path):
    secret = tmp_path / "private" / "diary.txt"
    secret.parent.mkdir()
    secret.write_text("My password is hunter2.\n")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "leak.txt").symlink_to(secret)
    (folder / "sub" / "again.txt").symlink_to(folder / "a.txt")  # inside the folder: read
    (folder / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    out = tmp_path / "out"
    result = _run_cli("all", "--input", str(folder), "--out", str(out))
    assert result.exit_code == 0, result.output
    docs = read_table(out, "documents")
    assert sorted(docs["doc_id"]) == ["a", "again"]
    assert not docs["text"].str.contains("hunter2").any()
    errors = read_table(out, "errors").set_index("doc_id")
    assert errors.loc["leak", "error"] == "outside_input"
    assert errors.loc["elsewhere", "error"] == "not_followed"
    assert "leak.txt" in result.output and "outside_input" in result.output


@pytest.mark.skipif(os.name != "posix", reason="named pipes and symbolic links as on POSIX")
def test_readers_entries_that_are_no_file_are_reported_not_read(tmp_path):
    # regression: a named pipe blocked the run for ever; a link leading nowhere said only
    # "No such file or directory", and a loop of links was called "outside_input"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    with fails_if_it_blocks(30):
        docs, errors = read_inputs(folder)
        pipe_alone = read_inputs(folder / "pipe.txt")[1]  # --input naming the pipe itself
    assert [d.doc_id for d in docs] == ["a"] and [e.error for e in pipe_alone] == ["unreadable"]
    why = {e.doc_id: (e.error, e.detail) for e in errors}
    assert why["pipe"] == ("unreadable", "skipped: not a regular file (a named pipe, socket or device); "
                                         "put the article in a file")
    for name in ("dangling", "loop1", "loop2"):
        assert why[name][0] == "unreadable" and "fix or remove the link" in why[name][1]


def test_readers_a_folder_that_cannot_be_listed_is_reported(tmp_path, monkeypatch):
    # regression: os.walk dropped an unreadable subfolder, and its files, without a word
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "locked" / "b.txt").write_text(ARTICLE)
    _deny_listing(monkeypatch, folder / "locked")
    docs, errors = read_inputs(folder)
    assert [d.doc_id for d in docs] == ["a"]
    assert [(e.doc_id, e.error) for e in errors] == [("locked", "unreadable")]
    assert "Permission denied" in errors[0].detail and "give read access" in errors[0].detail


def _lock(monkeypatch, folder, *, listable):
    """Make ``folder`` locked as chmod 000 (``listable=False``) or 600 leaves it for a user who
    is not root (tests run as root): nothing below it can be looked at (``stat``/``lstat`` raise
    EACCES, also through a link), and without read access it cannot be listed either."""
    below = os.fspath(folder) + os.sep
    real_stat, real_lstat, real_scandir = os.stat, os.lstat, os.scandir

    def denied(path):
        return PermissionError(13, "Permission denied", os.fspath(path))

    def lstat(path, *args, **kwargs):
        if os.fspath(path).startswith(below):
            raise denied(path)
        return real_lstat(path, *args, **kwargs)

    def stat(path, *args, follow_symlinks=True, **kwargs):
        if os.fspath(path).startswith(below) or (
                follow_symlinks and isinstance(path, (str, os.PathLike))
                and os.path.realpath(path).startswith(below)):
            raise denied(path)
        return real_stat(path, *args, follow_symlinks=follow_symlinks, **kwargs)

    def scandir(path="."):
        if os.fspath(path).startswith(below) or (not listable and os.fspath(path) == os.fspath(folder)):
            raise denied(path)
        return real_scandir(path)

    monkeypatch.setattr(os, "lstat", lstat)
    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.skipif(os.name != "posix", reason="folder permissions and symbolic links")
@pytest.mark.parametrize("listable", [False, True], ids=["chmod-000", "chmod-600"])
def test_readers_a_locked_folder_or_a_link_into_it_is_one_unreadable_row(tmp_path, monkeypatch, listable):
    # regression: Path.is_dir() / exists() raise PermissionError in Python 3.11 for a name inside a
    # locked folder (its `_claimex` probe, a file of a folder readable but not searchable, a link
    # into it), and the whole run ended in a traceback
    folder = tmp_path / "in"
    (folder / "locked" / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "locked" / "b.txt").write_text(ARTICLE)
    (folder / "locked" / "sub" / "c.txt").write_text(ARTICLE)
    (folder / "link.txt").symlink_to(folder / "locked" / "b.txt")
    with monkeypatch.context() as m:
        _lock(m, folder / "locked", listable=listable)
        docs, errors = read_inputs(folder)
        files = input_files(folder)
    assert [d.doc_id for d in docs] == ["a"] and [p.name for p in files] == ["a.txt"]
    assert sorted((e.doc_id, e.path, e.error) for e in errors) == [
        ("link", str(folder / "link.txt"), "unreadable"), ("locked", str(folder / "locked"), "unreadable")]
    assert all("Permission denied" in e.detail and "give read access" in e.detail for e in errors)


def test_readers_out_inside_the_input_folder_is_not_read(tmp_path):
    # regression: a rerun read its own report pages as articles and its tables as unsupported files
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    out = folder / "out"
    for result in (_run_cli("all", "--input", str(folder), "--out", str(out)),
                   CliRunner().invoke(app, ["report", "--out", str(out)]),
                   _run_cli("all", "--input", str(folder), "--out", str(out))):
        assert result.exit_code == 0, result.output
    assert list(read_table(out, "documents")["doc_id"]) == ["a"]
    assert read_table(out, "errors").empty


def test_readers_unreadable_input_is_one_line_with_the_fix(tmp_path, monkeypatch):
    # regression: an unreadable --input was click's multi-line usage error with exit 2
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    _deny_listing(monkeypatch, folder)
    result = _run_cli("all", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == InputError.exit_code, result.output
    assert [line for line in result.output.splitlines() if line.strip()] == [
        f"error: input folder {str(folder)!r} cannot be read (Permission denied); give yourself read access to it "
        "or pass another --input"]


def test_readers_unreadable_file_says_what_to_do(tmp_path, monkeypatch):
    # regression: an unreadable file's row said only "Permission denied"
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", os.fspath(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # what a file without read access does (tests run as root)
    docs, errors = read_inputs(path)
    assert docs == [] and [(e.error, e.detail) for e in errors] == [
        ("unreadable", "the file cannot be read (Permission denied); give read access to it and run again")]


@pytest.mark.skipif(os.name != "posix", reason="file names with control characters")
def test_readers_control_characters_in_a_name_stay_on_one_summary_line(tmp_path):
    # regression: a newline in a file name split its summary line, an escape sequence reached the terminal
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "bad\nname\x1b[31m.md").write_text(ARTICLE)
    result = _run_cli("all", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "unsupported_type" in line)
    assert "bad\\nname\\x1b[31m.md: unsupported_type" in line and "\x1b" not in result.output


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_readers_out_given_through_a_link_inside_the_input_is_not_read(tmp_path):
    # review regression: --out named by a link inside the input folder (pointing elsewhere) was
    # listed as a link to a folder, an error row of the run's own output
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (tmp_path / "tables").mkdir()
    (folder / "out").symlink_to(tmp_path / "tables", target_is_directory=True)
    items = list(plan_inputs(folder, out=folder / "out"))
    assert [type(i).__name__ for i in items] == ["InputFile"]


@pytest.mark.parametrize("written", ["site", "tables"])
def test_readers_a_folder_claimex_wrote_inside_the_input_is_not_read(tmp_path, written):
    """A report site (`report --site in/site`) or another run's tables folder inside the input
    is claimex's output, not articles (regression: the next run read every report page as an
    article, and its script file as an `unsupported_type` row)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    first = folder / "old_run" if written == "tables" else tmp_path / "out"
    assert _run_cli("all", "--input", str(folder), "--out", str(first)).exit_code == 0
    if written == "site":
        result = CliRunner().invoke(app, ["report", "--out", str(first), "--site", str(folder / "site")])
        assert result.exit_code == 0, result.output
        assert any((folder / "site").glob("*.html"))
    else:
        result = CliRunner().invoke(app, ["report", "--out", str(first)])  # its pages in old_run/report/
        assert result.exit_code == 0, result.output
    items = list(plan_inputs(folder, out=tmp_path / "elsewhere"))
    assert [(type(i).__name__, i.doc_id) for i in items] == [("InputFile", "a")]
