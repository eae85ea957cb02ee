"""Speaker names next to a cue after a quote that the parse did not make its subject.

`"...," Ramos, 58, told AFP` (the name hung elsewhere), `''...,'' said Robin
Maynard, half joking` (the name made the subject of what follows; also `said the
woman, who like many ...`), `"...,"
Texas delegate Bill Eastland, wearing a cowboy hat and "Ted Cruz" pins, said`
(an apposition with a verb and a quote inside): read off the token order
around the cue (PolNeAR train; ``after_quote.find_after_cue``).
"""
from __future__ import annotations

from ...resources import QUOTE_CHARS
from ..names import title_words
from .cues import VERB_POS, CueLexicon, is_cue, is_negated, speaking_noun
from .records import DocIndex

def person_end(doc, i: int, stop: int | None = None) -> int:
    """Index of the last word of the person's name the NER starts at token ``i`` (the
    tokens it marks inside that PERSON entity), before ``stop``."""
    stop = len(doc) if stop is None else stop
    while i + 1 < stop and doc[i + 1].ent_type_ == "PERSON" and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i


_APPOSITION_MAX = 30  # tokens of `, wearing a cowboy hat and "Ted Cruz" campaign pins,`


def after_apposition(ix: DocIndex, first: int, last: int, lex: CueLexicon):
    """`"...," Texas delegate Bill Eastland, wearing a cowboy hat and "Ted Cruz" pins, said`:
    a name right after the closing mark, an apposition set off by commas (verbs and
    quotes allowed inside), then the cue (PolNeAR train). Returns (cue, the name's last
    word) or None."""
    doc = ix.doc
    k = first
    while k <= last and k - first < 8 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET") and ix.in_quote[k] == -1:
        k += 1  # (`Texas delegate Bill Eastland`)
    if k == first or k > last or doc[k].text != "," or doc[k - 1].ent_type_ != "PERSON":
        return None
    name = doc[k - 1]
    close = next((j for j in range(k + 1, min(last, k + _APPOSITION_MAX) + 1)
                  if doc[j].text == "," and ix.in_quote[j] == -1), None)
    if close is None or any(doc[j].text in (".", ";", "!", "?") for j in range(k + 1, close)):
        return None
    j = close + 1
    while j <= last and doc[j].pos_ == "ADV":
        j += 1
    if j > last or not is_cue(doc[j], lex) or is_negated(doc[j]) \
            or any(c.dep_ == "nsubj" and not ix.quoted(c) and c.i > close for c in doc[j].children):
        return None
    return doc[j], name


def name_before_cue(ix: DocIndex, first: int, cue: int):
    """`"...," Ramos, 58, told AFP`: the parser left the cue without a subject and
    hung the name elsewhere (PolNeAR train). The words between the closing mark and
    the cue are a name, with at most an apposition set off by commas: its last word."""
    doc = ix.doc
    k = first
    while k < cue and doc[k].is_space:
        k += 1
    if k >= cue or not doc[k].text[:1].isupper():
        return None
    if doc[k].pos_ != "PROPN":
        # one capitalised word right before the cue, tagged as no name at all: `"...,"
        # May wrote` (AUX, and DATE), BBC; a pronoun, determiner or noun is not one
        return doc[k] if k + 1 == cue and mistagged_name(doc[k]) else None
    end = k
    while end + 1 < cue and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
        end += 1
    if doc[end].ent_type_ not in ("PERSON", "ORG", "") or doc[end].lower_ in title_words():
        return None
    rest = [t for t in doc[end + 1:cue] if not t.is_space]
    if rest and not (len(rest) >= 2 and rest[0].text == "," and rest[-1].text == ","
                     and not any(t.pos_ in VERB_POS or t.text in QUOTE_CHARS for t in rest)):
        return None
    return doc[end]


def name_after_cue(ix: DocIndex, cue: int):
    """`''...,'' said Robin Maynard, half joking`: a person's name right after the cue
    that the parser made the subject of what follows (PolNeAR train)."""
    doc = ix.doc
    k = cue + 1
    if k >= len(doc) or doc[k].ent_type_ != "PERSON" or ix.in_quote[k] != -1 \
            or not (doc[k].pos_ == "PROPN" or mistagged_name(doc[k])):
        return None  # (`admitted Kiely.`: a PERSON the tagger made an adverb, BBC)
    k = person_end(doc, k)
    return doc[k] if k + 1 >= len(doc) or doc[k + 1].is_punct else None


def noun_after_cue(ix: DocIndex, cue: int):
    """`"...," said the woman, who like many in the town did not want to be quoted`: a
    determiner and a common noun that may speak (``cues.speaking_noun``) right after the
    cue, which the parser made the subject of a later verb (it read `like` as one; PolNeAR
    train). Not a name: the parser may have cut it out of a longer one (`said England
    sevens coach Mike Friday`, BBC)."""
    doc = ix.doc
    if cue + 2 >= len(doc):
        return None
    det, noun = doc[cue + 1], doc[cue + 2]
    if det.pos_ == "DET" and det.head.i == noun.i and noun.dep_ == "nsubj" and noun.head.i > noun.i \
            and ix.in_quote[noun.i] == -1 and speaking_noun(noun):
        return noun
    return None


def mistagged_name(tok) -> bool:
    """A capitalised word the tagger took for something other than a proper noun, where
    the place next to a cue says it is a name: the NER's PERSON or DATE ("May", "Kiely";
    not "Later said the minister"), never a pronoun, determiner or noun ("It said",
    "Police said"), nor a title word."""
    return tok.is_title and tok.is_alpha and tok.pos_ in ("AUX", "ADV", "ADJ", "VERB", "ADP") \
        and tok.lower_ not in title_words() and tok.ent_type_ in ("PERSON", "DATE")
