"""The speaker of a reporting verb whose subject the parser lost in its description.

`Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and
other rabbis were alarmed ...`, `RoseAnn DeMoro, executive director of National Nurses
United, a union that has endorsed Mr. Sanders ..., also said her group planned ...`:
when a long apposition or relative clause holding a verb follows the speaker's name,
the small parser often makes that whole opening a clause of the cue (``ccomp``,
``advcl``) and leaves the cue with no subject, so the reported clause after it had no
speaker (PolNeAR train: the rule finds 4 more gold indirect quotes, 5 new rows, none
wrong in either scoring mode of benchmarks/quote_attribution.py).

The speaker is the noun phrase that opens the sentence, when it is set off by a comma,
dash or bracket (its description follows) and the opening ends right before the cue
(past a comma and adverbs: `..., last week said`, `..., bluntly suggested`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .cues import VERB_POS, can_speak
from .verb_forms import has_subject
from .records import is_dash

# How the parser hangs the opening on the cue verb.
_OPENING_DEPS = frozenset({"ccomp", "advcl", "dep", "parataxis"})
# What may stand between the opening and the cue: its closing punctuation and the
# cue's own adverbs (`also`, `bluntly`, `last week`).
_BETWEEN_DEPS = frozenset({"punct", "advmod", "npadvmod", "aux"})
# Words of the opening noun phrase before its description starts (with a phrase of
# its own: `A representative for the Ivanka Trump brand - a 12-employee business ... -`).
_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "ADP", "PART"})


def opening_speaker(verb: Token) -> Token | None:
    """The head of the noun phrase opening ``verb``'s sentence when the parser hung that
    phrase, with its description, on ``verb`` as a clause (see the module docstring);
    None when the sentence has another shape."""
    if verb.dep_ != "ROOT" or verb.pos_ not in VERB_POS or has_subject(verb):
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None  # the cue must report a clause after it
    doc = verb.doc
    sent = verb.sent
    start = sent.start
    while start < verb.i and (doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1  # `But Jeffrey Salkin, ...`
    opening = next((c for c in verb.lefts if c.dep_ in _OPENING_DEPS and c.left_edge.i == start), None)
    if opening is None:
        return None
    for t in doc[opening.right_edge.i + 1:verb.i]:
        while t.head.i != verb.i and t.head.i != t.i:
            t = t.head  # (`last week`: the word hangs from the cue's adverbial)
        if t.dep_ not in _BETWEEN_DEPS:
            return None  # the opening must end right before the cue
    # the noun phrase that opens the sentence, up to where its description starts
    k = start
    while k < verb.i and doc[k].pos_ in _PHRASE_POS and not _sets_off_phrase(doc[k]):
        k += 1
    if k == start or k >= verb.i or not _sets_off_phrase(doc[k]):
        return None
    # its head: the last noun before a preposition (`representative` of `A representative
    # for the Ivanka Trump brand`)
    stop = next((j for j in range(start, k) if doc[j].pos_ == "ADP"), k)
    head = next((doc[j] for j in range(stop - 1, start - 1, -1) if doc[j].pos_ in ("PROPN", "NOUN")), None)
    if head is None or not can_speak(head) or head.ent_type_ in ("GPE", "NORP"):  # (can_speak: no LOC, FAC, EVENT)
        return None
    return head


def _sets_off_phrase(tok: Token) -> bool:
    """What starts the description after the opening noun phrase: a comma, a bracket or a
    dash (not a hyphen inside a word: `Jean-Claude`)."""
    return tok.text in (",", "(") or is_dash(tok)
