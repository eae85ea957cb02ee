"""Quotation-mark pairing on raw text (issue 4, docs/guidelines.md §4).

Pure string work, no parse: find the spans enclosed by quotation marks, in every
style seen in the wild (“ ” ‘ ’ " ' `` '' « » „), including mismatched pairs
(``'wrong’``), quotes that run over several paragraphs and text whose marks do
not balance. Unbalanced text never raises: the span is closed where the
paragraph ends and the problem is reported in ``MarkScan.problems``.

Double marks are paired first (a typographic quote nested in another of the same
style, `“... “hell” ...”`, belongs to the outer one); single marks only count as quotation marks
outside double-quoted spans (inside, they are nested quotes or scare quotes
that belong to the outer quote) and only pair within one paragraph, because a
lone ``'`` or ``’`` is far more often an apostrophe (``Belarus’ Top``, ``'90s``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...resources import QUOTE_CHARS

OPEN_DOUBLE = "“„‟«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‚‹"
CLOSE_SINGLE = "›"
AMBIG_SINGLE = "'’"
#: every character ``find_marks`` looks at (the mark classes above, plus "`"; the
#: same set as resources.QUOTE_CHARS): it jumps from one to the next instead of
#: stepping through the whole text in Python (issue 6)
_MARK_CHARS = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")
# Characters after which a mark is "left-flanking" (can open a quote): start of
# text, whitespace, opening brackets and dashes (`—“We ...`).
_BEFORE_OPEN = set("([{—–-/:") | set(OPEN_DOUBLE) | set(OPEN_SINGLE)
# Characters before which a mark is "right-flanking" (can close a quote).
_AFTER_CLOSE = set(".,;:!?)]}—–-/…") | set(CLOSE_DOUBLE) | set("'’\"")


@dataclass(frozen=True)
class Mark:
    pos: int          # index of the first character of the mark
    length: int       # 1, or 2 for `` and ''
    double: bool
    can_open: bool
    can_close: bool


@dataclass(frozen=True)
class QuotedSpan:
    """One span enclosed by quotation marks. ``start``/``end`` delimit the content
    (marks excluded, outer whitespace trimmed); ``open_pos``/``close_end`` the marks."""

    open_pos: int
    close_end: int    # index just after the closing mark (== end when unclosed)
    start: int
    end: int
    double: bool
    closed: bool      # False: no closing mark, closed at the paragraph end


@dataclass
class MarkScan:
    spans: list[QuotedSpan] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _flanks(text: str, pos: int, length: int) -> tuple[bool, bool]:
    prev = text[pos - 1] if pos > 0 else " "
    nxt = text[pos + length] if pos + length < len(text) else " "
    left = (not nxt.isspace()) and (prev.isspace() or prev in _BEFORE_OPEN)
    right = (not prev.isspace()) and (nxt.isspace() or nxt in _AFTER_CLOSE)
    return left, right


def find_marks(text: str) -> list[Mark]:
    """Every quotation mark in ``text`` with the roles its context allows."""
    marks: list[Mark] = []
    i, n = 0, len(text)
    for found in _MARK_CHARS.finditer(text):
        if found.start() < i:  # the second character of a `` or '' mark
            continue
        i = found.start()
        ch = text[i]
        two = text[i:i + 2]
        if two == "``":
            marks.append(Mark(i, 2, True, True, False))
            i += 2
            continue
        if two == "''":
            left, right = _flanks(text, i, 2)
            marks.append(Mark(i, 2, True, left and not right, True))
            i += 2
            continue
        if ch in OPEN_DOUBLE:
            left, right = _flanks(text, i, 1)
            # A glyph-opener in closing position is a mismatched closer (`text“ said`).
            marks.append(Mark(i, 1, True, True, right and not left))
        elif ch in CLOSE_DOUBLE:
            left, right = _flanks(text, i, 1)
            marks.append(Mark(i, 1, True, left and not right, True))
        elif ch == STRAIGHT_DOUBLE:
            left, right = _flanks(text, i, 1)
            if not left and not right:  # glued on both sides (`a"b`) or isolated: either
                left = right = True
            marks.append(Mark(i, 1, True, left, right))
        elif ch in OPEN_SINGLE or ch == "`":
            marks.append(Mark(i, 1, False, True, False))
        elif ch in CLOSE_SINGLE:
            marks.append(Mark(i, 1, False, False, True))
        elif ch in AMBIG_SINGLE:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < n else " "
            if not (prev.isalnum() and nxt.isalnum()):  # not an apostrophe inside a word
                left, right = _flanks(text, i, 1)
                if left or right:
                    marks.append(Mark(i, 1, False, left and nxt.isalpha(), right))
        i += 1
    return marks


def _paragraph_end(text: str, pos: int) -> int:
    """Index of the end of the paragraph containing ``pos`` (before its line break)."""
    j = text.find("\n", pos)
    return len(text) if j < 0 else j


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_STRAIGHT = STRAIGHT_DOUBLE + "`'"  # the straight double mark, and the characters of `` and ''


def _style(ch: str) -> str:
    """The family of a mark character: straight (a straight double mark, `` or ''),
    guillemets, curly."""
    return "straight" if ch in _STRAIGHT else "guillemet" if ch in "«»" else "curly"


def _next_paragraph_opener(text: str, par_end: int, marks_by_pos: dict[int, Mark], opener: Mark) -> Mark | None:
    """The opening double mark that starts the paragraph after ``par_end``, if any
    (news convention for a quote running on: no closing mark at the end of the
    paragraph, a fresh opening mark at the start of the next), of the same style as
    the quote's ``opener``: a stray straight mark does not run on into a paragraph
    that opens with a curly one (PolNeAR dev: `"Melanie thought ...` + `“It never
    crossed my mind ...,” she said` was one quote of two paragraphs)."""
    j = par_end
    while j < len(text) and text[j].isspace():
        j += 1
    m = marks_by_pos.get(j)
    if m is not None and m.double and m.can_open and _style(text[m.pos]) == _style(text[opener.pos]):
        return m
    return None


def scan_quotes(text: str) -> MarkScan:
    """Pair quotation marks in ``text``; never raises on unbalanced marks."""
    scan = MarkScan()
    marks = find_marks(text)
    doubles = [m for m in marks if m.double]
    by_pos = {m.pos: m for m in doubles}
    # marks already read: a quote's reopening at a paragraph start, and the closing mark
    # of a quote nested in the open one
    skipped: set[int] = set()
    open_mark: Mark | None = None
    par_end = -1

    def close_unbalanced(at: int, why: str) -> None:
        nonlocal open_mark
        s, e = _trimmed(text, open_mark.pos + open_mark.length, at)
        if e > s:
            scan.spans.append(QuotedSpan(open_mark.pos, e, s, e, True, False))
        scan.problems.append(_problem(why, open_mark.pos, text))
        open_mark = None

    for k, m in enumerate(doubles):
        if m.pos in skipped:
            continue
        # Paragraph ends between the open mark and this one: continue or close.
        while open_mark is not None and par_end < m.pos:
            nxt = _next_paragraph_opener(text, par_end, by_pos, open_mark)
            if nxt is not None and nxt.pos <= m.pos:
                skipped.add(nxt.pos)
                par_end = _paragraph_end(text, nxt.pos)
                if nxt.pos == m.pos:
                    break
            else:
                close_unbalanced(par_end, "quotation mark not closed before the paragraph ends")
        if m.pos in skipped:
            continue
        if open_mark is None:
            if m.can_open:
                open_mark = m
                par_end = _paragraph_end(text, m.pos)
            else:
                scan.problems.append(f"closing quotation mark with no opening mark at char {m.pos}")
            continue
        if m.can_close:
            s, e = _trimmed(text, open_mark.pos + open_mark.length, m.pos)
            if e > s:
                scan.spans.append(QuotedSpan(open_mark.pos, m.pos + m.length, s, e, True, True))
            open_mark = None
        elif _nested(text, open_mark, doubles, k, par_end):
            skipped.add(doubles[k + 1].pos)  # the inner pair belongs to the open quote
        else:  # a second opener: the first one was never closed
            close_unbalanced(m.pos, "quotation mark not closed before the next opening mark")
            open_mark = m
            par_end = _paragraph_end(text, m.pos)
    while open_mark is not None:
        nxt = _next_paragraph_opener(text, par_end, by_pos, open_mark)
        if nxt is not None:
            par_end = _paragraph_end(text, nxt.pos)
        else:
            close_unbalanced(par_end, "quotation mark not closed before the paragraph ends")

    covered = [(sp.open_pos, sp.close_end) for sp in scan.spans]
    scan.spans.extend(_single_spans(text, [m for m in marks if not m.double], covered, scan.problems))
    scan.spans.sort(key=lambda sp: sp.start)
    return scan


def _nested(text: str, open_mark: Mark, doubles: list[Mark], k: int, par_end: int) -> bool:
    """The opener ``doubles[k]``, met inside a quote that ``open_mark`` opened, opens a
    quote nested in it: all four are curly double marks (`“ “ ” ”`) and the next two
    of the paragraph both only close (`“As a young, Hispanic woman ... I’d rather
    live in what he calls “hell” than live in a world where he is president.” ―
    Adriana Rodarte`, PolNeAR dev). Also a curly pair inside a straight quote with words
    before it (`"The U.S. Department of Justice isn’t about “Equal Justice Under Law”
    anymore.`, PolNeAR train); not a curly mark right after the straight one, which may
    be a stray (`"“You don’t win ...,” Rubio responded ... March."`, PolNeAR train)."""
    after = doubles[k + 1:k + 3]
    if len(after) == 2 and all(_style(text[m.pos]) == "curly" for m in (open_mark, doubles[k], *after)) \
            and all(m.can_close and not m.can_open and m.pos < par_end for m in after):
        return True
    # a curly pair inside a straight quote, words after its opening mark: `"The U.S. Department of
    # Justice isn't about “Equal Justice Under Law” anymore. ...` (PolNeAR train: the quote ended
    # at the inner mark, and the paragraphs it runs on into lost their speaker)
    inner = doubles[k + 1] if k + 1 < len(doubles) else None
    return inner is not None and _style(text[open_mark.pos]) == "straight" \
        and _style(text[doubles[k].pos]) == _style(text[inner.pos]) == "curly" \
        and inner.can_close and not inner.can_open and inner.pos < par_end \
        and any(ch.isalpha() for ch in text[open_mark.pos + open_mark.length:doubles[k].pos])


def _problem(why: str, pos: int, text: str) -> str:
    """One ``MarkScan.problems`` entry: what, where, and the text from there."""
    return f"{why} at char {pos}: {text[pos:pos + 40]!r}"


def _single_spans(text: str, singles: list[Mark], covered: list[tuple[int, int]],
                  problems: list[str]) -> list[QuotedSpan]:
    """The spans single marks enclose within a paragraph; an opening mark that can be
    nothing else (``‘``, not ``'`` or ``’``, which are apostrophes too) left unclosed is
    a problem, except before a digit or a small letter: there it is an apostrophe typed
    the wrong way round (``‘90s``, ``‘til``, ``‘em``)."""
    out = []
    open_mark: Mark | None = None

    def unclosed() -> None:
        after = text[open_mark.pos + 1:open_mark.pos + 2] if open_mark is not None else ""
        if open_mark is not None and text[open_mark.pos] in OPEN_SINGLE and not (after.isdigit() or after.islower()):
            problems.append(_problem("single quotation mark not closed before the paragraph ends", open_mark.pos, text))

    for m in singles:
        if any(a <= m.pos < b for a, b in covered):
            continue
        if open_mark is not None and "\n" in text[open_mark.pos:m.pos]:
            unclosed()
            open_mark = None  # single quotes never span paragraphs; the opener was an apostrophe
        if open_mark is None:
            if m.can_open:
                open_mark = m
        elif m.can_close:
            s, e = _trimmed(text, open_mark.pos + 1, m.pos)
            if e > s:
                out.append(QuotedSpan(open_mark.pos, m.pos + 1, s, e, False, True))
            open_mark = None
    unclosed()
    return out
