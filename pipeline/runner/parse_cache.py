"""The parse cache: spaCy runs once per document for the whole pipeline.

Documents are parsed in batches with ``nlp.pipe`` (inside ``nlp.memory_zone()``
when a batch could take the strings its process keeps past ``batch.KEPT_STRINGS``,
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
the code that shapes the parse, see ``runner.fingerprint.parse_key``) are unchanged;
otherwise the document is parsed again.

The index is replaced atomically after the part files are written, before the
run's tables are published (``runner.driver``); part files no index entry refers
to (left by an interrupted run, or superseded) are deleted after the publish.
"""
from __future__ import annotations

import json
import os
import re
import uuid
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import numpy
import spacy
import srsly
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.tokens import Doc, DocBin, MorphAnalysis

from ..nlp.docs import doc_text, text_hash
from ..tables import TEMP_SUFFIX, atomic_bytes

DOCS_DIR = "docs.spacy"
_PART_RE = re.compile(r"part-[0-9a-f]{12}\.spacy")
#: a part ``atomic_bytes`` was writing when its run was killed
_PART_TMP_RE = re.compile(r"\." + _PART_RE.pattern + TEMP_SUFFIX)
INDEX_NAME = "docs.index.json"
#: ``_docbin_add`` mirrors ``DocBin.add`` of spaCy 3.8 (pinned in pyproject.toml)
_FAST_DOCBIN = spacy.__version__.startswith("3.8.")


def is_part_name(name: str) -> bool:
    """A name the parse cache gives the files of ``docs.spacy/``: a part, or one being written."""
    return bool(_PART_RE.fullmatch(name) or _PART_TMP_RE.fullmatch(name))


def docbin_bytes(docs: Iterable[Doc]) -> bytes:
    """The DocBin bytes of ``docs``: what ``DocBin(docs=...).to_bytes()`` gives
    (with ``store_user_data`` when some Doc has user data), faster: the same
    payload, compressed at another zlib level."""
    docs = list(docs)
    # user_data (custom extension values) only when some Doc has any: it costs
    # a msgpack pass per Doc, a few per cent of the parse time.
    bin_ = DocBin(store_user_data=any(doc.user_data for doc in docs))
    for doc in docs:
        _docbin_add(bin_, doc)
    return _docbin_to_bytes(bin_)


def _docbin_to_bytes(bin_: DocBin) -> bytes:
    """``bin_.to_bytes()`` (spaCy 3.8) with zlib level 3 instead of 6: the same
    msgpack payload, which ``DocBin.from_bytes`` reads whatever the level;
    compressing took half the time of saving the parse at level 6, 2.5x less at
    level 3, for parts about 10% larger (measured on 318 BBC articles)."""
    if not _FAST_DOCBIN:
        return bin_.to_bytes()
    lengths = [len(tokens) for tokens in bin_.tokens]
    tokens = numpy.vstack(bin_.tokens) if bin_.tokens else numpy.asarray([])
    spaces = numpy.vstack(bin_.spaces) if bin_.spaces else numpy.asarray([])
    msg = {
        "version": bin_.version,
        "attrs": bin_.attrs,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
        "strings": list(sorted(bin_.strings)),
        "cats": bin_.cats,
        "flags": bin_.flags,
        "span_groups": bin_.span_groups,
    }
    if bin_.store_user_data:
        msg["user_data"] = bin_.user_data
    return zlib.compress(srsly.msgpack_dumps(msg), 3)


#: The token attributes whose strings ``DocBin.add`` collects, one Python call
#: per token and attribute (spaCy 3.8 ``tokens/_serialize.py``: ``token.text``,
#: ``tag_``, ``lemma_``, ``norm_``, ``str(morph)``, ``dep_``, ``ent_type_``,
#: ``ent_kb_id_``, ``ent_id_``).
_DOCBIN_STRING_ATTRS = (ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID)


def _docbin_add(bin_: DocBin, doc: Doc) -> None:
    """``bin_.add(doc)`` with the per-token string loop done on arrays.

    Why: that loop (nine string look-ups per token) was most of the cost of
    saving the parse, ~2% of a full run. Each of those strings is the string of
    the token's attribute hash, so the set of strings is the set of the strings
    of the distinct hashes in ``doc.to_array(_DOCBIN_STRING_ATTRS)`` (hash 0 is
    the empty string, as ``token.lemma_`` of an unset lemma; morphology goes
    through ``MorphAnalysis`` as ``str(token.morph)`` does). Everything else is
    ``DocBin.add`` as written in spaCy 3.8; ``to_bytes`` sorts the strings, so
    the payload is identical (tested in ``tests/test_parse_docbin.py``). Other
    spaCy versions use spaCy's own ``add``.
    """
    if not _FAST_DOCBIN:
        bin_.add(doc)
        return
    array = doc.to_array(bin_.attrs)
    if len(array.shape) == 1:
        array = array.reshape((array.shape[0], 1))
    bin_.tokens.append(array)
    spaces = doc.to_array(SPACY)
    spaces = spaces.reshape((spaces.shape[0], 1))
    bin_.spaces.append(numpy.asarray(spaces, dtype=bool))
    bin_.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    if len(doc):
        strings = doc.vocab.strings
        for h in _distinct(array, doc, bin_.attrs, _DOCBIN_STRING_ATTRS).tolist():
            bin_.strings.add(strings[h] if h else "")
        # str(token.morph) is not always the string of its key: the empty
        # analysis has the key of "_" and prints as ""
        for h in _distinct(array, doc, bin_.attrs, (MORPH,)).tolist():
            bin_.strings.add(str(MorphAnalysis.from_id(doc.vocab, h)))
    bin_.cats.append(doc.cats)
    if bin_.store_user_data:
        bin_.user_data.append(srsly.msgpack_dumps(doc.user_data))
    bin_.span_groups.append(doc.spans.to_bytes())
    for group in doc.spans.values():
        for span in group:
            bin_.strings.add(span.label_)
            if span.kb_id in span.doc.vocab.strings:
                bin_.strings.add(span.kb_id_)
            if span.id in span.doc.vocab.strings:
                bin_.strings.add(span.id_)


@lru_cache(maxsize=8)
def _columns(attrs: tuple[int, ...], wanted: tuple[int, ...]) -> tuple[list[int], list[int]]:
    """(the columns of the ``wanted`` attributes in an array of ``attrs``, the
    ``wanted`` attributes not among ``attrs``)."""
    return [attrs.index(a) for a in wanted if a in attrs], [a for a in wanted if a not in attrs]


def _distinct(array: numpy.ndarray, doc: Doc, attrs, wanted: tuple[int, ...]) -> numpy.ndarray:
    """The distinct values of the ``wanted`` attributes over ``doc``'s tokens, taken
    from ``array`` (``doc.to_array(attrs)``, already read for the DocBin) and read
    from the doc only for an attribute ``attrs`` lacks (a DocBin with custom attrs)."""
    cols, missing = _columns(tuple(attrs), wanted)
    parts = [array[:, cols].ravel()]
    if missing:
        parts.append(doc.to_array(missing).ravel())
    return numpy.unique(numpy.concatenate(parts))


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
        docs = data.get("docs")
        entries = {}
        for d, e in (docs.items() if isinstance(docs, dict) else ()):
            # a hand-edited entry is a cache miss for its document, never an error
            if (isinstance(e, list) and len(e) == 3 and isinstance(e[0], str) and _PART_RE.fullmatch(e[0])
                    and isinstance(e[1], int) and e[1] >= 0 and isinstance(e[2], str)):
                entries[d] = (e[0], e[1], e[2])
        return cls(out, key, entries)

    def write_part(self, data: bytes, doc_hashes: list[tuple[str, str]]) -> str:
        """Write one DocBin part (atomically) and point its documents at it."""
        return self._add_part(lambda target: atomic_bytes(target, data), doc_hashes)

    def adopt_part(self, path: Path, doc_hashes: list[tuple[str, str]]) -> str:
        """Move a DocBin part a worker wrote on the same file system into the store."""
        return self._add_part(lambda target: os.replace(path, target), doc_hashes)

    def _add_part(self, put, doc_hashes: list[tuple[str, str]]) -> str:
        """Name a new part, let ``put(target_path)`` place it, and point the
        documents ``(doc_id, text hash)``, in DocBin order, at it."""
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"part-{uuid.uuid4().hex[:12]}.spacy"
        put(self.dir / name)
        for pos, (doc_id, thash) in enumerate(doc_hashes):
            self.entries[doc_id] = (name, pos, thash)
        return name

    def write(self, keep: Iterable[str] | None = None) -> None:
        """Atomically write the index (only ``keep`` doc ids, when given)."""
        if keep is not None:
            keep = set(keep)
            self.entries = {d: e for d, e in self.entries.items() if d in keep}
        self.out.mkdir(parents=True, exist_ok=True)
        legacy = self.out / DOCS_DIR
        if legacy.is_file():  # single-file DocBin of an older layout
            legacy.unlink()
        data = {"key": self.key, "docs": {d: list(e) for d, e in self.entries.items()}}
        atomic_bytes(self.out / INDEX_NAME, json.dumps(data).encode())

    def prune(self) -> None:
        """Delete the part files no entry of the index refers to."""
        used = {e[0] for e in self.entries.values()}
        if self.dir.is_dir():
            for p in self.dir.iterdir():
                if p.name not in used and is_part_name(p.name):  # never a file of the user's
                    p.unlink(missing_ok=True)


#: what reading a damaged DocBin part raises (spaCy's [E1014] is a ValueError)
CACHE_ERRORS = (OSError, ValueError, KeyError, IndexError, TypeError, zlib.error)


def load_cached(docs_dir: Path | str, refs: Mapping[str, tuple[str, int, str]], vocab
                ) -> tuple[dict[str, Doc], dict[str, str]]:
    """Load the cached Docs ``doc_id -> (part, position, text hash)``, reading each
    part once. Returns (Docs, {doc_id: why it could not be used}): a part that
    cannot be read, or a Doc whose text is not the document's, is a cache miss."""
    by_part: dict[str, list[tuple[str, int, str]]] = {}
    for doc_id, (part, pos, th) in refs.items():
        by_part.setdefault(part, []).append((doc_id, pos, th))
    out: dict[str, Doc] = {}
    missed: dict[str, str] = {}
    for part, wanted in by_part.items():
        try:
            docs = docs_from_bytes((Path(docs_dir) / part).read_bytes(), vocab)
        except CACHE_ERRORS as exc:
            why = f"cached parse {part} cannot be read ({type(exc).__name__}: {str(exc)[:120]}); parsed again"
            missed.update((doc_id, why) for doc_id, _, _ in wanted)
            continue
        for doc_id, pos, th in wanted:
            if pos < len(docs) and text_hash(doc_text(docs[pos])) == th:
                out[doc_id] = docs[pos]
            else:
                missed[doc_id] = f"cached parse {part} does not hold this document's text; parsed again"
    return out, missed
