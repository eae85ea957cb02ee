"""Reported speech (indirect quotes) on one spaCy parse: a reporting verb of
the lexicon with what it reports (``content.content_of``: ``X said that ...``,
``..., X said``, ``denied every allegation``, ``warned of ...``), ``according to X,
...`` and the paragraph after ``X added:`` (docs/guidelines.md §4)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.tokens import Span, Token

from ...nlp.docs import in_sorted, sorted_ids
from ...nlp.lemmas import lemma as lemma_of
from ..headings import in_capitals
from ...resources import QUOTE_CHARS, adverbial_openers, reporting_nouns

from .clause_end import nonrestrictive_tail, reports
from .framing import SCARE_MAX_WORDS, n_words
from .content import content_of
from .cues import (ACCORDING, VERB_POS, VERB_POS_IDS, cue_entry, cue_extent, cue_particle, is_cue, is_negated,
                   report_lexicon, speaker_like, speaking_possessor, speech_lexicon)
from .verb_forms import is_to_infinitive
from .opening_speaker import opening_speaker
from .mentions import mention_bounds
from .objects import first_child
from .subjects import subject_of
from .records import Attribution, DocIndex, breaks_paragraph, is_dash, trim_tokens

MIN_INDIRECT_WORDS = 3
# Share of an indirect content span that one quoted span may cover before the
# clause counts as the direct quote's own cue (`"...," X said` parses as said -> ccomp).
MAX_DIRECT_SHARE = 0.8
# Words that open an indirect question (`would not say whether/how/who ...`).
_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "who", "whom", "why", "when", "where", "which"})


def _inside_one(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Whether one quoted span covers at least ``MAX_DIRECT_SHARE`` of chars [a, b):
    the clause is that direct quote's own (`"...," X said` parses as said -> ccomp).
    A clause with several quoted fragments (`stated that Trump's "divisive" and
    "mean-spirited" comments do not "fit with ..."`) is reported speech."""
    if b <= a:
        return True
    return any(min(b, e) - max(a, s) >= MAX_DIRECT_SHARE * (b - a) for s, e in spans)


def _only_quotes_around(doc, a: int, b: int, cue: Token, in_kept: list[int]) -> bool:
    """Content [a, b] that runs around its attribution has no word outside direct quotes
    but the attribution's own, the words between the quotes around the cue: `"You know,
    I love Larry," he said, but "when it comes to energy issues, ..."` is two direct
    quotes, not a third, reported one that hides the second (PolNeAR dev; BBC: `"Even
    manufacturers are not going to be marketing machines as faster," he said, "they'll
    emphasise ..."`)."""
    first, last = cue.i, cue.i
    while first > a and in_kept[first - 1] == -1:
        first -= 1
    while last < b and in_kept[last + 1] == -1:
        last += 1
    # (the stretch stops at a quoted token on each side, if there is one before a or b)
    return first > a and last < b \
        and not any(in_kept[i] == -1 and doc[i].is_alpha for i in (*range(a, first), *range(last + 1, b + 1)))


def _handed_down(opener: Token, b: int, lex) -> tuple[Token, Token, int] | None:
    """(cue, its subject, first token after its clause) when ``opener`` opens an adverbial
    clause whose verb is a cue with no object or clause of its own, ending before ``b``."""
    verb = opener.head
    if not is_cue(verb, lex) or verb.right_edge.i >= b or reports(verb):
        return None
    speaker = first_child(verb, ("nsubj",))
    return None if speaker is None else (verb, speaker, verb.right_edge.i + 1)


def _chars(doc, a: int, b: int) -> tuple[int, int]:
    """The char span of tokens [a, b]."""
    return doc[a].idx, doc[b].idx + len(doc[b].text)


def _colon_lead_in(doc, a: int, b: int, in_kept: list[int]) -> bool:
    """Content [a, b] before its cue ends with a direct quote that a colon inside it
    introduces: `Sen. Claire McCaskill scolded him: "The scientific community is ...,"
    she said.` The parser hung the lead-in on the quote's verb; the cue after the quote
    attributes the quote alone, and the lead-in is no one's reported words (PolNeAR dev:
    the row had taken McCaskill into the content and left `she` to the wrong person)."""
    k = in_kept[b]
    if k == -1:
        return False
    first = b
    while first > a and in_kept[first - 1] == k:
        first -= 1
    before = first - 1
    while before > a and doc[before].is_space:
        before -= 1
    return before > a and doc[before].text == ":" and in_kept[before] == -1


# Contents that are clauses need a few words (`said so` is no quote); a noun phrase
# is a quote from one word on (`announced his resignation`, `mentioned Machado`).
_MIN_WORDS = {"clause": MIN_INDIRECT_WORDS, "around": MIN_INDIRECT_WORDS, "fragment": MIN_INDIRECT_WORDS, "infinitive": 2}


def indirect_attributions(ix: DocIndex, quote_spans: list[tuple[int, int]], spent: set[int]) -> list[Attribution]:
    """Indirect quotes of ``ix``'s Doc; ``quote_spans``: the kept direct quotes' char spans;
    ``spent``: char starts of cues that attribute a direct quote before them, whose
    content never opens with an adverbial clause (`"You should resign," Warren told Stumpf,
    after he admitted under Warren's grilling he hadn't ...`: the parser hung `admitted` on
    `told`, PolNeAR dev)."""
    doc = ix.doc
    # Beliefs count as reported positions too (`Belarus believes it is time ...`):
    # PolNeAR annotates them as attributions and the seed gold keeps them.
    lex = report_lexicon()
    out: list[Attribution] = []
    in_kept = ix.span_of_token(quote_spans)
    # Only a verb (a cue) or "according" can start an attribution: the other tokens
    # are skipped without creating their Token objects (issue 6).
    pos, lower = doc.to_array([POS, LOWER]).T
    maybe = np.flatnonzero(in_sorted(pos, VERB_POS_IDS) | (lower == ACCORDING) | in_sorted(lower, _noun_ids())).tolist()
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
            if tok.pos_ == "NOUN":
                att = _noun_indirect(ix, sent, si, tok, in_kept, quote_spans)
                if att is not None:
                    out.append(att)
                continue
            particle = cue_particle(tok, lex)
            if particle is False:
                continue
            negated = is_negated(tok)
            # (a word after the cue in another quoted span is no subject: `..., Flynn ... said
            # Thursday on Fox News's “Fox and Friends.”` gave the parser `Fox` for the subject,
            # PolNeAR dev; before the cue it may be: `this CNN “reporter” has revealed ...`)
            subj = subject_of(tok, avoid=lambda t, cue=tok, own=ix.in_quote[tok.i]:
                              t.i > cue.i and ix.in_quote[t.i] not in (-1, own))
            relaxed = subj is None
            if relaxed:
                # (a participle's speaker, or a name whose long description the parser
                # took for a clause of the cue: ``opening_speaker``)
                subj = _gerund_speaker(tok) or opening_speaker(tok)
                if subj is None:
                    continue
            if quoted and (subj.pos_ == "PRON" or not (subj.ent_type_ or subj.pos_ == "PROPN")):
                # Inside a direct quote only a position the speaker ascribes to a named
                # party is a quote of its own (`"... Belarus believes it is time ..."`);
                # `we think`, `I said` are the speaker's own words.
                continue
            first = None if relaxed or quoted or negated else _after_colon_at_paragraph_end(doc, tok, sent)
            if first is not None:
                # (nothing else is the cue's: `The statement said that:` then a quotation
                # made the content `that`)
                para = _said_paragraph(doc, ix.text, first)
                if para is not None:
                    start, end = _chars(doc, para[0], para[1])
                    if not _inside_one(start, end, quote_spans):
                        out.append(Attribution("indirect", start, end, cue_extent(tok, lex), subj,
                                               mention_bounds(subj), "paragraph", si))
                continue
            got = content_of(tok, particle, cue_entry(tok, particle), lambda t: in_kept[t.i] != -1, subj)
            if got is None or (relaxed and got.kind != "clause"):
                continue
            if negated and not (got.kind == "clause" and doc[got.a].lower_ in _QUESTION_WORDS
                                and all(c.i < tok.i for c in tok.children if c.dep_ == "neg")):
                # `Reid would not say whether he would prefer ...`, `The affidavit does not
                # indicate whether ...`: what a negated cue leaves open is an indirect
                # question, which PolNeAR annotates (train: 13 more gold quotes found; the one
                # new row outside the gold is a question it left out, `It will not yet say
                # whether it can or should meet the deadline`). What a negated cue denies saying
                # is no quote (`never admitting he was wrong`, `not condemning Trump's attacks`:
                # taking every negated cue found 50 more and added 22 rows outside the gold).
                # The negation comes before its verb: a `not` the parser
                # hung on the cue from after its content is no negation of the cue (`promising
                # to lift ... ― probably not exactly what Graham had in mind`, PolNeAR dev)
                continue
            a, b = trim_tokens(doc, max(got.a, sent.start), min(got.b, sent.end - 1))
            if b < a or ix.alpha_count(a, b) < _MIN_WORDS.get(got.kind, 1):
                continue
            if got.kind == "object" and not quoted and _quoted_whole(doc, a, b):
                # `tweeted, "Reporting that Orlando killer shouted ..."`: an object that is
                # one quotation is the direct quote's, however its marks pair (PolNeAR train)
                continue
            opening, b = _paired_marks(ix, a, b, sent)
            if quoted and not in_kept[a] == in_kept[b] == in_kept[tok.i]:
                continue  # a position ascribed inside a quote stays inside that quote
            if _quoted_apart(ix, tok, a, b):
                continue
            first = doc[a]
            after_spent = a > tok.i and tok.idx in spent
            if first.lower_ in adverbial_openers("after") and first.dep_ in ("mark", "advmod") \
                    and (not (a <= first.head.head.i <= b) or after_spent) \
                    and not (negated and a == tok.i + 1):
                # `said before he died`: the whole span is one adverbial clause the parser
                # took for the content (an adverbial clause *inside* the content is fine:
                # `said that since she is not running, she should not ...`); right after a
                # negated cue `when` asks what was left open (`have not said when they would
                # take up the reauthorization`, PolNeAR dev; BBC: `Sony has not yet announced
                # when ...`; not `did not even consider it when I heard ...`); after the cue of
                # a direct quote before it, an adverbial clause opening the content is the
                # parser's tangle however it hung (``spent``): the rest is what that clause's
                # cue reports, when it has nothing else (`after he admitted under Warren's
                # grilling he hadn't ...`)
                handed = _handed_down(first, b, lex) if after_spent else None
                if handed is not None:
                    verb, speaker, c = handed
                    c = trim_tokens(doc, c, b)[0]
                    start, end = _chars(doc, c, b)
                    if ix.alpha_count(c, b) >= MIN_INDIRECT_WORDS and not _inside_one(start, end, quote_spans):
                        out.append(Attribution("indirect", start, end, cue_extent(verb, lex), speaker,
                                               mention_bounds(speaker), "clause", si))
                continue
            if a <= subj.i <= b and not (got.around and not a <= subj.i < tok.left_edge.i):
                continue
            start, end = _chars(doc, opening, b)
            if not quoted and _inside_one(start, end, quote_spans):
                continue
            if not quoted and got.around and _only_quotes_around(doc, a, b, tok, in_kept):
                continue
            if not quoted and b < tok.i and _colon_lead_in(doc, a, b, in_kept):
                continue
            out.append(Attribution("indirect", start, end, cue_extent(tok, lex), subj, mention_bounds(subj),
                                   got.kind, si))
    # a heading set in capitals run into the text (`EVEN OZ'S BOSS THINKS HE'S FULL OF
    # YOU-KNOW-WHAT - The head of Sony ... indicated as much`, PolNeAR dev) is the
    # outlet's, whatever cue the parse found for it; words in capitals that someone
    # wrote are a direct quote, in quotation marks, which this does not touch
    # (only beside words that are not: a text all in capitals is wire copy, its reports stay)
    return [a for a in out if not (in_capitals(ix.text[a.start:a.end])
                                   and not in_capitals(ix.sents[a.sent_index].text))]


# What opens a paragraph that is no one's words: a quotation (the direct quote's), markup
# (`<tweet ...>`), a list's dash, bullet, number or letter (BBC: `he has announced:` then
# `- Duty cuts ...`).
_NOT_SAID_OPENING = re.compile(r"[%s<\-–—•·▪●‣*]|\(?(?:\d+|[a-z])[.)]\s" % re.escape("".join(QUOTE_CHARS)))
# A paragraph longer than this after a colon is an article section, not what was said (the
# longest paragraph that PolNeAR train and dev annotate so has 122 tokens).
_MAX_PARAGRAPH_TOKENS = 150
# A colon this near the start of a paragraph opens a transcript's line (`Tony Blair: ...`).
_SPEAKER_LABEL_TOKENS = 5


def _after_colon_at_paragraph_end(doc, cue: Token, sent: Span) -> int | None:
    """The first token of the next paragraph when the cue ends its own paragraph with a
    colon (`The governor added:`, `Soerens argued that:`), else None."""
    k = cue.i + 1
    if k < sent.end and doc[k].lower_ == "that":
        k += 1
    if k + 2 >= len(doc) or doc[k].text != ":" or not breaks_paragraph(doc[k + 1]):
        return None
    return k + 2


def _said_paragraph(doc, text: str, a: int) -> tuple[int, int] | None:
    """Tokens [a, b] of the paragraph that starts at token ``a`` after a cue and its colon,
    which reports it in a paragraph of its own, no quotation marks (`The governor added:` /
    `Hewitt writes:`, then the words: PolNeAR dev 2 quotes, train 6, the whole paragraph
    each). None for a paragraph that is a quotation, markup or a list item, a transcript's
    line (`Tony Blair: ...`), one that introduces something else itself (ends with a colon),
    or an article section (``_MAX_PARAGRAPH_TOKENS``)."""
    if _NOT_SAID_OPENING.match(text, doc[a].idx):
        return None
    b = a
    while b + 1 < len(doc) and not breaks_paragraph(doc[b + 1]):
        b += 1
        if b - a >= _MAX_PARAGRAPH_TOKENS:
            return None
    if doc[b].text == ":" or any(t.text == ":" for t in doc[a:min(b, a + _SPEAKER_LABEL_TOKENS)]):
        return None
    return a, b


def _quoted_whole(doc, a: int, b: int) -> bool:
    """Whether tokens [a, b] are enclosed by quotation marks (a stop may precede the
    closing one)."""
    if a == 0 or doc[a - 1].text not in QUOTE_CHARS:
        return False
    k = b + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text not in QUOTE_CHARS and k - b <= 2:
        k += 1
    return k < len(doc) and doc[k].text in QUOTE_CHARS


# Entity types of subjects that never speak through a participle (`In 2015, ...`).
# Not ``can_speak``'s list (cues.MUTE_ENTS): a share of people speaks here (`have left
# 62 percent of voters saying ...`, a PERCENT).
_MUTE_SUBJECT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "LOC", "FAC"})


def _gerund_speaker(verb: Token) -> Token | None:
    """`The nurse later sued, claiming the quarantine violated her rights`, `her main
    rival has soared in the polls by saying that ...`: a participle of saying speaks with
    the subject of the verb it hangs from, whatever noun that is (``subject_of`` only
    passes on subjects known to speak, for any content: `This document aims to ...,
    emphasizing opposition`). Used for a reported clause only, and for a subject before
    the participle (after it, the parse is often tangled: `Paul Ryan, despite admitting
    that ..., the victims "do need ..."`); a participle right after the verb's object
    speaks with the object (`have left 62 percent of voters saying ...`). PolNeAR train."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp") or not is_cue(verb, speech_lexicon()):
        return None  # (not a belief: `the numbers are impressive, considering what they are up against`)
    v = verb.head
    for _ in range(4):  # `by saying` -> `soared`
        if v.pos_ in VERB_POS or v.head.i == v.i:
            break
        v = v.head
    if v.pos_ not in VERB_POS:
        return None
    subj = next((c for c in sorted(v.children, key=lambda c: abs(c.i - v.i)) if c.dep_ == "nsubj"), None)
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
    if obj is not None:
        subj = obj  # `have left 62 percent of voters saying ...`: the object says it
    if subj is None or subj.i > verb.i or subj.pos_ not in ("NOUN", "PROPN") \
            or subj.ent_type_ in _MUTE_SUBJECT_ENTS:
        return None
    if lemma_of(subj).lower() in reporting_nouns("content") \
            or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in subj.children):
        return None  # `Her comments ..., alleging`, `Palin's posts ..., saying`: what was said, not who
    return subj


@lru_cache(maxsize=1)
def _noun_ids() -> np.ndarray:
    """LOWER ids of the reporting nouns (``reporting_nouns.txt``, kind ``content``) and their plurals."""
    return sorted_ids(frozenset(w for n in reporting_nouns("content") for w in (n, n + "s", n + "es")))


# `Trump's claim that ...`, `a claim by Trump that ...`, `Trump made the claim that
# ...`, `repeated his claim that ...`: who makes the claim.
_NOUN_SPEAKER_VERBS = frozenset({"make", "repeat", "issue", "offer", "deliver", "renew", "reiterate", "stand"})


def _noun_speaker(noun: Token) -> Token | None:
    for c in noun.children:
        if speaking_possessor(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            pobj = next((k for k in c.children if k.dep_ == "pobj"), None)
            if pobj is not None and speaker_like(pobj):
                return pobj
    if noun.dep_ == "dobj" and lemma_of(noun.head).lower() in _NOUN_SPEAKER_VERBS:
        return subject_of(noun.head)
    if noun.tag_ == "NNS" and noun.dep_ == "ROOT":
        # `But Trump claims that he should be the exception` (PolNeAR dev): a verb the
        # tagger took for a plural noun, with its that-clause; its subject speaks, or the
        # name the parser made a compound of it
        return next((c for c in noun.lefts if c.dep_ in ("nsubj", "compound") and speaker_like(c)), None)
    return None


def _noun_indirect(ix: DocIndex, sent, si: int, noun: Token, in_kept, quote_spans) -> Attribution | None:
    """A reporting noun with what was said: a that-clause or to-infinitive of its own
    (`Trump's claim that ...`, `his promise to cut taxes`), else the topic of an `about`
    phrase (`made comments about the possibility of voter fraud`), with its speaker."""
    doc = ix.doc
    if in_kept[noun.i] != -1:
        return None
    content = None
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in VERB_POS and (
                any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
                or is_to_infinitive(c)):
            content = (c.left_edge.i, c.right_edge.i)
            break
    if content is None:
        for c in noun.rights:
            # `Trump's remarks about Clinton's energy and stamina`: the topic of what was
            # said (PolNeAR train)
            if c.dep_ == "prep" and c.lower_ == "about":
                obj = next((k for k in c.children if k.dep_ in ("pobj", "pcomp")), None)
                if obj is not None and not (obj.pos_ == "PRON" and obj.left_edge.i == obj.right_edge.i):
                    content = (obj.left_edge.i, c.right_edge.i)
                break
    if content is None:
        return None
    subj = _noun_speaker(noun)
    if subj is None or in_kept[subj.i] != -1:
        return None
    a, b = trim_tokens(doc, max(content[0], sent.start), min(content[1], sent.end - 1))
    # (a relative clause or apposition set off at the end describes the last noun for the
    # reader, as after a verb: `..., which gave Mr. Kerry ... the leverage`, PolNeAR dev)
    b = nonrestrictive_tail(doc, a, b, lambda t: in_kept[t.i] != -1)
    if b < a or ix.alpha_count(a, b) < MIN_INDIRECT_WORDS:
        return None
    opening, b = _paired_marks(ix, a, b, sent)
    start, end = _chars(doc, opening, b)
    if _inside_one(start, end, quote_spans):
        return None
    return Attribution("indirect", start, end, (noun.idx, noun.idx + len(noun.text)), subj, mention_bounds(subj),
                       "noun", si)


def _paired_marks(ix: DocIndex, a: int, b: int, sent: Span) -> tuple[int, int]:
    """The first and last token of content [a, b] with the quotation marks the trimming took
    away from a quoted phrase it holds, as the marks were paired (``marks.scan_quotes``):
    the closing mark after the stop of a phrase it ends with (`called Trump a "pathological
    liar."`), the opening mark of a phrase it starts with (`Bush said "local forces" must
    lead the way`, PolNeAR train; BBC: 59 contents read `local forces" must ...`). A content
    inside a longer quote gains no mark: the phrase must open (close) within the content."""
    doc = ix.doc
    first, last = a, b
    q = ix.in_quote[b]
    if q != -1:
        sp = ix.spans[q]
        k = ix.token_at(sp.close_end - 1)
        if sp.double and sp.closed and sp.open_pos >= doc[a].idx and b < k < sent.end \
                and all(t.is_punct for t in doc[b + 1:k + 1]):
            last = k
    q = ix.in_quote[a]
    if q != -1:
        sp = ix.spans[q]
        k = ix.token_at(sp.open_pos)
        if sp.double and sp.closed and sent.start <= k < a and sp.close_end <= doc[last].idx + len(doc[last].text) \
                and all(t.is_punct for t in doc[k:a]):
            first = k
    return first, last


def _quoted_apart(ix: DocIndex, cue: Token, a: int, b: int) -> bool:
    """The cue stands in quotation marks that report no one (a title: `Ouisa Davis'
    commentary, "Melania, tell your immigrant story," is very thoughtful`, PolNeAR dev)
    and its content [a, b] outside them: it reports nothing. Not the cue itself in scare
    quotes (`Thirty percent of whites "strongly agree" that ...`, PolNeAR train)."""
    own = ix.in_quote[cue.i]
    if own == -1 or ix.in_quote[a] == own or ix.in_quote[b] == own:
        return False
    sp = ix.spans[own]
    return n_words(ix.text[sp.start:sp.end]) > SCARE_MAX_WORDS


def _relative_before(doc, a: int, b: int) -> int:
    """Where the content [a, b] before a closing `according to X` starts: at a relative
    clause set off by a dash that runs on to the source (`... about why the other side
    must be wrong - which it often is, according to Scott.`, PolNeAR dev: the source
    vouches for the comment, not for the sentence it comments on). Not after a comma,
    where PolNeAR train marks the whole sentence (`As of Wednesday, Clinton had 2,205
    total delegates, compared with Sanders, who had 1,401, according to a tally by the
    Associated Press`: 5 such were lost against 2 found)."""
    for j in range(b, a, -1):
        t = doc[j]
        if t.is_punct and j < b:
            return a  # (punctuation inside: `The bill, which passed Tuesday, would cut ...`)
        if t.tag_ in ("WDT", "WP") and is_dash(doc[j - 1]) \
                and any(k.pos_ in VERB_POS for k in doc[j + 1:b + 1]):
            return j
    return a


def _according_indirect(ix: DocIndex, sent, si: int, acc: Token, quote_spans) -> Attribution | None:
    doc = ix.doc
    to = doc[acc.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    # `X said ..., according to Y`: Y is the source of the report, not of a new quote.
    # (only a cue that reports a clause: not `he sometimes added additional content ...,
    # according to the sources`; PolNeAR train)
    if is_cue(acc.head, speech_lexicon()) and acc.head.i != acc.i \
            and any(c.dep_ in ("ccomp", "parataxis") for c in acc.head.children):
        return None
    lo = min(acc.i, acc.left_edge.i)
    hi = max(to.right_edge.i, pobj.right_edge.i, acc.right_edge.i)
    if acc.i == sent.start or (doc[acc.i - 1].is_punct and ix.alpha_count(sent.start, lo - 1) < MIN_INDIRECT_WORDS):
        # `According to radio host Rush Limbaugh, the move reeks of "fear"`: the
        # source ends at the first comma that is followed by a clause, whatever the
        # parser hung on it (here the rest of the sentence, as an apposition)
        # (past an apposition of the source: `According to Rush Limbaugh, a radio
        # host, the move ...`)
        commas = [k for k in range(pobj.i + 1, hi + 1) if doc[k].text == ","]
        if commas:
            k = commas[0]
            if len(commas) > 1 and commas[1] - k <= 8 and not any(t.pos_ in VERB_POS for t in doc[k:commas[1]]) \
                    and doc[k + 1].pos_ == "DET":
                k = commas[1]
            if ix.alpha_count(k + 1, hi) >= MIN_INDIRECT_WORDS:
                hi = k - 1
    left = trim_tokens(doc, sent.start, lo - 1)
    right = trim_tokens(doc, hi + 1, sent.end - 1)
    if right[1] >= right[0] and doc[right[0]].dep_ == "cc" and left[1] >= left[0]:
        # `Clinton leads Sanders by 271 delegates according to a count by The AP, but the
        # self-described democratic socialist has vowed ...`: the source goes with the
        # clause it ends, not the one a conjunction opens after it (PolNeAR train)
        right = (right[0], right[0] - 1)
    if right[1] < right[0] and left[1] >= left[0]:
        left = (_relative_before(doc, left[0], left[1]), left[1])
    cands = [r for r in (left, right) if r[1] >= r[0]]
    if not cands:
        return None
    # the sentence's main clause (`The top 1 percent would see ..., according to the Tax
    # Foundation, more than twice what it projected ...`: not what follows the source),
    # unless that is a report of its own (`The AP reported that, according to ..., 85 ...`).
    # A clause the source interrupts (`It is set, according to analysts, to do ...`) is
    # still cut at the source: PolNeAR train marks either side, and the whole clause as
    # content fits it worse (train: 8 more rows outside the gold, 6 more missed)
    owner = None
    if len(cands) == 2:
        k = lo - 1  # the word before the source (the left side is not empty)
        while k > sent.start and doc[k].is_punct:
            k -= 1
        if doc[k].tag_ in ("WDT", "WP") or (doc[k].dep_ in ("cc", "mark") and any(
                doc[j].dep_ in ("nsubj", "nsubjpass") for j in range(cands[1][0], cands[1][1] + 1))):
            # `..., and according to reports contract negotiations are ...` (a clause with its
            # own subject, not `and, according to X, is now worth ...`), `a trainer which,
            # according to X, ...`: the source opens the clause after it (BBC)
            owner = cands[1]
    if owner is None and not is_cue(sent.root, speech_lexicon()):
        owner = next((r for r in cands if r[0] <= sent.root.i <= r[1]), None)
    a, b = owner or max(cands, key=lambda r: ix.alpha_count(r[0], r[1]))
    if ix.alpha_count(a, b) < MIN_INDIRECT_WORDS:
        return None
    start, end = _chars(doc, a, b)
    if _inside_one(start, end, quote_spans):
        return None
    return Attribution("indirect", start, end, (acc.idx, to.idx + len(to.text)), pobj, mention_bounds(pobj),
                       "according", si)


# --- entry point ------------------------------------------------------------


