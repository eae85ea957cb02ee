"""Actors (issue 13): one row per real-world person or organisation of the corpus.

A corpus stage (registry ``corpus=True``): called once per run, after every
batch and every ``finalize``, over the whole entities, quotes and claims tables
and the documents' dates (``doc_id``, ``published``; never their text), so its
memory is bounded by those tables. The ``actor`` is the canonical name every
other table uses (``entities.canonical``, ``quotes.speaker``, ``claims.speaker``,
``claims.about``).

Who is an actor:

* every canonical name of a PERSON or ORG mention, and of any mention the alias
  list calls an organisation ("Tories" tagged NORP -> Conservative Party);
* every speaker of kind ``person`` or ``organisation`` (a name the NER missed).

``kind``: ``organisation`` when the alias list says so, else by the labels of all its
mentions: more GPE, LOC and FAC mentions than PERSON and than ORG ones make it a place,
an actor only as a body (``organisation``, as ``quotes.speaker_kind`` has a place that
speaks) when it speaks or the NER also reads it as an organisation, and none otherwise
(BBC: one PERSON tag against 19 GPE ones made Westminster a person); else more PERSON
than ORG mentions: a person; else the speakers' kind. ``label``: the alias list's ORG,
else the most frequent label of the reading that decided the kind.
Counts: ``n_mentions`` entity mentions (person, organisation and place labels); ``n_documents`` documents that mention
it or quote it; ``n_quotes`` quotes it speaks and ``n_claims`` claims it asserts, whatever
their ``speaker_kind``;
``n_about`` claims about it. ``first_published``/``last_published``: the
earliest and latest ``published`` date of those documents (null when none has
one). ``aliases``: the distinct mentions as written, most frequent first;
``roles``: the roles the corpus gives a person (``entities.role``), most
frequent first.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from ...tables import empty_frame
from ..entities.aliases import alias_kind

STAGE = "actors"
#: entity labels whose canonical names are actors (docs/spec.md: persons and organisations)
ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation"}
#: labels of places: they vote on what a name is (a place is no person), and a place is an
#: actor only as a body (quotes.sources.speaker_kind: a GPE or FAC that speaks is an organisation)
PLACE_LABELS = ("GPE", "LOC", "FAC")
#: the columns this stage reads of each table (the registry passes only these: never a text
#: but the mentions' own, so the corpus pass reads a fraction of the quotes and claims tables)
COLUMNS = {
    "documents": ("doc_id", "published"),
    "entities": ("doc_id", "text", "label", "canonical", "role"),
    "quotes": ("doc_id", "speaker", "speaker_kind"),
    "claims": ("doc_id", "speaker", "about"),
}


def _is_place(labels: Counter) -> bool:
    """More of the name's mentions are tagged a place than a person, and than an organisation."""
    return sum(labels[p] for p in PLACE_LABELS) > max(labels["PERSON"], labels["ORG"])


def _kind(body: bool, place: bool, labels: Counter, speaker_kinds: Counter) -> str | None:
    """``body``: the alias list calls the name an organisation; ``place``: ``_is_place``."""
    if body:
        return "organisation"
    if place:
        return "organisation" if speaker_kinds or labels["ORG"] else None
    if labels["PERSON"] or labels["ORG"]:
        return "person" if labels["PERSON"] >= labels["ORG"] else "organisation"
    if speaker_kinds:
        return speaker_kinds.most_common(1)[0][0]
    return None


def _label(body: bool, place: bool, kind: str, labels: Counter) -> str:
    """The most frequent label of the reading that decided ``kind`` (module docstring)."""
    if body:
        return "ORG"
    read = PLACE_LABELS if place else tuple(ACTOR_LABELS)
    # a Counter keeps the order labels were first seen: ``most_common`` breaks ties by it
    best = Counter({label: n for label, n in labels.items() if label in read}).most_common(1)
    return best[0][0] if best else ("PERSON" if kind == "person" else "ORG")


def build_actors(documents: pd.DataFrame, entities: pd.DataFrame, quotes: pd.DataFrame,
                 claims: pd.DataFrame) -> pd.DataFrame:
    """One row per person or organisation (module docstring), most mentioned first."""
    labels: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set] = defaultdict(set)
    speaker_kinds: dict[str, Counter] = defaultdict(Counter)
    n_quotes: Counter = Counter()
    n_claims: Counter = Counter()
    n_about: Counter = Counter()

    if len(entities):
        ents = entities[entities["canonical"].notna()]
        # the alias list is asked once per name, not once per mention (90,000 mentions of 25,000
        # names in the BBC corpus)
        orgs = [n for n in ents["canonical"].unique() if alias_kind(n) == "organisation"]
        keep = ents["label"].isin([*ACTOR_LABELS, *PLACE_LABELS]) | ents["canonical"].isin(orgs)
        ents = ents[keep]
        # counted per (name, value) pair, not per mention; groups come in the order of their first
        # mention, so each Counter is filled in the order a mention-by-mention count would fill
        # it and ``most_common`` breaks ties the same way
        for counter, column in ((labels, "label"), (aliases, "text"), (roles, "role")):
            if column in ents.columns:
                for (name, value), n in ents.groupby(["canonical", column], sort=False).size().items():
                    if isinstance(value, str):
                        counter[name][value] = int(n)
        pairs = ents[["canonical", "doc_id"]].drop_duplicates()
        for name, d in zip(pairs["canonical"], pairs["doc_id"]):
            docs[name].add(d)
    if len(quotes):
        # every quote with the name as speaker counts, as every claim does for n_claims
        # (docs/spec.md, actors.n_quotes: the quotes with it as speaker; BBC politics: "The
        # MEP said ..." gave the actor MEP 2 claims and 0 quotes, its quotes being of kind
        # unnamed); only the person and organisation speakers make a name an actor and
        # vote on its kind
        q = quotes[quotes["speaker"].notna()]
        kinds = q["speaker_kind"] if "speaker_kind" in q.columns else [None] * len(q)
        for d, name, kind in zip(q["doc_id"], q["speaker"], kinds):
            n_quotes[name] += 1
            docs[name].add(d)
            if kind in ACTOR_LABELS.values():
                speaker_kinds[name][kind] += 1
    if len(claims):
        for name in claims["speaker"].dropna():
            n_claims[name] += 1
        if "about" in claims.columns:
            for about in claims["about"]:
                if about is not None and not (isinstance(about, float) and about != about):
                    for name in set(about):
                        n_about[name] += 1

    published = dict(zip(documents["doc_id"], documents["published"])) if len(documents) else {}
    rows = []
    for name in set(labels) | set(speaker_kinds):
        body, place = alias_kind(name) == "organisation", _is_place(labels[name])
        kind = _kind(body, place, labels[name], speaker_kinds[name])
        if kind is None:
            continue
        label = _label(body, place, kind, labels[name])
        dates = sorted(p for p in (published.get(d) for d in docs[name]) if isinstance(p, str) and p)
        rows.append((name, kind, label, [a for a, _ in aliases[name].most_common()],
                     sum(labels[name].values()), len(docs[name]), n_quotes[name], n_claims[name], n_about[name],
                     dates[0] if dates else None, dates[-1] if dates else None,
                     [r for r, _ in roles[name].most_common()]))
    if not rows:
        return empty_frame(STAGE)
    out = pd.DataFrame(rows, columns=["actor", "kind", "label", "aliases", "n_mentions", "n_documents", "n_quotes",
                                      "n_claims", "n_about", "first_published", "last_published", "roles"])
    return out.sort_values(["n_mentions", "n_quotes", "actor"], ascending=[False, False, True],
                           kind="mergesort").reset_index(drop=True)
