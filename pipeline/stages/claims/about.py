"""What a claim is about, where its content is, and what kind of source asserts it
(docs/guidelines.md §5 ``about``; docs/spec.md: ``about``, ``content_start``/``content_end``,
``speaker_kind``).

* **content** (``content_start``/``content_end``): the asserted content inside the
  claim's span, without the attribution frame. A claim drawn from a quote
  (``quote_id``) has the part of the quote inside its span ("X said that <content>",
  "<content>," X said); otherwise the sentence, less a leading "According to X,"
  or a reporting frame the parse shows (``claims.cues.content_span``). Punctuation
  at either end is not part of a framed content, nor is a quotation mark there whose
  partner is not inside it: a content keeps both marks of a pair or neither
  (`... served "no current purpose"`); a claim with no frame is its own content
  (``content_start, content_end == start, end``).
* **about**: the canonical names of the named entities inside the content
  (persons, organisations, countries and regions, events, documents and laws;
  not nationalities, dates or numbers), plus the entities the content names by a
  description the text makes unambiguous: "our organization" / "the organization"
  -> the last organisation named before whose name, alias or expansion has that
  noun (a delegate at the OSCE: OSCE; "the party" -> Liberal Democrats, an alias of
  which is "Liberal Democrat Party"), "this document" / "the charter" -> the last
  document or law named before; a content whose subject is "it" (a verb other than
  "be", not impersonal, no finite adverbial clause before it) -> the organisation,
  event or law that frames it ("Qantas said it ...") or else the organisation, event or law that the
  subject of the claim before it in the paragraph names ("The charter ... It could
  serve as ..."). Persons named by a role or a "he"/"she" subject count too
  (:mod:`.people`: "the prime minister" -> the one person the document names in that role;
  "He chaired the Labour Party" -> the person named last before, as a subject, whose gender
  fits, when no one else may be meant). The speaker's other reported clauses in the
  sentence count too. The speaker and the attribution frame ("Igor Sekreta said at the OSCE Ministerial
  Council in Vienna", "BelTA has learned") are outside the content, so they are
  not what the claim is about, unless the content names them; news agencies
  inside it are editorial notes, not topics.
* **speaker_kind**: the kind of the quote the claim comes from; a claim with a
  speaker but no quote ("He also criticized ...") takes the kind that speaker has
  in the document's quotes; a claim without a speaker (the publication asserts it)
  has none either (null).

Scored by ``claims.score`` against ``data/gold/claims.jsonl`` (``about``, ``content``).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Mapping

import numpy as np
import pandas as pd
from spacy.tokens import Doc, Span, Token

from ...nlp.docs import lower_positions, sorted_ids
from ...nlp.lemmas import lemma
from ...resources import QUOTE_CHARS, impersonal_it_verbs, news_agencies
from ..entities.aliases import alias_kind, alias_names
from ..entities.forms import known_acronyms
from ..quotes.marks import scan_quotes
from .cues import content_span
from .people import DocPersons, persons_by_doc

#: entity labels a claim can be about (docs/guidelines.md §5: persons, organisations,
#: countries and regions, named events, documents and laws); NORP only when the alias
#: list calls the name an organisation ("Tories" -> Conservative Party)
ABOUT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "FAC"})
#: labels a pronoun subject of the content may point back at ("It could serve as ..." after
#: a claim about the charter): things, not people
_IT_LABELS = frozenset({"ORG", "EVENT", "LAW"})
#: nouns of a description that names an organisation, and of one that names a document
#: or law, the article named before ("our organization", "this charter")
BODY_NOUNS = frozenset({"organization", "organisation", "alliance", "union", "bloc", "assembly", "council",
                        "committee", "party", "agency", "commission", "bank", "fund", "court"})
DOCUMENT_NOUNS = frozenset({"document", "charter", "treaty", "act", "agreement", "accord", "accords",
                            "declaration", "convention", "pact", "resolution", "bill"})
_DESCRIBING = frozenset({"the", "this", "that", "our", "its", "their", "these"})
#: body nouns that also name an occasion, and the prepositions that make them one (``_an_occasion``)
_OCCASION_NOUNS = frozenset({"party"})
_OCCASION_PREPS = frozenset({"at", "during", "after", "before"})
_LINE_BREAK = re.compile("\n")  # a claim's paragraph: the line breaks before it
_PUNCT = frozenset(" \n\t,.;:!?-–—")  # punctuation a framed content never starts or ends with

NEW_COLUMNS = ("speaker_kind", "about", "content_start", "content_end")


@lru_cache(maxsize=128)  # a batch's texts (64 by default): the candidates' pass, then the clauses annotate_claims trims
def _paired_marks(text: str) -> dict[int, tuple[tuple[int, int], tuple[int, int]]]:
    """Each character of a quotation mark that the quotes stage pairs (``marks.scan_quotes``:
    curly, straight, ``/'' and guillemets) -> (the mark's extent, its partner's extent).
    Once per text: ``content_of`` reads it for every claim of a document."""
    out: dict[int, tuple[tuple[int, int], tuple[int, int]]] = {}
    for sp in scan_quotes(text).spans:
        if not sp.closed:
            continue
        width = 2 if sp.double and text[sp.open_pos:sp.open_pos + 2] in ("``", "''") else 1
        opening = (sp.open_pos, sp.open_pos + width)
        width = 2 if sp.double and text[sp.close_end - 2:sp.close_end] == "''" else 1
        closing = (sp.close_end - width, sp.close_end)
        for mark, partner in ((opening, closing), (closing, opening)):
            for i in range(*mark):
                out[i] = (mark, partner)
    return out


def _trim(text: str, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """[a, b) without punctuation at either end, and without a quotation mark there
    whose partner is not inside: a content keeps both marks of a pair or neither (BBC
    002: `they served "no current purpose", Mr Thomas said` lost only its closing mark,
    307 of 6,117 contents ended inside an open quote). A pair that encloses the whole
    content goes; a mark nothing pairs (an apostrophe, a quote closed by the paragraph
    end) goes at an end as before. The marks right outside [a, b), within the claim
    [lo, hi), are read too: a parse's clause starts after the mark that opens it
    (BBC 080: `According to the report, "more than half" the qualifications ...`)."""
    paired = _paired_marks(text)
    while a > lo and text[a - 1] in QUOTE_CHARS:
        a -= 1
    while b < hi and text[b] in QUOTE_CHARS:
        b += 1
    while a < b:
        if text[a] in _PUNCT:
            a += 1
        elif text[b - 1] in _PUNCT:
            b -= 1
        elif text[a] in QUOTE_CHARS and not _partner_inside(paired.get(a), a, b):
            a = paired[a][0][1] if a in paired else a + 1
        elif text[b - 1] in QUOTE_CHARS and not _partner_inside(paired.get(b - 1), a, b):
            b = paired[b - 1][0][0] if b - 1 in paired else b - 1
        elif text[a] in QUOTE_CHARS and paired[a][1][1] == b:  # `"<content>"`: the pair encloses it
            a, b = paired[a][0][1], paired[a][1][0]
        else:
            break
    return a, b


def _partner_inside(pair: tuple[tuple[int, int], tuple[int, int]] | None, a: int, b: int) -> bool:
    """The mark of ``pair`` lies in [a, b), and so does its partner."""
    return pair is not None and a <= pair[0][0] and pair[0][1] <= b and a <= pair[1][0] and pair[1][1] <= b


#: most words of a reported clause before the quoted phrase it holds (``content_of``)
_CLAUSE_LEAD_WORDS = 6
_WORD = re.compile(r"\w+")


def content_of(doc: Doc | None, text: str, start: int, end: int, quote: tuple[int, int] | None,
               direct: bool = False, frame: tuple[Span, Span] | None = None) -> tuple[int, int]:
    """Characters of the asserted content of the claim [start, end) (module docstring).
    ``quote``: the span of the quote the claim overlaps most, ``direct`` when it is a
    direct quote; ``frame``: the claim's span and its ``content_span`` where the caller has
    them already (found here otherwise)."""
    if quote is not None:
        a, b = max(start, quote[0]), min(end, quote[1])
        if b > a:
            a, b = _trim(text, a, b, start, end)
            # a quoted phrase inside the reported clause is part of what was said, not all
            # of it: `He said police had "acknowledged their duty to investigate ..."`
            # asserts the clause, subject and all (BBC politics: 7 of 40 articles kept
            # only the phrase, and `about` lost the clause's subject). The clause's own
            # words before the phrase are few (`police had`, `there was`); not a frame the
            # parse ran on to a quote a colon introduces (`... but argued: "He has ..."`)
            clause = _clause(doc, text, start, end, frame) if direct and a > start else None
            if clause is not None and clause[0] < a and b <= clause[1]:
                lead = text[clause[0]:a]
                if ":" not in lead and 0 < len(_WORD.findall(lead)) <= _CLAUSE_LEAD_WORDS:
                    return clause
            return a, b
    return _clause(doc, text, start, end, frame) or (start, end)  # no frame: the content is the claim (docs/spec.md)


def _clause(doc: Doc | None, text: str, start: int, end: int, frame=None) -> tuple[int, int] | None:
    """The reported clause of the claim [start, end) on its parse (``cues.content_span``),
    or None when the parse finds no frame around it; ``frame``: as ``content_of``'s."""
    if frame is not None:
        span, c = frame
    else:
        span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
        if span is None or not len(span):
            return None
        c = content_span(span)
    if (c.start, c.end) == (span.start, span.end):
        return None
    return _trim(text, max(start, c.start_char), min(end, c.end_char), start, end)


class _DocEntities:
    """One document's entity mentions, in order, with what a claim can be about."""

    def __init__(self, rows: list[tuple[int, int, str, str]], doc: Doc | None = None):
        """``rows``: (start, end, label, canonical name) of the document's mentions;
        ``doc``: its parse, whose body and document nouns ``described`` reads."""
        self.rows = sorted(rows, key=lambda r: r[0])
        self.starts = np.asarray([r[0] for r in self.rows], dtype=np.int64)
        self.label_of = {name: label for _, _, label, name in self.rows}
        # the tokens that may describe a body or a document, found once per document:
        # reading every token of every claim made a Token object each (0.05 s per 400
        # BBC articles) for the few that are such a noun
        self.doc = doc
        self.nouns = lower_positions(doc, _describing_noun_ids()) if doc is not None else None

    def inside(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        lo = int(np.searchsorted(self.starts, a, side="left"))
        hi = int(np.searchsorted(self.starts, b, side="left"))
        return [r for r in self.rows[lo:hi] if r[1] <= b]

    def at(self, pos: int) -> list[tuple[int, int, str, str]]:
        """Mentions covering the character ``pos``."""
        hi = int(np.searchsorted(self.starts, pos, side="right"))
        # mentions do not overlap (``doc.ents``): only the last one starting at or
        # before ``pos`` can cover it
        return [r for r in self.rows[max(0, hi - 1):hi] if r[0] <= pos < r[1]]

    def before(self, pos: int) -> list[tuple[int, int, str, str]]:
        """Mentions ending before ``pos``, nearest first."""
        hi = int(np.searchsorted(self.starts, pos, side="left"))
        return [r for r in reversed(self.rows[:hi]) if r[1] <= pos]


def _mentions_by_doc(entities: pd.DataFrame) -> dict[str, list[tuple[int, int, str, str]]]:
    """(start, end, label, canonical name, else the text) of every mention, per document:
    the columns are read once for the whole batch (a sub-frame per document cost more
    than the claims' own work)."""
    if not len(entities):
        return {}
    canon = entities["canonical"].where(entities["canonical"].notna(), entities["text"])
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for doc_id, *row in zip(entities["doc_id"], entities["start"].astype(int), entities["end"].astype(int),
                            entities["label"].astype(str), canon.astype(str)):
        out.setdefault(doc_id, []).append(tuple(row))
    return out


def aboutable(label: str, name: str) -> bool:
    """A name a claim can be about. Not a news agency: inside a claim it is an
    editorial note ("(CSTO - TASS here and henceforth)") or the source ("BelTA has
    learned"), never the topic."""
    if name.casefold() in news_agencies():
        return False
    return label in ABOUT_LABELS or _is_body(label, name)


@lru_cache(maxsize=1)
def _describing_noun_ids() -> np.ndarray:
    return sorted_ids(BODY_NOUNS | DOCUMENT_NOUNS)


def _is_body(label: str, name: str) -> bool:
    """An organisation, or a party named by its members' adjective (NORP "Tories") that
    the alias list calls an organisation."""
    return label == "ORG" or (label == "NORP" and alias_kind(name) == "organisation")


def _span(doc: Doc | None, a: int, b: int) -> Span | None:
    """The tokens of the characters [a, b), or None (no Doc, or no whole token)."""
    span = doc.char_span(a, b, alignment_mode="contract") if doc is not None else None
    return span if span is not None and len(span) else None


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    """The words of ``name``, of its expansion and of its aliases ("Liberal Democrats"
    -> also "party", from the alias "Liberal Democrat Party")."""
    forms = [name, known_acronyms().get(name) or "", *alias_names().get(name, ())]
    return frozenset(w.lower() for form in forms for w in form.replace("-", " ").split())


def described(span: Span | None, ents: _DocEntities) -> list[str]:
    """Entities the content ``span`` names by a description ("our organization" -> OSCE)."""
    if span is None:
        return []
    if ents.nouns is None or span.doc is not ents.doc:  # a span of another parse (another caller): every token
        tokens = iter(span)
    else:
        nouns, doc = ents.nouns, span.doc
        tokens = (doc[i] for i in nouns[bisect.bisect_left(nouns, span.start):bisect.bisect_left(nouns, span.end)])
    return [name for name in map(lambda t: _description(t, ents), tokens) if name is not None]


def _describes(doc: Doc | None, start: int) -> bool:
    """The generic name at character ``start`` is set by a word that points back
    (``_DESCRIBING``: `the Party`, `its Party`), or by none (`Party officials`)."""
    if doc is None:
        return True
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    return all(c.lower_ in _DESCRIBING for c in head.children if c.dep_ in ("det", "poss")) \
        and not any(c.dep_ == "amod" and c.lower_ == "own" for c in head.children)


def _an_occasion(t: Token) -> bool:
    """`wearing a swastika armband at the party`: a party one goes to, not a political
    one (BBC politics: the Liberal Democrats named before became what the photograph is
    about); the object of a preposition of place or time that hangs on no noun (`a
    senior figure at the party` is one of its people)."""
    return t.lower_ in _OCCASION_NOUNS and t.dep_ == "pobj" and t.head.lower_ in _OCCASION_PREPS \
        and t.head.head.pos_ not in ("NOUN", "PROPN", "PRON")


def _description(t: Token, ents: _DocEntities) -> str | None:
    """The entity the token names as a description ("our organization", "the bill"): the
    last body (document or law) named before whose name has that noun."""
    low = t.lower_
    # the word first: it rules out nearly every token, before the costlier attributes
    if not (low in BODY_NOUNS or low in DOCUMENT_NOUNS) or t.pos_ != "NOUN" or t.ent_type_:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _DESCRIBING for c in t.children) or _an_occasion(t):
        return None
    for s, e, label, name in ents.before(t.idx):
        # a party named by its members' adjective counts ("the local Conservative
        # chairman ... The party says": the Conservative Party, not a party named before)
        if low in BODY_NOUNS and _is_body(label, name) and low in _name_words(name):
            return name
        if low in DOCUMENT_NOUNS and label == "LAW" and (low in ("document", "bill") or low in _name_words(name)):
            return name
    return None


def _generic_body(ents: _DocEntities, start: int, name: str) -> str | None:
    """"the Organization's activities" tagged as an organisation named "Organization":
    a description of the body named before whose name has that noun; not one that
    another word owns or leaves open (`start up your own Party`, BBC politics: not the UK
    Independence Party named before)."""
    low = name.lower()
    if low not in BODY_NOUNS or not _describes(ents.doc, start):
        return None
    for s, e, label, other in ents.before(start):
        if label == "ORG" and other.lower() != low and low in _name_words(other):
            return other
    return None


def _named(ents: _DocEntities, s: int, label: str, name: str) -> str:
    """The name a mention stands for: an organisation's generic name ("the Organization")
    is the body named before it."""
    return _generic_body(ents, s, name) or name if label == "ORG" else name


def about_names(span: Span | None, ents: _DocEntities, a: int, b: int) -> list[str]:
    """Canonical names the content [a, b) (its tokens ``span``) is about, in text order, each once."""
    names = [_named(ents, s, label, name) for s, e, label, name in ents.inside(a, b) if aboutable(label, name)]
    names += described(span, ents)
    return list(dict.fromkeys(names))


def _subject(span: Span | None) -> Token | None:
    """The head of the subject of the main clause of ``span``, if it has one."""
    if span is None:
        return None
    root = span.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass") and span.start <= c.i < span.end:
            return c
    return None


def _finite(clause: Token) -> bool:
    """A clause with a subordinator or a subject of its own ("if the government is
    serious", "once Britain had opted in"), not a phrase ("Subject to approval by
    shareholders", "Following the death of ...") whose understood subject is the main one."""
    return any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in clause.children)


def _referring_it(subject: Token | None) -> bool:
    """The content's main clause has "it" for subject and a verb that is not "be"
    ("It could serve as the foundation ...", not "It is essential to ..."), with no
    adverbial clause before it: after "If the government is serious ..., it needs"
    or "once Britain had opted in, then it could not opt out", "it" names something
    of that clause (BBC, 2,225 articles: each such case read wrong); a phrase without a
    subject of its own ("Subject to approval by shareholders, it will buy") does not."""
    if subject is None or subject.lower_ != "it":
        return False
    root = subject.head
    if root.pos_ != "VERB" or any(c.dep_ == "advcl" and c.i < subject.i and _finite(c) for c in root.children):
        return False
    # an impersonal "it" ("it emerged that ...", "it is thought that ...") names nothing
    verb = lemma(root)
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") for c in root.children)
    if verb in impersonal_it_verbs("always") or (clause and verb in impersonal_it_verbs("clause")):
        return False
    return not (subject.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in root.children))


def _subject_names(subject: Token | None, ents: _DocEntities) -> list[str]:
    """The things (organisations, events, laws) the subject of a clause names: its head,
    a name set beside it ("its own internet business, AOL, had ..."), or its owner
    ("Heineken's net income fell ... It blamed weak demand"); "the bill" after the bill
    was named."""
    if subject is None:
        return []
    described_as = _description(subject, ents)
    out = [described_as] if described_as is not None else []
    # (not beside a person: "Labour's John Prescott said it would cost ...": "it" is no party)
    at_subject = ents.at(subject.idx)
    beside = [] if any(label == "PERSON" for _, _, label, _ in at_subject) else \
        [c for c in subject.children if c.dep_ in ("appos", "poss")]
    beside += [c for b in beside for c in b.children if c.dep_ == "compound"]  # "Google Video beta"
    for found in [at_subject, *(ents.at(t.idx) for t in beside)]:
        for s, e, label, name in found:
            if label in _IT_LABELS and aboutable(label, name):  # never a news agency ("Reuters said it ...")
                out.append(_named(ents, s, label, name))
    return out


def _topic(subject: Token | None, it_names: list[str], things: list[str], ents: _DocEntities) -> list[str]:
    """The one thing of ``things`` a later "it" points back at: the one the subject names
    (``it_names`` when the subject is "it"). A pronoun subject points back at the subject
    of the sentence before, not at a name deeper in it (the centering preference, Grosz,
    Joshi & Weinstein 1995): "There was controversy over a poster offered to Labour
    members. It showed ..." is the poster."""
    named = it_names if subject is not None and subject.lower_ == "it" else _subject_names(subject, ents)
    for thing in things:
        if thing in named:
            return [thing]
    return []


def annotate_claims(claims: pd.DataFrame, quotes: pd.DataFrame, entities: pd.DataFrame,
                    documents: pd.DataFrame, docs: Mapping[str, Doc],
                    contents: list[tuple[int, int]] | None = None) -> pd.DataFrame:
    """``claims`` with ``speaker_kind``, ``about``, ``content_start`` and ``content_end``.
    ``contents``: each row's content span (:func:`content_of`) where the caller found it."""
    out = claims.copy()
    if not len(out):
        for col in NEW_COLUMNS:
            out[col] = pd.Series(dtype=object if col in ("speaker_kind", "about") else "Int64")
        return out
    texts = dict(zip(documents["doc_id"], documents["text"]))
    # the quotes as plain column lists, their rows grouped by document (a sub-frame per
    # document cost more than the per-claim work)
    q_rows: dict[str, list[int]] = {}
    if len(quotes):
        q_start, q_end = quotes["start"].astype(int).tolist(), quotes["end"].astype(int).tolist()
        q_id, q_speaker = quotes["quote_id"].tolist(), quotes["speaker"].tolist()
        q_kind = quotes["speaker_kind"].tolist() if "speaker_kind" in quotes.columns else [None] * len(quotes)
        q_direct = (quotes["kind"] == "direct").tolist() if "kind" in quotes.columns else [True] * len(quotes)
        for k, d in enumerate(quotes["doc_id"].tolist()):
            q_rows.setdefault(d, []).append(k)
    mentions = _mentions_by_doc(entities)
    persons = persons_by_doc(entities)
    kinds, abouts, c0s, c1s = [], [], [], []
    cache: dict[str, tuple] = {}
    previous: dict[str, tuple[int, list[str]]] = {}  # doc -> (paragraph, the one thing the last claim was about)
    by_speaker = {d: [(q_start[k], q_end[k], q_id[k], q_speaker[k]) for k in rows] for d, rows in q_rows.items()}
    for i, (doc_id, start, end, speaker, quote_id) in enumerate(zip(
            out["doc_id"], out["start"].astype(int), out["end"].astype(int), out["speaker"], out["quote_id"])):
        if doc_id not in cache:
            rows = q_rows.get(doc_id, ())
            by_id = {int(q_id[k]): (q_start[k], q_end[k], q_kind[k]) for k in rows}
            kind_of = {q_speaker[k]: q_kind[k] for k in rows}
            text = texts.get(doc_id, "")
            breaks = [m.start() for m in _LINE_BREAK.finditer(text)]  # paragraph of a position: bisect
            doc = docs.get(doc_id)
            person_rows, qualifiers = persons.get(doc_id, ([], {}))
            people = DocPersons(person_rows, qualifiers, text, [(q_start[k], q_end[k]) for k in rows], doc)
            direct = {int(q_id[k]) for k in rows if q_direct[k]}
            cache[doc_id] = (by_id, kind_of, _DocEntities(mentions.get(doc_id, []), doc), text, breaks, people, direct)
        by_id, kind_of, ents, text, breaks, people, direct = cache[doc_id]
        doc = ents.doc
        quote = by_id.get(int(quote_id)) if pd.notna(quote_id) else None
        found = contents[i] if contents is not None else None
        a, b = found if found is not None else content_of(doc, text, start, end, quote[:2] if quote else None,
                                                          quote is not None and int(quote_id) in direct)
        c0s.append(a)
        c1s.append(b)
        span = _span(doc, a, b)
        names = about_names(span, ents, a, b)
        if quote is not None:
            # the same speaker's other reported clauses in the sentence ("Belarus has
            # "already formulated ...," the minister recounted, noting that ...")
            for q0, q1, _, spk in by_speaker.get(doc_id, ()):
                if spk == speaker and q0 < end and q1 > start and (q0, q1) != quote[:2]:
                    a2, b2 = _trim(text, max(q0, start), min(q1, end), start, end)
                    names += about_names(_span(doc, a2, b2), ents, a2, b2)
        prev = previous.get(doc_id)
        subject = _subject(span)
        framed = (a, b) != (start, end)
        referring = _referring_it(subject)
        # the frame's subject, only where it is read: an "it" content, or a topic below
        frame_subject = _subject(_span(doc, start, end)) if framed and referring else None
        it_names: list[str] = []
        if referring:
            # "Qantas said it was looking ...": the thing framing the content; else
            # "It could serve ...": the thing the claim before, in the paragraph, was about
            it_names = _subject_names(frame_subject, ents)[:1]
            if not it_names and prev is not None and prev[0] == bisect.bisect_left(breaks, start):
                it_names = prev[1]
            names = it_names + names
        if not isinstance(speaker, str):
            kind = None  # the publication's own claim: no speaker, no kind (docs/guidelines.md §4.6)
        else:
            kind = (quote[2] if quote is not None else kind_of.get(speaker)) or "unknown"
        # the persons it names by a pronoun subject or a role (claims.people); a pronoun
        # inside a direct quote is whom the speaker talks about, which the quote does not say
        spk = speaker if isinstance(speaker, str) else None
        he = [] if quote is not None and int(quote_id) in direct else people.by_pronoun(subject, spk, kind)
        names = he + names + people.by_role(span, spk)
        names = list(dict.fromkeys(names))
        abouts.append(names)
        things = [n for n in names if ents.label_of.get(n) in _IT_LABELS]
        keep = _topic(subject, it_names, things, ents) if things else []
        if things and not keep and framed:  # "Heineken said it ...": the frame's subject
            keep = _topic(frame_subject if referring else _subject(_span(doc, start, end)), [], things, ents)
        previous[doc_id] = (bisect.bisect_left(breaks, end), keep)
        kinds.append(kind)
    out["speaker_kind"] = kinds
    out["about"] = abouts
    out["content_start"] = pd.array(c0s, dtype="Int64")
    out["content_end"] = pd.array(c1s, dtype="Int64")
    return out


def sync_sources(claims: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The claims stage's corpus-wide ``finalize``: a claim drawn from a quote has that
    quote's speaker and speaker_kind, as the quotes' own corpus pass left them
    (:func:`pipeline.stages.quotes.roles.resolve_roles`)."""
    if not len(claims) or not len(quotes) or "speaker_kind" not in quotes.columns:
        return claims
    src = quotes[["doc_id", "quote_id", "speaker", "speaker_kind"]].rename(
        columns={"speaker": "_speaker", "speaker_kind": "_kind"})
    src = src.astype({"quote_id": "int64"})
    keyed = claims[["doc_id", "quote_id"]].copy()
    has = keyed["quote_id"].notna()
    keyed["quote_id"] = keyed["quote_id"].fillna(-1).astype("int64")
    merged = keyed.merge(src, on=["doc_id", "quote_id"], how="left")
    out = claims.copy()
    take = has.to_numpy() & merged["_kind"].notna().to_numpy()
    out.loc[take, "speaker"] = merged.loc[take, "_speaker"].to_numpy()
    out.loc[take, "speaker_kind"] = merged.loc[take, "_kind"].to_numpy()
    return out
