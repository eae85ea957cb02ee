"""What a cue's object is, when what was said is a noun phrase (``content``, rules 4
and 5: ``naming_content`` and ``object_content``) or the clause that phrase is the
subject of, and where a phrase after it ends (``phrase_end``, also for the object of a
cue's preposition, rule 1). From PolNeAR train and dev.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clause_end import clause_from, nonrestrictive_tail
from .cues import VERB_POS, addresses_object, is_cue, is_speech_occasion, report_lexicon
from .verb_forms import FINITE, has_subject, verb_form
from .records import Content, sets_off
from .sources import personal_pronouns

# Phrases of the verb right after its object that always belong to what was said
# (`accused Trump of lying`, `blasted him for not paying`, `described it as a hoax`)
# and those that never do (`said it at a rally`, `during the debate`).
_OBJECT_PREPS = frozenset({"as", "of", "for", "with", "about", "against"})
_CIRCUMSTANCE_PREPS = frozenset({"at", "during", "after", "before", "since", "until", "by", "via", "through",
                                 "amid", "while", "following", "throughout"})


def first_child(tok: Token, deps) -> Token | None:
    """``tok``'s first child with a dependency in ``deps``."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def predicate_after_object(t: Token) -> bool:
    """A quoted adjective after the object, which the parser hung on the object as a
    modifier: `called the new targets "reasonably impressive"`, `branded Prince Harry's
    actions "stupid and evil"` (BBC politics: both quotes were lost, and the claims had no
    speaker); English puts a modifying adjective before its noun."""
    return t.dep_ == "amod" and t.i > t.head.i and t.head.dep_ == "dobj"


def naming_content(tok: Token) -> Content | None:
    """`called him a liar` (dobj + oprd), `called the plan a disaster` (ccomp with its
    own subject): the object and the name together; never the object alone."""
    for c in tok.rights:
        obj = next((k for k in tok.children if k.dep_ == "dobj" and k.i < c.i), None) \
            if c.dep_ in ("oprd", "xcomp", "attr") else None
        if obj is not None:
            return Content(obj.left_edge.i, c.right_edge.i, "naming")
        if c.dep_ == "ccomp" and any(k.dep_ == "nsubj" for k in c.children) and c.pos_ not in VERB_POS:
            return Content(c.left_edge.i, c.right_edge.i, "naming")
        if c.dep_ == "dobj" and any(predicate_after_object(k) for k in c.children):
            # `called the new targets "reasonably impressive"`: the parser hung the name,
            # an adjective after the object, on the object (BBC politics)
            return Content(c.left_edge.i, c.right_edge.i, "naming")
    return None


def object_content(tok: Token, quoted=None) -> Content | None:
    """The direct object, a noun phrase (not a pronoun), with an `as`/`of`/`for`/`with`
    phrase of the verb right after it (`accused Trump of lying`, `blasted him for not
    paying income tax`); or a gerund (`proposed accepting 10,000 Syrians`); or the
    clause either is the subject of (``_orphan_predicate``), as a clause content."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None and any(c.dep_ == "prt" for c in tok.children):
        # `called out Trump`: after a particle the parser may file the object as `oprd`
        obj = next((c for c in tok.rights if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        obj = next((c for c in tok.rights if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG"
                    and not has_subject(c)), None)
        if obj is None:
            return None
    elif obj.pos_ == "PRON" and obj.left_edge.i == obj.right_edge.i == obj.i:
        return None
    a, b = obj.left_edge.i, obj.right_edge.i
    pred = _orphan_predicate(tok, b)
    if pred is not None:
        return clause_from(a, pred, tok, quoted)
    if obj.dep_ not in ("dobj", "oprd"):
        return Content(a, _conjoined_end(tok, obj, b), "object")  # the gerund
    reach = b  # how far the phrases after the object go, those of time and place included
    for c in tok.rights:
        if c.i <= b or c.left_edge.i != reach + 1 or c.dep_ not in ("prep", "npadvmod"):
            continue
        if c.dep_ == "prep" and _part_of_object(c):
            b, reach = phrase_end(c), c.right_edge.i  # `blasted Trump on Monday over his stance on abortion`
        else:
            reach = c.right_edge.i
    b = _conjoined_end(tok, obj, b)
    # (`reiterated his support for Mr. Trump, the presumptive Republican nominee`)
    return Content(a, nonrestrictive_tail(tok.doc, a, b), "object")


def _conjoined_end(cue: Token, obj: Token, b: int) -> int:
    """The end ``b`` of an object content, past a second gerund after `and` that the parser
    coordinated with the cue instead of the first (`has mentioned refinancing student loans
    and forcing universities to ...`, PolNeAR dev; the tagger may make the first gerund an
    adjective). Only when the object is, or opens with, a gerund, and the second one is a
    gerund with no subject of its own: not a verb after a noun object, what the speaker
    did next, nor a noun (BBC: `accused the firm of using ... to avoid its tax
    liabilities, and the courts sent in bailiffs ...`); not after a participle cue."""
    doc = cue.doc
    if cue.tag_ == "VBG":
        return b  # after a participle cue, a second one is what the speaker did next (`citing rising costs
        # and calling for a freeze`)
    r = next((r for r in cue.rights if r.i > b and r.dep_ == "conj"), None)
    if r is None or r.tag_ != "VBG" or has_subject(r):
        return b
    if not (obj.tag_ == "VBG" or doc[obj.left_edge.i].tag_ == "VBG"):  # (`refinancing` as an adjective)
        return b
    cc = [t for t in doc[b + 1:r.left_edge.i] if not t.is_punct]
    return r.right_edge.i if len(cc) == 1 and cc[0].lower_ == "and" else b


def _orphan_predicate(cue: Token, b: int) -> Token | None:
    """A finite predicate without a subject right after the object that ends at ``b``,
    which the parser hung elsewhere than on the cue: the object is its subject, and the
    cue reports the clause (`said using a private server was improper but not
    illegal`, `voters saying a state law banning fracking is hurting the economy`,
    PolNeAR train; where the parser hung the clause on the cue,
    ``content._object_as_subject``). Not past a comma (`, noting the size ...,
    said, "..."`), not a verb coordinated with another, nor a reporting verb, an
    attribution of its own (`..., the BBC's Jonathan Beale reports`, BBC), nor after a
    cue whose object is whom it addresses (`told reporters`)."""
    doc = cue.doc
    if b + 1 >= len(doc) or sets_off(doc[b]) or addresses_object(cue):
        return None
    nxt = doc[b + 1]
    verb = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
    if verb.pos_ not in VERB_POS or verb.left_edge.i != b + 1 or has_subject(verb) \
            or verb_form(verb) not in FINITE or verb.dep_ == "conj" or verb.i == cue.i or verb.is_ancestor(cue) \
            or is_cue(verb, report_lexicon()):
        return None
    return verb


def _part_of_object(prep: Token) -> bool:
    """Whether a phrase of the verb right after its object goes with what was said
    (`accused Trump of lying`, `demanded more force from Obama on the Islamic State`,
    `announced his engagement to Jerry Hall`) rather than saying where or when it was
    said (`in an interview`, `at a rally`, `on Tuesday`; ``speech_occasions.txt``)."""
    if prep.lower_ in _OBJECT_PREPS:
        return True
    if prep.lower_ in _CIRCUMSTANCE_PREPS:
        return False
    obj = first_child(prep, ("pobj", "pcomp"))
    if obj is None:
        return False
    if prep.lower_ == "to" and obj.lower_ in personal_pronouns(case="object"):
        return False  # whom it was said to: `mentioned the devil to me` (PolNeAR dev)
    if obj.dep_ == "pcomp":
        return True  # `underscored his interest in developing ...` (seed 004)
    return not (obj.ent_type_ in ("DATE", "TIME") or is_speech_occasion(obj))


def phrase_end(prep: Token) -> int:
    """The last token of a phrase that goes with what was said; for the name an `as`
    gives, before a phrase of when or where it was said that the parser hung inside
    it: `blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show`,
    `criticized the Act as a “crazy system” during a campaign stop` (PolNeAR dev
    annotates the name alone). Only there: in other phrases such words are the
    speaker's (`his prowess in his 11 debates`, `intervention by outside powers`,
    `victories Tuesday in Texas`: PolNeAR train and dev annotate them whole)."""
    obj = first_child(prep, ("pobj",)) if prep.lower_ == "as" else None
    if obj is None:
        return prep.right_edge.i
    # (a comma before the phrase is trimmed with the content)
    return next((c.left_edge.i - 1 for c in obj.rights if _when_or_where_said(c)), prep.right_edge.i)


def _when_or_where_said(t: Token) -> bool:
    """`Wednesday`, `on Tuesday`, `during a campaign stop`, `at a rally`, `in an interview`;
    not a date after another preposition, which dates the name (`in 20 years`, `since
    1945`), nor a phrase of the name's own (``_part_of_object``: `of her campaign`,
    PolNeAR train). (A time word the NER did not tag is read as an occasion.)"""
    if t.dep_ == "npadvmod":
        return t.ent_type_ in ("DATE", "TIME")
    obj = first_child(t, ("pobj",)) if t.dep_ == "prep" else None
    if obj is None or _part_of_object(t):
        return False
    return obj.ent_type_ not in ("DATE", "TIME") or t.lower_ in ("on", "at")  # not `since 1945`
