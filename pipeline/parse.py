"""The one parse: spaCy runs once per document for the whole pipeline.

The ``sentences`` stage parses ``documents.text`` and stores the Docs as a
spaCy ``DocBin`` (``<out>/docs.spacy``) with a small JSON index (model name and
a hash of each text). Later stages (entities, quotes, claims) load the Docs
from there, so rerunning one of them never re-parses; a document whose text or
model changed since is parsed again.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, DocBin

DOCBIN_NAME = "docs.spacy"
INDEX_NAME = "docs.index.json"
BATCH_SIZE = 64


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterable[Doc]:
    return nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


class DocStore(Mapping[str, Doc]):
    """doc_id -> parsed Doc, for the documents of one run."""

    def __init__(self, docs: dict[str, Doc], model: str):
        self._docs = docs
        self.model = model

    def __getitem__(self, doc_id: str) -> Doc:
        return self._docs[doc_id]

    def __iter__(self):
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    @classmethod
    def build(cls, documents: pd.DataFrame, nlp: Language, model: str, *, cached: "DocStore | None" = None,
              on_error=None, n_process: int = 1, progress=None) -> "DocStore":
        """Parse every document, reusing ``cached`` Docs whose text is unchanged."""
        docs: dict[str, Doc] = {}
        todo_ids, todo_texts = [], []
        for doc_id, text in zip(documents["doc_id"], documents["text"]):
            hit = cached._docs.get(doc_id) if cached is not None and cached.model == model else None
            if hit is not None and hit.text == text:
                docs[doc_id] = hit
            else:
                todo_ids.append(doc_id)
                todo_texts.append(text)
        for doc_id, doc in zip(todo_ids, parse_texts(nlp, todo_texts, n_process=n_process)):
            docs[doc_id] = doc
            if progress is not None:
                progress(1)
        ordered = {d: docs[d] for d in documents["doc_id"] if d in docs}
        return cls(ordered, model)

    def save(self, out_dir: Path | str) -> None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for doc in self._docs.values():
            bin_.add(doc)
        index = {"model": self.model, "doc_ids": list(self._docs), "hashes": [text_hash(d.text) for d in self._docs.values()]}
        _atomic_bytes(out / DOCBIN_NAME, bin_.to_bytes())
        _atomic_bytes(out / INDEX_NAME, json.dumps(index).encode())

    @classmethod
    def load(cls, out_dir: Path | str, nlp: Language) -> "DocStore | None":
        out = Path(out_dir)
        try:
            index = json.loads((out / INDEX_NAME).read_text())
            data = (out / DOCBIN_NAME).read_bytes()
        except (OSError, ValueError):
            return None
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        if len(docs) != len(index.get("doc_ids", [])):
            return None
        return cls(dict(zip(index["doc_ids"], docs)), index.get("model", ""))


def _atomic_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
