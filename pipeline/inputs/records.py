"""The rows of a table input (``.jsonl``, ``.csv``, ``.parquet``), each at its position.

``table_rows`` yields one item per record of the file, in file order: a dict of the
values as written (JSON numbers stay their text, CSV cells are strings, Parquet integers
stay integers), or an ``ErrorRecord`` (``bad_record``) for a record that cannot be read,
in the place the record has in the file. A record's position (blank lines aside) is what
its generated id is made from (``<stem>-<row>``), so one bad record changes no other
record's id. ``readers`` turns the rows into documents.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterator

from .decode import LINE_END, WIDE_BOMS, DecodeError, decode_raw
from ..errors import ErrorRecord

#: the longest CSV field read (the csv module's default is 131,072 characters, under the
#: 1,000,000 of a document; ``--max-chars`` decides what is too long, not the reader)
CSV_FIELD_LIMIT = 2 ** 31 - 1


class Number(str):
    """A JSON number kept as the text it was written as (ids stay exact)."""


def table_rows(path: Path, columns: list[str] | None = None, where: str | None = None
               ) -> Iterator[dict | ErrorRecord]:
    """The records of the table file ``path`` (rows or ``bad_record`` errors, in file order;
    ``where``: the file's name as stored). ``columns``: of a Parquet file, read only those it
    has (a JSONL or CSV row is read whole). A file that cannot be read at all raises
    (``OSError``, ``ValueError``, ``DecodeError``)."""
    suffix = path.suffix.lower()
    where = str(path) if where is None else where
    if suffix == ".jsonl":
        yield from _jsonl_records(path, where)
    elif suffix == ".csv":
        yield from _csv_records(path, where)
    else:
        yield from _parquet_rows(path, columns)


def _parquet_rows(path: Path, columns: list[str] | None) -> Iterator[dict]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        if columns is not None:
            columns = [c for c in columns if c in pf.schema_arrow.names]
            if not columns:
                return
        for batch in pf.iter_batches(batch_size=1024, columns=columns):
            yield from batch.to_pylist()
    except pa.ArrowInvalid as exc:
        raise ValueError(str(exc)) from None


def _csv_records(path: Path, where: str) -> Iterator[dict | ErrorRecord]:
    """The rows of a CSV file as dicts of strings (a missing field is ``""``; of a name the
    header repeats, the first column), in file order, blank lines skipped; a row with more
    fields than the header is one ``bad_record`` in its place (an unquoted comma), and so is
    a quoted field never closed, which would run to the end of the file as one field. The
    file is read with the csv module, not pandas: pandas' reader reports its bad rows apart
    from the others (every generated id after one moved), and took a first data row with a
    field too many as a sign that the first column is an index (every row's text shifted)."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    text = decode_raw(path.read_bytes())[0]
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    row = -1
    pending: tuple[int, int, list[str]] | None = None  # the last record, held until it is known to be closed
    while True:
        start = reader.line_num + 1
        fields = next(reader, None)
        if fields is None:
            break
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue  # a blank line (pandas skipped them too)
        if header is None:
            header = fields
            continue
        row += 1
        if pending is not None:
            yield _csv_row(*pending, header, where)
        pending = (row, start, fields)
    if pending is None:
        return
    if _open_quote(text, start=pending[1]):
        yield ErrorRecord(None, f"{where}#{pending[0]}", "read", "bad_record",
                          f"skipped row {pending[0] + 2}: a quoted field is never closed, so it would run to the "
                          f"end of the file, and nothing from line {pending[1]} on was read; add its closing "
                          'quote (a quote inside a quoted field is written "")')
    else:
        yield _csv_row(*pending, header, where)


def _csv_row(row: int, line: int, fields: list[str], header: list[str], where: str) -> dict | ErrorRecord:
    if len(fields) > len(header):
        # "skipped row N": the row as a spreadsheet numbers it, the header its row 1
        return ErrorRecord(None, f"{where}#{row}", "read", "bad_record",
                           f"skipped row {row + 2}: expected {len(header)} fields, saw {len(fields)} (line {line}); "
                           "quote a field that holds a comma")
    record: dict = {}
    for name, value in zip(header, fields + [""] * (len(header) - len(fields))):
        record.setdefault(name, value)
    return record


def _open_quote(text: str, start: int) -> bool:
    """Whether the record that starts on line ``start`` of ``text`` ends inside a quoted field
    (the lenient reader takes the rest of the file as that field; the strict one says so)."""
    lines = io.StringIO(text, newline="")
    for _ in range(start - 1):
        lines.readline()
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error as exc:
        return str(exc) == "unexpected end of data"
    return False


def _jsonl_lines(path: Path) -> Iterator[str | DecodeError]:
    """The lines of a JSONL file as text: a UTF-16/32 byte-order mark's encoding for the
    whole file; otherwise each line decoded alone (``decode_raw``), so one Latin-1 line
    leaves the others UTF-8, and a line with a NUL byte is its ``DecodeError``. Lines end
    at LF, CR LF or CR, never inside a JSON string (U+2028 is JSON's)."""
    data = path.read_bytes()
    if data.startswith(WIDE_BOMS):
        yield from LINE_END.split(decode_raw(data)[0])
        return
    for line in data.splitlines():  # (bytes end lines at LF, CR LF and CR only)
        try:
            yield decode_raw(line)[0]
        except DecodeError as exc:
            yield exc


def _jsonl_records(path: Path, where: str) -> Iterator[dict | ErrorRecord]:
    row = -1
    for lineno, line in enumerate(_jsonl_lines(path), 1):
        if isinstance(line, DecodeError):
            row += 1
            yield ErrorRecord(None, f"{where}#{row}", "read", "bad_record", f"line {lineno}: {line.detail}")
            continue
        if not line.strip():
            continue
        row += 1
        try:
            value = json.loads(line, parse_int=Number, parse_float=Number)
        except json.JSONDecodeError as exc:
            yield ErrorRecord(None, f"{where}#{row}", "read", "bad_record", f"line {lineno}: not JSON ({exc.msg})")
            continue
        if not isinstance(value, dict):
            yield ErrorRecord(None, f"{where}#{row}", "read", "bad_record",
                              f"line {lineno}: a JSON {type(value).__name__}, not an object")
            continue
        yield value
