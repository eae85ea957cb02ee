"""Cue patterns on hand-built parses: one table of hard cases per claim type,
including sentences that must yield no cue and sentences that assert nothing."""
from __future__ import annotations

import pytest

from pipeline.stages.claims.cues import (PREDICTIVE, PRESCRIPTIVE, best_cue, content_span, evaluative_frame,
                                 evaluative_predicate, find_cues, has_proposition, is_question)
from tests.claims_fixtures import CASES, EVALUATIVE_PREDICATE_CASES, MISTAGGED_MAIN_VERB, build_doc


def _ids(cases):
    return [f"{exp}:{frozen.split(' ', 6)[:6][-1].split('|')[0]}-{i}" for i, (exp, frozen, _) in enumerate(cases)]


CUE_TYPED = [c for c in CASES if c[0] in (PRESCRIPTIVE, PREDICTIVE)]
NO_CUE = [c for c in CASES if c[0] in ("factual", "evaluative")]
NO_CLAIM = [c for c in CASES if c[0] is None]


def _span(nlp, frozen, ents):
    doc = build_doc(nlp.vocab, [(frozen, ents)])
    return doc[:]


@pytest.mark.parametrize("expected,frozen,ents", CUE_TYPED, ids=_ids(CUE_TYPED))
def test_claim_cues_type_by_pattern(nlp, expected, frozen, ents):
    span = _span(nlp, frozen, ents)
    cue = best_cue(find_cues(span))
    assert cue is not None, f"no cue found in {span.text!r}"
    assert cue.claim_type == expected, f"{span.text!r}: {cue}"
    assert 0.0 < cue.confidence <= 1.0


@pytest.mark.parametrize("expected,frozen,ents", NO_CUE, ids=_ids(NO_CUE))
def test_claim_cues_none_in_factual_and_evaluative(nlp, expected, frozen, ents):
    """Past proposals, nouns like 'invitation', 'can', and modals in relative clauses are no cues."""
    span = _span(nlp, frozen, ents)
    assert best_cue(find_cues(span)) is None, f"{span.text!r}: {find_cues(span)}"
    assert has_proposition(span) and not is_question(span)


@pytest.mark.parametrize("expected,frozen,ents", NO_CLAIM, ids=_ids(NO_CLAIM))
def test_claim_cues_no_proposition(nlp, expected, frozen, ents):
    span = _span(nlp, frozen, ents)
    content = content_span(span)
    assert is_question(span) or not has_proposition(span) or not has_proposition(content), span.text


def test_claim_cues_prescriptive_beats_predictive(nlp):
    """'We must agree so that it will end.' has both cues; prescriptive wins (docs/guidelines.md §5 order)."""
    frozen = ("We|PRP|PRON|we|nsubj|2|1 must|MD|AUX|must|aux|2|1 agree|VB|VERB|agree|ROOT|2|1 "
              "so|IN|SCONJ|so|mark|7|1 that|IN|SCONJ|that|mark|7|1 it|PRP|PRON|it|nsubj|7|1 "
              "will|MD|AUX|will|aux|7|1 end|VB|VERB|end|advcl|2|0 .|.|PUNCT|.|punct|2|0")
    cues = find_cues(build_doc(nlp.vocab, [(frozen, [])])[:])
    assert {c.claim_type for c in cues} == {PRESCRIPTIVE, PREDICTIVE}
    assert best_cue(cues).claim_type == PRESCRIPTIVE


def test_claim_cues_content_of_reported_speech(nlp):
    """A reported claim is typed by its content: the frame 'Sekreta acknowledged that' is dropped."""
    exp, frozen, ents = next(c for c in CASES if c[1].startswith("Sekreta|NNP|PROPN|Sekreta|nsubj|1|1 acknowledged"))
    span = _span(nlp, frozen, ents)
    assert content_span(span).text.startswith("the OSCE remains the only forum")


def test_claim_cues_evaluative_frame(nlp):
    exp, frozen, ents = next(c for c in CASES if " criticized|" in c[1])
    assert evaluative_frame(_span(nlp, frozen, ents))
    exp, frozen, ents = next(c for c in CASES if c[1].startswith("Sekreta|NNP|PROPN|Sekreta|nsubj|1|1 acknowledged"))
    assert not evaluative_frame(_span(nlp, frozen, ents))


def test_claim_cues_modifier_clause_stops_at_top(nlp):
    """Regression: spaCy creates Token objects on access, so comparing tokens with
    ``is`` never matched and the walk ignored ``top`` (and always ran 50 steps)."""
    from pipeline.stages.claims.cues import in_modifier_clause

    exp, frozen, ents = next(c for c in CASES if c[1].startswith("We|PRP|PRON|we|nsubj|2|1 are|VBP|AUX|be|aux|2|1 working"))
    doc = build_doc(nlp.vocab, [(frozen, ents)])
    will = next(t for t in doc if t.text == "will")
    ensure = next(t for t in doc if t.text == "ensure")
    assert ensure.dep_ == "relcl"
    assert in_modifier_clause(will)
    assert not in_modifier_clause(will, top=ensure)


@pytest.mark.parametrize("expected,frozen,ents", EVALUATIVE_PREDICATE_CASES,
                         ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(EVALUATIVE_PREDICATE_CASES)])
def test_claim_cues_evaluative_predicate(nlp, expected, frozen, ents):
    """Judgment as the predicate (incl. an adverbial clause, or a judging noun) is evaluative;
    a graded verb ('has significantly diminished') or a superlative fact is not."""
    assert evaluative_predicate(_span(nlp, frozen, ents)) is expected


@pytest.mark.parametrize("expected,frozen", MISTAGGED_MAIN_VERB,
                         ids=[f"{exp}:{frozen.split(' ', 1)[0].split('|')[0]}-{i}"
                              for i, (exp, frozen) in enumerate(MISTAGGED_MAIN_VERB)])
def test_claim_cues_proposition_with_a_mistagged_main_verb(nlp, expected, frozen):
    """A root verb tagged VB or VBN (or a verb the parser made a noun) with its own
    subject asserts something; participles, infinitives and unpunctuated lines do not."""
    assert has_proposition(_span(nlp, frozen, [])) is expected
