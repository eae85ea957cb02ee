"""The displaCy-style marked text: escaping, overlapping spans, labels.

Pages are checked by parsing the HTML with the stdlib parser: the visible text
of the document box must be exactly the document text, the markup must nest,
and each character must be covered by exactly the spans the tables say.
"""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from pipeline.views.report import render_marked_text
from pipeline.tables import empty_frame

VOID = {"meta", "br", "img", "hr", "input", "link"}


class MarkedText(HTMLParser):
    """Collects the document text inside ``div.doctext`` and, per character,
    which spans (claim/quote/ent) cover it; tags and labels are not text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.cover: list[frozenset[str]] = []
        self.tags_seen: list[str] = []
        self.labels: list[tuple[str, str]] = []  # (label class, text)
        self.nesting_errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags_seen.append(tag)
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.nesting_errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def _classes(self):
        return [set((a.get("class") or "").split()) for _, a in self.stack]

    def handle_data(self, data):
        classes = self._classes()
        if not any("doctext" in c for c in classes):
            return
        label = next((c for c in classes if c & {"tag", "elabel"}), None)
        if label is not None:
            self.labels.append((" ".join(sorted(label)), data))
            return
        self.text.append(data)
        kinds = []
        for (_, attrs), c in zip(self.stack, classes):
            for kind in ("claim", "quote", "ent"):
                if kind in c:
                    kinds.append(f"{kind}:{attrs.get('title', '')}")
        self.cover.extend([frozenset(kinds)] * len(data))


def parse(html: str) -> MarkedText:
    p = MarkedText()
    p.feed(html)
    p.close()
    assert not p.nesting_errors, p.nesting_errors
    assert not p.stack, f"unclosed: {p.stack}"
    return p


def frames(text, ents=(), quotes=(), claims=()):
    e = pd.DataFrame([dict(doc_id="d", ent_id=i, sent_id=0, start=s, end=x, text=text[s:x], label=lab, canonical=can)
                      for i, (s, x, lab, can) in enumerate(ents)], columns=list(empty_frame("entities").columns))
    q = pd.DataFrame([dict(doc_id="d", quote_id=i, kind=k, start=s, end=x, text=text[s:x], speaker=sp, speaker_text=None, cue=None)
                      for i, (s, x, k, sp) in enumerate(quotes)], columns=list(empty_frame("quotes").columns))
    c = pd.DataFrame([dict(doc_id="d", claim_id=i, sent_id=0, start=s, end=x, text=text[s:x], claim_type=t, speaker=sp,
                           quote_id=None, check_worthy=w, confidence=0.5)
                      for i, (s, x, t, sp, w) in enumerate(claims)], columns=list(empty_frame("claims").columns))
    return e, q, c


def expected_cover(text, e, q, c):
    """Per character: how many spans of each kind cover it, from the tables."""
    out = []
    for i in range(len(text)):
        out.append((
            int(((c["start"] <= i) & (c["end"] > i)).sum()),
            int(((q["start"] <= i) & (q["end"] > i)).sum()),
            int(((e["start"] <= i) & (e["end"] > i)).sum()),
        ))
    return out


def got_cover(p: MarkedText):
    return [tuple(sum(1 for k in cov if k.startswith(kind + ":")) for kind in ("claim", "quote", "ent")) for cov in p.cover]


TEXT = 'He said "the OSCE failed". It will fail again.'
#            0123456789012345678901234567890123456789012345
CASES = {
    "no spans at all": dict(),
    "one entity": dict(ents=[(13, 17, "ORG", "OSCE")]),
    "entity nested in quote nested in claim": dict(
        ents=[(13, 17, "ORG", "OSCE")], quotes=[(9, 24, "direct", "X")], claims=[(0, 26, "evaluative", "X", False)]),
    "quote overlaps two claims without nesting": dict(
        quotes=[(9, 33, "indirect", "X")], claims=[(0, 26, "evaluative", "X", False), (27, 46, "predictive", None, True)]),
    "entity crosses the end of a quote": dict(ents=[(13, 26, "EVENT", None)], quotes=[(9, 24, "direct", "X")]),
    "identical spans of every kind": dict(
        ents=[(13, 17, "ORG", "OSCE")], quotes=[(13, 17, "direct", "X")], claims=[(13, 17, "factual", "X", True)]),
    "adjacent spans, touching": dict(ents=[(0, 2, "PERSON", "He"), (2, 8, "ORG", "x")]),
    "two overlapping entities": dict(ents=[(9, 17, "ORG", "a"), (13, 24, "ORG", "b")]),
    "span covering the whole text": dict(claims=[(0, len(TEXT), "factual", None, True)]),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_report_marked_text_keeps_text_and_covers_exactly_the_spans(case):
    e, q, c = frames(TEXT, **case)
    p = parse(render_marked_text(TEXT, e, q, c))
    assert "".join(p.text) == TEXT
    assert got_cover(p) == expected_cover(TEXT, e, q, c)


def test_report_marked_text_no_spans_has_no_marks():
    e, q, c = frames(TEXT)
    p = parse(render_marked_text(TEXT, e, q, c))
    assert p.labels == []
    assert set(p.tags_seen) == {"div"}


@pytest.mark.parametrize("text", [
    '<script>alert("x")</script>',
    "a < b && c > d",
    "</div><div class='doctext'>",
    "&lt;already escaped&gt; &amp;",
    "\"quotes\" and 'apostrophes'\n\nnew paragraph",
])
def test_report_marked_text_escapes_the_article(text):
    e, q, c = frames(text, ents=[(0, min(5, len(text)), "ORG", "<b>x</b>")], claims=[(0, len(text), "factual", "<i>s</i>", True)])
    html = render_marked_text(text, e, q, c)
    p = parse(html)
    assert "".join(p.text) == text
    assert "script" not in p.tags_seen and "b" not in p.tags_seen and "i" not in p.tags_seen
    assert p.tags_seen.count("div") == 1


def test_report_marked_text_shows_speaker_type_and_label_once_per_span():
    e, q, c = frames(TEXT, ents=[(13, 26, "EVENT", None)], quotes=[(9, 33, "indirect", "Igor Sekreta")],
                     claims=[(0, 26, "evaluative", "Igor Sekreta", False), (27, 46, "predictive", None, True)])
    p = parse(render_marked_text(TEXT, e, q, c))
    tags = [t for cls, t in p.labels if "tag" in cls]
    assert tags == ["evaluative", "Igor Sekreta · indirect", "predictive ✓"]
    assert [t for cls, t in p.labels if "elabel" in cls] == ["EVENT"]


@pytest.mark.parametrize("bad", [(5, 5), (-1, 3), (40, 99), (9, 3)], ids=["empty", "negative", "past the end", "reversed"])
def test_report_marked_text_skips_spans_outside_the_text(bad):
    e, q, c = frames(TEXT, ents=[(*bad, "ORG", "x")])
    p = parse(render_marked_text(TEXT, e, q, c))
    assert "".join(p.text) == TEXT
    assert all(not cov for cov in p.cover)


class Pieces(HTMLParser):
    """The text pieces of ``div.doctext``, each with the spans around it, outermost
    first, as (classes, id) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((attrs.get("class") or "", attrs.get("id")))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        spans = self.stack[1:]  # inside div.doctext
        if not any({"tag", "elabel"} & set(c.split()) for c, _ in spans):
            self.pieces.append((data, spans))


def test_report_marked_text_overlapping_marks_open_in_drawing_order_at_every_piece():
    text = "abcdefgh"
    e, q, c = frames(text, ents=[(1, 3, "ORG", "o"), (2, 5, "PERSON", "p"), (5, 6, "GPE", "g")],
                     quotes=[(2, 8, "direct", "X"), (2, 3, "direct", "Y")],
                     claims=[(0, 6, "factual", "X", False), (6, 8, "predictive", None, True)])
    p = Pieces()
    p.feed(render_marked_text(text, e, q, c))
    # claims outside quotes outside entities; in a layer, the earlier start, then the
    # longer span, outside; "s"/"e" and the id only where a span truly starts/ends
    assert p.pieces == [
        ("a", [("claim factual s", "claim-0")]),
        ("b", [("claim factual", None), ("ent l-ORG s", None)]),
        ("c", [("claim factual", None), ("quote s", "quote-0"), ("quote s e", "quote-1"), ("ent l-ORG e", None),
               ("ent l-PERSON s", None)]),
        ("de", [("claim factual", None), ("quote", None), ("ent l-PERSON e", None)]),
        ("f", [("claim factual e", None), ("quote", None), ("ent l-GPE s e", None)]),
        ("gh", [("claim predictive s e", "claim-1"), ("quote e", None)]),
    ]
