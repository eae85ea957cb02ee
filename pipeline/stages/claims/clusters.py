"""``claims.cluster_id``: the same id for the same assertion repeated in different documents.

A wire story republished by several outlets repeats its claims with other quotation marks,
other punctuation, a word or two changed, and another attribution frame ("Igor Sekreta said" /
"the deputy minister said"). Two claims are linked when their *content words* nearly coincide:

* content words: lowercased, accents dropped, Snowball-stemmed words without stop words, the
  speaker's own name, title words and reporting verbs (the frame is no part of the assertion);
  when the claims table marks the asserted content (``content_start``/``content_end``), only
  the content's words;
* near-identical: the words both share are at least ``THRESHOLD`` (0.8) of the longer claim's
  words, in the same order (a longest common subsequence), and no name changed places ("Belarus
  asked Russia" is not "Russia asked Belarus"; an adverb may move: "must honestly assess");
* and nothing that flips or changes the assertion differs: the same numbers ("grew 9.5%" is not
  "grew 9.1%") and the same negation words ("is" is not "is not");
* and enough words to assert something on its own (``MIN_WORDS``): "He said it was wrong" in two
  documents is two assertions about two things.

Linked claims form clusters (connected components); a cluster gets an id when its claims come
from at least two documents, numbered by its first claim in (doc_id, claim_id) order, so the ids
do not depend on batches, workers or incremental reuse. Everything else is null.

Why not a looser match: a paraphrase and a different statement of the same story overlap just as
much. On the seeds, the article's lead restating a quote of the same document ("the OSCE's
peacekeeping activities yielded no tangible progress" / "...have not produced any tangible
results") shares 0.28-0.37 of its words with it, less than two different statements of seed 004
(0.54: Belarus a member of the OSCE since 1992 / its delegation established in 1992); embedding
cosines order them no better. So only near-identical wording links.

Memory and time stay near-linear: identical word sequences are grouped first, and candidate
pairs come from a prefix filter (each claim is indexed by its rarest words, enough of them that
two claims passing the threshold must share one), never from all pairs.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache
from math import ceil

import numpy as np
import pandas as pd

from ...matching.text import claim_content, numbers, tokens
from ...resources import reporting_verb_forms, reporting_verb_lemmas, titles

#: shared content words / the longer claim's content words, at least
THRESHOLD = 0.8
#: content words a claim needs to be linked at all
MIN_WORDS = 4
_CAPITALISED = re.compile(r"(?<![.!?:\"'\u201c]\s)(?<!^)\b([A-Z][\w'-]*)")
_NEGATION = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor|cannot|without)\b|n't\b")


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    """Words of an attribution frame: reporting verbs, and the title words that describe a
    speaker ("the deputy minister added" / "Sekreta added": a republished quote often names its
    speaker differently)."""
    words = set(reporting_verb_forms()) | {t.lower() for t in titles("word")}
    for kind in ("speech", "belief"):
        words |= reporting_verb_lemmas(kind)
    return frozenset(tokens(" ".join(sorted(words))))


def _plain(text: str) -> str:
    """Accents dropped (``détente`` -> ``detente``), curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    if text.isascii():  # most news text: nothing to drop (the check is one pass in C)
        return text
    marks = {ch for ch in set(text) if unicodedata.combining(ch)}
    return text.translate(dict.fromkeys(map(ord, marks))) if marks else text


def content_words(text: str, speaker: str | None) -> tuple[str, ...]:
    """The words a claim is compared by (module doc)."""
    drop = _speaker_words(speaker) if speaker else _frame_words()
    return tuple(t for t in tokens(_plain(text)) if t not in drop)


@lru_cache(maxsize=65536)
def _speaker_words(speaker: str) -> frozenset[str]:
    """The frame words and the speaker's own words (a speaker recurs across many claims)."""
    return _frame_words() | frozenset(tokens(_plain(speaker)))


def _negations(text: str) -> int:
    return len(_NEGATION.findall(_plain(text).lower()))


def _lcs(a: tuple, b: tuple) -> int:
    """Length of the longest common subsequence of two word sequences."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def names_swapped(a: tuple, b: tuple, names: set[str]) -> bool:
    """Do names that occur once in each sequence come in another order ("Belarus asked Russia" /
    "Russia asked Belarus")?"""
    once = {w for w in names if a.count(w) == 1 and b.count(w) == 1}
    return len(once) > 1 and [w for w in a if w in once] != [w for w in b if w in once]


def name_words(text: str) -> set[str]:
    """Stems of the capitalised words that do not begin a sentence: the names in ``text``."""
    out = set()
    for m in _CAPITALISED.finditer(_plain(text)):
        out.update(tokens(m.group(1)))
    return out


def _contents(claims: pd.DataFrame) -> list[str]:
    """The asserted content of each claim: its content span when the table has one, else its text."""
    texts = claims["text"].astype(str).tolist()
    if "content_start" not in claims.columns or "content_end" not in claims.columns:
        return texts
    return [claim_content(text, start, c0, c1)
            for text, start, c0, c1 in zip(texts, claims["start"], claims["content_start"], claims["content_end"])]


class _Components:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _candidate_pairs(sets: list[frozenset], threshold: float = THRESHOLD):
    """Pairs (j, i) of word sets that may share ``threshold`` of the longer's words: each set is
    indexed by its rarest words, |s| - ceil(t |s|) + 1 of them (two sets sharing at least
    ceil(t |s|) words of s must meet there: prefix filtering), and sets are visited shortest
    first, so a set only meets earlier ones at least ceil(t |s|) long (length filtering; both
    from Bayardo et al. 2007, "Scaling up all pairs similarity search")."""
    df: dict[str, int] = defaultdict(int)
    for s in sets:
        for w in s:
            df[w] += 1
    postings: dict[str, list[int]] = defaultdict(list)
    sizes: dict[str, list[int]] = defaultdict(list)  # the sizes of each posting list's sets, ascending
    seen: set[tuple[int, int]] = set()
    for i in sorted(range(len(sets)), key=lambda k: len(sets[k])):
        s = sets[i]
        ranked = sorted(s, key=lambda w: (df[w], w))
        need = ceil(threshold * len(ranked))
        for w in ranked[:len(ranked) - need + 1]:
            plist = postings[w]
            for j in plist[bisect_left(sizes[w], need):]:
                if (j, i) not in seen:
                    seen.add((j, i))
                    yield j, i
            plist.append(i)
            sizes[w].append(len(ranked))


def cluster_ids(claims: pd.DataFrame, threshold: float = THRESHOLD, min_words: int = MIN_WORDS) -> pd.Series:
    """``cluster_id`` for each row of ``claims`` (doc_id, text, speaker; rows in key order): an
    int64 id shared by near-identical claims of at least two documents, null otherwise."""
    n = len(claims)
    if n == 0:
        return pd.Series([], dtype="Int64", index=claims.index)
    texts = _contents(claims)
    speakers = claims["speaker"].tolist() if "speaker" in claims.columns else [None] * n
    words = [content_words(t, s if isinstance(s, str) else None) for t, s in zip(texts, speakers)]
    # a claim's numbers and negation words must agree with any claim it is linked to
    sigs = [(frozenset(numbers(t)), _negations(t)) for t in texts]
    # identical word sequences are one candidate (a sentence repeated in a thousand articles costs
    # one entry, not a million pairs); within one, the rows with the same signature are linked
    units: dict[tuple, dict[tuple, list[int]]] = {}
    for i, w in enumerate(words):
        if len(w) >= min_words:
            units.setdefault(w, {}).setdefault(sigs[i], []).append(i)
    comps = _Components(n)
    for by_sig in units.values():
        for rows in by_sig.values():
            for r in rows[1:]:
                comps.union(rows[0], r)
    seqs = list(units)
    sets = [frozenset(w) for w in seqs]
    sizes = [len(s) for s in sets]
    for a, b in _candidate_pairs(sets, threshold):
        need = ceil(threshold * max(sizes[a], sizes[b]))
        if min(sizes[a], sizes[b]) < need or len(sets[a] & sets[b]) < need:  # sizes first: cheaper
            continue
        if _lcs(seqs[a], seqs[b]) < ceil(threshold * max(len(seqs[a]), len(seqs[b]))):
            continue
        ua, ub = units[seqs[a]], units[seqs[b]]
        for sig in ua.keys() & ub.keys():
            ra, rb = ua[sig][0], ub[sig][0]
            if not names_swapped(seqs[a], seqs[b], name_words(texts[ra]) | name_words(texts[rb])):
                comps.union(ra, rb)
    roots = np.array([comps.find(i) for i in range(n)])
    docs = claims["doc_id"].to_numpy()
    spans_docs = pd.Series(docs).groupby(roots).nunique()
    keep = set(spans_docs.index[spans_docs >= 2].tolist())
    number: dict[int, int] = {}
    ids = [number.setdefault(r, len(number)) if r in keep else None for r in roots.tolist()]
    return pd.Series(ids, index=claims.index, dtype="Int64")
