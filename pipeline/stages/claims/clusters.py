"""``claims.cluster_id``: the same id for the same assertion repeated in different documents.

A wire story republished by several outlets repeats its claims with other quotation marks,
other punctuation, a word or two changed, and another attribution frame ("Igor Sekreta said" /
"the deputy minister said"). Two claims are linked when their *content words* nearly coincide:

* content words: lowercased, accents dropped, Snowball-stemmed words without stop words and
  the speaker's own name; when the claims table marks the asserted content
  (``content_start``/``content_end``), the content's words, else the claim's; without title
  words and reporting verbs (the frame is no part of the assertion; inside a content the
  reporting verbs are, and must agree like numbers: "had admitted" is not "had denied");
* near-identical: the words both share are at least ``THRESHOLD`` (0.8) of the longer claim's
  words, in the same order (a longest common subsequence), and no name changed places ("Belarus
  asked Russia" is not "Russia asked Belarus"; an adverb may move: "must honestly assess");
* and nothing that flips or changes the assertion differs: the same amounts ("grew 9.5%" is not
  "grew 9.1%", "£5bn" is not "£5m", "1.4m" is "1.4 million") and the same negation words ("is"
  is not "is not");
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
from collections.abc import Sequence
from functools import lru_cache
from math import ceil

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import csr_matrix, triu

from ...matching.text import amounts, claim_content, stemmed, tokens, word_forms
from ...resources import reporting_verb_forms, reporting_verb_lemmas, titles

#: shared content words / the longer claim's content words, at least
THRESHOLD = 0.8
#: content words a claim needs to be linked at all
MIN_WORDS = 4
#: the private columns :func:`cluster_features` adds to a run's parts of the claims table
WORDS_COLUMN, SIGNATURE_COLUMN = "_cluster_content_words", "_cluster_signature"
_CAPITALISED = re.compile(r"(?<![.!?:\"'\u201c]\s)(?<!^)\b([A-Z][\w'-]*)")
_NEGATION = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor|cannot|without)\b|n't\b")


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    """Words of an attribution frame: reporting verbs (``_reporting_words``), and the title
    words that describe a speaker ("the deputy minister added" / "Sekreta added": a
    republished quote often names its speaker differently)."""
    return _reporting_words() | frozenset(tokens(" ".join(sorted(t.lower() for t in titles("word")))))


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    """The stems of the reporting verbs: said, admitted, denied, believes ..."""
    words = set(reporting_verb_forms())
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


@lru_cache(maxsize=65536)
def _speaker_words(speaker) -> frozenset[str]:
    """The speaker's own words (none without a speaker; a speaker recurs across many claims)."""
    return frozenset(tokens(_plain(speaker))) if isinstance(speaker, str) and speaker else frozenset()


def _without_speaker(words: str, speaker) -> str:
    """``words`` (space-separated) without the speaker's own words (the string as it is when
    it holds none of them: most claims do not name their speaker)."""
    if not isinstance(speaker, str):  # None, or NaN read from Parquet (not cached: NaN != NaN)
        return words
    own, split = _speaker_words(speaker), words.split()
    return words if own.isdisjoint(split) else " ".join(t for t in split if t not in own)


def _size(words: str) -> int:
    """How many words a word string holds (``cluster_features``' strings: words separated by
    single spaces, none empty; so are all word strings of this module)."""
    return words.count(" ") + 1 if words else 0


def _negations(text: str) -> int:
    return len(_NEGATION.findall(_plain(text).lower()))


def _claim_words(text: str, framed: bool = True) -> tuple[list[str], frozenset, int]:
    """A claim's stemmed words, without the frame words when ``framed`` (the speaker's own
    words not yet dropped: the speaker may still change in the corpus pass), its amounts
    (``matching.text.amounts``: `£5bn` is not `£5m`) and negation count. ASCII text (96% of
    BBC claims) needs no accent folding: its words and lowercased text are found once.
    ``framed``: the text is a whole claim, frame and all; a content the claims table marks
    has none, so its reporting verbs are what it asserts, and like its amounts they must
    agree (`Mr Hain had admitted taking the donation` is not `had denied`: the two were
    linked, BBC politics); they are returned with the amounts. Its title words still go: a
    republished content names a person `Mr Kennedy` or `Lib Dem leader Charles Kennedy`."""
    if not text.isascii():
        stems, neg = tokens(_plain(text)), _negations(text)
    else:
        stems, neg = stemmed(word_forms(text)), len(_NEGATION.findall(text.lower()))
    frame = _frame_words()
    words = [t for t in stems if t not in frame]
    nums = frozenset(amounts(text))
    return words, nums if framed else nums | _reporting_words().intersection(stems), neg


def _feature(text: str, framed: bool = True) -> tuple[str, str]:
    """A claim's words (:func:`_claim_words`, space-separated) and its signature: what must
    agree (its amounts; a content's frame words) and its negation count as one string
    (``negations|words``, the words sorted), equal for equal words and counts."""
    stems, nums, neg = _claim_words(text, framed)
    return " ".join(stems), f"{neg}|{' '.join(sorted(nums))}"


def cluster_features(claims: pd.DataFrame) -> dict[str, list[str]]:
    """The per-claim part of :func:`cluster_ids`, which needs no other claim: the runner runs
    it per batch, in parallel (registry: ``finalize_features``), and ``cluster_ids`` reads its private
    columns back: ``_cluster_content_words`` (the stems without the frame words, space-separated)
    and ``_cluster_signature`` (:func:`_feature`)."""
    content, marked = _content_of(claims)
    found = [_feature(content(i), not marked(i)) for i in range(len(claims))]
    return {WORDS_COLUMN: [w for w, _ in found], SIGNATURE_COLUMN: [sig for _, sig in found]}


def _features(claims: pd.DataFrame, content, marked) -> tuple[list[str], list[str]]:
    """Each row's words and signature (:func:`cluster_features`): as stored per batch, computed
    here for the rows without them (an incremental run's reused documents)."""
    if WORDS_COLUMN not in claims.columns or SIGNATURE_COLUMN not in claims.columns:
        words, sigs = [None] * len(claims), [None] * len(claims)
    else:
        words, sigs = claims[WORDS_COLUMN].tolist(), claims[SIGNATURE_COLUMN].tolist()
    for i, (w, sig) in enumerate(zip(words, sigs)):
        if not (isinstance(w, str) and isinstance(sig, str)):
            words[i], sigs[i] = _feature(content(i), not marked(i))
    return words, sigs


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two word sequences."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def names_swapped(a: Sequence[str], b: Sequence[str], names: set[str]) -> bool:
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


def _content_of(claims: pd.DataFrame):
    """``content(i)``: the asserted content of row ``i``, its content span when the table has
    one, else its text; cut when asked: with the words stored per batch, only the rows of a
    candidate link need their text. And ``marked(i)``: whether row ``i`` has a content span."""
    texts = claims["text"].astype(str).tolist()
    if "content_start" not in claims.columns or "content_end" not in claims.columns:
        return texts.__getitem__, lambda i: False
    starts, c0, c1 = (claims[c].tolist() for c in ("start", "content_start", "content_end"))
    return (lambda i: claim_content(texts[i], starts[i], c0[i], c1[i]),
            lambda i: not (pd.isna(c0[i]) or pd.isna(c1[i])))


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


def _overlapping_pairs(seqs: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Pairs (a, b), a < b, of word sequences (each one string, its words separated by single
    spaces) whose *sets* of words share at least ``threshold`` of the longer set's words.

    Candidates come from prefix filtering: each set is cut to its rarest words, |s| - ceil(t |s|)
    + 1 of them (rarest by corpus frequency, ties by the word), and two sets sharing ceil(t |s|)
    words of each must share a word of those prefixes (Bayardo et al. 2007, "Scaling up all pairs
    similarity search"). The prefixes' co-occurrence is one sparse product, the candidates' exact
    overlaps one more: no Python loop over pairs. The product has no length filter, so it holds
    more candidates than a posting-list walk would visit (2,225 BBC articles: 36,000 distinct word
    sequences, 813,000 candidate pairs, ~100 MiB at the peak, 207 links)."""
    n = len(seqs)
    if n < 2:
        return []
    # the words split and numbered in Arrow: no Python string per word (400,000 in the BBC corpus)
    split = pc.split_pattern(pa.array(seqs, type=pa.large_string()), " ")
    coded = pc.dictionary_encode(pc.list_flatten(split))
    ids, words = coded.indices.to_numpy(), coded.dictionary
    n_words = len(words)
    rows = pc.list_parent_indices(split).to_numpy().astype(np.int64)
    distinct = np.sort(rows * n_words + ids)  # row, then word
    distinct = distinct[np.concatenate(([True], distinct[1:] != distinct[:-1]))]
    ids = distinct % n_words
    sizes = np.bincount(distinct // n_words, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    df = np.bincount(ids, minlength=n_words)
    words, counts = words.tolist(), df.tolist()  # Python values: sorting by numpy scalars is slow
    rank = np.empty(n_words, dtype=np.int64)
    rank[sorted(range(n_words), key=lambda k: (counts[k], words[k]))] = np.arange(n_words)
    whole = csr_matrix((np.ones(len(ids), dtype=np.int32), rank[ids], indptr), shape=(n, n_words))
    whole.sort_indices()  # each row's words, rarest first
    need = np.ceil(threshold * sizes).astype(np.int64)  # the same float product as ``ceil(t * k)``
    position = np.arange(len(ids)) - np.repeat(indptr[:-1], sizes)
    keep = position < np.repeat(sizes - need + 1, sizes)
    prefix_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.minimum(sizes - need + 1, sizes), out=prefix_ptr[1:])
    prefix = csr_matrix((whole.data[keep], whole.indices[keep], prefix_ptr), shape=whole.shape)
    met = triu(prefix @ prefix.T, k=1, format="coo")
    a, b = met.row.astype(np.int64), met.col.astype(np.int64)
    pair_need = np.ceil(threshold * np.maximum(sizes[a], sizes[b])).astype(np.int64)
    ok = np.minimum(sizes[a], sizes[b]) >= pair_need  # sizes first: cheaper
    a, b, pair_need = a[ok], b[ok], pair_need[ok]
    if not len(a):
        return []
    shared = np.asarray(whole[a].multiply(whole[b]).sum(axis=1)).ravel()
    ok = shared >= pair_need
    return list(zip(a[ok].tolist(), b[ok].tolist()))


def cluster_ids(claims: pd.DataFrame, threshold: float = THRESHOLD, min_words: int = MIN_WORDS) -> pd.Series:
    """``cluster_id`` for each row of ``claims`` (doc_id, text, speaker; rows in key order): an
    int64 id shared by near-identical claims of at least two documents, null otherwise."""
    n = len(claims)
    if n == 0:
        return pd.Series([], dtype="Int64", index=claims.index)
    content, marked = _content_of(claims)
    speakers = claims["speaker"].tolist() if "speaker" in claims.columns else [None] * n
    # identical word sequences are one candidate (a sentence repeated in a thousand articles costs
    # one entry, not a million pairs); within one, the rows with the same signature (a claim's
    # numbers and negation words, which must agree with any claim it is linked to) are linked
    # (a unit is keyed by its words as one string: hashed once, split only where needed)
    units: dict[str, dict[str, list[int]]] = {}
    for i, (speaker, w, sig) in enumerate(zip(speakers, *_features(claims, content, marked))):
        if _size(w) < min_words:  # dropping the speaker's words below only shortens it
            continue
        w = _without_speaker(w, speaker)  # the speaker's own words are dropped from the claims it speaks
        if _size(w) >= min_words:
            units.setdefault(w, {}).setdefault(sig, []).append(i)
    comps = _Components(n)
    for by_sig in units.values():
        for rows in by_sig.values():
            for r in rows[1:]:
                comps.union(rows[0], r)
    seqs = list(units)
    for a, b in _overlapping_pairs(seqs, threshold):
        wa, wb = seqs[a].split(), seqs[b].split()
        if _lcs(wa, wb) < ceil(threshold * max(len(wa), len(wb))):
            continue
        ua, ub = units[seqs[a]], units[seqs[b]]
        for sig in ua.keys() & ub.keys():
            ra, rb = ua[sig][0], ub[sig][0]
            if not names_swapped(wa, wb, name_words(content(ra)) | name_words(content(rb))):
                comps.union(ra, rb)
    roots = np.array([comps.find(i) for i in range(n)])
    docs = claims["doc_id"].to_numpy()
    spans_docs = pd.Series(docs).groupby(roots).nunique()
    keep = set(spans_docs.index[spans_docs >= 2].tolist())
    number: dict[int, int] = {}
    ids = [number.setdefault(r, len(number)) if r in keep else None for r in roots.tolist()]
    return pd.Series(ids, index=claims.index, dtype="Int64")
