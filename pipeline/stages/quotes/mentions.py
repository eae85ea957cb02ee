"""Where a speaker mention begins and ends in the text (``mention_bounds``): the words
``speaker_text`` keeps, around the head the attribution rules found (``subjects.subject_of``,
``named``, the object of `according to` in ``indirect``); ``worded``: the word a mark, or
the piece of a hyphenated title, the parser made the subject stands for."""
from __future__ import annotations

from spacy.tokens import Token

from ...resources import QUOTE_CHARS
from ..names import is_mark
from .cues import is_cue, report_lexicon
from .verb_forms import FINITE
from .records import OPENING_BRACKETS, is_dash
from .sources import after_noun_phrase, word_tokens


def _sign(t: Token) -> bool:
    """A mark or punctuation, which names no one; not a sign that heads an amount (`18%`)."""
    return is_mark(t.text) or (t.is_punct and t.text != "%")


def _no_word(t: Token) -> bool:
    """A token a speaker mention does not start or end with (``mention_bounds``)."""
    return t.is_space or t.text in QUOTE_CHARS or t.dep_ == "cc" or _sign(t)


def worded(t: Token) -> Token | None:
    """``t``, or for a mark the parser made a subject (an emoji after a name, a stray
    combining mark: `Jane Doe 😀 warned that ...`; Markdown's bold: `**Sue Grant** said`)
    the nearest word before it in its own phrase; None without one. A mark is no speaker:
    it came out as the speaker `😀`, or `*`. A sign that heads an amount (`18%`) is a word,
    and a dash made the subject is left as it is: it names no one (`The film ― which ... ―
    explains`, PolNeAR dev: no speaker)."""
    if not _sign(t) or is_dash(t):
        return _past_split_word(t)
    # (after the words before it, a word after it: the hyphen of `co-chairman` heads `chairman`)
    return next((c for c in [*reversed(list(t.lefts)), *t.rights] if any(ch.isalnum() for ch in c.text)), None)


def _past_split_word(t: Token) -> Token:
    """`"...," said co-founder Peter Facey`: the first piece of a hyphenated title the
    tokenizer split, which the parser made a subject beside the name the title's last
    piece goes with (``vice``, ``-``, ``chairman`` compound of ``Facey``): that name, a
    subject of the same verb (BBC politics: the speakers "co", "vice"); else ``t``."""
    word = word_tokens(t)
    if len(word) < 2 or word[0].i != t.i:
        return t
    named = word[-1]
    while named.dep_ in ("compound", "flat") and named.head.i > named.i:
        named = named.head
    return named if named.i != word[-1].i and named.dep_ == t.dep_ and named.head.i == t.head.i else t


def mention_bounds(head: Token) -> tuple[int, int]:
    """Char span of the speaker mention headed by ``head``: its left modifiers and
    the head, plus right-hand `of`-phrases and names, cut at the first comma or
    opening bracket, so relative clauses, appositions and asides (`Trump, who ...`,
    `the Office for National Statistics (ONS)`) stay out, and without a cue before the
    name (``_cue_before_name``)."""
    left = head.i
    for c in head.lefts:
        if c.dep_ not in ("punct", "cc", "relcl", "acl", "appos", "advmod", "preconj"):
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ in ("punct", "relcl", "acl", "appos", "cc", "conj", "advmod"):
            break
        if c.dep_ in ("prep", "compound", "flat", "nummod", "nmod", "case", "poss", "pobj") or after_noun_phrase(c):
            right = c.right_edge.i
        else:
            break
    doc = head.doc
    # a quotation the parser hung on a word of the mention ends before it: after the
    # closing mark that follows the quote's last punctuation (`"The economy is weak,"
    # noted economist John Smith said`), not a nickname's (`Dwayne "The Rock" Johnson`)
    left = next((k + 1 for k in range(head.i - 1, left, -1)
                 if doc[k].text in QUOTE_CHARS and doc[k - 1].is_punct and doc[k - 1].text not in QUOTE_CHARS), left)
    # an aside in brackets is no part of the name (`A majority of voters (68%) believe`, BBC),
    # nor a relative clause a comma sets off (`a gynecologist from Englewood, New Jersey, who
    # said ...`; a name after the comma is: `The BBC's correspondent in Jakarta, Rachel Harvey`)
    right = next((k - 1 for k in range(head.i + 1, right + 1) if doc[k].text in OPENING_BRACKETS
                  or (doc[k].text == "," and k < right and doc[k + 1].tag_ in ("WDT", "WP", "WP$"))), right)

    # (a space token the tokenizer made of a no-break space hangs on the word before
    # it: `charter schools\xa0sent`; a dash the parser made the subject, `The film ―
    # which ... ― explains`, is no part of the name, nor a conjunction the parser hung
    # on the noun before the conjunct: `the former secretary of state and current
    # Democratic presidential nominee said`, PolNeAR dev; nor a cue the parser hung on
    # the name: ``_cue_before_name``)
    while left < right and (_no_word(doc[left]) or _cue_before_name(doc[left])):
        left += 1
    while right > left and _no_word(doc[right]):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _cue_before_name(t: Token) -> bool:
    """A finite reporting verb the parser hung on the name after it (`tweeted Rubio
    spokesman Alex Conant`, PolNeAR train; `Said Williams`, BBC): no word of the
    mention; not a first name the tagger made a verb, inside the name (`Said Ahmed`)."""
    return t.tag_ in FINITE and t.ent_type_ != "PERSON" and is_cue(t, report_lexicon())
