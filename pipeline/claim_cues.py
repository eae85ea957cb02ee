"""Cue patterns on the parse: prescriptive and predictive constructions, the
reported content of a sentence, and whether a sentence asserts anything.

GUIDELINES section 5 orders the claim types prescriptive > predictive >
evaluative > factual. The first two are marked by grammar (deontic modals,
"call on", "propose", "it is necessary/time to", "is ready to", "in favor of",
imperatives; future and conditional modals, "is expected to", "no future"), so
they are found with spaCy ``Matcher`` patterns over tokens plus a few checks on
the dependency tree. Word lists live in ``resources/claims_*.txt``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from .resources import CLOSING_QUOTES, OPENING_QUOTES, word_set

PRESCRIPTIVE = "prescriptive"
PREDICTIVE = "predictive"
EVALUATIVE = "evaluative"

#: finite verb tags: a segment without one (and not an imperative) asserts nothing
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PRESENT_OR_BASE = ["VB", "VBP", "VBZ", "VBG"]
#: clauses that modify a noun: a modal inside one ("approaches that will ensure
#: stability", "mechanisms that could provide security") does not make the
#: sentence a forecast; its main clause still says what is the case.
MODIFIER_DEPS = frozenset({"relcl", "acl", "amod"})
_QUOTE_MARKS = frozenset(OPENING_QUOTES + CLOSING_QUOTES)

# Strength of each cue, used as the claim's confidence: explicit deontic
# constructions are near-unambiguous; position verbs and the weaker modals
# (may/could) less so.
CUE_CONFIDENCE = {
    "deontic_modal": 0.95, "have_to": 0.9, "need": 0.85, "it_is_necessary": 0.95, "ready_to": 0.9,
    "call_on": 0.95, "speech_act": 0.9, "position_verb": 0.8, "in_favor_of": 0.9, "let_us": 0.9,
    "imperative": 0.8, "need_noun": 0.8,
    "future_modal": 0.9, "possibility_modal": 0.75, "going_to": 0.9, "likely_to": 0.85,
    "forecast_verb": 0.8, "no_future": 0.85,
}


@dataclass(frozen=True)
class Cue:
    claim_type: str   # PRESCRIPTIVE | PREDICTIVE
    name: str         # pattern name (a key of CUE_CONFIDENCE)
    token_i: int      # index in the Doc of the token that carries the cue

    @property
    def confidence(self) -> float:
        return CUE_CONFIDENCE[self.name]


def _words(name: str) -> list[str]:
    return sorted(word_set(name))


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    m = Matcher(vocab)
    be_like = {"LEMMA": {"IN": ["be", "remain", "stand", "seem", "appear"]}}
    adv_star = {"POS": {"IN": ["ADV", "PART"]}, "OP": "*"}
    # --- prescriptive
    m.add("deontic_modal", [[{"LOWER": {"IN": _words("claims_prescriptive_modals")}, "TAG": "MD"}]])
    m.add("have_to", [
        [{"LEMMA": {"IN": ["have", "need"]}, "TAG": {"IN": ["VB", "VBP", "VBZ"]}}, {"LOWER": "to"},
         {"POS": {"IN": ["VERB", "AUX"]}}],
        [{"LEMMA": "have"}, {"LOWER": "got"}, {"LOWER": "to"}, {"POS": {"IN": ["VERB", "AUX"]}}],
    ])
    # "The organization needs reforms" (seed 001)
    m.add("need", [[{"LEMMA": "need", "POS": "VERB", "TAG": {"IN": ["VBP", "VBZ"]}}]])
    # "Aleinik named the need to strengthen existing international organizations" (seed 003)
    m.add("need_noun", [[{"LEMMA": {"IN": ["need", "necessity"]}, "POS": "NOUN"}, {"LOWER": {"IN": ["to", "for"]}}]])
    m.add("it_is_necessary", [
        [{"LOWER": "it"}, be_like, adv_star, {"LOWER": {"IN": ["high", "about", "now"]}, "OP": "?"},
         {"LOWER": {"IN": _words("claims_necessity_adjectives")}}, {"LOWER": {"IN": ["to", "for", "that"]}}],
    ])
    m.add("ready_to", [
        [be_like, adv_star, {"LOWER": {"IN": _words("claims_readiness_adjectives")}}, {"LOWER": "to"}],
    ])
    m.add("call_on", [
        [{"LEMMA": {"IN": ["call", "appeal"]}, "POS": "VERB"}, {"LOWER": {"IN": ["on", "upon", "for"]}}],
    ])
    m.add("speech_act", [[{"LEMMA": {"IN": sorted(word_set("claims_speech_act_verbs") - {"call", "appeal"})},
                           "POS": "VERB"}]])
    m.add("position_verb", [[{"LEMMA": {"IN": _words("claims_position_verbs")}, "POS": "VERB",
                              "TAG": {"IN": PRESENT_OR_BASE}}]])
    m.add("in_favor_of", [[{"LOWER": "in"}, {"LOWER": {"IN": ["favor", "favour", "support"]}}, {"LOWER": "of"}]])
    m.add("let_us", [[{"LOWER": "let"}, {"LOWER": {"IN": ["us", "'s", "’s"]}}]])
    # --- predictive
    modals = word_set("claims_predictive_modals")
    m.add("future_modal", [[{"LOWER": {"IN": sorted(modals & {"will", "shall", "'ll", "’ll", "wo", "would"})},
                             "TAG": "MD"}]])
    m.add("possibility_modal", [[{"LOWER": {"IN": sorted(modals - {"will", "shall", "'ll", "’ll", "wo", "would"})},
                                  "TAG": "MD"}]])
    m.add("going_to", [[{"LEMMA": "be"}, {"LOWER": "going"}, {"LOWER": "to"}, {"POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("likely_to", [[be_like, adv_star, {"LOWER": {"IN": _words("claims_predictive_words")}}, {"LOWER": "to"},
                         {"POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("forecast_verb", [[{"LEMMA": {"IN": _words("claims_forecast_verbs")}, "POS": "VERB"}]])
    m.add("no_future", [[{"LOWER": "no"}, {"LOWER": "future"}]])
    return m


_PRESCRIPTIVE_CUES = frozenset({"deontic_modal", "have_to", "need", "need_noun", "it_is_necessary", "ready_to",
                                "call_on", "speech_act", "position_verb", "in_favor_of", "let_us"})
# The token of a match that carries the cue (its clause decides whether it counts).
_CUE_TOKEN = {"it_is_necessary": 1, "ready_to": 0, "have_to": 0, "going_to": 0, "likely_to": 0}


def in_modifier_clause(tok: Token, top: Token | None = None) -> bool:
    """Is ``tok`` inside a clause that modifies a noun (relative clause, participle)?"""
    cur = tok
    seen = 0
    while cur.head is not cur and cur is not top and seen < 50:
        if cur.dep_ in MODIFIER_DEPS:
            return True
        cur = cur.head
        seen += 1
    return False


def _in_if_clause(tok: Token) -> bool:
    # "If our governments are temporarily not ready for ..., we propose ...": a cue
    # inside the condition is not what the sentence asserts.
    cur = tok
    seen = 0
    while cur.head is not cur and seen < 50:
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        cur = cur.head
        seen += 1
    return False


def is_imperative(span: Span) -> bool:
    """A command: the main verb is a bare base form with no subject ("Allow diplomats to do ...!")."""
    root = span.root
    if root.tag_ != "VB" or root.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in root.children):
        return False
    # the verb opens the clause (after quotes, "please", an adverb or a comma'd intro)
    for tok in span:
        if tok.i == root.i:
            return True
        if tok.is_punct or tok.text in _QUOTE_MARKS or tok.pos_ in ("ADV", "INTJ", "SPACE"):
            continue
        return False
    return False


def find_cues(span: Span) -> list[Cue]:
    """Prescriptive and predictive cues in ``span`` (a sentence), in text order."""
    matcher = _matcher(span.doc.vocab)
    cues: list[Cue] = []
    for match_id, start, end in matcher(span):
        name = span.doc.vocab.strings[match_id]
        tok = span[start + _CUE_TOKEN.get(name, 0)]
        if name in _PRESCRIPTIVE_CUES:
            if _in_if_clause(tok):
                continue
            if name == "position_verb" and tok.tag_ == "VBG" and not any(
                    c.dep_ in ("aux",) and c.lemma_ == "be" for c in tok.children):
                continue  # "... focusing mainly on", a participle, not a stance
            cues.append(Cue(PRESCRIPTIVE, name, tok.i))
        else:
            if in_modifier_clause(tok) or _in_if_clause(tok):
                continue
            cues.append(Cue(PREDICTIVE, name, tok.i))
    if is_imperative(span) and not is_question(span):
        cues.append(Cue(PRESCRIPTIVE, "imperative", span.root.i))
    cues.sort(key=lambda c: c.token_i)
    return cues


def best_cue(cues: Iterable[Cue]) -> Cue | None:
    """The cue that decides the type: prescriptive beats predictive (GUIDELINES 5)."""
    cues = list(cues)
    for kind in (PRESCRIPTIVE, PREDICTIVE):
        of_kind = [c for c in cues if c.claim_type == kind]
        if of_kind:
            return max(of_kind, key=lambda c: c.confidence)
    return None


# --- what the sentence asserts ------------------------------------------------

def is_question(span: Span) -> bool:
    text = span.text.rstrip()
    while text and (text[-1] in _QUOTE_MARKS or text[-1] in ")]"):
        text = text[:-1].rstrip()
    return text.endswith("?")


def has_proposition(span: Span) -> bool:
    """Does ``span`` contain a finite verb outside noun-modifying clauses (or a command)?

    "[of countries] in the Eurasian space to discuss ..." (a broken-off tail) and
    "An architecture that would ensure lasting peace ..." (a noun phrase whose
    only verb sits in a relative clause) assert nothing (GUIDELINES 5: fragments).
    """
    for tok in span:
        if tok.tag_ in FINITE_TAGS and not in_modifier_clause(tok, span.root):
            return True
    return is_imperative(span)


def content_span(span: Span) -> Span:
    """The reported content of a sentence, without its reporting frame.

    "The Belarusian diplomat stressed that consensus is not a technical process"
    -> "consensus is not a technical process"; "According to X, ..." drops the
    source phrase. A claim is typed by what is asserted, not by the reporting
    verb (GUIDELINES 5).
    """
    root = span.root
    reporting = word_set("claims_reporting_verbs")
    if root.lemma_.lower() in reporting:
        comps = [c for c in root.children if c.dep_ == "ccomp" and span.start <= c.i < span.end]
        if comps:
            c = max(comps, key=lambda t: t.right_edge.i - t.left_edge.i)
            start, end = max(c.left_edge.i, span.start), min(c.right_edge.i + 1, span.end)
            while start < end and span.doc[start].dep_ == "mark":  # "that"
                start += 1
            if end - start >= 2:
                return span.doc[start:end]
        quoted = _quoted_part(span)
        if quoted is not None:
            return quoted
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "according" and c.i == span.start:
            start = c.right_edge.i + 1
            while start < span.end and (span.doc[start].is_punct and span.doc[start].text not in _QUOTE_MARKS):
                start += 1
            if span.end - start >= 2:
                return span.doc[start:span.end]
    return span


def _quoted_part(span: Span) -> Span | None:
    """The quoted words of a '"...," X said' sentence: from the sentence-initial
    opening mark (or the sentence start, when the quote opened in an earlier
    sentence) to the last closing mark. A quote that starts mid-sentence
    ('... which has been "violated in Europe"') is part of the writer's clause,
    not the whole content, so it is not split off.
    """
    opens = [t.i for t in span if t.text in _QUOTE_MARKS]
    first = next((t.i for t in span if not (t.is_punct and t.text not in _QUOTE_MARKS) and not t.is_space), None)
    if not opens or (first is not None and opens[0] != first and len(opens) >= 2):
        return None
    if len(opens) >= 2 and opens[-1] - opens[0] > 2:
        return span.doc[opens[0] + 1:opens[-1]]
    if len(opens) == 1:
        # a quote that began in an earlier sentence closes here: content precedes the mark
        i = opens[0]
        # closing, not opening: glued to the word or comma before it ('future,” Igor Sekreta said')
        if i - span.start > 2 and span.doc[i - 1].whitespace_ == "":
            return span.doc[span.start:i]
    return None


def evaluative_frame(span: Span) -> bool:
    """The main verb itself is a judgment ("He also criticized ..."), with no reported clause."""
    root = span.root
    return root.lemma_.lower() in word_set("claims_evaluative_verbs") and not any(
        c.dep_ == "ccomp" for c in root.children)
