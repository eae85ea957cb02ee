"""A Doc from a frozen parse (tests/quote_parses*.py): per token (word, space after, head
index, dep, pos, tag, lemma, entity IOB), as en_core_web_sm 3.8 parsed it, so that a
model upgrade cannot change what a test means."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

# English lexical attributes (is_alpha, is_punct) come with the language's vocab.
VOCAB = spacy.blank("en").vocab


def frozen_doc(toks) -> Doc:
    return Doc(VOCAB, words=[t[0] for t in toks], spaces=[t[1] for t in toks], heads=[t[2] for t in toks],
               deps=[t[3] for t in toks], pos=[t[4] for t in toks], tags=[t[5] for t in toks],
               lemmas=[t[6] for t in toks], ents=[t[7] for t in toks])


def retagged(toks, tags: dict[str, str] = {}, ents: dict[str, str] = {}) -> list[tuple]:
    """``toks`` by hand: the words of ``tags`` with another tag, those of ``ents`` with other entity IOB tags."""
    return [(w, sp, h, dep, pos, tags.get(w, t), lem, ents.get(w, e)) for w, sp, h, dep, pos, t, lem, e in toks]


def entity_rows(doc: Doc) -> list:
    """The quotes stage's entity rows of ``doc``'s entities, as the NER tagged them."""
    from pipeline.stages.quotes.speakers import EntityRow

    return [EntityRow(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]


def frozen_quote_rows(toks) -> list:
    """The quotes stage's rows of a frozen parse (its entities as the NER tagged them),
    each checked to be the text at its offsets, and so its speaker mention and cue."""
    from pipeline.stages.quotes.stage import quote_rows

    doc = frozen_doc(toks)
    rows, _ = quote_rows(doc, entity_rows(doc))
    check_offsets(doc.text, rows)
    return rows


def check_offsets(text: str, rows) -> None:
    """Each quote row's text, speaker mention and cue are the text at their offsets."""
    for r in rows:
        assert text[r.start:r.end] == r.text
        if r.speaker_start is not None:
            assert text[r.speaker_start:r.speaker_end] == r.speaker_text
        if r.cue_start is not None:
            assert text[r.cue_start:r.cue_end] == r.cue


def frozen_quote_table(toks) -> list[tuple]:
    """``frozen_quote_rows`` as (kind, text, speaker mention as written, cue), in a fixed order."""
    return sorted(((r.kind, r.text, r.speaker_text, r.cue) for r in frozen_quote_rows(toks)), key=str)


def frozen_indirect(toks, cue: str) -> list:
    """The indirect-quote rows of ``cue`` that the quotes stage gives on a frozen parse
    (``frozen_quote_rows``, offsets checked)."""
    return [r for r in frozen_quote_rows(toks) if r.kind == "indirect" and r.cue == cue]
