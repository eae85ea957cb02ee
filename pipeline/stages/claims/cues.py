"""Cue patterns on the parse: prescriptive and predictive constructions, the
reported content of a sentence, and whether a sentence asserts anything.

docs/guidelines.md §5 orders the claim types prescriptive > predictive >
evaluative > factual. The first two are marked by grammar (deontic modals,
"call on", "propose", "it is necessary/time to", "is ready to", "in favor of",
imperatives; future and conditional modals, "is expected to", "no future"), so
they are found with token patterns (``Matcher`` syntax, ``nlp.token_patterns``)
plus a few checks on the dependency tree. Word lists live in ``resources/claims_*.txt``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res
from typing import Iterable, Iterator

import numpy as np
from spacy.parts_of_speech import IDS as UNIV_POS
from spacy.tokens import Doc, Span, Token

from ...errors import ModelError
from ...nlp.docs import in_sorted, sorted_ids
from ...nlp.lemmas import ensure_lemmas, lemma as lemma_of
from ...nlp.token_patterns import ATTRS as PATTERN_ATTRS, TokenPatterns
from ...resources import QUOTE_CHARS, reporting_verb_lemmas, word_set
from ..quotes.cues import is_negated as _negated
from ..quotes.sources import personal_pronouns
from ..quotes.verb_forms import is_to_infinitive

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

# Strength of each cue, to pick one when several of a type fire: explicit deontic
# constructions are near-unambiguous; position verbs and the weaker modals
# (may/could) less so. The claim's confidence is the measured precision of the
# cue's type instead (``cue_precision``).
CUE_CONFIDENCE = {
    "deontic_modal": 0.95, "have_to": 0.9, "need": 0.85, "it_is_necessary": 0.95, "ready_to": 0.9,
    "call_on": 0.95, "speech_act": 0.9, "position_verb": 0.8, "course_verb": 0.85, "in_favor_of": 0.9, "let_us": 0.9,
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


#: measured precision of the type cues, beside the trained model (written by
#: ``benchmarks/claims_cue_precision.py --write`` from a hand-labelled sample of BBC claims)
CUE_PRECISION_FILE = "cue_precision.json"
#: the decisions whose precision it holds: a prescriptive or predictive cue, and the
#: judging verb or predicate that makes a claim evaluative
CUE_KINDS = (PRESCRIPTIVE, PREDICTIVE, EVALUATIVE)


class CuePrecisionError(ModelError):
    """The measured cue precision file is missing or malformed."""


def read_cue_precision(path) -> dict[str, float]:
    """``{cue kind: precision}`` from a cue precision file (``{kind: {"n": .., "correct": ..}}``):
    ``(correct + 1) / (n + 2)``, the expected precision after ``correct`` hits in ``n``
    (Laplace's rule: a perfect small sample does not claim certainty)."""
    fix = "reinstall claimex or rewrite it with `python benchmarks/claims_cue_precision.py --write`"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        out = {}
        for kind in CUE_KINDS:
            n, correct = int(data[kind]["n"]), int(data[kind]["correct"])
            if not 0 <= correct <= n or n == 0:
                raise ValueError(f"{kind}: {correct} correct of {n}")
            out[kind] = (correct + 1) / (n + 2)
        return out
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise CuePrecisionError(f"cue precision file {path} is unusable ({type(exc).__name__}: "
                                f"{str(exc).splitlines()[0][:120] if str(exc) else ''}); {fix}") from None


@lru_cache(maxsize=1)
def cue_precision() -> dict[str, float]:
    """The packaged measured precision per cue kind (read once per process)."""
    return read_cue_precision(_res.files(__package__) / "trained" / CUE_PRECISION_FILE)


def _words(name: str) -> list[str]:
    return sorted(word_set(name))


# Single-token cues: (name, attribute, words, extra constraints). They are found
# with one vectorised pass per cue over the Doc's attribute arrays (``_token_cues``):
# as spaCy Matcher patterns, a set-valued first token was tested at every token of
# every document, which made the Matcher the slowest part of the stage.
@lru_cache(maxsize=1)
def _single_token_cues() -> tuple[tuple[str, str, frozenset[str], frozenset[str] | None, str | None], ...]:
    modals = word_set("claims_predictive_modals")
    future = modals & (_FUTURE_MODALS | {"would"})
    return (
        # (name, LOWER|LEMMA, words, allowed TAGs or None, required POS or None)
        ("deontic_modal", "LOWER", word_set("claims_prescriptive_modals"), frozenset({"MD"}), None),
        # "The organization needs reforms" (seed 001)
        ("need", "LEMMA", frozenset({"need"}), frozenset({"VBP", "VBZ"}), "VERB"),
        ("speech_act", "LEMMA", reporting_verb_lemmas("call") - {"call", "appeal"}, None, "VERB"),
        ("position_verb", "LEMMA", reporting_verb_lemmas("position"), frozenset(PRESENT_OR_BASE), "VERB"),
        # "has pledged to write off the debt", "we plan to create new jobs" (BBC)
        ("course_verb", "LEMMA", reporting_verb_lemmas("course"), None, "VERB"),
        ("future_modal", "LOWER", frozenset(future), frozenset({"MD"}), None),
        ("possibility_modal", "LOWER", frozenset(modals - future), frozenset({"MD"}), None),
        ("forecast_verb", "LEMMA", reporting_verb_lemmas("forecast"), None, "VERB"),
    )


@lru_cache(maxsize=1)
def _phrase_cues() -> TokenPatterns:
    """Multi-token cue patterns (``Matcher`` syntax; ``nlp.token_patterns`` says why
    they are not matched with the ``Matcher``)."""
    m = TokenPatterns()
    adv_star = {"POS": {"IN": ["ADV", "PART"]}, "OP": "*"}
    be_verbs = ["be", "remain", "stand", "seem", "appear"]
    verb = {"POS": {"IN": ["VERB", "AUX"]}}
    m.add("have_to", [
        [{"LEMMA": lem, "TAG": {"IN": ["VB", "VBP", "VBZ"]}}, {"LOWER": "to"}, verb] for lem in ("have", "need")
    ] + [[{"LEMMA": "have"}, {"LOWER": "got"}, {"LOWER": "to"}, verb]])
    # "Aleinik named the need to strengthen existing international organizations" (seed 003)
    m.add("need_noun", [[{"LEMMA": lem, "POS": "NOUN"}, {"LOWER": {"IN": ["to", "for"]}}]
                        for lem in ("need", "necessity")])
    m.add("it_is_necessary", [
        [{"LOWER": "it"}, {"LEMMA": {"IN": be_verbs}}, adv_star, {"LOWER": {"IN": ["high", "about", "now"]}, "OP": "?"},
         {"LOWER": {"IN": _words("claims_necessity_adjectives")}}, {"LOWER": {"IN": ["to", "for", "that"]}}],
    ])
    m.add("ready_to", [[{"LEMMA": lem}, adv_star, {"LOWER": {"IN": _words("claims_readiness_adjectives")}},
                        {"LOWER": "to"}] for lem in be_verbs])
    m.add("call_on", [[{"LEMMA": lem, "POS": "VERB"}, {"LOWER": {"IN": ["on", "upon", "for"]}}]
                      for lem in ("call", "appeal")])
    m.add("in_favor_of", [[{"LOWER": "in"}, {"LOWER": {"IN": ["favor", "favour", "support"]}}, {"LOWER": "of"}]])
    m.add("let_us", [[{"LOWER": "let"}, {"LOWER": {"IN": ["us", "'s", "’s"]}}]])
    m.add("going_to", [[{"LEMMA": "be"}, {"LOWER": "going"}, {"LOWER": "to"}, verb]])
    m.add("likely_to", [[{"LEMMA": lem}, adv_star, {"LOWER": {"IN": _words("claims_predictive_words")}},
                         {"LOWER": "to"}, verb] for lem in be_verbs])
    m.add("no_future", [[{"LOWER": "no"}, {"LOWER": "future"}]])
    return m


def _token_cues(arr: np.ndarray) -> list[tuple[str, int, int]]:
    """Single-token cue matches, from the Doc's ``[LOWER, LEMMA, TAG, POS]`` array in one
    pass per cue."""
    out: list[tuple[str, int, int]] = []
    for name, attr, words, tags, pos in _single_token_cues():
        col = arr[:, 0] if attr == "LOWER" else arr[:, 1]
        hit = in_sorted(col, sorted_ids(frozenset(words)))
        if tags is not None:
            hit &= in_sorted(arr[:, 2], sorted_ids(tags))
        if pos is not None:
            hit &= arr[:, 3] == UNIV_POS[pos]
        out.extend((name, int(i), int(i) + 1) for i in np.flatnonzero(hit))
    return out


_PRESCRIPTIVE_CUES = frozenset({"deontic_modal", "have_to", "need", "need_noun", "it_is_necessary", "ready_to",
                                "call_on", "speech_act", "position_verb", "course_verb", "in_favor_of", "let_us"})
#: verbs that may only frame a report: with a finite clause of what is the case they are
#: a reporting frame, and the content decides the type (``_frames_a_report``)
_FRAMING_CUES = frozenset({"speech_act", "position_verb"})
#: verbs of calling, proposing and committing: inside a clause that describes a noun they
#: say what the noun is, not what the sentence asks for (``_describes_a_noun``). Not the
#: modals: `questions which need to be answered`, `a reality that should be recognised`
#: ask for it all the same (BBC politics: 9 of 13 such modals were prescriptive)
_CLAUSE_CUES = frozenset({"call_on", "speech_act", "position_verb", "course_verb"})
#: the tags of a clause's verb or auxiliary that show a report of what is the case
_REPORTED_TAGS = frozenset({"VBD", "VBZ", "MD"})
#: the predictive cues of a time to come (``_reports_ahead``): the future modal (not the
#: conditional `would`), `is expected to` (also as the forecast verb `expected`), `is
#: going to`, and the verbs that carry them
_AHEAD_CUES = frozenset({"future_modal", "likely_to", "going_to", "forecast_verb"})
_FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_AHEAD_VERBS = frozenset({"expected", "going", "set", "due"})
#: subjects that make a proposal the speaker's own, here and now
_SPEAKING_NOW = personal_pronouns((1,), "subject")
#: words between a verb and its content clause (`insisted to reporters that`)
_MAX_WORDS_TO_CONTENT = 3
# The token of a match that carries the cue (its clause decides whether it counts).
_CUE_TOKEN = {"it_is_necessary": 1, "ready_to": 0, "have_to": 0, "going_to": 0, "likely_to": 0}


def _up_to_root(tok: Token, stop: int = -1, limit: int = 50) -> Iterator[Token]:
    """``tok`` and its heads in turn, excluding the sentence root and the token at index
    ``stop``; at most ``limit`` steps, so a malformed (cyclic) parse cannot loop forever."""
    # Token objects are created on access, so identity is compared by index.
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i or cur.i == stop:
            return
        yield cur
        cur = cur.head


def in_modifier_clause(tok: Token, top: Token | None = None) -> bool:
    """Is ``tok`` inside a clause that modifies a noun (relative clause, participle)?"""
    return any(cur.dep_ in MODIFIER_DEPS for cur in _up_to_root(tok, -1 if top is None else top.i))


def _frames_a_report(tok: Token, demand: bool) -> bool:
    """``tok`` reports a finite content clause: `Mr Blair insisted he had been involved`,
    `The report suggests 69% of UK firms are now using broadband`. docs/guidelines.md §5:
    a reported claim is typed by its content, not the reporting verb, so the verb is no
    cue; its content's own modals still are (`insisted he should resign`). A bare verb in
    the clause is a demand (`insisted that the minister resign`) and stays one. BBC
    politics: 13 such frames made factual claims prescriptive. After a verb of demand a
    plural present is the subjunctive (`has demanded all departments make similar
    savings`), so there (``demand``: a verb of kind ``call``) only a past, a third-person
    -s or a modal shows a report."""
    finite = _REPORTED_TAGS if demand else FINITE_TAGS
    doc = tok.doc
    if (any(c.dep_ == "nsubj" and c.lower_ in _SPEAKING_NOW for c in tok.children) and not _negated(tok)) \
            or (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "VBG"):
        # the speaker's own proposal (`I suggest we move one step further`), or an action
        # proposed (`It also suggests increasing state funding`): no report (BBC politics)
        return False
    for c in tok.children:
        if not _content_clause(c):
            continue
        if tok.i < c.i and c.left_edge.i > tok.i + _MAX_WORDS_TO_CONTENT:
            # not the content but a clause the parser hung on the verb further on (`It
            # also suggests increasing state funding ... so help can be extended`, BBC)
            continue
        if c.tag_ in finite or any(k.dep_ in ("aux", "auxpass") and k.tag_ in finite for k in c.children):
            return True
    return False


def _describes_a_noun(tok: Token) -> bool:
    """``tok`` lies in a clause that describes a noun: a relative clause, or a clause with
    its own subject or a to-infinitive hung on a noun (`a requirement that ministers
    should speak English`, `the direction New Labour should be taking`, `a lot to offer`,
    BBC politics). Not a clause hung on the sentence's root noun, which is the parser's
    reading of a main clause (`Vincent Cable, for the Liberal Democrats, called on Mr
    Brown to ...`), nor a bare participle (`written to Tony Blair demanding an
    explanation`): both still say what the sentence asks for."""
    for cur in _up_to_root(tok):
        if cur.dep_ not in ("relcl", "acl"):
            continue
        if cur.head.dep_ == "ROOT":
            return False
        return cur.dep_ == "relcl" or is_to_infinitive(cur) or any(k.dep_ in ("nsubj", "nsubjpass", "mark")
                                                                   for k in cur.children)
    return False


def _reports_ahead(tok: Token, name: str) -> bool:
    """A future or expected report of a content clause: `Mr Blair will say that the
    economy is strong`, `Mr Howard is expected to tell activists that voters' tolerance is
    being abused` (BBC politics previews a speech so). The claim is typed by what will be
    said (docs/guidelines.md §5), whose own modals still count. Not a conditional (`the
    decision would suggest to China that ...` is a forecast) nor a warning (``forecast``)."""
    if (tok.tag_ == "MD" and tok.lower_ not in _FUTURE_MODALS) or (name == "forecast_verb" and tok.lower_ not in _AHEAD_VERBS):
        return False
    verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    for _ in range(2):  # expected -> to tell, going -> to say
        if verb.lower_ not in _AHEAD_VERBS:
            break
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    return lemma_of(verb).lower() in reporting_verb_lemmas("claim") and any(map(_content_clause, verb.children))


def _content_clause(c: Token) -> bool:
    """``c`` is a content clause with its own subject (`insisted [he had been involved]`)."""
    return c.dep_ == "ccomp" and any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children)


def _course_of(tok: Token) -> bool:
    """``tok`` is the infinitive of a course the speaker commits to (`The Lib Dems plan to
    oppose the Bill`, with `plan` parsed a noun, BBC politics); not of a passive (`This
    funding is intended to support families`: no one commits)."""
    return tok.dep_ == "xcomp" and lemma_of(tok.head).lower() in reporting_verb_lemmas("course") \
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children)


def _commits_to_course(tok: Token) -> bool:
    """A course verb with the to-infinitive of what is to be done (``reporting_verbs.txt``,
    kind ``course``): `pledged to write off`, `plans to create`."""
    # the speaker commits: an active verb with its subject (not `This funding is intended
    # to make ...`, `the targets intended to ensure ...`, BBC)
    if not any(c.dep_ == "nsubj" for c in tok.children) and tok.dep_ != "conj":
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
               and is_to_infinitive(c) for c in tok.children)


def _in_if_clause(tok: Token) -> bool:
    # "If our governments are temporarily not ready for ..., we propose ...": a cue
    # inside the condition is not what the sentence asserts.
    return any(cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children)
               for cur in _up_to_root(tok))


def is_imperative(span: Span) -> bool:
    """A command: the main verb is a bare base form with no subject ("Allow diplomats to do ...!")."""
    root = span.root
    if root.tag_ != "VB" or root.pos_ not in ("VERB", "AUX"):
        return False
    if lemma_of(root).lower() in word_set("claims_formulaic_imperatives"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in root.children):
        return False
    # the verb opens the clause (after quotes, "please", an adverb or a comma'd intro)
    for tok in span:
        if tok.i == root.i:
            return True
        if tok.is_punct or tok.text in QUOTE_CHARS or tok.pos_ in ("ADV", "INTJ", "SPACE"):
            continue
        return False
    return False


def doc_matches(doc: Doc) -> list[tuple[str, int, int]]:
    """All cue matches of a Doc as (cue name, start, end) token indices.

    Matching the whole Doc once is cheaper than once per sentence; ``find_cues``
    then picks the matches inside each sentence.
    """
    if not len(doc):
        return []
    ensure_lemmas(doc)  # the LEMMA patterns below; the parse skips the lemmatizer
    arr = doc.to_array(PATTERN_ATTRS)
    return _token_cues(arr) + _phrase_cues()(doc, arr)


def find_cues(span: Span, matches: list[tuple[str, int, int]] | None = None) -> list[Cue]:
    """Prescriptive and predictive cues in ``span`` (a sentence), in text order.

    ``matches``: the Doc's ``doc_matches`` (computed here when not given).
    """
    if matches is None:
        matches = doc_matches(span.doc)
    doc = span.doc
    cues: list[Cue] = []
    for name, start, end in matches:
        if start < span.start or end > span.end:
            continue
        tok = doc[start + _CUE_TOKEN.get(name, 0)]
        if name in _PRESCRIPTIVE_CUES:
            if _in_if_clause(tok):
                continue
            if name == "position_verb" and tok.tag_ == "VBG" and not any(
                    c.dep_ in ("aux",) and lemma_of(c) == "be" for c in tok.children):
                continue  # "... focusing mainly on", a participle, not a stance
            if name == "position_verb" and (is_to_infinitive(tok) or any(c.dep_ == "aux" and c.tag_ == "VBD"
                                                                         for c in tok.children)) and not _course_of(tok):
                # "what the prime minister did not want", "is likely to want to capitalise",
                # "right to want": a past or an infinitive is no stance taken (BBC politics)
                continue
            if name in _FRAMING_CUES and _frames_a_report(tok, demand=name == "speech_act"):
                continue
            if name == "course_verb" and not _commits_to_course(tok):
                continue
            if name in _CLAUSE_CUES and _describes_a_noun(tok):
                continue
            cues.append(Cue(PRESCRIPTIVE, name, tok.i))
        else:
            if in_modifier_clause(tok) or _in_if_clause(tok) or (name in _AHEAD_CUES and _reports_ahead(tok, name)):
                continue
            cues.append(Cue(PREDICTIVE, name, tok.i))
    if is_imperative(span) and not is_question(span):
        cues.append(Cue(PRESCRIPTIVE, "imperative", span.root.i))
    cues.sort(key=lambda c: c.token_i)
    return cues


def best_cue(cues: Iterable[Cue]) -> Cue | None:
    """The cue that decides the type: prescriptive beats predictive (docs/guidelines.md §5)."""
    cues = list(cues)
    for kind in (PRESCRIPTIVE, PREDICTIVE):
        of_kind = [c for c in cues if c.claim_type == kind]
        if of_kind:
            return max(of_kind, key=lambda c: c.confidence)
    return None


# --- what the sentence asserts ------------------------------------------------

#: longest attribution tail after a quoted question ('"Will it work?" the minister asked.')
MAX_ATTRIBUTION_TOKENS = 8


def is_question(span: Span, text: str | None = None) -> bool:
    """Is the sentence a question: it ends in a question mark (before closing quotes or
    brackets), or it is a quoted question plus a short attribution ('"Will it work?"
    the minister asked.')? docs/guidelines.md §5: questions are no claims."""
    text = _without_closers(span.text if text is None else text)
    if text.endswith("?"):
        return True
    if "?" not in text:
        return False
    reporting = reporting_verb_lemmas("claim")
    toks = list(span)
    for k in range(len(toks) - 1):
        if toks[k].text == "?" and toks[k + 1].text in QUOTE_CHARS:
            tail = [t for t in toks[k + 2:] if not t.is_punct]
            if len(tail) <= MAX_ATTRIBUTION_TOKENS and any(lemma_of(t).lower() in reporting for t in tail):
                return True
    return False


def has_proposition(span: Span) -> bool:
    """Does ``span`` contain a finite verb outside noun-modifying clauses (or a command)?

    "[of countries] in the Eurasian space to discuss ..." (a broken-off tail) and
    "An architecture that would ensure lasting peace ..." (a noun phrase whose
    only verb sits in a relative clause) assert nothing (docs/guidelines.md §5: fragments).
    """
    root = span.root
    for tok in span:
        if tok.tag_ in FINITE_TAGS and (tok.head.i == tok.i or tok.dep_ not in MODIFIER_DEPS and
                                        not in_modifier_clause(tok, root)):
            return True
    return is_imperative(span) or _mistagged_main_verb(span)


#: what a noun the parser made the root needs besides its subject to be a verb the tagger
#: missed ("The Lib Dems plan to oppose the Bill"): an object or a clause
_VERB_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp"})


def _mistagged_main_verb(span: Span) -> bool:
    """The sentence's root is a verb the tagger gave no finite tag, with its own nominal
    subject before it, in a sentence that ends like one: a plain statement (BBC, 33 of
    166 body sentences without a claim row: "Nicholas Betts-Green, ..., quit after
    reports ..." and "The men ... deny collecting votes" tagged VB, "A spokesman for UKIP
    called on Mr Hockney to quit" and "The House of Lords ruled by ..." VBN). Also a noun
    root with a subject and an object or clause ("The Lib Dems plan to oppose the Bill
    ...", `plan` tagged NN). Not a participle root ("a whole generation growing up ...",
    "Posters done by them ...": notes set without their auxiliary), nor an infinitive
    ("For the government to act now."), nor a line without closing punctuation (a
    headline or caption: "Candidate quits over BNP claims"); headings and questions are
    left out before this is asked."""
    root = span.root
    if root.head.i != root.i or root.tag_ == "VBG" or not _ends_like_a_sentence(span.text):
        return False
    kids = list(root.children)
    if not any(c.dep_ == "nsubj" and c.i < root.i for c in kids):
        return root.pos_ in ("NOUN", "PROPN") and _verb_made_a_modifier(root, kids)
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in kids):  # "For X to act", "... that X go"
        return False
    if root.pos_ == "VERB" and root.tag_ in ("VB", "VBN"):
        return root.tag_ == "VB" or root.lower_ not in word_set("claims_participle_forms")
    return root.pos_ == "NOUN" and any(c.dep_ in _VERB_COMPLEMENTS and c.i > root.i for c in kids)


def _verb_made_a_modifier(root: Token, kids: list[Token]) -> bool:
    """The subject's noun became the root and the main verb, tagged a participle, its
    modifier ("Vincent Cable, for the Liberal Democrats, called on Mr Brown to ...",
    "Trouble flared after nine French peacekeepers were killed", BBC 021 and 129): a
    regular past form (not `done`, `taken`: "Posters done by tbwa ...", a note) with no
    agent ("The qualifications achieved by those taking part ...": a noun phrase) and
    nothing else the noun governs but its own words."""
    verbs = [c for c in kids if c.dep_ == "acl" and c.i > root.i]
    if len(verbs) != 1 or any(c.dep_ == "conj" for c in kids):  # a list: "Courts, judges, ... - all working"
        return False
    verb = verbs[0]
    return verb.tag_ in ("VBN", "VBD") and verb.lower_ not in word_set("claims_participle_forms") \
        and not any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


def _ends_like_a_sentence(text: str) -> bool:
    return _without_closers(text).endswith((".", "!"))


def _without_closers(text: str) -> str:
    """``text`` without the closing quotation marks and brackets (and spaces) at its end."""
    text = text.rstrip()
    while text and (text[-1] in QUOTE_CHARS or text[-1] in ")]"):
        text = text[:-1].rstrip()
    return text


def content_span(span: Span) -> Span:
    """The reported content of a sentence, without its reporting frame.

    "The Belarusian diplomat stressed that consensus is not a technical process"
    -> "consensus is not a technical process"; "According to X, ..." drops the
    source phrase. A claim is typed by what is asserted, not by the reporting
    verb (docs/guidelines.md §5).
    """
    root = span.root
    reporting = reporting_verb_lemmas("claim")
    if lemma_of(root).lower() in reporting:
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
            while start < span.end and (span.doc[start].is_punct and span.doc[start].text not in QUOTE_CHARS):
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
    opens = [t.i for t in span if t.text in QUOTE_CHARS]
    first = next((t.i for t in span if not (t.is_punct and t.text not in QUOTE_CHARS) and not t.is_space), None)
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
    return lemma_of(root).lower() in reporting_verb_lemmas("judgment") and not any(
        c.dep_ == "ccomp" for c in root.children)


_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "prove"})


def evaluative_predicate(span: Span) -> bool:
    """The main predicate of ``span`` is a judgment word (resources/claims_evaluative_predicates.txt).

    "the OSCE has failed in all its peacekeeping attempts", "the OSCE became
    increasingly ineffective and biased", "X is an important and unique forum"
    (docs/guidelines.md §5.3). Only the root verb, its predicate adjective (acomp) or the
    adjectives of its predicate noun (attr) count, and their conjuncts: a judgment
    word elsewhere ("the most important international documents enshrine ...")
    does not make a report of facts a judgment.
    """
    lex = word_set("claims_evaluative_predicates")
    root = span.root
    # the main predicate, its conjuncts, and adverbial clauses ("... had lost credibility,
    # particularly as the OSCE became increasingly ineffective and biased")
    heads = [root] + [c for c in root.children if c.dep_ in ("conj", "advcl") and span.start <= c.i < span.end]
    for head in heads:
        if head.pos_ == "VERB" and lemma_of(head).lower() in lex:
            return True
        if lemma_of(head).lower() in _COPULAS or head.pos_ == "AUX":
            for c in head.children:
                if c.dep_ == "acomp":
                    words = [c] + [x for x in c.children if x.dep_ == "conj"]
                    if any(lemma_of(w).lower() in lex for w in words):
                        return True
                if c.dep_ == "attr":
                    if lemma_of(c).lower() in lex:
                        return True
                    mods = [x for x in c.children if x.dep_ in ("amod", "conj") and x.pos_ == "ADJ"]
                    mods += [y for x in mods for y in x.children if y.dep_ == "conj"]
                    if any(lemma_of(m).lower() in lex for m in mods):
                        return True
    return False
