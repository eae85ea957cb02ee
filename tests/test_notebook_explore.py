"""notebooks/explore.ipynb runs top to bottom (nbclient) and its plot renders.

The kernel is this interpreter (a kernelspec written to a temp dir), so the
test exercises the same environment and the worktree's ``pipeline`` package;
the data folder is passed as ``CLAIMEX_DATA``, as a user would.
"""
from __future__ import annotations

import json
import re
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from .conftest import ROOT
from .report_tables import write_handmade

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def run_notebook(data_dir, tmp_path, monkeypatch, cwd=None):
    kernels = tmp_path / "kernels"
    (kernels / "claimex-test").mkdir(parents=True)
    (kernels / "claimex-test" / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "claimex test", "language": "python",
    }))
    if data_dir is None:
        monkeypatch.delenv("CLAIMEX_DATA", raising=False)
    else:
        monkeypatch.setenv("CLAIMEX_DATA", str(data_dir))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    km = KernelManager(kernel_name="claimex-test", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)]))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    where = NOTEBOOK.parent if cwd is None else cwd
    NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(where)}}).execute()
    return nb


def outputs(nb, tag: str) -> str:
    """All text/html/plain output of the cell tagged ``tag``, concatenated."""
    cell = next(c for c in nb.cells if tag in c.metadata.get("tags", []))
    parts = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        parts.append(data.get("text/html", "") + data.get("text/plain", "") + out.get("text", ""))
    return "\n".join(parts)


def has_png(nb, tag: str) -> bool:
    cell = next(c for c in nb.cells if tag in c.metadata.get("tags", []))
    return any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))


def test_notebook_explore_defines_no_logic():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for keyword in ("def ", "class ", "lambda", "for ", "while ", "import re"):
        assert keyword not in code, keyword
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"


def test_notebook_explore_runs_on_handmade_tables_and_answers_the_question(tmp_path, monkeypatch):
    nb = run_notebook(write_handmade(tmp_path / "data"), tmp_path, monkeypatch)
    assert has_png(nb, "plot")
    answer = outputs(nb, "speaker-claims")
    assert "evaluative" in answer and "prescriptive" in answer and "OSCE" in answer
    assert "the Organization for Security and Co-operation in Europe must change" in outputs(nb, "speaker-quotes")
    assert re.search(r"evaluative\s+1", outputs(nb, "speaker-claim-kinds"))
    assert "Maxim Ryzhenkov" in outputs(nb, "claims-by-speaker")
    assert "Ryzhenkov said the West is lost." in outputs(nb, "check-worthy")
    html = outputs(nb, "document-html")
    assert "doctext" in html and "&lt;script&gt;" in html and "<script>alert" not in html


def test_notebook_explore_runs_on_the_seed_run(seed_run, seed_tables, tmp_path, monkeypatch):
    out, _ = seed_run
    nb = run_notebook(out, tmp_path, monkeypatch)
    assert has_png(nb, "plot")
    sizes = outputs(nb, "load")
    for name in ("documents", "entities", "claims"):
        assert re.search(rf"{name}\s+{len(seed_tables[name])}\b", sizes), (name, sizes)
    top = seed_tables["entities"]["canonical"].value_counts().index[0]
    assert top in outputs(nb, "top-entities")


def test_notebook_explore_picks_its_example_from_the_data(tmp_path, monkeypatch):
    """On a corpus without Igor Sekreta the example question still has answers,
    and the notebook finds data/ from the project root or from notebooks/."""
    import pandas as pd

    from pipeline.tables import write_table

    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    data = write_handmade(project / "data")
    for name in ("quotes", "claims"):
        frame = pd.read_parquet(data / f"{name}.parquet")
        frame["speaker"] = frame["speaker"].replace({"Igor Sekreta": "Jane Doe"})
        write_table(frame, data, name)
    for cwd in (project, project / "notebooks"):
        nb = run_notebook(None, tmp_path / f"run-{cwd.name}", monkeypatch, cwd=cwd)
        assert "Jane Doe about OSCE" in outputs(nb, "speaker-claims")
        answer = outputs(nb, "speaker-claims")
        assert "evaluative" in answer and "prescriptive" in answer


def test_notebook_explore_runs_on_a_run_without_quotes(tmp_path, monkeypatch):
    """Regression: on a run with no quotes ``example_question`` gives (None, None) and the
    cells asking about SPEAKER stopped "run all cells" with a UsageError; each says so instead."""
    import pandas as pd

    from pipeline.tables import empty_frame, write_table

    data = write_handmade(tmp_path / "data")
    write_table(empty_frame("quotes"), data, "quotes")
    claims = pd.read_parquet(data / "claims.parquet")
    write_table(claims.assign(speaker=None), data, "claims")
    nb = run_notebook(data, tmp_path, monkeypatch)
    note = "No quoted speaker in this run: set SPEAKER"
    for tag in ("speaker-claims", "speaker-claim-kinds", "speaker-quotes", "speaker-all-claims"):
        assert outputs(nb, tag).count(note) == 1, tag
    assert "No entity to ask about" in outputs(nb, "claims-about")
    assert "doctext" in outputs(nb, "document-html")  # and on to the last cells


def test_notebook_explore_example_question_is_the_most_quoted_speaker(seed_tables):
    from pipeline.views.explore import Tables, example_question

    t = Tables(None, **seed_tables)
    speaker, about = example_question(t)
    counts = seed_tables["quotes"]["speaker"].value_counts()
    assert speaker == counts.index[0] and counts.iloc[0] > counts.iloc[1]
    assert about is not None and about != speaker
    empty = Tables(None, **{n: f.iloc[0:0] for n, f in seed_tables.items()})
    assert example_question(empty) == (None, None)
