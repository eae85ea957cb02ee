"""The committed gold set is consistent with the seeds and with its own format
(data/gold/README.md)."""
from __future__ import annotations

import json
import shutil
from collections import defaultdict

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.stages.entities.score import NAME_LABELS
from pipeline.evaluation.gold import GOLD_DIR, GoldFormatError, check_against_raw, load_gold, seed_texts
from pipeline.schemas import CLAIM_TYPES, QUOTE_KINDS

from .conftest import SEEDS

ONTONOTES = NAME_LABELS | {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


@pytest.fixture(scope="module")
def gold():
    return load_gold()


@pytest.fixture(scope="module")
def raw_texts():
    return seed_texts(SEEDS)


def test_gold_format_offsets_match_the_seed_texts(gold, raw_texts):
    assert check_against_raw(gold, raw_texts) == []


def test_gold_format_covers_every_seed(gold, raw_texts):
    assert set(gold.documents) == set(raw_texts)
    assert {s.doc_id for s in gold.spans["sentences"]} == set(raw_texts)


def test_gold_format_sentences_tile_the_body_lines(gold):
    """Each body line is exactly its sentences in order: nothing lost, nothing doubled."""
    by_doc = defaultdict(list)
    for s in gold.spans["sentences"]:
        by_doc[s.doc_id].append(s)
    for doc in gold.documents.values():
        sents = by_doc[doc.doc_id]
        assert [s.raw_start for s in sents] == sorted(s.raw_start for s in sents)
        for line, start in zip(doc.body_lines, doc.body_line_starts):
            inside = [s for s in sents if start <= s.raw_start < start + len(line)]
            assert " ".join(s.text for s in inside) == " ".join(line.split()), line[:60]


def test_gold_format_no_dateline_or_boilerplate_in_body(gold):
    for doc in gold.documents.values():
        for line in doc.body_lines:
            assert not (doc.dateline and doc.dateline in line)
            assert line not in doc.boilerplate_lines
        assert doc.title is None or doc.title not in doc.body_lines


def test_gold_format_entity_labels_and_canonicals(gold):
    surface_to_canonical = defaultdict(set)
    for e in gold.spans["entities"]:
        assert e.get("label") in ONTONOTES, e
        assert set(e.get("alt_labels") or ()) <= ONTONOTES, e
        assert e.get("canonical"), e
        assert e.text == e.text.strip() and not e.text.lower().startswith("the ") or e.get("label") == "DATE", e
        if e.get("label") in NAME_LABELS and not e.get("optional"):
            surface_to_canonical[e.text].add(e.get("canonical"))
    # one canonical per surface form across the corpus (a name never means two entities here)
    assert {t: c for t, c in surface_to_canonical.items() if len(c) > 1} == {}
    assert surface_to_canonical["Sekreta"] == {"Igor Sekreta"}
    assert surface_to_canonical["Organization for Security and Co-operation in Europe"] == {"OSCE"}


def test_gold_format_entities_do_not_overlap(gold):
    by_doc = defaultdict(list)
    for e in gold.spans["entities"]:
        if not e.get("optional"):
            by_doc[e.doc_id].append((e.raw_start, e.raw_end, e.text))
    for spans in by_doc.values():
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            assert a[1] <= b[0], (a, b)


def test_gold_format_quotes_and_claims_values(gold):
    for q in gold.spans["quotes"] or ():
        assert q.get("kind") in QUOTE_KINDS, q
    for c in gold.spans["claims"] or ():
        assert c.get("claim_type") in (*CLAIM_TYPES, None), c
        assert isinstance(c.get("check_worthy"), bool), c


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_gold_format_line_separators_inside_strings_are_text(tmp_path, separator):
    """Regression: a gold file is split into records at "\\n" only; str.splitlines also split
    at these, which json.dumps(ensure_ascii=False) leaves raw in a string ("not valid JSON")."""
    line = f"One{separator}line."
    doc = {"doc_id": "d", "title": None, "source": None, "published": None, "dateline": None,
           "body_lines": [line], "body_line_starts": [0], "boilerplate_lines": []}
    (tmp_path / "documents.jsonl").write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    span = {"doc_id": "d", "text": line, "raw_start": 0, "raw_end": len(line)}
    (tmp_path / "sentences.jsonl").write_text(json.dumps(span, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = load_gold(tmp_path)
    assert gold.documents["d"].body_lines == (line,) and gold.spans["sentences"][0].text == line


def _set(**fields):
    return lambda rec: rec.update(fields)


@pytest.mark.parametrize("name, change, message", [
    ("documents.jsonl", lambda rec: rec["body_line_starts"].__setitem__(0, "a"),
     "documents.jsonl:1: field 'body_line_starts' item 0 = 'a' is not a whole number"),
    ("documents.jsonl", lambda rec: rec["body_lines"].__setitem__(0, 5), "documents.jsonl:1: field 'body_lines' item 0 = 5 is not a string"),
    ("quotes.jsonl", _set(speaker=["x"]), "quotes.jsonl:1: field 'speaker' = ['x'] is not a string (or null)"),
    ("claims.jsonl", _set(claim_type=["factual"]), "claims.jsonl:1: field 'claim_type' = ['factual'] is not a string (or null)"),
    ("entities.jsonl", _set(alt_canonicals=[3]), "entities.jsonl:1: field 'alt_canonicals' item 0 = 3 is not a string"),
    ("entities.jsonl", _set(alt_spans=[{"text": "Belarus"}]), "entities.jsonl:1: alt_spans item 0: missing field 'raw_start'"),
    # review regression: a boolean offset loaded as the offset True
    ("quotes.jsonl", _set(raw_start=True), "quotes.jsonl:1: field 'raw_start' = True is not"),
])
def test_gold_format_malformed_hand_written_gold_is_one_line(seed_run, tmp_path, name, change, message):
    """Regression: a gold folder with a value of the wrong kind inside a list or in an optional
    field crashed `pipeline eval` (TypeError in GoldDocument.region, AttributeError in
    metrics.norm, an unhashable claim type, a KeyError on an alternative span) instead of
    naming the file, line and field (exit 3)."""
    out, _ = seed_run
    gold = tmp_path / "gold"
    shutil.copytree(GOLD_DIR, gold)
    lines = (gold / name).read_text(encoding="utf-8").split("\n")
    first = json.loads(lines[0])
    change(first)
    (gold / name).write_text("\n".join([json.dumps(first, ensure_ascii=False), *lines[1:]]), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--out", str(out), "--gold", str(gold)])
    assert result.exit_code == GoldFormatError.exit_code and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("error:") and message in line, line
