"""Find quotes and their attribution on the existing spaCy parse.

Direct quotes come from ``marks`` (pairs of quotation marks); this
module decides which quoted spans are quotes at all (not titles, not scare
quotes) and finds each one's cue and speaker mention. Indirect quotes come
from ``indirect`` (reporting verbs and nouns with what they report). Speaker
*resolution* (pronouns, descriptions, canonical names) is ``speakers``' job;
this module only points at the mention.

A quoted span is dropped when it is a name (``framing.names_a_title``: a title
word precedes it in its sentence, ``titled``, ``named``, ``so-called``, or it
names a work), when
it has one to three words and is neither a whole attributed utterance (`said,
"No."`, `campaign message: "It's about me."`, a headline's last words: ``framing``), nor a sentence of two or three words
right after another quote (`"They sue," he said. "Everybody sues, right?"`:
``records.continues_previous``), nor what a reporting verb reports
(``called the system "rigged"``) (scare quote), or when it is in Title Case with
no attribution or right after a verb (a name) that does not voice it (``chanting
"Bernie or Jill, No Hill,"`` is speech: ``_introduced``). Its attribution is looked for
in this order, each rule from a guideline case or a PolNeAR train pattern:

1. after the closing mark, within a few words and before any other verb
   (``"...," Igor Sekreta said`` / ``said X``; after ``"...,"``/``!``/``?`` any
   verb with a speaking subject: ``"...," Trump barked``); not a cue in a clause a
   subordinator opens (``"...," when Clinton blasted him``: the quote's circumstance);
   ``after_quote``;
2. a dash and a name (``"..." ― Pamela Padilla``, also on a line of its own
   under the quote), ``"...," according to X``;
3. before the opening mark in the same sentence: ``According to X, "..."``,
   ``to her, "..."`` (whose view it is),
   a name between a dash and a colon (``Pollsters agree - Carl Bialik: "..."``),
   the nearest cue verb with a subject (``X said: "..."``, partial quotes in
   reported speech), or a clause/name and a colon (``Kasich: '...'``,
   ``Sen. Lindsey Graham, R-S.C.: "..."``); a clause ending the paragraph
   before with a colon (``Breitbart News responded:``); ``before_quote``;
4. a cue verb anywhere after the quote in its sentence;
5. mid-sentence, the main clause's subject if it can speak
   (``Aleinik named the need to "strengthen ..."``), else rule 6;
6. a quote that is a sentence of its own, or one no rule above reached: the
   speaker of the previous sentence's attribution, or the person it is about
   (stage, ``continuation``).

A quoted phrase of up to six words inside an indirect quote with the same cue
stays part of that quote (one that opens it, or that its cue introduces with a comma
or colon, is the utterance itself and stays a direct quote); a paragraph that is the outlet's own note
(``outlet_notes.txt``) has no quotes.

Everything works on one parsed ``Doc``: token heads and dependency labels,
``doc.sents``; no second parse, only light Python per sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...resources import QUOTE_CHARS, word_list
from .after_quote import find_after_cue
from .before_quote import according_to, find_before_cue
from .cues import (VERB_POS, attribution_lexicon, cue_extent, introduces_words, is_cue, is_negated, report_lexicon,
                   speaker_like, voices_words)
from .framing import SCARE_MAX_WORDS, ends_headline, headline_name, n_words, names_a_title, title_like
from .indirect import indirect_attributions
from .sources import personal_pronouns
from .subjects import subject_of
from .marks import QuotedSpan, scan_quotes
from .mentions import mention_bounds
from .objects import predicate_after_object
from .records import (Attribution, DocIndex, DocQuotes, continues_previous, last_word, one_per_content,
                      share_with_next)


# How a quoted phrase hangs from the verb that reports it: its object or object
# predicate (`called the system "rigged"`, which the parser may file as a clause of
# the object), its complement, the object of `as`/`of`/`about` (`described it as
# "news to me"`), never of a preposition of place or time (`said on "This Week"`).
_REPORTED_DEPS = frozenset({"dobj", "oprd", "attr", "xcomp", "ccomp", "acomp", "pobj", "pcomp", "conj", "appos",
                            "dep", "acl"})
_REPORTED_PREPS = frozenset({"as", "of", "about", "with"})


def _governing_cue(ix: DocIndex, t_open: int, t_close: int, sp: QuotedSpan):
    """The cue verb whose object or complement a short quoted phrase is, with its
    speaker: ("partial", cue, subject), or None."""
    doc = ix.doc
    inner = [t for t in doc[t_open:t_close + 1] if not (t.is_punct or t.text in QUOTE_CHARS)]
    if not inner:
        return None
    lo, hi = inner[0].i, inner[-1].i
    root = next((t for t in inner if not lo <= t.head.i <= hi or t.head.i == t.i), None)
    if root is None:
        return None
    if title_like(ix.text[sp.start:sp.end]):
        return None
    t = root
    lex = report_lexicon()
    own = ix.in_quote[t_open]
    for _ in range(4):
        if t.head.i == t.i or not (t.dep_ in _REPORTED_DEPS or (t.dep_ == "prep" and t.lower_ in _REPORTED_PREPS)
                                   or predicate_after_object(t)):
            return None
        t = t.head
        if t.pos_ in VERB_POS:
            if ix.in_quote[t.i] not in (-1, own):
                # the verb of another quote the phrase is coordinated with (`chanted back at
                # him, "Send them home," and "Build the wall."`, PolNeAR train): on to its cue
                continue
            if not is_cue(t, lex) or is_negated(t):
                return None
            subj = subject_of(t, avoid=ix.quoted)
            if subj is None or ix.in_quote[subj.i] != -1:
                return None
            return "partial", t, subj
    return None


def _introduced(doc, first: int, last: int, before, exclaimed: bool):
    """("before", cue, speaker) when a cue verb with its speaker ends the words before the
    quote, a comma or colon after it (a few words between: `called over her shoulder,`),
    or nothing at all before an exclamation or question (`a man yelled "Stay there!"`)
    or after a cue that voices the words (``voices_words``: `chanting "Bernie or Jill, No
    Hill,"`, PolNeAR train); or ("colon", ...) when a colon right before it introduces it
    with a speaker who can (``cues.introduces_words``): the subject of the clause that
    runs to it (`President Obama is rolling out a new and more personal campaign
    message: "It's about me."`, PolNeAR dev) or the name before it (`Kasich: "No."`);
    every "colon" result of ``find_before_cue`` ends at that colon.
    ``before()``: the cue before the quote in [first, last] (``before_quote.find_before_cue``; the
    white space after the last word changes nothing there)."""
    k = last_word(doc, first, last)
    if k < first:
        return None
    punct = doc[k].text in (",", ":")
    if not (punct or exclaimed or voices_words(doc[k])):
        return None
    got = before()
    if got is not None and got[0] == "colon" and introduces_words(got[2]):
        return got
    if got is None or got[0] != "before" or got[1].i < (k - 4 if punct else k):
        return None
    return got


def _sentence_subject(ix: DocIndex, sent_i: int, before_tok: int):
    """Subject of the main verb of sentence ``sent_i`` (a partial quote's clause owner)."""
    sent = ix.sents[sent_i]
    root = sent.root
    if root.i >= before_tok and root.pos_ not in VERB_POS:
        return None
    subj = subject_of(root)
    if subj is None or ix.in_quote[subj.i] != -1 or subj.i > before_tok:
        return None
    # `the timing of the surge was "..."`: only someone who can speak owns the words
    if not speaker_like(subj) or subj.ent_type_ in ("GPE", "LOC", "DATE", "EVENT", "LAW", "WORK_OF_ART"):
        return None
    return root, subj


def direct_attributions(ix: DocIndex, spans: list[QuotedSpan]) -> list[Attribution]:
    doc, text = ix.doc, ix.text
    lex = attribution_lexicon()
    out: list[Attribution] = []
    for qi, sp in enumerate(spans):
        content = text[sp.start:sp.end]
        last_char = content.rstrip()[-1:]  # the utterance's own punctuation (`"No,"`, `"Why now?"`)
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
        starts_sentence = ix.alpha_count(b_first, b_last) == 0
        if a_first > a_last and sp.closed and last_char in "!?" and s_close + 1 < len(ix.sents) and starts_sentence \
                and "\n" not in text[sp.close_end:ix.sents[s_close + 1].start_char]:
            # `"What if ...?" the 43-year-old asked`, `"... she's wrong!'' Mr. Trump wrote`:
            # the parser ends the sentence at the mark; the attribution is the next one's
            # start (PolNeAR train); not after a quote its sentence introduces (`Clinton
            # responds with, "Why now?" Mills then writes back, ...`)
            a_last = ix.sents[s_close + 1].end - 1
        if names_a_title(ix, sp, content, spans[qi - 1] if qi else None, sent_o.start_char):
            continue
        words = n_words(content)
        short = words <= SCARE_MAX_WORDS
        found = None
        open_ended = last_char in ",!?" and sp.closed
        hit = find_after_cue(ix, a_first, a_last, lex, strict=True, open_ended=open_ended) if a_first <= a_last else None
        if hit is not None:
            found = ("after", hit[0], hit[1])
        else:
            dash = _dash_name(ix, sp.close_end)
            if dash is not None:
                found = ("dash", dash[0], dash[1])
            elif a_first <= a_last:
                # `"...," according to the ministry.`
                acc = according_to(ix, a_first, min(a_last, a_first + 2))
                if acc is not None:
                    found = ("according", (acc[0], acc[1]), acc[2])
        spoken = None  # set when the way the quote is introduced makes it speech
        memo: list = []

        def before(first=b_first, last=b_last, memo=memo):
            """The cue before the quote (``before_quote.find_before_cue``), found once per quote."""
            if not memo:
                memo.append(find_before_cue(ix, first, last, lex))
            return memo[0]

        if found is None and b_last >= b_first and ends_headline(text, sp):
            # `Trump Addresses Munich Attack: 'This Cannot Continue.'`, `WSJ editorial:
            # 'Deport Nikki Haley.'`: a quote that ends the headline after its speaker and
            # cue is speech, whatever its length or Title Case (PolNeAR train)
            got = before()
            if got is not None and got[0] == "colon":
                # a headline parses as one noun phrase (`Trump Addresses Munich Attack:`):
                # its speaker is the name that opens it (a colon result always ends at ":")
                name = headline_name(ix, b_first)
                if name is not None:
                    got = ("colon", doc[last_word(doc, b_first, b_last)], name)
            if got is not None and got[0] != "according":
                found = spoken = got
        if found is None and b_last >= b_first and last_char in ",.!?":
            # `Mrs. Clinton shook her head and said, "No."`, `Silverman interjected, 'Ladies
            # and gentlemen, Mr. Paul Simon,'`, `chanting "Dump Trump."`: an utterance a
            # speech verb and a comma or colon introduce, or a verb that voices it right
            # before it, is speech, short or in Title Case (PolNeAR train)
            found = spoken = _introduced(doc, b_first, b_last, before, last_char in "!?")
        if short and spoken is None:
            # A one-to-three-word quote is a scare quote unless it is a whole utterance with
            # its own attribution right after it (`"No," he said.`), what a reporting verb
            # reports (`called the system "rigged"`, `described it as "news to me."`), or a
            # sentence of 2+ words right after another quote (`"They sue," he said.
            # "Everybody sues, right?"`: guidelines §4; not `"Trainwreck."`). PolNeAR train.
            if found is None or not starts_sentence or last_char not in ",.!?":
                found = _governing_cue(ix, t_open, t_close, sp)
                if found is None and not (words > 1 and starts_sentence and continues_previous(text, out, sp, s_open)
                                          and ix.alpha_count(a_first, sent_c.end - 1) == 0):
                    continue
        if found is None and b_last < b_first and s_open > 0:
            # `Breitbart News responded:` closing the paragraph before the quote
            prev = ix.sents[s_open - 1]
            last = max(last_word(doc, prev.start, prev.end - 1), prev.start)
            if doc[last].text == ":" and ix.in_quote[last] == -1:
                got = find_before_cue(ix, prev.start, last, lex)
                if got is not None and got[0] != "according":
                    found = got
        if found is None and b_last >= b_first:
            found = before()
        # Title Case with no cue around it, or right after a verb (`told "The Steve
        # Harvey Morning Show,"`, `gave the "State of the Union."`): the name of a
        # book, show or slogan. After a colon (`Kasich: 'We Are Going ...'`) or a verb
        # that voices it (``spoken``, above) it is speech.
        if (found is None or found[0] == "before") and title_like(content) and spoken is None:
            continue
        if found is None and a_first <= a_last:
            hit = find_after_cue(ix, a_first, a_last, lex, strict=False)
            if hit is not None:
                found = ("after", hit[0], hit[1])
        if found is None and not starts_sentence:
            # A partial quote inside a clause: its subject owns the words
            # (`Aleinik named the need to "strengthen ..."`).
            got = _sentence_subject(ix, s_open, t_open)
            if got is not None:
                found = ("partial", got[0], got[1])
            elif words < 6 or not sp.closed:
                continue  # a short phrase in quotation marks with nobody saying it: a term, not a quote
            # else words quoted mid-sentence with no one saying them in the sentence: a
            # quote whose speaker the stage's continuation rules look for, as for a quote
            # that is a sentence of its own (`..., said Steve Schmidt. Unless further rivals
            # quit, ''it's very difficult to see ...''`; on PolNeAR train those rules
            # named 14 more gold speakers and no wrong one)
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
    share_with_next(text, out)
    return out


# any space but a line break around the dash: PolNeAR vox pops write `”\xa0― Name`
_DASH_RE = re.compile(r"[^\S\n]*[―—–-]{1,2}[^\S\n]*")
_DASH_LINE_RE = re.compile(r"[^\S\n]*\n\s*[―—–-]{1,2}[^\S\n]*(?=[^\n]{2,60}(?:\n|$))")


def _dash_name(ix: DocIndex, close_end: int):
    """`"..." ― Sonya Herridge`: a dash and a name right after a closing mark
    (read on the raw text: the tokenizer glues `”―` or `― Name` in odd ways)."""
    m = _DASH_RE.match(ix.text, close_end)
    if m is None:
        # a signature line of its own under the quote: `"..."\n\n- Bernie Sanders.`
        m = _DASH_LINE_RE.match(ix.text, close_end)
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


# --- an unclosed quote, and the direct and indirect quotes of a document together ---

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
                if subj is not None and subj.i > tok.i and _attributes_quote(nxt, subj):
                    end = tok.idx + 1
                    return QuotedSpan(sp.open_pos, end, sp.start, end, sp.double, False)
                break
    return sp


def _attributes_quote(cue: Token, subj: Token) -> bool:
    """Whether `, <subject> <cue>` inside an unclosed quote is its attribution, not the
    speaker's own words going on: no first or second person, no relative clause, and no
    object or clause of the cue's own after it (BBC politics, 16 quotes in 15 articles:
    `"... of very high quality, they offer very attractive courses ...` was cut at
    "quality," with `they` its speaker; `"On the other hand, I think his remarks were
    ..."` at "hand,")."""
    return subj.lower_ not in personal_pronouns((1, 2)) and cue.dep_ != "relcl" \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > cue.i for c in cue.children)


def _sets_off_quote(ix: DocIndex, a: Attribution) -> bool:
    """``a`` is a direct quote ending in `,`, `!` or `?` whose cue follows its closing mark
    with no conjunction between (`"You should resign," Warren told Stumpf, after he
    admitted ...`): the cue has said what it reports. Not a cue joined on by `and`
    (`that "we close one chapter ...," and he vowed to ...`, PolNeAR train)."""
    if a.how != "after":  # (its cue always lies after its closing mark)
        return False
    if ix.text[a.start:a.end].rstrip()[-1:] not in (",", "!", "?"):
        return False
    first, last = ix.token_at(a.close_end), ix.token_at(a.cue[0])
    return not any(t.pos_ in ("CCONJ", "SCONJ") for t in ix.doc[first:last])


def find_attributions(doc: Doc, text: str) -> DocQuotes:
    """All direct and indirect quote candidates of ``doc`` with their cue and speaker mention.
    ``text`` is the Doc's text (``documents.text`` or ``parse.doc_text``; Doc.text
    rebuilds it on each access)."""
    scan = scan_quotes(text)
    scan.spans = [_recover_unclosed(doc, sp) if not sp.closed else sp for sp in scan.spans]
    ix = DocIndex(doc, scan.spans, text)
    direct = direct_attributions(ix, scan.spans)
    # Only spans kept as direct quotes block indirect content; scare quotes and titles
    # inside a reported clause do not.
    kept = {(a.start, a.end) for a in direct}
    blocking = [(sp.open_pos, sp.close_end) for sp in scan.spans if (sp.start, sp.end) in kept]
    spent = {a.cue[0] for a in direct if _sets_off_quote(ix, a)}
    indirect = indirect_attributions(ix, blocking, spent)
    direct = _without_fragments(text, direct, indirect)
    atts = sorted(direct + indirect, key=lambda a: (a.start, a.kind))
    notes = outlet_notes(text)
    if notes:
        atts = [a for a in atts if not any(s <= a.start < e for s, e in notes)]
    return DocQuotes(one_per_content(atts), scan.problems, ix.sents)


# A quoted phrase of a few words inside reported speech with the same cue
# (`tweeted that Machado was "a total disaster" and ...`) is part of that indirect
# quote, not a direct quote of its own: PolNeAR train annotates the clause, and
# the row would repeat words the indirect row already holds. A longer partial
# quote stays a direct quote (docs/guidelines.md §4: `Belarus has "already
# formulated the idea ..."`).
FRAGMENT_MAX_WORDS = 6


def _without_fragments(text: str, direct: list[Attribution], indirect: list[Attribution]) -> list[Attribution]:
    inner = [(i.start, i.end, i.cue) for i in indirect]
    if not inner:
        return direct

    def inside_indirect(d: Attribution) -> bool:
        """``d`` lies inside an indirect quote of its cue and is no utterance of its own: it
        neither opens the reported clause (`Sanders had said, "We'll see," when asked whether
        ...`; an indirect quote that starts at the quote's opening mark opens with it) nor
        follows its cue and a comma or colon (`Asked whether ..., Priebus said, "Probably."`),
        PolNeAR train. The marks and the stop of a quote may lie outside the indirect one
        (`"pathological liar."`)."""
        if text[d.cue[1]:d.open_pos].strip() in (",", ":"):
            return False
        opening = d.open_pos if 0 <= d.open_pos < d.start else d.start
        words_end = d.start + len(text[d.start:d.end].rstrip(" .,;:!?'\"”’"))
        return any(s < opening and words_end <= e and c == d.cue for s, e, c in inner)

    return [d for d in direct if not (
        d.how in ("partial", "before") and n_words(text[d.start:d.end]) <= FRAGMENT_MAX_WORDS and inside_indirect(d))]


@lru_cache(maxsize=1)
def _outlet_note_re() -> re.Pattern:
    alts = "|".join(re.escape(w).replace("'", "['’]") for w in word_list("outlet_notes"))
    return re.compile(rf"(?im)^[^\S\n]*(?:{alts})")


def outlet_notes(text: str) -> list[tuple[int, int]]:
    """Char spans of the paragraphs that are the outlet's own notes (``outlet_notes.txt``)."""
    out = []
    for m in _outlet_note_re().finditer(text):
        end = text.find("\n", m.start())
        out.append((m.start(), len(text) if end < 0 else end))
    return out

