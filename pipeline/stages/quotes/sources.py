"""What kind of source a speaker mention names, and how the article describes it
(docs/guidelines.md §4.6): the vocabulary :mod:`pipeline.stages.quotes.speakers`
resolves with. Source kinds and their labels (the nouns of ``resources/source_nouns.txt``
are read by ``resources.source_noun_kinds``), role families
(``resources/speaker_roles.txt``), the text of a description (``describe``,
``speaker_name``, the noun phrase of a head), whether a description refers back to the
story's person (``refers_back``), which one-word names a document makes
organisations (``organisations_by_vote``) and which names it tags only as bodies
(``bodies_by_label``). Pure helpers over strings, entity rows and
spaCy tokens; no state.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from spacy.tokens import Token

from ... import schemas
from ...nlp.lemmas import known_noun, lemma as lemma_of
from ...resources import (person_epithets, poll_words, reporting_verb_lemmas, role_ranks, source_noun_kinds,
                          source_nouns_of_kind, word_list, word_set)
from ..entities.aliases import alias_kind, alias_names
from ..entities.forms import without_affiliation
from ..gender import noun_gender
from ..names import courtesy_as_written, generation_of, strip_titles, title_words, without_generation_comma
from ..offices import office_titles, rank_words

PERSON = "PERSON"
#: pseudo-labels of sources that are not entities: a document, an unnamed single
#: source ("a spokesman", "the chancellor" the article never names), a group
DOCUMENT, UNNAMED, GROUP = "DOCUMENT", "UNNAMED", "GROUP"
# Entity labels that can say something (a person, an organisation, a country's government).
SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
#: the values of ``quotes.speaker_kind`` (docs/spec.md)
SPEAKER_KINDS = schemas.SPEAKER_KINDS
# what follows the place of a dateline: "(AFP) –", " – ", ", July 30", "."
DATELINE_TAIL = re.compile(r"\s*(?:\([^)\n]{1,40}\)|[-–—]{1,2}\s|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}\s+[A-Z][a-z]+)|\.\s)")
# entity labels of things that never speak: a speaker mention headed inside one is no source
NOT_SOURCES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})
# heads that name any body ("the group", "the organisation"): the last one named
GENERIC_BODIES = frozenset({"group", "organisation", "organization", "body", "campaign"})
DEFINITE = frozenset({"the", "this", "that", "our", "his", "her", "their", "its", "your"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "some", "another", "one"})
# what each pronoun may point back at (labels of the history; "it said": an organisation or document)
PRONOUN_LABELS = {
    "he": (PERSON, UNNAMED), "she": (PERSON, UNNAMED), "him": (PERSON, UNNAMED), "her": (PERSON, UNNAMED),
    "it": ("ORG", "GPE", DOCUMENT), "they": ("ORG", "GPE", "NORP", GROUP), "them": ("ORG", "GPE", "NORP", GROUP),
}
#: the pronoun a possessive one stands for, as the giver of a speech or remarks
#: (``speech_giver``: "his comments" were said by whom "he" would name)
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
#: possessives of no person (`its`, `their`): no possessor that speaks
NON_PERSON_POSSESSIVES = frozenset(k for k, v in POSSESSIVE_PRONOUNS.items() if v in ("it", "they"))

#: Personal pronouns by person (1, 2, 3) and case ("subject", "object", "both"): one table, from
#: which each rule of the quotes stage takes the set it reads (``personal_pronouns``).
_PERSONAL_PRONOUNS = {
    "i": (1, "subject"), "we": (1, "subject"), "me": (1, "object"), "us": (1, "object"), "you": (2, "both"),
    "he": (3, "subject"), "she": (3, "subject"), "they": (3, "subject"),
    "him": (3, "object"), "her": (3, "object"), "them": (3, "object"),
}


@lru_cache(maxsize=None)
def personal_pronouns(persons: tuple[int, ...] = (1, 2, 3), case: str | None = None) -> frozenset[str]:
    """The personal pronouns of ``persons`` in ``case`` (any case when None; "you" is both)."""
    return frozenset(w for w, (person, c) in _PERSONAL_PRONOUNS.items()
                     if person in persons and (case is None or c in (case, "both")))


class Source(NamedTuple):
    """A resolved speaker: the name to show, what it is (``SPEAKER_KINDS``) and, for a
    source named only by a role the article ties to no person ("the prime minister"),
    that role normalised (``names.normalise_role``): the corpus-wide pass
    (:mod:`pipeline.stages.quotes.roles`) names the person holding it."""
    name: str | None
    kind: str
    role: str | None = None


def source_noun_kind(tok: Token) -> str | None:
    """The kind ``resources/source_nouns.txt`` gives the noun, as written or by its lemma
    (plurals: `Some candidates have called for ...`)."""
    kinds = source_noun_kinds()
    return kinds.get(tok.lower_) or kinds.get(lemma_of(tok).lower())


def speaker_kind(label: str | None, name: str | None) -> str:
    """``quotes.speaker_kind`` of a source resolved to ``name`` with ``label``."""
    if not name:
        return "unknown"
    if label == PERSON:
        return "person"
    if label in ("ORG", "GPE", "FAC"):
        return "organisation"
    if label == "NORP":
        # "the Tories" is a party; "the Israelis", "Republicans" are people unnamed
        return "organisation" if alias_kind(name) == "organisation" else "unnamed"
    if label == DOCUMENT:
        return "document"
    if label in (UNNAMED, GROUP):
        return "unnamed"
    return "unknown"


@lru_cache(maxsize=None)
def role_families() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in word_list("speaker_roles"):
        head, sep, rest = line.partition(":")
        if not sep:
            raise ValueError(f"speaker_roles.txt: expected 'head: word word ...', got {line!r}")
        out[head.strip().lower()] = frozenset(rest.lower().split()) | {head.strip().lower()}
    return out


def modifiers(head: Token) -> set[str]:
    """The words before a description's head in its noun phrase, lower case, without
    determiners and possessors ("the shadow home secretary" -> shadow, home)."""
    return {t.lower_ for t in head.doc[head.left_edge.i:head.i]
            if t.is_alpha and t.dep_ not in ("det", "poss", "predet")}


def office_words(head: Token) -> frozenset[str]:
    """The words before the head of the longest office of ``titles.txt`` a description
    ends in ("the prime minister" -> prime; "the Belarusian diplomat": none): a person
    it names bears them all. BBC politics: a minister's family takes in a secretary
    ("the minister" may be the education secretary), and "the prime minister" had become
    the home secretary named before it."""
    doc = head.doc
    words = [t.lower_ for t in doc[head.left_edge.i:head.i + 1] if t.dep_ not in ("det", "poss", "predet", "case")]
    for k in range(len(words) - 1):
        if " ".join(words[k:]) in office_titles():
            return frozenset(words[k:-1])
    return frozenset()


def ranked_offices(words: list[str]) -> set[tuple[str, str]]:
    """(rank, office) for each rank word of ``resources/role_ranks.txt`` among a person's
    role words as written, in order, and the first role word after it (``titles.txt``
    kind ``word``): "Former welfare minister Frank Field MP" -> (former, minister): the
    rank is the minister's, not the MP's."""
    ranks = rank_words()
    out = set()
    for i, w in enumerate(words):
        if w not in ranks:
            continue
        j = next((j for j in range(i + 1, len(words)) if words[j] in title_words() and words[j] not in ranks), None)
        if j is not None:
            # the head of the longest office there ("deputy prime minister": minister;
            # "shadow secretary of state": secretary)
            k = max((k for k in range(j + 1, len(words) + 1) if " ".join(words[j:k]) in office_titles()), default=j + 1)
            office = words[j:k]
            out.add((w, office[office.index("of") - 1] if "of" in office[1:] else office[-1]))
    return out


def rank_gap(roles: set[str], ranked: set[tuple[str, str]], head: Token) -> int | None:
    """How a person introduced with the role words ``roles`` (and ``ranked_offices``
    ``ranked``) fits the rank of the description headed by ``head``: None when they hold
    another office ("the deputy prime minister" for a prime minister; "the chancellor"
    for a shadow or former one; "the prime minister" for a deputy prime minister: the
    description names the office with a word of the person's own), else how many rank
    words of that office the person has that the description lacks ("the minister" for
    a deputy minister: 1, a worse fit than a minister of no rank)."""
    ranks = rank_words()
    said = modifiers(head)
    if (said & ranks) - roles:
        return None
    extra = {rank for rank, office in ranked if office == role_word(head)} - said
    if extra & role_ranks("other") or (extra and (said - ranks) & roles):
        return None
    return len(extra)


@lru_cache(maxsize=None)
def speech_lemmas() -> frozenset[str]:
    """Lemmas of the speech verbs (``reporting_verbs.txt`` kind ``speech``)."""
    return reporting_verb_lemmas("speech")


def _without_determiners(mention: str) -> str:
    """The mention without its leading determiners and possessive endings, words joined
    by single spaces (one word always stays). A partitive keeps its quantifier (BBC: `one
    of her male colleagues` was left as `of her male colleagues`)."""
    words = mention.replace("\u2019s ", " ").replace("'s ", " ").split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS and words[1].lower() != "of":
        words = words[1:]
    return " ".join(words)


def speaker_name(mention: str) -> str:
    """A speaker mention as a speaker label: without determiners, possessives, titles
    (:func:`pipeline.stages.names.strip_titles`), the party or camp words before a name
    (:func:`pipeline.stages.entities.forms.without_affiliation`: ``Tory Dominic Grieve``
    -> ``Dominic Grieve``, as the canonical name has it) and the punctuation around it
    (``the council's spokesperson`` -> ``council spokesperson``, ``Mr. Clarke`` ->
    ``Clarke``). A mention that is all titles and roles (``the Belarusian diplomat``)
    only loses its determiners. A generation keeps its dot, as in the canonical name
    (``James B. Comey Jr.``, ``Joseph R. Biden, Jr.`` -> ``Joseph R. Biden Jr.``)."""
    name = without_generation_comma(without_affiliation(strip_titles(_without_determiners(mention)).strip(" ,’'")))
    return name if generation_of(name) else name.strip(" ,.’'")


def describe(mention: str) -> str:
    """An unnamed source, a document or a body as the article describes it: the mention
    without determiners and possessive endings, titles kept ("A spokesman for the
    Information Commissioner's Office" -> "spokesman for the Information Commissioner
    Office")."""
    return _without_determiners(mention).strip(" ,.’'")


def role_word(tok: Token) -> str:
    """The role word a token stands for: "co-chairman" is split by the tokenizer, and
    its head may be "co"; the word after the hyphen is the role."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and tok.whitespace_ == "" and doc[tok.i + 1].whitespace_ == "":
        return doc[tok.i + 2].lower_
    return tok.lower_


def word_tokens(tok: Token) -> list[Token]:
    """The tokens of the hyphenated word ``tok`` is part of ("co", "-", "chairman"), in order."""
    doc = tok.doc
    if tok.text == "-" and tok.i > 0 and tok.whitespace_ == "" and doc[tok.i - 1].whitespace_ == "":
        tok = doc[tok.i - 1]  # the hyphen itself: the word around it
    a = b = tok.i
    while a >= 2 and doc[a - 1].text == "-" and doc[a - 2].whitespace_ == "" and doc[a - 1].whitespace_ == "":
        a -= 2
    while b + 2 < len(doc) and doc[b + 1].text == "-" and doc[b].whitespace_ == "" and doc[b + 1].whitespace_ == "":
        b += 2
    return [doc[i] for i in range(a, b + 1)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    while k >= 0:
        if spans[k][0] <= pos < spans[k][1]:
            return True
        k -= 1
    return False


#: words inside the name of an office ("Justice and Home Affairs Commissioner", "Secretary of State")
_OFFICE_JOINS = frozenset({"and", "of", "the", "&"})


def affiliation_name(doc, start: int) -> bool:
    """The name at char ``start``, which ends a role's mention, is whom the role serves:
    `to` or `for` comes right before it, past its titles (`a longtime adviser to Trump`, `a
    former top aide to President George W. Bush`, `a communications aide for Mr.
    Lyovochkin`: PolNeAR train, where the aide had become Lyovochkin), past the words of an
    office too (`A spokesman for Home Secretary Charles Clarke`, `a spokesman for European
    Justice and Home Affairs Commissioner Franco Frattini`: BBC, which had given the
    spokesman's words to the minister). Not `Shadow leader of the Commons Oliver Heald`
    (BBC), nor `Foreign Secretary of State Oliver Heald`."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    k = span.start - 1 if span is not None else -1
    while k >= 0 and (doc[k].text in courtesy_as_written() or is_title_word(doc[k])
                      or (doc[k].is_title and doc[k].ent_type_ != "PERSON") or doc[k].lower_ in _OFFICE_JOINS):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("to", "for")


def all_titles(name: str) -> bool:
    """A "name" that is only title and role words ("Chief Justice"): a role, not a name."""
    words = [w.lower().strip(".,") for w in name.split()]
    return bool(words) and all(w in title_words() or w in ("lord", "lady", "of", "the") for w in words)


def speech_giver(head: Token) -> Token | None:
    """Who gave the speech, remarks or interview ``head`` names (``source_nouns.txt``,
    kind speech): its possessor (`Mr. Trump's comments`, `his speech`), a name or role
    after `by` (`A speech on mobile TV by Angel Gambino`), a person's name before it (`a
    Clinton speech`), or the subject of a clause on it that gives it (`a speech Mrs.
    Clinton delivered`, ``speech_giving_verbs.txt``); None when the mention names no one
    (`a March speech`, `a speech by phone`). Not the outlet an interview was given to
    (`an interview with The New York Times`, `CNN's interview`, `a BBC interview`)."""
    interview = lemma_of(head).lower() == "interview"
    for c in head.children:
        if c.dep_ == "poss" and not (interview and c.ent_type_ == "ORG"):
            return c
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > head.i:
            agent = next((k for k in c.children if k.dep_ == "pobj"), None)
            if agent is not None and (agent.pos_ in ("PROPN", "PRON") or agent.ent_type_ or is_title_word(agent)):
                return agent
        if c.dep_ == "relcl" and c.i > head.i and lemma_of(c).lower() in word_set("speech_giving_verbs"):
            subj = next((k for k in c.children if k.dep_ == "nsubj" and k.i < c.i and k.tag_ not in ("WDT", "WP")), None)
            if subj is not None:
                return subj
        if c.dep_ == "compound" and c.i < head.i and c.ent_type_ == "PERSON":
            return c
    return None


def is_title_word(tok: Token) -> bool:
    """A role word (``names.title_words``), as written or by its lemma."""
    return tok.lower_ in title_words() or lemma_of(tok).lower() in title_words()


def called_by(name: str, noun: str) -> bool:
    """Whether a definite ``noun`` may name the body ``name``: its name, or one of its
    aliases (``entity_aliases.txt``), of more than one word, ends in the noun (`the
    committee`: Home Affairs Committee; `the party`: Liberal Democrats, also "Liberal
    Democrat Party", not only a name ending in "Party": BBC politics, where `The party
    says` after the Liberal Democrats had gone to the Conservative Party named before)."""
    return any(len(words := alias.split()) > 1 and words[-1].lower() == noun
               for alias in alias_names().get(name, (name,)))


def a_thing(tok: Token) -> bool:
    """A common noun that no list knows to speak: not a name, a role (``names.title_words``),
    a body, a group of people, a document or a speech (``source_nouns.txt``), nor a person
    by role, sex or occupation (``speaker_roles.txt``, ``gendered_nouns.txt``,
    ``person_epithets.txt``). Such a
    subject of a cue with a noun phrase for content reports evidence, not speech (`The
    restoration of the older Star Wars episodes revealed some interesting items`, BBC);
    the lists still miss some people (`a pediatrician`), so it only decides what a pronoun
    or a later quote may take from it (quotes/stage.py)."""
    low = lemma_of(tok).lower()
    return tok.pos_ == "NOUN" and not tok.ent_type_ and source_noun_kind(tok) is None and not is_title_word(tok) \
        and low not in role_families() and low not in person_epithets("occupation") \
        and noun_gender(low) is None


#: endings of nouns for people that no list holds (`a pediatrician`, `the organiser`,
#: `a participant`): a noun so ending may still be a "he" or "she" (``may_be_person``)
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ee")


def may_be_person(tok: Token) -> bool:
    """Whether a speaker's head may name a person, for a later "he" or "she": not a
    thing (``a_thing``), unless its ending is a person's. BBC politics: "Mr Straw denied
    the decision would suggest ...", "Mr Brown's trip is designed to highlight ..." gave
    the next "he said" to `decision` and `Mr Brown trip` (9 articles). A plural stays a
    "they" ("the likes of John Reid and Lord Haskins are warning ... they have both warned")."""
    return not a_thing(tok) or tok.tag_ in ("NNS", "NNPS") or lemma_of(tok).lower().endswith(_AGENT_ENDINGS)


def counts_respondents(head: Token) -> bool:
    """A speaker's head that is a share of a poll's respondents: a percentage ("Some 63%
    of respondents"), a share word (``poll_words.txt`` kind share: "Three-quarters said")
    or "one in four"; not a count of people ("One of the men said", "Two said")."""
    if head.ent_type_ == "PERCENT" or head.lower_ in poll_words("share"):
        return True
    return head.like_num and any(p.lower_ == "in" and any(o.like_num for o in p.children)
                                 for p in head.children if p.dep_ == "prep")


def giver_span(giver: Token) -> tuple[int, int]:
    """The characters of the noun phrase of ``speech_giver``'s answer, without the
    possessive ending (`the first minister's comments` -> `the first minister`)."""
    start, end = np_span(giver)
    case = next((c for c in giver.children if c.dep_ == "case"), None)
    return (start, min(end, case.idx)) if case is not None else (start, end)


def np_span(head: Token) -> tuple[int, int]:
    """Characters of the noun phrase a head noun names: its left modifiers and the head
    (a determiner and a leading possessive left to :func:`speaker_name`), plus "for/of/
    from X" after it ("spokesman for the Home Office")."""
    doc = head.doc
    word = word_tokens(head)
    left = word[0].i
    for t in word:
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "case") and c.i < word[0].i:
                left = min(left, c.left_edge.i)
    right = head.i
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at", "in", "by") and c.i == right + 1:
            right = c.right_edge.i
            # "spokesman for the British Casino Association, which represents ...": not the clause
            comma = next((t.i for t in doc[c.i:right + 1] if t.text == ","), None)
            if comma is not None:
                right = comma - 1
        elif c.dep_ in ("compound", "case") and c.i == right + 1:
            right = c.i
        elif after_noun_phrase(c) and c.i == right + 1:
            right = c.right_edge.i
        else:
            break
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


# quantifiers that head an unnamed source ("Many said", "Most agreed") and open sentences
_QUANTIFIERS = frozenset({"many", "most", "some", "few", "several", "all", "both", "others"})


def sentence_case_only(tok: Token) -> bool:
    """A common noun or quantifier capitalised only because it opens its sentence ("Analysts
    said", "Critics say", "Many believe"): as a description it is the same source as the
    lower-case word elsewhere (BBC, 2,225 articles: "Analysts" 86 quotes, "analysts" 96).
    A plural noun the lemmatizer's lists know, heading its phrase, or a quantifier: not a
    name, even one the tagger took for a noun ("Napster", "Rowling", "Labour MPs", "Number
    10", a name the article also writes mid-sentence: "Fosters said" after "Australian brewer
    Fosters"), an adjective of one ("Conservative MPs") nor an acronym."""
    word = tok.text
    return (tok.is_sent_start and word[:1].isupper() and word[1:].islower() and not tok.ent_type_
            and (word.lower() in _QUANTIFIERS or (tok.tag_ == "NNS" and tok.dep_ != "compound" and known_noun(tok)))
            # (nor a name the article capitalises mid-sentence too, alone: "Australian brewer Fosters",
            # not "Singapore Airlines", "Police Federation")
            and not any(t.text == word and not t.is_sent_start and not _capitalised_beside(t) for t in tok.doc))


def _capitalised_beside(tok: Token) -> bool:
    """A capitalised word right before or after ``tok``: ``tok`` is part of a longer name."""
    doc = tok.doc
    return any(0 <= k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha for k in (tok.i - 1, tok.i + 1))


def named_thing(head: Token, run: str) -> str | None:
    """What a proper name the NER missed (``head``, its name run ``run``) names when it is not
    one person's name, else None. BBC, 2,225 articles: every such name had been a person,
    and so the antecedent of a later "he" or "she" ("Rovers have reportedly offered ..." ->
    "he said" was Rovers; "the Night" of a song's title, "she said"):

    * ``""``: a plural proper noun alone names a team, a party's members or a people, a
      group ("Rovers", "the Gunners", "Ecologists"; not a surname the tagger took for a plural
      after a given name, "Hugo Lueders", "Mervyn Davies");
    * with the definite article, a body, an office or a work's title, never a person's name:
      ``"ORG"`` for an acronym or a name of several words ("the FT reports", "the IAAF",
      "the Sunday Telegraph"); ``"THE"`` for a name with a capital "The" inside a sentence,
      which is part of it, a performer's ("In an interview ..., The Game described ..."; not
      after a possessive, "Lily Tuck's The News From Paraguay": a work);
      ``""`` for one other word, a description ("the Archbishop of Canterbury", "the Queen");
    * ``"ORG"`` also for a name after a noun a body's name follows (``source_nouns.txt``, marker
      name: "security firm F-Secure", "the charity Actionaid")."""
    if any(c.dep_ == "compound" and c.i < head.i and c.lower_ in source_nouns_of_kind("name") for c in head.children):
        return "ORG"  # after the noun of a body: "security firm F-Secure", "the charity Actionaid" (BBC: 15 persons)
    if head.tag_ == "NNPS":
        return "" if " " not in run else None
    the = next((c for c in head.children if c.dep_ == "det" and c.lower_ == "the"), None)
    if the is None:
        return None
    before = head.doc[the.i - 1]
    if the.text == "The" and not the.is_sent_start and not (before.is_quote or before.is_left_punct
                                                              or before.tag_ == "POS"):
        return "THE"
    return "ORG" if len(run.split()) > 1 or (run.isupper() and len(run) > 1) else ""


def after_noun_phrase(c: Token) -> bool:
    """An adjective phrase after a common noun, which says whom an unnamed source is close to
    or knows ("a source close to the chancellor", "officials familiar with the talks"):
    docs/guidelines.md §4.6 keeps it in the description ("sources close to ..."); it had
    been cut to "source". Not after a name: the words of a person's mention become the
    roles a later description is matched with."""
    return c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > c.head.i and c.head.pos_ == "NOUN" \
        and any(k.dep_ == "prep" for k in c.children)


def _is_age(word: list[Token]) -> bool:
    """The tokens of one hyphenated word read "N-year-old"."""
    return (len(word) == 5 and word[0].like_num and word[2].lower_ in ("year", "years")
            and word[4].lower_ == "old")


def refers_back(head: Token) -> str | None:
    """How a description refers back to a person already named, or None: ``"age"`` ("the
    30-year-old", also "the 36-year-old striker", "the teenager"), ``"nationality"`` ("the
    Scot", "the tearful New Zealander") or ``"occupation"`` ("the Oscar-nominated actor",
    "the world indoor champion"); the words are ``resources/person_epithets.txt``; with "the"
    and singular. News writing uses these for the person the story is about, never to bring
    in someone new (BBC speakers: 61 ages, about 30 nationalities and 90 occupations; before,
    "the 30-year-old" was a date and no speaker, "the Scot" a person called Scot, "the
    Dutchman" an organisation and "the actor" an unnamed source)."""
    if head.tag_ in ("NNS", "NNPS"):
        return None
    word = word_tokens(head)
    kids = [c for t in word for c in t.children]
    dets = [c.i for c in kids if c.dep_ == "det" and c.lower_ == "the"]
    if not dets:
        return None
    whole = "".join(t.lower_ for t in word)
    if _is_age(word) or whole in person_epithets("age") \
            or any(c.dep_ == "amod" and _is_age(word_tokens(c)) for c in kids):
        return "age"
    # the head word, or the two words ending at it ("New Zealander"), after any modifier
    tail = [t.lower_ for t in head.doc[max(dets) + 1:word[-1].i + 1]]
    if tail[-1] in person_epithets("nationality") or " ".join(tail[-2:]) in person_epithets("nationality"):
        return "nationality"
    if whole in person_epithets("occupation"):
        return "occupation"
    return None


def of_objects(tok: Token) -> Iterator[Token]:
    """The objects of ``tok``'s `of` phrases (`Hundreds of ... demonstrators`, `one of a
    series of Twitter messages`)."""
    return (o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")


def counted_people(tok: Token) -> Token | None:
    """The people a number counts (`Hundreds of pro-Sanders demonstrators` -> demonstrators):
    the object of its `of`, or None when ``tok`` is no number or has none."""
    if tok.ent_type_ != "CARDINAL" and not tok.like_num:
        return None
    return next(of_objects(tok), None)


def speaking_head(head: Token) -> Token:
    """The word a speaker mention's resolution reads: the people a number counts
    (`Hundreds of pro-Sanders demonstrators` -> demonstrators, an unnamed group; PolNeAR
    train), else ``head`` (not `One of the men, David Redvers, ...`: the person beside it)."""
    return (counted_people(head) if head.lower_ != "one" else None) or head
