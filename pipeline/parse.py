"""The one parse: spaCy runs once per document for the whole pipeline.

Documents are parsed in batches with ``nlp.pipe`` (inside ``nlp.memory_zone()``
so the string store does not grow with the corpus) and every later stage
(sentences, entities, quotes, claims) reads that one parse. The Docs are kept
between runs in a form spaCy provides, ``DocBin``:

* ``<out>/docs.spacy/part-<id>.spacy``: one DocBin per batch (annotations and
  ``user_data``, so custom extension values survive);
* ``<out>/docs.index.json``: ``{"key": parse key, "docs": {doc_id: [part,
  position, text hash]}}``.

A stage rerun alone (``pipeline run entities``) loads the Docs from there and
never re-parses. A cached Doc is used only when its text hash and the *parse
key* (model name and version, spaCy version, enabled components and a hash of
the code that shapes the parse, see ``runner.parse_key``) are unchanged;
otherwise the document is parsed again.

The index is replaced atomically after the part files are written; part files
no index entry refers to (left by an interrupted run, or superseded) are
deleted when the next index is committed.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Mapping

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, DocBin

DOCS_DIR = "docs.spacy"
INDEX_NAME = "docs.index.json"
BATCH_SIZE = 64


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()


@contextmanager
def memory_zone(nlp: Language):
    """``nlp.memory_zone()`` that also cleans up when an exception passes through.

    spaCy 3.8's zones run their cleanup only after a normal exit: an exception
    raised inside leaves the vocab in zone mode with dangling transient strings,
    and every later parse in the process fails with an ``AssertionError`` in
    ``Vocab.get`` (found when a crashed run was followed by another run in the
    same process). We always leave the zone normally, then let the exception go on.
    """
    zone = nlp.memory_zone()
    zone.__enter__()
    try:
        yield
    finally:
        zone.__exit__(None, None, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built from one token array.

    ``Doc.text`` joins every token anew on each access and makes a Token object
    per token (about 1 ms per news article); a token's ``text_with_ws`` is its
    orth plus " " when its SPACY flag is set, exactly as ``Doc.text`` joins it,
    so this gives the same string at a fraction of the cost.
    """
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, SPACY])
    return "".join([strings[o] + " " if sp else strings[o] for o, sp in arr.tolist()])


def docbin_bytes(docs: Iterable[Doc]) -> bytes:
    docs = list(docs)
    # user_data (custom extension values) only when some Doc has any: it costs
    # a msgpack pass per Doc, a few per cent of the parse time.
    bin_ = DocBin(store_user_data=any(doc.user_data for doc in docs))
    for doc in docs:
        bin_.add(doc)
    return bin_.to_bytes()


def docs_from_bytes(data: bytes, nlp_or_vocab) -> list[Doc]:
    vocab = getattr(nlp_or_vocab, "vocab", nlp_or_vocab)
    return list(DocBin(store_user_data=True).from_bytes(data).get_docs(vocab))


class DocIndex:
    """doc_id -> (part file name, position in the part, text hash), for one parse key."""

    def __init__(self, out_dir: Path | str, key: str = "", entries: dict[str, tuple[str, int, str]] | None = None):
        self.out = Path(out_dir)
        self.key = key
        self.entries: dict[str, tuple[str, int, str]] = dict(entries or {})

    @property
    def dir(self) -> Path:
        return self.out / DOCS_DIR

    @classmethod
    def load(cls, out_dir: Path | str, key: str) -> "DocIndex":
        """The cached parses valid for ``key`` (an empty index when there are none)."""
        out = Path(out_dir)
        try:
            data = json.loads((out / INDEX_NAME).read_text())
        except (OSError, ValueError):
            return cls(out, key)
        if not isinstance(data, dict) or data.get("key") != key or not (out / DOCS_DIR).is_dir():
            return cls(out, key)
        entries = {d: (e[0], int(e[1]), e[2]) for d, e in data.get("docs", {}).items()}
        return cls(out, key, entries)

    def lookup(self, doc_id: str, thash: str) -> tuple[str, int] | None:
        e = self.entries.get(doc_id)
        if e is None or e[2] != thash or not (self.dir / e[0]).exists():
            return None
        return e[0], e[1]

    def write_part(self, data: bytes, doc_hashes: list[tuple[str, str]]) -> str:
        """Write one DocBin part (atomically) and point its documents at it."""
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"part-{uuid.uuid4().hex[:12]}.spacy"
        atomic_bytes(self.dir / name, data)
        for pos, (doc_id, thash) in enumerate(doc_hashes):
            self.entries[doc_id] = (name, pos, thash)
        return name

    def adopt_part(self, path: Path, doc_hashes: list[tuple[str, str]]) -> str:
        """Move a DocBin part a worker wrote on the same file system into the store."""
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"part-{uuid.uuid4().hex[:12]}.spacy"
        os.replace(path, self.dir / name)
        for pos, (doc_id, thash) in enumerate(doc_hashes):
            self.entries[doc_id] = (name, pos, thash)
        return name

    def commit(self, keep: Iterable[str] | None = None) -> None:
        """Atomically write the index (only ``keep`` doc ids, when given) and
        delete part files nothing refers to any more."""
        if keep is not None:
            keep = set(keep)
            self.entries = {d: e for d, e in self.entries.items() if d in keep}
        self.out.mkdir(parents=True, exist_ok=True)
        legacy = self.out / DOCS_DIR
        if legacy.is_file():  # single-file DocBin of an older layout
            legacy.unlink()
        data = {"key": self.key, "docs": {d: list(e) for d, e in self.entries.items()}}
        atomic_bytes(self.out / INDEX_NAME, json.dumps(data).encode())
        used = {e[0] for e in self.entries.values()}
        if self.dir.is_dir():
            for p in self.dir.iterdir():
                if p.name not in used:
                    p.unlink(missing_ok=True)

    @staticmethod
    def invalidate(out_dir: Path | str) -> None:
        (Path(out_dir) / INDEX_NAME).unlink(missing_ok=True)


def load_cached(docs_dir: Path | str, refs: Mapping[str, tuple[str, int]], vocab) -> dict[str, Doc]:
    """Load the cached Docs ``doc_id -> (part, position)``, reading each part once."""
    by_part: dict[str, list[tuple[str, int]]] = {}
    for doc_id, (part, pos) in refs.items():
        by_part.setdefault(part, []).append((doc_id, pos))
    out: dict[str, Doc] = {}
    for part, wanted in by_part.items():
        docs = docs_from_bytes((Path(docs_dir) / part).read_bytes(), vocab)
        for doc_id, pos in wanted:
            out[doc_id] = docs[pos]
    return out


def atomic_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Backwards-compatible name.
_atomic_bytes = atomic_bytes
