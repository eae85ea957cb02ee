"""Quoted spans that a headline, a title word or a work's name frames (``attribution.direct_attributions``).

A quoted span after a word that introduces a name (`titled`, `so-called`) is that
name; a Title Case phrase in quotation marks after a noun for a work, a possessive or
`according to` names a book, show or song, not speech; a quote that ends the
document's first line after its speaker and cue is speech however short, and its
speaker is the name that opens the headline (PolNeAR train). Also the wording of
a quoted span that ``attribution`` reads (words, scare-quote length, Title Case).
Pure lookups on the text and the one parse.
"""
from __future__ import annotations

import re

from ...resources import quote_title_cues
from ..names import title_words
from .records import DocIndex
from .marks import QuotedSpan
from .named import person_end

# The wording of a quoted span (also read by ``attribution``).
WORDS_RE = re.compile(r"[\w-]+")
SCARE_MAX_WORDS = 3  # docs/guidelines.md §4: scare quotes of one to three words are not quotes
_STOP_TITLE = frozenset({"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "by", "with", "from", "vs"})


def n_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def title_like(text: str) -> bool:
    """Title Case content with no sentence punctuation: a name of a thing, not speech."""
    words = [w.strip("()[]:;,.!?\"'") for w in text.split()]
    words = [w for w in words if w and w.lower() not in _STOP_TITLE and w[0].isalpha()]
    # a trailing comma or period is American punctuation style, not a sign of speech
    if len(words) < 2 or text.rstrip()[-1:] in "!?":
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


_WORK_BEFORE = re.compile(r"(?:\b(?P<word>[\w-]+)(?:\s+of)?|['’]s|\baccording to)\W{0,3}$", re.IGNORECASE)
_WORK_AFTER = re.compile(r"\W{0,4}by\s+[A-Z]")


def _title_case(quoted: str) -> bool:
    """``title_like`` on a quoted phrase whatever its closing `!` or `?` (`"Oh Hell No!"`)."""
    return title_like(quoted.rstrip().rstrip("!?") + ".")


def names_a_title(ix: DocIndex, sp: QuotedSpan, content: str, prev: QuotedSpan | None, sent_start: int) -> bool:
    """The quoted span is a name, not speech (docs/guidelines.md §4): one of the last
    three words before it introduces a title or name, whatever its case (`titled
    "..."`, `project named "..."`, `so-called`: the ``naming`` words of
    ``quote_title_cues.txt``), or it names a work (``work_title``). The words are
    read on the raw text, so `so-called`, which the tokenizer splits, is one word,
    and in the quote's own sentence (from char ``sent_start``): `... a resident named
    Caroline.\n\n"He truly cares ...," she said` is a quote (PolNeAR train)."""
    before = ix.text[max(0, sent_start, sp.open_pos - 40):sp.open_pos].lower()
    naming = quote_title_cues("naming")
    return any(w in naming for w in WORDS_RE.findall(before)[-3:]) or work_title(ix, sp, content, prev)


def work_title(ix: DocIndex, sp: QuotedSpan, content: str, prev: QuotedSpan | None) -> bool:
    """A Title Case phrase in quotation marks that names a work, not speech (PolNeAR
    train): after a noun for a work (the ``work`` words of ``quote_title_cues.txt``), alone
    or with `of` (`Tuesday's episode of "The Steve Harvey Morning Show,"`), an
    article or a possessive (`CNN's "State of the Union,"`, `the "Defeat Crooked
    Hillary PAC,"`), `according to` (`According to ''The Trumps: ...,'' by Gwenda
    Blair, Donald told ...`: the book is the source, not a quote), before `by <Name>`,
    or after another such name and `and` (`"Parks and Recreation" and "Guardians of
    the Galaxy,"`)."""
    if not _title_case(content):
        return False
    text = ix.text
    before = text[max(0, sp.open_pos - 40):sp.open_pos].rpartition("\n")[2]  # (in its line)
    m = _WORK_BEFORE.search(before)
    word = m.group("word") if m is not None else None
    if m is not None and (word is None or word.lower() in quote_title_cues("work") or word.lower() in ("the", "a", "an")):
        return True
    if _WORK_AFTER.match(text, sp.close_end):
        return True
    return prev is not None and text[prev.close_end:sp.open_pos].strip(" ,").lower() in ("and", "or") \
        and _title_case(text[prev.start:prev.end])


def ends_headline(text: str, sp: QuotedSpan) -> bool:
    """The quote ends the document's first line (its headline) and is not all of it."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    return sp.close_end <= line_end and sp.closed and text[sp.close_end:line_end].strip(" .") == "" \
        and text[:sp.open_pos].strip() != ""


def headline_name(ix: DocIndex, first: int):
    """The last word of the name that opens a headline: its first word when a capitalised
    name, with the rest of a person's name the NER marks (`Sarah Silverman heckles ...`),
    past a title before it (`Sen. Bernie Sanders, I-Vt.: '...'`: not `Sen.`)."""
    doc = ix.doc
    while first + 1 < len(doc) and doc[first].lower_.rstrip(".") in title_words() and doc[first + 1].pos_ == "PROPN":
        first += 1
    tok = doc[first]
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    return doc[person_end(doc, first) if tok.ent_type_ == "PERSON" else first]
