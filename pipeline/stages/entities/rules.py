"""Entity rules inside the one spaCy parse (issue 3).

``add_to_pipeline(nlp)`` adds one component, ``claimex_entity_rules``, right
after the statistical ``ner``. It corrects ``doc.ents`` for news about politics
and diplomacy (docs/guidelines.md §3) with general patterns, never with strings
taken from one sentence:

* span fixes on the model's entities: a leading "the", a trailing possessive
  ('s, ’) and trailing lower-case words ("BelTA news agency") leave the span;
  courtesy titles and job titles are cut off the front or end
  ("Foreign Minister Sergey Aleinik" -> "Sergey Aleinik"); an entity that is
  only a job title ("the Minister of Foreign Affairs") or a piece of one
  ("Defence" of "Defence Secretary Geoff Hoon": a portfolio, ``titled.py``) or a
  role's letters ("MEP", "MPs") is dropped, and one that runs into a title is cut
  before it;
* ``Expansion (ACRONYM)`` and ``ACRONYM (Expansion)`` defined in the text: the
  expansion is one ORG, and every mention of the acronym in that document is
  ORG; an acronym of lower-case words ("small arms and light weapons (SALW)")
  is not a name and is dropped;
* named conferences and sessions are EVENT, named charters, acts, accords and
  treaties are LAW (capitalised head noun from ``resources/event_heads.txt`` /
  ``law_heads.txt`` with capitalised words before it or a capitalised
  ``of/on/for ...`` complement after it);
* persons written with initials (``A.Lukashenko``, ``M.G. Link``) are PERSON;
* gazetteers (data files): organisation acronyms and news agencies are ORG,
  countries GPE, world regions LOC ("the West" too), demonyms NORP;
* a job title or courtesy title before capitalised proper nouns marks a
  PERSON ("Deputy Minister of Foreign Affairs Igor Sekreta", "Mrs. Natalya
  Drozd"), and a full name found once is a PERSON wherever it or its surname
  recurs in the document, including where the model gave it another label
  (``DiCaprio`` ORG after "Leonardo DiCaprio"; not a known place or body); a full
  name the model gave another label is a PERSON when the document writes its surname
  after "Mr", "Ms", "Dr" ... (``titles.txt`` kind ``surname``: "Vince Cable" ORG, then
  "Mr Cable");
* a person's name the model cut in two after a first name or initials is one name
  again ("Sir Paul" + "McCartney", "George W." + "Bush"; ``lexicon.glue``), and a
  generation ("Jr.", "III"; ``titles.txt`` kind ``generation``) is joined to the
  name before it or dropped where it follows none (``lexicon.with_generations``);
* a body's name the model cut short at the front gets it back where the alias list
  has the longer name ("Liberal" + "Democrats" NORP -> "Liberal Democrats"), and one
  it cut at "and" is whole where an acronym of the document spells it ("Public" +
  "Commercial Services Union" beside "PCS"; ``lexicon.join_spelled``);
* a name the alias list (``resources/entity_aliases.txt``) calls an
  organisation, or that ends with a club's word (``resources/club_words.txt``:
  "Manchester United", "United"), tagged PERSON, is ORG ("Lib Dems");
* names of bodies are completed ("OSCE" + "Secretariat", "OSCE Office in
  Ashgabat", "OSCE PA"); date ranges ("5 to 9 July 2017", "1998 — 2002") and
  amounts with a currency word ("1.3 million Euro") are one DATE / MONEY.

Every rule was checked against BBC articles as well as the seeds
(``benchmarks/bbc_entity_sample.py``); the regressions that check turned up are
tests in ``tests/test_ner_rules_patterns.py`` (the party rule's, with the canonical
names it gives, in ``tests/test_entities_stage.py``).

Rule spans of the first kinds (definitions, EVENT, LAW, initials) win over
overlapping model spans; the gazetteer kinds relabel a model span with exactly
their extent, fill gaps, and otherwise yield to a longer model name ("OSCE
Ministerial Council" stays one ORG). Everything runs on spaCy's Matcher and
PhraseMatcher plus loops over entities and matches only, never over every
token, so the component adds little to ``nlp.pipe`` time (see
``benchmarks/bbc_entity_sample.py --speed``); the token patterns, and the
matcher each text gets with only the patterns it can match, are in
``patterns.py``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ...nlp.docs import doc_text
from ...resources import first_names
from .. import gender, names, offices
from . import acronyms, aliases, lexicon, patterns, titled
from .patterns import GATE_ATTRS, WEEKDAYS_MONTHS, GatedPatterns
from .titled import NAME_CONNECTORS, TitleMatcher, holds_proper_noun, only_role_letters, out_of_titles
from .lexicon import (Cand, event_heads, extend_bodies, glue, job_titles, join_hyphenated, join_spelled,
                      law_event_heads, law_heads, lines, not_entities, organisations_tagged_person, propagate_persons,
                      royal_names, with_generations)
from ..names import ACR_STOP, ACRONYM_RE, acronym_matches, expansion_words

COMPONENT = "claimex_entity_rules"
#: word lists this component reads, and the helper modules it runs: they shape
#: the cached parse (``runner.fingerprint.parse_key``; tested to be complete)
RESOURCES = ("club_words", "countries", "currencies", "demonyms", "dotted_abbreviations", "entity_aliases",
             "event_heads", "law_heads", "news_agencies", "not_entities", "org_acronyms", "org_heads", "region_names",
             "given_names", "source_nouns", "titles")
# (gender: through names; acronyms, offices: through lexicon)
PARSE_MODULES = (names, gender, lexicon, patterns, aliases, titled, acronyms, offices)

#: Labels that name something: a leading "the", a possessive, trailing lower-case
#: words and titles are cut from these (docs/guidelines.md §3). DATE, CARDINAL etc.
#: keep the model's extent ("the past decade" is one DATE in OntoNotes).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"})

# Labels whose names never end in a common noun ("BelTA news agency" -> "BelTA"); an
# EVENT may ("the Iraq war", "the Athens games").
_LOWER_TAIL_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "`s"})
# Lower-case particles that may end or sit inside a personal name (OntoNotes keeps them).
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "la", "le", "du", "al", "bin", "ibn", "dos", "del"})

# "Expansion (ACR)" / "Expansion (ACR - editorial note)" and "ACR (Expansion)".
_DEFINED_AFTER = re.compile(r"\((" + ACRONYM_RE + r")(?=\s*[)\-–—,;])")
_DEFINED_BEFORE = re.compile(r"\b(" + ACRONYM_RE + r")\s*\(([^()\n]{3,120})\)")
# A named event given as a quoted title: 'a conference titled "Eurasian Security: ..."'.
_TITLED_EVENT = re.compile(
    r"\b(?:conference|forum|summit|meeting|session|congress|symposium)\s+(?:titled|entitled|called|named|themed)\s+[\"“«]([^\"”»\n]{3,200}?)[.,;!?]?[\"”»]",
    re.IGNORECASE,
)
# How many words before "(ACR)" may belong to the expansion.
_MAX_EXPANSION_WORDS = 12


def _peer_name(doc: Doc, start: int, end: int) -> bool:
    """A peer's title and a lone surname: "Lord Falconer" is the name (docs/guidelines.md §4),
    "Lord Charles Falconer" is "Charles Falconer"."""
    return end - start == 2 and doc[start].lower_ in names.peer_titles() and doc[start + 1].is_title


def _alias_start(doc: Doc, start: int, end: int) -> int:
    """Where a model span starts once the capitalised words the model cut off the front
    of a body's name (one or two) are back: "Liberal" + "Democrats" (NORP) is the
    "Liberal Democrats" of ``entity_aliases.txt`` (BBC, 2,225 articles: 91 mentions of
    "Liberal Democrat(s)" cut to "Democrat(s)", named so corpus-wide); ``start`` where
    no alias is that longer name, or the span already is one (the alias list reads past a
    leading "the": "The" + "Green Party" would match too)."""
    if start == 0 or not (doc[start - 1].is_title and doc[start - 1].is_alpha) \
            or aliases.alias_kind(doc[start:end].text) is not None:
        return start  # (the cheap test first: most spans have no capitalised word before them)
    for k in (start - 1, start - 2):
        if k < 0 or not (doc[k].is_title and doc[k].is_alpha):
            break
        if aliases.alias_kind(doc[k:end].text) == "organisation":
            return k
    return start


def _is_capitalised_name(words: list[str]) -> bool:
    """Every content word starts with a capital (a proper name, not "small arms")."""
    content = [w for w in words if w.lower() not in ACR_STOP]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


# --- the component -----------------------------------------------------------

class EntityRules:
    """The ``claimex_entity_rules`` component. See the module docstring."""

    def __init__(self, vocab: Vocab, make_doc):
        self.vocab = vocab
        acronyms = [line.split("|")[0].strip() for line in lines("org_acronyms")]
        self.gazetteer = PhraseMatcher(vocab, attr="ORTH")
        self.gazetteer.add("ORG", [make_doc(a) for a in acronyms] + [make_doc(a) for a in lines("news_agencies")])
        self.gazetteer.add("GPE", [make_doc(c) for c in lines("countries")])
        self.gazetteer.add("LOC", [make_doc(r) for r in lines("region_names")])
        self.gazetteer.add("NORP", [make_doc(n) for n in lines("demonyms")])
        self.titles = TitleMatcher(vocab, make_doc)
        self.patterns = GatedPatterns(vocab)  # the token patterns, each text with those it can match
        first_names()  # read here, at load: two cut halves of a name are glued after one (lexicon.glue)

    # -- helpers on token spans ------------------------------------------------

    def _trim(self, doc: Doc, start: int, end: int, label: str, title_ends: dict[int, int], title_starts: dict[int, int]):
        """Cut "the" ("a", "an"), titles, possessives, emoji and trailing lower-case words off a name span.

        Values (DATE, MONEY, ...) keep their "the" ("the past decade" is one DATE in
        OntoNotes and in the gold) but lose a possessive ("next month's")."""
        if label not in NAME_LABELS:
            while end - start > 1 and doc[end - 1].text in _POSSESSIVE:
                end -= 1
            return start, end
        changed = True
        while changed and start < end:
            changed = False
            tok = doc[start]
            if tok.lower_ == "the" or tok.text in ("a", "an") or tok.is_punct or tok.is_space or names.is_mark(tok.text):
                # (a lower-case indefinite article too: `a Golden Globe`, `sees off a
                # Conservative Party`, `an Election Court` in BBC articles; a title's own
                # capital one stays: `A Very Long Engagement`)
                start += 1
                changed = True
            elif start in title_ends and title_ends[start] <= end and not _peer_name(doc, start, end):
                # a title at the front: "Foreign Minister Sergey Aleinik", "Mrs. Natalya Drozd"
                start = title_ends[start]
                changed = True
            elif tok.lower_ in NAME_CONNECTORS and start > 0:
                # left over after a cut title: "[Minister] of Foreign Affairs of Belarus"
                start += 1
                changed = True
        changed = True
        while changed and start < end:
            changed = False
            tok = doc[end - 1]
            if tok.text in _POSSESSIVE or tok.is_punct or tok.is_space or names.is_mark(tok.text):
                end -= 1
                changed = True
            elif tok.lower_ in NAME_CONNECTORS:
                end -= 1
                changed = True
            elif tok.is_alpha and tok.is_lower and tok.lower_ not in NAME_PARTICLES and end - start > 1 and label in _LOWER_TAIL_LABELS:
                # "BelTA news agency" -> "BelTA": common nouns after a name are not the name
                end -= 1
                changed = True
            elif (end - 1) in title_starts and title_starts[end - 1] >= start and label in ("ORG", "PERSON", "GPE", "NORP"):
                # a title at the end: "OSCE Secretary General" (tagged ORG) -> "OSCE"
                end = title_starts[end - 1]
                changed = True
        return start, end

    def _check_named(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """Trim a raw EVENT/LAW match and check it is a name, not a capitalised noun."""
        heads_at = [i for i in range(start, end) if doc[i].is_title and doc[i].lower_ in law_event_heads()]
        if not heads_at:
            return None
        # trailing connectors / lower-case tokens / ordinals without a capital after them
        while end > start and not doc[end - 1].text[:1].isupper():
            end -= 1
        # "the Helsinki Final Act and the Charter for European Security": two names
        # joined by "and" (or a comma) when another head noun follows.
        for i in range(heads_at[0] + 1, end):
            if doc[i].lower_ in ("and", ",") and (any(h > i for h in heads_at) or i == heads_at[0] + 1):
                # "... Act and Texas Deceptive Trade Practices": "and" right after the
                # head starts a second name, it does not continue this one
                end = i
                break
        # "the Cannes Film Festival in 2002 for Chihwaseon": a connector before a
        # number (a year) ends the name
        for i in range(heads_at[0] + 1, end - 1):
            nxt = doc[i + 1].text
            if doc[i].lower_ in NAME_CONNECTORS and nxt[:1].isdigit() and not re.match(r"^\d+(?:st|nd|rd|th)$", nxt):
                end = i
                while end > start and not doc[end - 1].text[:1].isupper():
                    end -= 1
                break
        # "the FA Cup on Sunday": a date after a connector is not part of the name
        for i in range(heads_at[0] + 1, end):
            if doc[i].ent_type_ == "TIME" or doc[i].lower_ in WEEKDAYS_MONTHS:
                end = i
                while end > start and not doc[end - 1].text[:1].isupper():
                    end -= 1
                break
        # "... Conference on Eurasian Security in Minsk": a trailing "in <place>" is a
        # location modifier, not part of the name.
        for i in range(heads_at[0] + 1, end):
            if doc[i].lower_ == "in" and i + 1 < end and doc[i + 1].ent_type_ in ("GPE", "LOC") and doc[i + 1].lower_ != "the":
                end = i
                break
        head = max(i for i in heads_at if i < end) if any(i < end for i in heads_at) else None
        if head is None:
            return None
        # the head must end the capitalised run: "Collective Security Treaty Organization"
        # is an ORG whose name merely contains "Treaty".
        if head + 1 < end and doc[head + 1].text[:1].isupper():
            return None
        if head + 1 < len(doc) and head + 1 >= end and doc[head + 1].text[:1].isupper() and doc[head + 1].pos_ == "PROPN":
            return None
        if head == start and end == head + 1:
            return None  # a bare capitalised head ("Conference") is not a name
        if head == start and doc[head + 1].lower_ not in ("of", "on", "for"):
            # without a name before the head, only a complement makes it a name
            # ("Charter for European Security"); "the Bill in the Lords" is a bill
            return None
        if doc[start].tag_ == "JJS":
            return None  # "Best Urban Act" is an award category, not a law
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text[:1].isupper() and prev.pos_ in ("PROPN", "ADJ", "NOUN", "NUM"):
            # only the whole capitalised run is a candidate, never its tail ("Urban Act"
            # of "Best Urban Act"): the Matcher also offers the whole run
            return None
        return start, end

    # -- main ------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # The rules read the text several times: build it once (Doc.text is
        # rebuilt token by token on every access; see parse.doc_text).
        arr = doc.to_array(GATE_ATTRS)
        text = doc_text(doc)
        title_ends, offices = self.titles(doc)
        title_starts: dict[int, int] = {}
        for s, e in title_ends.items():
            if s < title_starts.get(e - 1, len(doc) + 1):
                title_starts[e - 1] = s

        # 1. the model's entities, cleaned
        cands: list[Cand] = []
        excluded = not_entities()
        for ent in doc.ents:
            if (ent.label_, ent.text) in excluded:
                continue
            s, e = self._trim(doc, ent.start, ent.end, ent.label_, title_ends, title_starts)
            if s >= e or not any(ch.isalnum() for ch in doc[s:e].text):
                continue
            if ent.label_ in NAME_LABELS and (title_ends.get(s) == e
                                               or only_role_letters([t.text for t in doc[s:e]])):
                continue  # only a job title, or a role's letters ("MEP", "MPs")
            if ent.label_ in NAME_LABELS and offices:
                s, e = out_of_titles(doc, s, e, ent.label_, offices)
                if s >= e:
                    continue  # part of a job title: "Defence" of "Defence Secretary Geoff Hoon"
            if s > ent.start and doc[s - 1].lower_ in ("for", "on") and any(ent.start <= t < s for t in title_ends):
                continue  # the complement of a title: "Coordinator for Combating Trafficking ..."
            if ent.label_ in NAME_LABELS and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[s:e]):
                continue  # no capitalised word left: not a proper name
            label = ent.label_
            if label in NAME_LABELS:
                s = _alias_start(doc, s, e)
            if label in NAME_LABELS and doc[s].text[:1].isdigit() and s > 0 and doc[s - 1].is_currency:
                # `$280bn`, `£6.2bn`: the model takes an amount with a suffix after a currency
                # sign for a name (BBC: 13 PERSON, 2 ORG in 2,225 articles); it is money
                s, label = s - 1, "MONEY"
            cands.append(Cand(s, e, label, False))
        model = cands

        strong: list[Cand] = []
        weak: list[Cand] = []
        suppress: set[str] = set()

        # 2. acronyms defined in the text
        defined = self._defined_acronyms(doc, text)
        defined_label: dict[str, str] = {}
        for acr, exp_span in defined.items():
            if exp_span is None:
                suppress.add(acr)
                continue
            defined_label[acr] = self._expansion_label(doc, *exp_span)
            strong.append(Cand(exp_span[0], exp_span[1], defined_label[acr], True))
        if defined:
            names = [a for a, sp in defined.items() if sp is not None]
            if names:
                pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w])")
                for m in pattern.finditer(text):
                    span = doc.char_span(m.start(1), m.end(1))
                    if span is not None:
                        weak.append(Cand(span.start, span.end, defined_label.get(m.group(1), "ORG"), False))

        gazetteer_hits = self.gazetteer(doc)
        gazetteer_tokens = {i for _, s, e in gazetteer_hits for i in range(s, e)}

        # 3. Matcher rules
        for match_id, s, e in self.patterns.matcher_for(text, arr)(doc):
            label = self.vocab.strings[match_id]
            if label == "PERSON":
                # "George W. Bush": a first name before the initials belongs to the name
                if (s > 0 and doc[s - 1].is_title and doc[s - 1].pos_ == "PROPN" and (s - 1) not in title_ends
                        and (s - 1) not in title_starts and doc[s - 1].ent_type_ in ("", "PERSON") and (s - 1) not in gazetteer_tokens):
                    s -= 1
                strong.append(Cand(s, e, "PERSON", True))
            elif label == "HONORIFIC":
                # the name starts after the last title of the run ("Lord Chancellor Lord
                # Falconer"), a peer's title before a lone surname included
                last = max(k for k in range(s, e) if k in title_ends)
                first = last if _peer_name(doc, last, e) else title_ends[last]
                if first < e and doc[first:e].text.lower() not in job_titles():
                    strong.append(Cand(first, e, "PERSON", True))
            elif label == "MONEY":
                # weak: a model MONEY that is longer ("22 euro cents") stays
                weak.append(Cand(s, e, "MONEY", False))
            elif label in ("EVENT", "LAW"):
                checked = self._check_named(doc, s, e)
                if checked:
                    strong.append(Cand(checked[0], checked[1], label, True))
            elif label == "DATE":
                strong.append(Cand(s, e, "DATE", True))
            elif label == "THE_COMPASS":
                nxt = doc[e] if e < len(doc) else None
                if nxt is None or not (nxt.text[:1].isupper() and nxt.pos_ == "PROPN"):
                    weak.append(Cand(s + 1, e, "LOC", False))

        if "titled" in text or "entitled" in text or "called" in text or "named" in text or "themed" in text:
            for m in _TITLED_EVENT.finditer(text):
                span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
                if span is not None and len(span) and span[0].text[:1].isupper():
                    strong.append(Cand(span.start, span.end, "EVENT", True))

        # a job title followed by two or more capitalised proper nouns names a person:
        # "Deputy Minister of Foreign Affairs Igor Sekreta", "Trade and Industry
        # Secretary Patricia Hewitt" (the small model misses some of these)
        for ts, te in title_ends.items():
            n = te
            while n < len(doc) and n - te < 4 and doc[n].is_title and doc[n].pos_ == "PROPN" and n not in title_ends:
                n += 1
            if n - te >= 2 and not doc[te:n].text.isupper():
                strong.append(Cand(te, n, "PERSON", True))

        # 4. gazetteers
        for match_id, s, e in gazetteer_hits:
            weak.append(Cand(s, e, self.vocab.strings[match_id], False))

        doc.ents = self._resolve(doc, text, model, strong, weak, suppress, title_ends, title_starts)
        return doc

    def _expansion_label(self, doc: Doc, start: int, end: int) -> str:
        """Label of a defined expansion: by its head noun ("African Growth and
        Opportunity Act" is LAW), else ORG, the usual case in news."""
        last = doc[end - 1].lower_
        if last in law_heads():
            return "LAW"
        if last in event_heads():
            return "EVENT"
        return "ORG"

    def _defined_acronyms(self, doc: Doc, text: str) -> dict[str, tuple[int, int] | None]:
        """ACRONYM -> token span of its expansion (None: lower-case expansion, not a name).
        ``text`` is ``doc.text``."""
        if "(" not in text:
            return {}
        out: dict[str, tuple[int, int] | None] = {}
        for m in _DEFINED_AFTER.finditer(text):
            acr = m.group(1)
            paren = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
            if paren is None or acr in out:
                continue
            found = self._expansion_before(doc, paren.start, acr)
            if found is not False:
                out[acr] = found
        for m in _DEFINED_BEFORE.finditer(text):
            acr, inner = m.group(1), m.group(2)
            if acr in out or "," in inner:
                continue  # "BRICS (Brazil, Russia, ...)" is a list, not an expansion
            words = expansion_words(inner)
            if not acronym_matches(acr, words):
                continue
            span = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            out[acr] = (span.start, span.end) if _is_capitalised_name(words) else None
        return out

    def _expansion_before(self, doc: Doc, paren: int, acr: str) -> tuple[int, int] | None | bool:
        """Shortest run of words ending right before ``paren`` whose letters spell ``acr``.

        Returns the token span, ``None`` when the expansion is lower-case words (not
        a name), ``False`` when no expansion is there."""
        end = paren
        lo = max(0, paren - _MAX_EXPANSION_WORDS * 2)
        sent_start = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
        lo = max(lo, sent_start)
        for start in range(end - 1, lo - 1, -1):
            tok = doc[start]
            if tok.is_punct and tok.text not in "-–":
                break
            if tok.lower_ in ACR_STOP:
                continue
            words = expansion_words(doc[start:end].text)
            if acronym_matches(acr, words):
                if not _is_capitalised_name(words):
                    return None
                # a parent organisation's acronym just before: "OSCE Parliamentary Assembly (PA)"
                while start > lo and doc[start - 1].is_upper and doc[start - 1].is_alpha and len(doc[start - 1]) > 1:
                    start -= 1
                return start, end
        return False

    def _resolve(self, doc: Doc, text: str, model: list[Cand], strong: list[Cand], weak: list[Cand], suppress: set[str],
                 title_ends: dict[int, int], title_starts: dict[int, int]) -> list[Span]:
        # strong rule spans: longest first, no overlaps among them
        chosen: list[Cand] = []
        for c in sorted(strong, key=lambda c: (-(c.end - c.start), c.start)):
            if all(c.end <= o.start or c.start >= o.end for o in chosen):
                chosen.append(c)
        # model spans: kept where no strong span overlaps; a partial overlap keeps the
        # side that sticks out ("the OSCE Institutions – [Office for ...]").
        kept: list[Cand] = []
        for m in model:
            pieces = [(m.start, m.end)]
            for c in chosen:
                nxt = []
                for s, e in pieces:
                    if e <= c.start or s >= c.end:
                        nxt.append((s, e))
                        continue
                    if s < c.start:
                        nxt.append((s, c.start))
                    if e > c.end:
                        nxt.append((c.end, e))
                pieces = nxt
            for s, e in pieces:
                if (s, e) != (m.start, m.end):
                    s, e = self._trim(doc, s, e, m.label, title_ends, title_starts)
                    # what is left of a model span cut by a rule span must still hold
                    # a proper noun ("Austria" of "Austria S.Kurz", not "Describing")
                    if s >= e or not holds_proper_noun(doc[s:e]):
                        continue
                if suppress and doc[s:e].text in suppress:  # usually empty: skip building the Span
                    continue
                kept.append(Cand(s, e, m.label, False))
        # weak spans: relabel an exact model span, fill gaps; a model span that strictly
        # contains one keeps it ("OSCE Ministerial Council"), unless the model glued two
        # gazetteer names together ("OSCE-UNDP").
        weak_sorted = sorted({(c.start, c.end, c.label) for c in weak}, key=lambda t: (t[0], -(t[1] - t[0])))
        weak_c = [Cand(s, e, lab, False) for s, e, lab in weak_sorted]
        final = list(chosen)
        # a gazetteer name that strictly contains a model span replaces it
        # ("Bosnia and Herzegovina" over "Bosnia", "1.3 million Euro" over "1.3 million")
        wider = [w for w in weak_c if any(w.start <= m.start and m.end <= w.end and (w.end - w.start) > (m.end - m.start) for m in kept)]
        if wider:
            kept = [m for m in kept if not any(w.start <= m.start and m.end <= w.end for w in wider)]
            kept = [m for m in kept if all(m.end <= w.start or m.start >= w.end for w in wider)] + \
                [w for w in wider if all(w.end <= c.start or w.start >= c.end for c in chosen)]
            kept.sort(key=lambda c: c.start)
        for m in kept:
            inside = [w for w in weak_c if w.start >= m.start and w.end <= m.end]
            exact = [w for w in inside if (w.start, w.end) == (m.start, m.end)]
            if exact:
                final.append(Cand(m.start, m.end, exact[0].label, False))
            elif len(inside) >= 2 and all(t.is_punct or any(w.start <= t.i < w.end for w in inside) for t in doc[m.start:m.end]):
                final.extend(inside)
            else:
                final.append(m)
        for w in weak_c:
            if all(w.end <= o.start or w.start >= o.end for o in final):
                final.append(w)
        final.sort(key=lambda c: (c.start, -(c.end - c.start)))
        spans: list[Cand] = []
        for c in final:
            if spans and c.start < spans[-1].end:
                continue
            prev = spans[-1] if spans else None
            if prev is not None and prev.end == c.start and glue(doc, prev, c):
                spans[-1] = Cand(prev.start, c.end, c.label if prev.label == "DATE" else prev.label, False)
                continue
            spans.append(c)
        spans = extend_bodies(doc, with_generations(doc, royal_names(doc, spans)))
        spans = join_spelled(doc, join_hyphenated(doc, spans))
        spans = propagate_persons(doc, spans, text)
        spans = organisations_tagged_person(doc, spans, text)
        return [Span(doc, c.start, c.end, label=c.label) for c in spans]

@Language.factory(COMPONENT)
def make_entity_rules(nlp, name):  # no annotations: spaCy's config validation cannot resolve postponed ones
    return EntityRules(nlp.vocab, nlp.make_doc)


def add_to_pipeline(nlp: Language) -> None:
    """Add ``claimex_entity_rules`` after the statistical NER (or last, without one)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT, last=True)
