"""Where a verb the parser coordinated with another takes its subject from
(``subjects.subject_of`` climbs conj links through ``conjunct_head``): the verb it is
coordinated with, or the reporting verb whose content clause the parser hung it in."""
from __future__ import annotations

from spacy.tokens import Token

from .cues import VERB_POS, attribution_lexicon, is_cue
from .verb_forms import FINITE, beside_the_cue, with_the_cue


def conjunct_head(v: Token) -> Token:
    """Where a coordinated verb takes its subject from: the verb it is coordinated
    with, except when the parser hung it inside the content clause of a reporting
    verb it is really coordinated with (`Ginsburg said she didn't want to think
    about it and predicted that ...`: finite like that verb, not like the clause),
    also past the clause's own coordinated verbs, or two content clauses deep (`Farage
    said the warning was indicative that ... and accused ...`). A speaker is never the
    subject of what was reported (docs/guidelines.md §4.4; PolNeAR train: 4 speakers
    taken from the reported clause, among them "the warning", "the bill", "the move")."""
    h = v.head
    reports = is_cue(v, attribution_lexicon())
    clause = h
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        # (the first of the clause's own coordinated verbs: `saying that the bill had the
        # correct security components but was waylaid by voter mistrust - and arguing that
        # ...` hangs `arguing` on `waylaid`; PolNeAR train gave it to "the bill")
        clause = clause.head
    outer = clause.head
    if clause.dep_ in ("ccomp", "xcomp") and outer.pos_ in VERB_POS and with_the_cue(v, outer, clause):
        if beside_the_cue(v, outer, outer.head) and reports:
            # `Mr Prentis said workers did not want to go on strike and called for talks
            # with ministers`: the verb goes on from the verb over the infinitive, itself
            # a clause someone reports; a reporting verb in the reporter's tense is the
            # reporter's (BBC politics: the quote went to "workers")
            return outer.head
        return outer
    outer = h.head
    aside = next((c for c in h.children if c.dep_ == "parataxis" and h.i < c.i < v.i and c.tag_ == v.tag_), None) \
        if reports else None
    if aside is not None and is_cue(aside, attribution_lexicon()):
        # `Prices rose, the minister said, and warned that ...`: a reporting verb after an
        # attribution set in the clause goes on from that attribution
        return aside
    if beside_the_cue(v, h, outer) and (v.tag_ != h.tag_ or reports):
        if not is_cue(outer, attribution_lexicon()) and reports \
                and outer.head.pos_ in VERB_POS and is_cue(outer.head, attribution_lexicon()) \
                and beside_the_cue(v, outer, outer.head):
            # `Nigel Farage said the warning was indicative that the President did not know
            # ..., and accused Number 10 of ...`: the clause it was hung in is itself what
            # a reporting verb in its tense reports; it goes on from that verb (PolNeAR
            # train gave it to "the warning")
            return outer.head
        return outer
    if v.tag_ in FINITE and h.tag_ in ("VB", "VBG") and h.dep_ in ("acl", "xcomp", "advcl", "pcomp") \
            and not any(c.dep_ == "nsubj" or c.tag_ == "MD" for c in h.children):
        # `Mitt Romney ran on his ability to jolt the recovery and accused Obama of ...`:
        # a finite verb hung on an infinitive is coordinated with the finite verb above it
        t = h.head
        for _ in range(6):
            if t.pos_ in VERB_POS and t.tag_ in FINITE:
                return t
            if t.head.i == t.i:
                break
            t = t.head
    return h
