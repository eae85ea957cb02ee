"""Hand-made output tables for the report/explore/notebook tests.

Built by hand (offsets found with ``str.index``), so the tests do not depend on
the quotes and claims stages: every row follows ``pipeline/schemas.py`` and
``documents.text[start:end] == text``. The documents cover the awkward cases:
a ``<script>`` in the text and in a title, a quote that overlaps two claims
without nesting, an entity that crosses a quote boundary, a null speaker, a
null title, and a document with no spans at all.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.views.explore import Tables
from pipeline.stages.actors import build_actors
from pipeline.tables import empty_frame, write_table

A = "a1"
A_TEXT = (
    'Belarusian Deputy Foreign Minister Igor Sekreta said the OSCE "has failed in all its peacekeeping attempts." '
    "He added that the Organization for Security and Co-operation in Europe must change.\n\n"
    '<script>alert("x")</script> & Minsk is cold.'
)
B = "b2"
B_TEXT = "Ryzhenkov said the West is lost. Europe will pay for it. Minsk hosted talks."
C = "c3"
C_TEXT = "What now?"


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int, str]:
    start = text.index(piece, after)
    return start, start + len(piece), piece


def handmade_tables() -> Tables:
    documents = pd.DataFrame([
        dict(doc_id=A, path="seeds/a1.txt", title="Belarus <script>alert(1)</script> & the OSCE", source="BelTA",
             published="2025-12-05", dateline=None, text=A_TEXT),
        dict(doc_id=B, path="seeds/b2.txt", title=None, source="TASS", published=None, dateline="MINSK, July 30.", text=B_TEXT),
        dict(doc_id=C, path="seeds/c3.txt", title="Empty", source=None, published=None, dateline=None, text=C_TEXT),
    ])
    sent_texts = {
        A: ['Belarusian Deputy Foreign Minister Igor Sekreta said the OSCE "has failed in all its peacekeeping attempts."',
            "He added that the Organization for Security and Co-operation in Europe must change.",
            '<script>alert("x")</script> & Minsk is cold.'],
        B: ["Ryzhenkov said the West is lost.", "Europe will pay for it.", "Minsk hosted talks."],
        C: ["What now?"],
    }
    text_of = dict(zip(documents["doc_id"], documents["text"]))
    sentences = []
    for doc_id, pieces in sent_texts.items():
        pos = 0
        for i, piece in enumerate(pieces):
            start, end, _ = _span(text_of[doc_id], piece, pos)
            pos = end
            sentences.append(dict(doc_id=doc_id, sent_id=i, start=start, end=end, text=piece, is_heading=False))
    sentences = pd.DataFrame(sentences)

    def ent(doc_id, ent_id, sent_id, piece, label, canonical, after=0):
        s, e, t = _span(text_of[doc_id], piece, after)
        return dict(doc_id=doc_id, ent_id=ent_id, sent_id=sent_id, start=s, end=e, text=t, label=label, canonical=canonical)

    entities = pd.DataFrame([
        ent(A, 0, 0, "Belarusian", "NORP", "Belarusian"),
        ent(A, 1, 0, "Igor Sekreta", "PERSON", "Igor Sekreta"),
        ent(A, 2, 0, "OSCE", "ORG", "OSCE"),
        ent(A, 3, 1, "Organization for Security and Co-operation in Europe", "ORG", "OSCE"),
        ent(A, 4, 2, "Minsk", "GPE", "Minsk"),
        ent(B, 0, 0, "Ryzhenkov", "PERSON", "Maxim Ryzhenkov"),
        ent(B, 1, 0, "West", "LOC", "West"),
        # crosses the end of the quote below ("... will pay" | " for it"): must still render
        ent(B, 2, 1, "Europe will pay for", "EVENT", None),
        ent(B, 3, 2, "Minsk", "GPE", "Minsk"),
        ent(B, 4, 1, "it", "DATE", "it"),  # a DATE: not counted as a talked-about entity
    ])

    def quote(doc_id, quote_id, kind, piece, speaker, speaker_text, cue, sent_id):
        s, e, t = _span(text_of[doc_id], piece)
        return dict(doc_id=doc_id, quote_id=quote_id, kind=kind, start=s, end=e, text=t, speaker=speaker,
                    speaker_text=speaker_text, cue=cue, sent_id=sent_id, speaker_kind="person")

    quotes = pd.DataFrame([
        quote(A, 0, "direct", "has failed in all its peacekeeping attempts.", "Igor Sekreta", "Igor Sekreta", "said", 0),
        quote(A, 1, "indirect", "the Organization for Security and Co-operation in Europe must change", "Igor Sekreta", "He", "added", 1),
        # spans two sentences, so it overlaps both claims without nesting in either
        quote(B, 0, "indirect", "the West is lost. Europe will pay", "Maxim Ryzhenkov", "Ryzhenkov", "said", 0),
    ])

    def claim(doc_id, claim_id, sent_id, claim_type, speaker, quote_id, check_worthy, confidence, about):
        row = sentences[(sentences["doc_id"] == doc_id) & (sentences["sent_id"] == sent_id)].iloc[0]
        q = quotes[(quotes["doc_id"] == doc_id) & (quotes["quote_id"] == quote_id)] if quote_id is not None else quotes.iloc[:0]
        c0, c1 = (max(row["start"], q["start"].iloc[0]), min(row["end"], q["end"].iloc[0])) if len(q) else (row["start"], row["end"])
        return dict(doc_id=doc_id, claim_id=claim_id, sent_id=sent_id, start=row["start"], end=row["end"], text=row["text"],
                    claim_type=claim_type, speaker=speaker, quote_id=quote_id, check_worthy=check_worthy, confidence=confidence,
                    speaker_kind="person" if speaker else "unknown", about=about, content_start=c0, content_end=c1)

    claims = pd.DataFrame([
        claim(A, 0, 0, "evaluative", "Igor Sekreta", 0, False, 0.8, ["OSCE"]),
        claim(A, 1, 1, "prescriptive", "Igor Sekreta", 1, False, 0.7, ["OSCE"]),
        claim(A, 2, 2, "factual", None, None, True, 0.6, ["Minsk"]),
        claim(B, 0, 0, "factual", "Maxim Ryzhenkov", 0, True, 0.9, ["West"]),
        claim(B, 1, 1, "predictive", "Maxim Ryzhenkov", 0, True, 0.5, []),
        claim(B, 2, 2, "factual", None, None, True, 0.4, ["Minsk"]),
    ])
    claims["quote_id"] = claims["quote_id"].astype("Int64")
    actors = build_actors(documents[["doc_id", "published"]], entities, quotes, claims)
    return Tables(documents=documents, sentences=sentences, entities=entities, quotes=quotes, claims=claims,
                  actors=actors, errors=empty_frame("errors"))


def write_handmade(out_dir: Path) -> Path:
    """Write the hand-made tables as a run folder (checked against the contract on write)."""
    t = handmade_tables()
    for name in t.names:
        write_table(getattr(t, name), out_dir, name)
    return out_dir
