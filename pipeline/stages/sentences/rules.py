"""Sentence boundary rules: a spaCy component that presets sentence starts
before the parser (docs/guidelines.md §2).

Added to the one parse by the sentences stage's registry entry; it reads the
word lists named in ``RESOURCES`` (part of the parse cache key).
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ...resources import CLOSING_QUOTES, OPENING_QUOTES, reporting_verb_forms, word_set

COMPONENT = "claimex_sentence_rules"
#: word lists this component reads (they shape the parse: ``runner.fingerprint``)
RESOURCES = ("sentence_abbreviations", "reporting_verbs")


def add_to_pipeline(nlp: Language) -> None:
    """Put the rules before the parser, whose boundaries then respect them; a
    pipeline without a parser gets them first, and a sentencizer after them
    when it has no sentence splitter at all."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT, first=True)
        if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", after=COMPONENT)


# --- sentence boundary rules ------------------------------------------------

# An initial ("A.", "M.G.") or a run of them: the next token continues the
# name (``M.G. Link``), so it never starts a sentence. spaCy keeps an initial
# glued to a surname ("A.Lukashenko") as one token, which needs no rule.
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")
# A one-letter unit with its full stop, glued to a number before it ("50m.", "1500m.")
_UNIT_RE = re.compile(r"^[a-z]\.$")
_OPEN_BRACKETS = "([{"
_CLOSE_BRACKETS = ")]}"
_TERMINAL = (".", "!", "?", "…")
# Longest run of tokens a single "sentence" may have when the text offers no
# place to end one (no sentence punctuation at all, e.g. a scraped table dump
# or a transcript without punctuation). Bounded so that a 400,000-word
# unpunctuated text still yields sentences of sane length. News sentences are
# far shorter: the longest in the seeds has about 80 tokens.
MAX_SENT_TOKENS = 200
# A bracket still open after this many tokens is taken as unbalanced (a stray
# "(" must not glue a whole paragraph into one sentence).
MAX_BRACKET_TOKENS = 80
# An attribution after a closing quote is short: "Igor Sekreta said",
# "said the Belarusian deputy foreign minister".
MAX_ATTRIBUTION_TOKENS = 8


class _Tokens:
    """Plain Python lists of what the rules read per token.

    The rules look at every token and its neighbours; reading ``doc[i].text``
    builds a Token object each time, which made this component about a Python
    call per token. The lists are made once per doc from ``doc.to_array``.
    ``whitespace_`` is always " " or "" in spaCy (newlines are separate space
    tokens), so a line break before a token is a preceding space token holding
    one."""

    __slots__ = ("doc", "n", "texts", "spaced", "is_space")

    def __init__(self, doc: Doc):
        arr = doc.to_array([ORTH, SPACY, IS_SPACE])
        strings = doc.vocab.strings
        self.doc = doc
        self.n = len(doc)
        self.texts = [strings[o] for o in arr[:, 0].tolist()]
        self.spaced = [bool(x) for x in arr[:, 1].tolist()]
        self.is_space = [bool(x) for x in arr[:, 2].tolist()]

    def newline_before(self, i: int) -> bool:
        return self.is_space[i - 1] and "\n" in self.texts[i - 1]


# Marks that only open or only close (``resources`` lists both kinds; the
# straight " and ' are in both and are told apart by the spaces around them).
_AMBIGUOUS_QUOTES = frozenset(OPENING_QUOTES) & frozenset(CLOSING_QUOTES)
_ONLY_CLOSING = (frozenset(CLOSING_QUOTES) - _AMBIGUOUS_QUOTES) | {"''"}
_ONLY_OPENING = (frozenset(OPENING_QUOTES) - _AMBIGUOUS_QUOTES) | {"``"}


def _is_closing_quote(toks: _Tokens, i: int) -> bool:
    """A closing quotation mark: ” » ’ '' , or a straight quote glued to the
    token before it (``no future,"``)."""
    text = toks.texts[i]
    if text in _ONLY_CLOSING:
        return True
    if text in _AMBIGUOUS_QUOTES and i > 0:
        return not toks.spaced[i - 1] and not toks.is_space[i - 1]
    return False


def _is_opening_quote(toks: _Tokens, i: int) -> bool:
    """An opening quotation mark: “ „ « ‘ ``, or a straight quote with a space
    before it and none after (`` "In Eurasia``)."""
    text = toks.texts[i]
    if text in _ONLY_OPENING:
        return True
    if text in _AMBIGUOUS_QUOTES:
        spaced_before = i == 0 or toks.spaced[i - 1] or toks.is_space[i - 1]
        return spaced_before and not toks.spaced[i]
    return False


def _is_attribution(toks: _Tokens, i: int) -> bool:
    """Do the tokens from ``i`` up to the next comma or sentence end read as a
    quote attribution: a reporting verb last ("Igor Sekreta said", "he asked")
    or first ("said the deputy minister")? "He said the talks would go on" is a
    new sentence: its verb has a complement."""
    verbs = reporting_verb_forms()
    chunk = []
    for k in range(i, min(i + MAX_ATTRIBUTION_TOKENS + 1, toks.n)):
        text = toks.texts[k]
        if text == "," or text.endswith(_TERMINAL):
            break
        if "\n" in text or _is_opening_quote(toks, k):
            return False
        chunk.append(text.lower())
    else:
        return False
    return bool(chunk) and (chunk[-1] in verbs or chunk[0] in verbs)


def _boundary(toks: _Tokens, i: int, depth: int) -> bool | None:
    """The preset for token ``i`` (> 0): True = starts a sentence, False = never
    does, None = a possible boundary left to the parser."""
    if toks.is_space[i]:
        return False
    # A line break ends a segment: news bodies put one paragraph per line, and
    # a heading must never glue to the next sentence (docs/guidelines.md §2).
    # clean has already unwrapped hard-wrapped text, so no break is mid-sentence.
    if toks.newline_before(i):
        return True  # even at a mark that looks closing: NYT opens quotes with ''
    if _is_closing_quote(toks, i):
        return False  # a closing mark never starts one: ...come?'" she said
    if depth > 0:
        return False  # "[of countries]", "(CSTO - TASS here and henceforth)"
    texts = toks.texts
    # Skip back over closing quotes and brackets to the word that may end a sentence.
    j = i - 1
    closers = False
    while j > 0 and (toks.is_space[j] or _is_closing_quote(toks, j) or texts[j] in _CLOSE_BRACKETS):
        if j < i - 1 and toks.newline_before(j + 1):
            return False  # only marks since the line break: the segment began there
        closers = closers or _is_closing_quote(toks, j)
        j -= 1
    last = texts[j]
    if not last.endswith(_TERMINAL):
        # No sentence punctuation before: the sentence goes on (",” he said",
        # "heads of state [of countries]"). Most parser over-splits are here.
        return False
    if not closers and last in word_set("sentence_abbreviations", lower=False):
        return False  # "Mrs. Natalya Drozd"
    if not closers and _UNIT_RE.match(last) and j > 0 and not toks.spaced[j - 1] \
            and toks.doc[j - 1].like_num and texts[i][:1].isupper():
        # "worth £50m. Chief executive ...", "the 1500m. But ...": spaCy keeps a
        # one-letter unit and its full stop as one token (its tokenizer exceptions
        # for "a." to "z."), which the parser never ends a sentence at (BBC, 2,225
        # articles: 63 sentences were glued to the one before this way)
        return True
    if not closers and _INITIALS_RE.match(last):
        tag = toks.doc[i].tag_
        if not tag or tag in ("NNP", "NNPS"):
            # "M.G. Link": an initial before a name. When the tagger has run, a
            # non-name after it ("moved to the U.S. The next year") may start a
            # sentence, so the parser decides.
            return False
    if texts[i][:1].islower():
        return False  # "...?” he asked" or an abbreviation the lists lack
    if closers and _is_attribution(toks, i):
        return False  # "...?” Igor Sekreta asked." belongs to the quote's sentence
    if closers and _is_opening_quote(toks, i):
        return True  # '...consequences." "In Eurasia' : a new quotation starts
    return None


@Language.component(COMPONENT)
def sentence_rules(doc: Doc) -> Doc:
    """Pre-set sentence starts that the parser then respects (docs/guidelines.md §2).

    * a line break ends a segment: headings and paragraphs never glue to the
      next sentence;
    * a sentence starts only after sentence punctuation (. ! ? …, possibly
      followed by closing quotes or brackets); elsewhere the parser may not split;
    * no boundary inside brackets ``[of countries]``, after initials
      (``M.G. Link``) or title abbreviations (``Mrs.``,
      ``resources/sentence_abbreviations.txt``), or before a lower-case word;
    * the attribution after a closing quote stays with the quote's sentence,
      also after ``?`` and ``!`` (``“What can be done?” Igor Sekreta asked.``,
      the forms in ``resources/reporting_verbs.txt``); a new quotation right
      after a closed one starts a sentence (``..." "In Eurasia``);
    * no sentence runs longer than ``MAX_SENT_TOKENS`` tokens without a
      possible boundary: an unpunctuated text is cut into bounded pieces.
    Remaining possible boundaries (after sentence punctuation) are left to the
    parser.
    """
    n = len(doc)
    if n == 0:
        return doc
    # Presets are collected in an array and written once: assigning
    # Token.is_sent_start one token at a time costs O(len(doc)) per token in
    # spaCy 3.8 (it re-checks the doc's annotation), quadratic on long texts.
    presets = numpy.zeros(n, dtype="int32")  # 1 start, -1 no start, 0 parser decides
    presets[0] = 1
    depth = 0
    opened_at = 0
    since_possible = 0  # tokens since the last start or possible start
    toks = _Tokens(doc)
    texts = toks.texts
    for i in range(1, n):
        if depth > 0 and (i - opened_at > MAX_BRACKET_TOKENS or toks.newline_before(i)):
            depth = 0
        start = _boundary(toks, i, depth)
        if start is False and since_possible >= MAX_SENT_TOKENS - 1 and not toks.is_space[i]:
            start = True
        presets[i] = 0 if start is None else (1 if start else -1)
        since_possible = since_possible + 1 if start is False else 0
        text = texts[i]
        if text in _OPEN_BRACKETS:
            if depth == 0:
                opened_at = i
            depth += 1
        elif text in _CLOSE_BRACKETS and depth > 0:
            depth -= 1
    # spaCy reads the array as uint64 and casts back to its signed field (as
    # Doc.__init__ does for sent_starts), so -1 survives the round trip.
    doc.from_array([SENT_START], presets.astype(numpy.uint64))
    return doc
