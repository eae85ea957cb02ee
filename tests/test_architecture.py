"""The package's shape: no import cycles, modules one can read in a sitting,
and a new stage is a registry entry (issue: one home per stage)."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from pipeline import registry
from pipeline.errors import ModelError, UsageError

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_LINES = 600


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules of the package that ``name`` imports, at any depth of its code."""
    is_pkg = path.name == "__init__.py"
    base = name.split(".") if is_pkg else name.split(".")[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                target = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in modules else target)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in modules and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_architecture_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    # a package __init__ that re-exports its own modules imports them; that is no cycle
    graph = {n: {m for m in deps if not (n.startswith(m + ".") and modules[m].name == "__init__.py")}
             for n, deps in graph.items()}
    assert _cycles(graph) == []


def test_architecture_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_architecture_modules_under_600_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# --- a toy stage, added through the registry alone ----------------------------------

WORD_COUNTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("sent_id", pa.int64(), nullable=False),
    pa.field("n_words", pa.int64(), nullable=False),
])


def count_words(sentences: pd.DataFrame) -> pd.DataFrame:
    """Words per sentence: reads the sentences table, no parse."""
    return pd.DataFrame({"doc_id": sentences["doc_id"], "sent_id": sentences["sent_id"],
                         "n_words": [len(t.split()) for t in sentences["text"]]})


@pytest.fixture
def toy_stage():
    stage = registry.register(registry.Stage("word-counts", "word_counts", count_words, WORD_COUNTS,
                                             help="words per sentence"))
    yield stage
    registry.unregister("word-counts")


def test_architecture_toy_stage_inputs_come_from_its_parameters(toy_stage):
    assert toy_stage.inputs == ("sentences",)
    assert not toy_stage.needs_docs
    assert registry.producer("word_counts") == "word-counts"
    assert "word_counts" in registry.tables()


def test_architecture_toy_stage_runs_and_every_view_picks_it_up(toy_stage, tmp_path):
    from pipeline.evaluation.evaluate import evaluate
    from pipeline.runner import Settings, run
    from pipeline.tables import read_table
    from pipeline.views.explore import load_tables
    from pipeline.views.report import write_report
    from tests.conftest import SEEDS

    summary = run(list(registry.stage_names()), Settings(input=SEEDS, out=tmp_path))
    assert "word_counts" in {t.table for t in summary.tables}
    counts = read_table(tmp_path, "word_counts")
    sentences = read_table(tmp_path, "sentences")
    assert len(counts) == len(sentences) and counts["n_words"].min() >= 1
    report = evaluate(tmp_path)
    assert report.stages["word-counts"].status == "not scored"
    assert report.stages["quotes"].status == "ok"
    tables = load_tables(tmp_path)
    assert len(tables.word_counts) == len(sentences)
    write_report(tmp_path, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<code>word_counts</code>" in index and "word-counts" in index


@pytest.mark.parametrize("stage, message", [
    (registry.Stage("bad", "bad_table", lambda nowhere: None, WORD_COUNTS), "reads 'nowhere', which no earlier stage"),
    (registry.Stage("claims", "other", count_words, WORD_COUNTS), "stage named 'claims' is registered already"),
    (registry.Stage("other", "claims", count_words, WORD_COUNTS), "table 'claims' is written by stage 'claims'"),
])
def test_architecture_register_refuses_what_cannot_run(stage, message):
    with pytest.raises(UsageError, match=message):
        registry.register(stage)
    assert "bad" not in registry.stage_names()


def test_architecture_broken_claim_model_stops_the_run_with_one_line(tmp_path, monkeypatch):
    """A corrupt model.json stops the run before any document (exit 4), instead of
    failing every document one by one and exiting 0."""
    import shutil

    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.runner import batch
    from pipeline.stages.claims.model import load_model_from
    from tests.conftest import SEEDS

    broken = tmp_path / "model"
    shutil.copytree(PACKAGE / "stages" / "claims" / "trained", broken)
    (broken / "model.json").write_text("{not json", encoding="utf-8")
    stages = [dataclasses.replace(s, setup=lambda: load_model_from(broken)) if s.name == "claims" else s
              for s in registry.stages()]
    monkeypatch.setattr(registry, "_STAGES", stages)
    monkeypatch.setattr(batch, "_SETUP", {})
    result = CliRunner().invoke(app, ["run", "all", "--input", str(SEEDS), "--out", str(tmp_path / "out")])
    assert result.exit_code == ModelError.exit_code, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "model.json is unreadable" in errors[0], result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out" / "documents.parquet").exists()
