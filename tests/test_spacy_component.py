"""``nlp.add_pipe("claimex")`` on a plain ``spacy.load`` of the model: the span
groups hold what ``run all`` finds, as spans with the table columns as
extensions, and displaCy's span view renders them."""
from __future__ import annotations

import importlib.metadata

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin, Span

import pipeline
from pipeline.errors import UsageError
from pipeline.nlp.loader import DEFAULT_MODEL
from pipeline.spacy_component import SPAN_GROUPS, extension_columns

from .test_api_extract import TEXTS


@pytest.fixture(scope="module")
def plain_nlp():
    nlp = spacy.load(DEFAULT_MODEL)  # a user's pipeline: not claimex's loader
    nlp.add_pipe("claimex")
    return nlp


@pytest.fixture(scope="module")
def extracted():
    return pipeline.extract(TEXTS)


def test_spacy_component_is_an_entry_point():
    eps = importlib.metadata.entry_points(group="spacy_factories")
    assert {ep.name: ep.value for ep in eps}.get("claimex") == "pipeline.spacy_component:make_claimex"


def test_spacy_component_adds_the_claimex_parse_rules(plain_nlp):
    names = plain_nlp.pipe_names
    assert names[-1] == "claimex"
    assert names.index("claimex_sentence_rules") < names.index("parser")
    assert names.index("ner") < names.index("claimex_entity_rules")


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_spacy_component_spans_equal_the_tables_of_run_all(plain_nlp, extracted, i):
    doc_id = f"text-{i}"
    assert extracted.documents.set_index("doc_id").loc[doc_id, "text"] == TEXTS[i]  # cleaning left the text as is
    doc = plain_nlp(TEXTS[i])
    q = extracted.quotes[extracted.quotes["doc_id"] == doc_id]
    assert sorted((s.start_char, s.end_char, s.label_, s._.speaker, s._.cue) for s in doc.spans["quotes"]) == \
        sorted(zip(q["start"], q["end"], q["kind"], q["speaker"], q["cue"]))
    c = extracted.claims[extracted.claims["doc_id"] == doc_id]
    assert sorted((s.start_char, s.end_char, s.label_, s._.speaker, s._.check_worthy) for s in doc.spans["claims"]) == \
        sorted(zip(c["start"], c["end"], c["claim_type"], c["speaker"], c["check_worthy"]))
    assert len(doc.spans["claims"]) == len(c) > 0


def test_spacy_component_every_column_is_an_extension(plain_nlp):
    doc = plain_nlp(TEXTS[0])
    for column in extension_columns():
        assert Span.has_extension(column), column
    quote = next(s for s in doc.spans["quotes"] if s.label_ == "direct")
    assert (quote._.kind, quote._.speaker, quote._.speaker_text, quote._.cue) == ("direct", "Igor Sekreta", "Foreign Minister Igor Sekreta", "said")
    assert quote._.claim_type is None  # a claims column on a quote span
    claim = doc.spans["claims"][0]
    assert claim._.claim_type == claim.label_ and isinstance(claim._.confidence, float)
    assert claim._.quote_id == quote._.quote_id


def test_spacy_component_displacy_renders_quotes_and_claims(plain_nlp):
    doc = plain_nlp(TEXTS[0])
    for key in SPAN_GROUPS:
        html = displacy.render(doc, style="span", options={"spans_key": key})
        assert doc.spans[key]
        for span in doc.spans[key]:
            assert span.label_ in html
        assert "Sekreta" in html


def test_spacy_component_survives_docbin_and_pipe(plain_nlp):
    docs = list(plain_nlp.pipe(TEXTS))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    again = list(DocBin().from_bytes(data).get_docs(plain_nlp.vocab))
    for a, b in zip(docs, again):
        assert [(s.label_, s._.speaker, s._.check_worthy) for s in a.spans["claims"]] == \
               [(s.label_, s._.speaker, s._.check_worthy) for s in b.spans["claims"]]


@pytest.mark.parametrize("text", ["", "Minutes of the meeting", "What happens next?"])
def test_spacy_component_text_without_quotes_gives_empty_groups(plain_nlp, text):
    doc = plain_nlp(text)
    assert list(doc.spans["quotes"]) == []
    assert list(doc.spans["claims"]) == []


def test_spacy_component_on_the_cleaned_seeds_equals_the_seed_run(plain_nlp, seed_tables):
    """The plain pipeline plus the claimex rules parses as the one parse does:
    every seed document's cleaned text gives the run's quotes and claims."""
    q, c = seed_tables["quotes"], seed_tables["claims"]
    for doc_id, text in zip(seed_tables["documents"]["doc_id"], seed_tables["documents"]["text"]):
        doc = plain_nlp(text)
        got = sorted((s.start_char, s.end_char, s.label_, s._.speaker) for s in doc.spans["quotes"])
        want = q[q["doc_id"] == doc_id]
        assert got == sorted(zip(want["start"], want["end"], want["kind"], want["speaker"])), doc_id
        got = sorted((s.start_char, s.end_char, s.label_, s._.speaker) for s in doc.spans["claims"])
        want = c[c["doc_id"] == doc_id]
        assert got == sorted(zip(want["start"], want["end"], want["claim_type"], want["speaker"])), doc_id


@pytest.fixture(scope="module")
def saved_nlp(plain_nlp, tmp_path_factory):
    """The folder ``plain_nlp`` was saved to (once for the module)."""
    path = tmp_path_factory.mktemp("saved") / "nlp"
    plain_nlp.to_disk(path)
    return path


def test_spacy_component_pipeline_with_it_saves_and_loads(plain_nlp, saved_nlp):
    # regression: the lemma index's words were stored as frozensets, which msgpack cannot
    # write, so a pipeline with claimex added could not be saved (TypeError in to_bytes)
    assert plain_nlp.to_bytes()
    again = spacy.load(saved_nlp)
    assert again.pipe_names == plain_nlp.pipe_names
    doc, doc_again = plain_nlp(TEXTS[0]), again(TEXTS[0])
    assert [(s.start_char, s.end_char, s._.speaker) for s in doc_again.spans["quotes"]] == \
        [(s.start_char, s.end_char, s._.speaker) for s in doc.spans["quotes"]] != []


@pytest.mark.parametrize("where", ["blank", "first"])
def test_spacy_component_without_a_parse_before_it_says_so(where):
    # regression: in a blank pipeline, or placed before the parser, it found nothing and said
    # nothing, which read as "no quotes"
    nlp = spacy.blank("en") if where == "blank" else spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("claimex", **({"first": True} if where == "first" else {}))
    with pytest.raises(UsageError, match="after the tagger and parser"):
        nlp("Prime Minister Tony Blair said the government should cut taxes next year.")
    assert list(nlp("").spans["quotes"]) == []  # an empty Doc has nothing to parse


def test_spacy_component_reloaded_pipeline_lemmatizes_on_demand(saved_nlp):
    # regression: the factory registered the lemmatizer for lemmas on demand before `spacy.load`
    # had read its tables, so with the lemmatizer disabled "said" kept "said" as its lemma
    from pipeline.nlp.lemmas import lemma

    again = spacy.load(saved_nlp, disable=["lemmatizer"])
    doc = again("He said the talks would resume.")
    assert [lemma(t) for t in doc if t.text in ("said", "talks")] == ["say", "talk"]


@pytest.mark.parametrize("how", ["exclude", "remove_pipe", "disable"])
def test_spacy_component_without_the_lemmatizer_says_so(how):
    # regression: with the lemmatizer left out (exclude, remove_pipe) about half the quotes went
    # unfound, silently; disabled, it stays loaded and claimex still reads it
    nlp = spacy.load(DEFAULT_MODEL, **({"exclude": ["lemmatizer"]} if how == "exclude" else {}))
    if how == "remove_pipe":
        nlp.remove_pipe("lemmatizer")
    nlp.add_pipe("claimex")
    # (`He's`, `isn't`: the attribute ruler lemmatizes those, and the check once let them through)
    text = "Mr Sekreta added that the OSCE isn't ready and must return to dialogue, and he's sure."
    if how == "disable":
        with nlp.select_pipes(disable=["lemmatizer"]):
            doc = nlp(text)
        assert [s._.speaker for s in doc.spans["quotes"]] == ["Sekreta"]
    else:
        with pytest.raises(UsageError, match="needs the pipeline's lemmatizer"):
            nlp(text)


@pytest.mark.parametrize("how", ["exclude", "disable"])
def test_spacy_component_without_pos_tags_says_so(how):
    # regression: without the attribute_ruler (which sets token.pos_ from the tags) the Doc had
    # tags and a parse, so the check let it through, and every quote went unfound, silently
    nlp = spacy.load(DEFAULT_MODEL, **({"exclude": ["attribute_ruler"]} if how == "exclude" else {}))
    nlp.add_pipe("claimex")
    text = "Prime Minister Tony Blair said the government should cut taxes next year."
    with pytest.raises(UsageError, match=r"without part-of-speech annotation.*attribute_ruler"):
        if how == "disable":
            with nlp.select_pipes(disable=["attribute_ruler"]):
                nlp(text)
        else:
            nlp(text)
