"""What the attribution rules fill for one document (``Attribution``, ``DocQuotes``)
and the lookups over one Doc they read (``DocIndex``, ``trim_tokens``), shared by
``attribution`` (direct quotes), ``indirect`` (reported speech), ``named`` and
``framing``."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_ALPHA
from spacy.tokens import Doc, Span, Token

from ...resources import QUOTE_CHARS
from .marks import QuotedSpan


@dataclass
class Attribution:
    kind: str                       # "direct" | "indirect"
    start: int                      # content span (chars)
    end: int
    cue: tuple[int, int] | None     # cue span (chars)
    speaker_head: Token | None      # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    how: str                        # direct: after|before|according|colon|dash|partial|shared|continuation;
                                    # indirect: according or the content rule (content.Content.kind)
    sent_index: int                 # index of the sentence (doc.sents order) where the quote starts
    closed: bool = True
    open_pos: int = -1              # direct quotes: the opening and closing marks
    close_end: int = -1


@dataclass
class DocQuotes:
    attributions: list[Attribution]
    problems: list[str]
    sents: list[Span]               # the doc's sentences, listed once; Attribution.sent_index indexes it


# --- helpers over one doc ---------------------------------------------------


class DocIndex:
    """Token and sentence lookups for one Doc, built once."""

    def __init__(self, doc: Doc, spans: list[QuotedSpan], text: str):
        self.doc = doc
        self.text = text
        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        self.spans = spans  # the quoted spans as the marks paired (``marks.scan_quotes``)
        # index in ``spans`` of the quoted span each token lies in, marks included (-1: none)
        self.in_quote = self.span_of_token([(sp.open_pos, sp.close_end) for sp in spans])
        # alphabetic tokens before each token, for ``alpha_count`` without Token objects
        self.alpha_before = np.concatenate([[0], np.cumsum(doc.to_array(IS_ALPHA))]).tolist() if len(doc) else [0]

    def alpha_count(self, a: int, b: int) -> int:
        """Alphabetic tokens in token range [a, b]."""
        return self.alpha_before[b + 1] - self.alpha_before[a] if b >= a else 0

    def span_of_token(self, spans: list[tuple[int, int]]) -> list[int]:
        """Per token, the index of the first char span [start, end) in ``spans`` that
        covers it (marks included), or -1."""
        out = [-1] * len(self.doc)
        for k, (start, end) in enumerate(spans):
            for i in range(self.token_at(start), self.token_at(max(end - 1, start)) + 1):
                if out[i] == -1:
                    out[i] = k
        return out

    def quoted(self, tok: Token) -> bool:
        return self.in_quote[tok.i] != -1

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def sent_index(self, tok_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, tok_i) - 1)


_TRIM_LEFT_WORDS = frozenset({"that", "whether", "if"})


def _opens_adverbial(mark: Token, a: int, b: int) -> bool:
    """`if`/`whether` opening an adverbial clause of range [a, b] (a `that` the parser
    hung on one, `said that as the birth rate falls, ...`, is the content's own)."""
    clause = mark.head
    return mark.lower_ != "that" and clause.dep_ == "advcl" and a <= clause.head.i <= b


def trim_tokens(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation, quotation marks and a leading complementiser from token range [a, b]
    (`that` also when the parser took it for a relative adverb: `said at the time that ...`;
    `whether or not` whole). A complementiser stays when it opens an adverbial clause of
    the range, not the range: `said that if it rains, the game will be cancelled` keeps
    `if`, `said whether or not the bill passes, the party will survive` keeps `whether or
    not`."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].text in QUOTE_CHARS
                      or (doc[a].lower_ in _TRIM_LEFT_WORDS and doc[a].dep_ == "mark" and not _opens_adverbial(doc[a], a, b))
                      or (doc[a].lower_ == "that" and doc[a].dep_ == "advmod" and doc[a].head.i > a)):
        if doc[a].lower_ == "whether" and a + 2 <= b and doc[a + 1].lower_ == "or" and doc[a + 2].lower_ == "not":
            a += 2  # `whether or not he had offered to quit` (BBC): the alternative goes with it
        a += 1
    # (and a conjunction left at the end: `said Clinton is honest and trustworthy, and
    # three-quarters said ...` once the second attribution is cut off)
    while b >= a and (doc[b].is_punct or doc[b].is_space or doc[b].text in QUOTE_CHARS
                      or (doc[b].dep_ == "cc" and b > a)):
        b -= 1
    return a, b
