"""Speaker resolution: from the mention next to a quote to the source's one name
and its kind (docs/guidelines.md §4; docs/spec.md, ``speaker_kind``).

The speaker of a named mention is the ``canonical`` of its row in the entities
table, so every table names a source the same way across the corpus (the
corpus-wide renames of canonical names reach ``quotes.speaker`` too). The
rules, applied in document order (each tested in
``tests/test_speakers_resolution.py`` and ``tests/test_speakers_identity.py``):

1. **Named mention**: an entity row covering the mention's head gives ``canonical`` (``Mr Blair`` ->
   ``Tony Blair``; ``Lord Falconer`` keeps his title, :mod:`pipeline.stages.entities.canonical`); a
   surname the corpus left alone, the document's full name with it of the surname's gender
   (``EntityRow.gender``: "Mr. Obama" is not Michelle Obama). A lone surname the NER did not tag as a
   person becomes the full name of a PERSON of the same document (:class:`pipeline.stages.names.PersonNames`).
   A name the alias list calls an organisation is one, whatever the NER said ("the Tories" tagged NORP;
   a party tagged PERSON is ORG already, in the entity rules), and so is a one-word name the document tags
   an organisation at least as often as a person (:func:`.name_votes.organisations_by_vote`: ``Yukos``);
   a mention the NER missed of a one-word name it tags only ORG or GPE is that body (``bodies_by_label``: ``BT``).
   A proper name the NER missed is a person's unless it is plural or takes "the"
   (:func:`.sources.named_thing`: "the FT" a body, "the Gunners" a group).
2. **A role with the name beside it**: ``Ms. Merkel's spokesman, Steffen
   Seibert``, ``The Lord Chief Justice, Lord Woolf``, ``the agency's former
   chief executive Doug Smith``: the person in apposition, not the role.
3. **Pronoun**: ``he``/``she``: the most recent person (or unnamed single
   source: "A spokesman said ... he added") that was a speaker or the subject of
   a main clause before the mention, outside quotation marks (and outside what someone
   else reported, unless the mention is inside that report too), skipping one whose
   honorific, first name or description's head ("her son") contradicts the pronoun
   (``gender``), and a thing that revealed a noun phrase (``stage.py``); failing that, the person named last before
   it outside quotation marks; ``it``: the most recent organisation or
   document; ``they``: the most recent organisation or group.
4. **Description** (``the deputy minister``, ``the Belarusian diplomat``,
   ``our correspondent``): a definite noun phrase headed by a role word
   (``titles.txt`` kind ``word``) names the person the article introduced with
   that role (role words around each PERSON mention, appositions;
   ``speaker_roles.txt`` lets a head match related roles), modifiers break ties,
   then recency (:mod:`.descriptions`; never a deputy's or a shadow's office,
   ``resources/role_ranks.txt``; an office named with a modifier, "the courts
   minister", also the one person the article names in it later). With no such person the role stays the source, unnamed, and
   ``Source.role`` carries it to the corpus-wide pass (``quotes.roles``), which
   names the person the corpus gives that role when the article mentions them.
   Guessing the last person quoted instead was wrong in about half of 250 BBC
   politics cases ("The spokesman said" -> a named MP). A role owned by someone
   (``Mr Blair's official spokesman``) is an unnamed source speaking for them.
   An age, a nationality or an occupation after "the" (``the 30-year-old``, ``the
   Scot``, ``the Oscar-nominated actor``; ``resources/person_epithets.txt``) only ever
   refers back: it names the person the story is about when the latest person speaking
   or acting is also the one named most often so far, with no one named as often (and,
   for an occupation, was not introduced in another role); a nationality noun is
   otherwise the nationality (kind ``unnamed``), never a person or body of that name.
5. **Documents and bodies** (``resources/source_nouns.txt``): ``the report
   says`` is the report the article named last ("National Audit Office report");
   ``the committee said`` the committee it named last, by a name or alias ending in
   the noun ("the party": Liberal Democrats; "the group": the last body named; "the
   company": the one named most often, and in the lead, ``bodies``); else the
   description as written. Kind ``document`` / ``organisation``. A speech, remarks or an
   interview speaks for whom gave it (``sources.speech_giver``: "his speech").
6. **Unnamed sources**: any other common noun (``a spokesman``, ``officials``,
   ``some people``) is an unnamed source described as the article gives it,
   affiliation included (``spokesman for the Home Office``), never a person's name; a bare
   "the spokesman" or "the official" later is the one the article described last with that
   noun and more words (``descriptions``), as "the report" is for documents.
7. Otherwise (an unresolved pronoun, no mention): no speaker, kind ``unknown``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ...nlp.docs import doc_text
from ...resources import first_names, source_noun_kinds, word_set
from ..entities.aliases import alias_kind, alias_of
from ..entities.forms import without_affiliation
from ..gender import PRONOUN_GENDERS, description_gender, first_name_gender, honorific_genders
from ..names import PersonNames, normalise_role, org_title_words, postnominals, surname, title_words
from .bodies import BodyDescriptions
from .descriptions import RoleDescriptions, affiliations
from .name_votes import one_word_bodies
from .sources import (DATELINE_TAIL, DEFINITE, DOCUMENT, GROUP, NOT_SOURCES, PERSON, POSSESSIVE_PRONOUNS,
                      PRONOUN_LABELS, SPEAKER_LABELS, UNNAMED, Source, affiliation_name, all_titles,
                      counts_respondents, describe, giver_span, inside, named_thing, np_span,
                      of_objects, ranked_offices, refers_back, role_families, role_word,
                      sentence_case_only, source_noun_kind, speaker_kind, speaker_name, speaking_head, speech_giver,
                      word_tokens)


@dataclass(frozen=True)
class EntityRow:
    start: int
    end: int
    label: str
    canonical: str
    gender: str | None = None  # a one-word PERSON's: gender.mention_gender


@dataclass
class _Person:
    canonical: str
    roles: set[str] = field(default_factory=set)
    last_pos: int = -1
    ranked: set[tuple[str, str]] = field(default_factory=set)  # sources.ranked_offices
    affiliations: set[str] = field(default_factory=set)  # descriptions.affiliations


def _apostrophe_prefix(doc: Doc, i: int) -> bool:
    """Whether the two tokens before ``doc[i]`` are the prefix of a name written with an
    apostrophe and a space ("O" "'" before "Neill"): one capital letter glued to it."""
    if doc[i - 1].text not in ("'", "’"):  # (the caller makes sure i >= 2)
        return False
    letter = doc[i - 2]
    return len(letter.text) == 1 and letter.text.isupper() and letter.whitespace_ == ""


def _hyphen_prefix(doc: Doc, i: int) -> bool:
    """Whether the two tokens before ``doc[i]`` are the first part of a hyphenated name
    ("F" "-" before "Secure", "McEwen" "-" before "King"): a capitalised word and a hyphen,
    glued to each other and to ``doc[i]`` (docs/guidelines.md §4.5, hyphens do not split a
    name; BBC, 2,225 articles: "F-Secure" had been the speaker "Secure", "Magnus
    McEwen-King" "King", "T-Mobile" "Mobile"). Not a lower-case prefix ("ex-Wallaby").
    (The caller makes sure i >= 2.)"""
    hyphen, first = doc[i - 1], doc[i - 2]
    return hyphen.text == "-" and hyphen.whitespace_ == "" and first.whitespace_ == "" \
        and first.text[:1].isupper()


class SpeakerResolver(RoleDescriptions, BodyDescriptions):
    """Resolves speaker mentions of one document, in document order."""

    def __init__(self, doc: Doc, entities: list[EntityRow], quoted: list[tuple[int, int]], text: str | None = None,
                 reported: list[tuple[int, int]] = ()):
        self.doc = doc
        self.text = doc_text(doc) if text is None else text  # Doc.text is rebuilt on every access
        # a name the alias list calls an organisation is one, whatever the NER's label, and
        # so is a one-word name the document tags an organisation (``organisations_by_vote``)
        # (``_bodies``: names tagged only ORG or GPE, ``bodies_by_label``)
        self._voted_orgs, self._bodies = one_word_bodies(entities, self.text)
        # (a NORP row too, the NER's other guess for a company: `Inbev`, `Valve`; never a
        # nationality, ``demonyms.txt``, whatever stray ORG tag it got)
        self.entities = sorted((replace(e, label="ORG") if e.label in ("PERSON", "NORP") and (
            alias_kind(e.canonical) == "organisation"
            or (e.canonical in self._voted_orgs and e.canonical.lower() not in word_set("demonyms")))
            else e for e in entities), key=lambda e: e.start)
        self._ent_starts = [e.start for e in self.entities]
        self.quoted = sorted(quoted)
        self._q_starts = [q[0] for q in self.quoted]
        # every quote's content, direct or indirect: the bodies and documents named
        # there are the speaker's, not the article's ("a Conservative government would")
        self.reported = sorted(reported)
        self.names = self._person_names()
        self.persons: dict[str, _Person] = {}
        # (pos, name, label): speakers and main-clause subjects, in order
        self.history: list[tuple[int, str, str]] = []
        self._no_antecedents: set[int] = set()  # heads ``resolve`` was told are none
        self._first: dict[str, int] = {}  # first position a person was named as a speaker
        self._positions: dict[str, list[int]] | None = None
        self._noun_sources: list[tuple[int, str, str, str]] | None = None
        self._role_names: dict[str, str] = {}  # unnamed source named by a role -> the role
        self._described_bodies: set[str] = set()  # bodies the article describes, not names
        # canonical name of each PERSON row, computed once here (not kept: the
        # names grow during resolution, which may change a later canonical)
        persons = [(e, self.canonical(e)) for e in self.entities if e.label == PERSON]
        self.gender = honorific_genders(self.text, ((e.start, e.canonical, name) for e, name in persons))
        self._intro_persons(persons)

    # -- lookups --------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._q_starts, pos) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _in_narration(self, pos: int) -> bool:  # outside every quote, direct or indirect
        return not self.inside_quote(pos) and not inside(self.reported, pos)

    def entity_at(self, pos: int) -> EntityRow | None:
        k = bisect.bisect_right(self._ent_starts, pos) - 1
        best = None
        while k >= 0 and self.entities[k].start > pos - 200:
            e = self.entities[k]
            if e.start <= pos < e.end and e.label in SPEAKER_LABELS:
                if best is None or (e.label == PERSON) > (best.label == PERSON):
                    best = e
            k -= 1
        return best

    def _person_names(self) -> PersonNames:
        """The full names of this document's PERSON rows, for lone surnames."""
        return PersonNames(speaker_name(e.canonical) for e in self.entities if e.label == PERSON)

    def canonical(self, e: EntityRow) -> str:
        name = e.canonical
        if name[:4].lower() == "the " and len(name) > 4:
            name = name[4:]  # docs/guidelines.md §3: a leading "the" is not part of the name
        if e.label == PERSON:
            name = self.names.person(speaker_name(name), e.gender)
        return name

    # -- person introductions (for descriptions) -----------------------------
    def _intro_persons(self, persons: list[tuple[EntityRow, str]]) -> None:
        doc = self.doc
        for e, name in persons:
            if self.inside_quote(e.start):
                continue
            span = doc.char_span(e.start, e.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            p = self.persons.setdefault(name, _Person(name))
            roles = {w.lower() for w in e.canonical.split() if w.lower() in title_words()}
            root = span.root
            # left modifiers in the same noun phrase: "Belarusian Deputy Foreign Minister Igor Sekreta";
            # appositions: "Igor Sekreta, the deputy minister," / "the minister, Igor Sekreta"
            runs = [list(doc[root.left_edge.i:span.start])]
            runs += [list(c.subtree) for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                runs.append([t for t in root.head.subtree if t.i not in range(span.start, span.end)])
            for toks in runs:
                p.affiliations |= affiliations(toks)
                run = [t.lower_ for t in toks if t.is_alpha]
                roles.update(run)
                p.ranked |= ranked_offices(run)
            p.roles |= roles

    # -- resolution -----------------------------------------------------------
    def note_subject(self, tok: Token) -> None:
        """Record a main-clause subject (a possible antecedent for later pronouns)."""
        if self.inside_quote(tok.idx) or tok.i in self._no_antecedents:
            return
        name, label = self._resolve_head(tok, tok.idx, record=False)
        if name is not None and label is not None:
            self.history.append((tok.idx, name, label))

    def resolve(self, head: Token | None, span: tuple[int, int] | None,
                content: tuple[int, int] | None = None, antecedent: bool = True) -> Source:
        """The source of a quote whose speaker mention is headed by ``head`` (and spans ``span``);
        ``content``: the quote's own characters (a description never names a person the quote
        itself talks about); ``antecedent``: whether a later pronoun may name it."""
        if head is None:
            return Source(None, "unknown")
        name, label = self._resolve_head(head, head.idx, record=True, span=span, content=content)
        if not antecedent:
            self._no_antecedents.add(head.i)  # (nor as the main-clause subject it may also be)
        # a party named inside someone's quote is not a later pronoun's antecedent (one
        # inside what someone reported is one only within it: ``_seen_from``)
        elif name is not None and not self.inside_quote(head.idx):
            self.history.append((head.idx, name, label or ""))
        role = self._role_names.get(name) if label == UNNAMED else None
        kind = "unnamed" if label == "ORG" and name in self._described_bodies else speaker_kind(label, name)
        return Source(name, kind, role)

    def name_of(self, tok: Token) -> tuple[str | None, str | None]:
        """(canonical, label) of a mention headed by ``tok``, without recording it."""
        return self._resolve_head(tok, tok.idx, record=False)

    def _recent(self, pos: int, want_person: bool, gender: str | None = None,
                labels: tuple[str, ...] | None = None) -> tuple[str, str] | None:
        for hpos, name, label in reversed(self.history):
            if hpos >= pos or not self._seen_from(hpos, pos):
                continue
            ok = label in labels if labels is not None else (label == PERSON) == want_person
            if ok:
                if gender is not None and (self.gender_of(name) if label == PERSON
                                           else description_gender(name)) not in (None, gender):
                    continue  # `she` never means a man introduced as "Mr. ..." or named "Ted ...", nor "her son"
                return name, label
        return None

    def _seen_from(self, hpos: int, pos: int) -> bool:
        """Whether a pronoun at ``pos`` may point back to the speaker or main-clause subject
        at ``hpos``: one inside what someone reported only from within that report. BBC
        politics: `Mr Howard denied Mr Yeo had said the plans "stink". He also said ...`
        gave "He" to Yeo, `The person in charge of the court system should not ..., he
        said, ... What they did ... was the critical issue, he added.` to the person in
        charge (17 quotes of the 417 articles right, one wrong where a content ran over
        the next attribution); within it, `refused to deny the claim that he told the
        prime minister ...` is still the chancellor's."""
        return all(s <= pos < e for s, e in self.reported if s <= hpos < e)

    def _last_person_named(self, pos: int, gender: str) -> tuple[str, str] | None:
        """The person named last before ``pos``, outside anything quoted, whose gender
        (``gender_of``) fits: the "he"/"she" of no person among the speakers and main-clause
        subjects before it ("... but Reidar Wasenius, a manager at Nokia, was adamant that
        ... He said:"). BBC: 50 of 58 such get a speaker; by hand 41 right, 9 wrong."""
        k = bisect.bisect_left(self._ent_starts, pos) - 1
        while k >= 0:
            e = self.entities[k]
            k -= 1
            if e.label == PERSON and self._in_narration(e.start):
                name = self.canonical(e)
                if self.gender_of(name) in (None, gender):
                    return name, PERSON
        return None

    def _pronoun(self, low: str, pos: int) -> tuple[str | None, str | None]:
        """The speaker "he", "she", "it" or "they" (``low``) at ``pos`` points back to."""
        gender = PRONOUN_GENDERS.get(low)
        hit = self._recent(pos, want_person=gender is not None, gender=gender, labels=PRONOUN_LABELS[low])
        return hit or (gender and self._last_person_named(pos, gender)) or (None, None)

    def gender_of(self, name: str) -> str | None:
        """"m", "f" or None (``gender``): an honorific before one of the person's mentions,
        else the first name (BBC, 2,225 articles: 33 "he"/"she" sources had been given a
        person whose first name says otherwise, "she" -> Ted Cruz)."""
        return self.gender.get(name) or first_name_gender(name)

    def _resolve_head(self, head: Token, pos: int, record: bool, span=None, content=None) -> tuple[str | None, str | None]:
        if head.text == "-" and len(word_tokens(head)) > 1:
            head = word_tokens(head)[-1]  # "The Tory co-chairman": the parse may head it with the hyphen
        head = speaking_head(head)
        low = head.lower_
        if low in PRONOUN_LABELS:
            return self._pronoun(low, pos)
        if low in POSSESSIVE_PRONOUNS and head.dep_ == "poss":
            # "repeating his insistence that ...", "his pledge not to ...": who "he" names
            # (BBC politics, 7 quotes of no speaker)
            return self._pronoun(POSSESSIVE_PRONOUNS[low], pos)
        if head.pos_ == "PRON":
            return None, None
        if record and counts_respondents(head):
            poll = self._poll_before(max(pos, span[1] if span else pos))  # (one the mention names too)
            if poll is not None:
                # "Some 63% of respondents in the Sunday Times poll thought ...", "One in four
                # said ...": the poll the article reports speaks (docs/guidelines.md §4.6,
                # kind document; BBC politics, 19 quotes of no speaker in 6 articles)
                return poll, DOCUMENT
        back = refers_back(head)
        if back is not None:
            # both tests, because either alone picked a wrong person in about one BBC case of
            # eight (the coach just quoted; a club the NER took for a person). A nationality
            # noun otherwise is NORP, an unnamed source no later "he" points back to
            recent = self._recent(pos, want_person=True)
            if recent is not None and recent[0] == self._protagonist(pos) \
                    and not (back == "occupation" and self._in_other_role(recent[0], head)):
                return recent[0], PERSON  # not "Arsenal manager Arsene Wenger" for "the striker"
            if back == "nationality":
                return (self._description_text(span or np_span(head)), "NORP") if record else (None, None)
        if self._not_a_source(head) and (low != "one" or self._apposed_person(head, span) is None):
            # "this financial year": a date the parse took for a subject (not "One of the men,
            # David Redvers, 34, ..., said": the person beside the number, below; BBC)
            return None, None
        e = self.entity_at(head.idx)
        if e is not None and all_titles(e.canonical):
            e = None  # "Chief Justice", "MEP" tagged as names: roles
        if e is None:
            # "The Lord Chief Justice, Lord Woolf": the person in apposition to a role
            named = self._apposed_person(head, span)
            if named is not None:
                self._register(named, head, span, pos)
                return named, PERSON
        if e is not None and not (e.label != PERSON and self._titled_name(head)):
            name, label = self.canonical(e), e.label
            person = self.names.person(name) if label != PERSON and alias_kind(name) != "organisation" else name
            if person != name or (label != PERSON and self.names.full_name(surname(name.split())) == name):
                # a surname (or a person's full name) the NER took for an organisation or
                # a place ("Sekreta further noted", "Vince Cable, the party's spokesman,")
                name, label = person, PERSON
            if label == PERSON:
                self._register(name, head, span, pos)
            return name, label
        full = self._full_name_of(head)
        if full is not None:
            # the surname of a person already named here, whatever the tagger made of it
            self._register(full, head, span, pos)
            return full, PERSON
        role = role_word(head)
        if head.pos_ == "PROPN" and low not in title_words() and role not in title_words() \
                and low not in source_noun_kinds() and head.text[:1].isupper():
            # A named speaker the NER missed (or took for a place: "Belarus' Deputy
            # Minister ... Igor Sekreta"): the proper-name run ending at the head.
            run = self._name_run(head)
            # (or the whole mention: "Christian Aid" where the NER took "Christian" for a nationality)
            known = alias_of(run) or alias_of(self.text[slice(*(span or np_span(head)))])
            if known is not None and known[1] == "organisation":
                return known[0], "ORG"  # "Labour, in particular, fears ..."
            if run in self._voted_orgs or run in self._bodies:
                # `Barclays said`, `BT said`: a mention the NER missed of a body it tags elsewhere
                return run, self._bodies.get(run, "ORG")
            named = named_thing(head, run)  # (not a person's name: a body, a group, an office)
            if named == "ORG":
                return run, "ORG"
            if named in (None, "THE"):
                name = self.names.person(f"The {run}" if named == "THE" else run)
                self._register(name, head, span, pos)
                return name, PERSON
            # (else a group or a description, below: "the Gunners", "the Archbishop of Canterbury")
        if head.pos_ not in ("NOUN", "PROPN"):
            # a verb names no one ("Addressing claims that ...", "said Swedish trades union official
            # ...": a parse's subject, BBC); another word, its description
            return (None, None) if not record or span is None or head.pos_ == "VERB" \
                else (self._description_text(span), None)
        # "The Tory co-chairman": the determiner may hang from another part of the word
        kids = [c for t in word_tokens(head) for c in t.children]
        dets = {c.lower_ for c in kids if c.dep_ in ("det", "poss")}
        definite = bool(dets & DEFINITE) or any(c.dep_ == "poss" for c in kids)
        plural = head.tag_ in ("NNS", "NNPS")
        noun_kind = source_noun_kind(head)
        giver = speech_giver(head) if noun_kind == "speech" and record else None
        if giver is not None:
            # "Mr. Trump's comments": who gave them said it (docs/spec.md, quotes.speaker: who
            # said it). Only for a quote's speaker: as a subject in narration the comments
            # are no antecedent of a later "he" (BBC: "The first minister's comments came in
            # ..." took the "he" of Jack McConnell); "his comments": whom "he" names (above)
            return self._resolve_head(giver, giver.idx, record, giver_span(giver), content)
        described = self._description_text(np_span(head))
        known = alias_of(described)
        if known is not None and known[1] == "organisation":
            # a body the NER missed ("The Scottish Executive believes ...")
            return known[0], "ORG"
        if noun_kind == "document":
            return self._body_or_document(head, "document", definite, described), DOCUMENT
        if noun_kind == "organisation":
            body = self._body_or_document(head, "organisation", definite, described)
            if not self._names_a_body(body, head):
                # "the government said", "his party said", "police said": a body the article
                # does not name is described, not named (docs/guidelines.md §4.6: an
                # organisation is a named body), so no actor of its own (BBC: 118 of 564
                # organisation quotes; `government` mixed the UK, Welsh and US ones)
                self._described_bodies.add(body)
            return body, "ORG"
        is_role = role in title_words() or role in role_families() or low in title_words()
        if is_role and definite and not plural:
            owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            if owner is not None and (noun_kind == "group" or self._a_person(owner)):
                # "Mr Blair's official spokesman", "the Home Office's spokesman": someone who
                # speaks for them, unnamed
                return self._owned_description(head, owner), UNNAMED
            # (an office of a place or body is a role: "Scotland's first minister" is the first
            # minister, "the UK's top judge" the judge the article names; BBC politics, 47
            # such were left unnamed, "Scotland first minister")
            hit = self._description(head, pos, content) or self._sole_person_before(head, content)
            if hit is not None:
                return hit, PERSON
            if noun_kind != "group":
                # "the prime minister" of an article that ties the role to nobody: the
                # role stays the source; the corpus-wide pass may name its holder
                text = self._owned_description(head, owner) if owner is not None \
                    else self._description_text(span) if span else described
                self._role_names[text] = normalise_role(text)
                return text, UNNAMED
        if noun_kind == "group" or is_role or plural:
            # (with no span: an unnamed source as a main-clause subject, a possible antecedent)
            text = self._description_text(span) if span else described
            if noun_kind == "group" and not plural:
                if (earlier := self._described_before(head, text, pos)) is not None:
                    # "the spokesman", "the official" (not an office: "the chancellor" after "the
                    # shadow chancellor" is another person; BBC politics)
                    return earlier, UNNAMED
                if (body := self._body_spoken_for(head, text)) is not None:
                    return f"{body} {text}", UNNAMED  # "Home Office spokesman"
            return text, GROUP if plural else UNNAMED
        if not record:
            return None, None
        if span is None:
            return head.text, None
        return self._description_text(span), UNNAMED

    def _description_text(self, span: tuple[int, int]) -> str:
        text = self.text[span[0]:span[1]]
        out = describe(text) or text
        first = self.doc.char_span(span[0], span[0] + 1, alignment_mode="expand") if out[:1].isupper() else None
        if first is not None and len(first) and sentence_case_only(first[0]) and out.startswith(first[0].text):
            out = out[0].lower() + out[1:]  # "Analysts said" and "analysts said" are one source (§4.5)
        return out

    def _a_person(self, tok: Token) -> bool:
        """Whether the name at ``tok`` is a person's: a PERSON entity, or a surname of one."""
        e = self.entity_at(tok.idx)
        return (e.label == PERSON) if e is not None else self._full_name_of(tok) is not None

    def _owned_description(self, head: Token, owner: Token) -> str:
        """A role described by whom it serves, the owner by its canonical name
        ("Mr Blair's official spokesman" -> "Tony Blair official spokesman")."""
        e = self.entity_at(owner.idx)
        s0, s1 = np_span(head)
        words = self._description_text((max(s0, owner.idx + len(owner.text)), s1))
        if e is None:
            return self._description_text((s0, s1))
        return f"{self.canonical(e)} {words}".strip()

    def _apposed_person(self, head: Token, span: tuple[int, int] | None = None) -> str | None:
        """The named person a role noun stands beside: an apposition ("Ms. Merkel's
        spokesman, Steffen Seibert", or on its "of" phrase), a name right after it ("chief
        executive Doug Smith" when the parser made the role the head), or a name that ends
        the mention ("Shadow leader of the Commons Oliver Heald", letters after it too)."""
        # a word of the description that follows a name ("Theresa May, Tory shadow work
        # and pensions secretary,"): the named person, whether the parse made it an
        # apposition or a second subject of the same verb
        if head.dep_ == "nsubj":
            for c in head.head.children:
                if c.dep_ == "nsubj" and c.i < head.i and head.doc[c.i + 1].text == ",":
                    e = self.entity_at(c.idx)
                    if e is not None and e.label == PERSON and not all_titles(e.canonical):
                        return self.canonical(e)
                    if e is None and c.pos_ == "PROPN" and c.is_title and c.lower_ not in title_words():
                        return self.names.person(self._name_run(c))  # a name the NER missed
        up = head
        for _ in range(3):
            if up.dep_ == "appos":
                e = self.entity_at(up.head.idx)
                if e is not None and e.label == PERSON and not all_titles(e.canonical):
                    return self.canonical(e)
            if up.head.i == up.i:
                break
            up = up.head
        if span is not None and (head.lower_ in title_words() or role_word(head) in title_words()):
            before, _, last = self.text[span[0]:span[1]].rpartition(" ")
            # (a name before letters that follow it: "Chairman of the ... Committee Peter Ainsworth MP", BBC)
            end = span[0] + len(before.rstrip()) if before and last in postnominals() else span[1]
            e = self.entity_at(max(span[0], end - 1))
            if e is not None and e.label == PERSON and e.end == end and e.start > head.idx \
                    and not all_titles(e.canonical) and not affiliation_name(head.doc, e.start):
                return self.canonical(e)
        # (and one the parser hung on the role's "of" phrase: "ITV's controller of entertainment, Claudia Rosencrantz")
        of_appos = [k for o in of_objects(head) for k in o.children
                    if k.dep_ == "appos" and k.doc[k.left_edge.i - 1].text == ","]
        for c in [*head.children, *of_appos]:
            # after the role: "spokesman, Steffen Seibert"; before a postnominal: "Andrew Tyrie MP"
            # (a name hung on the role as an adverb: "Former Chelsea captain Desailly, who ..., says", BBC)
            if (c.i > head.i and (c.dep_ in ("appos", "compound", "flat", "npadvmod")
                                  or (c.dep_ == "advmod" and c.pos_ == "PROPN"))) or \
                    (c.i == head.i - 1 and c.dep_ in ("compound", "flat") and head.text in postnominals()):
                # the name itself, or a name inside the apposition ("Guy Mansfield QC")
                for t in [c] + [k for k in c.subtree if k.i != c.i and k.dep_ in ("compound", "flat")]:
                    e = self.entity_at(t.idx)
                    if e is not None and e.label == PERSON and not all_titles(e.canonical):
                        return self.canonical(e)
        return None

    def _not_a_source(self, head: Token) -> bool:
        """A head inside a date, an amount or a number ("this financial year"), or the place of
        a dateline ("Washington (AFP) – ...": docs/guidelines.md §4.5, it never speaks)."""
        if head.ent_type_ in NOT_SOURCES:
            # unless it is, alone, the surname of a person named in full: `"...," May wrote`
            # after "Brian May" (the model's DATE, BBC; not "May 5")
            alone = head.ent_iob_ == "B" and (head.i + 1 == len(head.doc) or head.doc[head.i + 1].ent_iob_ != "I")
            return not alone or self._full_name_of(head) is None
        e = self.entity_at(head.idx)
        if e is None or e.label not in ("GPE", "LOC"):
            return False
        line_start = self.text.rfind("\n", 0, e.start) + 1
        return self.text[line_start:e.start].strip() == "" and DATELINE_TAIL.match(self.text, e.end) is not None

    def _full_name_of(self, head: Token) -> str | None:
        """The full name of the person the document names with the capitalised word ``head``."""
        return self.names.full_name(head.text) if head.text[:1].isupper() else None

    def _titled_name(self, head: Token) -> bool:
        """A proper name preceded by a title word (`Minister ... Igor Sekreta`): a person."""
        return any(t.lower_ in title_words() and t.lower_ not in org_title_words()
                   for t in head.doc[head.left_edge.i:head.i])

    def _name_run(self, head: Token) -> str:
        """The proper-name run ending at ``head``, without the party or camp words before
        a name ("Tory Dominic Grieve" -> "Dominic Grieve": BBC politics, where it had been
        the speaker of "Mr Grieve"); an apostrophe's prefix stays ("Rory O' Neill", which
        the tagger reads as "O" possessive: BBC politics, where the speaker was "Neill";
        docs/guidelines.md §4.5, apostrophes do not split a name), and so does a first name
        (``given_names.txt``) the tagger took for an adjective ("Rory" before it)."""
        doc = head.doc
        i = head.i
        while i - 1 >= head.left_edge.i:
            before = doc[i - 1]
            if i - 2 >= head.left_edge.i and (_apostrophe_prefix(doc, i) or _hyphen_prefix(doc, i)):
                i -= 2
            elif (before.pos_ == "PROPN" or (before.is_title and before.lower_ in first_names())) \
                    and before.lower_ not in title_words() \
                    and before.dep_ in ("compound", "flat", "nmod") and before.text[:1].isalpha():
                i -= 1
            else:
                break
        return without_affiliation(doc[i:head.i + 1].text)

    def _register(self, name: str, head: Token, span, pos: int) -> None:
        """Remember a person speaker: full name for later surnames, role words for descriptions."""
        p = self.persons.setdefault(name, _Person(name))
        p.last_pos = pos
        if span is not None:
            named = set(name.lower().split())
            run = [w for w in (w.lower().strip("’',.") for w in self.text[span[0]:span[1]].split()) if w not in named]
            p.roles |= set(run)
            p.ranked |= ranked_offices(run)
        if self._first.get(name) is None:
            self._first[name] = pos
        self.names.add(name)
