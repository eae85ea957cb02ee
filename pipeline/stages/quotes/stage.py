"""Quotes stage (issue 4, issue 13): direct and indirect quotes with their sources.

Per document: ``quotes_attrib.find_attributions`` pairs the quotation marks and
reads cues and speaker mentions off the one spaCy parse; ``speakers`` resolves
each mention to the source's name and kind, walking the document in order so
that pronouns and descriptions see only what came before them.

A direct quote with no cue of its own takes the source of the quote run or
paragraph it belongs to (docs/guidelines.md §4), by these rules in order; a
wrong guess is worse than none, so a quote no rule reaches keeps no speaker:

1. the attribution in the same or the immediately preceding sentence
   (`"...," X said. "We call on ..."`), the direct quote's where an indirect
   quote lies in a clause of its attribution (`"...," said X, using a term Y
   has used to describe Z. "..."`);
2. a cue with its subject left out right before it (`And continued: "..."`):
   the previous speaker;
3. the nearest attributed quote before it in the same paragraph;
4. the person the previous sentence is about (its main subject: "Writing in the
   Guardian, Mr Brown outlined his view. "As our manifesto ...");
5. a paragraph that opens with a quote continues the run of the paragraph
   before when that one ended inside a quote (multi-paragraph quotes: each
   paragraph reopens the quotation mark).

No rule takes the source of a quote whose speaker is a thing as the subject of a
cue with a noun phrase for content (``sources.a_thing``: `The restoration ...
revealed some interesting items`), and no later pronoun names it.

An attribution *after* a cue-less quote in its paragraph is not taken: on BBC
politics it was another source's as often as not ('"He's not finished yet,"
whispered the Conservative Party person ...; Michael Howard ... claiming').
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
from spacy.tokens import Doc, Span

from ...errors import DOCUMENT_ERRORS, ErrorLog
from ...nlp.lemmas import ensure_lemmas
from ...resources import reporting_nouns
from .attribution import find_attributions
from .cues import VERB_POS, addresses_object, of_kind
from .objects import first_child
from .subjects import passive_agent, subject_of
from .records import CONTINUATION_SENTENCES, Attribution
from .sources import a_thing, inside, may_be_person, personal_pronouns
from .speakers import EntityRow, SpeakerResolver
from ...tables import empty_frame
from ...nlp.docs import doc_text
from ..gender import mention_gender, surname_genders
from ..offsets import sent_id_at, sentence_starts

STAGE = "quotes"
IMPLEMENTED = True

COLUMNS = ["doc_id", "quote_id", "kind", "start", "end", "text", "speaker", "speaker_text", "cue",
           "speaker_start", "speaker_end", "cue_start", "cue_end", "sent_id", "speaker_kind", "speaker_role"]
# pronouns of the people in a conversation: never the narrator's name for a source
_SPEECH_PARTICIPANTS = personal_pronouns((1, 2))  # i, we, you, me, us


@dataclass(frozen=True)
class QuoteRow:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    speaker_kind: str = "unknown"
    speaker_role: str | None = None


def _direct(att: Attribution, text: str, prev: QuoteRow | None = None) -> QuoteRow:
    """A direct-quote row with no cue of its own: unattributed, or continuing ``prev``'s source."""
    if prev is None:
        return QuoteRow("direct", att.start, att.end, text[att.start:att.end], None, None, None, None, None, None, None)
    return QuoteRow("direct", att.start, att.end, text[att.start:att.end], prev.speaker, prev.speaker_text, None,
                    prev.speaker_start, prev.speaker_end, None, None, prev.speaker_kind, prev.speaker_role)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A speaker mention's span grown to whole words: the parse may cut it inside a
    hyphenated word ("The Tory co" or "-chairman" of "The Tory co-chairman")."""
    while end < len(text) and (text[end].isalnum() or (text[end] in "-'’" and end + 1 < len(text) and text[end + 1].isalnum())):
        end += 1
    while start > 0 and (text[start - 1].isalnum() or (text[start - 1] in "-'’" and start >= 2 and text[start - 2].isalnum())):
        start -= 1
    if text[start:start + 1] in ("-", "'", "’"):
        start += 1
    return start, end


_TANGLED_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj"})
_NOT_A_PERSON = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})


def _main_subjects(sents: list[Span], contents: list[tuple[int, int]], quote_sents: set[int]):
    """Subjects of each sentence's main verb(s), a passive's person agent for its subject:
    candidate antecedents for pronouns.

    In a sentence with a direct quote (``quote_sents``), a verb of the narration that the
    parser hung on a verb inside the quote heads a main clause too: `Sen. Claire McCaskill
    scolded him: "The scientific community is ...," she said.` parses scolded -> ccomp of
    `is`, and without its subject `she` went to the man named before (PolNeAR dev). Only
    a person's: a place or body so found (`However Paris was more subdued, with finance
    minister Herve Gaymard telling parliament: "..."`, BBC) took an `it` from the body
    named in the next sentence; and none inside what someone said (``contents``, the
    quotes' own spans, direct and indirect: `Ted Cruz argued that if Donald Trump is
    president "we will see ..." and that he fears ...`, PolNeAR train, gave `he` to Trump)."""
    for si, sent in enumerate(sents):
        root = sent.root
        verbs = [root] + [c for c in root.children if c.dep_ == "conj"]
        for v in verbs:
            subj = first_child(v, ("nsubj",))
            by = passive_agent(v) if subj is None else None
            if by is not None and by.ent_type_ == "PERSON":
                # a passive's `by` phrase names the person who acted (BBC politics: `The report was
                # welcomed by shadow pensions secretary David Willetts. "...," he said.` gave "he"
                # to the body quoted before); not a body, after which "it" is mostly the passive's
                # subject (`The report is published by the Efficiency in Government Unit. It says`)
                subj = by
            if subj is not None:
                yield subj
        if si in quote_sents:
            here = [c for c in contents if c[0] < sent.end_char and c[1] > sent.start_char]
            for t in sent:
                if t.dep_ in _TANGLED_CLAUSE_DEPS and t.pos_ in VERB_POS and t not in verbs \
                        and inside(here, t.head.idx) and not inside(here, t.idx):
                    subj = first_child(t, ("nsubj",))
                    if subj is not None and subj.ent_type_ not in _NOT_A_PERSON and not inside(here, subj.idx):
                        yield subj


def quote_rows(doc: Doc, entities: list[EntityRow], text: str | None = None) -> tuple[list[QuoteRow], list[str]]:
    """Quotes of one parsed document, in text order, and the mark problems found.

    ``text`` is the document's text when the caller has it (``documents.text``,
    which the parse cache guarantees equal to the Doc's text); otherwise it is
    built from the Doc."""
    ensure_lemmas(doc)  # cue and role lemmas; the parse skips the lemmatizer (pipeline.nlp.lemmas)
    if text is None:
        text = doc_text(doc)
    found = find_attributions(doc, text)
    sents = found.sents
    sent_starts = [s.start_char for s in sents]
    quoted = [(a.start, a.end) for a in found.attributions if a.kind == "direct"]
    resolver = SpeakerResolver(doc, entities, quoted, text, [(a.start, a.end) for a in found.attributions])

    events: list[tuple[int, int, object]] = []
    quote_sents = {a.sent_index for a in found.attributions if a.kind == "direct"}
    for subj in _main_subjects(sents, resolver.reported, quote_sents):
        events.append((subj.idx, 1, subj))
    for k, att in enumerate(found.attributions):
        pos = att.speaker_head.idx if att.speaker_head is not None else att.start
        events.append((pos, 0, k))
    events.sort(key=lambda e: (e[0], e[1]))

    resolved: dict[int, QuoteRow] = {}
    last: tuple[QuoteRow, int] | None = None  # last attributed quote and the sentence it ends in
    last_direct: tuple[QuoteRow, int] | None = None  # the same for the last attributed direct quote
    pending: list[int] = []                   # cue-less quotes no early rule reached
    things: dict[int, QuoteRow] = {}          # quotes whose source is a thing (see below)
    for pos, typ, item in events:
        if typ == 1:
            resolver.note_subject(item)
            continue
        att: Attribution = found.attributions[item]
        evidence = False
        if att.speaker_head is None:
            row = _early_continuation(att, text, last, last_direct)
            if row is None:
                pending.append(item)
                row = _direct(att, text)
        elif (att.speaker_head.lower_ in _SPEECH_PARTICIPANTS and att.kind == "direct"
              and not _is_narrator(att, text)) \
                or _addressee(att.speaker_head, att.cue if att.kind == "indirect" else None):
            # "I", "we", "you" are the quoted words' own (a closing mark the text forgot),
            # unless the writer speaks before the quote (``_is_narrator``);
            # the person spoken to ("But told BBC News: ...") never speaks: the quote has
            # no cue of its own (docs/guidelines.md §4.5)
            row = _early_continuation(att, text, last, last_direct)
            if row is None:
                pending.append(item)
                row = _direct(att, text)
        else:
            # a thing (``sources.a_thing``) as the subject of a cue whose content is a noun
            # phrase is no antecedent of a later pronoun, nor the source of the quotes after
            # it: BBC tech/094, `The restoration of the older Star Wars episodes revealed
            # some interesting items too.` took Rick Dean's next two quotes; tech/285 Shelley
            # Taylor's "she said"
            evidence = att.how in ("object", "passive") and a_thing(att.speaker_head)
            source = resolver.resolve(att.speaker_head, att.speaker_span, (att.start, att.end),
                                      antecedent=not evidence and may_be_person(att.speaker_head))
            s0, s1 = _whole_words(text, *att.speaker_span)
            c0, c1 = att.cue if att.cue else (None, None)
            row = QuoteRow(att.kind, att.start, att.end, text[att.start:att.end], source.name, text[s0:s1],
                           text[c0:c1] if att.cue else None, s0, s1, c0, c1, source.kind, source.role)
        (things if evidence else resolved)[item] = row
        ends = [att.end] + ([att.speaker_span[1]] if att.speaker_span else [])
        end_sent = bisect.bisect_right(sent_starts, max(ends) - 1) - 1
        if not evidence and (row.speaker is not None or (row.speaker_text is not None
                                                         and row.speaker_text.lower() not in _SPEECH_PARTICIPANTS)):
            last = (row, end_sent)
            if row.kind == "direct":
                last_direct = last
    for item in pending:
        att = found.attributions[item]
        resolved[item] = _late_continuation(att, text, found.attributions, resolved, resolver, sents)
    resolved.update(things)
    rows = [resolved[k] for k in sorted(resolved, key=lambda k: (found.attributions[k].start, found.attributions[k].kind))]
    return rows, found.problems


def _is_narrator(att: Attribution, text: str) -> bool:
    """`I laughed and said, "I don't believe in the devil."`: a first person before the
    quote, with the cue or colon that introduces it, outside any quotation marks of its
    paragraph, is the writer speaking (PolNeAR dev), not a word of a quote whose marks the text
    forgot (`"The health issue ... which, I'm going to read you the question: "As you
    know, ..."`, where Pat Caddell goes on)."""
    head = att.speaker_head
    if att.how not in ("before", "colon") or head.idx >= att.open_pos or head.lower_ not in personal_pronouns((1,), "subject") \
            or head.pos_ != "PRON":
        return False  # (not `the US had agreed ... after "..."`, which the parser hung on "US")
    before = text[_paragraph(text, head.idx)[0]:head.idx]
    # every double quotation mark of the paragraph before the first person closed (an
    # apostrophe is no mark: `don't`)
    return before.count('"') % 2 == 0 and before.count("“") == before.count("”") \
        and before.count("«") == before.count("»")


def _addressee(head, cue: tuple[int, int] | None = None) -> bool:
    """The mention the attribution found is whom the speech was addressed to: the
    object of "tell"-like verbs ("told the BBC", "assured MPs": the ``addressee-object``
    verbs of ``reporting_verbs.txt``), or "to X" after a verb ("said to reporters",
    "wrote to the minister": its ``addressee-to`` verbs; not "according to X", which
    names the source) or a letter, e-mail or message (the ``addressee-to`` nouns of
    ``reporting_nouns.txt``, as written).
    With an indirect quote's ``cue`` (character offsets: its reporting verb), only the
    addressee of that cue: in "Tom told Annette Guessford, who ... said she planned to
    caucus", Guessford is whom Tom spoke to and the speaker of "said" (PolNeAR train). A
    direct quote's cue may be its colon ("But told BBC News: ..."), so it gets none."""
    def of_cue(verb) -> bool:
        return cue is None or cue[0] <= verb.idx < cue[1]

    if head.dep_ in ("dobj", "dative", "iobj") and addresses_object(head.head) and of_cue(head.head):
        return True
    prep = head.head if head.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "to" and of_cue(prep.head) and (
        of_kind(prep.head, "addressee-to")
        or prep.head.lower_ in reporting_nouns("addressee-to"))


def _early_continuation(att: Attribution, text: str, last, last_direct) -> QuoteRow | None:
    """Rules 1-2 of the module docstring: the attribution just before; not an indirect
    quote in the sentence of the direct quote before it, a clause of that quote's own
    attribution (`"Who is the real con man here?" said Murphy, using a term Rubio has
    used to describe Donald Trump, on a call. "Senator Rubio and ..."`: the next
    quotation goes on with Murphy, docs/guidelines.md §4.1; PolNeAR train gave it to
    Rubio, Jones, "callers")."""
    if last is not None and last[0].kind == "indirect" and last_direct is not None and last_direct[1] == last[1]:
        last = last_direct
    if last is not None and att.sent_index - last[1] <= CONTINUATION_SENTENCES:
        return _direct(att, text, last[0])
    return None


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _late_continuation(att: Attribution, text: str, atts: list[Attribution], resolved: dict[int, QuoteRow],
                       resolver: SpeakerResolver, sents) -> QuoteRow:
    """Rules 3-5 of the module docstring, once every attributed quote is resolved."""
    p0, p1 = _paragraph(text, att.start)
    known = sorted((a.start, k) for k, a in enumerate(atts) if k in resolved and resolved[k].speaker is not None)
    before = [(s, k) for s, k in known if p0 <= s < att.start]
    if before:
        return _direct(att, text, resolved[before[-1][1]])
    subject = _previous_subject(att, text, resolver, sents)
    if subject is not None:
        return subject
    if text[p0:att.open_pos].strip() == "" and p0 > 0:
        # a paragraph that opens with a quote: the run of the paragraph before
        q0, q1 = _paragraph(text, p0 - 1)
        prev = [(a.close_end, k) for k, a in enumerate(atts) if a.kind == "direct" and q0 <= a.start < q1
                and k in resolved and resolved[k].speaker is not None]
        # that paragraph ended inside the quote (its mark reopens here) or right after it
        if prev and (not atts[prev[-1][1]].closed or text[prev[-1][0]:q1].strip(" .,\"”’'") == ""):
            return _direct(att, text, resolved[prev[-1][1]])
    return _direct(att, text)


def _previous_subject(att: Attribution, text: str, resolver: SpeakerResolver, sents) -> QuoteRow | None:
    """Rule 4: the person the previous sentence is about ("Writing in the Guardian, Mr
    Brown outlined his view. "As our manifesto ...")."""
    if att.sent_index == 0:
        return None
    prev_sent = sents[att.sent_index - 1]
    subj = subject_of(prev_sent.root)
    if subj is None or resolver.inside_quote(subj.idx):
        return None
    name, label = resolver.name_of(subj)
    if name is None or label != "PERSON":
        return None
    return QuoteRow("direct", att.start, att.end, text[att.start:att.end], name, subj.text, None,
                    subj.idx, subj.idx + len(subj.text), None, None, "person")


def entity_rows_by_doc(entities: pd.DataFrame) -> dict[str, list[EntityRow]]:
    """The entities table's rows of each document, as the speakers read them: a one-word
    person name with the gender its courtesy title or the document's titles give it
    (``gender.mention_gender``)."""
    by_doc: dict[str, list[tuple]] = {}
    titles = entities["courtesy_title"] if "courtesy_title" in entities.columns else [None] * len(entities)
    for d, s, e, lab, can, txt, title in zip(entities["doc_id"], entities["start"], entities["end"],
                                             entities["label"], entities["canonical"], entities["text"], titles):
        name = can if isinstance(can, str) and can else str(txt)
        one_word = lab == "PERSON" and " " not in name
        by_doc.setdefault(d, []).append((int(s), int(e), lab, name, one_word, title if isinstance(title, str) else None))
    out: dict[str, list[EntityRow]] = {}
    for d, rows in by_doc.items():
        by_word = surname_genders((name, title) for *_, name, one_word, title in rows if one_word)
        out[d] = [EntityRow(s, e, lab, name, mention_gender(name, title, by_word) if one_word else None)
                  for s, e, lab, name, one_word, title in rows]
    return out


def extract_quotes(documents: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame,
                   docs: Mapping[str, Doc], errors: ErrorLog) -> pd.DataFrame:
    """One row per direct or indirect quote, with its speaker resolved."""
    ents_by_doc = entity_rows_by_doc(entities)
    sent_starts = sentence_starts(sentences)
    out = []
    for doc_id, path, text in zip(documents["doc_id"], documents["path"], documents["text"]):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        try:
            rows, problems = quote_rows(doc, ents_by_doc.get(doc_id, []), text)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(doc_id, path, STAGE, exc)
            continue
        if problems:
            errors.warn(doc_id, path, STAGE, "unbalanced_quotes",
                        f"{len(problems)} unpaired quotation mark(s); quotes closed at the paragraph end: {problems[0]}")
        starts = sent_starts.get(doc_id)
        for k, r in enumerate(rows):
            out.append((doc_id, k, r.kind, r.start, r.end, r.text, r.speaker, r.speaker_text, r.cue,
                        r.speaker_start, r.speaker_end, r.cue_start, r.cue_end, sent_id_at(starts, r.start),
                        r.speaker_kind, r.speaker_role))
    if not out:
        return empty_frame("quotes")
    df = pd.DataFrame(out, columns=COLUMNS)
    for col in ("speaker_start", "speaker_end", "cue_start", "cue_end", "sent_id"):
        df[col] = df[col].astype("Int64")
    return df
