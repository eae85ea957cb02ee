"""What the attribution rules fill for one document (``Attribution``, ``DocQuotes``;
``Content``, the token range a cue reports, from ``content``, ``objects`` and
``setoff``), the lookups over one Doc they read (``DocIndex``, ``trim_tokens``, ``last_word``,
brackets and set-off marks), quotes read with their neighbours (``share_with_next``: the
next one's attribution; ``continues_previous``) and the one quote kept per content
(``one_per_content``).
Shared by ``attribution`` (direct quotes), ``indirect`` (reported speech), ``named``,
``before_quote``, ``after_quote``, ``framing``, ``content``, ``objects``, ``clause_end``, ``mentions``,
``setoff``, ``subjects``, ``opening_speaker`` and ``stage``."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_ALPHA
from spacy.tokens import Doc, Span, Token

from ...resources import QUOTE_CHARS
from .marks import QuotedSpan


@dataclass(frozen=True)
class Content:
    a: int                 # first token of what was said
    b: int                 # last token (inclusive)
    kind: str              # the rule that found it: prep, clause, infinitive, naming, object, passive, around,
                           # answer (`said yes`), fragment (`People like Scott, he said.`)
    around: bool = False   # the attribution itself lies inside [a, b] (`X, he said, is ...`)


@dataclass
class Attribution:
    kind: str                       # "direct" | "indirect"
    start: int                      # content span (chars)
    end: int
    cue: tuple[int, int] | None     # cue span (chars)
    speaker_head: Token | None      # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    how: str                        # direct: after|before|according|colon|dash|partial|shared|continuation;
                                    # indirect: according, paragraph (the one after `X added:`) or the
                                    # content rule (Content.kind)
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
_BRACKETS = {")": "(", "]": "["}  # the closers a content keeps when it opened them (no braces in prose)
OPENING_BRACKETS, CLOSING_BRACKETS = frozenset("([{"), frozenset(")]}")
DASHES = frozenset({"—", "–", "―", "--", "-"})


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
    not`. Words and signs stay whole (``ends_droppable``; a hyphen-joined word at either
    end, ``whole_word_end``)."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].text in QUOTE_CHARS
                      or (doc[a].lower_ in _TRIM_LEFT_WORDS and doc[a].dep_ == "mark" and not _opens_adverbial(doc[a], a, b))
                      or (doc[a].lower_ == "that" and doc[a].dep_ == "advmod" and doc[a].head.i > a)):
        if doc[a].lower_ == "whether" and a + 2 <= b and doc[a + 1].lower_ == "or" and doc[a + 2].lower_ == "not":
            a += 2  # `whether or not he had offered to quit` (BBC): the alternative goes with it
        a += 1
    if a <= b and a >= 2 and joins_word(doc[a - 1]):
        a = word_of(doc, a)[0]  # (`e-mails should ...`, not `mails should ...`)
    return a, _trimmed_end(doc, a, whole_word_end(doc, a, _trimmed_end(doc, a, b)))


def _trimmed_end(doc: Doc, a: int, b: int) -> int:
    """``b`` moved back past what a content does not end with (``ends_droppable``, and a
    conjunction left at the end: `said Clinton is honest and trustworthy, and
    three-quarters said ...` once the second attribution is cut off), then on past a
    closing bracket the range opened (`vehicles (SUVs)`)."""
    while b >= a and (ends_droppable(doc, a, b) or (doc[b].dep_ == "cc" and b > a)) \
            and not (b > a and joins_word(doc[b - 1])):  # (the last piece of `either-or`)
        b -= 1
    if a <= b < len(doc) - 1 and doc[b + 1].text in _BRACKETS and _opened(doc, a, b + 1):
        b += 1
    return b


def ends_droppable(doc: Doc, a: int, b: int) -> bool:
    """Token ``b`` is punctuation, a space or a quotation mark that a range [a, b] ending
    with it drops; not a per cent sign after a number, nor a bracket that closes one the
    range opened (`growth of 0.2%`, `vehicles (SUVs)`: BBC, 50 and 52 contents lost them)."""
    tok = doc[b]
    if tok.is_space or tok.text in QUOTE_CHARS:
        return True
    if not tok.is_punct or (tok.text == "%" and b > a and doc[b - 1].like_num):
        return False
    return not _opened(doc, a, b)


def whole_word_end(doc: Doc, a: int, b: int) -> int:
    """``b`` moved so that range [a, b] does not end inside a hyphen-joined word: the parser
    hangs each piece of `co-operate` or `re-enter` on the word's head, so a subtree can end
    inside the word (BBC: `to co`, `it would re`). The word is completed, with what hangs
    on its last piece up to the first punctuation, where a cut could have stopped (`to
    co-operate with the inquiry`, not `..., which ...`); a word the parser coordinated
    with a word before the range is what the speaker did next, and the range ends before
    it (`denied the charges and counter-accused her`, PolNeAR train)."""
    if not (a <= b and b + 2 < len(doc) and joins_word(doc[b + 1])):
        return b
    first, last = word_of(doc, b)
    if doc[last].dep_ == "conj" and doc[last].head.i < a:
        return first - 1
    edge = last
    for t in doc[last + 1:doc[last].right_edge.i + 1]:
        if t.is_punct and not joins_word(t):
            break
        edge = t.i
    return edge


def is_dash(tok: Token) -> bool:
    """A dash between words (`—`, `--`, a spaced `-`, the horizontal bar `―` of PolNeAR's
    vox pops), not a hyphen inside one (``joins_word``)."""
    return tok.text in DASHES and not joins_word(tok)


def breaks_paragraph(tok: Token) -> bool:
    """``tok`` is white space with a line break in it: a paragraph ends there."""
    return tok.is_space and "\n" in tok.text


def sets_off(tok: Token) -> bool:
    """A comma, semicolon or dash that sets a clause or phrase off."""
    return tok.text in (",", ";") or is_dash(tok)


def joins_word(tok: Token) -> bool:
    """A hyphen or en dash inside a word (no space on either side: `co-operate`,
    `2015–16`), not a dash between words."""
    doc, i = tok.doc, tok.i
    return tok.text in ("-", "–") and not tok.whitespace_ and 0 < i < len(doc) - 1 \
        and not doc[i - 1].whitespace_ and doc[i - 1].text[-1:].isalnum() and doc[i + 1].text[:1].isalnum()


def last_word(doc: Doc, first: int, last: int) -> int:
    """Index of the last token in [first, last] that is not white space (first - 1 if none)."""
    while last >= first and doc[last].is_space:
        last -= 1
    return last


def word_of(doc: Doc, i: int) -> tuple[int, int]:
    """The first and last token of the hyphen-joined word token ``i`` is a piece of."""
    first = last = i
    while first >= 2 and joins_word(doc[first - 1]):
        first -= 2
    while last + 2 < len(doc) and joins_word(doc[last + 1]):
        last += 2
    return first, last


def _opened(doc: Doc, a: int, b: int) -> bool:
    """Token ``b`` is a closing bracket whose opening bracket lies in token range [a, b)
    (a stray closer before it closes nothing: `1) the vehicles (SUVs)`)."""
    opener = _BRACKETS.get(doc[b].text)
    if opener is None:
        return False
    depth = 0
    for t in doc[a:b]:
        if t.text == opener:
            depth += 1
        elif t.text == doc[b].text:
            depth = max(depth - 1, 0)
    return depth > 0


#: a quote with no cue takes the previous attribution's speaker only when that attribution
#: is in the same or the immediately preceding sentence (``stage``, ``continues_previous``)
CONTINUATION_SENTENCES = 1


def share_with_next(text: str, atts: list[Attribution]) -> None:
    """`"A," "B," said X`: quotes separated by nothing but a comma or space share
    the attribution of the one that has it (PolNeAR annotates them as one)."""
    for k in range(len(atts) - 2, -1, -1):
        a, b = atts[k], atts[k + 1]
        if a.how == "continuation" and b.how != "continuation" and text[a.close_end:b.open_pos].strip(" ,") == "":
            a.cue, a.speaker_head, a.speaker_span, a.how = b.cue, b.speaker_head, b.speaker_span, "shared"


def continues_previous(text: str, kept: list[Attribution], sp: QuotedSpan, sent_i: int) -> bool:
    """The quote comes right after the last direct quote kept (``kept[-1]``), in the same
    paragraph, at most ``CONTINUATION_SENTENCES`` sentences after it."""
    return bool(kept) and sent_i - kept[-1].sent_index <= CONTINUATION_SENTENCES \
        and kept[-1].close_end <= sp.open_pos and "\n" not in text[kept[-1].close_end:sp.open_pos]


def one_per_content(atts: list[Attribution]) -> list[Attribution]:
    """One quote per content: two cues that give the same span (`"You winning?" she
    said, but ... Melanie said yes ...`, PolNeAR dev; 4 pairs in 2,225 BBC articles) made
    a row each and counted it twice. The cue kept is one outside the span, if any (BBC:
    `As ... pornography ... continues to dominate the headlines, ..., Richard Allan said`
    gave the span to `continues` too), else, of two verbs, the one nearer the span
    (`continues to insist, most recently in an interview, that ...`: `insist`, PolNeAR
    dev; not a reporting noun nearer it, `stressing in his remarks that ...`, whose
    speaker is a possessive), else the one found first."""
    by_span: dict[tuple[str, int, int], Attribution] = {}
    for a in atts:
        key = (a.kind, a.start, a.end)
        kept = by_span.get(key)
        if kept is None or _preferred(a, kept):
            by_span[key] = a
    return [a for a in atts if by_span[(a.kind, a.start, a.end)] is a]


def _preferred(a: Attribution, kept: Attribution) -> bool:
    """Whether ``a`` rather than ``kept`` is the cue of the content both give."""
    inside_a, inside_kept = _cue_inside(a), _cue_inside(kept)
    if inside_a != inside_kept:
        return inside_kept
    return "noun" not in (a.how, kept.how) and _cue_distance(a) < _cue_distance(kept)


def _cue_inside(a: Attribution) -> bool:
    return a.cue is not None and a.start <= a.cue[0] < a.end


def _cue_distance(a: Attribution) -> int:
    """Characters between the cue and the content span (0 inside it; no cue: far)."""
    if a.cue is None:
        return 1 << 30
    return max(a.start - a.cue[1], a.cue[0] - a.end, 0)
