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


MONEY_LINE = "The Dome has cost taxpayers £28.7m to maintain since it closed. More than £550m could now be spent."
MONEY_DOC = GoldDocument(doc_id="m", title=None, source=None, published=None, dateline=None,
                         body_lines=("Budget row", MONEY_LINE), body_line_starts=(0, 12), boilerplate_lines=())


@pytest.mark.parametrize("text", ["28.7", "More than £550", "550"])
def test_gold_anchoring_a_span_its_offset_pins_is_found_inside_a_word(text):
    """A run's own export re-imported as gold has mentions glued to letters (MONEY '28.7' in
    '£28.7m'): the raw offset pins them, so the word boundary is not asked of them (regression:
    they were never found, and the run scored entities F1 0.333 against its own export)."""
    cleaned = "Budget row\n\n" + MONEY_LINE.replace(". More", ".  More")
    da = anchor_document(MONEY_DOC, cleaned)
    a = da.locate(text, 12 + MONEY_LINE.index(text))
    assert a is not None and cleaned[a.start:a.end] == text


def test_gold_anchoring_pinned_occurrences_inside_words_keep_their_order():
    """Every occurrence counts alike in the raw line and the run's text, overlapping ones too."""
    line = "PAY rose. The PA met the 1.1.1 rule; the PA left."
    doc = GoldDocument(doc_id="p", title=None, source=None, published=None, dateline=None,
                       body_lines=(line,), body_line_starts=(0,), boilerplate_lines=())
    cleaned = "Menu\n\n" + line
    da = anchor_document(doc, cleaned)
    for text, raw in (("PA", line.index("PA met")), ("PA", line.index("PA left")), ("PA", 0),
                      ("1.1", line.index("1.1.1")), ("1.1", line.index("1.1.1") + 2)):
        a = da.locate(text, raw)
        assert a is not None and a.start == raw + len("Menu\n\n") and cleaned[a.start:a.end] == text


def test_gold_anchoring_a_span_its_offset_does_not_pin_keeps_the_word_boundary():
    """A hand-written gold text whose offset misses it is still never taken inside a word."""
    line = "PAY and SPA rose, said the PA."
    doc = GoldDocument(doc_id="p", title=None, source=None, published=None, dateline=None,
                       body_lines=(line,), body_line_starts=(0,), boilerplate_lines=())
    da = anchor_document(doc, line)
    a = da.locate("PA", 3)  # the offset of ' and', not of a 'PA'
    assert a is not None and a.start == line.index("PA.")
    assert da.locate("PA", line.index("PA.") + 1) is None  # after every bounded 'PA'
    assert "raw_start" in da.why_not_located("PA", line.index("PA.") + 1)


def test_gold_anchoring_a_span_not_placed_says_why():
    from pipeline.evaluation.gold import GoldSpan
    from pipeline.evaluation.metrics import not_located

    da = anchor_document(MONEY_DOC, "Budget row")  # the paragraph was dropped by the run
    raw = 12 + MONEY_LINE.index("28.7")
    span = GoldSpan(stage="entities", doc_id="m", index=0, text="28.7", raw_start=raw, raw_end=raw + 4)
    assert da.locate(span.text, span.raw_start) is None
    note = not_located("mention", span, {"m": da})
    assert note == "m: gold mention not placed in the run's text (its body line is not in the run's text): '28.7'"
    assert "its document is not in the run" in not_located("mention", span, {})
