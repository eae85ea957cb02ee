"""Entity rules added to the spaCy pipeline (issue 3 fills this in)."""
from __future__ import annotations

from spacy.language import Language


def add_to_pipeline(nlp: Language) -> None:
    """Add the project's NER components to ``nlp`` (no-op until issue 3)."""
    return None
