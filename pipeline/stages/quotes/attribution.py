"""Find quotes and their attribution on the existing spaCy parse (issue 4).

Direct quotes come from ``quotes_marks`` (pairs of quotation marks); this
module decides which quoted spans are quotes at all (not titles, not scare
quotes) and finds each one's cue and speaker mention. Indirect quotes come
from reporting verbs (a lexicon kept as data) with a content clause in the
dependency parse, and from ``according to X``. Speaker *resolution* (pronouns,
descriptions, canonical names) is ``speakers.py``'s job; this module only
points at the mention.

A quoted span is dropped when a title word precedes it (``titled``, ``named``,
``so-called``: ``title_cues.txt``), when it has one to three words and is not
a whole attributed utterance (scare quote), or when it is in Title Case with
no attribution or right after a verb (a name). Its attribution is looked for
in this order, each rule from a guideline case or a PolNeAR train pattern:

1. after the closing mark, within a few tokens and before any other verb
   (``"...," Igor Sekreta said`` / ``said X``; after ``"...,"``/``!``/``?`` any
   verb with a speaking subject: ``"...," Trump barked``);
2. a dash and a name (``"..." ― Pamela Padilla``), ``"...," according to X``;
3. before the opening mark in the same sentence: ``According to X, "..."``,
   the nearest cue verb with a subject (``X said: "..."``, partial quotes in
   reported speech), or a clause/name and a colon (``Kasich: '...'``);
4. a cue verb anywhere after the quote in its sentence;
5. mid-sentence, the main clause's subject if it can speak
   (``Aleinik named the need to "strengthen ..."``), else no speaker;
6. a quote that is a sentence of its own: the speaker of the previous
   sentence's attribution, or the person it is about (stage, ``continuation``).

Everything works on one parsed ``Doc``: token heads and dependency labels,
``doc.sents``; no second parse, only light Python per sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.attrs import IDX, LOWER, POS
from spacy.parts_of_speech import IDS as UNIV_POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...nlp.lemmas import lemma as lemma_of
from ..names import title_words
from .marks import QuotedSpan, scan_quotes
from ...resources import QUOTE_CHARS, word_list, word_set

# --- lexicons ---------------------------------------------------------------


@dataclass(frozen=True)
class CueLexicon:
    single: frozenset[str]                 # lemmas that are cues on their own
    phrasal: frozenset[tuple[str, str]]    # (lemma, particle) pairs: ("point", "out")


def _lexicon(names: tuple[str, ...]) -> CueLexicon:
    single, phrasal = set(), set()
    for name in names:
        for entry in word_list(name):
            parts = entry.lower().split()
            if len(parts) == 1:
                single.add(parts[0])
            else:
                phrasal.add((parts[0], " ".join(parts[1:])))
    return CueLexicon(frozenset(single), frozenset(phrasal))


@lru_cache(maxsize=None)
def speech_lexicon() -> CueLexicon:
    return _lexicon(("reporting_verbs",))


@lru_cache(maxsize=None)
def attribution_lexicon() -> CueLexicon:
    """Speech verbs plus belief verbs: any of them attributes words in quotation marks."""
    return _lexicon(("reporting_verbs", "belief_verbs"))


_VERB_POS = frozenset({"VERB", "AUX"})
_VERB_POS_IDS = np.asarray(sorted(UNIV_POS[p] for p in _VERB_POS), dtype=np.uint64)
_ACCORDING = get_string_id("according")
# Subject dependencies that name who speaks (a passive subject is what was said, not who).
_SUBJ_DEPS = frozenset({"nsubj"})
# A cue verb without a subject of its own takes the subject of the verb it hangs
# from: `He said X and added that ...` (conj), `wants to say` (xcomp),
# `..., adding that ...` (advcl with a gerund).
_SUBJ_INHERIT_DEPS = frozenset({"conj", "xcomp"})
_PRONOUN_NO_SPEAKER = frozenset({"there", "this", "that", "what", "which", "who", "whom"})
_RELATIVE = frozenset({"who", "that"})


def cue_particle(tok: Token, lex: CueLexicon) -> Token | None | bool:
    """``False`` if ``tok`` is not a cue; else the particle token of a phrasal cue or None."""
    if tok.pos_ not in _VERB_POS:
        return False
    lemma = lemma_of(tok).lower()
    for child in tok.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in lex.phrasal:
            return child
    if lemma in lex.single:
        return None
    return False


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


def _speaker_like(tok: Token) -> bool:
    """Could say something: a name, a personal pronoun, or a role noun."""
    return tok.pos_ in ("PROPN", "PRON") or bool(tok.ent_type_) or tok.lower_ in title_words()


_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos", "nsubjpass", "oprd", "dep", "pobj"})


def _inverted_subject(verb: Token) -> Token | None:
    """`"...," said Leslie Wimes`: after a quote the parser sometimes files the
    post-verbal speaker as an object; take a name or role noun right after the verb."""
    for c in verb.rights:
        if c.dep_ in ("punct",):
            continue
        if c.dep_ in _INVERTED_DEPS and c.left_edge.i - verb.i <= 2 and _speaker_like(c):
            return c
        return None
    return None


def _shouting_heading(tok: Token) -> bool:
    """An all-caps dateline or section word the parser took for a subject
    (`WASHINGTON -- President Obama ... said`, `THE BORROWING Back when ...`):
    not an organisation acronym like CNN or NATO."""
    return len(tok.text) >= 4 and tok.text.isupper() and tok.text.isalpha() and tok.ent_type_ not in ("ORG", "PERSON")


def _heading_person(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("appos", "conj", "npadvmod", "compound") and c.pos_ == "PROPN" and not _shouting_heading(c):
            return c
    return None


def subject_of(verb: Token, inverted: bool = False, avoid=None) -> Token | None:
    """Who does ``verb``: its nominal subject, inherited along conj/xcomp chains;
    with ``inverted``, also a speaker placed right after the verb (`said X`).
    ``avoid(token)``: subjects to pass over (a word inside the quote itself, which
    the parser sometimes files as a second subject: `"... mode," said Wimes`)."""
    if inverted:
        got = subject_of(verb, avoid=avoid)
        if got is None and not any(c.dep_ in _SUBJ_DEPS and not (avoid and avoid(c)) for c in verb.children):
            got = _inverted_subject(verb)
        return got
    v = verb
    inherited_advcl = False
    for _ in range(4):
        for c in v.children:
            if c.dep_ in _SUBJ_DEPS and not (avoid and avoid(c)):
                if c.lower_ in _RELATIVE and v.dep_ == "relcl":
                    return v.head  # `Mr. Clarke, who said ...`: the noun the clause describes
                if c.lower_ in _PRONOUN_NO_SPEAKER:
                    return None
                # `This document aims to ..., emphasizing opposition`: a gerund inherits
                # the subject only when that subject can speak.
                if inherited_advcl and not _speaker_like(c):
                    return None
                if _shouting_heading(c):
                    return _heading_person(c)
                return c
        if v is verb and verb.i > 0:
            # `"Cruz," Beck joked`: a name right before the verb and hanging from it
            # (as `compound`) is its subject, before any inherited one.
            prev = verb.doc[verb.i - 1]
            if prev.pos_ == "PROPN" and prev.head.i == verb.i and not (avoid and avoid(prev)):
                return prev
        if v.dep_ in _SUBJ_INHERIT_DEPS:
            v = v.head
        elif v.dep_ in ("advcl", "pcomp", "acl") and v.tag_ == "VBG":
            # `..., saying that ...`, `in saying ...`: the gerund's subject is the clause's
            inherited_advcl = True
            v = v.head if v.dep_ != "pcomp" else v.head.head
        else:
            break
    # The small parser sometimes misses the subject of a reporting verb after a long
    # opener (`In a meeting with the Washington Post Trump said that ...`): a proper
    # name right before the verb is its speaker.
    doc = verb.doc
    k = verb.i - 1
    if k >= 1 and doc[k].text == "," and doc[k - 1].pos_ == "PROPN":
        k -= 1  # `her senior policy adviser, Jake Sullivan, said: ...`
    prev = doc[k] if k >= 0 else None
    if v is verb and prev is not None and prev.pos_ == "PROPN" and not verb.is_sent_start:
        return prev
    return None


def mention_bounds(head: Token) -> tuple[int, int]:
    """Char span of the speaker mention headed by ``head``: its left modifiers and
    the head, plus right-hand `of`-phrases and names, cut at the first comma, so
    relative clauses and appositions (`Trump, who ...`) stay out."""
    left = head.i
    for c in head.lefts:
        if c.dep_ not in ("punct", "cc", "relcl", "acl", "appos", "advmod", "preconj"):
            left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ in ("punct", "relcl", "acl", "appos", "cc", "conj", "advmod"):
            break
        if c.dep_ in ("prep", "compound", "flat", "nummod", "nmod", "case", "poss", "pobj"):
            right = c.right_edge.i
        else:
            break
    doc = head.doc
    while left < head.i and (doc[left].is_punct or doc[left].text in QUOTE_CHARS):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].text in QUOTE_CHARS):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


# --- records ----------------------------------------------------------------


@dataclass
class Attribution:
    kind: str                       # "direct" | "indirect"
    start: int                      # content span (chars)
    end: int
    cue: tuple[int, int] | None     # cue span (chars)
    speaker_head: Token | None      # head token of the speaker mention
    speaker_span: tuple[int, int] | None
    how: str                        # after|before|according|colon|dash|partial|shared|continuation|unattributed|indirect
    sent_index: int                 # index of the sentence (doc.sents order) where the quote starts
    closed: bool = True
    open_pos: int = -1              # direct quotes: the opening and closing marks
    close_end: int = -1


@dataclass
class DocQuotes:
    attributions: list[Attribution]
    problems: list[str]
    sents: list[Span]               # the doc's sentences, listed once; Attribution.sent_index indexes it


# --- helpers over one doc ---------------------------------------------------


class _DocIndex:
    """Token and sentence lookups for one Doc, built once."""

    def __init__(self, doc: Doc, spans: list[QuotedSpan], text: str):
        self.doc = doc
        self.text = text
        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sents = list(doc.sents)
        self.sent_starts = [s.start for s in self.sents]
        # quote id of each token (-1: outside every quoted span)
        self.in_quote = self.span_of_token([(sp.open_pos, sp.close_end) for sp in spans])

    def span_of_token(self, spans: list[tuple[int, int]]) -> list[int]:
        """Per token, the index of the first char span [start, end) in ``spans`` that
        covers it (marks included), or -1."""
        out = [-1] * len(self.doc)
        for k, (start, end) in enumerate(spans):
            for i in range(self.token_at(start), self.token_at(max(end - 1, start)) + 1):
                if out[i] == -1:
                    out[i] = k
        return out

    def quoted(self, tok: Token) -> bool:
        return self.in_quote[tok.i] != -1

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def sent_index(self, tok_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, tok_i) - 1)


_TRIM_LEFT_WORDS = frozenset({"that", "whether", "if"})


def _trim_tokens(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation, quotation marks and a leading complementiser from token range [a, b]."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or doc[a].text in QUOTE_CHARS
                      or (doc[a].lower_ in _TRIM_LEFT_WORDS and doc[a].dep_ == "mark")):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space or doc[b].text in QUOTE_CHARS):
        b -= 1
    return a, b


def _alpha_count(doc: Doc, a: int, b: int) -> int:
    return sum(1 for i in range(a, b + 1) if doc[i].is_alpha)


# --- direct quotes ----------------------------------------------------------

_WORDS_RE = re.compile(r"[\w-]+")
SCARE_MAX_WORDS = 3  # GUIDELINES 4: scare quotes of one to three words are not quotes
_STOP_TITLE = frozenset({"a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "at", "by", "with", "from", "vs"})


def _n_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _title_like(text: str) -> bool:
    """Title Case content with no sentence punctuation: a name of a thing, not speech."""
    words = [w.strip("()[]:;,.!?\"'") for w in text.split()]
    words = [w for w in words if w and w.lower() not in _STOP_TITLE and w[0].isalpha()]
    # a trailing comma or period is American punctuation style, not a sign of speech
    if len(words) < 2 or text.rstrip()[-1:] in "!?":
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.75


def _find_after_cue(ix: _DocIndex, first: int, last: int, lex: CueLexicon, strict: bool, open_ended: bool = False):
    """Cue verb in tokens [first, last] after a quote. ``strict``: the cue must come
    within a few tokens with no other verb before it (`"...," the minister said`).
    ``open_ended``: the quote ended in a comma, `!` or `?` inside its marks, the
    sentence goes on, so the first verb after it is the way it was said whatever the
    verb (`"Go back to Univision," Trump barked`) if its subject can speak."""
    doc = ix.doc
    for i in range(first, last + 1):
        if ix.in_quote[i] != -1:
            break
        tok = doc[i]
        if is_cue(tok, lex):
            subj = subject_of(tok, inverted=True, avoid=ix.quoted)
            if subj is not None and ix.in_quote[subj.i] == -1:
                return tok, subj
            if strict:
                return None
        elif strict and (tok.pos_ in _VERB_POS or i - first > 14):
            if open_ended and tok.pos_ == "VERB" and not is_negated(tok):
                subj = subject_of(tok, avoid=ix.quoted)
                if subj is not None and ix.in_quote[subj.i] == -1 and subj.i < tok.i and (
                        subj.lower_ in ("he", "she", "they") or (_speaker_like(subj) and subj.pos_ != "PRON")):
                    return tok, subj
            return None
    return None


def _according(ix: _DocIndex, first: int, last: int):
    doc = ix.doc
    for i in range(first, min(last, len(doc) - 1)):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and ix.in_quote[i] == -1:
            for c in doc[i + 1].children:
                if c.dep_ == "pobj":
                    return doc[i], doc[i + 1], c
    return None


def _find_before_cue(ix: _DocIndex, first: int, last: int, lex: CueLexicon, quote_tok: int):
    """Cue before a quote in tokens [first, last]: the closest cue verb whose subject is
    outside quotes; ``According to X``; or a colon after a clause with a subject."""
    doc = ix.doc
    acc = _according(ix, first, last + 1)
    if acc is not None:
        return "according", acc
    for i in range(last, first - 1, -1):
        tok = doc[i]
        if ix.in_quote[i] != -1:
            break
        if is_cue(tok, lex) and not is_negated(tok):
            subj = subject_of(tok, avoid=ix.quoted)
            if subj is not None and ix.in_quote[subj.i] == -1:
                return "before", (tok, subj)
    # `He put it this way: "..."`: a clause ending in a colon introduces the quote.
    k = last
    while k >= first and doc[k].is_space:
        k -= 1
    if k >= first and doc[k].text == ":":
        root = doc[k].sent.root
        subj = subject_of(root) if root.i < k else None
        if subj is not None and ix.in_quote[subj.i] == -1 and subj.i >= first:
            return "colon", (root, subj)
        # `Kasich: 'We Are Going To ...'`, `More from Blumenthal and Cohen: "..."`:
        # a name right before the colon introduces the quote (headline and
        # newsletter style); the colon itself is the cue.
        j = k - 1
        while j >= first and doc[j].is_space:
            j -= 1
        if j >= first and doc[j].pos_ == "PROPN" and ix.in_quote[j] == -1:
            return "colon", (doc[k], doc[j])
    return None


def _sentence_subject(ix: _DocIndex, sent_i: int, before_tok: int):
    """Subject of the main verb of sentence ``sent_i`` (a partial quote's clause owner)."""
    sent = ix.sents[sent_i]
    root = sent.root
    if root.i >= before_tok and root.pos_ not in _VERB_POS:
        return None
    subj = subject_of(root)
    if subj is None or ix.in_quote[subj.i] != -1 or subj.i > before_tok:
        return None
    # `the timing of the surge was "..."`: only someone who can speak owns the words
    if not _speaker_like(subj) or subj.ent_type_ in ("GPE", "LOC", "DATE", "EVENT", "LAW", "WORK_OF_ART"):
        return None
    return root, subj


def direct_attributions(ix: _DocIndex, spans: list[QuotedSpan], title_cues: frozenset[str]) -> list[Attribution]:
    doc, text = ix.doc, ix.text
    lex = attribution_lexicon()
    out: list[Attribution] = []
    for qi, sp in enumerate(spans):
        content = text[sp.start:sp.end]
        t_open = ix.token_at(sp.open_pos)
        t_close = ix.token_at(max(sp.close_end - 1, sp.open_pos))
        s_open = ix.sent_index(t_open)
        s_close = ix.sent_index(t_close)
        sent_o, sent_c = ix.sents[s_open], ix.sents[s_close]
        # before-region: from the sentence start (or the end of an earlier quote in it)
        b_first = sent_o.start
        for i in range(t_open - 1, sent_o.start - 1, -1):
            if ix.in_quote[i] != -1:
                b_first = i + 1
                break
        b_last = t_open - 1
        a_first = t_close + 1
        a_last = sent_c.end - 1
        # Titles: `titled "..."`, `project named "..."` (GUIDELINES 4).
        # (on the raw text, so `so-called`, which the tokenizer splits, is one word)
        prev_words = _WORDS_RE.findall(text[max(0, sp.open_pos - 40):sp.open_pos].lower())[-3:]
        if any(w in title_cues for w in prev_words):
            continue
        starts_sentence = _alpha_count(doc, b_first, b_last) == 0 if b_last >= b_first else True
        short = _n_words(content) <= SCARE_MAX_WORDS
        found = None
        open_ended = content.rstrip()[-1:] in ",!?" and sp.closed
        hit = _find_after_cue(ix, a_first, a_last, lex, strict=True, open_ended=open_ended) if a_first <= a_last else None
        if hit is not None:
            found = ("after", hit[0], hit[1])
        else:
            dash = _dash_name(ix, sp.close_end)
            if dash is not None:
                found = ("dash", dash[0], dash[1])
            elif a_first <= a_last:
                # `"...," according to the ministry.`
                acc = _according(ix, a_first, min(a_last, a_first + 2))
                if acc is not None:
                    found = ("according", (acc[0], acc[1]), acc[2])
        if short:
            # A one-to-three-word quote is a scare quote unless it is a whole utterance
            # with its own attribution right after it (`"No," he said.`).
            if found is None or not starts_sentence or content.rstrip()[-1:] not in ",.!?":
                continue
        if found is None and b_last >= b_first:
            got = _find_before_cue(ix, b_first, b_last, lex, t_open)
            if got is not None:
                how, val = got
                if how == "according":
                    acc, to, pobj = val
                    found = ("according", (acc, to), pobj)
                else:
                    found = (how, val[0], val[1])
        # Title Case with no cue around it, or right after a verb (`told "The Steve
        # Harvey Morning Show,"`, `gave the "State of the Union."`): the name of a
        # book, show or slogan. After a colon (`Kasich: 'We Are Going ...'`) it is speech.
        if (found is None or found[0] == "before") and _title_like(content):
            continue
        if found is None and a_first <= a_last:
            hit = _find_after_cue(ix, a_first, a_last, lex, strict=False)
            if hit is not None:
                found = ("after", hit[0], hit[1])
        if found is None and not starts_sentence:
            # A partial quote inside a clause: its subject owns the words
            # (`Aleinik named the need to "strengthen ..."`).
            got = _sentence_subject(ix, s_open, t_open)
            if got is not None:
                found = ("partial", got[0], got[1])
            elif _n_words(content) < 6 or not sp.closed:
                continue  # a short phrase in quotation marks with nobody saying it: a term, not a quote
            else:
                # Words quoted mid-sentence with no one saying them in the sentence:
                # a quote, but guessing the previous speaker was wrong on PolNeAR
                # train nearly every time, so the speaker stays unknown.
                out.append(Attribution("direct", sp.start, sp.end, None, None, None, "unattributed", s_open,
                                       sp.closed, sp.open_pos, sp.close_end))
                continue
        if found is None:
            out.append(Attribution("direct", sp.start, sp.end, None, None, None, "continuation", s_open, sp.closed,
                                   sp.open_pos, sp.close_end))
            continue
        how, cue_tok, subj = found
        if how == "dash":
            out.append(Attribution("direct", sp.start, sp.end, None, subj, (cue_tok.idx, subj.idx + len(subj.text)),
                                   how, s_open, sp.closed, sp.open_pos, sp.close_end))
            continue
        if how == "according":
            acc, to = cue_tok
            cue = (acc.idx, to.idx + len(to.text))
        elif how == "partial":
            cue = (cue_tok.idx, cue_tok.idx + len(cue_tok.text))
        else:
            cue = cue_extent(cue_tok, lex)
        out.append(Attribution("direct", sp.start, sp.end, cue, subj, mention_bounds(subj), how, s_open, sp.closed,
                               sp.open_pos, sp.close_end))
    _share_with_next(text, out)
    return out


def _share_with_next(text: str, atts: list[Attribution]) -> None:
    """`"A," "B," said X`: quotes separated by nothing but a comma or space share
    the attribution of the one that has it (PolNeAR annotates them as one)."""
    for k in range(len(atts) - 2, -1, -1):
        a, b = atts[k], atts[k + 1]
        if a.how == "continuation" and b.how != "continuation" and text[a.close_end:b.open_pos].strip(" ,") == "":
            a.cue, a.speaker_head, a.speaker_span, a.how = b.cue, b.speaker_head, b.speaker_span, "shared"


_DASH_RE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*")


def _dash_name(ix: _DocIndex, close_end: int):
    """`"..." ― Sonya Herridge`: a dash and a name right after a closing mark
    (read on the raw text: the tokenizer glues `”―` or `― Name` in odd ways)."""
    m = _DASH_RE.match(ix.text, close_end)
    if m is None:
        return None
    doc = ix.doc
    j = ix.token_at(m.end())
    if j < len(doc) and doc[j].idx < m.end():
        j += 1
    k = j
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isalpha() \
            and "\n" not in doc[k].text_with_ws[len(doc[k].text):]:
        k += 1
    if k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isalpha():
        k += 1
    if k == j:
        return None
    return doc[j], doc[k - 1]


# --- indirect quotes --------------------------------------------------------

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
                if r.i > b and r.dep_ == "conj" and r.pos_ not in _VERB_POS:
                    b = max(b, r.right_edge.i)
        return a, b
    if lemma_of(tok).lower() in word_set("commitment_verbs"):
        # `pledged to cut taxes`, `urged voters to register`
        for c in tok.rights:
            if c.dep_ == "xcomp" and c.pos_ in _VERB_POS and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
                a = c.left_edge.i
                if lemma_of(tok).lower() == "urge":
                    a = tok.i + 1  # the addressee belongs to what was urged
                return a, c.right_edge.i
            if c.dep_ == "ccomp":
                break
    # `<content>, X said`: the parser often hangs the cue from the content's verb.
    head = tok.head
    if tok.dep_ in ("parataxis", "ccomp", "advcl") and head.i < tok.i and head.pos_ in _VERB_POS:
        left = tok.left_edge.i
        if doc[left].text in ("," ,"—", "–") or doc[left].text in QUOTE_CHARS:
            left += 1  # the comma before the attribution may hang from the cue itself
        if left > 0 and (doc[left - 1].text in (",", "—", "–") or doc[left - 1].text in QUOTE_CHARS):
            a = head.left_edge.i
            return a, left - 1
    return None


def indirect_attributions(ix: _DocIndex, quote_spans: list[tuple[int, int]]) -> list[Attribution]:
    doc = ix.doc
    # Beliefs count as reported positions too (`Belarus believes it is time ...`):
    # PolNeAR annotates them as attributions and the seed gold keeps them.
    lex = attribution_lexicon()
    out: list[Attribution] = []
    in_kept = ix.span_of_token(quote_spans)
    # Only a verb (a cue) or "according" can start an attribution: the other tokens
    # are skipped without creating their Token objects (issue 6).
    pos, lower = doc.to_array([POS, LOWER]).T
    maybe = np.flatnonzero(np.isin(pos, _VERB_POS_IDS) | (lower == _ACCORDING)).tolist()
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
            a, b = _trim_tokens(doc, max(rng[0], sent.start), min(rng[1], sent.end - 1))
            if b < a or _alpha_count(doc, a, b) < MIN_INDIRECT_WORDS:
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


def _according_indirect(ix: _DocIndex, sent, si: int, acc: Token, quote_spans) -> Attribution | None:
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
    left = _trim_tokens(doc, sent.start, lo - 1)
    right = _trim_tokens(doc, hi + 1, sent.end - 1)
    cands = [r for r in (left, right) if r[1] >= r[0]]
    if not cands:
        return None
    a, b = max(cands, key=lambda r: _alpha_count(doc, r[0], r[1]))
    if _alpha_count(doc, a, b) < MIN_INDIRECT_WORDS:
        return None
    start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
    if _direct_share(start, end, quote_spans) >= MAX_DIRECT_SHARE:
        return None
    return Attribution("indirect", start, end, (acc.idx, to.idx + len(to.text)), pobj, mention_bounds(pobj),
                       "according", si)


# --- entry point ------------------------------------------------------------


def _recover_unclosed(doc: Doc, sp: QuotedSpan) -> QuotedSpan:
    """A quote whose closing mark is missing usually ends where its attribution
    starts (`"We will win, Trump said at the rally.` with the mark forgotten):
    close it at the first comma that a cue verb with its speaker follows."""
    first = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return sp
    first = first.start
    lex = attribution_lexicon()
    for tok in doc[first:]:
        if tok.idx >= sp.end:
            break
        if tok.text != ",":
            continue
        for nxt in doc[tok.i + 1: tok.i + 8]:
            if nxt.idx >= sp.end:
                break
            if is_cue(nxt, lex):
                subj = subject_of(nxt, inverted=True)
                if subj is not None and subj.i > tok.i:
                    end = tok.idx + 1
                    return QuotedSpan(sp.open_pos, end, sp.start, end, sp.double, False)
                break
    return sp


def find_attributions(doc: Doc, text: str) -> DocQuotes:
    """All direct and indirect quote candidates of ``doc`` with their cue and speaker mention.
    ``text`` is the Doc's text (``documents.text`` or ``parse.doc_text``; Doc.text
    rebuilds it on each access)."""
    scan = scan_quotes(text)
    scan.spans = [_recover_unclosed(doc, sp) if not sp.closed else sp for sp in scan.spans]
    ix = _DocIndex(doc, scan.spans, text)
    direct = direct_attributions(ix, scan.spans, word_set("title_cues"))
    # Only spans kept as direct quotes block indirect content; scare quotes and titles
    # inside a reported clause do not.
    kept = {(a.start, a.end) for a in direct}
    blocking = [(sp.open_pos, sp.close_end) for sp in scan.spans if (sp.start, sp.end) in kept]
    indirect = indirect_attributions(ix, blocking)
    atts = sorted(direct + indirect, key=lambda a: (a.start, a.kind))
    return DocQuotes(atts, scan.problems, ix.sents)
