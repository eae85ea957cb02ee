"""Corrections made in Label Studio or Prodigy come back as a gold set:
export -> (annotate) -> ``pipeline import-gold`` -> ``pipeline eval --gold``.
An unchanged run scores 1.0 against the gold made from its own export; a
correction shows up as exactly that error; the seeds gold stays the default."""
from __future__ import annotations

import codecs
import errno
import json
import os
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import InputError, OutputError
from pipeline.evaluation.evaluate import evaluate, report_as_dict
from pipeline.evaluation.gold import GOLD_DIR, load_gold
import pipeline.exports.annotations as annotations_module  # not `from pipeline.exports import`: a __future__ name
from pipeline.exports import export, import_gold
from pipeline.exports.annotations import AnnotationFormatError


def _scores(out, gold) -> dict[str, dict[str, float]]:
    report = report_as_dict(evaluate(out, gold_dir=gold))
    return {name: s["metrics"] for name, s in report["stages"].items() if s["status"] == "ok"}


def _label_studio_annotated(path):
    """What Label Studio's JSON export looks like after an annotator submitted each task as pre-annotated."""
    tasks = json.loads(path.read_text())
    for n, task in enumerate(tasks):
        task["id"] = n + 1
        task["annotations"] = [{"id": 100 + n, "result": task["predictions"][0]["result"], "was_cancelled": False,
                                "updated_at": "2025-12-06T10:00:00Z"}]
    return tasks


def _prodigy_annotated(path):
    return [dict(json.loads(line), answer="accept") for line in path.read_text().splitlines()]


@pytest.mark.parametrize("fmt, name, annotate", [
    ("label-studio", "ls.json", lambda p: p.write_text(json.dumps(_label_studio_annotated(p)))),
    ("prodigy", "p.jsonl", lambda p: p.write_text("".join(json.dumps(t) + "\n" for t in _prodigy_annotated(p)))),
])
def test_exports_gold_roundtrip_scores_one_on_the_unchanged_run(seed_run, tmp_path, fmt, name, annotate):
    out, _ = seed_run
    path = export(out, fmt, tmp_path / name).path
    annotate(path)
    result = import_gold(fmt, path, tmp_path / "gold")
    assert result.documents == 5 and result.skipped == 0
    scores = _scores(out, tmp_path / "gold")
    assert set(scores) == {"clean", "entities", "quotes", "claims"}  # sentences are carried, not gold
    for stage, metrics in scores.items():
        assert metrics and all(v == 1.0 for v in metrics.values()), (stage, {k: v for k, v in metrics.items() if v != 1.0})


def test_exports_gold_roundtrip_mentions_glued_to_letters_score_one(tmp_path):
    """A run's mention inside a word (MONEY '28.7' in '£28.7m') comes back from its own export
    as gold and is found where it was (regression: entities F1 0.333, "gold mention not in text")."""
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    (inp / "a.txt").write_text("Budget row\n\nThe Dome has cost taxpayers £28.7m to maintain since it closed. "
                               "More than £550m could now be spent, the minister said.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", "all", "--input", str(inp), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    path.write_text("".join(json.dumps(t) + "\n" for t in _prodigy_annotated(path)))
    import_gold("prodigy", path, tmp_path / "gold")
    gold = load_gold(tmp_path / "gold")
    texts = [s.text for s in gold.spans["entities"]]
    assert any(t[0].isdigit() for t in texts), texts  # a mention that starts inside '£28.7m'
    report = evaluate(out, gold_dir=tmp_path / "gold")
    entities = report_as_dict(report)["stages"]["entities"]
    metrics = entities["metrics"]  # (None: no gold entity has two mentions to be consistent over)
    assert metrics["f1"] == 1.0 and all(v in (1.0, None) for v in metrics.values()), metrics
    assert not [n for n in entities["notes"] if "gold mention" in n], entities["notes"]


def test_exports_gold_roundtrip_through_the_cli_with_unreviewed_tasks(seed_run, tmp_path):
    out, _ = seed_run
    runner = CliRunner()
    assert runner.invoke(app, ["export", "--format", "prodigy", "--out", str(out), "--to", str(tmp_path / "p.jsonl")]).exit_code == 0
    # nobody reviewed the tasks: nothing to import unless asked
    skipped = runner.invoke(app, ["import-gold", "--format", "prodigy", str(tmp_path / "p.jsonl"), str(tmp_path / "g0")])
    assert skipped.exit_code == InputError.exit_code and "--accept-unreviewed" in skipped.output
    ok = runner.invoke(app, ["import-gold", "--format", "prodigy", "--accept-unreviewed", str(tmp_path / "p.jsonl"),
                             str(tmp_path / "gold")])
    assert ok.exit_code == 0, ok.output
    res = runner.invoke(app, ["eval", "--out", str(out), "--gold", str(tmp_path / "gold"), "--json"])
    assert res.exit_code == 0, res.output
    claims = json.loads(res.output)["stages"]["claims"]["metrics"]
    assert claims["accuracy"] == 1.0 and claims["speaker_accuracy"] == 1.0


def test_exports_gold_a_correction_is_scored_as_one_error(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    path = export(out, "label-studio", tmp_path / "ls.json").path
    tasks = _label_studio_annotated(path)
    q = seed_tables["quotes"]
    target = q[q["kind"] == "direct"].iloc[0]
    task = next(t for t in tasks if t["data"]["doc_id"] == target["doc_id"])
    result = task["annotations"][0]["result"]
    region = next(r for r in result if r["from_name"] == "quote" and r["value"]["start"] == target["start"])
    speaker = next(r for r in result if r["id"] == region["id"] and r["from_name"] == "quote_speaker")
    speaker["value"]["text"] = ["Somebody Else"]  # the annotator corrects the speaker
    path.write_text(json.dumps(tasks))
    import_gold("label-studio", path, tmp_path / "gold")
    quotes = _scores(out, tmp_path / "gold")["quotes"]
    assert quotes["f1"] == 1.0  # the span is still right
    assert quotes["speaker_accuracy"] == pytest.approx((len(q) - 1) / len(q), abs=1e-4)
    assert quotes["direct_speaker_recall"] == pytest.approx(1 - 1 / int((q["kind"] == "direct").sum()), abs=1e-4)


def test_exports_gold_rejected_and_cancelled_work_is_not_gold(seed_run, tmp_path):
    out, _ = seed_run
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    tasks = _prodigy_annotated(path)
    tasks[0]["answer"] = "reject"
    tasks[1]["answer"] = "ignore"
    path.write_text("".join(json.dumps(t) + "\n" for t in tasks))
    result = import_gold("prodigy", path, tmp_path / "gold")
    assert (result.documents, result.skipped) == (3, 2)
    assert len(load_gold(tmp_path / "gold").documents) == 3
    ls = export(out, "label-studio", tmp_path / "ls.json").path
    tasks = _label_studio_annotated(ls)
    tasks[0]["annotations"][0]["was_cancelled"] = True
    ls.write_text(json.dumps(tasks))
    assert import_gold("label-studio", ls, tmp_path / "gold-ls").skipped == 1


def test_exports_gold_never_overwrites_a_gold_folder(seed_run, tmp_path):
    out, _ = seed_run
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    import_gold("prodigy", path, tmp_path / "gold", accept_unreviewed=True)
    before = (tmp_path / "gold" / "quotes.jsonl").read_text()
    with pytest.raises(InputError, match="already holds gold files"):
        import_gold("prodigy", path, tmp_path / "gold", accept_unreviewed=True)
    assert (tmp_path / "gold" / "quotes.jsonl").read_text() == before


@pytest.mark.parametrize("content, message", [
    ("not json", "not a Label Studio JSON export"),
    (json.dumps([{"data": {"text": "x"}}]), "data.doc_id"),
])
def test_exports_gold_malformed_label_studio_file_is_one_line(tmp_path, content, message):
    (tmp_path / "f.json").write_text(content)
    with pytest.raises(InputError, match=message):
        import_gold("label-studio", tmp_path / "f.json", tmp_path / "gold")


def test_exports_gold_unknown_prodigy_label_names_the_valid_ones(tmp_path):
    task = {"text": "Hi there", "meta": {"doc_id": "d"}, "spans": [{"start": 0, "end": 2, "label": "GREETING"}], "answer": "accept"}
    (tmp_path / "p.jsonl").write_text(json.dumps(task) + "\n")
    with pytest.raises(InputError, match="unknown span label 'GREETING'.*QUOTE_DIRECT"):
        import_gold("prodigy", tmp_path / "p.jsonl", tmp_path / "gold")


def test_exports_gold_seeds_gold_stays_the_default(seed_run):
    out, _ = seed_run
    assert evaluate(out).gold_dir == str(GOLD_DIR)


def test_exports_gold_label_studio_prediction_ids_are_no_pre_annotations(seed_run, tmp_path):
    """Regression: Label Studio's JSON export lists a task's predictions by id
    (``"predictions": [286]``); --accept-unreviewed took such an unreviewed task as a gold
    document without a single entity, quote or claim."""
    out, _ = seed_run
    path = export(out, "label-studio", tmp_path / "ls.json").path
    tasks = _label_studio_annotated(path)
    for n, task in enumerate(tasks):
        task["predictions"] = [286 + n]  # as Label Studio exports them
    tasks[1]["annotations"] = []
    path.write_text(json.dumps(tasks))
    with pytest.raises(AnnotationFormatError, match=r"ls\.json task 1 \(id 2\): .*\[287\].*annotate it.*"
                                                    r"drop --accept-unreviewed"):
        import_gold("label-studio", path, tmp_path / "gold", accept_unreviewed=True)
    assert not (tmp_path / "gold").exists()
    assert import_gold("label-studio", path, tmp_path / "gold").skipped == 1  # skipped without the option


_TEXT = "Hi there, Bob said."


def _ls_task(**change):
    """A Label Studio task as its JSON export has it (one entity region), with ``change`` applied:
    ``annotations``, ``result``, ``value`` (merged into the region's value) or ``data`` (merged)."""
    value = {"start": 10, "end": 13, "text": "Bob", "labels": ["PERSON"], **change.pop("value", {})}
    result = change.pop("result", [{"id": "e0", "from_name": "entity", "to_name": "text", "type": "labels",
                                    "value": value}])
    task = {"id": 7, "data": {"text": _TEXT, "doc_id": "d", **change.pop("data", {})},
            "annotations": change.pop("annotations", [{"id": 1, "result": result}])}
    return json.dumps([task]).encode()


def _prodigy_task(span=None, **change):
    """A Prodigy db-out line (one PERSON span, accepted), with ``span`` merged into the span."""
    task = {"text": _TEXT, "meta": {"doc_id": "d"}, "answer": "accept",
            "spans": [{"start": 10, "end": 13, "label": "PERSON", **(span or {})}], **change}
    return (json.dumps(task) + "\n").encode()


_BOB = [{"id": "e0", "from_name": "entity", "to_name": "text", "type": "labels",
         "value": {"start": 10, "end": 13, "text": "Bob", "labels": ["PERSON"]}}]
_SKIP = {"id": 1, "result": [], "was_cancelled": True, "updated_at": "2025-12-06T11:00:00Z"}  # the annotator's Skip
_NONE = {"id": 2, "result": [], "was_cancelled": False, "updated_at": "2025-12-06T10:00:00Z"}  # submitted, no entity


@pytest.mark.parametrize("annotations, accept_unreviewed, counts, entities", [
    ([_SKIP], True, (1, 1), None),           # skipped by the annotator: skipped, with the option too
    ([_SKIP], False, (1, 1), None),
    ([], True, (2, 0), ["Bob"]),             # nobody looked at it: the pre-annotations, when asked
    ([], False, (1, 1), None),
    ([_SKIP, _NONE], True, (2, 0), []),      # a submitted annotation beside a skip is the gold
    ([_NONE, dict(_SKIP, id=3)], False, (2, 0), []),
])
def test_exports_gold_label_studio_task_the_annotator_skipped_is_skipped(tmp_path, annotations, accept_unreviewed,
                                                                          counts, entities):
    """Regression: a task whose only annotation was cancelled (the annotator pressed Skip) counted
    as unreviewed, and --accept-unreviewed took its pre-annotations as gold."""
    skipped = {"id": 7, "data": {"text": _TEXT, "doc_id": "d"}, "annotations": annotations,
               "predictions": [{"model_version": "claimex", "result": _BOB}]}
    done = {"id": 8, "data": {"text": _TEXT, "doc_id": "e"}, "annotations": [{"id": 9, "result": _BOB}]}
    (tmp_path / "ls.json").write_text(json.dumps([skipped, done]))
    result = import_gold("label-studio", tmp_path / "ls.json", tmp_path / "gold", accept_unreviewed=accept_unreviewed)
    assert (result.documents, result.skipped) == counts
    gold = load_gold(tmp_path / "gold")
    assert ("d" in gold.documents) == (entities is not None)
    assert [s.text for s in gold.spans["entities"] if s.doc_id == "d"] == (entities or [])


def test_exports_gold_nothing_but_skipped_tasks_says_so(tmp_path):
    """With --accept-unreviewed, an import of tasks the annotators all skipped does not advise
    --accept-unreviewed."""
    task = {"id": 7, "data": {"text": _TEXT, "doc_id": "d"}, "annotations": [_SKIP],
            "predictions": [{"model_version": "claimex", "result": _BOB}]}
    (tmp_path / "ls.json").write_text(json.dumps([task]))
    with pytest.raises(InputError, match=r"ls\.json: no annotated document to import \(the annotators skipped, "
                                         r"rejected or ignored all 1 tasks\)$"):
        import_gold("label-studio", tmp_path / "ls.json", tmp_path / "gold", accept_unreviewed=True)
    with pytest.raises(InputError, match=r"\(none was reviewed: pass --accept-unreviewed"):
        import_gold("label-studio", tmp_path / "ls.json", tmp_path / "gold")


def _ls_file(*annotations):
    """A Label Studio export of one task per item of ``annotations`` (ids 7, 8, ...), each for doc_id 'd'
    with its pre-annotations in the file."""
    return json.dumps([{"id": 7 + n, "data": {"text": _TEXT, "doc_id": "d"}, "annotations": a,
                        "predictions": [{"model_version": "claimex", "result": _BOB}]}
                       for n, a in enumerate(annotations)]).encode()


def _prodigy_file(*answers):
    """A Prodigy db-out file of one line per item of ``answers`` ("none": no answer; None: a blank
    line), each for doc_id 'd'."""
    return b"".join(b"\n" if a is None else _prodigy_task(answer=None if a == "none" else a) for a in answers)


_DONE = [{"id": 1, "result": _BOB}]


@pytest.mark.parametrize("fmt, content, accept_unreviewed, message", [
    ("label-studio", _ls_file(_DONE, _DONE), False, r"f\.json: task 0 \(id 7\) and task 1 \(id 8\) are both doc_id 'd', "
                                                    r"and which one is the gold is unclear; keep one task per document"),
    ("label-studio", _ls_file([], _DONE), True, r"f\.json: task 0 \(id 7\) and task 1 \(id 8\) are both doc_id 'd'"),
    ("prodigy", _prodigy_file("accept", None, "accept"), False, r"f\.json: lines 1 and 3 are both doc_id 'd', and which "
                                                                r"one is the gold is unclear; keep one answer per document"),
    ("prodigy", _prodigy_file("none", "accept"), True, r"f\.json: lines 1 and 2 are both doc_id 'd'"),
], ids=["ls-annotated-twice", "ls-unreviewed-taken", "prodigy-accepted-twice", "prodigy-unreviewed-taken"])
def test_exports_gold_two_tasks_for_one_document_are_refused(tmp_path, fmt, content, accept_unreviewed, message):
    """Regression: two tasks (Prodigy: two answers) that were both gold for one doc_id, a project
    imported twice or two annotators' work, made the last in the file the gold, silently."""
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(AnnotationFormatError, match=message) as caught:
        import_gold(fmt, tmp_path / "f.json", tmp_path / "gold", accept_unreviewed=accept_unreviewed)
    assert "\n" not in str(caught.value) and not (tmp_path / "gold").exists()


@pytest.mark.parametrize("fmt, content, accept_unreviewed, skipped", [
    ("label-studio", _ls_file([], _DONE), False, 1),     # the copy nobody reviewed is skipped
    ("label-studio", _ls_file(_DONE, [_SKIP]), True, 1),  # the copy the annotator skipped is skipped
    ("prodigy", _prodigy_file("reject", "accept"), False, 1),
    ("prodigy", _prodigy_file("accept", "ignore", "none"), False, 2),
], ids=["ls-unreviewed", "ls-skipped", "prodigy-rejected", "prodigy-ignored-and-unreviewed"])
def test_exports_gold_one_gold_task_per_document_beside_skipped_copies_is_read(tmp_path, fmt, content,
                                                                                accept_unreviewed, skipped):
    """Copies of a document that are not gold (unreviewed, skipped, rejected) stay no matter."""
    (tmp_path / "f.json").write_bytes(content)
    result = import_gold(fmt, tmp_path / "f.json", tmp_path / "gold", accept_unreviewed=accept_unreviewed)
    assert (result.documents, result.skipped) == (1, skipped)
    assert [s.text for s in load_gold(tmp_path / "gold").spans["entities"]] == ["Bob"]


@pytest.mark.parametrize("fmt, content, message", [
    ("label-studio", _ls_task(annotations=5), r"task 0 \(id 7\): annotations = 5 is not a list"),
    ("label-studio", _ls_task(annotations=[3]), r"task 0 \(id 7\): annotations\[0\] = 3 is not an object"),
    ("label-studio", _ls_task(result=7), r"task 0 \(id 7\): annotations\[0\]\.result = 7 is not a list"),
    ("label-studio", _ls_task(value={"start": "abc"}), r"task 0 \(id 7\): result\[0\]\.value\.start = 'abc' is not a "
                                                        r"character offset"),
    ("label-studio", _ls_task(value={"start": None}), r"value\.start = None is not a character offset"),
    ("label-studio", _ls_task(value={"end": 12.7}), r"value\.end = 12\.7 is not a character offset"),
    ("label-studio", _ls_task(value={"start": True}), r"value\.start = True is not a character offset"),
    ("label-studio", _ls_task(value={"labels": "PERSON"}), r"value\.labels = 'PERSON' is not a list"),
    ("label-studio", _ls_task(data={"sentences": [[0]]}), r"data\.sentences\[0\] = \[0\] is not a \[start, end\] pair"),
    ("label-studio", _ls_task(data={"sentences": 5}), r"data\.sentences = 5 is not a list"),
    ("label-studio", _ls_task(data={"sentences": [[0, "19"]]}), r"data\.sentences\[0\] end = '19' is not a character"),
    ("label-studio", b'[{"data": {"text": "\xff"}}]', r"f\.json: not a Label Studio JSON export \('utf-8' codec"),
    ("prodigy", _prodigy_task(spans=5), r"f\.json:1: spans = 5 is not a list"),
    ("prodigy", _prodigy_task(spans=[5]), r"f\.json:1: spans\[0\] = 5 is not an object"),
    ("prodigy", _prodigy_task({"start": "abc"}), r"f\.json:1: spans\[0\]\.start = 'abc' is not a character offset"),
    ("prodigy", _prodigy_task({"start": None}), r"spans\[0\]\.start = None is not a character offset"),
    ("prodigy", _prodigy_task({"end": 13.0}), r"spans\[0\]\.end = 13\.0 is not a character offset"),
    ("prodigy", _prodigy_task({"end": False}), r"spans\[0\]\.end = False is not a character offset"),
    ("prodigy", _prodigy_task(sentences=[5]), r"f\.json:1: sentences\[0\] = 5 is not a \[start, end\] pair"),
    ("prodigy", b"\n" + _prodigy_task() + b'{"text": "caf\xe9"}\n', r"f\.json:3: not UTF-8 \(byte 0xe9\)"),
])
def test_exports_gold_malformed_annotations_are_one_line_naming_file_and_task(tmp_path, fmt, content, message):
    """Regression: each of these was a traceback (TypeError, ValueError, UnicodeDecodeError:
    exit 1), or, for float and boolean offsets, read as the number int() makes of them."""
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(AnnotationFormatError, match=message) as caught:
        import_gold(fmt, tmp_path / "f.json", tmp_path / "gold")
    assert "\n" not in str(caught.value) and not (tmp_path / "gold").exists()


def test_exports_gold_malformed_annotations_exit_3_through_the_cli(tmp_path):
    (tmp_path / "p.jsonl").write_bytes(_prodigy_task({"start": "abc"}))
    result = CliRunner().invoke(app, ["import-gold", "--format", "prodigy", str(tmp_path / "p.jsonl"), str(tmp_path / "g")])
    assert result.exit_code == InputError.exit_code and "Traceback" not in result.output
    assert result.output.startswith("error:") and "p.jsonl:1: spans[0].start = 'abc'" in result.output


@pytest.mark.parametrize("fmt, content, message", [
    ("label-studio", _ls_task(data={"sentences": [[0, 999]]}), r"task 0 \(id 7\): sentence 0 \[0, 999\) is not a span of "
                                                                r"the text of 'd' \(0 <= start < end <= 19\)"),
    ("label-studio", _ls_task(data={"sentences": [[5, 2]]}), r"sentence 0 \[5, 2\) is not a span of the text"),
    ("label-studio", _ls_task(data={"title": 123}), r"task 0 \(id 7\): title = 123 is not a string \(or null\)"),
    ("label-studio", _ls_task(value={"labels": ["GREETING"]}), r"task 0 \(id 7\): entity region \[10, 13\) has the unknown "
                                                               r"label 'GREETING'; entity labels: PERSON, ORG, "),
    ("label-studio", _ls_task(result=[{"id": "q", "from_name": "quote", "to_name": "text", "type": "labels",
                                       "value": {"start": 0, "end": 8, "labels": ["PERSON"]}}]),
     r"quote region \[0, 8\) has the unknown label 'PERSON'; quote labels: direct, indirect"),
    ("prodigy", _prodigy_task(meta={"doc_id": "d", "title": ["x"]}), r"f\.json:1: title = \['x'\] is not a string"),
    ("prodigy", _prodigy_task({"canonical": {"a": 1}}), r"f\.json:1: entity region \[10, 13\) canonical = \{'a': 1\} is "
                                                        r"not a string \(or null\)"),
    ("prodigy", _prodigy_task({"start": 0, "end": 8, "label": "QUOTE_DIRECT", "speaker": 123}),
     r"f\.json:1: quote region \[0, 8\) speaker = 123 is not a string"),
    ("prodigy", _prodigy_task(sentences=[[5, 2]]), r"f\.json:1: sentence 0 \[5, 2\) is not a span of the text"),
    # review regression: a check_worthy of the wrong kind was read as bool() first ("false" was True)
    ("prodigy", _prodigy_task({"start": 0, "end": 8, "label": "CLAIM_FACTUAL", "check_worthy": "false"}),
     r"f\.json:1: claim region \[0, 8\) check_worthy = 'false' is not"),
    ("prodigy", _prodigy_task({"end": 99}), r"f\.json:1: entity region \[10, 99\) lies outside the text of 'd'"),
])
def test_exports_gold_import_refuses_what_eval_cannot_read(tmp_path, fmt, content, message):
    """Regression: these were imported into gold folders that `pipeline eval` refused (a
    sentence out of the text or reversed, a title that is no string) or crashed on (a canonical
    name or speaker that is no string: AttributeError in metrics.norm), or, for labels outside
    the layer's set, scored as labels no prediction can have; a region outside the text was
    refused without naming the file."""
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(AnnotationFormatError, match=message) as caught:
        import_gold(fmt, tmp_path / "f.json", tmp_path / "gold")
    assert "\n" not in str(caught.value) and not (tmp_path / "gold").exists()


@pytest.mark.parametrize("fmt, content", [
    ("label-studio", codecs.BOM_UTF8 + _ls_task()),
    ("prodigy", codecs.BOM_UTF8 + _prodigy_task()),
    ("prodigy", codecs.BOM_UTF8 + b"\n" + _prodigy_task()),
    ("label-studio", _ls_task()),  # without one, as before
    ("prodigy", _prodigy_task()),
], ids=["ls-bom", "prodigy-bom", "prodigy-bom-blank-line", "ls", "prodigy"])
def test_exports_gold_utf8_byte_order_mark_is_read(tmp_path, fmt, content):
    """Regression: a UTF-8 byte-order mark at the start of the file (Windows tools save one) made it
    "not a Label Studio JSON export" or its first line "not a JSON line"."""
    (tmp_path / "f.json").write_bytes(content)
    assert import_gold(fmt, tmp_path / "f.json", tmp_path / "gold").documents == 1
    assert [s.text for s in load_gold(tmp_path / "gold").spans["entities"]] == ["Bob"]


@pytest.mark.parametrize("fmt, content, message", [
    ("label-studio", codecs.BOM_UTF8 + b'[{"data": {"text": "\xff"}}]', r"f\.json: not a Label Studio JSON export "
                                                                       r"\('utf-8' codec can't decode byte 0xff in position 20"),
    ("prodigy", codecs.BOM_UTF8 + b"\n" + _prodigy_task() + b'{"text": "caf\xe9"}\n', r"f\.json:3: not UTF-8 \(byte 0xe9\)"),
], ids=["ls", "prodigy"])
def test_exports_gold_after_a_byte_order_mark_errors_name_the_place_in_the_file(tmp_path, fmt, content, message):
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(AnnotationFormatError, match=message):
        import_gold(fmt, tmp_path / "f.json", tmp_path / "gold")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_exports_gold_line_separators_inside_a_text_stay_text(tmp_path, separator):
    """Regression: json.dumps(ensure_ascii=False) leaves U+2028, U+2029 and U+0085 raw inside a
    string, and str.splitlines splits there: the Prodigy reader and the gold loader each
    called such a line "not valid JSON"."""
    text = f"Hi{separator}there, Bob said."
    task = {"text": text, "meta": {"doc_id": "d"}, "answer": "accept", "spans": [{"start": 10, "end": 13, "label": "PERSON"}]}
    (tmp_path / "p.jsonl").write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    import_gold("prodigy", tmp_path / "p.jsonl", tmp_path / "gold")
    gold = load_gold(tmp_path / "gold")
    assert gold.documents["d"].body_lines == (text,)
    assert [(s.text, s.raw_start) for s in gold.spans["entities"]] == [("Bob", 10)]


def test_exports_gold_folder_that_is_a_file_is_one_line(seed_run, tmp_path):
    """Regression: a gold folder that is a file, or under one, was a FileExistsError or
    NotADirectoryError traceback (exit 1)."""
    out, _ = seed_run
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    (tmp_path / "f").write_text("mine")
    for gold in (tmp_path / "f", tmp_path / "f" / "gold"):
        result = CliRunner().invoke(app, ["import-gold", "--format", "prodigy", "--accept-unreviewed", str(path), str(gold)])
        assert result.exit_code == OutputError.exit_code and "Traceback" not in result.output, result.output
        (line,) = result.output.strip().splitlines()
        assert f"error: cannot write the gold folder {gold}: {tmp_path / 'f'} is a file, not a folder" in line
    assert (tmp_path / "f").read_text() == "mine"


@pytest.mark.parametrize("gold, before", [("gold", None), ("new/deeper/gold", None), ("mine", {"notes.txt": "keep"})])
def test_exports_gold_failed_write_leaves_no_half_gold(seed_run, tmp_path, monkeypatch, gold, before):
    """Regression: a write that failed half-way (disk full, read-only) was a traceback and left
    a gold folder with some of its files, which eval then read as a gold set. What the import
    made is removed; what was there before stays."""
    out, _ = seed_run
    path = export(out, "prodigy", tmp_path / "p.jsonl").path
    if before is not None:
        (tmp_path / gold).mkdir()
        for name, text in before.items():
            (tmp_path / gold / name).write_text(text)

    def dumps(record, **options):  # the disk fills up at the first quote: quotes.jsonl is the third gold file
        if "speaker_text" in record:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return json.dumps(record, **options)

    monkeypatch.setattr(annotations_module, "json", SimpleNamespace(dumps=dumps))
    with pytest.raises(OutputError, match=f"cannot write the gold folder {tmp_path / gold}: No space left on device"):
        import_gold("prodigy", path, tmp_path / gold, accept_unreviewed=True)
    if before is None:
        assert not (tmp_path / gold.split("/")[0]).exists()
    else:
        assert {p.name: p.read_text() for p in (tmp_path / gold).iterdir()} == before


def test_exports_gold_annotation_file_that_is_a_folder_says_so(tmp_path):
    """Regression: `import-gold DIR GOLD` said the annotation file "does not exist"."""
    (tmp_path / "exported").mkdir()
    result = CliRunner().invoke(app, ["import-gold", "--format", "label-studio", str(tmp_path / "exported"), str(tmp_path / "g")])
    assert result.exit_code == InputError.exit_code and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    assert f"error: annotation file {tmp_path / 'exported'} is a folder; pass the exported file" in line
