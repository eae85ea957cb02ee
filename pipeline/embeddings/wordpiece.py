"""The BERT uncased WordPiece tokenizer of all-MiniLM-L6-v2, in plain Python.

A re-implementation of what the Hugging Face ``tokenizers`` pipeline of the
model does (``tokenizer.json``: ``BertNormalizer`` with ``clean_text``,
``handle_chinese_chars``, ``lowercase`` and accents stripped because
``strip_accents`` is unset, then ``BertPreTokenizer``, then ``WordPiece`` with
``##`` continuations, ``[UNK]`` and at most 100 characters a word), so that the
run time needs neither ``tokenizers`` nor ``transformers``:

1. drop NUL, U+FFFD and control characters; every whitespace character becomes a space;
2. put spaces around CJK ideographs (each is a word of its own);
3. lowercase character by character (``str.lower()`` of a whole string would turn a
   final capital sigma into "ς", where BERT keeps "σ"), then NFD and drop combining
   marks (accents);
4. split on whitespace, and split every punctuation character off as a word of its own
   (ASCII symbols such as ``$`` and ``^`` count as punctuation, as in BERT);
5. greedy longest-match-first WordPiece per word; a word with no segmentation, or
   longer than 100 characters, is one ``[UNK]``.

Checked: the build (``pipeline build-embeddings --check-tokenizer``)
compares it with the real tokenizer on every text of the shared data.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

#: an ASCII text takes a fast path: lowercase, then runs of letters/digits or single
#: other characters (in ASCII every printable non-alphanumeric character is BERT punctuation)
_ASCII_WORDS = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
_ASCII_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: distinct words whose segmentation is kept per tokenizer (bounded: a long run cannot grow it without limit)
WORD_CACHE_MAX = 500_000


def _is_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch: str) -> bool:
    return ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf")


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokenize(text: str) -> list[str]:
    """Steps 1-4: the normalised words and punctuation marks of ``text``."""
    if text.isascii():
        if _ASCII_CTRL.search(text):
            text = _ASCII_CTRL.sub("", text)
        return _ASCII_WORDS.findall(text.lower())
    buf: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if _is_whitespace(ch):
            buf.append(" ")
        elif _is_cjk(cp):
            buf.append(" " + ch + " ")
        else:
            buf.append(ch)
    text = "".join([ch.lower() for ch in "".join(buf)])
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    out: list[str] = []
    for word in text.split():
        cur: list[str] = []
        for ch in word:
            if _is_punctuation(ch):
                if cur:
                    out.append("".join(cur))
                    cur = []
                out.append(ch)
            else:
                cur.append(ch)
        if cur:
            out.append("".join(cur))
    return out


class WordPiece:
    """Greedy longest-match-first WordPiece over a BERT vocabulary (token list, id = position)."""

    def __init__(self, vocab: Sequence[str], unk: str = "[UNK]", prefix: str = "##", max_chars: int = 100):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        if len(self.vocab) != len(vocab):
            raise ValueError("the WordPiece vocabulary has duplicate tokens")
        if unk not in self.vocab:
            raise ValueError(f"the WordPiece vocabulary has no {unk!r} token")
        self.inv = list(vocab)
        self.unk_id = self.vocab[unk]
        self.prefix = prefix
        self.max_chars = max_chars
        self.max_len = max(len(t) for t in vocab)
        self._cache: dict[str, tuple[int, ...]] = {}

    def word_ids(self, word: str) -> tuple[int, ...]:
        """Token ids of one pre-tokenized word (cached)."""
        ids = self._cache.get(word)
        if ids is None:
            ids = self._segment(word)
            if len(self._cache) >= WORD_CACHE_MAX:
                self._cache.clear()
            self._cache[word] = ids
        return ids

    def _segment(self, word: str) -> tuple[int, ...]:
        n = len(word)
        if n > self.max_chars:
            return (self.unk_id,)
        vocab = self.vocab
        out: list[int] = []
        start = 0
        while start < n:
            end = min(n, start + self.max_len)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else self.prefix + word[start:end]
                tid = vocab.get(piece)
                if tid is not None:
                    found = tid
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            out.append(found)
            start = end
        return tuple(out)

    def ids(self, text: str) -> list[int]:
        """Token ids of ``text`` (no ``[CLS]``/``[SEP]``)."""
        out: list[int] = []
        for w in basic_tokenize(text):
            out.extend(self.word_ids(w))
        return out

    def tokenize(self, text: str) -> list[str]:
        """WordPiece tokens of ``text`` (no ``[CLS]``/``[SEP]``)."""
        return [self.inv[i] for i in self.ids(text)]
