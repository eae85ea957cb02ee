"""The scorer itself, on a tiny hand-made gold set and hand-made tables."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from rich.console import Console

from pipeline.evaluation.evaluate import evaluate, evaluate_tables, print_report, report_as_dict
from pipeline.evaluation.metrics import dice, f1_of
from pipeline.evaluation.gold import load_gold
from pipeline.tables import MissingTableError, empty_frame, write_table

RAW = (
    "Menu Home News\n\n"
    "Short headline about OSCE\n\n"
    "Summary line about the OSCE talks today\n\n"
    "MINSK, July 30. /TASS/. The OSCE met in Vienna. It was a good meeting.\n\n"
    "Talks\n"
    "\"We must talk,\" Igor Sekreta said. The OSCE will survive, he added.\n"
)
BODY = [
    "The OSCE met in Vienna. It was a good meeting.",
    "Talks",
    "\"We must talk,\" Igor Sekreta said. The OSCE will survive, he added.",
]
# what a perfect clean stage produces: body paragraphs joined by a blank line
CLEAN = "\n\n".join(BODY)
SENTENCES = ["The OSCE met in Vienna.", "It was a good meeting.", "Talks",
             "\"We must talk,\" Igor Sekreta said.", "The OSCE will survive, he added."]
# (text, occurrence in the body, label, canonical)
ENTITIES = [("OSCE", 0, "ORG", "OSCE"), ("Vienna", 0, "GPE", "Vienna"),
            ("Igor Sekreta", 0, "PERSON", "Igor Sekreta"), ("OSCE", 1, "ORG", "OSCE")]
QUOTES = [("We must talk,", "direct", "Igor Sekreta"), ("The OSCE will survive", "indirect", "Igor Sekreta")]
CLAIMS = ["factual", "evaluative", None, "prescriptive", "predictive"]
DOC = "d1"


def raw_span(text: str, nth: int = 0, lo: int | None = None) -> dict:
    """Offsets of the nth occurrence of ``text`` in RAW, counted from the body start."""
    pos = RAW.index(BODY[0]) - 1 if lo is None else lo
    for _ in range(nth + 1):
        pos = RAW.index(text, pos + 1)
    return {"doc_id": DOC, "text": text, "raw_start": pos, "raw_end": pos + len(text)}


def at(text: str, needle: str, nth: int = 0, body: bool = True) -> tuple[int, int]:
    """Span of the nth occurrence of ``needle`` in a cleaned text (counted from the body start)."""
    pos = text.index(BODY[0]) - 1 if body else -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path):
    g = tmp_path / "gold"
    g.mkdir()
    write_jsonl(g / "documents.jsonl", [{
        "doc_id": DOC, "title": "Short headline about OSCE", "source": "TASS", "published": None,
        "dateline": "MINSK, July 30. /TASS/.", "body_lines": BODY,
        "body_line_starts": [RAW.index(b) for b in BODY],
        "boilerplate_lines": ["Menu Home News", "Short headline about OSCE"],
        "unscored_lines": ["Summary line about the OSCE talks today"],
        "unscored_line_starts": [RAW.index("Summary line")],
    }])
    write_jsonl(g / "sentences.jsonl", [{**raw_span(s), **({"heading": True} if s == "Talks" else {})} for s in SENTENCES])
    write_jsonl(g / "entities.jsonl", [
        {**raw_span(t, n), "label": lab, "canonical": c} for t, n, lab, c in ENTITIES
    ])
    write_jsonl(g / "quotes.jsonl", [
        {**raw_span(t), "kind": k, "speaker": s, "speaker_text": s, "cue": "said"} for t, k, s in QUOTES
    ])
    write_jsonl(g / "claims.jsonl", [
        {**raw_span(s), "claim_type": c, "speaker": None if c is None or i < 2 else "Igor Sekreta",
         "check_worthy": c == "factual"}
        for i, (s, c) in enumerate(zip(SENTENCES, CLAIMS))
    ])
    return g


def documents(text: str = CLEAN, **fields) -> pd.DataFrame:
    row = {"doc_id": DOC, "path": "d1.txt", "title": "Short headline about OSCE", "source": "TASS",
           "published": None, "dateline": "MINSK, July 30. /TASS/.", "text": text}
    row.update(fields)
    return pd.DataFrame([row])


def perfect_tables(text: str = CLEAN) -> dict[str, pd.DataFrame]:
    sents = [(DOC, i, *at(text, s), s) for i, s in enumerate(SENTENCES)]
    ents = []
    for k, (t, n, lab, c) in enumerate(ENTITIES):
        s, e = at(text, t, n)
        ents.append((DOC, k, 0, s, e, t, lab, c))
    quotes = [(DOC, k, kind, *at(text, t), t, spk) for k, (t, kind, spk) in enumerate(QUOTES)]
    claims = []
    for i, (s, c) in enumerate(zip(SENTENCES, CLAIMS)):
        if c is not None:
            claims.append((DOC, len(claims), i, *at(text, s), s, c, None if i < 2 else "Igor Sekreta", None, c == "factual", 1.0))
    return {
        "documents": documents(text),
        "sentences": pd.DataFrame(sents, columns=["doc_id", "sent_id", "start", "end", "text"]),
        "entities": pd.DataFrame(ents, columns=["doc_id", "ent_id", "sent_id", "start", "end", "text", "label", "canonical"]),
        "quotes": pd.DataFrame(quotes, columns=["doc_id", "quote_id", "kind", "start", "end", "text", "speaker"]),
        "claims": pd.DataFrame(claims, columns=["doc_id", "claim_id", "sent_id", "start", "end", "text", "claim_type",
                                                "speaker", "quote_id", "check_worthy", "confidence"]),
    }


def score(tables, gold_dir):
    return {k: v.metrics for k, v in evaluate_tables(tables, load_gold(gold_dir)).stages.items()}


def test_evaluate_perfect_prediction_scores_one_everywhere(gold_dir):
    m = score(perfect_tables(), gold_dir)
    assert m["clean"]["line_f1"] == 1.0 and m["clean"]["fields_accuracy"] == 1.0
    assert m["sentences"]["f1"] == 1.0
    assert m["entities"]["f1"] == 1.0 and m["entities"]["canonical_accuracy"] == 1.0
    assert m["entities"]["canonical_consistency"] == 1.0
    assert m["quotes"]["f1"] == m["quotes"]["speaker_f1"] == m["quotes"]["direct_f1"] == m["quotes"]["indirect_f1"] == 1.0
    assert m["claims"]["accuracy"] == 1.0 and m["claims"]["macro_f1"] == 1.0 and m["claims"]["check_worthy_f1"] == 1.0


def test_evaluate_missing_sentence_lowers_recall_extra_lowers_precision(gold_dir):
    t = perfect_tables()
    t["sentences"] = t["sentences"].iloc[1:]
    m = score(t, gold_dir)["sentences"]
    assert (m["precision"], m["recall"]) == (1.0, 0.8)
    t = perfect_tables()
    s, e = at(CLEAN, "Igor Sekreta said.")
    extra = pd.DataFrame([(DOC, 9, s, e, "Igor Sekreta said.")], columns=["doc_id", "sent_id", "start", "end", "text"])
    t["sentences"] = pd.concat([t["sentences"], extra])
    m = score(t, gold_dir)["sentences"]
    assert (m["precision"], m["recall"]) == (5 / 6, 1.0)


def test_evaluate_sentence_with_surrounding_whitespace_still_matches(gold_dir):
    t = perfect_tables()
    t["sentences"].loc[1, "end"] += 2  # "It was a good meeting.\n\n"
    assert score(t, gold_dir)["sentences"]["f1"] == 1.0


def test_evaluate_anchors_repeated_strings_in_a_dirty_text(gold_dir):
    """Headline, standfirst and dateline kept: the body's OSCEs still anchor to the body."""
    dirty = ("Short headline about OSCE\n\nSummary line about the OSCE talks today\n\n"
             "MINSK, July 30. /TASS/. " + "\n".join(BODY))
    t = perfect_tables(dirty)
    hs, he = at(dirty, "OSCE", 0, body=False)  # in the kept headline: a wrong entity
    ss, se = at(dirty, "OSCE", 1, body=False)  # in the standfirst: not scored either way
    more = pd.DataFrame([(DOC, 8, 0, hs, he, "OSCE", "ORG", "OSCE"), (DOC, 9, 0, ss, se, "OSCE", "ORG", "OSCE")],
                        columns=t["entities"].columns)
    t["entities"] = pd.concat([t["entities"], more])
    m = score(t, gold_dir)
    assert m["clean"]["line_recall"] == 1.0
    assert m["clean"]["line_precision"] == 3 / 5  # headline and dateline kept
    assert m["entities"]["recall"] == 1.0 and m["entities"]["precision"] == 4 / 5
    assert m["sentences"]["f1"] == 1.0


def test_evaluate_dropped_paragraph_is_missed_everywhere(gold_dir):
    text = "\n\n".join(BODY[:2])
    t = perfect_tables()
    t["documents"] = documents(text)
    keep = lambda df: df[df["end"] <= len(text)]  # noqa: E731
    for name in ("sentences", "entities", "quotes", "claims"):
        t[name] = keep(t[name])
    m = score(t, gold_dir)
    assert m["clean"]["line_recall"] == 2 / 3
    assert m["sentences"]["recall"] == 3 / 5 and m["sentences"]["precision"] == 1.0
    assert m["quotes"]["recall"] == 0.0


def test_evaluate_entity_label_error_counts_only_in_strict(gold_dir):
    t = perfect_tables()
    t["entities"].loc[1, "label"] = "LOC"
    m = score(t, gold_dir)["entities"]
    assert m["span_f1"] == 1.0
    assert m["precision"] == m["recall"] == 3 / 4
    assert m["f1[GPE]"] == 0.0 and m["f1[PERSON]"] == 1.0


def test_evaluate_entity_canonical_accuracy_and_consistency(gold_dir):
    t = perfect_tables()
    t["entities"].loc[3, "canonical"] = "Organization for Security and Co-operation in Europe"
    m = score(t, gold_dir)["entities"]
    assert m["canonical_accuracy"] == 3 / 4
    assert m["canonical_consistency"] == 0.0  # the one multi-mention entity got two names


def test_evaluate_entity_alternatives_and_optional(gold_dir):
    rows = [json.loads(l) for l in (gold_dir / "entities.jsonl").read_text().splitlines()]
    rows[1]["alt_labels"] = ["LOC"]
    rows[2]["alt_spans"] = [raw_span("Sekreta")]
    rows.append({**raw_span("Talks"), "label": "EVENT", "canonical": "Talks", "optional": True})
    rows.sort(key=lambda r: r["raw_start"])
    write_jsonl(gold_dir / "entities.jsonl", rows)
    t = perfect_tables()
    t["entities"].loc[1, "label"] = "LOC"
    s, e = at(CLEAN, "Sekreta")
    t["entities"].loc[2, ["start", "end", "text"]] = [s, e, "Sekreta"]
    s, e = at(CLEAN, "Talks")
    extra = pd.DataFrame([(DOC, 9, 0, s, e, "Talks", "ORG", "Talks")], columns=t["entities"].columns)
    t["entities"] = pd.concat([t["entities"], extra])
    m = score(t, gold_dir)["entities"]
    assert m["precision"] == m["recall"] == 1.0  # optional "Talks" ignored whatever its label
    t["entities"] = t["entities"].iloc[:3]  # the optional one and an OSCE gone
    m = score(t, gold_dir)["entities"]
    assert m["recall"] == 3 / 4 and m["precision"] == 1.0


@pytest.mark.parametrize(("gold_tokens", "pred_tokens", "expected"), [
    ({1, 2, 3, 4}, {1, 2, 3}, 6 / 7),
    ({1, 2, 3, 4}, {4, 5, 6, 7, 8, 9}, 0.2),
    ({1, 2}, set(), 0.0),
])
def test_evaluate_dice(gold_tokens, pred_tokens, expected):
    assert dice(frozenset(gold_tokens), frozenset(pred_tokens)) == pytest.approx(expected)


def test_evaluate_quotes_token_overlap_and_speaker(gold_dir):
    t = perfect_tables()
    q = t["quotes"]
    s, e = at(CLEAN, "The OSCE will")  # 3 of 4 tokens: Dice 6/7 -> still a match
    q.loc[1, ["start", "end", "text"]] = [s, e, "The OSCE will"]
    q.loc[0, "speaker"] = "Sekreta"  # not the canonical name
    m = score(t, gold_dir)["quotes"]
    assert m["f1"] == 1.0 and m["direct_f1"] == 1.0
    assert m["speaker_f1"] == 0.5 and m["direct_speaker_f1"] == 0.0 and m["indirect_speaker_f1"] == 1.0
    assert m["speaker_accuracy"] == 0.5
    s, e = at(CLEAN, "survive")  # 1 of 4 tokens: Dice 0.4 -> a miss and a false alarm
    q.loc[1, ["start", "end", "text"]] = [s, e, "survive"]
    m = score(t, gold_dir)["quotes"]
    assert m["indirect_precision"] == m["indirect_recall"] == 0.0


def test_evaluate_quote_of_wrong_kind_is_scored_per_kind(gold_dir):
    t = perfect_tables()
    t["quotes"].loc[1, "kind"] = "direct"
    m = score(t, gold_dir)["quotes"]
    assert m["f1"] == 1.0 and m["kind_accuracy"] == 0.5
    assert m["indirect_recall"] == 0.0 and m["direct_precision"] == 0.5


def test_evaluate_claims_precedence_no_claim_and_macro(gold_dir):
    t = perfect_tables()
    c = t["claims"]
    # a second, factual row on the prescriptive sentence: prescriptive still wins
    extra = c.iloc[[2]].assign(claim_id=9, claim_type="factual")
    c = pd.concat([c, extra])
    # the predictive sentence loses its row: no-claim
    c = c[c["claim_type"] != "predictive"]
    # a claim row on the heading: a claim where gold has none
    s, e = at(CLEAN, "Talks")
    c = pd.concat([c, c.iloc[[0]].assign(claim_id=10, sent_id=2, start=s, end=e, text="Talks", claim_type="evaluative")])
    t["claims"] = c
    m = score(t, gold_dir)["claims"]
    assert m["accuracy"] == 3 / 5
    assert m["prescriptive_f1"] == 1.0 and m["predictive_recall"] == 0.0
    assert m["no-claim_recall"] == 0.0 and m["no-claim_precision"] == 0.0
    assert m["evaluative_precision"] == 0.5
    assert m["macro_f1"] == pytest.approx((1 + 2 / 3 + 1 + 0 + 0) / 5)


def test_evaluate_alt_claim_type_counts_as_correct(gold_dir):
    rows = [json.loads(l) for l in (gold_dir / "claims.jsonl").read_text().splitlines()]
    rows[1]["alt_claim_types"] = ["factual"]
    write_jsonl(gold_dir / "claims.jsonl", rows)
    t = perfect_tables()
    t["claims"].loc[1, "claim_type"] = "factual"
    assert score(t, gold_dir)["claims"]["accuracy"] == 1.0


def test_evaluate_missing_gold_and_empty_tables_do_not_crash(gold_dir):
    (gold_dir / "quotes.jsonl").unlink()
    t = perfect_tables()
    t["entities"] = empty_frame("entities")
    t["claims"] = None
    report = evaluate_tables(t, load_gold(gold_dir))
    assert report.stages["quotes"].status == "no gold"
    assert report.stages["entities"].metrics["f1"] == 0.0
    assert report.stages["claims"].status == "no table"
    assert report.stages["claims"].metrics["accuracy"] == 1 / 5  # only the heading: no claim
    console = Console(record=True, width=120)
    print_report(report, console)
    out = console.export_text()
    assert "quotes: no gold" in out and "sentences" in out
    json.dumps(report_as_dict(report))


def test_evaluate_without_documents_table_names_the_stage_to_run(gold_dir):
    with pytest.raises(MissingTableError, match="pipeline run clean"):
        evaluate_tables({"documents": None}, load_gold(gold_dir))


def test_evaluate_reads_tables_from_an_out_folder(gold_dir, tmp_path):
    out = tmp_path / "out"
    t = perfect_tables()
    write_table(t["documents"], out, "documents")
    write_table(t["sentences"], out, "sentences")
    report = evaluate(out, gold_dir=gold_dir)
    assert report.stages["sentences"].metrics["f1"] == 1.0
    assert report.stages["entities"].status == "no table"


def test_evaluate_field_errors_lower_field_accuracy(gold_dir):
    t = perfect_tables()
    t["documents"] = documents(title=None, source="BelTA", dateline="MINSK, July 30. /TASS/")
    m = score(t, gold_dir)["clean"]
    assert m["title_accuracy"] == 0.0 and m["source_accuracy"] == 0.0
    assert m["dateline_accuracy"] == 1.0  # a missing trailing dot is not a different dateline
    assert m["fields_accuracy"] == 2 / 4


def test_evaluate_optional_quote_neither_missed_nor_false_alarm(gold_dir):
    rows = [json.loads(l) for l in (gold_dir / "quotes.jsonl").read_text().splitlines()]
    rows[1]["optional"] = True
    write_jsonl(gold_dir / "quotes.jsonl", rows)
    t = perfect_tables()
    m = score(t, gold_dir)["quotes"]
    assert m["precision"] == m["recall"] == 1.0 and m["indirect_precision"] is None  # nothing required of that kind
    t["quotes"] = t["quotes"].iloc[:1]
    m = score(t, gold_dir)["quotes"]
    assert m["precision"] == m["recall"] == 1.0


def test_evaluate_heading_glued_to_the_next_sentence(gold_dir):
    t = perfect_tables()
    assert score(t, gold_dir)["sentences"]["heading_accuracy"] == 1.0
    s = t["sentences"]
    s.loc[2, "end"] = s.loc[3, "end"]  # "Talks\n\n\"We must talk,\" Igor Sekreta said."
    t["sentences"] = s.drop(index=3)
    m = score(t, gold_dir)["sentences"]
    assert m["heading_accuracy"] == 0.0
    assert (m["precision"], m["recall"]) == (4 / 4 - 1 / 4, 3 / 5)


def test_evaluate_prediction_in_a_gold_document_without_spans_is_a_false_alarm(gold_dir):
    """A gold document with no quote (or entity) of its own still counts: an annotator who
    deleted every wrong quote of an article is credited for it. (Regression: documents
    without gold spans of a stage were left out, so all their predictions went unscored.)"""
    text = "Markets were calm on Monday. Prices held."
    raw = f"Calm day\n\n{text}\n"
    docs = [json.loads(line) for line in (gold_dir / "documents.jsonl").read_text().splitlines()]
    docs.append({"doc_id": "d2", "title": "Calm day", "source": None, "published": None, "dateline": None,
                 "body_lines": [text], "body_line_starts": [raw.index(text)], "boilerplate_lines": ["Calm day"]})
    write_jsonl(gold_dir / "documents.jsonl", docs)
    t = perfect_tables()
    t["documents"] = pd.concat([t["documents"], documents(text, doc_id="d2", path="d2.txt", title="Calm day",
                                                          source=None, dateline=None)], ignore_index=True)
    m = score(t, gold_dir)
    assert m["quotes"]["precision"] == m["entities"]["precision"] == 1.0
    s, e = at(text, "Prices held", body=False)
    t["quotes"] = pd.concat([t["quotes"], pd.DataFrame([("d2", 0, "indirect", s, e, "Prices held", "Markets")],
                                                       columns=t["quotes"].columns)], ignore_index=True)
    s, e = at(text, "Monday", body=False)
    t["entities"] = pd.concat([t["entities"], pd.DataFrame([("d2", 0, 0, s, e, "Monday", "DATE", "Monday")],
                                                           columns=t["entities"].columns)], ignore_index=True)
    m = score(t, gold_dir)
    assert (m["quotes"]["precision"], m["quotes"]["recall"]) == (2 / 3, 1.0)
    assert (m["entities"]["precision"], m["entities"]["recall"]) == (0.8, 1.0)


def test_evaluate_figure_with_nothing_to_count_is_undefined_not_zero(gold_dir):
    """A stage with nothing to find and nothing found has no precision, recall or F1 (n/a, null in
    JSON), nor an accuracy over no items; it printed 0.000 on every line (regression)."""
    for name in ("quotes", "entities"):
        write_jsonl(gold_dir / f"{name}.jsonl", [])
    t = perfect_tables()
    t["quotes"], t["entities"] = t["quotes"].iloc[:0], t["entities"].iloc[:0]
    report = evaluate_tables(t, load_gold(gold_dir))
    m = report.stages["quotes"].metrics
    assert m["precision"] is m["recall"] is m["f1"] is m["speaker_accuracy"] is None
    assert report.stages["entities"].metrics["canonical_accuracy"] is None
    console = Console(record=True, width=160)
    print_report(report, console)
    printed = console.export_text()
    quotes_table = printed.split("quotes (quotes)")[1].split("claims (claims)")[0]
    assert "n/a" in quotes_table and "0.000" not in quotes_table
    rows = report_as_dict(report)["stages"]["quotes"]["rows"]
    assert rows[0]["precision"] is None and json.loads(json.dumps(rows))[0]["f1"] is None
    # one gold quote missed: recall 0 and F1 0, precision still undefined
    write_jsonl(gold_dir / "quotes.jsonl", [{**raw_span(QUOTES[0][0]), "kind": "direct", "speaker": "Igor Sekreta"}])
    m = evaluate_tables(t, load_gold(gold_dir)).stages["quotes"].metrics
    assert (m["precision"], m["recall"], m["f1"]) == (None, 0.0, 0.0)


@pytest.mark.parametrize("p, r, f1", [
    (None, None, None), (None, 0.0, 0.0), (0.0, None, 0.0),  # nothing at all; all missed; all false alarms
    (1.0, None, None), (None, 0.5, None),  # review regression: a defined figure beside an undefined one gave 0
    (1.0, 0.5, 2 / 3),
])
def test_evaluate_f1_of_undefined_figures(p, r, f1):
    assert f1_of(p, r) == f1
