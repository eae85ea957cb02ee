"""Quotes stage (issue 4): direct and indirect quotes with resolved speakers.

Per document: ``quotes_attrib.find_attributions`` pairs the quotation marks and
reads cues and speaker mentions off the one spaCy parse; ``speakers`` resolves
each mention to a canonical name, walking the document in order so that
pronouns and descriptions see only what came before them. A quote with no cue
of its own (`"...," X said. "We call on ..."`) takes the speaker of the
attribution in the sentence before it (docs/guidelines.md §4).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
from spacy.tokens import Doc, Span

from ...errors import DOCUMENT_ERRORS, ErrorLog
from ...nlp.lemmas import ensure_lemmas
from .attribution import find_attributions
from .cues import Attribution, subject_of
from .speakers import EntityRow, SpeakerResolver
from ...tables import empty_frame
from ...nlp.docs import doc_text
from ..offsets import sent_id_at, sentence_starts

STAGE = "quotes"
IMPLEMENTED = True

COLUMNS = ["doc_id", "quote_id", "kind", "start", "end", "text", "speaker", "speaker_text", "cue",
           "speaker_start", "speaker_end", "cue_start", "cue_end", "sent_id"]
# A quote with no cue takes the previous attribution's speaker only when that
# attribution is in the same or the immediately preceding sentence.
CONTINUATION_SENTENCES = 1


@dataclass(frozen=True)
class QuoteRow:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None


def _direct(att: Attribution, text: str, speaker: str | None = None, speaker_text: str | None = None,
            speaker_start: int | None = None, speaker_end: int | None = None) -> QuoteRow:
    """A direct-quote row with no cue of its own (unattributed or a continuation)."""
    return QuoteRow("direct", att.start, att.end, text[att.start:att.end], speaker, speaker_text, None,
                    speaker_start, speaker_end, None, None)


def _main_subjects(sents: list[Span]):
    """Subjects of each sentence's main verb(s): candidate antecedents for pronouns."""
    for sent in sents:
        root = sent.root
        verbs = [root] + [c for c in root.children if c.dep_ == "conj"]
        for v in verbs:
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                yield subj


def quote_rows(doc: Doc, entities: list[EntityRow], text: str | None = None) -> tuple[list[QuoteRow], list[str]]:
    """Quotes of one parsed document, in text order, and the mark problems found.

    ``text`` is the document's text when the caller has it (``documents.text``,
    which the parse cache guarantees equal to the Doc's text); otherwise it is
    built from the Doc."""
    ensure_lemmas(doc)  # cue and role lemmas; the parse skips the lemmatizer (pipeline.nlp.lemmas)
    if text is None:
        text = doc_text(doc)
    found = find_attributions(doc, text)
    sents = found.sents
    sent_starts = [s.start_char for s in sents]
    quoted = [(a.start, a.end) for a in found.attributions if a.kind == "direct"]
    resolver = SpeakerResolver(doc, entities, quoted, text)

    events: list[tuple[int, int, object]] = []
    for subj in _main_subjects(sents):
        events.append((subj.idx, 1, subj))
    for k, att in enumerate(found.attributions):
        pos = att.speaker_head.idx if att.speaker_head is not None else att.start
        events.append((pos, 0, k))
    events.sort(key=lambda e: (e[0], e[1]))

    resolved: dict[int, QuoteRow] = {}
    last: tuple[QuoteRow, int] | None = None  # last attributed quote and the sentence it ends in
    for pos, typ, item in events:
        if typ == 1:
            resolver.note_subject(item)
            continue
        att: Attribution = found.attributions[item]
        if att.how == "unattributed":
            row = _direct(att, text)
        elif att.speaker_head is None:
            row = _continuation(att, text, last, resolver, sents)
        else:
            speaker = resolver.resolve(att.speaker_head, att.speaker_span)
            s0, s1 = att.speaker_span
            c0, c1 = att.cue if att.cue else (None, None)
            row = QuoteRow(att.kind, att.start, att.end, text[att.start:att.end], speaker, text[s0:s1],
                           text[c0:c1] if att.cue else None, s0, s1, c0, c1)
        resolved[item] = row
        ends = [att.end] + ([att.speaker_span[1]] if att.speaker_span else [])
        end_sent = bisect.bisect_right(sent_starts, max(ends) - 1) - 1
        if row.speaker is not None or row.speaker_text is not None:
            last = (row, end_sent)
    rows = [resolved[k] for k in sorted(resolved, key=lambda k: (found.attributions[k].start, found.attributions[k].kind))]
    return rows, found.problems


def _continuation(att: Attribution, text: str, last, resolver: SpeakerResolver, sents) -> QuoteRow:
    """A direct quote with no cue: the speaker of the attribution just before, or the
    person the previous sentence is about."""
    if last is not None and att.sent_index - last[1] <= CONTINUATION_SENTENCES:
        prev = last[0]
        return _direct(att, text, prev.speaker, prev.speaker_text, prev.speaker_start, prev.speaker_end)
    if att.sent_index > 0:
        prev_sent = sents[att.sent_index - 1]
        subj = subject_of(prev_sent.root)
        if subj is not None and not resolver.inside_quote(subj.idx):
            name, label = resolver.name_of(subj)
            if name is not None and label == "PERSON":
                return _direct(att, text, name, subj.text, subj.idx, subj.idx + len(subj.text))
    return _direct(att, text)


def extract_quotes(documents: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame,
                   docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """One row per direct or indirect quote, with its speaker resolved."""
    ents_by_doc: dict[str, list[EntityRow]] = {}
    for d, s, e, lab, can, txt in zip(entities["doc_id"], entities["start"], entities["end"], entities["label"],
                                       entities["canonical"], entities["text"]):
        ents_by_doc.setdefault(d, []).append(EntityRow(int(s), int(e), lab, can if isinstance(can, str) and can else txt))
    sent_starts = sentence_starts(sentences)
    out = []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            rows, problems = quote_rows(doc, ents_by_doc.get(doc_id, []), text)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
            continue
        if problems:
            errors.warn(doc_id, path, STAGE, "unbalanced_quotes",
                        f"{len(problems)} unpaired quotation mark(s); quotes closed at the paragraph end: {problems[0]}")
        starts = sent_starts.get(doc_id)
        for k, r in enumerate(rows):
            out.append((doc_id, k, r.kind, r.start, r.end, r.text, r.speaker, r.speaker_text, r.cue,
                        r.speaker_start, r.speaker_end, r.cue_start, r.cue_end, sent_id_at(starts, r.start)))
    if not out:
        return empty_frame("quotes")
    df = pd.DataFrame(out, columns=COLUMNS)
    for col in ("speaker_start", "speaker_end", "cue_start", "cue_end", "sent_id"):
        df[col] = df[col].astype("Int64")
    return df
