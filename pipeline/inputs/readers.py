"""Input discovery: a file, a folder, or a table of records -> raw documents.

``--input`` takes

* a ``.txt`` / ``.html`` / ``.htm`` file, or a folder searched recursively for
  them (hidden files and folders are ignored; other files are reported as
  ``unsupported_type``). ``doc_id`` is the file stem; when two files in the
  folder share a stem, their ``doc_id`` is the relative path without suffix
  (``sport/001``) so it stays unique;
* a ``.jsonl``, ``.csv`` or ``.parquet`` file with a ``text`` column and
  optional ``id`` (becomes ``doc_id``; default ``<file stem>-<row>``),
  ``title``, ``source`` and ``published`` columns.

A file or record that cannot be read becomes an ``ErrorRecord`` (stage
``read``), never an exception: the run goes on with the rest.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd

from .decode import DecodeError, decode_bytes, normalize_text
from ..errors import ErrorRecord, InputError

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".csv", ".parquet"}
#: the columns a table input may have besides ``text`` (``id`` becomes ``doc_id``)
RECORD_COLUMNS = ("id", "title", "source", "published")

#: Documents longer than this (characters, after decoding) are rejected with a
#: reason instead of parsed. It is spaCy's own default ``nlp.max_length``: the
#: parser and NER need roughly 1 GB of memory per 100,000 characters, so longer
#: texts risk exhausting memory. Override with ``--max-chars``.
DEFAULT_MAX_CHARS = 1_000_000


class InputPathError(InputError):
    """The --input path itself cannot be used (missing, unsupported, unreadable)."""


@dataclass(frozen=True)
class RawDocument:
    doc_id: str
    path: str
    text: str
    is_html: bool = False
    title: str | None = None
    source: str | None = None
    published: str | None = None
    content_hash: str = ""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def read_inputs(input_path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> tuple[list[RawDocument], list[ErrorRecord]]:
    """Read every document under ``input_path``; return (documents, errors)."""
    docs: list[RawDocument] = []
    errors: list[ErrorRecord] = []
    for item in iter_inputs(input_path, max_chars=max_chars):
        (errors if isinstance(item, ErrorRecord) else docs).append(item)
    return docs, errors


def iter_inputs(input_path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[RawDocument | ErrorRecord]:
    path = Path(input_path)
    if not path.exists():
        raise InputPathError(f"input path {str(path)!r} does not exist; pass a file or folder with --input")
    if path.is_dir():
        yield from _iter_folder(path, max_chars)
        return
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        yield from _iter_records(path, max_chars)
    elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES or suffix == "":
        yield _read_file(path, path.stem, max_chars)
    else:
        valid = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES))
        raise InputPathError(f"input file {str(path)!r} has unsupported type {suffix!r}; valid: a folder or {valid}")


def _visible_files(folder: Path) -> list[Path]:
    """Files under ``folder``, sorted, skipping hidden files and directories."""
    return [p for p in sorted(folder.rglob("*"))
            if not any(part.startswith(".") for part in p.relative_to(folder).parts) and p.is_file()]


def _is_article(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES


def input_files(folder: Path) -> list[Path]:
    """The article files of an input folder (sorted visible .txt/.html/.htm files)."""
    return [p for p in _visible_files(folder) if _is_article(p)]


def _iter_folder(folder: Path, max_chars: int) -> Iterator[RawDocument | ErrorRecord]:
    files: list[Path] = []
    for p in _visible_files(folder):
        if _is_article(p):
            files.append(p)
        else:
            yield ErrorRecord(
                doc_id=p.stem, path=str(p), stage="read", error="unsupported_type",
                detail=f"skipped: suffix {p.suffix.lower() or '(none)'!r} is not one of .txt, .html, .htm",
            )
    stems = Counter(p.stem for p in files)
    for p in files:
        doc_id = p.stem if stems[p.stem] == 1 else p.relative_to(folder).with_suffix("").as_posix()
        yield _read_file(p, doc_id, max_chars)


def _read_file(path: Path, doc_id: str, max_chars: int) -> RawDocument | ErrorRecord:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ErrorRecord(doc_id, str(path), "read", "unreadable", f"{exc.strerror or exc}")
    if not data:
        return ErrorRecord(doc_id, str(path), "read", "empty", "file has 0 bytes")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return ErrorRecord(doc_id, str(path), "read", exc.reason, exc.detail)
    is_html = path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(decoded.text)
    return _make_document(doc_id, str(path), decoded.text, is_html, None, None, None, max_chars)


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _make_document(doc_id, path, text, is_html, title, source, published, max_chars) -> RawDocument | ErrorRecord:
    if not text.strip():
        return ErrorRecord(doc_id, path, "read", "empty", "document contains only whitespace")
    if len(text) > max_chars:
        return ErrorRecord(
            doc_id, path, "read", "too_large",
            f"{len(text):,} characters exceeds the limit of {max_chars:,} (spaCy's max_length); "
            "split the file or raise --max-chars",
        )
    return RawDocument(
        doc_id=doc_id, path=path, text=text, is_html=is_html, title=title, source=source,
        published=published, content_hash=content_hash(text),
    )


def _iter_records(path: Path, max_chars: int) -> Iterator[RawDocument | ErrorRecord]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            frame = _read_jsonl(path)
        elif suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        else:
            frame = pd.read_parquet(path)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputPathError(f"cannot read {str(path)!r} as {suffix[1:]}: {exc}") from None
    if "text" not in frame.columns:
        raise InputPathError(
            f"{str(path)!r} has no 'text' column (columns: {', '.join(map(str, frame.columns))}); "
            "a table input needs 'text' and may have 'id', 'title', 'source', 'published'"
        )
    seen: set[str] = set()
    for i, row in enumerate(frame.to_dict("records")):
        raw_id = row.get("id")
        doc_id = str(raw_id) if _present(raw_id) else f"{path.stem}-{i}"
        where = f"{path}#{i}"
        if doc_id in seen:
            yield ErrorRecord(doc_id, where, "read", "duplicate_id", f"row {i}: id {doc_id!r} already used by an earlier row")
            continue
        seen.add(doc_id)
        text = row.get("text")
        if not isinstance(text, str):
            yield ErrorRecord(doc_id, where, "read", "empty", f"row {i}: 'text' is {type(text).__name__}, not a string")
            continue
        text, _ = normalize_text(text)
        meta = {k: (str(row[k]) if _present(row.get(k)) else None) for k in ("title", "source", "published")}
        yield _make_document(doc_id, where, text, _looks_like_html(text), meta["title"], meta["source"], meta["published"], max_chars)


def _present(value) -> bool:
    if value is None:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value).strip() != ""


def _read_jsonl(path: Path) -> pd.DataFrame:
    rows = []
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {lineno}: {exc.msg}") from None
    return pd.DataFrame(rows)
