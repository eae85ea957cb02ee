"""The claims stage end to end on hand-built parses: one row per claim-bearing
sentence, none for questions, fragments and headings; speaker and quote_id
joined from the quotes table; the table contract; determinism."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.errors import ErrorLog
from pipeline.schemas import CLAIM_TYPES
from pipeline.stages.claims.cues import cue_precision
from pipeline.stages.claims.model import ClaimScores, load_model
from pipeline.stages.claims.stage import (Candidate, DocArrays, claim_candidates, classify_claims, decide,
                                         sentence_candidate)
from pipeline.tables import empty_frame, to_arrow
from tests.claims_fixtures import CASES, build_doc


def _case(prefix: str):
    matches = [c for c in CASES if c[1].startswith(prefix)]
    assert len(matches) == 1, prefix
    return matches[0]


CALL_ON = _case("We|PRP|PRON|we|nsubj|1|1 call|")
READY = _case("Belarus|NNP|PROPN|Belarus|nsubj|1|1 is|VBZ|AUX|be|ROOT|1|1 ready|")
COULD = _case("It|PRP|PRON|it|nsubj|2|1 could|")
MEMBER = _case("The|DT|DET|the|det|1|1 Republic|")
ACKNOWLEDGED = _case("Sekreta|NNP|PROPN|Sekreta|nsubj|1|1 acknowledged|")
CRITICIZED = _case("He|PRP|PRON|he|nsubj|2|1 also|RB|ADV|also|advmod|2|1 criticized|")
QUESTION = _case("What|")
FRAGMENT = _case("[|")
NP_QUOTE = _case('"|``|PUNCT|"|punct|16|0 An|')

# sentence order in the test document, and what each must yield
ORDER = [CALL_ON, QUESTION, COULD, MEMBER, READY, FRAGMENT, ACKNOWLEDGED, CRITICIZED, NP_QUOTE]
EXPECTED = {0: "prescriptive", 2: "predictive", 3: "factual", 6: "factual", 7: "evaluative"}
HEADING_SENT = 4  # READY flagged as a heading: a heading never yields a claim, whatever it says


@pytest.fixture(scope="module")
def doc_tables(nlp):
    doc = build_doc(nlp.vocab, [(frozen, ents) for _, frozen, ents in ORDER])
    sents = list(doc.sents)
    assert len(sents) == len(ORDER)
    documents = pd.DataFrame({"doc_id": ["d1"], "path": ["d1.txt"], "text": [doc.text]})
    sentences = pd.DataFrame({
        "doc_id": "d1", "sent_id": range(len(sents)), "start": [s.start_char for s in sents],
        "end": [s.end_char for s in sents], "text": [s.text for s in sents],
        "is_heading": [i == HEADING_SENT for i in range(len(sents))],
    })
    call, ack = sents[0], sents[6]
    ack_content = doc.text.index("the OSCE remains")
    quotes = pd.DataFrame({
        "doc_id": ["d1", "d1"], "quote_id": [7, 8], "kind": ["direct", "indirect"],
        "start": [call.start_char, ack_content], "end": [call.end_char - 1, ack.end_char - 1],
        "text": [doc.text[call.start_char:call.end_char - 1], doc.text[ack_content:ack.end_char - 1]],
        "speaker": ["Maxim Ryzhenkov", "Igor Sekreta"], "speaker_text": ["he", "Sekreta"], "cue": [None, "acknowledged"],
    })
    return documents, sentences, quotes, {"d1": doc}


def _run(doc_tables, quotes=None):
    documents, sentences, q, docs = doc_tables
    errors = ErrorLog()
    out = classify_claims(documents, sentences, q if quotes is None else quotes, docs, errors)
    assert not errors.records, errors.records
    return out


def test_claims_stage_types_per_sentence(doc_tables):
    out = _run(doc_tables).set_index("sent_id")
    got = dict(zip(out.index, out["claim_type"]))
    assert got == EXPECTED


@pytest.mark.parametrize("sent_id,why", [(1, "question"), (4, "heading"), (5, "fragment"), (8, "quoted noun phrase")])
def test_claims_stage_no_row(doc_tables, sent_id, why):
    out = _run(doc_tables)
    assert sent_id not in set(out["sent_id"]), why


def test_claims_stage_speaker_and_quote_id_from_quotes(doc_tables):
    out = _run(doc_tables).set_index("sent_id")
    assert out.loc[0, "speaker"] == "Maxim Ryzhenkov" and out.loc[0, "quote_id"] == 7
    # reported speech: typed by its content (factual) and attributed to the reporter's source
    assert out.loc[6, "speaker"] == "Igor Sekreta" and out.loc[6, "quote_id"] == 8
    assert out.loc[6, "claim_type"] == "factual"
    # asserted by the publication itself: no speaker, no quote
    assert pd.isna(out.loc[3, "speaker"]) and pd.isna(out.loc[3, "quote_id"])
    # "He also criticized ..." outside any quote: the nearest earlier quote's speaker, no quote id
    assert out.loc[7, "speaker"] == "Igor Sekreta" and pd.isna(out.loc[7, "quote_id"])


def test_claims_stage_model_reads_the_content_without_the_frame(doc_tables):
    """Type and check-worthiness go with the asserted content (docs/guidelines.md §5.6, §5.7):
    the model reads the quoted part of a sentence, not "Sekreta acknowledged that"."""
    documents, sentences, quotes, docs = doc_tables
    cands = {c.sent_id: c for c in claim_candidates(documents, sentences, quotes, docs, ErrorLog())}
    ack = cands[6]
    assert ack.content.startswith("the OSCE remains the only forum") and "acknowledged" not in ack.content
    a = docs["d1"].text.index(ack.content)
    assert ack.content_tags == tuple(t.tag_ for t in docs["d1"].char_span(a, a + len(ack.content), alignment_mode="expand"))
    member = cands[3]  # no quote, no reporting frame: the content is the sentence
    assert member.content == member.text and len(member.content_tags) == len(docs["d1"].char_span(
        member.start, member.end, alignment_mode="expand"))


def test_claims_stage_document_text_read_once_per_document(doc_tables):
    """Regression: the content was cut from ``Doc.text``, which joins every token on each
    access, once per sentence (quadratic in a long document: 850 CPU us per sentence on
    PolNeAR dev); it is cut from the text ``DocArrays`` reads once per document."""
    _, sentences, _, docs = doc_tables
    doc = docs["d1"]
    arrays = DocArrays(doc)
    assert arrays.text == doc.text
    arrays.text = arrays.text.upper()  # the same offsets, other characters: shows which text is cut
    row = sentences[(sentences["doc_id"] == "d1") & (sentences["sent_id"] == 3)].iloc[0]
    cand = sentence_candidate("d1", 3, int(row["start"]), int(row["end"]), row["text"], doc, None, arrays=arrays)
    assert cand.content == row["text"].upper()


def test_claims_stage_without_quotes_has_null_speakers(doc_tables):
    out = _run(doc_tables, quotes=empty_frame("quotes"))
    assert len(out) == len(EXPECTED)
    assert out["speaker"].isna().all() and out["quote_id"].isna().all()


def test_claims_stage_contract_offsets_and_ranges(doc_tables):
    documents = doc_tables[0]
    out = _run(doc_tables)
    to_arrow(out, "claims")  # raises on a contract violation
    text = documents.loc[0, "text"]
    for r in out.itertuples():
        assert text[r.start:r.end] == r.text
    assert set(out["claim_type"]) <= set(CLAIM_TYPES)
    assert out["confidence"].between(0.0, 1.0).all()
    assert out["check_worthy_score"].between(0.0, 1.0).all()
    assert list(out["claim_id"]) == list(range(len(out)))
    # the flag is the score at the model's threshold, for every claim type (docs/guidelines.md §5.7)
    threshold = load_model().thresholds["checkworthy"]
    assert (out["check_worthy"] == (out["check_worthy_score"] >= threshold)).all()
    # a membership with a date is the textbook check-worthy fact
    assert bool(out.set_index("sent_id").loc[3, "check_worthy"])


def test_claims_stage_deterministic(doc_tables):
    pd.testing.assert_frame_equal(_run(doc_tables), _run(doc_tables))


def test_claims_stage_empty_input(doc_tables):
    documents, sentences, quotes, docs = doc_tables
    out = classify_claims(documents, sentences.iloc[0:0], quotes, docs, ErrorLog())
    assert len(out) == 0
    to_arrow(out, "claims")


def test_claims_stage_missing_doc_is_skipped(doc_tables):
    documents, sentences, quotes, _ = doc_tables
    out = classify_claims(documents, sentences, quotes, {}, ErrorLog())
    assert len(out) == 0


def test_claims_stage_failed_document_is_recorded_and_run_goes_on(doc_tables):
    """A document whose rows break the stage (here: a quote row without an id) is logged
    in errors with its path; the other documents still get their claims."""
    documents, sentences, quotes, docs = doc_tables
    documents2 = pd.concat([documents, documents.assign(doc_id="d2", path="d2.txt")], ignore_index=True)
    sentences2 = pd.concat([sentences, sentences.assign(doc_id="d2")], ignore_index=True)
    bad = quotes.assign(doc_id="d2").drop(columns=["quote_id"])
    quotes2 = pd.concat([quotes, bad], ignore_index=True)  # d2's quote ids become NaN
    errors = ErrorLog()
    out = classify_claims(documents2, sentences2, quotes2, {"d1": docs["d1"], "d2": docs["d1"]}, errors)
    assert set(out["doc_id"]) == {"d1"}
    assert [(r.doc_id, r.path, r.stage) for r in errors.records] == [("d2", "d2.txt", "claims")]


@pytest.mark.parametrize("prefix,claim_type,worthy", [
    # docs/guidelines.md §5.7's own examples: a membership with a date is check-worthy; a
    # call with no checkable core is not (the model decides both, whatever the type)
    ("The|DT|DET|the|det|1|1 Republic|", "factual", True),
    ("We|PRP|PRON|we|nsubj|1|1 call|", "prescriptive", False),
])
def test_claims_stage_check_worthy_by_content(nlp, prefix, claim_type, worthy):
    _, frozen, ents = _case(prefix)
    doc = build_doc(nlp.vocab, [(frozen, ents)])
    documents = pd.DataFrame({"doc_id": ["d"], "path": ["d.txt"], "text": [doc.text]})
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [len(doc.text)],
                              "text": [doc.text], "is_heading": [False]})
    out = classify_claims(documents, sentences, empty_frame("quotes"), {"d": doc}, ErrorLog())
    assert list(out["claim_type"]) == [claim_type]
    assert bool(out["check_worthy"].iloc[0]) is worthy


class _FixedScores:
    """A stand-in for the claim model: fixed calibrated scores per candidate."""

    thresholds = {"nonfactual": 0.4, "checkworthy": 0.3}

    def __init__(self, nonfactual, checkworthy):
        self.proba = np.column_stack([nonfactual, checkworthy])

    def predict_proba(self, texts, tags):
        assert len(texts) == len(tags) == len(self.proba)
        return ClaimScores(("nonfactual", "checkworthy"), self.proba)


def _candidate(k, cue_type=None, evaluative_cue=False):
    return Candidate("d", k, 10 * k, 10 * k + 5, "text.", "text.", ("NN", "."), cue_type, evaluative_cue, None, None)


@pytest.mark.parametrize("cue_type,evaluative_cue,p_nonfactual,p_check,claim_type,confidence,worthy", [
    # check-worthiness follows the score whatever decided the type (docs/guidelines.md §5.7)
    ("prescriptive", False, 0.9, 0.9, "prescriptive", "cue", True),
    ("predictive", False, 0.1, 0.05, "predictive", "cue", False),
    (None, True, 0.1, 0.8, "evaluative", "cue", True),
    # where the model types the claim, confidence is its calibrated probability of that type
    (None, False, 0.7, 0.2, "evaluative", 0.7, False),
    (None, False, 0.1, 0.3, "factual", 0.9, True),      # the threshold itself counts as reached
    (None, False, 0.4, 0.29, "evaluative", 0.4, False),
])
def test_claims_stage_decide_by_content_whatever_the_type(cue_type, evaluative_cue, p_nonfactual, p_check, claim_type,
                                                           confidence, worthy):
    out = decide([_candidate(0, cue_type, evaluative_cue)], _FixedScores([p_nonfactual], [p_check]))
    row = out.iloc[0]
    assert row["claim_type"] == claim_type
    want = cue_precision()[claim_type] if confidence == "cue" else confidence
    assert row["confidence"] == pytest.approx(want)
    assert row["check_worthy_score"] == pytest.approx(p_check)
    assert bool(row["check_worthy"]) is worthy
    to_arrow(out, "claims")


@pytest.mark.parametrize("sentence, claim", [
    # a sentence that only introduces a list, or a heading in capitals, asserts nothing (BBC)
    ("The proposals include:", False),
    ("Judge Rand Rubin said she must:", False),
    ("TOO FAST TOO FURIOUS (DIGITAL BRIDGES)", False),
    # a sentence in capitals that ends like one is wire copy: it stays
    ("THE PRESIDENT SAID THE ECONOMY WAS GROWING FAST.", True),
    # ... the same words going on to say something do
    ("The proposals include a new tax on aviation fuel.", True),
    ("The UN said the talks would resume in Vienna.", True),
])
def test_claims_stage_list_intro_and_capital_heading_yield_nothing(nlp, sentence, claim):
    doc = nlp(sentence)
    got = sentence_candidate("d", 0, 0, len(sentence), sentence, doc, None)
    assert (got is not None) is claim
