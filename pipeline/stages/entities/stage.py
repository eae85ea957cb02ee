"""Entities stage (issue 3): NER mentions with one canonical name per entity.

The mentions come from the one spaCy parse, whose ``doc.ents`` the
``claimex_entity_rules`` component (``entities/rules.py``) has already
corrected; this stage turns them into rows, places each in its sentence (from
the ``sentences`` table, so both tables agree) and fills ``canonical`` with the
corpus-wide :func:`pipeline.stages.entities.canonical.canonical_names`.
"""
from __future__ import annotations

from typing import Mapping, NamedTuple

import pandas as pd
from spacy.tokens import Doc

from .canonical import canonical_names
from ...errors import DOCUMENT_ERRORS, ErrorLog
from ...tables import empty_frame
from ..names import courtesy_title, role_of
from ..offsets import sent_id_at, sentence_starts

STAGE = "entities"
COLUMNS = ["doc_id", "ent_id", "sent_id", "start", "end", "text", "label", "canonical", "role", "courtesy_title"]


class Mention(NamedTuple):
    doc_id: str
    ent_id: int
    sent_id: int | None
    start: int
    end: int
    text: str
    label: str
    role: str | None = None  # PERSON: the title or role the text gives them here (names.role_of)
    courtesy_title: str | None = None  # PERSON: "Mr", "Mrs", "Dr" right before the name (names.courtesy_title)


def doc_mentions(doc_id: str, doc: Doc, text: str, starts: tuple[list[int], list[int]] | None) -> list[Mention]:
    """Rows for one document; raises ValueError if the parse does not fit ``text``."""
    # The runner hands a stage only Docs whose text hash matches documents.text
    # (parse cache); this cheap length check catches a Doc of another text from
    # any other caller without rebuilding the whole text for every document.
    n_chars = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if n_chars != len(text):
        raise ValueError(f"parsed text of {doc_id!r} differs from documents.text ({n_chars} vs {len(text)} chars); rerun `pipeline run sentences`")
    out = []
    for ent in doc.ents:
        s0, s1 = ent.start_char, ent.end_char
        person = ent.label_ == "PERSON"
        out.append(Mention(doc_id, len(out), sent_id_at(starts, s0), s0, s1, text[s0:s1], ent.label_,
                           role_of(ent) if person else None, courtesy_title(ent) if person else None))
    return out


def extract_entities(documents: pd.DataFrame, sentences: pd.DataFrame, docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """One row per entity mention, with the corpus-wide canonical name."""
    sent_starts = sentence_starts(sentences)
    rows: list[Mention] = []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            rows.extend(doc_mentions(doc_id, doc, text, sent_starts.get(doc_id)))
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
    if not rows:
        return empty_frame("entities")
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "canonical"])
    frame["sent_id"] = frame["sent_id"].astype("Int64")
    frame["canonical"] = canonical_names(frame, corpus=False)
    return frame[COLUMNS]
