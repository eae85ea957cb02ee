"""Reported speech (indirect quotes) on one spaCy parse: a reporting verb of
the lexicon with a content clause (``X said that ...``, ``..., X said``) and
``according to X, ...`` (docs/guidelines.md §4)."""
from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.tokens import Token

from ...nlp.lemmas import lemma as lemma_of
from ...resources import QUOTE_CHARS, reporting_verb_lemmas
from .cues import (ACCORDING, VERB_POS, VERB_POS_IDS, Attribution, DocIndex, alpha_count, attribution_lexicon,
                   cue_extent, is_cue, is_negated, mention_bounds, speech_lexicon, subject_of, trim_tokens)

MIN_INDIRECT_WORDS = 3
# Subordinators that open time/cause/concession clauses, never what was said
# (wh-words and if/whether stay: `asked how ...` is an indirect question).
_ADVERBIAL_MARKS = frozenset({"when", "before", "after", "while", "because", "since", "until", "although",
                              "though", "once", "unless", "as", "whenever"})
# Share of an indirect content span that may lie inside quotation marks before the
# clause counts as the direct quote's own cue (`"...," X said` parses as said -> ccomp).
MAX_DIRECT_SHARE = 0.8


def _direct_share(a: int, b: int, spans: list[tuple[int, int]]) -> float:
    if b <= a:
        return 1.0
    covered = 0
    for s, e in spans:
        lo, hi = max(a, s), min(b, e)
        if hi > lo:
            covered += hi - lo
    return covered / (b - a)


def _content_for(tok: Token) -> tuple[int, int] | None:
    """Token range of the content clause reported by cue verb ``tok``."""
    doc = tok.doc
    ccomps = [c for c in tok.children if c.dep_ == "ccomp"]
    if not ccomps:
        # `Trump said after the convention he would not accept ...`: the small model
        # often labels an unmarked content clause `advcl`; one with its own subject
        # and no adverbial conjunction (`when`, `if`, `because`) is the content.
        ccomps = [c for c in tok.rights if c.dep_ == "advcl" and any(k.dep_ == "nsubj" for k in c.children)
                  and not any(k.dep_ == "mark" and k.lower_ != "that" for k in c.children)]
    if ccomps:
        # Prefer the clause after the cue (`Republicans said they ... and Democrats
        # accused ...`), the nearest one; else the nearest before it (`<content>, X said`).
        right = [c for c in ccomps if c.i > tok.i]
        c = min(right, key=lambda c: c.i) if right else max(ccomps, key=lambda c: c.i)
        a, b = c.left_edge.i, c.right_edge.i
        if a < tok.i < b:  # the cue sits inside its clause's span (inversion): keep the side of the clause root
            if c.i < tok.i:
                b = tok.left_edge.i - 1
            else:
                a = tok.right_edge.i + 1
        if c.i > tok.i:
            # `stressed that consensus is not a technical process, but the only way ...`:
            # the small model hangs the second half off the cue as a verbless conjunct;
            # it is still part of what was said.
            for r in tok.rights:
                if r.i > b and r.dep_ == "conj" and r.pos_ not in VERB_POS:
                    b = max(b, r.right_edge.i)
        return a, b
    if lemma_of(tok).lower() in reporting_verb_lemmas("commitment"):
        # `pledged to cut taxes`, `urged voters to register`
        for c in tok.rights:
            if c.dep_ == "xcomp" and c.pos_ in VERB_POS and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
                a = c.left_edge.i
                if lemma_of(tok).lower() == "urge":
                    a = tok.i + 1  # the addressee belongs to what was urged
                return a, c.right_edge.i
            if c.dep_ == "ccomp":
                break
    # `<content>, X said`: the parser often hangs the cue from the content's verb.
    head = tok.head
    if tok.dep_ in ("parataxis", "ccomp", "advcl") and head.i < tok.i and head.pos_ in VERB_POS:
        left = tok.left_edge.i
        if doc[left].text in ("," ,"—", "–") or doc[left].text in QUOTE_CHARS:
            left += 1  # the comma before the attribution may hang from the cue itself
        if left > 0 and (doc[left - 1].text in (",", "—", "–") or doc[left - 1].text in QUOTE_CHARS):
            a = head.left_edge.i
            return a, left - 1
    return None


def indirect_attributions(ix: DocIndex, quote_spans: list[tuple[int, int]]) -> list[Attribution]:
    doc = ix.doc
    # Beliefs count as reported positions too (`Belarus believes it is time ...`):
    # PolNeAR annotates them as attributions and the seed gold keeps them.
    lex = attribution_lexicon()
    out: list[Attribution] = []
    in_kept = ix.span_of_token(quote_spans)
    # Only a verb (a cue) or "according" can start an attribution: the other tokens
    # are skipped without creating their Token objects (issue 6).
    pos, lower = doc.to_array([POS, LOWER]).T
    maybe = np.flatnonzero(np.isin(pos, VERB_POS_IDS) | (lower == ACCORDING)).tolist()
    for si, sent in enumerate(ix.sents):
        for i in maybe[bisect.bisect_left(maybe, sent.start):bisect.bisect_left(maybe, sent.end)]:
            tok = doc[i]
            quoted = in_kept[tok.i] != -1
            if quoted and tok.lower_ == "according":
                continue
            if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
                att = _according_indirect(ix, sent, si, tok, quote_spans)
                if att is not None:
                    out.append(att)
                continue
            if not is_cue(tok, lex) or is_negated(tok):
                continue
            subj = subject_of(tok)
            if subj is None:
                continue
            if quoted and (subj.pos_ == "PRON" or not (subj.ent_type_ or subj.pos_ == "PROPN")):
                # Inside a direct quote only a position the speaker ascribes to a named
                # party is a quote of its own (`"... Belarus believes it is time ..."`);
                # `we think`, `I said` are the speaker's own words.
                continue
            rng = _content_for(tok)
            if rng is None:
                continue
            a, b = trim_tokens(doc, max(rng[0], sent.start), min(rng[1], sent.end - 1))
            if b < a or alpha_count(doc, a, b) < MIN_INDIRECT_WORDS:
                continue
            first = doc[a]
            if first.lower_ in _ADVERBIAL_MARKS and first.dep_ in ("mark", "advmod") and not (a <= first.head.head.i <= b):
                # `said before he died`: the whole span is one adverbial clause the parser
                # took for the content (an adverbial clause *inside* the content is fine:
                # `said that since she is not running, she should not ...`)
                continue
            if subj.i >= a and subj.i <= b:
                continue
            start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
            if not quoted and _direct_share(start, end, quote_spans) >= MAX_DIRECT_SHARE:
                continue
            out.append(Attribution("indirect", start, end, cue_extent(tok, lex), subj, mention_bounds(subj),
                                   "indirect", si))
    return out


def _according_indirect(ix: DocIndex, sent, si: int, acc: Token, quote_spans) -> Attribution | None:
    doc = ix.doc
    to = doc[acc.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    # `X said ..., according to Y`: Y is the source of the report, not of a new quote.
    if is_cue(acc.head, speech_lexicon()) and acc.head.i != acc.i:
        return None
    lo = min(acc.i, acc.left_edge.i)
    hi = max(to.right_edge.i, pobj.right_edge.i, acc.right_edge.i)
    left = trim_tokens(doc, sent.start, lo - 1)
    right = trim_tokens(doc, hi + 1, sent.end - 1)
    cands = [r for r in (left, right) if r[1] >= r[0]]
    if not cands:
        return None
    a, b = max(cands, key=lambda r: alpha_count(doc, r[0], r[1]))
    if alpha_count(doc, a, b) < MIN_INDIRECT_WORDS:
        return None
    start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
    if _direct_share(start, end, quote_spans) >= MAX_DIRECT_SHARE:
        return None
    return Attribution("indirect", start, end, (acc.idx, to.idx + len(to.text)), pobj, mention_bounds(pobj),
                       "according", si)


# --- entry point ------------------------------------------------------------


