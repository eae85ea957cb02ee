"""The quotes stage's corpus-wide pass: a role stands for the person who holds it.

An article often names a source only by a role it never ties to a name in that
article ("The prime minister ratcheted up ... He insisted ..." in an article that
calls him "Mr Blair" elsewhere). docs/guidelines.md §4: a role is resolved to the
person the article names in it and is never left as the speaker when the article
names that person. Per document the quotes stage keeps such a source as the role,
unnamed, with ``speaker_role`` set (:mod:`pipeline.stages.quotes.speakers`); this
pass, run once over the whole quotes table after the entities' canonical names are
final (registry ``finalize``), names the person:

1. **holders**: the persons the corpus introduces with that role or a synonym
   (``resources/role_synonyms.txt``: "premier" = "prime minister") in the entities
   table's ``role`` ("Prime Minister Tony Blair", "Tony Blair, the prime minister,"),
   in at least ``MIN_DOCS`` documents; a role not held that way is tried without its
   leading words ("scotland first minister" -> "first minister"), never without a
   rank (``resources/role_ranks.txt``: a "shadow chancellor" is not the chancellor);
2. **named in the article**: of the holders, those the same document mentions;
3. one such holder, or one named in ``DOMINANCE`` times as many documents as the
   next ("home secretary" in an article naming both David Blunkett and Charles
   Clarke stays unresolved unless one clearly dominates).

A "he" or "she" the article gave the role takes no holder whose first name says
otherwise. Otherwise the role stays the speaker (kind ``unnamed``). The same pass gives a
person speaker named by surname only, where the NER missed the name, the full
name the corpus gives that surname (the rule of ``entities.canonical``). The pass is a pure
function of the two tables and idempotent: rows resolved by an earlier run are
resolved again from ``speaker_role``, so incremental reruns agree with full ones.
Memory: the quotes and entities tables (no text).
"""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..entities.canonical import dominant
from ..gender import PRONOUN_GENDERS, fits_gender
from ..names import surname
from ..offices import rank_words, role_synonyms
from .sources import PRONOUN_LABELS, speaker_name

#: a person holds a role for the corpus when named in it in at least this many documents
MIN_DOCS = 2
#: among several holders named in one article, one wins only by this factor (documents)
DOMINANCE = 3


def role_holders(entities: pd.DataFrame) -> dict[str, dict[str, int]]:
    """role -> {person's canonical name: documents naming them in that role}."""
    if not len(entities) or "role" not in entities.columns:
        return {}
    ents = entities.loc[(entities["label"] == "PERSON") & entities["role"].notna() & entities["canonical"].notna(),
                        ["doc_id", "role", "canonical"]].drop_duplicates()
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for (role, name), n in ents.groupby(["role", "canonical"]).size().items():
        out[role][name] = int(n)
    return out


def holder(role: str, holders: dict[str, dict[str, int]], named_here: set[str]) -> str | None:
    """The person holding ``role`` among those the article names (module docstring)."""
    words = role.split()
    for k in range(len(words)):
        if k and words[k - 1] in rank_words():
            return None  # a shadow or deputy is not the holder of the office without the word
        cands: dict[str, int] = {}
        for r in role_synonyms().get(" ".join(words[k:]), {" ".join(words[k:])}):
            for p, n in holders.get(r, {}).items():
                cands[p] = cands.get(p, 0) + n
        cands = {p: n for p, n in cands.items() if n >= MIN_DOCS}
        if not cands:
            continue
        here = sorted(((n, p) for p, n in cands.items() if p in named_here), reverse=True)
        if len(here) == 1 or (len(here) > 1 and here[0][0] >= DOMINANCE * here[1][0]):
            return here[0][1]
        return None
    return None


def corpus_full_names(persons: pd.DataFrame) -> dict[str, dict[str, int]]:
    """surname -> {a person's full canonical name: documents naming them}; ``persons``:
    the PERSON rows of the entities table with a canonical name (doc_id, canonical)."""
    if not len(persons):
        return {}
    ents = persons[persons["canonical"].str.contains(" ", regex=False)].drop_duplicates()
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for name, n in ents.groupby("canonical").size().items():
        out[surname(name.split())][name] = int(n)  # ("Joseph R. Biden Jr." under "Biden")
    return out


def full_name(surname: str, names: dict[str, dict[str, int]]) -> str | None:
    """The full name the corpus gives a lone surname, by the rule of ``entities.canonical``
    (``dominant``: in ``CORPUS_NAME_MIN_DOCS`` documents and ``CORPUS_NAME_DOMINANCE`` times
    as many as any other)."""
    ranked = sorted(names.get(surname, {}).items(), key=lambda kv: -kv[1])
    if not ranked or not dominant(ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0):
        return None
    return ranked[0][0]


def resolve_roles(quotes: pd.DataFrame, entities: pd.DataFrame) -> pd.DataFrame:
    """``quotes`` with the speaker of every row that has a ``speaker_role`` set to the
    person holding that role (or back to the role, unnamed): the registry's
    ``finalize`` of the quotes stage."""
    if not len(quotes) or "speaker_role" not in quotes.columns:
        return quotes
    persons = entities.loc[entities["label"] == "PERSON", ["doc_id", "canonical"]].dropna()
    named: dict[str, set[str]] = {d: set(g) for d, g in persons.groupby("doc_id")["canonical"]}
    written: dict[str, list[str]] = defaultdict(list)
    for col in ("text", "canonical"):
        if col in entities.columns:
            for d, w in zip(entities["doc_id"], entities[col]):
                if isinstance(w, str):
                    written[d].append(w)
    quotes = _surnames(quotes, persons, named, written)
    if not quotes["speaker_role"].notna().any():
        return quotes
    holders = role_holders(entities)
    out = quotes.copy()
    rows = out.index[out["speaker_role"].notna()]
    speakers, kinds = out["speaker"].astype(object).copy(), out["speaker_kind"].astype(object).copy()
    # (rows in text order: the table's key) the label of a role's mention, for a pronoun the
    # quotes stage resolved to it: the nearest mention before it, the first where none is
    first: dict[tuple[str, str], str] = {}
    for i in rows:
        if not _pronoun(out.at[i, "speaker_text"]):
            first.setdefault((out.at[i, "doc_id"], out.at[i, "speaker_role"]), speaker_name(out.at[i, "speaker_text"]))
    last: dict[tuple[str, str], str] = {}
    for i in rows:
        role, mention = out.at[i, "speaker_role"], out.at[i, "speaker_text"]
        key = (out.at[i, "doc_id"], role)
        pronoun = _pronoun(mention)
        if not pronoun:
            last[key] = speaker_name(mention)
        who = holder(role, holders, named.get(out.at[i, "doc_id"], set()))
        if who is not None and pronoun and isinstance(mention, str) \
                and not fits_gender(who, PRONOUN_GENDERS.get(mention.lower())):
            who = None  # a "she" the document gave the role is not the man the corpus names in it
        if who is not None:
            speakers.at[i], kinds.at[i] = who, "person"
        elif kinds.at[i] == "person":
            # resolved by an earlier run whose corpus no longer supports it: the label the
            # quotes stage gives, a pronoun's that of the role's mention it stands for
            label = (last.get(key) or first.get(key, role)) if pronoun else last[key]
            speakers.at[i], kinds.at[i] = label, "unnamed"
    out["speaker"], out["speaker_kind"] = speakers, kinds
    return out


def _surnames(quotes: pd.DataFrame, persons: pd.DataFrame, named: dict[str, set[str]],
              written: dict[str, list[str]]) -> pd.DataFrame:
    """A person speaker the article names by surname only, where the NER missed the
    name (so no entity of the document carries it): the full name the corpus gives it,
    by the rule of canonical names ("Ms Sturgeon" -> "Nicola Sturgeon"). ``persons``: the
    PERSON rows of the entities table (doc_id, canonical); ``named``: each document's;
    ``written``: the names of each document's entities, as written and canonical.
    A row an earlier run gave a full name this way (a full name of the corpus for the
    surname its mention gives, which no entity of its document writes) is looked at
    again, and keeps its surname when the corpus no longer names that person often
    enough, as a full run would (an incremental rerun kept `Alan Sugar` after the
    articles naming him went)."""
    person = (quotes["speaker_kind"] == "person") & quotes["speaker"].notna()
    if not person.any():
        return quotes
    names = corpus_full_names(persons)
    said = {}  # row -> the surname the article gives
    for i, d, s, mention in zip(quotes.index[person], quotes.loc[person, "doc_id"], quotes.loc[person, "speaker"],
                                quotes.loc[person, "speaker_text"]):
        # a surname an entity of the document carries is the canonical names' to resolve,
        # and they left it alone: BBC politics/011 "Mrs Howard" (Sandra, untitled in full) is
        # not Michael Howard, whom the corpus names far more often (``gender``)
        if s in named.get(d, ()):
            continue
        words = s.split()
        if len(words) == 1:
            said[i] = s
        elif isinstance(mention, str) and speaker_name(mention) == surname(words) \
                and s in names.get(surname(words), ()) and not any(s in w for w in written.get(d, ())):
            said[i] = surname(words)
    now = {i: full_name(w, names) or w for i, w in said.items()}
    changed = {i: w for i, w in now.items() if w != quotes.at[i, "speaker"]}
    if not changed:
        return quotes
    out = quotes.copy()
    out.loc[list(changed), "speaker"] = list(changed.values())
    return out


def _pronoun(mention) -> bool:
    """A speaker mention that is a personal pronoun (or none)."""
    return not isinstance(mention, str) or mention.lower() in PRONOUN_LABELS
