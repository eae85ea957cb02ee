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
_BRACKETS = {")": "(", "]": "["}


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
    # three-quarters said ...` once the second attribution is cut off; not a per cent
    # sign, nor a bracket that closes one the range opened: `growth of 0.2%`, `vehicles
    # (SUVs)`, BBC: 48 and 55 contents lost them)
    while b >= a and (doc[b].is_space or doc[b].text in QUOTE_CHARS or (doc[b].dep_ == "cc" and b > a)
                      or (doc[b].is_punct and doc[b].text != "%" and not _opened(doc, a, b))):
        b -= 1
    if a <= b < len(doc) - 1 and doc[b + 1].text in _BRACKETS and _opened(doc, a, b + 1):
        b += 1  # the bracket the range opened closes in it
    # a word joined by hyphens is whole: the parser hangs each piece of `co-operate` or
    # `e-mails` on the word's head, so a subtree can start or end inside the word (BBC:
    # `to co`, `mails should only be deleted`), and the word's own dependents hang on its
    # last piece (`to co-operate with the inquiry`), unless the parser coordinated that
    # piece with a word before the range: then the word is what the speaker did next,
    # and the range stops before it (`denied the charges and counter-accused her`,
    # PolNeAR train)
    if a <= b and a >= 2 and joins_word(doc[a - 1]):
        a = _word(doc, a)[0]
    if a <= b and b + 2 < len(doc) and joins_word(doc[b + 1]):
        first, last = _word(doc, b)
        if doc[last].dep_ == "conj" and doc[last].head.i < a:
            return trim_tokens(doc, a, first - 1)
        return trim_tokens(doc, a, max(last, doc[last].right_edge.i))
    return a, b


def joins_word(tok: Token) -> bool:
    """A hyphen inside a word (no space on either side: `co-operate`), not a dash."""
    doc, i = tok.doc, tok.i
    return tok.text == "-" and not tok.whitespace_ and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ \
        and not doc[i - 1].is_space and not doc[i + 1].is_space


def _word(doc: Doc, i: int) -> tuple[int, int]:
    """The first and last token of the hyphen-joined word token ``i`` is a piece of."""
    first = last = i
    while first >= 2 and joins_word(doc[first - 1]):
        first -= 2
    while last + 2 < len(doc) and joins_word(doc[last + 1]):
        last += 2
    return first, last


def _opened(doc: Doc, a: int, b: int) -> bool:
    """Token ``b`` is a closing bracket whose opening bracket lies in token range [a, b)."""
    opener = _BRACKETS.get(doc[b].text)
    if opener is None:
        return False
    depth = 0
    for t in doc[a:b]:
        depth += (t.text == opener) - (t.text == doc[b].text)
    return depth > 0
