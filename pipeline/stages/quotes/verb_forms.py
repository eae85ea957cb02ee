"""The form of a verb in the parse: finite or not, its subject, its auxiliaries, and
whether a verb the parser coordinated with a content clause goes with the cue instead
(``with_the_cue``). Shared by subjects, content, setoff, objects, clause_end, indirect,
mentions and opening_speaker of the quotes stage."""
from __future__ import annotations

from spacy.tokens import Token

from ...nlp.lemmas import lemma as lemma_of

#: tags of a finite verb (past, present)
FINITE = frozenset({"VBD", "VBZ", "VBP"})


# Dependencies of a clause's own subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# A subject a verb without one inherits from the verb it hangs on (``subjects.subject_of``).
INHERITED_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def verb_form(verb: Token) -> str:
    """The tag of a verb's finite part: its first auxiliary (`has championed`: VBZ), else
    its own (a to-infinitive is VB)."""
    aux = first_auxiliary(verb)
    return (aux or verb).tag_


def first_auxiliary(verb: Token) -> Token | None:
    """A verb's first auxiliary other than `to` (`has` in `has championed`), or None."""
    return next((k for k in verb.lefts if k.dep_ in ("aux", "auxpass") and k.tag_ != "TO"), None)


def joining_cc(head: Token, conj: Token) -> Token | None:
    """The conjunction that joins ``conj`` to ``head``: the last `cc` between them."""
    return next((k for k in reversed(list(head.children)) if k.dep_ == "cc" and head.i < k.i < conj.i), None)


def is_base_spelling(verb: Token) -> bool:
    """``verb`` is spelt as its lemma (`put`, `demand`, `ditch`): it may be the base form
    whatever the tagger calls it."""
    return verb.lower_ == lemma_of(verb).lower()


def with_the_cue(verb: Token, cue: Token, clause: Token) -> bool:
    """A verb the parser coordinated with the root of the cue's content ``clause`` that is
    really coordinated with the cue: in the cue's form, not the clause's, where the two
    are told apart: a participle cue (`tweeting that it was a "disaster" ... and asking,
    "..."`), a base-form clause (`proposed that more forces be left in Iraq, and pushed
    to ...`) or a modal's (`noted that Saturday would have been ... and quoted ...`);
    and any finite verb after a to-infinitive (`has vowed to keep abortion legal and
    celebrated the ruling`). PolNeAR train: 8 more gold quotes found, 6 rows outside
    the gold fewer. Left alone: a finite cue and clause (`said he has been impressed
    ... and liked the way ...`), a verb in the clause root's own tag, which may share
    its auxiliary (`saying that prices were rising and threatening thousands of jobs`),
    and alternatives (`would either not vote or are unsure`)."""
    if has_subject(verb) or verb.tag_ == clause.tag_:
        return False
    joined_by = joining_cc(clause, verb)
    if joined_by is not None and joined_by.lower_ in ("or", "nor"):
        return False  # `would either not vote or are unsure ...`: alternatives inside what was said
    # a verb spelt as its base form (`to cut taxes and put ...`, `may follow suit and now
    # ditch ...`) may go on with an infinitive or a modal, whatever the tagger calls it
    base_form = is_base_spelling(verb)
    if verb.tag_ in FINITE and not base_form and not has_subject(clause) and is_to_infinitive(clause):
        # a finite verb never goes on with a to-infinitive (`vowed to keep abortion legal
        # and celebrated the ruling`), whatever the cue's own form (`has vowed`); an
        # infinitive with a subject is a misparse (see below)
        return True
    clause_form = verb_form(clause)
    if not verb_form(verb) == verb_form(cue) != clause_form:
        return False
    if cue.tag_ == "VBG" or (clause_form == "MD" and not base_form):
        # (a modal's clause goes on only in the base form: `noted that Saturday would
        # have been ... and quoted Reagan's ...` is what she did next)
        return True
    # a base-form clause, not a to-infinitive with a subject, which is a misparse (`said
    # the only people to benefit from immigrants ... were employers`, BBC)
    return clause_form == "VB" and not (has_subject(clause) and is_to_infinitive(clause))


def in_the_cue_tense(verb: Token, cue: Token) -> bool:
    """``verb`` is finite in the tense of ``cue``: the same tag, or a past after a
    perfect (BBC politics: `has said the current system is not sustainable and said
    there would be "radical reform"` is one speaker's two reports)."""
    if verb.tag_ not in FINITE:
        return False
    if verb.tag_ == cue.tag_:
        return True
    aux = first_auxiliary(cue)
    return verb.tag_ == "VBD" and cue.tag_ == "VBN" and aux is not None and lemma_of(aux) == "have"


def beside_the_cue(verb: Token, clause: Token, cue: Token) -> bool:
    """``verb``, coordinated into the reported ``clause`` (with a nominal subject of its
    own) of ``cue``, may go on from the cue instead: it is finite in the cue's tense
    (``in_the_cue_tense``)."""
    return clause.dep_ == "ccomp" and in_the_cue_tense(verb, cue) and any(c.dep_ in INHERITED_SUBJ_DEPS for c in clause.children)


def is_to_infinitive(v: Token) -> bool:
    """``v`` has a `to` of its own (`to keep`, `to be left`)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


# The number a subject shows beyond doubt: `he`/`she`/`it` or a person's name is one,
# `they`/`we` or a plural noun more than one (a singular common noun is left alone:
# BBC writes `the government have`; `I` and `you` take the plural form).
_ONE = frozenset({"he", "she", "it"})
_MORE = frozenset({"they", "we"})


def _subject_number(subj: Token) -> str | None:
    if subj.pos_ == "PRON":
        return "one" if subj.lower_ in _ONE else "more" if subj.lower_ in _MORE else None
    if any(c.dep_ == "conj" for c in subj.children) or subj.tag_ == "NNS" \
            or (subj.tag_ == "NNPS" and subj.ent_type_ not in ("GPE", "ORG")):
        return "more"  # (not a name of one place or body: `The United States told Iran ... and has imposed`)
    return "one" if subj.ent_type_ == "PERSON" and subj.tag_ == "NNP" else None


def _verb_number(verb: Token) -> str | None:
    finite = first_auxiliary(verb) or verb
    if finite.lower_ in ("was", "is", "has") or finite.tag_ == "VBZ":
        return "one"
    if finite.lower_ in ("were", "are", "have") or finite.tag_ == "VBP":
        return "more"
    return None


def disagrees_with_subject(verb: Token, of: Token) -> bool:
    """``verb``, which has no subject of its own, cannot share the subject of verb
    ``of``: their numbers differ (`She told the Register that polls could be "way off,"
    and have been unreliable`: `have` goes with `polls`, not `She`)."""
    subj = next((c for c in of.children if c.dep_ in INHERITED_SUBJ_DEPS), None)
    if subj is None:
        return False
    mine, theirs = _verb_number(verb), _subject_number(subj)
    return mine is not None and theirs is not None and mine != theirs
