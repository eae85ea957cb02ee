"""Reporting cues on one spaCy parse, and which words can speak.

The cue lexicons (``resources/reporting_verbs.txt``), what counts as a cue token,
and the tests of a word that can say something (``speaker_like``, ``can_speak``),
used by ``attribution`` (direct quotes), ``indirect`` (reported speech) and
``subjects`` (the subject of a cue verb, the speaker *mention*); the records they
fill and the index of one Doc they read are in ``records``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
from spacy.parts_of_speech import IDS as UNIV_POS
from spacy.strings import get_string_id
from spacy.tokens import Token

from ...nlp.lemmas import lemma as lemma_of
from ...resources import reporting_verb_lemmas, reporting_verbs, word_set
from ..names import title_words
from .sources import (NON_PERSON_POSSESSIVES, NOT_SOURCES, a_thing, counted_people, is_title_word, personal_pronouns,
                      source_noun_kind)


@dataclass(frozen=True)
class CueLexicon:
    single: frozenset[str]                 # lemmas that are cues on their own
    phrasal: frozenset[tuple[str, str]]    # (lemma, particle) pairs: ("point", "out")

    @cached_property
    def heads(self) -> frozenset[str]:
        """Every lemma that can start a cue (most verbs cannot: one set lookup)."""
        return self.single | {lemma for lemma, _ in self.phrasal}


def _lexicon(kinds: tuple[str, ...]) -> CueLexicon:
    single, phrasal = set(), set()
    for kind in kinds:
        for entry in reporting_verbs(kind):
            parts = entry.lower().split()
            if len(parts) == 1:
                single.add(parts[0])
            else:
                phrasal.add((parts[0], " ".join(parts[1:])))
    return CueLexicon(frozenset(single), frozenset(phrasal))


@lru_cache(maxsize=None)
def speech_lexicon() -> CueLexicon:
    return _lexicon(("speech",))


@lru_cache(maxsize=None)
def attribution_lexicon() -> CueLexicon:
    """Speech verbs plus belief verbs: any of them attributes words in quotation marks."""
    return _lexicon(("speech", "belief"))


@lru_cache(maxsize=None)
def report_lexicon() -> CueLexicon:
    """Attribution cues plus the ``naming`` verbs (`called him a liar`), which report
    speech only with what they name (``content.content_of``)."""
    return _lexicon(("speech", "belief", "naming"))


VERB_POS = frozenset({"VERB", "AUX"})
VERB_POS_IDS = np.asarray(sorted(UNIV_POS[p] for p in VERB_POS), dtype=np.uint64)
ACCORDING = get_string_id("according")


# How the second word of a two-word entry hangs from the verb: a particle (`point
# out`; the small model also files `back` in `shot back` as an adverb), a
# preposition with an object (`warn of`, `call for`), an object (`put it`); for a
# clause, the parser hangs the preposition from the clause as its marker (`called
# for the strongholds to be hit`).
_SECOND_WORD_DEPS = frozenset({"prt", "advmod", "prep", "dobj"})


def cue_particle(tok: Token, lex: CueLexicon) -> Token | None | bool:
    """``False`` if ``tok`` is not a cue; else the second word of a two-word cue
    (particle, preposition) or None."""
    if tok.pos_ not in VERB_POS:
        return False
    lemma = lemma_of(tok).lower()
    if lemma not in lex.heads:
        return False
    for child in tok.children:
        if child.dep_ in _SECOND_WORD_DEPS and (lemma, child.lower_) in lex.phrasal:
            # a preposition needs an object after the verb (not `For starters, ... blames`)
            # that can be what was said (not `called on Tuesday for ...`: ``_reportable``)
            if child.dep_ != "prep" or (child.i > tok.i and any(
                    c.dep_ in ("pobj", "pcomp") and _reportable(c) for c in child.children)
                    and _before_complement(tok, child)):
                return child
        elif child.dep_ in ("ccomp", "advcl") and child.i > tok.i:
            mark = next((m for m in child.children if m.dep_ == "mark" and m.i < child.i), None)
            if mark is not None and (lemma, mark.lower_) in lex.phrasal and mark.i == tok.i + 1:
                return mark
    if lemma in lex.single:
        return None
    return False


_BROADCASTERS = frozenset({"cnn", "msnbc", "fox", "abc", "cbs", "nbc", "npr", "pbs", "cnbc", "c-span"})


def _before_complement(tok: Token, prep: Token) -> bool:
    """Whether a cue's preposition comes before what the verb names or says: in `has
    been called a charlatan by fellow physicians for promoting “quack” cures` (PolNeAR
    dev), `for` comes after the name (`oprd`) and is no `call for`. Other phrases may
    come between (`was accused by a reporter of ...`, `asked him about ...`; PolNeAR
    train)."""
    return not any(c.dep_ in _COMPLEMENT_DEPS and tok.i < c.i < prep.i for c in tok.children)


_COMPLEMENT_DEPS = frozenset({"oprd", "attr", "acomp", "xcomp", "ccomp"})


def _reportable(obj: Token) -> bool:
    """Whether the object of a cue's preposition can be what was said: not a date, an
    adjective (`too close to call for much of the night`), nor, after `on`/`in`, the
    occasion or the broadcaster (`insisted on CNN that ...`, `chimed in that October
    speech`; PolNeAR train). Pronouns can (`bragged about it`)."""
    if obj.ent_type_ in ("DATE", "TIME") or obj.pos_ == "ADJ":
        return False
    if obj.head.lower_ in ("on", "in") and (obj.lower_ in _BROADCASTERS or is_speech_occasion(obj)):
        return False
    return True


def is_speech_occasion(tok: Token) -> bool:
    """A noun for where or when something was said (`interview`, `rally`, `show`, `week`;
    ``speech_occasions.txt``), as written or by its lemma."""
    occasions = word_set("speech_occasions")
    return tok.lower_ in occasions or lemma_of(tok).lower() in occasions


def cue_entry(tok: Token, particle: Token | None) -> str:
    """The lexicon entry a cue matched: ``warn`` or ``warn of``."""
    lemma = lemma_of(tok).lower()
    return lemma if particle is None else f"{lemma} {particle.lower_}"


def is_cue(tok: Token, lex: CueLexicon) -> bool:
    return cue_particle(tok, lex) is not False


def cue_extent(tok: Token, lex: CueLexicon) -> tuple[int, int]:
    prt = cue_particle(tok, lex)
    end = tok.idx + len(tok.text)
    if prt and prt.i == tok.i + 1:
        end = prt.idx + len(prt.text)
    return tok.idx, end


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def speaker_like(tok: Token) -> bool:
    """Could say something: a name, a personal pronoun, or a role noun."""
    return tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_) or tok.lower_ in title_words()


def of_kind(verb: Token, kind: str) -> bool:
    """``verb``'s lemma is a head lemma of that kind in ``reporting_verbs.txt``."""
    return lemma_of(verb).lower() in reporting_verb_lemmas(kind)


def addresses_object(cue: Token) -> bool:
    """A cue whose object is whom it addresses (`told reporters`, `assured MPs`:
    ``reporting_verbs.txt`` kind ``addressee-object``), never what was said."""
    return of_kind(cue, "addressee-object")


def voices_words(cue: Token) -> bool:
    """A cue that voices the words (`chanting`, `yelled`: ``reporting_verbs.txt`` kind
    ``aloud``): a quote right after it is what was voiced, even in Title Case."""
    return of_kind(cue, "aloud")


# Entity types of words that never speak (`emphasizing` after `This document aims`
# needs someone behind it).
MUTE_ENTS = NOT_SOURCES | {"LAW", "WORK_OF_ART", "EVENT", "FAC", "LOC", "PRODUCT", "LANGUAGE"}


def speaking_possessor(tok: Token) -> bool:
    """``tok`` is the possessor of a noun who can have said it: `his`, `Trump's`, not
    `its`, `their` (``sources.NON_PERSON_POSSESSIVES``)."""
    return tok.dep_ == "poss" and tok.lower_ not in NON_PERSON_POSSESSIVES and speaker_like(tok)


def named_or_personal(subj: Token) -> bool:
    """A subject that can speak where no cue says it does: a personal pronoun or a
    speaker-like noun, not "it" (`It is simple: "..."`)."""
    return subj.lower_ in personal_pronouns((3,), "subject") or (speaker_like(subj) and subj.pos_ != "PRON")


def speaking_noun(tok: Token) -> bool:
    """A common noun that may name whoever speaks, though no list knows it as a speaker:
    not a thing (``sources.a_thing``: `a woman`, `the cashier`, not `the timing`), a date,
    a sum or a place."""
    return tok.pos_ == "NOUN" and not a_thing(tok) and tok.ent_type_ not in MUTE_ENTS


def may_speak(subj: Token) -> bool:
    """A subject that may speak the words a colon after its clause introduces: one that can
    speak (``can_speak``), or a name of a kind no one speaks for (``named_or_personal``)."""
    return named_or_personal(subj) or can_speak(subj)


def introduces_words(subj: Token) -> bool:
    """The subject of a clause that runs to a colon can introduce the short words after it:
    ``may_speak``, but not an impersonal pronoun (`It is simple: "No way."`)."""
    if subj.pos_ == "PRON" and subj.lower_ not in personal_pronouns(case="subject"):
        return False
    return may_speak(subj)


def can_speak(tok: Token) -> bool:
    """A subject a gerund may inherit: a name, a pronoun, a role noun, or a noun for a
    body or a group of people (``source_nouns.txt``, kinds organisation and group:
    `Some candidates have called for ..., saying ...`), or a number of such people
    (`Hundreds of pro-Sanders demonstrators marched ..., chanting ...`, PolNeAR train);
    not a thing or a document (`This document aims to ..., emphasizing ...`), a date, a
    sum or a place."""
    people = counted_people(tok)
    if people is not None:
        return can_speak(people)
    if tok.ent_type_ in MUTE_ENTS:
        return False
    if speaker_like(tok):
        return True
    if tok.pos_ != "NOUN":
        return False
    return source_noun_kind(tok) in ("organisation", "group") or is_title_word(tok)
