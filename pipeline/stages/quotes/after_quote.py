"""The attribution after a closing quotation mark: the cue verb that follows the quote
within 14 words (punctuation not counted; a quoted nickname inside a name, `Marcia "Cia"
Price`, skipped) before any other verb (`"...," the minister said`, `"...," said X`,
`"...," Trump barked`),
or none where the words after the mark are a circumstance of the quote (`"...," when
Clinton blasted him`), a clause a conjunction opens (`"...," but he denied ...`), or
attribute the next one (`To which she said, "..."`). Part of the
attribution rules of ``attribution``."""
from __future__ import annotations

from spacy.tokens import Token

from ...resources import adverbial_openers
from .cues import VERB_POS, CueLexicon, is_cue, is_negated, named_or_personal
from .subjects import subject_of
from .framing import n_words
from .named import after_apposition, mistagged_name, name_after_cue, name_before_cue, noun_after_cue
from .records import DocIndex
from .verb_forms import INHERITED_SUBJ_DEPS


def find_after_cue(ix: DocIndex, first: int, last: int, lex: CueLexicon, strict: bool, open_ended: bool = False):
    """Cue verb in tokens [first, last] after a quote. ``strict``: the cue must come
    within a few tokens with no other verb before it (`"...," the minister said`).
    ``open_ended``: the quote ended in a comma, `!` or `?` inside its marks, the
    sentence goes on, so the first verb after it is the way it was said whatever the
    verb (`"Go back to Univision," Trump barked`) if its subject can speak."""
    doc = ix.doc
    if strict:
        got = after_apposition(ix, first, last, lex)
        if got is not None:
            return got
    k = first  # the first word after the closing mark (never past a cue: a cue is a word)
    while k <= last and (doc[k].is_punct or doc[k].is_space):
        k += 1
    words = 0  # words from the closing mark to token i, punctuation not counted
    for i in range(first, last + 1):
        tok = doc[i]
        words += not tok.is_punct
        if ix.in_quote[i] != -1:
            if _nickname(ix, i):
                continue
            break
        if is_cue(tok, lex):
            if _conjoined_clause(tok, k):
                return None  # (and the cues after it are that clause's)
            if _circumstance_after(tok, k):
                if strict:
                    return None
                continue
            subj = subject_of(tok, inverted=True, avoid=ix.quoted)
            if strict and (subj is None or subj.i > tok.i):
                # a name between the mark and the cue speaks, not whom it was told to
                named = name_before_cue(ix, first, i)
                if named is None and subj is None:
                    named = name_after_cue(ix, i) or noun_after_cue(ix, i)
                if named is not None:
                    return tok, named
            if subj is not None and ix.in_quote[subj.i] == -1:
                return tok, subj
            if strict:
                return None
        elif strict and i == first and i < last and mistagged_name(tok) and is_cue(doc[i + 1], lex):
            continue  # `"...," May wrote`: a name the tagger made a verb (name_before_cue)
        elif strict and (tok.pos_ in VERB_POS or words > 14):
            if open_ended and tok.pos_ == "VERB" and not is_negated(tok):
                # its subject stands between the mark and the verb: a participle whose
                # subject it inherits from before the quote goes on with the sentence
                # (`said the bill can be "the best of both worlds," giving states ...`)
                subj = subject_of(tok, avoid=ix.quoted)
                if subj is not None and ix.in_quote[subj.i] == -1 and first <= subj.i < tok.i and named_or_personal(subj):
                    return tok, subj
            return None
    return None


def _nickname(ix: DocIndex, i: int) -> bool:
    """Token ``i`` lies in a quoted word or two between two parts of a name: `state Del.
    Marcia "Cia" Price (D-Newport News), shouted` (PolNeAR dev) names the speaker."""
    sp = ix.spans[ix.in_quote[i]]
    a, b = ix.token_at(sp.open_pos), ix.token_at(max(sp.close_end - 1, sp.open_pos))
    doc = ix.doc
    return sp.closed and 0 < a and b + 1 < len(doc) and n_words(ix.text[sp.start:sp.end]) <= 2 \
        and doc[a - 1].pos_ == "PROPN" and doc[b + 1].is_title and doc[b + 1].is_alpha


def _circumstance_after(cue: Token, k: int) -> bool:
    """`"That makes me smart," when Clinton blasted him ...`: a subordinator right after
    the closing mark (token ``k``, the first word after it; ``adverbial_openers.txt`` kind
    ``after``) that opens the cue's clause makes that clause the circumstance of the quote,
    not its attribution. Not `as` (`"...," as he put it` attributes the quote), nor an
    adverb after the subject (`"...," he once said`)."""
    doc = cue.doc
    if doc[k].lower_ == "to" and k + 1 < cue.i and doc[k + 1].lower_ == "which":
        return True  # `"..." To which she said, "..."`: a reply, the next quote's attribution
    t = doc[k]
    return k < cue.i and t.head.i == cue.i and t.dep_ in ("mark", "advmod") and t.lower_ != "as" \
        and t.lower_ in adverbial_openers("after")


def _conjoined_clause(cue: Token, k: int) -> bool:
    """A conjunction right after the closing mark (token ``k``, the first word after it) and
    the cue's subject right after it (past a subordinator: `and that he fears`) open a clause
    of its own, whose cue reports something else: `saying,
    ''We never said ...,'' but he denied that ...` (PolNeAR train); `" And Chancellor
    Gordon Brown said the Lib Dem figures did not add up` (BBC). Not `"... They don't have
    a choice" but to take the lead ..., says X`, nor `The US was "very bad at ..." and
    India had its own problems, Ms Short said` (BBC), where the cue comes after both
    clauses."""
    doc = cue.doc
    if k >= cue.i or doc[k].dep_ != "cc":
        return False
    return any(c.dep_ in INHERITED_SUBJ_DEPS and c.i > k and all(doc[m].dep_ == "mark" for m in range(k + 1, c.left_edge.i))
               for c in cue.lefts)
