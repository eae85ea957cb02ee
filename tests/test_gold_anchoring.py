"""Anchoring gold spans (offsets into the raw seed) into a run's cleaned text."""
from __future__ import annotations

import pytest

from pipeline.evaluation.gold import GoldDocument, anchor_document, ws_pattern

RAW = "Menu\nTalks\nThe OSCE met. The OSCE left.\nTalks went on in Vienna.\n"
LINES = ["Talks", "The OSCE met. The OSCE left.", "Talks went on in Vienna."]
DOC = GoldDocument(
    doc_id="d", title=None, source=None, published=None, dateline=None,
    body_lines=tuple(LINES), body_line_starts=tuple(RAW.index(l) for l in LINES),
    boilerplate_lines=("Menu",),
)


def raw_at(text: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = RAW.index(text, pos + 1)
    return pos


@pytest.mark.parametrize("cleaned", [
    "Talks\n\nThe OSCE met. The OSCE left.\n\nTalks went on in Vienna.",  # blank-line joined
    "Menu\nTalks\nThe OSCE met.\nThe OSCE left.\nTalks went on in Vienna.",  # menu kept, line re-wrapped
    "Talks went on in Vienna.\n\nTalks\n\nThe OSCE met.  The OSCE left.",  # order changed, double space
])
def test_gold_anchoring_repeated_strings_keep_their_occurrence(cleaned):
    da = anchor_document(DOC, cleaned)
    second = da.locate("OSCE", raw_at("OSCE", 1))
    first = da.locate("OSCE", raw_at("OSCE", 0))
    assert cleaned[first.start:first.end] == cleaned[second.start:second.end] == "OSCE"
    assert first.start < second.start
    assert "left" in cleaned[second.start:second.start + 15]
    # the heading anchors to the paragraph of its own, not inside "Talks went on"
    heading = da.locate("Talks", raw_at("Talks", 0))
    assert cleaned[heading.start:heading.start + 6].rstrip() == "Talks"
    assert not cleaned[heading.start:].startswith("Talks went")
    talks2 = da.locate("Talks", raw_at("Talks", 1))
    assert cleaned[talks2.start:].startswith("Talks went")


def test_gold_anchoring_span_of_a_dropped_paragraph_is_not_found():
    da = anchor_document(DOC, "Talks\n\nThe OSCE met. The OSCE left.")
    assert da.locate("Vienna", raw_at("Vienna")) is None
    assert da.locate("OSCE met.", raw_at("OSCE met.")) is not None


def test_gold_anchoring_sentence_spanning_rewrapped_whitespace():
    cleaned = "Talks\n\nThe OSCE\nmet. The OSCE left.\n\nTalks went on in Vienna."
    a = anchor_document(DOC, cleaned).locate("The OSCE met.", raw_at("The OSCE met."))
    assert cleaned[a.start:a.end] == "The OSCE\nmet."


@pytest.mark.parametrize(("text", "haystack", "hits"), [
    ("PA", "the PA session", 1),
    ("PA", "PAY and SPA", 0),  # word-bounded: no match inside words
    ("OSCE PA", "OSCE  PA", 1),  # whitespace-tolerant
    ("(OSCE)", "x (OSCE) y", 1),  # punctuation at the edges needs no boundary
])
def test_gold_anchoring_ws_pattern(text, haystack, hits):
    assert len(ws_pattern(text).findall(haystack)) == hits
