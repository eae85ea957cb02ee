"""Prodigy: pre-annotated tasks out, corrected annotations back.

Export: JSON Lines in Prodigy's documented task format (prodi.gy, "Annotation
interfaces": ``text``, ``spans`` with ``start``, ``end`` and ``label``, and
``meta``), one task per document. Quotes, claims and entities overlap, so the
tasks are meant for the ``spans.manual`` recipe (overlapping spans); the
labels are the entity labels as they are, ``QUOTE_DIRECT``/``QUOTE_INDIRECT``
and ``CLAIM_<TYPE>`` (:func:`label`). Each span also carries its attributes
as keys of its own (``speaker``, ``speaker_text``, ``cue``, ``canonical``,
``check_worthy``), which Prodigy keeps with the task; a span drawn anew in
Prodigy has none (its speaker is then null). The sentence spans ride along
as ``sentences`` and the document's metadata as ``meta``.

Import: the output of ``prodigy db-out``. Tasks answered ``accept`` are the
gold; ``reject`` and ``ignore`` are skipped; a task with no answer was not
reviewed: skipped, or taken as exported with ``accept_unreviewed``. Two lines
that would both be the gold of one document (two annotators' answers) are
refused, naming both: Prodigy's ``review`` recipe makes one of them.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

from ..inputs.decode import json_lines
from .annotations import (LAYER, LAYERS, META, AnnotatedDoc, AnnotationFormatError, Region, check_document, listed,
                          offset, one_gold, span_pairs)

_PREFIX = {"quote": "QUOTE_", "claim": "CLAIM_"}


def label(layer: str, value: str) -> str:
    """The Prodigy label of a region: entity labels as they are, ``QUOTE_DIRECT``, ``CLAIM_FACTUAL``, ..."""
    return _PREFIX.get(layer, "") + value.upper()


#: Prodigy label -> (layer, region label)
LABELS = {label(layer.name, value): (layer.name, value) for layer in LAYERS for value in layer.labels}


def tasks(docs: list[AnnotatedDoc], model_version: str) -> list[dict]:
    out = []
    for doc in docs:
        spans = [{"start": r.start, "end": r.end, "label": label(r.layer, r.label), "text": doc.text[r.start:r.end],
                  **{k: v for k, v in r.attrs.items() if v is not None}} for r in doc.regions]
        meta = {"doc_id": doc.doc_id, **{k: v for k, v in doc.meta.items() if v is not None}, "model": model_version}
        out.append({"text": doc.text, "spans": spans, "meta": meta, "sentences": [list(s) for s in doc.sentences]})
    return out


def read(path: Path, accept_unreviewed: bool = False) -> tuple[list[AnnotatedDoc], int]:
    """(accepted documents, number of tasks skipped: unreviewed, rejected or ignored)."""
    docs: list[AnnotatedDoc] = []
    taken: dict[str, str] = {}  # doc_id -> the line of its gold
    skipped = 0
    try:
        data = Path(path).read_bytes().removeprefix(codecs.BOM_UTF8)  # a UTF-8 byte-order mark (Windows tools)
    except OSError as exc:
        raise AnnotationFormatError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise AnnotationFormatError(f"{path}:{line}: not UTF-8 (byte {data[exc.start]:#04x}); `prodigy db-out` "
                                    "writes UTF-8: export it again") from None
    for n, line in json_lines(text):
        where = f"{path}:{n}"
        try:
            task = json.loads(line)
        except ValueError as exc:
            raise AnnotationFormatError(f"{where}: not a JSON line ({exc})") from None
        meta = task.get("meta") if isinstance(task, dict) else None
        if not isinstance(task, dict) or not isinstance(task.get("text"), str) or not isinstance(meta, dict) \
                or not meta.get("doc_id"):
            raise AnnotationFormatError(f"{where}: needs 'text' and meta.doc_id (export it with "
                                        "`pipeline export --format prodigy`)")
        answer = task.get("answer")
        if answer != "accept" and not (answer is None and accept_unreviewed):
            skipped += 1
            continue
        doc_id = str(meta["doc_id"])
        one_gold(taken, path, doc_id, str(n), f"lines {n}",
                 "keep one answer per document (Prodigy's review recipe merges several annotators' answers) and "
                 "export again")
        docs.append(_document(task, meta, where))
    return docs, skipped


def _document(task: dict, meta: dict, where: str) -> AnnotatedDoc:
    regions = []
    for n, span in enumerate(listed(task.get("spans"), where, "spans", dict)):
        if "start" not in span or "end" not in span:
            continue
        name = str(span.get("label"))
        if name not in LABELS:
            raise AnnotationFormatError(f"{where}: unknown span label {name!r}; labels: {', '.join(sorted(LABELS))}")
        layer, value = LABELS[name]
        attrs = {a: span.get(a) for a in LAYER[layer].attributes}
        if layer == "claim" and attrs.get("check_worthy") is None:
            attrs["check_worthy"] = False  # a span drawn anew in Prodigy (a wrong kind is check_document's)
        regions.append(Region(layer, offset(span["start"], where, f"spans[{n}].start"),
                              offset(span["end"], where, f"spans[{n}].end"), value, attrs))
    sentences = span_pairs(task.get("sentences"), where, "sentences")
    if not sentences:
        sentences = sorted({(r.start, r.end) for r in regions if r.layer == "claim"})
    return check_document(AnnotatedDoc(str(meta["doc_id"]), task["text"], {k: meta.get(k) for k in META}, sentences,
                                       regions), where)
