"""Bytes to clean Unicode text, with every choice explained.

Decoding order (first that applies wins):

1. A byte-order mark decides: UTF-8 BOM -> ``utf-8-sig``; UTF-16 LE/BE BOM ->
   ``utf-16``; UTF-32 BOM -> ``utf-32``.
2. NUL bytes without a UTF-16/32 BOM mean a binary file (images, archives,
   PDFs): rejected as ``binary``. So are files whose first bytes carry a known
   binary signature.
3. Strict UTF-8.
4. Windows-1252, then Latin-1 (which decodes any byte). Windows-1252 is tried
   first because it is what "Latin-1" web pages usually really are (curly
   quotes and dashes live in 0x80-0x9F).

The decoded text is then normalised (``normalize_text``):

* mojibake (UTF-8 read as cp1252, e.g. ``Ã©`` for ``é``) repaired with ftfy's
  ``fix_encoding``, which changes nothing in text that is not mojibake;
* HTML character references left in plain text (``communiqu&#233;``, ``&#163;5m``,
  ``&eacute;``: 23 of the 2,225 BBC articles) decoded with ftfy's ``unescape_html``,
  which needs the closing ``;`` (``AT&T``, ``R&D`` stay); not in a text that holds
  a ``<`` anywhere (ftfy's own ``fix_text`` asks the same of each line), since
  there they may be meant as markup (the HTML extractor's output has none left:
  trafilatura decodes them itself);
* Unicode NFC normalisation (composed accents);
* CRLF and lone CR become LF;
* every Unicode space separator (NBSP U+00A0, thin and narrow spaces, ...)
  becomes a plain space, so "M.G.\u00a0Link" tokenises like "M.G. Link";
* zero-width characters and the BOM (U+200B-U+200D, U+2060, U+FEFF) are removed,
  except a zero-width joiner (U+200D) between two emoji, which is part of one
  emoji (a ZWJ sequence such as the family or the rainbow flag);
* bidirectional embedding, override and isolate controls (U+202A-U+202E,
  U+2066-U+2069) are removed: they are invisible, change how the text around
  them is displayed, and would otherwise end up inside speakers' and
  entities' names (a "Trojan Source" name looks like another);
* the other line and page breaks (form feed, which ``pdftotext`` puts between pages,
  vertical tab, the information separators U+001C-U+001F, NEL U+0085, and
  U+2028/U+2029) become a newline: removed, they glued the words on either side;
* other control characters (C0/C1 except newline and tab) are removed;
* a lone surrogate (U+D800-U+DFFF: a JSON ``"\\ud800"`` escape with no pair, which no
  file can store) becomes the replacement character U+FFFD (``without_surrogates``);
* trailing spaces and tabs at the end of each line are removed.

Quotation marks, dashes and apostrophes are kept exactly as written: the
quote-attribution stage needs them.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

import ftfy
import ftfy.fixes


class DecodeError(Exception):
    """The bytes are not text we can read; ``reason`` is a short code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repaired_mojibake: bool


# Magic numbers of common binary formats (PNG, JPEG, GIF, PDF, ZIP/DOCX, gzip, ELF).
_BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF", b"PK\x03\x04",
    b"\x1f\x8b", b"\x7fELF",
)

_ZWJ = "\u200d"
# Removed everywhere: zero-width space, non-joiner, word joiner, BOM, and the
# bidirectional embedding/override (U+202A-U+202E) and isolate (U+2066-U+2069)
# controls. The zero-width joiner is handled by ``_drop_zwj``.
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u2060\ufeff"), *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# An emoji or the modifiers that may end one before a ZWJ: variation selector 16,
# skin tones, tag characters (flag sequences).
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x2300, 0x23FF), (0xE0020, 0xE007F))
_EMOJI_TRAIL = {0xFE0F} | set(range(0x1F3FB, 0x1F400))
# The line and page breaks of str.splitlines other than \n and \r (handled first).
_BREAK_RE = re.compile("[\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
# C0 and C1 controls other than \t and \n (\r is handled before this runs).
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE_RE = re.compile(r"[^\S\n\t]")  # any whitespace except newline and tab
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TRAILING_WS_RE = re.compile(r"[ \t]+$", re.MULTILINE)


def decode_bytes(data: bytes) -> Decoded:
    """Decode raw file bytes to normalised text (see module docstring)."""
    raw, enc = decode_raw(data)
    text, repaired = normalize_text(raw)
    return Decoded(text=text, encoding=enc, repaired_mojibake=repaired)


def decode_raw(data: bytes) -> tuple[str, str]:
    """(the text of ``data``, its encoding) before normalisation: a byte-order mark's
    encoding, else UTF-8, cp1252, Latin-1 (module docstring); ``DecodeError`` for binary
    data or bytes their byte-order mark does not describe."""
    enc = _bom_encoding(data)
    if enc == "utf-8-sig":
        raw = data.decode(enc, errors="replace")
    elif enc is not None:
        raw = _decode_or_fail(data, enc)
    else:
        if data.startswith(_BINARY_SIGNATURES):
            raise DecodeError("binary", f"file starts with a binary signature {data[:4]!r}")
        if b"\x00" in data:
            n = data.count(b"\x00")
            raise DecodeError("binary", f"{n} NUL byte(s) and no UTF-16 byte-order mark: not a text file")
        try:
            raw, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                raw, enc = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                raw, enc = data.decode("latin-1"), "latin-1"
    return raw, enc


def decode_head(data: bytes) -> str:
    """The text of the first bytes of a file, as ``decode_raw`` reads the whole file's
    (its byte-order mark's encoding, else UTF-8; a byte that is not UTF-8, and a character
    the cut ends inside, become U+FFFD): enough to tell what the file begins with."""
    return data.decode(_bom_encoding(data) or "utf-8-sig", errors="replace")


def _bom_encoding(data: bytes) -> str | None:
    """The encoding ``data``'s byte-order mark names, or None without one."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # (the LE one starts like UTF-16's)
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError("undecodable", f"declared {encoding} by its byte-order mark but {exc.reason} at byte {exc.start}") from None


def normalize_text(text: str, unescape: bool = True) -> tuple[str, bool]:
    """Apply the documented normalisation; return (text, mojibake_was_repaired).
    ``unescape``: decode character references in a text that holds no markup (input
    text); text an HTML extractor produced has them decoded already (``clean.html``)."""
    text = without_surrogates(text)
    fixed = ftfy.fix_encoding(text)
    repaired = fixed != text
    if unescape and "&" in fixed and "<" not in fixed:
        fixed = ftfy.fixes.unescape_html(fixed)
    text = unicodedata.normalize("NFC", fixed)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE)
    if _ZWJ in text:
        text = _drop_zwj(text)
    text = _BREAK_RE.sub("\n", text)
    text = _CONTROL_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text)
    text = _TRAILING_WS_RE.sub("", text)
    return text, repaired


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (a JSON escape with no pair
    gives one; Parquet, like any UTF-8 file, cannot store it)."""
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return cp in _EMOJI_TRAIL or any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def _drop_zwj(text: str) -> str:
    """Remove each zero-width joiner except one between two emoji (part of an
    emoji ZWJ sequence: removing it would split one emoji into several)."""
    out = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch != _ZWJ or (0 < i < last and _is_emoji(text[i - 1]) and _is_emoji(text[i + 1])):
            out.append(ch)
    return "".join(out)


#: a line end of a text file: LF, CR LF or CR
LINE_END = re.compile(r"\r\n|\r|\n")
#: byte-order marks of the wide encodings: a file that starts with one is decoded whole
#: (``decode_raw``), never line by line
WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def json_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line of a JSON Lines text that is not blank. Lines end at
    LF, CR LF or CR only: ``str.splitlines`` also splits at U+2028, U+2029 and U+0085, which
    ``json.dumps(ensure_ascii=False)`` leaves raw inside a string (the JSON Lines readers of
    gold folders, Prodigy files and archives each refused such a file as "not JSON")."""
    for number, line in enumerate(LINE_END.split(text), 1):
        if line.strip():
            yield number, line
