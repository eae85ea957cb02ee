"""Label Studio: pre-annotated tasks out, corrected annotations back.

Export: a JSON list of tasks in Label Studio's documented task format
(labelstud.io, "Import pre-annotated data"): ``data`` holds the text, the
document's metadata and its sentence spans; ``predictions[0].result`` holds one
``labels`` result per region (``from_name`` = the layer: ``entity``, ``quote``,
``claim``; ``to_name`` = ``text``; ``value.start``/``end``/``text``/
``labels``), and per-region results with the same ``id`` for the attributes
(``textarea`` ``canonical``, ``quote_speaker``, ``claim_speaker``; ``choices``
``check_worthy``). :func:`label_config` is the labeling configuration that
shows them (written beside the tasks as ``<name>.config.xml``).

Offsets: Label Studio's ``Text`` tag counts ``value.start``/``end`` in code
points, as the tables do (its emoji tests, "Should calculate offsets by code
points in text"; the UTF-16 counting of JavaScript strings was fixed in its
release of 2022), so they pass through unchanged, after an emoji too.

Import: Label Studio's JSON export of the project (the same tasks, with the
annotators' ``annotations``). Per task the last annotation that was not
cancelled is the gold; a task nobody annotated is skipped, or taken as
exported with ``accept_unreviewed``, which needs its pre-annotations in the
file: where the export lists them by id only (``"predictions": [286]``), the
task is refused (annotate it, or skip it). Two tasks that would both be the gold
of one document (imported twice) are refused, naming both. A task whose every annotation was
cancelled (the annotator pressed Skip: ``was_cancelled``) was reviewed and
skipped: it is skipped with ``accept_unreviewed`` too.
"""
from __future__ import annotations

import codecs
import json
from html import escape
from pathlib import Path

from .annotations import (LAYER, LAYERS, META, AnnotatedDoc, AnnotationFormatError, Region, check_document, listed,
                          offset, one_gold, shown, span_pairs)

#: per-region controls: name -> (layer, attribute, result type)
ATTRIBUTES = {
    "canonical": ("entity", "canonical", "textarea"),
    "quote_speaker": ("quote", "speaker", "textarea"),
    "claim_speaker": ("claim", "speaker", "textarea"),
    "check_worthy": ("claim", "check_worthy", "choices"),
}
CHECK_WORTHY = "check-worthy"
_HEADINGS = {"canonical": "Canonical name", "quote_speaker": "Speaker (canonical name)",
             "claim_speaker": "Speaker (canonical name; empty = the publication)", "check_worthy": "Check-worthiness"}


def tasks(docs: list[AnnotatedDoc], model_version: str) -> list[dict]:
    out = []
    for doc in docs:
        results = []
        counters = {layer.name: 0 for layer in LAYERS}
        for r in doc.regions:
            rid = f"{r.layer}-{counters[r.layer]}"
            counters[r.layer] += 1
            span = {"start": r.start, "end": r.end}
            results.append({"id": rid, "from_name": r.layer, "to_name": "text", "type": "labels",
                            "value": {**span, "text": doc.text[r.start:r.end], "labels": [r.label]}})
            for control, (layer, attr, kind) in ATTRIBUTES.items():
                if layer != r.layer:
                    continue
                value = r.attrs.get(attr)
                if kind == "textarea" and value:
                    results.append({"id": rid, "from_name": control, "to_name": "text", "type": "textarea",
                                    "value": {**span, "text": [str(value)]}})
                elif kind == "choices" and value:
                    results.append({"id": rid, "from_name": control, "to_name": "text", "type": "choices",
                                    "value": {**span, "choices": [CHECK_WORTHY]}})
        data = {"text": doc.text, "doc_id": doc.doc_id, **{k: doc.meta.get(k) for k in META},
                "sentences": [[s, e] for s, e in doc.sentences]}
        out.append({"data": data, "predictions": [{"model_version": model_version, "result": results}]})
    return out


def label_config() -> str:
    """The labeling configuration for the exported tasks (paste it into the project's settings)."""
    from ..views.markup import CLAIM_COLOURS, ENTITY_COLOURS

    colours = {"entity": ENTITY_COLOURS, "claim": CLAIM_COLOURS, "quote": {"direct": "#7a1f1f", "indirect": "#c46a6a"}}
    parts = ["<View>", '  <Style>.htx-text{ white-space: pre-wrap; }</Style>',
             '  <Header value="$title"/>']
    for layer in LAYERS:
        parts.append(f'  <Labels name="{layer.name}" toName="text" choice="single">')
        for label in layer.labels:
            colour = colours[layer.name].get(label, "#dddddd")
            parts.append(f'    <Label value="{escape(label)}" background="{colour}"/>')
        parts.append("  </Labels>")
    parts.append('  <Text name="text" value="$text" granularity="symbol"/>')
    for control, (layer, _attr, kind) in ATTRIBUTES.items():
        parts.append(f'  <View visibleWhen="region-selected" whenTagName="{layer}">')
        parts.append(f'    <Header value="{_HEADINGS[control]}"/>')
        if kind == "textarea":
            parts.append(f'    <TextArea name="{control}" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>')
        else:
            parts.append(f'    <Choices name="{control}" toName="text" perRegion="true" choice="multiple">')
            parts.append(f'      <Choice value="{CHECK_WORTHY}"/>')
            parts.append("    </Choices>")
        parts.append("  </View>")
    parts.append("</View>")
    return "\n".join(parts) + "\n"


def _chosen_result(task: dict, accept_unreviewed: bool, where: str) -> list | None:
    given = listed(task.get("annotations"), where, "annotations", dict)
    annotations = [(n, a) for n, a in enumerate(given) if not a.get("was_cancelled")]
    if annotations:
        n, latest = max(annotations, key=lambda na: (str(na[1].get("updated_at") or na[1].get("created_at") or ""), na[0]))
        return listed(latest.get("result"), where, f"annotations[{n}].result", dict)
    if given or not accept_unreviewed:  # every annotation cancelled: the annotator skipped the task, which is no gold
        return None
    given = listed(task.get("predictions"), where, "predictions")  # ids or objects
    predictions = [(n, p) for n, p in enumerate(given) if isinstance(p, dict) and "result" in p]
    if not predictions:
        # Label Studio's JSON export of a project lists a task's predictions by id
        # ("predictions": [286]): the pre-annotations are not in the file, and taking the
        # task as it is would make a gold document without a quote, entity or claim
        raise AnnotationFormatError(
            f"{where}: nobody annotated it and the file holds no pre-annotations for it (predictions: {shown(given)}; "
            "Label Studio's JSON export lists them by id); annotate it in Label Studio (submitting it unchanged "
            "is enough) and export again, or drop --accept-unreviewed to skip unreviewed tasks")
    n, prediction = predictions[-1]
    return listed(prediction["result"], where, f"predictions[{n}].result", dict)


def read(path: Path, accept_unreviewed: bool = False) -> tuple[list[AnnotatedDoc], int]:
    """(documents with a chosen annotation, number of tasks skipped as unreviewed)."""
    try:
        # a UTF-8 byte-order mark (Windows tools write one) is no text; positions count from after it
        payload = json.loads(Path(path).read_bytes().removeprefix(codecs.BOM_UTF8).decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise AnnotationFormatError(f"{path}: not a Label Studio JSON export ({exc})") from None
    items = payload if isinstance(payload, list) else [payload]
    docs, taken, skipped = [], {}, 0
    for n, task in enumerate(items):
        name = f"task {n}" + (f" (id {task['id']})" if isinstance(task, dict) and "id" in task else "")
        where = f"{path} {name}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data.get("doc_id"):
            raise AnnotationFormatError(f"{where}: needs data.text and data.doc_id (export it with `pipeline export "
                                        "--format label-studio` and export the project as JSON)")
        result = _chosen_result(task, accept_unreviewed, where)
        if result is None:
            skipped += 1
            continue
        doc_id = str(data["doc_id"])
        one_gold(taken, path, doc_id, name, name,
                 "keep one task per document (delete the other in Label Studio) and export again")
        docs.append(_document(data, result, where))
    return docs, skipped


def _document(data: dict, result: list, where: str) -> AnnotatedDoc:
    text = data["text"]
    regions: dict[str, Region] = {}
    attrs: list[tuple[str, str, dict]] = []
    for n, item in enumerate(result):
        if not isinstance(item.get("value"), dict):  # a relation, say: no region
            continue
        name, value = item.get("from_name"), item["value"]
        if name in LAYER and item.get("type") == "labels":
            labels = listed(value.get("labels"), where, f"result[{n}].value.labels")
            if not labels or "start" not in value or "end" not in value:
                continue
            rid = str(item.get("id") or f"region-{len(regions)}")
            regions[rid] = Region(name, offset(value["start"], where, f"result[{n}].value.start"),
                                  offset(value["end"], where, f"result[{n}].value.end"), str(labels[0]))
        elif name in ATTRIBUTES:
            attrs.append((str(item.get("id")), name, value))
    for rid, control, value in attrs:
        region = regions.get(rid)
        layer, attr, kind = ATTRIBUTES[control]
        if region is None or region.layer != layer:
            continue
        if kind == "textarea":
            texts = [t for t in listed(value.get("text"), where, f"{control}.text") if isinstance(t, str) and t.strip()]
            region.attrs[attr] = texts[-1].strip() if texts else None
        else:
            region.attrs[attr] = CHECK_WORTHY in listed(value.get("choices"), where, f"{control}.choices")
    for region in regions.values():
        if region.layer == "claim":
            region.attrs.setdefault("check_worthy", False)
    sentences = span_pairs(data.get("sentences"), where, "data.sentences")
    if not sentences:  # a task made elsewhere: each claim region is a unit of its own
        sentences = sorted({(r.start, r.end) for r in regions.values() if r.layer == "claim"})
    meta = {k: data.get(k) for k in META}
    return check_document(AnnotatedDoc(str(data["doc_id"]), text, meta, sentences, list(regions.values())), where)
