"""``pipeline match``: a run's claims against an archive file, written as ``claim_matches``
(atomically, readable by ``pipeline.load``), with one-line errors and the usual exit codes."""
from __future__ import annotations

import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline import load
from pipeline.cli import app
from pipeline.matching.table import CACHE_FOLDER
from pipeline.schemas import CLAIM_MATCHES
from pipeline.tables import empty_frame, read_table, write_table
from pipeline.views.report import write_report

from .matching_archive import MUST_MATCH_NOTHING, MUST_RANK_FIRST, write_archive

runner = CliRunner()


def write_claims(out, texts: list[tuple[str, str]], **extra) -> pd.DataFrame:
    """A claims table (doc_id, text) of whole one-sentence documents, as a run would write it."""
    rows = []
    for i, (doc_id, text) in enumerate(texts):
        rows.append(dict(doc_id=doc_id, claim_id=i, sent_id=0, start=0, end=len(text), text=text,
                         claim_type="factual", speaker=None, quote_id=None, check_worthy=True, confidence=0.9))
    df = pd.DataFrame(rows).assign(**extra)
    write_table(df, out, "claims")
    return df


@pytest.fixture()
def run_dir(tmp_path):
    out = tmp_path / "data"
    texts = [("d1", MUST_RANK_FIRST[0][0]), ("d1", MUST_MATCH_NOTHING[0]), ("d2", MUST_RANK_FIRST[4][0])]
    write_claims(out, texts)
    return out


def invoke(*args):
    return runner.invoke(app, ["match", *map(str, args)])


def test_matching_cli_writes_claim_matches(tmp_path, run_dir):
    archive = write_archive(tmp_path / "archive.tsv")
    result = invoke("--against", archive, "--out", run_dir)
    assert result.exit_code == 0, result.output
    assert "index built" in result.output and "2 of 3 claims have a match scoring >= 0.1" in result.output
    schema = pq.read_schema(run_dir / "claim_matches.parquet")
    assert all(schema.field(f.name).type == f.type for f in CLAIM_MATCHES)
    m = read_table(run_dir, "claim_matches")
    assert set(zip(m["doc_id"], m["claim_id"], m["rank"], m["match_id"])) >= {("d1", 0, 1, "fc-001"), ("d2", 2, 1, "fc-005")}
    assert (m["score"] >= 0.1).all() and not ((m["doc_id"] == "d1") & (m["claim_id"] == 1)).any()
    assert m.loc[m["match_id"] == "fc-001", "match_verdict"].iloc[0] == "Mostly False"
    assert not [p.name for p in run_dir.iterdir() if p.name.startswith(".") and p.name != CACHE_FOLDER]

    again = invoke("--against", archive, "--out", run_dir, "--top", 2, "--min-score", 0)
    assert again.exit_code == 0 and "loaded from the cache" in again.output
    m2 = read_table(run_dir, "claim_matches")
    assert m2.groupby(["doc_id", "claim_id"]).size().tolist() == [2, 2, 2]


def test_matching_cli_matches_the_content_without_the_attribution_frame(tmp_path):
    out = tmp_path / "data"
    frame = "Igor Sekreta, speaking at the OSCE Ministerial Council in Vienna on Thursday, said that "
    content = "drinking hot water every 15 minutes prevents infection with the coronavirus"
    text = frame + content + "."
    write_claims(out, [("d1", text)], content_start=[len(frame)], content_end=[len(frame) + len(content)])
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", out, "--top", 1)
    assert result.exit_code == 0, result.output
    assert read_table(out, "claim_matches")["match_id"].tolist() == ["fc-003"]


def test_matching_cli_claim_matches_load_with_the_run_and_show_in_the_report(seed_run, tmp_path):
    out, _ = seed_run
    assert "claim_matches" not in load(out).names  # a run without it loads as before
    copy = tmp_path / "run"
    shutil.copytree(out, copy, ignore=shutil.ignore_patterns("report", "docs.spacy"))
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", copy, "--min-score", 0, "--top", 1)
    assert result.exit_code == 0, result.output
    t = load(copy)
    assert len(t.claim_matches) == len(t.claims) and (t.claim_matches["rank"] == 1).all()
    write_report(copy, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<code>claim_matches</code></td><td class=n>%d</td><td>pipeline match</td>" % len(t.claims) in index


HOT_WATER = "Health officials said on Monday that drinking hot water every 15 minutes prevents infection with the coronavirus."
KOALAS = "The minister said that koalas are now functionally extinct in Australia after the bushfires."


@pytest.mark.parametrize("unchanged_rerun", [False, True], ids=["file-match-wrote", "carried-by-a-rerun"])
def test_matching_cli_rerun_that_changes_the_claims_drops_claim_matches(tmp_path, unchanged_rerun):
    inp, out = tmp_path / "in", tmp_path / "data"
    inp.mkdir()
    (inp / "a.txt").write_text(f"{HOT_WATER}\n\n{KOALAS}\n")

    def run_all():
        result = runner.invoke(app, ["run", "all", "--input", str(inp), "--out", str(out), "--no-progress"])
        assert result.exit_code == 0, result.output
        return result.stdout

    run_all()
    assert invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", out, "--top", 1).exit_code == 0
    matches = read_table(out, "claim_matches")
    matched = matches.merge(read_table(out, "claims"), on=["doc_id", "claim_id"])
    assert sorted(zip(matched["text"], matched["match_id"])) == [(HOT_WATER, "fc-003"), (KOALAS, "fc-001")]
    if unchanged_rerun:  # the same claims: the matches still name them, and are carried along
        assert "dropped" not in run_all()
        pd.testing.assert_frame_equal(read_table(out, "claim_matches"), matches)

    (inp / "a.txt").write_text(f"{KOALAS}\n\n{HOT_WATER}\n")  # the two claims swap ids
    printed = run_all()
    assert "claim_matches dropped: the claims changed; rerun `pipeline match --against FILE" in printed
    assert not (out / "claim_matches.parquet").exists() and not (out / "claim_matches.parquet").is_symlink()
    assert "claim_matches" not in load(out).names


@pytest.mark.parametrize("archive_text, code, message", [
    ("id\theadline\n1\tx\n", 3, "archive.tsv: no claim text column"),
    ("id\tclaim\n1\ta\n1\tb\n", 3, "archive.tsv: id '1' appears twice"),
])
def test_matching_cli_bad_archive_is_one_line_exit_3(tmp_path, run_dir, archive_text, code, message):
    (tmp_path / "archive.tsv").write_text(archive_text)
    result = invoke("--against", tmp_path / "archive.tsv", "--out", run_dir)
    assert result.exit_code == code
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in result.output
    assert not (run_dir / "claim_matches.parquet").exists()


@pytest.mark.parametrize("made, code, message", [
    ("nothing", 5, "--out {out} does not exist: run `pipeline run all --out {out}` first"),
    ("an empty folder", 5, "--out {out} holds no run's tables: run `pipeline run all --out {out}` first"),
    ("a run without claims", 5, "run `pipeline run claims --out {out}` first"),
    ("a file", 6, "--out {out} is a file, not a folder"),
], ids=["missing", "empty", "no-claims", "file"])
def test_matching_cli_without_a_claims_table_names_the_command(tmp_path, made, code, message):
    out = tmp_path / "out"
    if made == "an empty folder":
        out.mkdir()
    elif made == "a run without claims":
        write_table(empty_frame("documents"), out, "documents")
    elif made == "a file":
        out.write_text("")
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", out)
    assert result.exit_code == code, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and message.format(out=out) in errors[0], result.output


def test_matching_cli_options_are_checked(tmp_path, run_dir):
    archive = write_archive(tmp_path / "archive.tsv")
    assert invoke("--against", archive, "--out", run_dir, "--top", 0).exit_code == 2
    assert invoke("--against", archive, "--out", run_dir, "--min-score", 1.5).exit_code == 2
    assert invoke("--out", run_dir).exit_code == 2
    assert invoke("--against", tmp_path / "missing.tsv", "--out", run_dir).exit_code == 3


@pytest.mark.parametrize("value", ["nan", "NaN"])
def test_matching_cli_min_score_nan_is_exit_2(tmp_path, run_dir, value):
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", run_dir, "--min-score", value)
    assert result.exit_code == 2, result.output
    assert "error: --min-score nan: choose a score from 0 to 1" in result.output
    assert not (run_dir / "claim_matches.parquet").exists()


def test_matching_cli_a_file_named_like_the_cache_folder_is_one_line_exit_6(tmp_path, run_dir):
    (run_dir / CACHE_FOLDER).write_text("")
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", run_dir)
    assert result.exit_code == 6 and "Traceback" not in result.output, result.output
    assert f"error: the index cache {run_dir / CACHE_FOLDER} is a file, not a folder" in result.output.replace("\n", "")
    assert not (run_dir / "claim_matches.parquet").exists()


def test_matching_cli_stops_while_a_run_holds_the_folder(tmp_path, run_dir):
    """`pipeline match` writes into --out as a run does, so it takes the run's lock: while a run
    writes the folder it stops at once (exit 7) and writes nothing (regression: it matched the old
    claims during the run, and the run could not see the new matches to drop them)."""
    from pipeline.errors import RunLockedError
    from pipeline.runner.store import TableStore

    archive = write_archive(tmp_path / "archive.tsv")
    with TableStore(run_dir).lock():
        result = invoke("--against", archive, "--out", run_dir)
    assert result.exit_code == RunLockedError.exit_code, result.output
    assert "another run" in result.output and not (run_dir / "claim_matches.parquet").exists()
    assert invoke("--against", archive, "--out", run_dir).exit_code == 0  # the lock is released


@pytest.mark.parametrize("made", ["file", "folder", "partitioned", "readme-only"])
def test_matching_cli_a_users_claim_matches_is_refused_as_the_run_refuses_it(tmp_path, run_dir, made):
    """A Parquet table of the user's at claim_matches' name (a file, or a folder of theirs with a
    part file and a README) is refused with exit 6 and the run's one line, and left as it was
    (regression: match replaced it without a word, the folder's README deleted with it)."""
    from pipeline.runner.ownership import foreign_files

    path, mine = run_dir / "claim_matches.parquet", pd.DataFrame({"my": [1, 2, 3], "k": [1, 1, 2]})
    if made == "file":
        mine.to_parquet(path)
    elif made == "folder":
        path.mkdir()
        mine.to_parquet(path / "part-0.parquet")
        (path / "README.txt").write_text("my own matches\n")
    elif made == "readme-only":  # regression: passed as an empty table, and replaced with the README
        path.mkdir()
        (path / "README.txt").write_text("my own matches, to come\n")
    else:
        mine.to_parquet(path, partition_cols=["k"])
    before = sorted(p.relative_to(path).as_posix() for p in path.rglob("*")) if path.is_dir() else path.read_bytes()
    result = invoke("--against", write_archive(tmp_path / "archive.tsv"), "--out", run_dir)
    assert result.exit_code == 6 and "Traceback" not in result.output, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    found = foreign_files(run_dir)  # what the run refuses there, in the words it uses
    assert len(errors) == 1 and found and found[0].startswith("claim_matches.parquet (")
    assert result.output.replace("\n", "").endswith(f"{found[0]}; move them or pass another --out. Nothing was changed")
    after = sorted(p.relative_to(path).as_posix() for p in path.rglob("*")) if path.is_dir() else path.read_bytes()
    assert after == before and not (run_dir / CACHE_FOLDER).exists()
