"""The entity rules' word lists and span repairs (``rules.EntityRules``).

Word lists (``resources/*.txt``) are read once per process; the span repairs
work on candidate spans (``Cand``) of one Doc: complete a body's name, spread a
person's name through the document (and relabel the model's other labels for
it), relabel a party or a club taken for a person, glue two spans that are one name.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...resources import first_names, org_heads, source_nouns_of_kind, titles as title_entries, word_list, word_set
from ..names import (MIDDLE_INITIAL, acronym_matches, all_title_words, expansion_words, generations, surname,
                     title_words)
from ..offices import office_titles
from .acronyms import is_acronym
from .aliases import alias_kind


@dataclass(frozen=True)
class Cand:
    start: int      # token offsets
    end: int
    label: str
    strong: bool    # strong rule spans replace overlapping model spans


def lines(name: str) -> tuple[str, ...]:
    return word_list(name)


@lru_cache(maxsize=1)
def law_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("law_heads"))


@lru_cache(maxsize=1)
def event_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("event_heads"))


@lru_cache(maxsize=1)
def club_words() -> frozenset[str]:
    """Words that end a club's name and never a person's ("United": ``club_words.txt``)."""
    return word_set("club_words")


@lru_cache(maxsize=1)
def job_titles() -> frozenset[str]:
    """The offices of ``titles.txt``, and each portfolio before each office that takes one
    ("defence secretary", "armed forces minister": kinds ``portfolio``, ``portfolio_office``),
    lower case."""
    return office_titles() | portfolio_titles("portfolio_office")


@lru_cache(maxsize=2)
def portfolio_titles(kind: str) -> frozenset[str]:
    """Each portfolio of ``titles.txt`` before each office of ``kind`` (``portfolio_office``:
    "defence secretary"; ``party_office``: "treasury spokesman"), lower case."""
    return frozenset(f"{p} {o}".lower() for p in title_entries("portfolio") for o in title_entries(kind))


@lru_cache(maxsize=1)
def not_entities() -> frozenset[tuple[str, str]]:
    out = set()
    for line in lines("not_entities"):
        label, _, word = (p.strip() for p in line.partition("|"))
        out.add((label, word))
    return frozenset(out)


@lru_cache(maxsize=1)
def law_event_heads() -> frozenset[str]:
    """Lower-cased head nouns of LAW and EVENT names (event_heads + law_heads)."""
    return frozenset(w.lower() for w in lines("event_heads") + lines("law_heads"))


@lru_cache(maxsize=1)
def royal_titles() -> frozenset[str]:
    return frozenset(title_entries("royal"))


def royal_names(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """A royal title right before a person's name is part of it (``titles.txt`` kind
    ``royal``): "Prince Charles", where the model tags "Charles" alone and the corpus took
    him for Ray Charles (BBC politics/184, 327, 328). Only a title no other span holds."""
    royal = royal_titles()
    out: list[Cand] = []
    for c in spans:
        if c.label == "PERSON" and c.start > 0 and doc[c.start - 1].text in royal \
                and (not out or out[-1].end < c.start):
            c = Cand(c.start - 1, c.end, c.label, c.strong)
        out.append(c)
    return out


_NAMES_OF_SOMEONE = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def with_generations(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """A generation after a person's name is part of it (``titles.txt`` kind ``generation``):
    "James B. Comey Jr.", "Joseph R. Biden, Jr." (PolNeAR, NYT: the model tags `Jr.` alone,
    18 times, and a lone `Jr.` became a speaker). It joins the name when no other span
    holds it but one of it alone. Alone it names no one (BBC: `Bruce L` | `Castor` |
    `Jr`, where the model missed the surname): such a name is dropped."""
    gens = generations()
    out: list[Cand] = []
    skip = None
    for k, c in enumerate(spans):
        if k == skip or (c.end - c.start == 1 and doc[c.start].text in gens and c.label in _NAMES_OF_SOMEONE):
            continue
        n = c.end + (c.end + 1 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].text in gens)
        if c.label == "PERSON" and n < len(doc) and doc[n].text in gens:
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if nxt is None or nxt.start > n:
                c = Cand(c.start, n + 1, c.label, c.strong)
            elif (nxt.start, nxt.end) == (n, n + 1):
                c, skip = Cand(c.start, n + 1, c.label, c.strong), k + 1
        out.append(c)
    return out


def extend_bodies(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """Complete the names of bodies (docs/guidelines.md §3: the longest proper name).

    * "OSCE" + "Secretariat": an acronym the model tagged alone, followed by a
      capitalised body noun (``resources/org_heads.txt``), is one ORG;
    * "OSCE Office" + "in Ashgabat", "Special Monitoring Mission" + "in Ukraine":
      an office or mission named after its place;
    * "Permanent Delegation of the Republic of Belarus" + "to the OSCE".
    """
    heads = org_heads()
    out: list[Cand] = []
    for k, c in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        limit = nxt.start if nxt is not None else len(doc)
        if c.label == "ORG" and c.end - c.start == 1 and doc[c.start].is_upper:
            n = c.end
            while n < limit and n - c.end < 3 and doc[n].is_title and doc[n].pos_ == "PROPN":
                n += 1
            if n > c.end and doc[n - 1].lower_ in heads:
                c = Cand(c.start, n, "ORG", c.strong)
        if c.label == "ORG" and nxt is not None and c.end + 1 <= nxt.start:
            gap = [t.lower_ for t in doc[c.end:nxt.start]]
            last = doc[c.end - 1].lower_
            first = doc[c.start].lower_
            if gap == ["in"] and nxt.label == "GPE" and last in org_heads("in") and nxt.end - nxt.start <= 3:
                out.append(Cand(c.start, nxt.end, "ORG", c.strong))
                spans[k + 1] = Cand(nxt.start, nxt.start, "", False)  # consumed
                continue
            if gap in (["to"], ["to", "the"]) and nxt.label == "ORG" and (first in org_heads("in") or (c.end - c.start > 1 and doc[c.start + 1].lower_ in org_heads("in"))):
                out.append(Cand(c.start, nxt.end, "ORG", c.strong))
                spans[k + 1] = Cand(nxt.start, nxt.start, "", False)
                continue
        if c.end > c.start:
            out.append(c)
    return out

def _joined(left, right) -> bool:
    """Two tokens written with no space between them."""
    return left.whitespace_ == "" and right.i == left.i + 1


def _given_name_syllable(doc: Doc, s: int, e: int) -> bool:
    """A person's full name (``doc[s:e]``, two words or more; the caller checks that it is
    a person's) goes on after the hyphen in lower case (Korean given names: "Chung
    Mong-koo", "Yoo Ji-chang", "Kim Jong-un"; a Kazakh patronymic: "Nursultan Abish-uly";
    BBC: the model tagged "Chung Mong"): the parser made that word a proper noun and the
    head of the name. Not "Tony Blair-led", "Blair-style" (a participle or a noun the
    name modifies), nor one word ("Blu-ray")."""
    return e - s >= 2 and doc[e + 1].is_lower and doc[e + 1].tag_ == "NNP" \
        and doc[e - 1].head.i == e + 1


def join_hyphenated(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """A name is whole across a hyphen (docs/guidelines.md §4: ``Kilroy-Silk``,
    ``Butler-Sloss``): the tokenizer splits "Kilroy-Silk" into three tokens and the
    model often tags one half ("Mr Kilroy" PERSON, "Silk" ORG). A name span that
    ends right before ``-Capitalised`` (or a given name's second syllable,
    ``_given_name_syllable``) or starts right after ``Capitalised-``, with no space
    around the hyphen, takes the other half in. Spans it would swallow are dropped."""
    out: list[Cand] = []
    changed = False
    for k, c in enumerate(spans):
        if out and c.start < out[-1].end:
            continue  # the other half, already taken in by the span before
        if c.label not in ("PERSON", "ORG", "GPE", "NORP", "FAC") or c.end <= c.start:
            out.append(c)
            continue
        s, e = c.start, c.end
        person = c.label == "PERSON"
        while s >= 2 and doc[s - 1].text == "-" and _joined(doc[s - 2], doc[s - 1]) and _joined(doc[s - 1], doc[s]) \
                and doc[s - 2].is_title and doc[s - 2].is_alpha:
            s -= 2
        while e + 1 < len(doc) and doc[e].text == "-" and _joined(doc[e - 1], doc[e]) and _joined(doc[e], doc[e + 1]) \
                and doc[e + 1].is_alpha and (doc[e + 1].is_title or person and _given_name_syllable(doc, s, e)):
            e += 2
        if e > c.end and any(later.start < e < later.end for later in spans[k + 1:]):
            # the other half starts a longer span ("World Cross-Country Championships"):
            # that span keeps its words, this one stays as tagged
            e = c.end
        if (s, e) != (c.start, c.end):
            changed = True
            while out and out[-1].end > s:
                out.pop()  # the other half, tagged on its own
            out.append(Cand(s, e, c.label, c.strong))
        else:
            out.append(c)
    return out if changed else spans


def join_spelled(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """Two ORG names the model cut at "and" are one where an acronym the document writes
    spells the whole (``names.acronym_matches``): "Public" + "Commercial Services Union"
    beside "PCS" or "PCS Union" (BBC politics: the union's name was two organisations in
    the 2 of 4 articles that do not define PCS in brackets, ``rules._defined_acronyms``)."""
    pairs = [k for k in range(1, len(spans)) if spans[k - 1].label == spans[k].label == "ORG"
             and spans[k].start == spans[k - 1].end + 1 and doc[spans[k - 1].end].lower_ in ("and", "&")]
    if not pairs:
        return spans
    acronyms = {t.text for t in doc if is_acronym(t.text)}
    out = list(spans)
    for k in reversed(pairs):
        a, b = out[k - 1], out[k]
        words = expansion_words(doc[a.start:b.end].text)
        if any(acronym_matches(acr, words) for acr in acronyms):
            out[k - 1:k + 1] = [Cand(a.start, b.end, "ORG", a.strong or b.strong)]
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches in a str pattern


def name_occurrences(text: str, names: set[str]) -> list[tuple[int, int]]:
    r"""Where ``names`` occur in ``text`` as whole words (not after a word
    character or ".", not before a word character), left to right, the longest
    name at a place first and no two overlapping: what ``finditer`` of the
    alternation ``(?<![\w.])(longest|...|shortest)(?!\w)`` gives, found with
    ``str.find`` (compiling a new alternation per document cost more than all
    the rest of the search)."""
    found: list[tuple[int, int]] = []
    n = len(text)
    for name in names:
        at = text.find(name)
        while at != -1:
            end = at + len(name)
            if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == ".")) and \
                    (end == n or not _is_word_char(text[end])):
                found.append((at, end))
            at = text.find(name, at + 1)
    found.sort(key=lambda se: (se[0], -se[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


#: labels the model gives a person's name (a lone surname, a full name) it did not take for a person
_SURNAME_MISLABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def _cand_text(doc: Doc, c: Cand, text: str) -> str:
    """The text of candidate span ``c`` (``text`` is the Doc's text)."""
    return text[doc[c.start].idx:doc[c.end - 1].idx + len(doc[c.end - 1])]


def _letters_only(word: str) -> bool:
    """Letters, with hyphens and apostrophes between them ("Kilroy-Silk", "O'Neill")."""
    return word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _plain_name_word(word: str) -> bool:
    """One capitalised word, not an acronym, that names no known place or body."""
    return (word[:1].isupper() and not word.isupper() and _letters_only(word)
            and alias_kind(word) is None and word.lower() not in _place_words())


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return word_set("countries") | word_set("region_names") | word_set("demonyms")


def propagate_persons(doc: Doc, spans: list[Cand], text: str) -> list[Cand]:
    """A person named once in the document is a PERSON wherever the name recurs,
    full or surname only ("..., Igor Sekreta said." after "Deputy Minister Igor
    Sekreta"; "Sekreta remarked"), and where the model gave such a name another
    label; first, a full name the model gave another label is a person's when the
    document writes its surname after a courtesy title (``_full_name_surname``).
    Fills gaps and changes labels; never moves a span."""
    surnames_of = [_full_name_surname(doc, c, text) for c in spans]
    if any(surnames_of):
        titled = _titled_surnames(text)  # (read only where a span could be a full name)
        spans = [Cand(c.start, c.end, "PERSON", c.strong) if last in titled else c
                 for c, last in zip(spans, surnames_of)]
    names: set[str] = set()  # full names and their surnames, spread to untagged words
    surnames: set[str] = set()  # surnames that relabel a span the model found
    for c in spans:
        if c.label != "PERSON":
            continue
        name = _cand_text(doc, c, text)
        words = name.split()
        party = alias_kind(name) == "organisation"  # a party the model took for a person has no surname
        # the last of two to four capitalised words, a plain name word ("Leonardo
        # DiCaprio" -> "DiCaprio"): wider than the full names below, since it only
        # relabels a span the model found
        last = surname(words) if words else ""  # the word before a generation ("Joseph R. Biden Jr.")
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and "," not in name and not party \
                and _plain_name_word(last):
            surnames.add(last)
        toks = doc[c.start:c.end]
        # only full names: a single capitalised word the model called PERSON
        # ("Gazprom", "Library") must not spread its error through the document
        if len(toks) < 2 or not all(t.is_title or (t.text.endswith(".") and t.text[:1].isupper()) or t.text == "-"
                                    for t in toks):
            continue
        names.add(name)
        # the surname as written: "Kilroy-Silk", not "Silk"
        if len(last) >= 3 and _letters_only(last) and not party:
            names.add(last)
    if names or surnames:
        spans = [Cand(c.start, c.end, "PERSON", c.strong) if _names_a_person(doc, c, text, names, surnames) else c
                 for c in spans]
    if not names:
        return spans
    lower_words = set(re.findall(r"\b[a-z][a-z'-]*\b", text))
    taken = [(c.start, c.end) for c in spans]
    starts = sorted(taken)
    added = []
    for start, end in name_occurrences(text, names):
        sp = doc.char_span(start, end)
        if sp is None:
            continue
        k = bisect.bisect_right(starts, (sp.start, len(doc) + 1))
        overl = (k > 0 and starts[k - 1][1] > sp.start) or (k < len(starts) and starts[k][0] < sp.end)
        # the recurrence must read as a name too ("Poll" the noun is not Mr Poll):
        # tagged a proper noun, or a word the document never writes in lower case
        # (the tagger calls a sentence-initial "Sekreta" a NOUN)
        if not overl and all(t.pos_ == "PROPN" or t.text in ("-", "'", "’") or (t.is_title and t.lower_ not in lower_words)
                             for t in sp):
            added.append(Cand(sp.start, sp.end, "PERSON", False))
    if not added:
        return spans
    return sorted(spans + added, key=lambda c: c.start)


def _names_a_person(doc: Doc, c: Cand, text: str, names: set[str], surnames: set[str]) -> bool:
    """Whether the model's span ``c`` (another label than PERSON) is a name the document
    gives a person:

    * a full name or surname of ``propagate_persons``, tagged ORG, GPE, NORP or FAC
      ("Mr Kilroy-Silk" tagged ORG after "Robert Kilroy-Silk"), not set in capitals;
    * the lone surname of a person named in full, whatever the model took it for
      (BBC, 2,225 articles: `DiCaprio` ORG, `Safin` LOC, `Nadal` WORK_OF_ART,
      `Connors` PRODUCT: 106 mentions).

    A one-word span must be a plain name word either way: not a known place or body,
    not an acronym ("Katie Georgia ... Georgia" is the country; "Michael Greens ... the
    Greens" the party)."""
    if c.label not in _SURNAME_MISLABELS:
        return False
    name = _cand_text(doc, c, text)
    if (name not in surnames and name not in names) or (" " not in name and not _plain_name_word(name)):
        return False  # (the cheap tests first: most spans name no person of the document)
    if name in surnames:
        return True
    return c.label in ("ORG", "GPE", "NORP", "FAC") and not c.strong and not name.isupper()  # name in names


@lru_cache(maxsize=1)
def _surname_title_re() -> re.Pattern:
    """A ``surname`` title of ``titles.txt`` and the one capitalised word after it, with a
    possessive or not followed by another ("Mr Cable said", "Mr Cable's team"; not "Dr
    Rowan Williams")."""
    alts = "|".join(re.escape(t) for t in sorted(title_entries("surname"), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alts}) ([A-Z][\w-]*(?:['’][A-Z][\w-]*)?)(?:['’]s\b|(?![\w'’-]| +[A-Z]))")


@lru_cache(maxsize=1)  # read by the surname rule and again by the bodies' rule of one document
def _titled_surnames(text: str) -> frozenset[str]:
    """The words the document writes after "Mr", "Ms", "Dr" ...: persons' surnames (not a
    title word: "Mr Speaker"). Read off the text, not the honorific rule's PERSON spans:
    that rule wants a proper noun, and the tagger makes some surnames adjectives or nouns
    ("Mr Brown", "Mr Field")."""
    return frozenset(w for w in _surname_title_re().findall(text) if w.lower() not in title_words())


def _full_name_surname(doc: Doc, c: Cand, text: str) -> str | None:
    """The surname of the model's span ``c`` (another label than PERSON) where it may be
    a person's full name: two or three plain name words. It is one when the document
    writes that surname after a courtesy title ("Vince Cable" ORG, then "Mr Cable"; BBC,
    2,225 articles: 33 mentions of 22 names, among them "Carly Fiorina", "Bernie Ebbers",
    "Nicola Sturgeon", tagged ORG, and every "he said" after them left without a
    speaker). Not a name that is itself a title and a word ("Dr Who", "Miss World")."""
    if c.label not in _SURNAME_MISLABELS or c.strong or c.end - c.start < 2:
        return None
    name = _cand_text(doc, c, text)
    words = name.split()
    if 2 <= len(words) <= 3 and words[0] not in _surname_titles() and alias_kind(name) is None \
            and all(_plain_name_word(w) for w in words):
        return words[-1]
    return None


@lru_cache(maxsize=1)
def _surname_titles() -> frozenset[str]:
    return frozenset(title_entries("surname"))


def organisations_tagged_person(doc: Doc, spans: list[Cand], text: str) -> list[Cand]:
    """A name tagged PERSON is ORG when the alias list calls it an organisation (the model
    takes parties for persons; BBC, 2,225 articles: `Labour` 87 times, `Lib Dems` 79,
    `Lib Dem` 68), when it ends with a club's word (``club_words``: `Manchester
    United`, `United`), or when it is the name of a body the document names after a noun
    for one, or the end of that name (``_named_bodies``: `marketing company Doubleclick`,
    `group James Hardie` and `Hardie`). Run after ``propagate_persons``: a name tagged
    PERSON spreads to its recurrences there, and every one of them is relabelled here."""
    bodies = _named_bodies(doc, spans, text)

    def a_body(c: Cand) -> bool:
        name = _cand_text(doc, c, text)
        return doc[c.end - 1].lower_ in club_words() or alias_kind(name) == "organisation" \
            or bool(bodies) and _ends_a_body(tuple(name.split()), bodies)

    return [Cand(c.start, c.end, "ORG", c.strong) if c.label == "PERSON" and a_body(c) else c for c in spans]


def _name_words(doc: Doc, c: Cand, text: str) -> tuple[str, ...]:
    return tuple(_cand_text(doc, c, text).split())


def _ends_a_body(words: tuple[str, ...], bodies: set[tuple[str, ...]]) -> bool:
    """The name is a body's name or its end (`Hardie` of `James Hardie`)."""
    return any(b[len(b) - len(words):] == words for b in bodies if len(words) <= len(b))


def _named_bodies(doc: Doc, spans: list[Cand], text: str) -> set[tuple[str, ...]]:
    """The words of names tagged PERSON that the document gives right after a lower-case
    noun a body's name follows (``source_nouns.txt``, kind ``name``), which the parser hung
    on the name: `marketing company Doubleclick`, `building products group James Hardie`,
    `security firm Network Box`, `German magazine Der Spiegel` (BBC: 136 mentions of 37
    names tagged PERSON, every one a body). The noun must come right before the name (in
    `the company director Jane Doe` the role comes between). None where the document names
    a person with the name's last word: a capitalised name tagged PERSON ending with it
    that is no end of the body's name (`Paul Manafort` beside `the campaign Manafort was
    running`, PolNeAR train; `Jane Hardie`), a name tagged PERSON after "Mr", "Ms" ...
    (`Mr James Hardie`), or the word after such a title elsewhere (``_titled_surnames``),
    unless the title is the body's own (`footwear firm Dr Martens`)."""
    nouns = source_nouns_of_kind("name")
    bodies = set()
    for c in spans:
        prev = doc[c.start - 1] if c.label == "PERSON" and c.start > 0 else None
        if prev is not None and prev.pos_ == "NOUN" and prev.is_lower and prev.lower_ in nouns \
                and c.start <= prev.head.i < c.end and doc[c.end - 1].text[:1].isupper():
            bodies.add(_name_words(doc, c, text))
    if not bodies:
        return bodies
    last = {b[-1] for b in bodies}
    titles = _surname_titles()
    vetoed = {b[-1] for b in bodies if b[0] not in titles} & _titled_surnames(text)
    for c in spans:
        words = _name_words(doc, c, text) if c.label == "PERSON" else ()
        if words and words[-1] in last and (
                (words[0][:1].isupper() and not _ends_a_body(words, bodies))
                or (c.start > 0 and doc[c.start - 1].text in titles)):
            vetoed.add(words[-1])
    return {b for b in bodies if b[-1] not in vetoed}


def glue(doc: Doc, a: Cand, b: Cand) -> bool:
    """Two adjacent spans that are one name.

    * "OSCE PA", "OSCE ODIHR": a parent organisation's acronym right before
      the body's own name is one ORG (the longest proper name);
    * "the fall of" + "2024": the model cut a DATE at "of";
    * "Paul" + "McCartney", "J. Bradford" + "DeLong", "George W." + "Bush": the model
      cut a person's name after a first name or initials (BBC: 26 adjacent pairs of
      persons, PolNeAR: 31, most of them such), unless a title stands between ("Tory
      Treasurer" + "Lord Ashcroft"), the second ends with a body's noun ("Paul" +
      "McCartney Foundation", ``org_heads.txt``), or the first is more than a first
      name ("Sex Pistol" + "John Lydon", "Trump" + "Clinton").
    """
    if a.label == "ORG" and b.label == "ORG" and a.end - a.start == 1:
        first = doc[a.start]
        return first.is_upper and first.is_alpha and len(first) > 1 and not first.whitespace_ == "" and doc[b.start].text[:1].isupper()
    if a.label == "DATE" and b.label == "DATE" and doc[a.end - 1].lower_ == "of":
        return True
    if a.label == "PERSON" and b.label == "PERSON" and doc[a.end - 1].whitespace_ == " ":
        first, second = doc[a.start:a.end], doc[b.start:b.end]
        # initials and at most one name word; a lone word must be a first name ("Trump" +
        # "Clinton" are two; "Keith" + "Lamont Scott" one, PolNeAR)
        words = [t.text for t in first if not MIDDLE_INITIAL.match(t.text)]
        named = not words or (len(words) == 1 and _plain_name_word(words[0])
                              and (len(first) > 1 or words[0].lower() in first_names()))
        return named \
            and not {first[-1].lower_, second[0].lower_.rstrip(".")} & all_title_words() \
            and second[-1].lower_ not in org_heads() and first[-1].text != second[-1].text
    return False

