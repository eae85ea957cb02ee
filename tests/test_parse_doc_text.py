"""parse.doc_text must equal spaCy's Doc.text exactly (stages rely on it for offsets)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.nlp.docs import doc_text


@pytest.mark.parametrize(
    "words, spaces",
    [
        ([], []),
        (["Hello"], [False]),
        (["“", "It", "’s", "over", ",", "”", "he", "said", "."], [False, False, True, False, False, True, True, False, False]),
        (["MINSK", ",", "\n\n", "Line", "two", " "], [False, True, False, True, False, False]),
        (["trailing"], [True]),
    ],
    ids=["empty", "one-token", "quotes-no-space", "newline-and-space-tokens", "trailing-space"],
)
def test_parse_doc_text_equals_doc_text(words, spaces):
    doc = Doc(Vocab(), words=words, spaces=spaces)
    assert doc_text(doc) == doc.text


def test_parse_doc_text_on_parsed_seed(nlp):
    text = "The OSCE “has failed,” Sekreta said.\n\nA new paragraph [with brackets] follows. "
    doc = nlp(text)
    assert doc_text(doc) == doc.text == text
