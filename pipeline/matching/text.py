"""Text as the matcher sees it: cleaned, tokenised, stemmed; its numbers.

Claims to match are often social-media posts (the CheckThat! 2020 queries are tweets), so
``clean_text`` drops URLs, splits @mentions and #hashtags into words and keeps the name of a
trailing tweet signature; news sentences pass through almost unchanged. Each cleaning step was
measured on the CheckThat! 2020 train queries (5-fold CV, BM25 alone): splitting mentions and
hashtags +0.017 MAP@5 over dropping them, keeping the signature's name +0.009 (the figures are in
the benchmark's docstring, ``benchmarks/claim_matching.py``).
"""
from __future__ import annotations

import re

import pandas as pd

#: Lucene's English stop words (as in ``bm25s``): the BM25 stage measured best with them removed
STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there "
    "these they this to was will with".split())

_URL = re.compile(r"(?:https?://|www\.)\S+|pic\.twitter\.com/\S+|\bt\.co/\S+")
# a tweet's trailing signature: "— Jane Doe (@jdoe) November 23, 2019"
_SIGNATURE = re.compile(r"\s*[—–]+\s*([^—–]*?)\s*\(@(\w+)\)\s*(?:[A-Z][a-z]+ \d{1,2}, \d{4})?\s*$")
_MENTION = re.compile(r"@(\w+)")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_ALNUM = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_NUMBER = re.compile(r"(?<![\w.])(" + _DIGITS + ")")
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "hundred": "100",
                 "thousand": "1000", "million": "1000000", "billion": "1000000000"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _split_camel(word: str) -> str:
    return _CAMEL.sub(" ", word.replace("_", " "))


def clean_text(text: str) -> str:
    """URLs out; @mentions and #hashtags split into words (``#ImpeachTrump`` -> ``Impeach Trump``);
    a trailing tweet signature ``— Name (@handle) Month D, YYYY`` replaced by ``. Name``."""
    text = _URL.sub(" ", text)
    signature = _SIGNATURE.search(text)
    name = ""
    if signature:
        name, text = signature.group(1), text[: signature.start()]
    text = _MENTION.sub(lambda m: " " + _split_camel(m.group(1)) + " ", text)
    text = _HASHTAG.sub(lambda m: " " + _split_camel(m.group(1)) + " ", text)
    if name:
        text = text + " . " + name
    return _WS.sub(" ", text).strip()


class _Stemmer:
    """Snowball's English stemmer (``snowballstemmer``: pure Python, the Snowball project's own
    code; +0.016 MAP@5 over unstemmed words), with a bounded cache of stemmed words."""

    def __init__(self):
        import snowballstemmer

        self._stemmer = snowballstemmer.stemmer("english")
        self._cache: dict[str, str] = {}

    def __call__(self, words: list[str]) -> list[str]:
        cache = self._cache
        missing = [w for w in set(words) if w not in cache]
        if missing:
            if len(cache) > 1_000_000:
                cache.clear()
            cache.update(zip(missing, self._stemmer.stemWords(missing)))
        return [cache[w] for w in words]


_stem: _Stemmer | None = None


def word_forms(text: str) -> list[str]:
    """Lowercased words as written (curly apostrophes straightened), before stemming."""
    return _WORD.findall(text.lower().translate(_APOSTROPHES))


def stemmed(found: list[str]) -> list[str]:
    """``found`` words (from :func:`word_forms`) with possessive 's dropped, stop words removed,
    Snowball-stemmed."""
    global _stem
    if _stem is None:
        _stem = _Stemmer()
    found = [w[:-2] if w.endswith("'s") else w for w in found]
    return _stem([w for w in found if w not in STOPWORDS])


def tokens(text: str) -> list[str]:
    """Lowercased words, possessive 's dropped, stop words removed, Snowball-stemmed."""
    return stemmed(word_forms(text))


def numbers(text: str) -> set[str]:
    """Numbers written in digits (``1,000`` -> ``1000``, ``4.0`` -> ``4``) or as common number words."""
    out = {"%g" % float(m.group(1).replace(",", "")) for m in _NUMBER.finditer(text)} if _DIGIT.search(text) else set()
    for word in _NUMBER_WORDS.keys() & _WORD.findall(text.lower()):
        out.add(_NUMBER_WORDS[word])
    return out


# an amount: a number in digits or words with the scale written after it (`£5bn`, `1.4m`,
# `1.4 million`, `two million`, `300k`): its value, so `£5bn` is not `£5m` (BBC copy writes
# amounts so) and `1.4m` is `1.4 million`
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9,
           "tn": 1e12, "trn": 1e12, "trillion": 1e12}
_AMOUNT = re.compile(r"(?<![\w.])(" + _DIGITS + r"|(?:" + "|".join(_NUMBER_WORDS) + r")\b)"
                     r"(?:\s?(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b)?", re.I)


def amounts(text: str) -> set[str]:
    """Numbers as :func:`numbers` reads them, each with the scale written after it applied
    (``£5bn`` -> ``5e+09``, ``1.4m`` and ``1.4 million`` -> ``1.4e+06``), so two texts give
    the same set only when they state the same amounts."""
    out = set()
    for m in _AMOUNT.finditer(text):
        num, scale = m.group(1).lower(), (m.group(2) or "").lower()
        value = float(_NUMBER_WORDS.get(num, num.replace(",", "")))
        out.add("%g" % (value * _SCALES.get(scale, 1.0)))
    return out


def normalised(text: str) -> str:
    """Lowercased letters and digits, one space between words: texts that differ only in case,
    punctuation or quotation marks normalise to the same string."""
    return " ".join(_ALNUM.findall(text.lower()))


def dedup_key(claim: str, title: str) -> str:
    """Archive rows with the same key are indexed once (see ``index.build_index``)."""
    return normalised(claim) + "|" + normalised(title)


def claim_content(text: str, start: int, content_start, content_end) -> str:
    """The asserted content of a claim, cut from its ``text`` by the claims table's
    ``content_start``/``content_end`` (document offsets; ``start`` is the claim's): the
    attribution frame ("X said on Monday that") is no part of what was asserted. The whole
    text when the content is not marked (null) or is blank."""
    if pd.isna(content_start) or pd.isna(content_end):
        return text
    inner = text[int(content_start) - int(start):int(content_end) - int(start)]
    return inner if inner.strip() else text
