"""Unlabelled text of the shared data, for the claim model's distillation step
(``teacher.py``; training time only, nothing here is used by a run).

Only text that no held-out accuracy figure is measured on (the BBC share of claims
flagged check-worthy, a count, is): the BBC news articles (all five
sections) and the PolNeAR article texts. Articles are cut into
sentences crudely (paragraph lines, then a ``.``/``!``/``?`` followed by space and
a capital, digit or quotation mark): the steps that read them need many ordinary
sentences, not exact boundaries.

Every sentence keeps where it comes from (:class:`SourceSentence`: the file
relative to the data folder and character offsets into its text as
``Path.read_text(encoding="utf-8", errors="replace")`` gives it), so that what a
step stores about a sentence never needs its text: the text is read back from the
shared data and checked against a SHA-1.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .protocol import ClaimDataError

#: a sentence boundary: end punctuation, whitespace, then something that starts a sentence
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9\u201c])")
#: the article sources, as glob patterns under the data folder, in this order
ARTICLE_GLOBS = ("news/bbc/*/*.txt", "polnear/*/text/*.txt")
#: seed of the one shuffle that picks the unlabelled sentences of the distillation
SHUFFLE_SEED = 0


@dataclass(frozen=True)
class SourceSentence:
    file: str      # path relative to the data folder, with "/"
    start: int     # character offsets into the file's text
    end: int
    text: str

    @property
    def sha1(self) -> str:
        return text_sha1(self.text)


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each crude sentence of ``text``: per line, stripped, at least 3 characters."""
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        cut = 0
        pieces = []
        for m in _SPLIT.finditer(line):
            pieces.append((cut, m.start()))
            cut = m.end()
        pieces.append((cut, len(line)))
        for a, b in pieces:
            piece = line[a:b]
            lead = len(piece) - len(piece.lstrip())
            s = piece.strip()
            if len(s) >= 3:
                yield line_start + a + lead, line_start + a + lead + len(s)


def article_sentences(data_dir: Path, file_sha1: dict[str, str] | None = None) -> list[SourceSentence]:
    """Every crude sentence of the BBC and PolNeAR articles, file by file in sorted order
    (and, into ``file_sha1`` when given, the SHA-1 of each file's text, read once)."""
    data_dir = Path(data_dir)
    out: list[SourceSentence] = []
    for pattern in ARTICLE_GLOBS:
        for path in sorted(data_dir.glob(pattern)):
            text = read_text(path)
            rel = path.relative_to(data_dir).as_posix()
            if file_sha1 is not None:
                file_sha1[rel] = text_sha1(text)
            out.extend(SourceSentence(rel, a, b, text[a:b]) for a, b in _sentences(text))
    if not out:
        raise FileNotFoundError(f"{data_dir}: no article text under {' or '.join(ARTICLE_GLOBS)} "
                                "(expected the shared data folder)")
    return out


def shuffled_article_sentences(data_dir: Path, n: int) -> list[SourceSentence]:
    """The first ``n`` article sentences after one seeded shuffle."""
    sents = article_sentences(data_dir)
    random.Random(SHUFFLE_SEED).shuffle(sents)
    return sents[:n]


def resolve(data_dir: Path, file: str, start: int, end: int, sha1: str, _cache: dict | None = None) -> str:
    """The text of a stored sentence reference, checked against its SHA-1."""
    path = Path(data_dir) / file
    if _cache is not None and file in _cache:
        text = _cache[file]
    else:
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing (a sentence reference points into it)")
        text = read_text(path)
        if _cache is not None:
            _cache[file] = text
    s = text[start:end]
    if text_sha1(s) != sha1:
        raise ClaimDataError(f"{file}[{start}:{end}] does not match its SHA-1 {sha1[:12]}: the shared data changed")
    return s
