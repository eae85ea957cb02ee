"""Input discovery: a file, a folder, or a table of records -> raw documents.

``--input`` takes

* a ``.txt`` / ``.html`` / ``.htm`` file, or a folder searched recursively for
  them. Hidden files and folders (a name that starts with ``.``) are not read
  and a hidden folder is not searched (``.git``), but the run summary counts
  them (``hidden_note``) and a folder of nothing else says so; every other file is reported,
  never silently dropped: another suffix (or none) as ``unsupported_type``, a
  symbolic link that leads out of the folder as ``outside_input`` (it is not
  read: a folder of articles must not pull in files from elsewhere), a link
  to a folder as ``not_followed``. A folder without any visible file is an
  input error (exit 3). ``doc_id`` is the file stem; when stems collide it is
  the relative path without suffix (``sport/001``), and when that collides too
  (``same.txt`` and ``same.html``) the relative path with suffix, so ids are
  unique by construction;
* a ``.jsonl``, ``.csv`` or ``.parquet`` file with a ``text`` column and
  optional ``id`` (becomes ``doc_id`` exactly as written: ``{"id": 1}`` is
  ``"1"``, a 20-digit id keeps every digit; default ``<file stem>-<row>``),
  ``title``, ``source`` and ``published`` columns. Its rows are read by
  ``records.table_rows``, a bad one (a line that is not JSON, a CSV row with a
  field too many) a ``bad_record`` error in its place, so ``<row>`` is the
  row's own place in the file.

File names are stored as text: a name whose bytes are not UTF-8 is written
with the bad bytes escaped (``caf\\xe9.txt``), so one odd name never stops a
table write.

Reading is two steps, so worker processes can read their own files:
``plan_inputs`` lists what there is to read (``InputFile`` per file, without
opening it; records of a table file are read here), ``read_file_item`` reads
and decodes one file. A file or record that cannot be read becomes an
``ErrorRecord`` (stage ``read``), never an exception: the run goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .decode import DecodeError, decode_bytes, decode_head, normalize_text, without_surrogates
from .records import Number, table_rows
from ..errors import DOCUMENT_ERRORS, ErrorRecord, InputError
from ..schemas import SITE_MARKER, STORE_DIR

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".csv", ".parquet"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
#: the columns a table input may have besides ``text`` (``id`` becomes ``doc_id``)
RECORD_COLUMNS = ("id", "title", "source", "published")

#: Documents longer than this (characters, after decoding; of an HTML page, of the text
#: extracted from it) are rejected with a reason instead of parsed. It is spaCy's own default ``nlp.max_length``. The
#: parse of a long document runs in pieces (``runner.long_texts``), so memory
#: stays bounded up to this limit; override it with ``--max-chars``.
DEFAULT_MAX_CHARS = 1_000_000
#: the smallest ``--max-chars`` (``extract(max_chars=...)``) a run accepts
MIN_MAX_CHARS = 1000
#: an HTML page may have this many times ``max_chars`` of markup (its limit is on the text
#: extracted from it, ``_too_large``); the extractor is given no more (trafilatura took 6 s
#: over 21,000,000 characters of one inline image, but 63 s over 4,700,000 of paragraphs)
HTML_MARKUP_FACTOR = 10
#: the most bytes one character takes in any encoding a file is decoded from (``decode``:
#: UTF-8 and UTF-32 4, UTF-16 2 or 4, cp1252 and Latin-1 1): a file of more bytes than this
#: times a limit decodes to more characters than the limit, and is refused unread
MAX_CHAR_BYTES = 4
#: the first bytes of a file that show whether it is an HTML page (``_looks_like_html`` reads
#: its first 1,024 characters), a UTF-32 byte-order mark included
HEAD_BYTES = MAX_CHAR_BYTES * 1024 + 4
_TAG = re.compile(r"<[^>]*>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)


class InputPathError(InputError):
    """The --input path itself cannot be used (missing, unsupported, unreadable, empty)."""


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
    #: (text, title) extracted to measure a long HTML page (``_too_large``), for the clean stage; not stored or compared
    extracted: tuple[str, str | None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class InputFile:
    """One article file to read: its ``doc_id``, the path as stored in the
    tables (``path``, escaped text) and the path to open (``file``)."""

    doc_id: str
    path: str
    file: str


def display_path(path: Path | str) -> str:
    """``path`` as storable text: bytes of a non-UTF-8 file name (which Python
    keeps as lone surrogates) are written as ``\\xNN`` escapes."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def content_hash(text: str, title: str | None = None, source: str | None = None,
                 published: str | None = None) -> str:
    """SHA-256 of what a document's rows are made from: the text and, for a
    table input, its ``title``/``source``/``published`` (so an edit to any of
    them reprocesses the document). For a file it is the hash of the text."""
    h = hashlib.sha256(text.encode("utf-8", errors="surrogatepass"))
    if title is not None or source is not None or published is not None:
        h.update(b"\x00" + json.dumps([title, source, published]).encode("utf-8", errors="surrogatepass"))
    return h.hexdigest()


def read_inputs(input_path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> tuple[list[RawDocument], list[ErrorRecord]]:
    """Read every document under ``input_path``; return (documents, errors)."""
    docs: list[RawDocument] = []
    errors: list[ErrorRecord] = []
    for item in iter_inputs(input_path, max_chars=max_chars):
        (errors if isinstance(item, ErrorRecord) else docs).append(item)
    return docs, errors


def iter_inputs(input_path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[RawDocument | ErrorRecord]:
    """Every document of ``input_path``, read (``plan_inputs`` + ``read_file_item``)."""
    for item in plan_inputs(input_path, max_chars=max_chars):
        yield read_file_item(item, max_chars) if isinstance(item, InputFile) else item


def input_path_exists(path: Path) -> bool:
    """``path.exists()``, or an ``InputPathError`` for a name the system cannot look
    up at all (longer than a file name may be): ``Path.exists`` raises ``OSError``
    there, which would end a run with a traceback (a text passed where a path is
    expected, for one)."""
    try:
        return path.exists()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputPathError(f"input path {display_path(path)[:200]!r} cannot be a file or folder ({reason}); "
                             f"pass a file or folder with --input") from None


def check_input_path(path: Path) -> None:
    """Stop with one line when ``--input`` names nothing that exists, or a folder that
    cannot be listed (before the model loads)."""
    if not input_path_exists(path):
        raise InputPathError(f"input path {display_path(path)[:200]!r} does not exist; pass a file or folder with --input")
    if path.is_dir():
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise InputPathError(_unlistable(path, exc)) from None


def _unlistable(folder: Path, exc: OSError) -> str:
    return (f"input folder {display_path(folder)!r} cannot be read ({exc.strerror or exc}); "
            f"give yourself read access to it or pass another --input")


def plan_inputs(input_path: Path | str, *, max_chars: int = DEFAULT_MAX_CHARS, out: Path | str | None = None,
                hidden: list[str] | None = None) -> Iterator[InputFile | RawDocument | ErrorRecord]:
    """What ``input_path`` holds: files to read, records already read, errors. A
    folder ``out`` inside it (the run's own ``--out``) is not read. ``hidden``: where the
    hidden entries of a folder that are not read go (``hidden_note``), as stored paths."""
    path = Path(input_path)
    check_input_path(path)
    where = stored_input(path)
    if path.is_dir():
        yield from _plan_folder(where, out, hidden, named=path)
        return
    no_file = _no_file(where)
    if no_file is not None:
        yield no_file
        return
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        yield from _iter_records(where, max_chars, named=path)
    elif suffix in ARTICLE_SUFFIXES:
        yield InputFile(path.stem, display_path(where), os.fspath(where))
    else:
        valid = ", ".join(sorted(ARTICLE_SUFFIXES | TABLE_SUFFIXES))
        raise InputPathError(f"input file {display_path(path)!r} has unsupported type {suffix or '(no suffix)'!r}; "
                             f"valid: a folder or {valid} (rename a plain-text article to .txt)")


def stored_input(path: Path) -> Path:
    """``--input`` as the tables name it (``documents.path``): absolute, the links on its way
    resolved (of a file, its folder's). The same file is the same path however --input was written
    and wherever the run started (``in``, ``$PWD/in``), so an incremental rerun finds it unchanged:
    the path as typed made every document new again, and ``documents.path`` changed."""
    try:
        return path.resolve() if path.is_dir() else path.parent.resolve() / path.name
    except (OSError, RuntimeError):  # (a loop of links on the way: as written, made absolute)
        return Path(os.path.abspath(path))


def _visible_entries(folder: Path, out: Path | str | None = None,
                     unreadable: list[OSError] | None = None, hidden: list[Path] | None = None) -> list[Path]:
    """Files and links under ``folder``, sorted, skipping hidden files and
    folders, the folder ``out`` and any folder claimex wrote (``_claimex_output``); links
    to folders are listed, not followed.
    A folder that cannot be listed goes to ``unreadable``; a hidden file or folder (one
    entry, not searched: ``.git``) to ``hidden``."""
    found: list[Path] = []
    skip = _inside(out, folder) if out is not None else set()
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=None if unreadable is None else unreadable.append):
        base = Path(root)
        locked = _unsearchable(base, dirs or files)
        if locked is not None:  # (listed, but none of its entries can be looked at: one row for the folder)
            if unreadable is not None:
                unreadable.append(locked)
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not (skip and _names(base / d) & skip) and not _claimex_output(base / d)]
        if hidden is not None:
            hidden.extend(base / name for name in dirs + files if name.startswith("."))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(base / f for f in files if not f.startswith("."))
        found.extend(base / d for d in dirs if (base / d).is_symlink())
    return sorted(found)


def _claimex_output(folder: Path) -> bool:
    """A folder claimex wrote: a tables folder (its generations) or a report site (its marker).
    Its pages and tables are no articles: a report written into the input folder was read as
    articles by the next run (every page, and its script file an `unsupported_type` row).
    A folder that cannot be looked into is not one: the walk then reports it ``unreadable``."""
    try:
        return (folder / STORE_DIR).is_dir() or (folder / SITE_MARKER).is_file()
    except OSError:  # (Python 3.11's is_dir raises for EACCES: a locked folder, chmod 000)
        return False


def _unsearchable(folder: Path, names: list[str]) -> PermissionError | None:
    """The error of a folder that can be listed but whose entries cannot be looked at (read
    but no search permission, chmod 600), or None. One ``lstat`` of one entry tells: the
    folders above it were searched already, so only the folder's own permission can deny it."""
    if not names:
        return None
    try:
        os.lstat(folder / names[0])
    except PermissionError as exc:
        return PermissionError(exc.errno, exc.strerror, os.fspath(folder))
    except OSError:
        pass
    return None


def _names(path: Path | str) -> set[Path]:
    """``path`` as written (absolute) and with its links resolved."""
    names = {Path(os.path.abspath(path))}
    try:
        names.add(Path(path).resolve())
    except (OSError, RuntimeError):
        pass
    return names


def _inside(out: Path | str, folder: Path) -> set[Path]:
    """The names of ``out`` when it lies below ``folder``, as written or through a link
    (only then is a subfolder compared with it); else none."""
    tops, outs = _names(folder), _names(out)
    return outs if any(top in o.parents for top in tops for o in outs) else set()


def _is_article(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _outside(path: Path, root: Path) -> bool:
    """Whether the link ``path`` leads out of the (resolved) input folder ``root``."""
    try:
        path.resolve().relative_to(root)
        return False
    except (ValueError, OSError, RuntimeError):
        return True


def _skipped(p: Path, root: Path) -> ErrorRecord | None:
    """Why the entry ``p`` of the input folder (resolved: ``root``) is not read, or None for an
    article file. An entry that cannot be looked at (a link into a locked folder: Python 3.11's
    ``is_dir``/``exists`` raise ``PermissionError`` there) is ``unreadable``, not a crash."""
    try:
        return _why_skipped(p, root)
    except OSError as exc:
        return ErrorRecord(display_path(p.stem), display_path(p), "read", "unreadable",
                           f"skipped: it cannot be looked at ({exc.strerror or exc}); a link's target, or a "
                           f"folder on its way, is locked: give read access to it and run again")


def _why_skipped(p: Path, root: Path) -> ErrorRecord | None:
    where = display_path(p)
    if p.is_symlink() and p.is_dir():
        return ErrorRecord(display_path(p.name), where, "read", "not_followed",
                           "skipped: a link to a folder is not followed; pass the folder itself with --input")
    no_file = _no_file(p)
    if no_file is not None:
        return no_file
    if p.is_symlink() and _outside(p, root):
        return ErrorRecord(display_path(p.stem), where, "read", "outside_input",
                           "skipped: a symbolic link to a file outside the input folder is not read")
    if not _is_article(p):
        return ErrorRecord(display_path(p.stem), where, "read", "unsupported_type",
                           f"skipped: suffix {p.suffix.lower() or '(none)'!r} is not one of .txt, .html, .htm")
    return None


def _no_file(p: Path) -> ErrorRecord | None:
    """Why the name ``p`` holds no file to read, or None: a link that leads nowhere (its
    target is missing, or a loop: ``exists()`` is False for both), or a named pipe, socket
    or device (reading a named pipe blocks for ever)."""
    if p.is_symlink() and not p.exists():
        why = "a symbolic link that leads to no file (its target is missing, or links lead back to it); fix or remove the link"
    elif not p.is_file() and p.exists():  # (one stat for a regular file)
        why = "not a regular file (a named pipe, socket or device); put the article in a file"
    else:
        return None
    return ErrorRecord(display_path(p.stem), display_path(p), "read", "unreadable", f"skipped: {why}")


def input_files(folder: Path, out: Path | str | None = None) -> list[Path]:
    """The article files an input folder's documents are read from (``out``: as ``plan_inputs``)."""
    root = folder.resolve()
    return [p for p in _visible_entries(folder, out) if _skipped(p, root) is None]


def _plan_folder(folder: Path, out: Path | str | None, hidden_out: list[str] | None,
                 named: Path) -> Iterator[InputFile | ErrorRecord]:
    """The entries of ``folder`` (``stored_input``'s); ``named``: as --input wrote it, for errors."""
    unreadable: list[OSError] = []
    hidden: list[Path] = []
    entries = _visible_entries(folder, out, unreadable, hidden)
    names = [_hidden_name(p, folder) for p in sorted(hidden)] if hidden_out is not None or not (entries or unreadable) else []
    if hidden_out is not None:
        hidden_out.extend(names)
    for exc in unreadable:
        if Path(exc.filename or folder) == folder:  # (it could be listed when the run started)
            raise InputPathError(_unlistable(named, exc))
        where = display_path(exc.filename)
        yield ErrorRecord(display_path(Path(exc.filename).name), where, "read", "unreadable",
                          f"skipped: the folder cannot be read ({exc.strerror or exc}), so none of its files "
                          f"were; give read access to it and run again")
    if not entries:
        if unreadable:
            return
        if names:
            raise InputPathError(f"input folder {display_path(named)!r} holds no files but {_count_hidden(names)}, "
                                 f"which {'is' if len(names) == 1 else 'are'} not read; {HIDDEN_FIX}")
        raise InputPathError(f"input folder {display_path(named)!r} holds no files; "
                             f"put .txt, .html or .htm articles in it or pass another --input")
    root = folder.resolve()
    files: list[Path] = []
    for p in entries:
        why = _skipped(p, root)
        if why is None:
            files.append(p)
        else:
            yield why
    for p, doc_id in zip(files, unique_ids(files, folder)):
        yield InputFile(doc_id, display_path(p), os.fspath(p))


#: what to do about a hidden article (``hidden_note``)
HIDDEN_FIX = "rename an article (or its folder) without the leading '.', or pass that file or folder itself with --input"


def _hidden_name(p: Path, folder: Path) -> str:
    """A hidden entry as the note names it: relative to the input folder, a folder with ``/``."""
    rel = display_path(p.relative_to(folder).as_posix())
    return rel + "/" if p.is_dir() and not p.is_symlink() else rel


def _count_hidden(names: list[str], shown: int = 5) -> str:
    listed = ", ".join(names[:shown]) + (f" and {len(names) - shown:,} more" if len(names) > shown else "")
    return f"{len(names):,} hidden {'entry' if len(names) == 1 else 'entries'} ({listed})"


def hidden_note(names: list[str]) -> str:
    """The run summary's line for the hidden entries of the input folder (``plan_inputs``'s
    ``hidden``): they are not read, and not searched (``.git/``), but never lost without a word."""
    return f"input: {_count_hidden(names)} not read: a name that starts with '.' is hidden; {HIDDEN_FIX}"


def unique_ids(files: list[Path], folder: Path) -> list[str]:
    """One distinct ``doc_id`` per file: the stem; for colliding stems the
    relative path without suffix; for what still collides the relative path;
    a counter as the last resort (names that differ only in escaped bytes)."""
    rel = [p.relative_to(folder) for p in files]
    levels = [lambda r: r.stem, lambda r: r.with_suffix("").as_posix(), lambda r: r.as_posix()]
    ids = [display_path(levels[0](r)) for r in rel]
    for level in levels[1:]:
        counts = Counter(ids)
        ids = [display_path(level(r)) if counts[i] > 1 else i for r, i in zip(rel, ids)]
    seen: Counter = Counter()
    final = []
    for i in ids:
        seen[i] += 1
        final.append(i if seen[i] == 1 else f"{i}#{seen[i]}")
    return final


def read_file_item(item: InputFile, max_chars: int = DEFAULT_MAX_CHARS) -> RawDocument | ErrorRecord:
    """Read and decode one article file (in whichever process holds the batch)."""
    path = Path(item.file)
    try:
        # measured before it is read (regression: a file of several GB was read whole, and
        # decoded, to be refused as too_large, and could exhaust memory)
        too_large = _too_many_bytes(path, path.stat().st_size, max_chars)
        data = b"" if too_large else path.read_bytes()
    except OSError as exc:
        return ErrorRecord(item.doc_id, item.path, "read", "unreadable",
                           f"the file cannot be read ({exc.strerror or exc}); give read access to it and run again")
    if too_large:
        return ErrorRecord(item.doc_id, item.path, "read", "too_large", too_large)
    if not data:
        return ErrorRecord(item.doc_id, item.path, "read", "empty", "file has 0 bytes")
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return ErrorRecord(item.doc_id, item.path, "read", exc.reason, exc.detail)
    is_html = path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(decoded.text)
    return _make_document(item.doc_id, item.path, decoded.text, is_html, None, None, None, max_chars)


def _too_many_bytes(path: Path, size: int, max_chars: int) -> str | None:
    """Why the file ``path`` of ``size`` bytes is too large to be read at all, or None (read it,
    and ``_too_large`` measures its text): it has more than ``MAX_CHAR_BYTES`` bytes a character
    of its limit, ``max_chars`` or, of an HTML page (by its suffix, or its first bytes as
    ``read_file_item`` tells it from its text), the markup limit. The bound is on the characters
    the file decodes to; the few that normalisation removes (``decode.normalize_text``) are not
    subtracted."""
    if size <= MAX_CHAR_BYTES * max_chars:
        return None
    if path.suffix.lower() not in HTML_SUFFIXES:
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
        if not _looks_like_html(normalize_text(decode_head(head))[0]):
            return (f"{size:,} bytes, more than {max_chars:,} characters in any encoding ({MAX_CHAR_BYTES} bytes "
                    f"a character at most), exceeds the limit of {max_chars:,} (spaCy's max_length); "
                    "split the file or raise --max-chars")
    limit = HTML_MARKUP_FACTOR * max_chars
    if size <= MAX_CHAR_BYTES * limit:
        return None
    return (f"{size:,} bytes of HTML, more than {limit:,} characters in any encoding, exceeds the limit on a "
            f"page's markup of {limit:,} ({HTML_MARKUP_FACTOR} times --max-chars); "
            "split the page or raise --max-chars")


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _make_document(doc_id, path, text, is_html, title, source, published, max_chars) -> RawDocument | ErrorRecord:
    if not text.strip():
        return ErrorRecord(doc_id, path, "read", "empty", "document contains only whitespace")
    too_large, extracted = _too_large(text, is_html, max_chars) if len(text) > max_chars else (None, None)
    if too_large is not None:
        return ErrorRecord(doc_id, path, "read", "too_large", too_large)
    return RawDocument(doc_id=doc_id, path=path, text=text, is_html=is_html, title=title, source=source, published=published,
                       content_hash=content_hash(text, title, source, published), extracted=extracted)


def _too_large(text: str, is_html: bool, max_chars: int) -> tuple[str | None, tuple[str, str | None] | None]:
    """(why a document whose text or markup is longer than ``max_chars`` is rejected, or None; the
    (text, title) extracted, or None). Of an HTML page the limit is on the text extracted from it, the
    document the clean stage makes (an inline base64 image is markup, not article: a page with a 1 MB
    image and 143 characters of article was rejected), and the markup is extracted here to measure it
    (kept: ``RawDocument.extracted``); more than ``HTML_MARKUP_FACTOR`` times ``max_chars`` is not."""
    if not is_html:
        return (f"{len(text):,} characters exceeds the limit of {max_chars:,} (spaCy's max_length); "
                "split the file or raise --max-chars"), None
    if len(text) > HTML_MARKUP_FACTOR * max_chars:
        return (f"{len(text):,} characters of HTML exceeds the limit on a page's markup of "
                f"{HTML_MARKUP_FACTOR * max_chars:,} ({HTML_MARKUP_FACTOR} times --max-chars); "
                "split the page or raise --max-chars"), None
    # the words outside tags, scripts and styles bound the text any extraction gives: a
    # page of paragraphs over the limit is refused without extracting it (63 s above)
    between = len(" ".join(_TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", text)).split()))
    if between > max_chars:
        return (f"{between:,} characters of its HTML lie outside tags, over the limit of {max_chars:,} "
                "(spaCy's max_length); split the page or raise --max-chars"), None
    from ..stages.clean.html import html_to_text  # the clean stage's own extraction, for a page this long only

    try:
        extracted = html_to_text(text)
    except DOCUMENT_ERRORS:  # (the clean stage reports it for the document)
        return None, None
    if len(extracted[0]) <= max_chars:
        return None, extracted
    return (f"the text extracted from its HTML is {len(extracted[0]):,} characters, over the limit of "
            f"{max_chars:,} (spaCy's max_length); split the page or raise --max-chars"), None


_TABLE_HELP = "a table input needs 'text' and may have 'id', 'title', 'source', 'published'"


def _iter_records(path: Path, max_chars: int, named: Path) -> Iterator[RawDocument | ErrorRecord]:
    """The records of ``path`` (``stored_input``'s), ``<path>#<row>``; ``named``: as --input wrote it."""
    where_file = display_path(named)
    where_rows = display_path(path)
    seen: set[str] = set()
    generated = f"{path.stem}-"
    written = _written_ids(path, generated)
    n = 0
    for i, row in enumerate(_records(path, named=named)):  # i: the record's place in the file, a bad record's too
        where = f"{where_rows}#{i}"
        if isinstance(row, ErrorRecord):
            yield row
            continue
        if n == 0 and "text" not in row:
            raise InputPathError(f"{where_file!r} has no 'text' column (columns: {', '.join(map(str, row))}); {_TABLE_HELP}")
        n += 1
        raw_id = row.get("id")
        doc_id = without_surrogates(id_text(raw_id)) if _present(raw_id) else _generated_id(f"{generated}{i}", written)
        if doc_id in seen:
            yield ErrorRecord(doc_id, where, "read", "duplicate_id", f"row {i}: id {doc_id!r} already used by an earlier row")
            continue
        seen.add(doc_id)
        text = row.get("text")
        if not isinstance(text, str) or isinstance(text, Number):
            kind = "number" if isinstance(text, Number) else type(text).__name__
            yield ErrorRecord(doc_id, where, "read", "empty", f"row {i}: 'text' is {kind}, not a string")
            continue
        text, _ = normalize_text(text)
        meta = {k: (without_surrogates(str(row[k])) if _present(row.get(k)) else None) for k in RECORD_COLUMNS[1:]}
        yield _make_document(doc_id, where, text, _looks_like_html(text), meta["title"], meta["source"],
                             meta["published"], max_chars)
    if n == 0:
        raise InputPathError(f"{where_file!r} holds no records; {_TABLE_HELP}")


def _written_ids(path: Path, prefix: str) -> set[str]:
    """The ids the file's rows give that start like a generated one (``<stem>-``): a
    generated id must not take one (``_generated_id``), wherever in the file it is
    written. One pass over the file before its records are read (a Parquet file: its
    ``id`` column only)."""
    ids = set()
    for row in _records(path, columns=["id"]):
        if isinstance(row, dict) and _present(row.get("id")):
            doc_id = without_surrogates(id_text(row["id"]))
            if doc_id.startswith(prefix):
                ids.add(doc_id)
    return ids


def _generated_id(doc_id: str, written: set[str]) -> str:
    """The id of a row without one (``<stem>-<row>``), unless a row of the file gives that id
    itself (``{"text": ...}`` then ``{"id": "rows-0", ...}``): the id the user wrote wins,
    and the generated one takes a suffix as colliding file stems do (``rows-0#2``). The
    same file gives the same ids on every run."""
    n, candidate = 1, doc_id
    while candidate in written:
        n += 1
        candidate = f"{doc_id}#{n}"
    return candidate


def _records(path: Path, columns: list[str] | None = None, named: Path | None = None) -> Iterator[dict | ErrorRecord]:
    """``table_rows`` of ``path``; a file that cannot be read as its type at all stops the run
    with one line (``InputPathError``) naming it as ``named`` (--input as written)."""
    shown = display_path(path if named is None else named)
    suffix = path.suffix.lower()
    try:
        yield from table_rows(path, columns, display_path(path))
    except DecodeError as exc:  # the whole file (``decode_raw``): binary, or not its byte-order mark's encoding
        raise InputPathError(f"cannot read {shown!r} as {suffix[1:]}: {exc.detail}") from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputPathError(f"cannot read {shown!r} as {suffix[1:]}: {exc}") from None


def id_text(value) -> str:
    """An id as text, exactly as written (a JSON number's literal, a Parquet integer's digits)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return str(int(value))
    return str(value)


def _present(value) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    return str(value).strip() != ""
