"""What the annotation exports carry, and how corrected annotations become a gold set.

Between a run's tables and the Label Studio / Prodigy files sits one small
model: per document its text, metadata, sentence spans and *regions*, each a
span of one **layer** with a label and attributes:

| layer | table | label | attributes |
|---|---|---|---|
| entity | entities | OntoNotes label | canonical |
| quote | quotes | kind (direct / indirect) | speaker, speaker_text, cue |
| claim | claims | claim type | speaker, check_worthy |

``from_tables`` builds it from a run; the format modules write it and read it
back; ``write_gold`` writes the corrected documents as a gold folder in the
format of ``data/gold`` (``data/gold/README.md``), with the document's text
playing the part of the seed text (``raw_start``/``raw_end`` are offsets into
it) and its paragraphs as the body lines:

* ``documents.jsonl``: title, source, published, dateline as exported (or
  as corrected in the file), every paragraph a body line;
* ``entities.jsonl``, ``quotes.jsonl``: one record per region;
* ``claims.jsonl``: one record per sentence of the run, typed by the claim
  regions that overlap it with the scorer's own rule (``stages/claims/score``:
  the guidelines' precedence), ``null`` where none does.

Sentences are carried, not corrected (no ``sentences.jsonl``: ``pipeline eval``
says "no gold" for them). Scoring an unchanged run against the gold made from
its own export gives 1.0 on every scored figure (tested).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow as pa

from ..errors import InputError, unwritable
from ..evaluation.gold import GOLD_FILES
from ..schemas import CLAIM_TYPES, QUOTE_KINDS, schema_for
from ..stages.claims.score import _predicted_claim  # the scorer's rule for a sentence's type
from ..tables import atomic_bytes
from ..views.explore import Tables
from ..views.markup import ENTITY_COLOURS

#: document metadata carried with the text (documents columns)
META = ("title", "source", "published", "dateline")


@dataclass(frozen=True)
class Layer:
    name: str                  # region layer (and Label Studio control) name
    table: str                 # the run table it comes from
    label_column: str          # the column that is the region's label
    attributes: tuple[str, ...]  # columns carried as region attributes
    labels: tuple[str, ...]    # the label set offered for correction


LAYERS = (
    Layer("entity", "entities", "label", ("canonical",), tuple(ENTITY_COLOURS)),
    Layer("quote", "quotes", "kind", ("speaker", "speaker_text", "cue"), QUOTE_KINDS),
    Layer("claim", "claims", "claim_type", ("speaker", "check_worthy"), CLAIM_TYPES),
)
LAYER = {layer.name: layer for layer in LAYERS}


class AnnotationFormatError(InputError):
    """An annotation file cannot be read as the format it was given as."""


def one_gold(taken: dict[str, str], path, doc_id: str, name: str, first: str, fix: str) -> None:
    """Record the task ``name`` as ``doc_id``'s gold in ``taken`` (doc_id -> how a first task is
    named, ``first``), or refuse it when an earlier task of the file is: which one is the gold
    is unclear (``fix``: what to do in the file)."""
    if doc_id in taken:
        raise AnnotationFormatError(f"{path}: {taken[doc_id]} and {name} are both doc_id {doc_id!r}, and which one "
                                    f"is the gold is unclear; {fix}")
    taken[doc_id] = first


def shown(value, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters (a bad value in a message, not a whole task)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def listed(value, where: str, what: str, items: type | None = None) -> list:
    """A list read from an annotation file (absent or null: empty), of ``items`` when given."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnnotationFormatError(f"{where}: {what} = {shown(value)} is not a list")
    for n, item in enumerate(value if items is not None else ()):
        if not isinstance(item, items):
            kind = "an object" if items is dict else f"a {items.__name__}"
            raise AnnotationFormatError(f"{where}: {what}[{n}] = {shown(item)} is not {kind}")
    return value


def offset(value, where: str, what: str) -> int:
    """A character offset read from an annotation file: a whole number. ``int()`` would take
    ``"12"``, cut ``12.7`` to 12 and read ``true`` as 1, so only an int is one (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationFormatError(f"{where}: {what} = {shown(value)} is not a character offset (a whole number)")
    return value


def span_pairs(value, where: str, what: str) -> list[tuple[int, int]]:
    """A list of ``[start, end]`` offset pairs (the sentence spans a task carries)."""
    pairs = []
    for n, pair in enumerate(listed(value, where, what)):
        if not isinstance(pair, list) or len(pair) != 2:
            raise AnnotationFormatError(f"{where}: {what}[{n}] = {shown(pair)} is not a [start, end] pair")
        pairs.append((offset(pair[0], where, f"{what}[{n}] start"), offset(pair[1], where, f"{what}[{n}] end")))
    return pairs


@dataclass
class Region:
    layer: str
    start: int
    end: int
    label: str
    attrs: dict = field(default_factory=dict)


@dataclass
class AnnotatedDoc:
    doc_id: str
    text: str
    meta: dict
    sentences: list[tuple[int, int]]
    regions: list[Region]


def _clean(value):
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def from_tables(tables: Tables) -> list[AnnotatedDoc]:
    """The documents of a run with their sentences and regions, in the documents table's order."""
    by_doc = {}
    for name in ("sentences", *(layer.table for layer in LAYERS)):
        frame = tables[name] if name in tables else pd.DataFrame(columns=["doc_id"])
        by_doc[name] = {k: g.sort_values("start", kind="stable") for k, g in frame.groupby("doc_id", sort=False)}
    docs = []
    for row in tables.documents.to_dict("records"):
        doc_id = row["doc_id"]
        sents = by_doc["sentences"].get(doc_id)
        sentences = [] if sents is None else [(int(s), int(e)) for s, e in zip(sents["start"], sents["end"])]
        regions = []
        for layer in LAYERS:
            frame = by_doc[layer.table].get(doc_id)
            for r in ([] if frame is None else frame.to_dict("records")):
                attrs = {a: _clean(r.get(a)) for a in layer.attributes if a in r}
                regions.append(Region(layer.name, int(r["start"]), int(r["end"]), str(r[layer.label_column]), attrs))
        docs.append(AnnotatedDoc(doc_id, row["text"], {k: _clean(row.get(k)) for k in META}, sentences, regions))
    return docs


def model_version(record: dict | None) -> str:
    """How the pre-annotations were made: claimex version and spaCy model (the run record)."""
    if not record:
        return "claimex"
    model = record.get("model", "?")
    version = record.get("model_version")
    return f"claimex {record.get('claimex', '')} · {model}{' ' + version if version else ''}".replace("  ", " ")


# --- gold ---------------------------------------------------------------------------------

def _paragraphs(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _span_record(doc: AnnotatedDoc, start: int, end: int, **fields) -> dict:
    return {"doc_id": doc.doc_id, "text": doc.text[start:end], "raw_start": start, "raw_end": end, **fields}


#: (layer, attribute) -> the Python type of its value: that of the column it comes from
ATTRIBUTE_TYPES = {(layer.name, a): {pa.string(): str, pa.bool_(): bool}[schema_for(layer.table).field(a).type]
                   for layer in LAYERS for a in layer.attributes}


def check_document(doc: AnnotatedDoc, where: str) -> AnnotatedDoc:
    """``doc`` as read from an annotation file, if it makes a gold ``pipeline eval`` reads:
    metadata strings (or null), regions inside the text with a label of their layer and
    attributes of their column's type, sentences inside the text. Both readers call it on
    each document they build, so the one line names the file and the task."""
    for key in META:
        value = doc.meta.get(key)
        if value is not None and not isinstance(value, str):
            raise AnnotationFormatError(f"{where}: {key} = {shown(value)} is not a string (or null)")
    size = len(doc.text)
    for region in doc.regions:
        layer = LAYER[region.layer]
        span = f"{layer.name} region [{region.start}, {region.end})"
        if not (0 <= region.start < region.end <= size):
            raise AnnotationFormatError(f"{where}: {span} lies outside the text of {doc.doc_id!r} ({size} characters)")
        if region.label not in layer.labels:
            raise AnnotationFormatError(f"{where}: {span} has the unknown label {region.label!r}; "
                                        f"{layer.name} labels: {', '.join(layer.labels)}")
        for attr, value in region.attrs.items():
            kind = ATTRIBUTE_TYPES[layer.name, attr]
            if value is not None and not isinstance(value, kind):
                raise AnnotationFormatError(f"{where}: {span} {attr} = {shown(value)} is not "
                                            f"{'a string' if kind is str else 'true or false'} (or null)")
    for n, (start, end) in enumerate(doc.sentences):
        if not (0 <= start < end <= size):
            raise AnnotationFormatError(f"{where}: sentence {n} [{start}, {end}) is not a span of the text of "
                                        f"{doc.doc_id!r} (0 <= start < end <= {size})")
    return doc


def gold_records(docs: Iterable[AnnotatedDoc]) -> dict[str, list[dict]]:
    """Gold records per gold file name (``evaluation.gold.GOLD_FILES``) for annotated documents
    (as the readers return them: passed by ``check_document``)."""
    out: dict[str, list[dict]] = {GOLD_FILES[s]: [] for s in ("clean", "entities", "quotes", "claims")}
    for doc in docs:
        paras = _paragraphs(doc.text)
        out[GOLD_FILES["clean"]].append({
            "doc_id": doc.doc_id, **{k: doc.meta.get(k) for k in META},
            "body_lines": [p for _, p in paras], "body_line_starts": [s for s, _ in paras],
            "boilerplate_lines": [],
        })
        regions = sorted(doc.regions, key=lambda r: (r.start, r.end))
        for r in regions:
            if r.layer == "entity":
                out[GOLD_FILES["entities"]].append(_span_record(
                    doc, r.start, r.end, label=r.label, canonical=r.attrs.get("canonical") or doc.text[r.start:r.end]))
            elif r.layer == "quote":
                out[GOLD_FILES["quotes"]].append(_span_record(
                    doc, r.start, r.end, kind=r.label, speaker=r.attrs.get("speaker"),
                    speaker_text=r.attrs.get("speaker_text"), cue=r.attrs.get("cue")))
        claims = [r for r in regions if r.layer == "claim"]
        for start, end in doc.sentences:
            hits = [{"claim_type": r.label, "speaker": r.attrs.get("speaker"), "check_worthy": bool(r.attrs.get("check_worthy"))}
                    for r in claims if min(end, r.end) - max(start, r.start) > 0]
            ctype, row, worthy = _predicted_claim(hits)
            out[GOLD_FILES["claims"]].append(_span_record(
                doc, start, end, claim_type=None if row is None else ctype,
                speaker=None if row is None else row["speaker"], check_worthy=worthy))
    return out


def write_gold(docs: list[AnnotatedDoc], folder: Path) -> dict[str, int]:
    """Write a gold folder (records per file); refuses to write into a folder that has gold files.
    A write that fails (a file where the folder must be, read-only, full) is an ``OutputError``
    and leaves no part of the gold behind: the files and folders it made are removed, nothing else."""
    folder = Path(folder)
    records = gold_records(docs)
    clash = [name for name in GOLD_FILES.values() if (folder / name).exists()]
    if clash:
        raise InputError(f"{folder} already holds gold files ({', '.join(clash)}); "
                         "import into a new folder (nothing is overwritten)")
    made: list[Path] = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]  # deepest first
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in records.items():
            atomic_bytes(folder / name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8"))
            written.append(folder / name)
    except BaseException as exc:  # an interrupt too: no half-written gold
        for path in written:
            path.unlink(missing_ok=True)
        for path in made:
            try:
                path.rmdir()  # empty unless someone else wrote into it: then it stays
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise unwritable(exc, folder, f"the gold folder {folder}", "pass a new folder you can write to as DIR") from None
        raise
    return {name: len(rows) for name, rows in records.items()}
