"""An archive of checked claims, read from a ``.tsv``, ``.csv`` or ``.jsonl`` file.

Columns are found by name, case-insensitively (the first name of each list that the file has):

* id: ``id``, ``claim_id``, ``vclaim_id``, ``fact_check_id``, ``factcheck_id``, or an unnamed
  first column (the CheckThat! 2020 ``verified_claims.tsv`` header starts with an empty name; an
  unnamed column elsewhere, a trailing delimiter's, is no id column);
* claim text: ``claim``, ``vclaim``, ``claim_text``, ``claimtext``, ``text``, ``statement``;
* optional: title (``title``, ``headline``, ``fact_check_title``), URL (``url``, ``link``,
  ``fact_check_url``, ``review_url``), verdict (``verdict``, ``rating``, ``label``,
  ``truth_rating``, ``textual_rating``).

The file is UTF-8 text, or UTF-16 or UTF-32 with a byte-order mark (decoded as ``--input`` is:
``inputs.decode.decode_raw``); other bytes are refused, not guessed.

A file that cannot be used raises :class:`ArchiveError` (an ``InputError``: exit code 3) with
one line naming the file and what is wrong: a missing id or claim column (and the columns the
file has), a column it reads named twice (``id,claim,claim``, or ``Claim`` beside ``claim``: a
repeated name it does not read is no matter), a duplicate or empty id, a line that is not JSON,
a row with more fields than the header, a quoted field never closed (the rest of the file would
be that field) or text after a field's closing quote (its quotes would be lost), a JSON list or
object where an id or a text belongs. The
columns are those of the first record: a later JSON line without its id or claim field (one that
names them otherwise, ``claim_id`` and ``text`` after ``id`` and ``claim``) is refused, naming
the line. Rows with neither claim text nor title are skipped and counted (``Archive.skipped``),
whatever their id: a row of separators only (``,,``, as spreadsheets export one) among them.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import InputError
from ..inputs.decode import WIDE_BOMS, DecodeError, decode_raw, json_lines

SUFFIXES = (".tsv", ".csv", ".jsonl", ".ndjson")
ID_COLUMNS = ("id", "claim_id", "vclaim_id", "fact_check_id", "factcheck_id", "")
CLAIM_COLUMNS = ("claim", "vclaim", "claim_text", "claimtext", "text", "statement")
TITLE_COLUMNS = ("title", "headline", "fact_check_title")
URL_COLUMNS = ("url", "link", "fact_check_url", "review_url")
VERDICT_COLUMNS = ("verdict", "rating", "label", "truth_rating", "textual_rating")


class ArchiveError(InputError):
    """An archive file cannot be used; the message names the file and what is wrong."""


@dataclass
class Archive:
    """Checked claims in file order: unique ids, claim texts, and optional titles, URLs, verdicts."""

    ids: list[str]
    claims: list[str]
    titles: list[str] = field(default_factory=list)
    urls: list[str | None] = field(default_factory=list)
    verdicts: list[str | None] = field(default_factory=list)
    source: str = "<memory>"
    skipped: int = 0  # rows without claim text and title
    has: frozenset[str] = frozenset()  # which optional fields the file has: "title", "url", "verdict"

    def __post_init__(self):
        n = len(self.ids)
        self.titles = self.titles or [""] * n
        self.urls = self.urls or [None] * n
        self.verdicts = self.verdicts or [None] * n
        if not (len(self.claims) == len(self.titles) == len(self.urls) == len(self.verdicts) == n):
            raise ArchiveError(f"{self.source}: ids, claims, titles, urls and verdicts differ in length")
        seen: dict[str, int] = {}
        for i, x in enumerate(self.ids):
            if x in seen:
                raise ArchiveError(f"{self.source}: id {x!r} appears twice (records {seen[x] + 1} and {i + 1}); "
                                   "ids must be unique")
            seen[x] = i

    def __len__(self) -> int:
        return len(self.ids)

    def content_hash(self) -> str:
        """sha256 over ids, claims and titles: what the index is built from."""
        h = hashlib.sha256()
        for a, b, c in zip(self.ids, self.claims, self.titles):
            for part in (a, b, c):
                h.update(part.encode("utf-8"))
                h.update(b"\x1f")
            h.update(b"\x1e")
        return h.hexdigest()


def _pick(header: Sequence[str], wanted: Sequence[str], what: str, source: str, required: bool) -> str | None:
    names = [str(h).strip().lower() for h in header]
    for name in wanted:
        # an unnamed column is the id only where it comes first (CheckThat! 2020's
        # verified_claims.tsv); elsewhere it is the empty name of a trailing delimiter
        # (`claim\ttitle\t`), no column of ids (regression: it was, and every row's id empty)
        if name in names and (name or names[0] == ""):
            same = [n for n, h in enumerate(names, 1) if h == name]
            if len(same) > 1:
                listing = ", ".join(f"column {n} {header[n - 1]!r}" for n in same)
                raise ArchiveError(f"{source}: the {what} column {name!r} appears {len(same)} times ({listing}); "
                                   "keep one and rename or remove the others")
            return header[names.index(name)]
    if required:
        looked = ", ".join(repr(w) for w in wanted if w) + (" or an unnamed first column" if "" in wanted else "")
        raise ArchiveError(f"{source}: no {what} column (looked for {looked}); "
                           f"the columns are: {', '.join(map(repr, header)) or '(none)'}")
    return None


def _columns(header: Sequence[str], source: str) -> tuple[str | None, ...]:
    """(id, claim, title, url, verdict) columns of ``header``: the first two required."""
    return (_pick(header, ID_COLUMNS, "id", source, True),
            _pick(header, CLAIM_COLUMNS, "claim text", source, True),
            _pick(header, TITLE_COLUMNS, "title", source, False),
            _pick(header, URL_COLUMNS, "url", source, False),
            _pick(header, VERDICT_COLUMNS, "verdict", source, False))


def _text(value) -> str:
    return "" if value is None else str(value)


def _at(n: int, line: int | None) -> str:
    """Where record ``n`` is, for an error (built only when one is raised: it runs per record)."""
    return f"record {n}" + (f" (line {line})" if line is not None else "")


def _shown(value, limit: int = 60) -> str:
    """A JSON value as the file writes it, cut to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def from_records(records: Iterable[dict], source: str = "<records>") -> Archive:
    """An archive from dicts (one per checked claim), columns found as the module says."""
    return _from_lines(((None, record) for record in records), source)


def _from_lines(lines: Iterable[tuple[int | None, object]], source: str) -> Archive:
    """``from_records`` over (line number or None, record): the columns are those of the first
    record, and every record must have its id and claim fields; a message names the line."""
    ids, claims, titles, urls, verdicts = [], [], [], [], []
    columns = None
    skipped = 0
    for n, (line, record) in enumerate(lines, 1):
        if not isinstance(record, dict):
            raise ArchiveError(f"{source}: record {n} is a {type(record).__name__}, not an object with named fields")
        if columns is None:
            columns = _columns(list(record.keys()), source)
        for col in columns[:2]:
            if col not in record:
                fields = ", ".join(map(repr, record)) or "(none)"
                raise ArchiveError(f"{source}: {_at(n, line)} has no field {col!r}, which the first record has (its fields: "
                                   f"{fields}); name the fields alike in every record")
        for col, what in zip(columns, ("id", "claim text", "title", "url", "verdict")):
            value = record.get(col) if col is not None else None
            if isinstance(value, (list, dict)):
                kind = "a list" if isinstance(value, list) else "an object"
                raise ArchiveError(f"{source}: {_at(n, line)}: {col} = {_shown(value)} is {kind}, not text; write the {what} "
                                   f"as a string{' or a number' if what == 'id' else ''}")
        id_col, claim_col, title_col, url_col, verdict_col = columns
        claim = _text(record.get(claim_col))
        title = _text(record.get(title_col)) if title_col else ""
        if not claim.strip() and not title.strip():  # nothing to match, whatever its id: a row of
            skipped += 1                             # separators only (`,,`, as spreadsheets write) too
            continue
        rid = record.get(id_col)
        if rid is None or str(rid).strip() == "":
            raise ArchiveError(f"{source}: record {n} has an empty id (column {id_col!r})")
        ids.append(str(rid).strip())
        claims.append(claim)
        titles.append(title)
        urls.append((_text(record.get(url_col)) or None) if url_col else None)
        verdicts.append((_text(record.get(verdict_col)) or None) if verdict_col else None)
    if not ids:
        raise ArchiveError(f"{source}: no checked claims (an empty file, or no row has claim text)")
    has = frozenset(name for name, col in zip(("title", "url", "verdict"), columns[2:]) if col)
    return Archive(ids, claims, titles, urls, verdicts, source=source, skipped=skipped, has=has)


def read_archive(path: str | Path) -> Archive:
    """Read an archive file: ``.tsv``, ``.csv`` (a header row; RFC 4180 quoting) or ``.jsonl``
    (one JSON object per line)."""
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArchiveError(f"{path}: unsupported archive type {suffix or '(no suffix)'!r}; "
                           "use .tsv, .csv or .jsonl")
    text = _decoded(path.read_bytes(), path)
    if suffix in (".jsonl", ".ndjson"):
        return _from_lines(_json_lines(text, path), source=str(path))
    return from_records(_delimited(text, path, suffix), source=str(path))


def _decoded(data: bytes, path: Path) -> str:
    """The text of an archive file: UTF-8 (a UTF-8 byte-order mark dropped), or UTF-16 or UTF-32
    where a byte-order mark says so, decoded as ``--input`` decodes it (``inputs.decode.decode_raw``);
    line ends read as LF. No guess: other bytes are refused."""
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = decode_raw(data)[0] if data.startswith(WIDE_BOMS) else data[bom:].decode("utf-8")
    except DecodeError as exc:
        raise ArchiveError(f"{path}: {exc.detail}; save the archive as UTF-8") from None
    except UnicodeDecodeError as exc:
        raise ArchiveError(f"{path}: not UTF-8 text (byte {bom + exc.start}); save the archive as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _json_lines(text: str, path: Path) -> Iterator[tuple[int, object]]:
    for number, line in json_lines(text):
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArchiveError(f"{path}: line {number} is not JSON ({exc.msg})") from None


def _delimited(text: str, path: Path, suffix: str) -> Iterator[dict]:
    """The rows of a delimited file as dicts. Strict quoting: a quoted field left open, which
    would run to the end of the file as one field, or text after a field's closing quote, which
    would lose the quotes, is refused with the line it is on."""
    csv.field_size_limit(1 << 24)
    delimiter = "\t" if suffix == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ArchiveError(f"{path}: empty file (expected a header row)") from None
    except csv.Error as exc:
        raise ArchiveError(f"{path}: unreadable header row ({exc})") from None
    _columns(header, str(path))  # here, where a repeated name is seen: a row's dict keeps one of them
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _quoting_error(exc, text, path, delimiter, header, start, reader.line_num) from None
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) > len(header):
            raise ArchiveError(f"{path}: the record ending on line {reader.line_num} has {len(row)} fields, "
                               f"the header {len(header)}")
        yield dict(zip(header, row + [""] * (len(header) - len(row))))


def _quoting_error(exc: csv.Error, text: str, path: Path, delimiter: str, header: list[str], start: int,
                   line: int) -> ArchiveError:
    """The one line for ``exc``, raised by the strict reader in the record that starts on line ``start``."""
    if str(exc) == "unexpected end of data":  # a quoted field still open at the end of the file
        lines = io.StringIO(text, newline="")
        for _ in range(start - 1):
            next(lines)
        fields = next(csv.reader(lines, delimiter=delimiter), [])  # not strict: the open field runs to the end
        column = f" (column {header[len(fields) - 1]!r})" if 0 < len(fields) <= len(header) else ""
        return ArchiveError(f"{path}: the record that starts on line {start} has a quoted field{column} that is "
                            "never closed, so the rest of the file would be that one field; add its closing quote (a "
                            'quote inside a quoted field is written "")')
    if "expected after" in str(exc):
        return ArchiveError(f"{path}: line {line}: text after the closing quote of a quoted field ({exc}); quote the "
                            'whole field and write each quote inside it as ""')
    return ArchiveError(f"{path}: line {line}: {exc}")
