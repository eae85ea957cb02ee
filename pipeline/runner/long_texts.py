"""The one parse of hostile and long texts: bounded time and memory, exact text.

Two kinds of input make a plain ``nlp.pipe`` explode:

* **Pathological runs.** spaCy's tokenizer peels prefix and suffix characters
  off a whitespace-free string one at a time and searches the rest again each
  time: quadratic in the run. 50,000 quotation marks in a row took 197 s (a
  run of 8,000 quotes: 12 s; 4,000 parentheses: 3 s; 50,000 emoji: 9 minutes),
  and even when tokenized quickly, 50 KB of punctuation is 50,000 tokens for
  the tagger, parser and NER (15 s). ``make_doc`` therefore tokenizes

  - a whitespace-free run longer than ``LONG_RUN`` characters, and
  - a *junk line*: a line longer than ``LONG_RUN`` characters of which fewer
    than 60% of the non-space characters are letters or digits, or whose
    whitespace-separated chunks average under 2 characters (``" " " "``,
    ``a, a, a``), and
  - a *dense stretch*: ``WINDOW`` characters (windows overlap by half) with
    more than ``MAX_DENSITY`` tokens per character (about as many tokens as a
    regular expression of words, punctuation marks and line breaks finds),
    widened to the whitespace around it (``a`` on every line, ``x's x's``), less
    its lines of prose (a junk line makes the windows around it dense too),

  as consecutive pieces of ``LONG_RUN`` characters, one token each. Real text
  has none of these: over all 2,225 BBC articles, 924 PolNeAR articles and the
  seeds, no run is longer than 75 characters (one HTML attribute), every line
  longer than 64 characters is at least 2/3 letters and digits with chunks of
  3.2 characters or more on average, and no 1,000-character window has more
  than 0.30 tokens per character (a tennis ranking list; the median is 0.21).
  So the tagger, parser and NER see at most about 0.32 tokens per character,
  about 1.5 times as many as in news prose. Everything else is tokenized by
  spaCy's own tokenizer exactly as ``nlp.make_doc`` does (tested).

* **Long documents.** Parser and NER memory grows with the length of one Doc:
  one 900,000-character article peaked at 3.0 GB. ``parse_texts`` parses a
  text longer than ``CHUNK_CHARS`` in chunks cut after a line break (else
  after a sentence end, else after a space), and joins the parsed chunks
  with ``Doc.from_docs`` into one Doc; texts go to ``nlp.pipe`` in groups of at most ``GROUP_CHARS``
  characters. Line breaks already end sentences in the one parse
  (``stages/sentences/rules.py``), so a cut after one changes no sentence.

In both cases ``doc.text`` is the input text character for character, so
every offset into ``documents.text`` stays exact.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import DOCUMENT_ERRORS
from ..nlp.docs import doc_text
from ..resources import word_set

#: longest whitespace-free run, and longest junk line, tokenized by spaCy's tokenizer
LONG_RUN = 64
#: a text longer than this is parsed in chunks (characters)
CHUNK_CHARS = 100_000
#: characters per ``nlp.pipe`` call (a 64-document batch of news is about 150,000)
GROUP_CHARS = 250_000

#: dense stretches: window length (characters) and the most tokens per character
WINDOW = 1000
MAX_DENSITY = 0.32

#: what counts as a token in a dense stretch (counted by ``_Characters.tokens``)
_TOKENISH_RE = re.compile(r"[^\W_]+|[^\w\s]|_|\n")
_LONG_RUN_RE = re.compile(r"\S{%d,}" % (LONG_RUN + 1))
_LONG_LINE_RE = re.compile(r"[^\n]{%d,}" % (LONG_RUN + 1))
_SPACE_RE = re.compile(r"\s")
_ALNUM_RE = re.compile(r"[^\W_]")
_LAST_SPACE_RE = re.compile(r".*\s", re.DOTALL)
# the classes of the ASCII characters, as the two expressions above have them
_ASCII_SPACE = np.array([_SPACE_RE.match(chr(c)) is not None for c in range(128)])
_ASCII_ALNUM = np.array([_ALNUM_RE.match(chr(c)) is not None for c in range(128)])


class _Characters:
    r"""Which characters of a text are whitespace (``\s``) and letters or digits
    (``[^\W_]``), with running counts, so that every line and window below is
    counted by subtraction instead of by a regular expression over its
    characters (which cost 0.35 ms per BBC article, as much as tokenizing it)."""

    def __init__(self, text: str):
        cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ascii_ = cp < 128
        low = np.where(ascii_, cp, 0)
        space, alnum = _ASCII_SPACE[low], _ASCII_ALNUM[low]
        if not ascii_.all():
            other, inverse = np.unique(cp[~ascii_], return_inverse=True)
            chars = [chr(c) for c in other.tolist()]
            space[~ascii_] = np.array([_SPACE_RE.match(c) is not None for c in chars])[inverse]
            alnum[~ascii_] = np.array([_ALNUM_RE.match(c) is not None for c in chars])[inverse]
        self.space = space
        after_space = np.concatenate(([True], space[:-1]))
        after_alnum = np.concatenate(([False], alnum[:-1]))
        self.n_space = _running(space)
        self.n_alnum = _running(alnum)
        self.n_chunk_starts = _running(~space & after_space)   # where a whitespace-separated chunk starts
        # where a token of _TOKENISH_RE starts: a run of letters and digits,
        # any other non-space character (the underscore too), a line break
        self.n_token_starts = _running((alnum & ~after_alnum) | (~alnum & ~space) | (cp == 10))
        self.run_goes_on = alnum & after_alnum  # inside a run of letters and digits

    def is_junk(self, start: int, end: int) -> bool:
        """``is_junk_line(text[start:end])``."""
        non_space = end - start - int(self.n_space[end] - self.n_space[start])
        if not non_space:
            return False
        if int(self.n_alnum[end] - self.n_alnum[start]) < 0.6 * non_space:
            return True
        chunks = int(self.n_chunk_starts[end] - self.n_chunk_starts[start + 1]) + (not self.space[start])
        return non_space < 2 * chunks

    def tokens(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        r"""How many tokens ``_TOKENISH_RE.findall(text, start, end)`` finds in each
        window: the tokens starting inside it, and a run of letters and digits it
        starts in the middle of (the expression starts matching at the window)."""
        return self.n_token_starts[ends] - self.n_token_starts[starts] + self.run_goes_on[starts]


def _running(flags: np.ndarray) -> np.ndarray:
    """counts[i] = how many of flags[:i] are set."""
    out = np.zeros(len(flags) + 1, dtype=np.int32)  # a text is at most a few million characters
    np.cumsum(flags, out=out[1:])
    return out


def is_junk_line(line: str) -> bool:
    """A line that is not prose (module doc): mostly punctuation or symbols, or
    chunks of one or two characters."""
    return bool(line) and _Characters(line).is_junk(0, len(line))


def _pathological_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) of the runs and junk lines of ``text``."""
    lines = [m.span() for m in _LONG_LINE_RE.finditer(text)]
    # the characters are classified only for a text with a long line or a window
    chars = _Characters(text) if lines or len(text) >= WINDOW // 2 else None
    spans = [span for span in lines if chars.is_junk(*span)]
    spans += [m.span() for m in _LONG_RUN_RE.finditer(text)]
    if chars is not None:
        spans += _dense_stretches(text, chars)
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        if start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _dense_stretches(text: str, chars: _Characters) -> list[tuple[int, int]]:
    """Windows with more than ``MAX_DENSITY`` tokens per character, merged and
    widened to whitespace on both sides (so no token of the text around is cut)."""
    if len(text) < WINDOW // 2:
        return []
    step = WINDOW // 2
    starts = np.arange(0, max(len(text) - step, 1), step)
    ends = np.minimum(starts + WINDOW, len(text))
    # (every window is at least ``step`` long: each starts before len(text) - step)
    dense = chars.tokens(starts, ends) > MAX_DENSITY * (ends - starts)
    merged: list[list[int]] = []
    for start, end in zip(starts[dense].tolist(), ends[dense].tolist()):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    out = []
    for start, end in merged:
        before = _LAST_SPACE_RE.match(text, 0, start)
        after = _SPACE_RE.search(text, end)
        out += _without_prose_lines(text, chars, before.end() if before else 0, after.start() if after else len(text))
    return out


def _without_prose_lines(text: str, chars: _Characters, start: int, end: int) -> list[tuple[int, int]]:
    """The stretch ``[start, end)`` less its lines of prose: longer than ``LONG_RUN``, no junk
    and no denser than ``MAX_DENSITY`` on their own. One junk line (a row of 200 `=`, of emoji)
    makes the windows around it dense, and the prose lines beside it, some 1,500 characters of
    an article, were cut into pieces with it, unparsed."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        if line_end == pos:  # an empty line: no piece starts or ends with a line break
            pos += 1
            continue
        a, b = text.rfind("\n", 0, pos) + 1, text.find("\n", line_end)  # the whole line, for its density
        b = len(text) if b < 0 else b
        # (a line of prose is longer than a run the tokenizer may take whole: a short line's
        # density says little, and tiny lines of `a` are what a dense stretch is for)
        n_tokens = int(chars.tokens(a, b))
        prose = b - a > LONG_RUN and not chars.is_junk(a, b) and n_tokens <= MAX_DENSITY * (b - a)
        if not prose:
            if out and text[out[-1][1]:pos].isspace():  # only line breaks since the last kept line: one stretch
                out[-1] = (out[-1][0], line_end)
            else:
                out.append((pos, line_end))
        pos = line_end + 1
    return out


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with pathological runs and lines as pieces (module doc)."""
    spans = _pathological_spans(text)
    return _pieces_doc(nlp, text, spans) if spans else nlp.tokenizer(text)


def _pieces_doc(nlp: Language, text: str, spans: list[tuple[int, int]]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []

    def tokenize(segment: str) -> None:
        # One space after a token is that token's trailing whitespace, as
        # spaCy's tokenizer makes it (not a token of its own).
        if segment.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            segment = segment[1:]
        if segment:
            for token in nlp.tokenizer(segment):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))

    pos = 0
    for start, end in spans:
        tokenize(text[pos:start])
        for i in range(start, end, LONG_RUN):
            words.append(text[i:min(i + LONG_RUN, end)])
            spaces.append(False)
        pos = end
    tokenize(text[pos:])
    return Doc(nlp.vocab, words=words, spaces=spaces)


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, each cut after a
    line break where there is one in the second half of the piece, else after
    a sentence end (``_sentence_end``), else after a space, else anywhere;
    ``"".join(pieces) == text``. A chunk's first token starts a sentence, so a
    cut after a space alone split one ("Gordon Brown | said on Monday that ...":
    a 260,000-character article on one line)."""
    if len(text) <= size:
        return [text]
    pieces = []
    pos = 0
    while len(text) - pos > size:
        limit = pos + size
        cut = text.rfind("\n", pos + size // 2, limit)
        if cut < 0:
            cut = _sentence_end(text, pos + size // 2, limit)
        if cut < 0:
            cut = text.rfind(" ", pos + size // 2, limit)
        cut = cut + 1 if cut >= 0 else limit
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


#: a full stop, question or exclamation mark, closing quotes or brackets, one space, and
#: what opens a sentence: a quotation mark, a bracket or a capital (checked in ``_sentence_end``)
_SENTENCE_END_RE = re.compile(r"[.?!][\"'”’»)\]]* +(?=[\"'“‘«(\[]|[^\W\d_])")


def _sentence_end(text: str, start: int, end: int) -> int:
    """The position of the last space after the last sentence end in ``text[start:end]``,
    or -1. A full stop after a title, an initial or a dotted abbreviation ("Mr. Blair",
    "George W. Bush", "the U.S. President": titles from the list the sentences stage keeps,
    ``resources/sentence_abbreviations.txt``) is passed over: it may end no sentence, and a
    window of 50,000 characters has other sentence ends to cut at."""
    titles = word_set("sentence_abbreviations", lower=False)
    best = -1
    for m in _SENTENCE_END_RE.finditer(text, start, end - 1):
        after = text[m.end()]
        if after.isalpha() and not after.isupper():
            continue
        if text[m.start()] == ".":
            word = text[max(start, text.rfind(" ", start, m.start()) + 1):m.start() + 1]
            if word in titles or (len(word) == 2 and word[0].isupper()) or "." in word[:-1]:
                continue
        best = m.end() - 1
    return best


def _groups(items: Iterable[tuple[int, str]], limit: int) -> Iterator[list[tuple[int, str]]]:
    group: list[tuple[int, str]] = []
    size = 0
    for item in items:
        if group and size + len(item[1]) > limit:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield group


def parse_texts(nlp: Language, texts: list[str], disable: Iterable[str] = (),
                failed: dict[int, BaseException] | None = None) -> list[Doc | None]:
    """The parsed Doc of each text, in order (module doc): long texts in chunks,
    ``nlp.pipe`` over groups of at most ``GROUP_CHARS`` characters.

    With ``failed``, a rule component that fails on one text (one of
    ``errors.DOCUMENT_ERRORS``) loses only that text: spaCy's error handler
    records it (``failed``: index -> exception; its Doc is ``None``) and the
    others go on in the same ``nlp.pipe`` call, so the batch is not parsed a
    second time. Without ``failed``, the error is raised."""
    disable = list(disable)
    chunks = ((i, piece) for i, text in enumerate(texts) for piece in split_chunks(text))
    parsed: list[list[Doc]] = [[] for _ in texts]
    lost: dict[int, BaseException] = {}
    # Components without an error handler of their own (the stages' rule
    # components) use the pipeline's default one; spaCy's trained components
    # raise as before (the caller then parses one text at a time).
    saved = nlp.default_error_handler
    if failed is not None:
        nlp.default_error_handler = _record
    try:
        for group in _groups(chunks, GROUP_CHARS):
            docs, errors = _pipe(nlp, group, disable)
            if len(errors) > 1:  # may be a failure of a whole minibatch: find the text(s) it was about
                for k in list(errors):
                    one, one_error = _pipe(nlp, [group[k]], disable)
                    if one:
                        docs[k] = one[0]
                        del errors[k]
                    else:
                        errors[k] = one_error[0]
            for k, (i, _) in enumerate(group):
                if k in errors:
                    lost[i] = errors[k]
                elif k in docs:
                    parsed[i].append(docs[k])
    finally:
        nlp.default_error_handler = saved
    if failed is not None:
        failed.update(lost)
    return [None if i in lost else parts[0] if len(parts) == 1 else join_docs(parts)
            for i, parts in enumerate(parsed)]


_ERRORS: list[tuple[str, BaseException]] = []


def _record(_name, _proc, docs, exc: BaseException) -> None:
    """spaCy error handler: note a per-document failure; anything else stops the run."""
    if not isinstance(exc, DOCUMENT_ERRORS):
        raise exc
    _ERRORS.extend((doc.text, exc) for doc in docs)


def _pipe(nlp: Language, group: list[tuple[int, str]], disable: list[str]
          ) -> tuple[dict[int, Doc], dict[int, BaseException]]:
    """One ``nlp.pipe`` call over ``group``: (position -> Doc, position -> exception)."""
    _ERRORS.clear()
    # a text spaCy tokenizes as it is goes in as text, the others as Docs
    docs = list(nlp.pipe((_doc_or_text(nlp, piece) for _, piece in group), batch_size=len(group), disable=disable))
    if not _ERRORS:
        return dict(enumerate(docs)), {}
    # the failed pieces are missing from the output, which keeps its order
    lost = {text for text, _ in _ERRORS}
    out, errors = {}, {}
    it = iter(docs)
    nxt = next(it, None)
    for k, (_, piece) in enumerate(group):
        if nxt is not None and (piece not in lost or doc_text(nxt) == piece):
            out[k] = nxt
            nxt = next(it, None)
        else:
            errors[k] = next(exc for text, exc in _ERRORS if text == piece)
    _ERRORS.clear()
    return out, errors


def _doc_or_text(nlp: Language, piece: str) -> Doc | str:
    """What ``nlp.pipe`` is given: the text itself when spaCy's tokenizer can
    take it as it is, else the Doc of ``make_doc``."""
    spans = _pathological_spans(piece)
    return _pieces_doc(nlp, piece, spans) if spans else piece


def join_docs(parts: list[Doc]) -> Doc:
    """One Doc of the parsed chunks of a text, with their annotations; its text
    is the concatenation of theirs (no space added)."""
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
