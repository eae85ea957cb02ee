"""Canonical names: one name per real-world entity across the whole corpus.

Pure functions over entity rows (``doc_id``, ``text``, ``label``, in document
order), so a streaming runner can call :func:`canonical_names` once on the
whole entities table at the end of a run.

How a mention is resolved (docs/guidelines.md §3, issue 3):

1. **Surface form**: a leading "the" and a possessive are stripped, and from a
   person's name every office and courtesy title of ``resources/titles.txt``
   (:func:`pipeline.stages.names.strip_titles` with ``roles=False``, word by word,
   see :func:`pipeline.stages.names.name_title_words`), and before a full name the
   party, camp and role words (:func:`pipeline.stages.entities.forms.without_affiliation`:
   ``Lib Dem MP Lembit Opik`` -> ``Lembit Opik``; ``High Court Judge Richard`` stays):
   ``Lord Coe`` -> ``Coe``,
   ``Belarusian Deputy Foreign Minister Igor Sekreta`` -> ``Igor Sekreta``; a judge
   known only by title keeps it with the courtesy title before the span
   (``courtesy_title`` "Mr", ``Justice Forbes`` -> ``Mr Justice Forbes``);
   initials are kept as written (``A.Lukashenko``). Spelling variants
   that differ only in case, hyphens, spaces and dots share a key
   (``Co-operation`` / ``Cooperation``).
2. **Persons**: a one-word mention (a surname) resolves to the full name with
   that surname in the same document (two such names: the one the corpus
   names far more often); when the document has none, to the full name the
   corpus gives in at least 2 documents and 3 times as many as any other
   (``CORPUS_NAME_MIN_DOCS``), so one stray mention never renames another
   document's. A surname after a courtesy title that tells a gender (``courtesy_title``:
   "Mr. Clinton") is only ever the full name of a person whose first name does not tell
   the other ("Bill Clinton", not "Hillary Clinton"), apart from the untitled surname;
   so is the untitled surname where the document's courtesy titles give it one gender
   only ("President Obama" beside "Mr. Obama", not Michelle Obama).
   A knight's first name ("Sir Edward", the title in the mention or in
   ``courtesy_title``) resolves to the full name
   with that first word in the same document, and so does any one-word name that
   is no one's surname there ("Ozzy", "Paula": sport and entertainment call stars
   by their first name), unless the corpus tags the word as something else more
   often than as a person ("Yahoo" beside "Yahoo Messenger"). Where the corpus also
   knows a person by that word as surname, the reading the corpus gives the word
   alone in more documents wins: a surname for "Howard" (Michael Howard, even
   beside "Howard Flight"), a first name for "John" ("Sir John" beside "John
   Bourn", not Elton John). An initialled name (``A.Lukashenko``) resolves to a
   full name with that surname and first initial, in the same
   document first, then in the corpus. A full name with a middle initial or middle
   names is the name without them ("Donald J. Trump", "Donald Trump"; "Edward Richard
   George Heath", "Edward Heath") where the corpus gives no other middle part for it
   and no sentence names both (the corpus pass only), so that its surname alone is
   that one person too ("Heath"). Among the names of one
   person the canonical is the longest full name, middle initials aside, then the
   one written most.
3. **Acronyms**: an acronym and a multi-word name whose words spell it
   (``OSCE`` ~ ``Organization for Security and Co-operation in Europe``) are
   one entity when both occur in one document, or when
   ``resources/org_acronyms.txt`` lists the expansion; a compound like
   ``OSCE PA`` matches ``OSCE Parliamentary Assembly`` word by word.
4. **Aliases** from ``resources/entity_aliases.txt`` (``Republic of Belarus`` ->
   ``Belarus``).
5. **Clubs**: a club's word alone (``United``, ``resources/club_words.txt``, an ORG
   mention) is the one club its document names with it (``Manchester United``; of
   several, the one the corpus names far more often, as for a surname), like a
   defined acronym local to its document; it is never the canonical beside them.

Choice of canonical form (documented on purpose; the gold set follows the same
rule): for an organisation listed in ``org_acronyms.txt`` (globally known,
unambiguous acronyms: OSCE, NATO, CSTO, ODIHR...) the canonical is the
**acronym**, which is how news text and analysts name it and which has no
spelling variants; for an acronym defined only in the text (``PA``, ``AMG``,
``OOM``) the canonical is the **expansion**, because a short local acronym means
different things in different articles (PA: Parliamentary Assembly, Palestinian
Authority). For everything else the canonical is the most frequent surface
form of the cluster (ties: the first seen).

Speaker resolution (the quotes stage) works on one document's rows and this
module's ``canonical`` column: :mod:`pipeline.stages.quotes.speakers`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Sequence

import pandas as pd

from ..gender import fits_gender, mention_gender, surname_genders, title_gender
from ..names import (expansion_words, fullest_name, generation_of, judge_name, peer_titles, same_generation,
                     surname, surname_and_generation)
from .acronyms import capitalised, compound_matches, has_acronym_word, is_acronym, spells
from .aliases import aliases, key
from .forms import SPACE, initial_surname, is_full_name, is_initialled, known_acronyms, surface, well_formed
from .persons import middle_name_twins, name_length
from .lexicon import club_words, law_event_heads
from .rules import NAME_LABELS

#: ``CANONICAL_ACRONYM_POLICY``: "known" = acronym for listed organisations, expansion
#: otherwise (see the module docstring).
CANONICAL_ACRONYM_POLICY = "known"

_KNIGHT_TITLES = ("Sir", "Dame")
_KNIGHTED = re.compile(rf"^(?:the\s+)?(?:{'|'.join(_KNIGHT_TITLES)})\s+\S+$", re.IGNORECASE)
#: a full name found only in other documents names a lone surname when it is given in
#: at least this many documents and this many times as many as any other full name
#: with that surname ("Howard" -> "Michael Howard", not "John Howard"); a name seen in
#: one document never renames mentions elsewhere (the same for a club's word alone)
CORPUS_NAME_MIN_DOCS = 2
CORPUS_NAME_DOMINANCE = 3


# --- the corpus-wide function ---------------------------------------------------

class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra



def canonical_names(entities: pd.DataFrame, corpus: bool = True) -> pd.Series:
    """Canonical name of every row of ``entities`` (columns doc_id, text, label; where
    present, ``courtesy_title`` and ``sent_id``, which a middle-initial merge needs to
    tell two persons one sentence names apart).

    Rows are taken in their given order (document order within a document), which
    decides ties. Returns a Series aligned to ``entities.index``. ``corpus=False``
    (the entities stage, per batch): a one-word name is read as a first name only
    after "Sir" or "Dame"; any other first name is read by the corpus pass, whose
    reading depends on the whole corpus, and the runner carries it into later tables
    (one local name, "Paul", that a batch read as Paul Boateng and the corpus as Henry
    Paul, would otherwise rename the quotes of the Paul Boateng the document names in
    full); so is a club's word alone where its document names several clubs with it,
    and a full name with a middle initial.
    """
    if len(entities) == 0:
        return pd.Series([], index=entities.index, dtype=object)
    docs = entities["doc_id"].astype(str).tolist()
    labels = entities["label"].astype(str).tolist()
    raw = entities["text"].astype(str).tolist()
    surfaces = [surface(t, lab) if lab in NAME_LABELS else SPACE.sub(" ", t).strip() for t, lab in zip(raw, labels)]
    # the gender a courtesy title before a mention tells ("Mr. Clinton"): a surname so
    # titled is a person of this document apart from the same surname with the other title
    courtesy: dict[int, str] = {}  # row -> its courtesy title (a few rows: read only where one is)
    if "courtesy_title" in entities.columns:
        titled = entities["courtesy_title"]
        courtesy = {i: titled.iat[i] for i in titled.notna().to_numpy().nonzero()[0].tolist()}
        for i, title in courtesy.items():
            # "Lord Justice Rix", "Mr Justice Forbes": a judge known only by title keeps it,
            # courtesy title too, which the NER left out of the span ("Justice Rix")
            if labels[i] == "PERSON" and (judge := judge_name(surfaces[i], title)) is not None:
                surfaces[i] = judge
    known = known_acronyms()
    alias_table = aliases()

    # node of a mention: (kind, key), and its document after them where it is local (a
    # surname alone, an acronym or club word the document defines), then the gender its courtesy title tells; persons are per label so
    # that "Belarus" the country never merges with a person, everything else shares one namespace.
    alias_nodes: dict[tuple[str, str], str] = {}

    def node_of(s: str, label: str) -> tuple[tuple[str, str], bool]:
        """The node of a name mention written ``s``, and whether it is local to its document."""
        k = key(s)
        if k in alias_table:
            # whatever the NER's label: "Labour" tagged PERSON is the party
            target = alias_table[k][0]
            alias_nodes[("N", key(target))] = target
            return ("N", key(target)), False
        if label == "PERSON":
            # a surname alone means whoever the document names: the node is local to
            # the document until resolved
            return ("P", k), len(s.split()) == 1 and not is_initialled(s)
        # a short acronym the text defines means what that document says (PA); so does a
        # club's word alone ("United": the Manchester or the Dundee United it names)
        return ("N", k), (is_acronym(s) and s not in known) or (label == "ORG" and k in club_words())

    name_nodes: dict[tuple[str, str], tuple[tuple[str, str], bool]] = {}  # (surface, label) -> node_of
    # dates, numbers, money have no node: each mention is its own name ("the past decade"),
    # left as written (a third of the BBC corpus's mentions)
    nodes: list[tuple | None] = []
    named: list[int] = []  # the rows with a node
    for i, (s, label) in enumerate(zip(surfaces, labels)):
        if label not in NAME_LABELS:
            nodes.append(None)
            continue
        if (s, label) not in name_nodes:
            name_nodes[s, label] = node_of(s, label)
        n, local = name_nodes[s, label]
        gender = title_gender(courtesy.get(i)) if local else None
        nodes.append(n if not local else (*n, docs[i]) + ((gender,) if gender else ()))
        named.append(i)

    uf = _UnionFind()
    # node -> {form: count}: plain dicts (a Counter per node costs more than the counting)
    forms: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    first_seen: dict[tuple[tuple[str, str], str], int] = {}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i in named:
        n, s = nodes[i], surfaces[i]
        uf.parent.setdefault(n, n)  # every node its own root, in mention order (no union yet)
        counts = forms[n]
        counts[s] = counts.get(s, 0) + 1
        first_seen.setdefault((n, s), i)
        by_doc[docs[i]].append(i)

    # -- persons --------------------------------------------------------------
    corpus_full: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # surname key -> full -> docs
    # doc -> first-word key / last-word key -> the document's full names
    first_in_doc: dict[str, dict[str, set[str]]] = {}
    last_in_doc: dict[str, dict[str, set[str]]] = {}
    titled_in_doc: dict[str, dict[str, str]] = {}  # doc -> gender.surname_genders of its surnames
    # For first names (person_target; the corpus pass only): how the corpus uses a
    # one-word name alone where its document gives a full name with that word: in how
    # many documents as the surname ("Mr Howard" beside "Michael Howard"), in how many
    # as the first name ("John" beside "John Yapp").
    as_surname: Counter = Counter()
    as_first: Counter = Counter()
    for d, idx in by_doc.items():
        # a "P" node is a PERSON mention's (node_of), its key the mention's
        persons = [i for i in idx if nodes[i][0] == "P"]
        fulls = [surfaces[i] for i in persons if is_full_name(surfaces[i])]
        firsts: dict[str, set[str]] = defaultdict(set)
        lasts: dict[str, set[str]] = defaultdict(set)
        for f in fulls:
            words = f.split()
            last = key(surname(words))
            corpus_full[last][f].add(d)
            firsts[key(words[0])].add(f)
            lasts[last].add(f)
        first_in_doc[d], last_in_doc[d] = firsts, lasts
        titled_in_doc[d] = surname_genders((nodes[i][1], courtesy.get(i)) for i in persons
                                           if len(nodes[i]) > 2)  # local: a surname
        if corpus:
            for w in {nodes[i][1] for i in persons if " " not in surfaces[i]}:
                if w in lasts:
                    as_surname[w] += 1
                elif w in firsts:
                    as_first[w] += 1

    # one-word names the corpus tags as something else more often than as a person
    # ("Mac", "Yahoo", "Wembley") are no first names (the corpus pass only)
    not_person: set[str] = set()
    if corpus:
        tagged: Counter = Counter()
        for (s, lab), n in Counter((surfaces[i], labels[i]) for i in named).items():
            if " " not in s:
                tagged[key(s), lab == "PERSON"] += n
        not_person = {k for (k, person), n in tagged.items() if not person and n > tagged[k, True]}

    # "Donald J. Trump" is "Donald Trump", "Edward Richard George Heath" is "Edward Heath"
    # (``persons``; the corpus pass only: a batch that
    # merged two names the corpus keeps apart would leave later tables a name for both)
    same_as = middle_name_twins(corpus_full) if corpus else {}
    if same_as and "sent_id" in entities.columns:
        twins = set(same_as) | set(same_as.values())
        sentences, sentences_of = entities["sent_id"], defaultdict(set)  # a twin's key -> (document, sentence)
        for i in named:
            if nodes[i][1] in twins and nodes[i][0] == "P" and not pd.isna(sent := sentences.iat[i]):
                sentences_of[nodes[i][1]].add((docs[i], sent))
        same_as = {a: b for a, b in same_as.items() if not sentences_of[a] & sentences_of[b]}

    def person_key(name: str) -> str:
        return same_as.get(k := key(name), k)

    def one_name(names) -> str | None:
        """The name of ``names`` when they all name one person, else None."""
        return min(names) if len({person_key(f) for f in names}) == 1 else None

    def only_full_with_first(d: str, first: str) -> str | None:
        """The one full name (one key) of document ``d`` whose first word is ``first``."""
        return one_name(first_in_doc[d].get(first, ()))

    def corpus_choice(names: set[str] | None, last: str, gender: str | None = None) -> str | None:
        """The full name the corpus gives for a surname, among ``names`` (None: all) that
        fit ``gender``: named in enough documents and far more often than any other (see
        CORPUS_NAME_MIN_DOCS). A name of one document never renames another's mention."""
        pool = corpus_full.get(last, {})
        by_key: dict[str, set[str]] = defaultdict(set)
        for f, ds in pool.items():
            if (names is None or f in names) and fits_gender(f, gender):
                by_key[person_key(f)] |= ds
        if not by_key:
            return None
        ranked = sorted(by_key.items(), key=lambda kv: -len(kv[1]))
        top, n_top = ranked[0][0], len(ranked[0][1])
        n_next = len(ranked[1][1]) if len(ranked) > 1 else 0
        return next(f for f in pool if person_key(f) == top) if dominant(n_top, n_next) else None

    def person_target(s: str, d: str, text: str, title: str | None) -> str | None:
        """The full name a PERSON mention written ``s`` (``text`` as the table has it) of
        document ``d`` names; ``title``: the courtesy title before it."""
        words = s.split()
        if len(words) == 2 and words[0].lower() in peer_titles():
            # "Baroness Boothroyd" in an article that also says "Betty Boothroyd": the
            # fullest name it gives; known only by the title, the title stays
            last = key(words[1])
            return one_name({f for f in last_in_doc[d].get(last, ()) if f.split()[0].lower() not in peer_titles()})
        if surname_and_generation(words):
            # "Trump Jr." is the full name with that surname and that generation: "Donald
            # Trump Jr.", never "Donald Trump" (PolNeAR: the NYT and Politico shorten it so)
            last, gen = key(words[0]), words[1]
            of_gen = lambda names: {f for f in names if same_generation(generation_of(f), gen)}  # noqa: E731
            local = of_gen(last_in_doc[d].get(last, ()))
            return one_name(local) if local else corpus_choice(of_gen(corpus_full.get(last, ())), last)
        if len(words) == 1 and (_KNIGHTED.match(text) or title in _KNIGHT_TITLES):
            # "Sir Edward": a knight is called by his first name (BBC politics)
            return only_full_with_first(d, key(words[0]))
        if len(words) == 1 and not is_initialled(s):
            last = key(words[0])
            # untitled, the surname is of the gender the document's courtesy titles give it
            # (``surname_genders``): "President Obama" in an article that says "Mr. Obama" 15
            # times and names only Michelle Obama in full (PolNeAR, NYT)
            gender = mention_gender(last, title, titled_in_doc[d])
            # "Mr. Clinton" is not Hillary Clinton (PolNeAR, NYT: "Mr. Obama" beside Michelle Obama)
            local = {f for f in last_in_doc[d].get(last, ()) if fits_gender(f, gender)}
            hit = one_name(local)
            if hit is not None:
                return hit
            if local:
                # two names of this document share the surname: the one the corpus knows
                # far better ("Mr Howard" beside "John Howard" is Michael Howard), else the
                # fullest where both are one person as the speakers read them (``names.
                # fullest_name``: "Forsyth" beside "Frederick" and "Freddie Forsyth")
                return corpus_choice(local, last) or fullest_name(
                    sorted(local, key=lambda f: (first_seen.get((("P", key(f)), f), 0), f)))
            known = corpus_choice(None, last, gender)
            # the surname of a full name of the document (of the other gender) is no first
            # name there: one-article "Mr. Obama" beside Michelle Obama is not "Obama Speech",
            # a caption the NER took for a person (PolNeAR, NYT); "Mr Wang" is still Wang Yan
            # (BBC business: Chinese and Korean names give the family name first)
            if corpus and last not in last_in_doc[d] and last not in not_person \
                    and (known is None or as_first[last] >= as_surname[last]):
                return only_full_with_first(d, last) or known
            return known
        if is_initialled(s):
            initial, last = initial_surname(s)
            last = key(last)
            for pool in (last_in_doc[d].get(last, ()), sorted(corpus_full.get(last, ()))):
                cands = {f for f in pool if f[:1] == initial}
                if len(cands) == 1:
                    return next(iter(cands))
        return None

    for i in named:
        if labels[i] != "PERSON" or nodes[i][0] != "P":
            continue
        target = person_target(surfaces[i], docs[i], raw[i], courtesy.get(i))
        if target is not None:
            uf.union(("P", key(target)), nodes[i])
            forms[("P", key(target))].setdefault(target, 0)
    for a, b in same_as.items():
        uf.union(("P", b), ("P", a))

    # -- acronyms ---------------------------------------------------------------
    def acr_node(a: str, d: str) -> tuple:
        return ("N", key(a)) if a in known else ("N", key(a), d)

    def link_acronyms(idx: Sequence[int], d: str) -> None:
        idx = [i for i in idx if nodes[i][0] == "N"]
        names = {surfaces[i] for i in idx}
        acrs = {n for n in names if is_acronym(n)}
        compounds = {n for n in names if has_acronym_word(n)}
        longs = {n for n in names if len(n.split()) >= 2}
        for a in acrs:
            if key(a) in alias_table:
                continue
            hits = [l for l in longs if capitalised(l) and spells(a, l) and key(l) not in alias_table]
            if hits:
                # prefer the expansion whose every word is used: the shortest
                for h in sorted(hits, key=lambda h: (len(h), h))[:1]:
                    uf.union(acr_node(a, d), ("N", key(h)))
        for c in compounds:
            if key(c) in alias_table:
                continue
            words = c.split()
            if all(is_acronym(w) for w in words) and words[-1] in acrs:
                # "OSCE PA": a parent acronym before the body's own acronym
                uf.union(acr_node(words[-1], d), ("N", key(c)))
            for l in longs:
                if l != c and key(l) not in alias_table and compound_matches(c, l):
                    uf.union(("N", key(l)), ("N", key(c)))

    for d, idx in by_doc.items():
        link_acronyms(idx, d)

    # -- a club's word alone ("United"): the club of its document named with it ------
    club = club_words()
    clubs: dict[str, dict[str, set]] = {}  # document -> {club's word: nodes of its ORG names ending with it}
    alone: dict[str, set[str]] = {}  # document -> the club's words it writes alone (node_of: local nodes)
    for d, idx in by_doc.items():
        clubs[d], alone[d] = defaultdict(set), set()
        for i in (i for i in idx if labels[i] == "ORG"):
            if len(nodes[i]) == 3 and nodes[i][1] in club:
                alone[d].add(nodes[i][1])
            elif " " in surfaces[i] and (word := key(surfaces[i].split()[-1])) in club:
                clubs[d][word].add(nodes[i])
    club_docs = Counter(n for found in clubs.values() for ns in found.values() for n in ns)  # node -> documents
    for d, words in alone.items():
        for w in words:
            hits = sorted(clubs[d].get(w, ()), key=lambda n: (-club_docs[n], n))
            # of several, the one the corpus names far more often (the surnames' rule:
            # Manchester United, not Shareholders United, BBC business); a batch leaves
            # that to the corpus pass, which sees every document
            if len(hits) == 1 or (corpus and len(hits) > 1 and dominant(club_docs[hits[0]], club_docs[hits[1]])):
                uf.union(hits[0], ("N", w, d))
    for acr, exp in known.items():
        if exp is not None and (("N", key(acr)) in uf.parent or ("N", key(exp)) in uf.parent):
            uf.union(("N", key(acr)), ("N", key(exp)))
            forms[("N", key(exp))].setdefault(exp, 0)
            forms[("N", key(acr))].setdefault(acr, 0)

    # -- named documents and events: sub-forms ------------------------------------
    # "Eurasian Charter", "Charter of Diversity" and "Eurasian Charter of Diversity and
    # Multipolarity in the 21st Century" name one document; "Second Minsk International
    # Conference ..." is an edition of "Minsk International Conference ...". Two LAW
    # (or EVENT) names are linked when one's words run inside the other's and both
    # contain the same head noun; the canonical is the best-connected form.
    titled: dict[str, dict[str, list[str]]] = {"LAW": {}, "EVENT": {}}
    for i in named:
        lab = labels[i]
        if lab in titled and nodes[i][0] == "N":
            titled[lab].setdefault(surfaces[i], [w.casefold() for w in expansion_words(surfaces[i])])
    degree: Counter = Counter()
    heads = law_event_heads()
    for lab, names in titled.items():
        # index every run of 2+ words of every name, so that each name looks up the
        # longer names containing it instead of comparing all pairs
        runs: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for sb, wb in names.items():
            for i in range(len(wb)):
                for j in range(i + 2, len(wb) + 1):
                    if j - i < len(wb):
                        runs[tuple(wb[i:j])].append(sb)
        for sa, wa in names.items():
            if len(wa) < 2 or not heads & set(wa):
                continue
            for sb in dict.fromkeys(runs.get(tuple(wa), ())):
                uf.union(("N", key(sb)), ("N", key(sa)))
                degree[sa] += 1
                degree[sb] += 1

    # -- pick one name per cluster ------------------------------------------------
    members: dict = defaultdict(list)
    for n in list(uf.parent):
        members[uf.find(n)].append(n)
    label_of = {nodes[i]: labels[i] for i in named}
    known_keys = _known_acronym_keys()
    choice: dict = {}
    for root, ns in members.items():
        form = _only_form(root, ns, forms, degree, alias_nodes, known_keys)
        if form is not None:
            choice[ns[0]] = form
            continue
        cands: Counter = Counter()
        for n in ns:
            cands.update(forms.get(n, {}))
        if not cands:
            continue
        order = {f: min((first_seen.get((n, f), 10**12) for n in ns), default=10**12) for f in cands}
        best = _pick(root, ns, cands, order, degree, alias_nodes, label_of)
        for n in ns:
            choice[n] = best
    return pd.Series([choice.get(n, surfaces[i]) for i, n in enumerate(nodes)], index=entities.index, dtype=object)


def dominant(n_top: int, n_next: int) -> bool:
    """Is a name given in ``n_top`` documents the corpus's choice over one given in ``n_next``
    (``CORPUS_NAME_MIN_DOCS``, ``CORPUS_NAME_DOMINANCE``)?"""
    return n_top >= CORPUS_NAME_MIN_DOCS and n_top >= CORPUS_NAME_DOMINANCE * n_next


def _only_form(root, ns, forms: dict, degree: Counter, alias_nodes: dict, known_keys: dict) -> str | None:
    """The form ``_pick`` would return for a cluster of one node written one way (no degree,
    no alias, no known acronym to prefer), found without building its candidates; None for
    any other cluster. Most clusters are such (13,000 of the 15,500 of the BBC corpus)."""
    if len(ns) != 1 or ns[0] in alias_nodes or (root[0] != "P" and root[1] in known_keys):
        return None
    only = forms.get(ns[0])
    if only is None or len(only) != 1:
        return None
    (form,) = only
    return None if degree[form] else form


def _representatives(cands: Counter, order: dict[str, int]) -> tuple[dict[str, str], Counter]:
    """The forms of a cluster grouped by spelling key ("Kilroy-Silk" / "Kilroy Silk",
    "TONY BLAIR" / "Tony Blair"): key -> the form to show (not shouted, then the most
    frequent, then one that keeps its hyphen or apostrophe, then the first), and the
    group's total count."""
    groups: dict[str, list[str]] = defaultdict(list)
    for f in cands:
        groups[key(f)].append(f)
    reps, counts = {}, Counter()
    for k, fs in groups.items():
        reps[k] = max(fs, key=lambda f: (not (f.isupper() and " " in f), cands[f], any(c in f for c in "-'’"), -order[f]))
        counts[k] = sum(cands[f] for f in fs)
    return reps, counts


def _pick(root, ns, cands: Counter, order: dict[str, int], degree: Counter, alias_nodes: dict, label_of: dict) -> str:
    """The canonical name of one cluster (module docstring: choice of canonical form)."""
    if any(degree[f] for f in cands):
        return max(cands, key=lambda f: (degree[f], -len(f), -order[f]))
    alias_targets = [alias_nodes[n] for n in ns if n in alias_nodes]
    if alias_targets:
        return alias_targets[0]
    reps, counts = _representatives(cands, order)
    rep_order = {k: order[r] for k, r in reps.items()}
    if root[0] == "P":
        fulls = {k: r for k, r in reps.items() if is_full_name(r)}
        # "Tories Ken Clarke" beside "Ken Clarke": a longer form ending with another
        # full name that is written more often is that name with words glued on
        for k, r in list(fulls.items()):
            words = r.split()
            if any(counts[k2] > counts[k] and len(r2.split()) < len(words) and words[-len(r2.split()):] == r2.split()
                   for k2, r2 in fulls.items() if k2 != k):
                del fulls[k]
        if fulls:
            # middle initials aside: "Donald Trump", written more often than "Donald J. Trump"
            k = max(fulls, key=lambda k: (name_length(fulls[k]), counts[k], -rep_order[k]))
            return fulls[k]
        named = {k: r for k, r in reps.items() if well_formed(r, "PERSON")} or reps
        return reps[max(named, key=lambda k: (counts[k], -rep_order[k]))]
    known_keys = _known_acronym_keys()
    known_here = [known_keys[n[1]] for n in ns if n[1] in known_keys]
    if known_here and CANONICAL_ACRONYM_POLICY == "known":
        return known_here[0]
    label = next((label_of[n] for n in ns if n in label_of), None)
    pool = {k: r for k, r in reps.items() if well_formed(r, label)} or reps
    pool = {k: r for k, r in pool.items() if k not in club_words()} or pool  # "United" beside its club's name
    # a cluster with a locally defined acronym: the expansion (see the module docstring)
    if any(is_acronym(r) for r in pool.values()):
        names = {k: r for k, r in pool.items() if not all(is_acronym(w) for w in r.split())}
        pool = names or pool
    return pool[max(pool, key=lambda k: (counts[k], -rep_order[k]))]


@lru_cache(maxsize=1)
def _known_acronym_keys() -> dict[str, str]:
    """key -> acronym, for every known acronym (built once, not once per cluster)."""
    return {key(a): a for a in known_acronyms()}
