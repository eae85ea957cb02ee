"""The attribution before an opening quotation mark, in the quote's sentence: ``According
to X, "..."`` or ``to her, "..."`` (whose view it is), a name between a dash and a colon
(``Pollsters agree - Carl Bialik: "..."``), the nearest cue verb with a subject (``X
said: "..."``, partial quotes in reported speech; a belief verb with a pronoun subject
inside the clause a speech verb reports gives way to that verb: ``adding that he hoped
"..."``), or a clause or name and a colon
(``Kasich: '...'``, ``Sen. Lindsey Graham, R-S.C.: "..."``). Part of the attribution
rules of ``attribution``; ``after_quote`` looks after the closing mark."""
from __future__ import annotations

from spacy.tokens import Token

from ..gender import PRONOUN_GENDERS, fits_gender
from .cues import VERB_POS, CueLexicon, is_cue, is_negated, may_speak, named_or_personal, speech_lexicon
from .named import person_end
from .records import DocIndex, is_dash, last_word
from .sources import NOT_SOURCES, personal_pronouns, source_noun_kind
from .subjects import subject_of


def according_to(ix: DocIndex, first: int, last: int):
    """(`according`, `to`, its object) for an `according to X` outside quotes whose two
    words lie in tokens [first, last], or None."""
    doc = ix.doc
    for i in range(first, min(last, len(doc) - 1)):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and ix.in_quote[i] == -1:
            for c in doc[i + 1].children:
                if c.dep_ == "pobj":
                    return doc[i], doc[i + 1], c
    return None


def _view_holder(ix: DocIndex, first: int, k: int):
    """`because to her, "there's nothing more important ..."`: `to` and `her`, `him`,
    `them` or a one-word name right before the comma that opens the quote give whose
    view it is, as `according to` does (PolNeAR dev), where `to` opens its clause: not
    after a verb (`said to her, "..."`: the verb's subject speaks) or another word.
    ``k``: the last word before the quote (``last_word``)."""
    doc = ix.doc
    if k - 2 < first or doc[k].text != "," or doc[k - 2].lower_ != "to":
        return None
    who = doc[k - 1]
    if not (who.lower_ in personal_pronouns((3,), "object") or who.ent_type_ == "PERSON") or ix.in_quote[who.i] != -1:
        return None
    before = doc[k - 3] if k - 3 >= first else None
    if before is not None and not (before.is_punct or before.pos_ in ("CCONJ", "SCONJ")):
        return None  # `to` must open its clause: not `said again to them,`, `in an email to Smith,`
    return doc[k - 2], doc[k - 2], who


def find_before_cue(ix: DocIndex, first: int, last: int, lex: CueLexicon):
    """(how, cue, speaker) for the cue before a quote in tokens [first, last], or None:
    "according" for ``According to X`` or ``to her,`` (the cue a pair of tokens); "colon"
    for a name between a dash and a colon; "before" for the closest cue verb whose subject
    is outside quotes (a belief inside reported speech gives way to the speech verb:
    ``_sayer_of_belief``); "colon" for a clause or a name that runs to a colon (every
    "colon" result ends at that colon)."""
    doc = ix.doc
    k = last_word(doc, first, last)
    acc = according_to(ix, first, last) or _view_holder(ix, first, k)
    if acc is not None:
        return "according", (acc[0], acc[1]), acc[2]
    signed = _dash_colon_name(ix, first, k)
    if signed is not None:
        return "colon", *signed
    for i in range(last, first - 1, -1):
        tok = doc[i]
        if ix.in_quote[i] != -1:
            break
        if is_cue(tok, lex) and not is_negated(tok):
            subj = subject_of(tok, avoid=ix.quoted)
            if subj is not None and ix.in_quote[subj.i] == -1:
                return "before", *(_sayer_of_belief(ix, tok, subj) or (tok, subj))
    # `He put it this way: "..."`: a clause ending in a colon introduces the quote.
    if k >= first and doc[k].text == ":":
        root = doc[k].sent.root
        # the clause that runs to the colon, the nearest to it (`She became so upset ...
        # that I had to change my answer: "..."`, PolNeAR dev), else the sentence's
        near = next((doc[i] for i in range(k - 1, max(first - 1, root.i), -1)
                     if doc[i].pos_ in VERB_POS and doc[i].right_edge.i >= k - 1), None)
        if near is not None and _reported(near, lex):
            near = None  # `said Mr. Trump was a candidate ...: ''...''`: what was said, not who
        near_subject = subject_of(near) if near is not None else None
        if near_subject is not None and may_speak(near_subject):
            root, subj = near, near_subject  # (not `He was furious that the plan had collapsed: "..."`)
        else:
            subj = subject_of(root) if root.i < k else None
            if subj is not None and not may_speak(subj):
                # `The timing of Sanders' surge doesn't surprise Republican pollster Daron
                # Shaw: "..."`: a subject that cannot speak, and the person the clause is
                # about speaks (PolNeAR train)
                subj = _person_object(root) or subj
        if root.i > k and doc[k].head.i < k and doc[k].head.pos_ in VERB_POS:
            # `Mr Dean is confident: "I think ..."`: the parser made the quoted verb the
            # root and the clause before the colon its complement (BBC); that clause's
            # subject introduces the quote when it can speak
            root = doc[k].head
            subj = subject_of(root)
            subj = subj if subj is not None and named_or_personal(subj) and subj.ent_type_ not in NOT_SOURCES else None
        if subj is not None and ix.in_quote[subj.i] == -1 and subj.i >= first:
            return "colon", root, subj
        # `Kasich: 'We Are Going To ...'`, `More from Blumenthal and Cohen: "..."`:
        # a name right before the colon introduces the quote (headline and
        # newsletter style); the colon itself is the cue.
        j = last_word(doc, first, k - 1)
        if j >= first and doc[j].pos_ == "PROPN" and ix.in_quote[j] == -1 and doc[j].ent_type_ not in NOT_SOURCES \
                and not _where_said(doc[j]):
            # (not a day: `... in an interview with CNN on Tuesday: ''...''`)
            return "colon", doc[k], doc[j]
        # `Sen. Lindsey Graham, R-S.C.: "..."`, `Hillary Clinton, in a statement: "..."`:
        # no verb before the colon, and a person named first in it.
        name = _colon_name(ix, first, k)
        if name is not None:
            return "colon", doc[k], name
    return None


def _sayer_of_belief(ix: DocIndex, verb: Token, subj: Token):
    """(speech verb, its subject) when ``verb`` is a belief verb with a pronoun subject in
    the clause a speech verb reports: `Mr. Murphy said, adding that he hoped Mrs. Clinton
    ''doesn't shy away ...''`, `Cruz replied, before adding that he thinks "children
    should ..."` (PolNeAR train). The words in the marks are the ones the speech verb's
    subject said; the belief only frames them. Not a belief whose subject is a name (`Trump
    said Clinton thinks "..."` may quote Clinton) or a pronoun that cannot stand for the
    speech verb's subject (`She said he thinks "..."`), nor under a negated verb (nobody
    said it). ``verb`` is a cue of the caller's lexicon (speech and belief) but no speech cue."""
    if verb.dep_ != "ccomp" or subj.lower_ not in personal_pronouns((3,), "subject"):
        return None
    speech = speech_lexicon()
    outer = verb.head
    if is_cue(verb, speech) or outer.pos_ not in VERB_POS or not is_cue(outer, speech) or is_negated(outer):
        return None
    sayer = subject_of(outer, avoid=ix.quoted)
    if sayer is None or ix.in_quote[sayer.i] != -1 or not _stands_for(subj, sayer):
        return None
    return outer, sayer


def _stands_for(pronoun: Token, sayer: Token) -> bool:
    """Can ``pronoun`` (he, she, they) refer to ``sayer``: the same pronoun, or a noun of
    its number (`they` for a plural or a body: `The campaign said they ...`) whose first
    name does not say otherwise (``gender.fits_gender``)."""
    p = pronoun.lower_
    if sayer.pos_ == "PRON":
        return sayer.lower_ == p
    plural = sayer.tag_ in ("NNS", "NNPS")
    if p == "they":
        return plural or source_noun_kind(sayer) in ("organisation", "group")
    name = sayer.doc[sayer.left_edge.i:sayer.i + 1].text
    return not plural and fits_gender(name, PRONOUN_GENDERS[p])


def _person_object(verb: Token) -> Token | None:
    """The direct object of ``verb`` when it is a person's name (the NER's PERSON)."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"), None)


def _reported(verb: Token, lex: CueLexicon) -> bool:
    """``verb`` lies in what a cue reports: its clause, or a clause coordinated with it, is
    a cue's complement (`said Mr. Trump was a candidate ...:`, `said this was a "fatal
    miscalculation" and that she has learned her lesson:`, `said he hoped ... that Trump
    wins the presidential election:`; PolNeAR train)."""
    t = verb
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and is_cue(t.head, lex):
            return True
        t = t.head
    return False


def _where_said(name: Token) -> bool:
    """A name that is the object of a preposition other than `from` or `by`: where, how or
    about what a quote was said (`celebrated the attacks on Twitter: ''...''`, `in an
    interview with CNN: ''...''`, `in the spirit of Silicon Valley: ''...''`; PolNeAR
    train: 2 speakers fewer wrong), not its source (`What that means for this year's
    presidential election - More from Jones: "..."`, PolNeAR train). The name's head is
    looked for before it only, never in the quote."""
    while name.dep_ in ("conj", "compound") and name.head.i < name.i:
        name = name.head
    return name.dep_ == "pobj" and name.head.lower_ not in ("from", "by")


def _dash_colon_name(ix: DocIndex, first: int, k: int):
    """`Pollsters agree - Carl Bialik: "..."` (newsletter style): a name between a dash
    and the colon right before the quote (``k``, the last word before it) is its speaker,
    whatever verb the headline before the dash has. Returns (colon, last word of the
    name) or None."""
    doc = ix.doc
    if k < first or doc[k].text != ":":
        return None
    j = k - 1
    while j >= first and (doc[j].pos_ == "PROPN" or doc[j].lower_ in ("and", ".")) and not is_dash(doc[j]):
        j -= 1
    if j < first or j == k - 1 or not is_dash(doc[j]) or doc[k - 1].pos_ != "PROPN":
        return None
    return doc[k], doc[k - 1]


def _colon_name(ix: DocIndex, first: int, colon: int):
    """The last word of the first person's name in tokens [first, colon) when they
    hold no verb: a name and its description introducing a quote."""
    doc = ix.doc
    toks = [t for t in doc[first:colon] if not t.is_space]
    if not toks or len(toks) > 25 or any(t.pos_ in VERB_POS and t.tag_ != "VBN" for t in toks) \
            or any(ix.in_quote[t.i] != -1 for t in toks):
        return None
    for t in toks:
        if t.ent_type_ == "PERSON":
            return doc[person_end(doc, t.i, colon)]
    return None
