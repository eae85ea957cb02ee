"""Claims stage (issue 5): claim type, speaker and check-worthiness.

One row per sentence that asserts something (docs/guidelines.md §5):

1. no row for headings (``sentences.is_heading``, or set in capitals), questions,
   fragments without a finite verb (``claim_cues.has_proposition``) and sentences
   that only introduce a list (`The proposals include:`);
2. the type: prescriptive or predictive when a cue pattern on the parse fires
   (``claim_cues``; prescriptive wins); evaluative when the main verb is itself a
   judgment ("He criticized ...") or the main predicate of the content is a
   judgment word ("has failed", "became ineffective and biased"); otherwise
   evaluative or factual from the trained model's ``nonfactual`` head applied to
   the reported content (the clause after "said that", the quoted words) and its
   POS tags from the existing parse, because a reported claim is typed by its
   content;
3. speaker and quote_id from the quote the sentence sits in (largest character
   overlap); for "He criticized ..." outside any quote, the speaker of the
   nearest earlier quote; null when the publication itself asserts it;
4. ``check_worthy_score`` for **every** claim, whatever its type
   (docs/guidelines.md §5.7: check-worthiness goes with a checkable core): the
   model's calibrated ``checkworthy`` probability of the reported content (trained
   on CheckThat! 2024 debates, calibrated on debates held out from training);
   ``check_worthy`` = the score reaches the model's threshold (chosen for F1 on
   debates held out by source, model card). Numbers and dates are no rule of their
   own: the model sees them through its word, character and POS-tag (``CD``)
   features, and a rule "any number, date or event" flagged biographies and
   anniversaries ("the revolution of 2024");
5. ``confidence``: how likely ``claim_type`` is right. Where a cue decides the type
   (prescriptive, predictive, or a judging verb/predicate), the cue's precision
   measured on a hand-labelled sample of BBC claims (``cues.cue_precision``); where the
   model decides (evaluative vs. factual), its calibrated probability of the chosen
   type (``nonfactual`` for evaluative, 1 minus it for factual).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd
from spacy.attrs import TAG
from spacy.tokens import Doc, Span

from .about import annotate_claims, content_of
from .cues import (best_cue, content_span, cue_precision, doc_matches, evaluative_frame, evaluative_predicate,
                   find_cues, has_proposition, is_question)
from .model import ClaimModel, load_model
from ..headings import in_capitals
from ...errors import DOCUMENT_ERRORS, ErrorLog
from ...nlp.docs import doc_text
from ...nlp.lemmas import lemma as lemma_of
from ...resources import reporting_verb_lemmas
from ...tables import empty_frame

STAGE = "claims"
IMPLEMENTED = True

COLUMNS = ["doc_id", "claim_id", "sent_id", "start", "end", "text", "claim_type", "speaker", "quote_id",
           "check_worthy", "confidence", "check_worthy_score"]


@dataclass(frozen=True)
class Candidate:
    """A sentence that asserts something, before the model is applied."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    content: str                 # the text the model types (reported content)
    content_tags: tuple[str, ...]  # its fine-grained POS tags (the model's tag features)
    cue_type: str | None         # prescriptive/predictive from a cue, else None
    evaluative_cue: bool         # a judging frame verb or predicate on the parse
    speaker: str | None
    quote_id: int | None
    content_span: tuple[int, int] | None = None  # the asserted content's characters (``about.content_of``)


def _sentence_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


class DocQuotes:
    """One document's quotes as arrays, so that finding the quote of each sentence
    is a vectorised overlap test rather than a DataFrame slice per sentence (the
    stage asks once per sentence; ``DataFrame.iloc`` and ``groupby`` dominated)."""

    __slots__ = ("_all", "_rows", "starts", "ends", "speakers", "ids", "direct", "_frame")

    def __init__(self, quotes: pd.DataFrame, rows: np.ndarray | None = None):
        self._all, self._rows = quotes, rows
        take = (lambda col: col) if rows is None else (lambda col: col[rows])
        self.starts = take(quotes["start"].to_numpy())
        self.ends = take(quotes["end"].to_numpy())
        self.speakers = take(quotes["speaker"].to_numpy())
        self.ids = take(quotes["quote_id"].to_numpy())
        self.direct = take(quotes["kind"].to_numpy()) == "direct"
        self._frame: pd.DataFrame | None = None if rows is not None else quotes

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def frame(self) -> pd.DataFrame:
        """The document's rows of the quotes table (built only when asked for)."""
        if self._frame is None:
            self._frame = self._all.iloc[self._rows]
        return self._frame


def _doc_quotes(quotes: pd.DataFrame | DocQuotes | None) -> DocQuotes | None:
    return DocQuotes(quotes) if isinstance(quotes, pd.DataFrame) else quotes


def _speaker(value) -> str | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)


def _quote_for(quotes: pd.DataFrame | DocQuotes | None, start: int, end: int, at: int | None = None
               ) -> tuple[str | None, int | None, tuple[int, int] | None, bool]:
    """Speaker, id and character span of the quote overlapping [start, end) the most
    (ties: the earlier quote), and whether it is a direct quote; None (and False) when
    no quote overlaps. ``at``: the character of the cue that types the claim; a quote
    of the sentence that holds it is the claim's (`said Harry was in a privileged
    position and said he should apologise`: the prescriptive claim is the second
    clause, not the longer first one, BBC politics)."""
    quotes = _doc_quotes(quotes)
    if quotes is None or not len(quotes):
        return None, None, None, False
    ov = np.minimum(quotes.ends, end) - np.maximum(quotes.starts, start)
    if ov.max() <= 0:
        return None, None, None, False
    if at is not None:
        ov = np.where((ov > 0) & (quotes.starts <= at) & (at < quotes.ends), ov + (end - start), ov)
    k = int(np.argmax(ov))
    return (_speaker(quotes.speakers[k]), int(quotes.ids[k]), (int(quotes.starts[k]), int(quotes.ends[k])),
            bool(quotes.direct[k]))


#: subject pronouns that refer back to the last speaker ("He also criticized ...")
SPEAKER_PRONOUNS = frozenset({"he", "she"})


def _pronoun_reporter(span: Span, quotes: pd.DataFrame | DocQuotes | None) -> str | None:
    """Speaker of a reported act that the quotes stage left without a quote.

    "He also criticized the organization's growing tendency to interfere ..."
    (seed 001) reports Sekreta's claim without quoting it. When the main verb is a
    reporting or judging verb whose subject is "he"/"she", the pronoun is taken to
    refer to the speaker of the nearest earlier quote in the document (the
    article's current speaker); otherwise the speaker stays null.
    """
    if quotes is None or not len(quotes):
        return None
    root = span.root
    if lemma_of(root).lower() not in reporting_verb_lemmas("claim") | reporting_verb_lemmas("judgment"):
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in SPEAKER_PRONOUNS for c in root.children):
        return None
    quotes = _doc_quotes(quotes).frame
    before = quotes[quotes["end"].to_numpy() <= span.start_char]
    if not len(before):
        return None
    return _speaker(before.sort_values("end").iloc[-1]["speaker"])


class DocArrays:
    """Token attributes of one Doc read once (``Doc.to_array``) for all its sentences,
    and its text: ``documents.text`` when the caller has it (the parse cache guarantees
    it equals the Doc's text), else ``doc_text`` (``Doc.text`` joins every token on each
    access: per sentence, that is quadratic in the document's length; ``doc_text``
    builds the same string from one token array)."""

    __slots__ = ("_tags", "_tag_names", "text")

    def __init__(self, doc: Doc, text: str | None = None):
        self.text = doc_text(doc) if text is None else text
        self._tags = doc.to_array([TAG])
        strings = doc.vocab.strings
        self._tag_names = {h: strings[h] for h in set(self._tags.tolist())}

    def tags(self, start: int, end: int) -> tuple[str, ...]:
        """Fine-grained POS tags (``token.tag_``) of tokens [start, end)."""
        return tuple(map(self._tag_names.__getitem__, self._tags[start:end].tolist()))


def _match_start(m: tuple) -> tuple[int]:
    return (m[1],)


def _introduces_or_heads(text: str) -> bool:
    """A sentence that only introduces what follows it (`The proposals include:`,
    `Judge Rand Rubin said she must:`) or a heading set in capitals (`HEAD TO HEAD`):
    it asserts nothing of its own (BBC: 13 and 3 such rows were claims)."""
    t = text.rstrip()
    # (a sentence in capitals that ends like one is wire copy set in capitals: it stays)
    return t.endswith(":") or (not t.endswith((".", "!", "?", '"', "”")) and in_capitals(t))


def sentence_candidate(doc_id: str, sent_id: int, start: int, end: int, text: str, doc: Doc,
                       doc_quotes: pd.DataFrame | DocQuotes | None,
                       matches: list[tuple[str, int, int]] | None = None,
                       arrays: "DocArrays | None" = None) -> Candidate | None:
    """Type cues and speaker for one sentence; None when it asserts nothing.

    ``arrays``: the Doc's token attributes as arrays (``DocArrays(doc)``), taken
    once per document instead of creating every Token of every sentence."""
    if _introduces_or_heads(text):  # text only: before the parse is read
        return None
    span = _sentence_span(doc, start, end)
    if span is None or len(span) == 0:
        return None
    if is_question(span, text) or not has_proposition(span):
        return None
    content = content_span(span)
    # "“An architecture that would ensure lasting peace ...,” Aleinik emphasized": the
    # frame has a verb, but the reported words are a noun phrase: no proposition.
    # A complement clause ("that documents enshrine ...") is a proposition even when the
    # tagger misses its finite verb, so only quoted words are checked.
    reframed = (content.start, content.end) != (span.start, span.end)
    if reframed and content.root.dep_ != "ccomp" and not has_proposition(content):
        return None
    if matches is not None:
        # matches are sorted by start token: take this sentence's slice by bisection
        # (a linear filter per sentence is quadratic in a long document)
        lo = bisect_left(matches, (span.start,), key=_match_start)
        hi = bisect_left(matches, (span.end,), key=_match_start)
        matches = matches[lo:hi]
    cue = best_cue(find_cues(span, matches))
    if arrays is None:
        arrays = DocArrays(doc)
    doc_quotes = _doc_quotes(doc_quotes)
    speaker, quote_id, quote_span, direct = _quote_for(doc_quotes, start, end,
                                                       doc[cue.token_i].idx if cue is not None else None)
    if speaker is None and quote_id is None:
        speaker = _pronoun_reporter(span, doc_quotes)
    # the model reads the asserted content as the table reports it (content_start/end:
    # the quoted part of the sentence, else the parse's reported clause), because type
    # and check-worthiness go with the content, not the attribution frame
    # (docs/guidelines.md §5.6, §5.7): "..., Sekreta said in Vienna on 4 December" puts
    # no date into the claim
    content_chars = a, b = content_of(doc, arrays.text, start, end, quote_span, direct, frame=(span, content))
    model_span = doc.char_span(a, b, alignment_mode="expand") if (a, b) != (start, end) else span
    if model_span is None or not len(model_span):
        a, b, model_span = start, end, span
    return Candidate(doc_id, sent_id, start, end, text, arrays.text[a:b], arrays.tags(model_span.start, model_span.end),
                     cue.claim_type if cue else None,
                     evaluative_frame(span) or evaluative_predicate(content), speaker, quote_id, content_chars)


def setup() -> ClaimModel:
    """What the stage loads once per process (the registry's ``setup``): the packaged
    claim model with its embedding table, and the measured cue precision. A broken
    file raises a ``ModelError`` with one line before any document is read."""
    cue_precision()
    return load_model()


def decide(candidates: list[Candidate], model: ClaimModel) -> pd.DataFrame:
    """Apply the model to all candidates at once (one vectorised pass) and build the rows."""
    if not candidates:
        return empty_frame("claims")
    scores = model.predict_proba([c.content for c in candidates], [c.content_tags for c in candidates])
    p_nonfactual = scores["nonfactual"]
    p_check = scores["checkworthy"]
    t_nf, t_cw = model.thresholds["nonfactual"], model.thresholds["checkworthy"]
    precision = cue_precision()
    rows = []
    next_id: dict[str, int] = {}
    for k, c in enumerate(candidates):
        if c.cue_type is not None:
            claim_type, confidence = c.cue_type, precision[c.cue_type]
        elif c.evaluative_cue:
            claim_type, confidence = "evaluative", precision["evaluative"]
        elif p_nonfactual[k] >= t_nf:
            claim_type, confidence = "evaluative", float(p_nonfactual[k])
        else:
            claim_type, confidence = "factual", 1.0 - float(p_nonfactual[k])
        claim_id = next_id.get(c.doc_id, 0)
        next_id[c.doc_id] = claim_id + 1
        rows.append((c.doc_id, claim_id, c.sent_id, c.start, c.end, c.text, claim_type, c.speaker, c.quote_id,
                     bool(p_check[k] >= t_cw), float(min(1.0, max(0.0, confidence))), float(p_check[k])))
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["quote_id"] = df["quote_id"].astype("Int64")
    return df


def claim_candidates(documents: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                     docs: Mapping[str, Doc], errors: ErrorLog) -> list[Candidate]:
    """Every sentence that asserts something, with its cues, content and speaker (before the model)."""
    paths = dict(zip(documents["doc_id"], documents["path"]))
    doc_texts = dict(zip(documents["doc_id"], documents["text"]))
    quotes_by_doc = ({d: DocQuotes(quotes, rows) for d, rows in quotes.groupby("doc_id", sort=False).indices.items()}
                     if len(quotes) else {})
    candidates: list[Candidate] = []
    if "is_heading" in sentences.columns:
        heading = sentences["is_heading"].fillna(False).astype(bool).to_numpy()
    else:
        heading = np.zeros(len(sentences), dtype=bool)
    # one pass over plain column lists, grouped by document in order of first
    # appearance (what ``groupby(sort=False)`` gives): slicing a sub-frame per
    # document and ``itertuples`` over it cost more than the per-sentence work
    doc_ids = sentences["doc_id"].tolist()
    sent_ids = sentences["sent_id"].tolist()
    starts = sentences["start"].tolist()
    ends = sentences["end"].tolist()
    texts = sentences["text"].tolist()
    skip = heading.tolist()
    rows_of: dict[str, list[int]] = {}
    for k, d in enumerate(doc_ids):
        rows_of.setdefault(d, []).append(k)
    for doc_id, rows in rows_of.items():
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            doc_candidates = []
            matches = sorted(doc_matches(doc), key=_match_start)
            arrays = DocArrays(doc, doc_texts.get(doc_id))
            doc_quotes = quotes_by_doc.get(doc_id)
            for k in rows:
                if skip[k]:  # docs/guidelines.md §5: headings are no claims
                    continue
                cand = sentence_candidate(doc_id, int(sent_ids[k]), int(starts[k]), int(ends[k]), texts[k], doc,
                                          doc_quotes, matches, arrays)
                if cand is not None:
                    doc_candidates.append(cand)
            candidates.extend(doc_candidates)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, paths.get(doc_id), STAGE, exc)
    return candidates


def classify_claims(documents: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                    docs: Mapping[str, Doc], errors: ErrorLog, model: ClaimModel | None = None,
                    entities: pd.DataFrame | None = None) -> pd.DataFrame:
    candidates = claim_candidates(documents, sentences, quotes, docs, errors)
    claims = decide(candidates, model or load_model())  # one row per candidate, in order
    # what each claim is about, its content span (found once, for the model) and its source's kind
    return annotate_claims(claims, quotes, entities if entities is not None else empty_frame("entities"), documents,
                           docs, contents=[c.content_span for c in candidates])
