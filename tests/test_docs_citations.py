"""Every citation of the guidelines and the spec in the project resolves to a
section of docs/guidelines.md or docs/spec.md (the documents live in the repo)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE_CITE = re.compile(r"docs/guidelines\.md §(\d+(?:\.\d+)?)")
SPEC_CITE = re.compile(r"docs/spec\.md[,:]? \"([^\"]+)\"")


def _tracked_text_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    this = Path(__file__).resolve()
    return [ROOT / f for f in out if f.endswith((".py", ".md", ".txt", ".ipynb", ".toml"))
            and (ROOT / f).is_file() and (ROOT / f).resolve() != this]


def _headings(doc: str) -> list[str]:
    return [line.lstrip("#").strip() for line in (ROOT / "docs" / doc).read_text(encoding="utf-8").splitlines()
            if line.startswith("#")]


def _citations(pattern: re.Pattern) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in _tracked_text_files():
        for m in pattern.finditer(path.read_text(encoding="utf-8", errors="replace")):
            found.setdefault(m.group(1), []).append(str(path.relative_to(ROOT)))
    return found


def test_docs_citations_guidelines_sections_exist():
    sections = {m.group(1) for h in _headings("guidelines.md") if (m := re.match(r"§(\d+(?:\.\d+)?)\b", h))}
    cited = _citations(GUIDE_CITE)
    assert len(cited) >= 5, "the code cites the guidelines by section"
    missing = {sec: files[:3] for sec, files in cited.items() if sec not in sections}
    assert missing == {}


def test_docs_citations_spec_sections_exist():
    headings = {h.strip("`").lower() for h in _headings("spec.md")}
    missing = {name: files for name, files in _citations(SPEC_CITE).items() if name.lower() not in headings}
    assert missing == {}


@pytest.mark.parametrize("doc", ["guidelines.md", "spec.md", "architecture.md"])
def test_docs_citations_documents_exist(doc):
    assert (ROOT / "docs" / doc).is_file()


def test_docs_citations_finder_sees_a_bad_citation():
    assert GUIDE_CITE.findall("see docs/guidelines.md §4.6 and docs/guidelines.md §9") == ["4.6", "9"]
