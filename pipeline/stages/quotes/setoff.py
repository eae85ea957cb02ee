"""What the words before a set-off attribution are not (``content._set_off``).

`<content>, X said` read off a tangled parse takes the clause before the attribution
for what was said; on PolNeAR train that clause was often no content at all: a
fronted adverbial (`Before dropping out, Cruz responded ...`), words before an
attribution that introduces a quote of its own (`As Trump attacked Clinton, the
attendees chanted, "Lock her up!"`), or a quote with its own cue (`''...,'' said
Robin Maynard, half joking`).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...resources import QUOTE_CHARS, adverbial_openers
from .cues import is_cue, report_lexicon
from .records import sets_off


def introduces_quote(doc: Doc, after: int, end: int) -> bool:
    """`Regarding the exchanges ..., the campaign said in a statement: ''Neither ...''`,
    `As Trump attacked Clinton, the attendees chanted, "Lock her up!"`, `Wallnau wrote:`
    ending its paragraph: the attribution introduces the words that follow it, not the
    clause before (PolNeAR train)."""
    if after >= end or doc[after].text not in (",", ":"):
        return False
    k = after + 1
    while k < end and doc[k].is_space:
        k += 1
    return k >= end or doc[k].text[:1] in QUOTE_CHARS  # (`''` is one token)


def fronted_adverbial(doc: Doc, a: int, b: int) -> bool:
    """The words before the attribution are one fronted adverbial clause or phrase (no
    comma inside: a comma would end it and start the content), PolNeAR train."""
    k = a
    while k <= b and (doc[k].pos_ in ("CCONJ", "ADV") or doc[k].is_space):
        k += 1
    # a clause opened by one of these (``adverbial_openers.txt``) before `, X said` is when
    # or why it was said, not what (`As the crowd cheered ..., Costa reported`)
    if k > b or doc[k].lower_ not in adverbial_openers("fronted"):
        return False
    return not any(sets_off(doc[i]) for i in range(k, b + 1))


def attributed_quote_before(doc: Doc, before: range, quoted) -> bool:
    """`''...,'' said Robin Maynard, half joking`: the words before the subject are a
    quote and its own attribution (a cue after the last quoted word), not a content."""
    inside = [i for i in before if quoted(doc[i])]
    return bool(inside) and any(is_cue(doc[i], report_lexicon()) for i in range(inside[-1] + 1, before.stop))

