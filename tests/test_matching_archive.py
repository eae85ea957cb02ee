"""Reading an archive of checked claims: the three formats, column names, and one-line errors
that name the file and what is wrong (exit code 3 through the CLI)."""
from __future__ import annotations

import codecs
import csv
import json

import pytest

from pipeline.errors import InputError
from pipeline.matching import ArchiveError, read_archive


def write_rows(path, header, rows, delimiter="\t"):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_matching_archive_reads_tsv_with_optional_columns(tmp_path):
    p = write_rows(tmp_path / "a.tsv", ["id", "claim", "title", "url", "verdict"],
                   [["a1", "Koalas are functionally extinct.", "Are Koalas Extinct?", "https://x/1", "False"],
                    ["a2", "Bananas will be extinct in ten years.", "", "", ""]])
    a = read_archive(p)
    assert a.ids == ["a1", "a2"] and a.claims[1] == "Bananas will be extinct in ten years."
    assert a.titles == ["Are Koalas Extinct?", ""] and a.urls == ["https://x/1", None]
    assert a.verdicts == ["False", None] and a.has == {"title", "url", "verdict"}


def test_matching_archive_reads_csv_with_quoted_fields_and_other_column_names(tmp_path):
    p = write_rows(tmp_path / "a.csv", ["ID", "Claim_Text", "Rating"], [["x", 'He said "hi, there"', "True"]],
                   delimiter=",")
    a = read_archive(p)
    assert a.claims == ['He said "hi, there"'] and a.verdicts == ["True"] and a.titles == [""]
    assert a.has == {"verdict"}


def test_matching_archive_reads_jsonl_skipping_blank_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": 1, "claim": "x y z", "title": "t"}) + "\n\n" + json.dumps({"id": 2, "claim": "w"}) + "\n")
    a = read_archive(p)
    assert a.ids == ["1", "2"] and a.titles == ["t", ""]


def test_matching_archive_checkthat_header_has_an_unnamed_id_column(tmp_path):
    # verified_claims.tsv of CheckThat! 2020: "\tvclaim\ttitle"
    p = write_rows(tmp_path / "v.tsv", ["", "vclaim", "title"], [["0", "c0", "t0"], ["1", "c1", "t1"]])
    a = read_archive(p)
    assert a.ids == ["0", "1"] and a.claims == ["c0", "c1"] and a.titles == ["t0", "t1"]


def test_matching_archive_rows_without_any_text_are_skipped_and_counted(tmp_path):
    p = write_rows(tmp_path / "a.tsv", ["id", "claim", "title"], [["a", "text", ""], ["b", "", ""], ["c", "", "a title"]])
    a = read_archive(p)
    assert a.ids == ["a", "c"] and a.skipped == 1


def test_matching_archive_rows_of_separators_only_are_skipped_and_counted(tmp_path):
    """A spreadsheet's CSV export ends with rows of separators only (`,,`): rows without a claim,
    skipped and counted like the others (regression: refused as "record 2 has an empty id")."""
    p = tmp_path / "excel.csv"
    p.write_bytes(b"id,claim,title\r\n1,The OSCE must return to dialogue,x\r\n,,\r\n,,\r\n")
    a = read_archive(p)
    assert a.ids == ["1"] and a.claims == ["The OSCE must return to dialogue"] and a.skipped == 2
    assert read_archive(write_rows(tmp_path / "a.tsv", ["id", "claim"], [["", "  "], ["2", "c"]])).skipped == 1


@pytest.mark.parametrize("header, row, ids", [
    ("claim\ttitle\t", "foo\tbar\t", None),    # a trailing delimiter: no id column, not an id column ''
    ("claim\t\ttitle", "foo\t7\tbar", None),    # an unnamed column in the middle is none either
    ("\tclaim\ttitle", "7\tfoo\tbar", ["7"]),   # an unnamed first column is (CheckThat! 2020)
    ("id\tclaim\t", "7\tfoo\t", ["7"]),
])
def test_matching_archive_an_unnamed_column_is_the_id_only_where_it_comes_first(tmp_path, header, row, ids):
    p = tmp_path / "trail.tsv"
    p.write_text(f"{header}\n{row}\n", encoding="utf-8")
    if ids is not None:
        assert read_archive(p).ids == ids
        return
    with pytest.raises(ArchiveError) as info:
        read_archive(p)
    columns = ", ".join(repr(c) for c in header.split("\t"))
    assert str(info.value) == (f"{p}: no id column (looked for 'id', 'claim_id', 'vclaim_id', 'fact_check_id', "
                               f"'factcheck_id' or an unnamed first column); the columns are: {columns}")


@pytest.mark.parametrize("name, content, message", [
    ("noclaim.tsv", "id\theadline\n1\tt\n",
     r"noclaim\.tsv: no claim text column \(looked for 'claim', .*\); the columns are: 'id', 'headline'$"),
    ("noid.tsv", "claim\ttitle\nc\tt\n", r"noid\.tsv: no id column \(looked for 'id', .* or an unnamed first column\)"),
    ("dup.tsv", "id\tclaim\n1\ta\n1\tb\n", r"dup\.tsv: id '1' appears twice \(records 1 and 2\)"),
    ("emptyid.csv", "id,claim\n,a\n", r"emptyid\.csv: record 1 has an empty id \(column 'id'\)"),
    ("empty.tsv", "", r"empty\.tsv: empty file"),
    ("header_only.tsv", "id\tclaim\n", r"header_only\.tsv: no checked claims"),
    ("wide.csv", "id,claim\n1,a,b\n", r"wide\.csv: the record ending on line 2 has 3 fields, the header 2"),
    ("bad.jsonl", '{"id": 1, "claim": "x"}\n{oops\n', r"bad\.jsonl: line 2 is not JSON"),
    ("list.jsonl", '[1, 2]\n', r"list\.jsonl: record 1 is a list, not an object"),
    ("dupcol.csv", "id,claim,claim\n1,a,b\n", r"dupcol\.csv: the claim text column 'claim' appears 2 times "
                                                r"\(column 2 'claim', column 3 'claim'\); keep one and rename or remove"),
    ("dupid.tsv", "ID\tclaim\tid\n1\ta\t2\n", r"dupid\.tsv: the id column 'id' appears 2 times \(column 1 'ID', "
                                               r"column 3 'id'\)"),
    ("dupunnamed.tsv", "\tvclaim\ttitle\t\n0\tc\tt\t\n", r"dupunnamed\.tsv: the id column '' appears 2 times"),
    ("duptitle.csv", "id,claim,Title,title\n1,a,t,u\n", r"duptitle\.csv: the title column 'title' appears 2 times"),
    ("dupkey.jsonl", '{"id": 1, "claim": "a", "Claim": "b"}\n', r"dupkey\.jsonl: the claim text column 'claim' appears "
                                                                 r"2 times \(column 2 'claim', column 3 'Claim'\)"),
    ("listid.jsonl", '{"id": [1, 2], "claim": "x"}\n',
     r"listid\.jsonl: record 1 \(line 1\): id = \[1, 2\] is a list, not text; write the id as a string or a number"),
    ("dictclaim.jsonl", '{"id": 1, "claim": "a"}\n\n{"id": 2, "claim": {"en": "b"}}\n',
     r'dictclaim\.jsonl: record 2 \(line 3\): claim = \{"en": "b"\} is an object, not text; write the claim text as a'),
    ("listtitle.jsonl", '{"id": 1, "claim": "a", "headline": ["t"]}\n', r'record 1 \(line 1\): headline = \["t"\] is a list'),
    ("switch.jsonl", '{"id": 1, "claim": "a"}\n{"claim_id": 2, "text": "b"}\n',
     r"switch\.jsonl: record 2 \(line 2\) has no field 'id', which the first record has \(its fields: 'claim_id', "
     r"'text'\); name the fields alike in every record"),
    ("switchclaim.jsonl", '{"id": 1, "claim": "a"}\n\n{"id": 2, "text": "b"}\n', r"record 2 \(line 3\) has no field 'claim'"),
    ("open.csv", 'id,claim\n1,"oops\n2,b\n3,c\n', r"open\.csv: the record that starts on line 2 has a quoted field "
                                                  r"\(column 'claim'\) that is never closed, so the rest of the file"),
    ("open.tsv", 'id\tclaim\ttitle\n1\t"a\nb"\tt\n2\tc\t"t2\n3\td\tt3',
     r"open\.tsv: the record that starts on line 4 has a quoted field \(column 'title'\) that is never closed"),
    ("after.tsv", 'id\tclaim\n1\tok\n2\t"Koalas" are extinct\n',
     r"after\.tsv: line 3: text after the closing quote of a quoted field .*; quote the whole field and write each "
     r'quote inside it as ""'),
    ("x.parquet", "", r"x\.parquet: unsupported archive type '\.parquet'; use \.tsv, \.csv or \.jsonl"),
    ("nosuffix", "", r"nosuffix: unsupported archive type '\(no suffix\)'"),
])
def test_matching_archive_errors_name_the_file_and_the_problem(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(ArchiveError, match=message) as info:
        read_archive(p)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("header, row, claim", [
    ("id,claim,notes,notes", "1,a,x,y", "a"),      # a repeated column that is not read
    ("id,claim,,", "1,a,,", "a"),                  # empty names at the end (a spreadsheet's export)
    ("id,claim,text,TEXT", "1,a,b,c", "a"),        # the claim comes from 'claim': the two 'text' are not read
])
def test_matching_archive_repeated_column_names_refused_only_where_read(tmp_path, header, row, claim):
    """Regression: a repeated column name that is read (``id,claim,claim``) took the last
    column's value; a repeated name the archive does not read changes nothing and stays accepted."""
    p = tmp_path / "a.csv"
    p.write_text(f"{header}\n{row}\n", encoding="utf-8")
    a = read_archive(p)
    assert a.ids == ["1"] and a.claims == [claim]


@pytest.mark.parametrize("lines, ids, claims, titles", [
    ([{"id": 7, "claim": "a"}], ["7"], ["a"], [""]),  # a number is an id
    ([{"id": 1, "claim": "a", "title": "t"}, {"id": 2, "claim": "b"}], ["1", "2"], ["a", "b"], ["t", ""]),
    ([{"id": 1, "claim": "a", "tags": ["x"], "meta": {"k": 1}}], ["1"], ["a"], [""]),  # fields not read
    ([{"id": 1, "claim": "a", "title": "t"}, {"id": 2, "claim": None, "title": "u"}], ["1", "2"], ["a", ""], ["t", "u"]),
    ([{"id": 1, "claim": "a", "verdict": False}], ["1"], ["a"], [""]),
])
def test_matching_archive_jsonl_fields_of_the_first_line_read_on_every_line(tmp_path, lines, ids, claims, titles):
    """Regression: a later line that named its fields otherwise (``claim_id``, ``text``) switched
    the columns mid-file, and a list or object as an id or claim became its Python repr; both are
    refused (``test_matching_archive_errors_name_the_file_and_the_problem``). These stay accepted."""
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps(line) + "\n" for line in lines))
    a = read_archive(p)
    assert (a.ids, a.claims, a.titles) == (ids, claims, titles)


@pytest.mark.parametrize("name, content, claims", [
    ("doubled.csv", 'id,claim\n1,"He said ""hi"", then left"\n2,b\n', ['He said "hi", then left', "b"]),
    ("lines.tsv", 'id\tclaim\n1\t"two\nlines"\n2\tb\n', ["two\nlines", "b"]),
    ("inner.csv", 'id,claim\n1,a "quoted" word\n2,b\n', ['a "quoted" word', "b"]),  # quotes inside an unquoted field
    ("noend.csv", 'id,claim\n1,a\n2,"b"', ["a", "b"]),                                 # no newline at the end
    ("crlf.csv", 'id,claim\r\n1,"a\r\nb"\r\n2,c\r\n', ["a\nb", "c"]),  # line ends read as LF
])
def test_matching_archive_quoting_that_stays_accepted(tmp_path, name, content, claims):
    """The reader is strict about quotes (a field left open, text after a closing quote: refused,
    see ``test_matching_archive_errors_name_the_file_and_the_problem``); well-formed quoting and a
    quote inside an unquoted field still read as before."""
    p = tmp_path / name
    p.write_bytes(content.encode("utf-8"))
    assert read_archive(p).claims == claims


@pytest.mark.parametrize("name, encoding", [
    ("le.tsv", "utf-16-le"), ("be.csv", "utf-16-be"), ("any.jsonl", "utf-16"), ("wide.tsv", "utf-32"),
    ("bom8.csv", "utf-8-sig"), ("plain.tsv", "utf-8"),
])
def test_matching_archive_byte_order_mark_decides_the_encoding(tmp_path, name, encoding):
    """Regression: an archive saved as UTF-16 with a byte-order mark (a spreadsheet's "Unicode
    text") was refused as "not UTF-8" while ``--input`` reads it; it is decoded as inputs are
    (``decode_raw``), CR LF line ends read as LF, and a UTF-8 archive reads as before."""
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    if name.endswith(".jsonl"):
        text = '{"id": "a1", "claim": "Caf\u00e9 prices \u2014 up 5%"}\r\n{"id": "a2", "claim": "\U0001F600 two"}\r\n'
    else:
        sep = "\t" if name.endswith(".tsv") else ","
        text = f'id{sep}claim\r\na1{sep}"Caf\u00e9 prices\r\n\u2014 up 5%"\r\na2{sep}\U0001F600 two\r\n'
    (tmp_path / name).write_bytes(bom + text.encode(encoding))
    a = read_archive(tmp_path / name)
    assert a.ids == ["a1", "a2"] and a.claims[1] == "\U0001F600 two" and a.claims[0].startswith("Caf\u00e9 prices")
    assert "\r" not in a.claims[0] and "\ufeff" not in a.ids[0]


def test_matching_archive_byte_order_mark_that_lies_is_one_line(tmp_path):
    (tmp_path / "odd.tsv").write_bytes(codecs.BOM_UTF16_LE + "id\tclaim\n1\ta\n".encode("utf-16-le") + b"\x00")
    with pytest.raises(ArchiveError, match=r"odd\.tsv: declared utf-16 by its byte-order mark but .*; save the archive "
                                           r"as UTF-8"):
        read_archive(tmp_path / "odd.tsv")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_matching_archive_line_separators_inside_a_jsonl_text_stay_text(tmp_path, separator):
    """Regression: json.dumps(ensure_ascii=False) leaves U+2028, U+2029 and U+0085 raw inside a
    string, and str.splitlines split the line there: "line 1 is not JSON"."""
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps({"id": n, "claim": f"one{separator}two"}, ensure_ascii=False) + "\n" for n in (1, 2)),
                 encoding="utf-8")
    assert read_archive(p).claims == [f"one{separator}two"] * 2


def test_matching_archive_missing_file_and_bad_encoding(tmp_path):
    with pytest.raises(ArchiveError, match=r"missing\.tsv: no such file"):
        read_archive(tmp_path / "missing.tsv")
    (tmp_path / "latin1.tsv").write_bytes("id\tclaim\n1\tcaf\xe9\n".encode("latin-1"))
    with pytest.raises(ArchiveError, match=r"latin1\.tsv: not UTF-8 text .*save the archive as UTF-8"):
        read_archive(tmp_path / "latin1.tsv")


def test_matching_archive_error_is_an_input_error_with_exit_code_3():
    assert issubclass(ArchiveError, InputError) and ArchiveError.exit_code == 3
