"""Which package files invalidate the parse cache (``runner.parse_key``)."""
import pytest

from pipeline.runner import _shapes_parse


@pytest.mark.parametrize("rel, shapes", [
    # the pipeline load_nlp builds and what the DocBin stores
    ("nlp.py", True),
    ("attribute_rules.py", True),
    ("ner_rules.py", True),
    ("parse.py", True),  # ner_rules imports parse.doc_text
    ("resources/__init__.py", True),
    ("resources/titles.txt", True),
    ("resources/sentence_abbreviations.txt", True),
    # read by the stages only, after the parse
    ("resources/claims_reporting_verbs.txt", False),
    ("claim_cues.py", False),
    ("claim_model.py", False),
    ("speakers.py", False),
    ("quotes_marks.py", False),
    ("canonical.py", False),
    ("person_names.py", False),
    ("explore.py", False),
    ("lemmas.py", False),  # the lemmatizer never runs in the parse
    ("models/claims/model.json", False),
    ("stages/entities.py", False),
    ("runner.py", False),
])
def test_runner_parse_key_files(rel, shapes):
    assert _shapes_parse(rel) is shapes
