"""parse.docbin_bytes must give the payload spaCy's own DocBin gives, byte for
byte (it replaces DocBin.add's per-token string loop with array look-ups and
compresses at another zlib level), and load back to the same Docs."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from pipeline.runner.parse_cache import docbin_bytes, docs_from_bytes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _stock(docs) -> bytes:
    docs = list(docs)
    bin_ = DocBin(store_user_data=any(d.user_data for d in docs))
    for d in docs:
        bin_.add(d)
    return bin_.to_bytes()


def _hand_docs():
    vocab = Vocab()
    plain = Doc(vocab, words=["Hello", "world", "!"], spaces=[True, False, False])
    empty = Doc(vocab, words=[])
    annotated = Doc(vocab, words=["Igor", "Sekreta", "said", "it", "."], spaces=[True, True, True, False, False],
                    tags=["NNP", "NNP", "VBD", "PRP", "."], pos=["PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
                    morphs=["Number=Sing", "Number=Sing", "Tense=Past|VerbForm=Fin", "Case=Nom", ""],
                    lemmas=["Igor", "Sekreta", "say", "it", "."], deps=["compound", "nsubj", "ROOT", "dobj", "punct"],
                    heads=[1, 2, 2, 2, 2], ents=["B-PERSON", "I-PERSON", "O", "O", "O"])
    annotated[0].norm_ = "igor-normed"  # a token-level NORM differing from the lexeme's
    annotated.ents = [Span(annotated, 0, 2, label="PERSON", kb_id="Q1", span_id="sekreta")]
    annotated.spans["speakers"] = [Span(annotated, 0, 2, label="SPEAKER", kb_id="Q1")]
    annotated.user_data["note"] = "kept"
    return [plain, empty, annotated]


@pytest.mark.parametrize("which", ["plain", "empty", "annotated", "all"])
def test_parse_docbin_bytes_equal_spacy_docbin_hand_built(which):
    docs = _hand_docs()
    chosen = docs if which == "all" else [docs[["plain", "empty", "annotated"].index(which)]]
    assert zlib.decompress(docbin_bytes(chosen)) == zlib.decompress(_stock(chosen))
    back = docs_from_bytes(docbin_bytes(chosen), chosen[0].vocab)
    assert [d.to_json() for d in back] == [d.to_json() for d in chosen]
    assert [d.user_data for d in back] == [d.user_data for d in chosen]


def test_parse_docbin_bytes_equal_spacy_docbin_on_seeds(nlp):
    docs = list(nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))))
    assert zlib.decompress(docbin_bytes(docs)) == zlib.decompress(_stock(docs))
    back = docs_from_bytes(docbin_bytes(docs), nlp)
    assert [d.to_json() for d in back] == [d.to_json() for d in docs]


@pytest.mark.parametrize("attrs", [["ORTH", "TAG"], ["ORTH", "LEMMA", "MORPH"], ["ORTH", "DEP", "ENT_TYPE", "HEAD"]])
def test_parse_docbin_add_with_attrs_lacking_string_columns(attrs):
    # strings of attributes the DocBin does not store are still added, as spaCy's add does
    from pipeline.runner.parse_cache import _docbin_add

    docs = _hand_docs()
    ours, stock = DocBin(attrs=attrs, store_user_data=True), DocBin(attrs=attrs, store_user_data=True)
    for d in docs:
        _docbin_add(ours, d)
        stock.add(d)
    assert ours.strings == stock.strings
    assert zlib.decompress(ours.to_bytes()) == zlib.decompress(stock.to_bytes())
