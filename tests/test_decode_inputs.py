"""Decoding: every byte sequence a scraped archive holds becomes text or a clear rejection."""
from __future__ import annotations

import codecs

import pytest

from pipeline.inputs.decode import DecodeError, decode_bytes, normalize_text

TEXT = "Minister Péter Szijjártó said: “It’s over.”"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32", "cp1252"],
)
def test_decode_encodings_round_trip(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_decode_latin1_bytes_not_in_cp1252():
    # 0x81 is undefined in cp1252: the Latin-1 fallback must still decode it.
    decoded = decode_bytes(b"caf\xe9 \x81ok")
    assert decoded.encoding == "latin-1"
    assert decoded.text.startswith("café ")


def test_decode_repairs_mojibake():
    mojibake = "Belarus’ détente".encode("utf-8").decode("cp1252").encode("utf-8")
    decoded = decode_bytes(mojibake)
    assert decoded.text == "Belarus’ détente"
    assert decoded.repaired_mojibake


def test_decode_keeps_curly_quotes_and_dashes():
    text = "“Quote,” he said — ‘inner’ «guillemets»"
    assert decode_bytes(text.encode()).text == text


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("M.G.\u00a0Link", "M.G. Link"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("bell\x07 and \x1b escape", "bell and  escape"),
        ("trailing   \nline", "trailing\nline"),
        ("e\u0301", "é"),  # NFC
        ("tab\tkept", "tab\tkept"),
        # HTML character references left in plain text (BBC business and politics articles)
        ("the communiqu&#233; said", "the communiqué said"),
        ("a &#163;5m deal &amp; a caf&eacute;", "a £5m deal & a café"),
        ("non&NBSP;breaking", "non breaking"),
        # ... but not what is no reference, nor where the text may be markup
        ("AT&T and R&D, Q&A; M&S", "AT&T and R&D, Q&A; M&S"),
        ("a <b>bold</b> &amp; more", "a <b>bold</b> &amp; more"),
    ],
)
def test_decode_normalisation(raw, expected):
    assert normalize_text(raw)[0] == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7 binary",
        b"hello\x00world\x00",
        bytes([0xFF, 0xD8, 0xFF, 0xE0]) + b"JFIF",
    ],
    ids=["png", "pdf", "nul-bytes", "jpeg"],
)
def test_decode_rejects_binary(data):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert info.value.reason == "binary"
