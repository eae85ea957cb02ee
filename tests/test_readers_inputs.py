"""Inputs other than plain .txt: HTML pages (through trafilatura) and tables
of records (.jsonl, .csv, .parquet) with id/title/source/published columns."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.errors import ErrorLog
from pipeline.stages.clean.html import html_to_text, without_repeated_tail
from pipeline.inputs.readers import InputPathError, read_inputs
from pipeline.stages.clean.stage import clean_documents

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ministers agree new border talks | Example News</title>
<script>var tracking = "Breaking news: do not index";</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/politics">Politics desk</a></li></ul></nav>
<header><div class="banner">Breaking News</div></header>
<main>
<article>
<h1>Ministers agree new border talks</h1>
<p>VILNIUS, Nov. 23 (Reuters) - Lithuania and Poland agreed on Monday to resume talks on border crossings, officials said after a meeting in the capital.</p>
<p>Traffic at the two main crossings has fallen by half since March, the ministry said in a statement published on its website.</p>
<h2>Next steps</h2>
<p>"We will not close the border," the Lithuanian minister told reporters, adding that the talks would resume in January.</p>
<script>document.write("advert");</script>
</article>
</main>
<footer><p>Copyright 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""

BODY = [
    "Lithuania and Poland agreed on Monday to resume talks on border crossings, officials said after a meeting in the capital.",
    "Traffic at the two main crossings has fallen by half since March, the ministry said in a statement published on its website.",
    "Next steps",
    "\"We will not close the border,\" the Lithuanian minister told reporters, adding that the talks would resume in January.",
]


def test_readers_html_main_text():
    text, title = html_to_text(PAGE)
    assert title == "Ministers agree new border talks"
    for para in BODY[1:]:
        assert para in text.split("\n")
    for gone in ("Home", "World news", "Politics desk", "Breaking News", "tracking", "advert",
                 "Copyright", "Privacy policy"):
        assert gone not in text, gone


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_readers_html_file_through_clean(tmp_path, suffix):
    (tmp_path / f"border{suffix}").write_text(PAGE, encoding="utf-8")
    raws, errors = read_inputs(tmp_path)
    assert not errors and [r.doc_id for r in raws] == ["border"] and raws[0].is_html
    frame = clean_documents(raws, ErrorLog())
    row = frame.iloc[0]
    assert row["title"] == "Ministers agree new border talks"
    assert row["dateline"] == "VILNIUS, Nov. 23 (Reuters) -" and row["source"] == "Reuters"
    assert row["text"].split("\n\n") == BODY


def test_readers_html_limit_is_on_the_extracted_text(tmp_path):
    # regression: a page over --max-chars of markup was rejected as too_large even when the article
    # in it is short (an inline base64 image); the limit is on the text extracted from it
    image = "<img src='data:image/png;base64," + "QUJD" * 5000 + "'>"
    (tmp_path / "image.html").write_text(PAGE.replace("</article>", image + "</article>"), encoding="utf-8")
    long_article = "".join(f"<p>Paragraph {i}: the minister said the talks would resume next month.</p>"
                           for i in range(150))
    (tmp_path / "long.html").write_text(PAGE.replace("</article>", long_article + "</article>"), encoding="utf-8")
    (tmp_path / "markup.html").write_text(PAGE.replace("</article>", image * 3 + "</article>"), encoding="utf-8")
    raws, errors = read_inputs(tmp_path, max_chars=6000)
    assert len(PAGE) + len(image) > 6000
    assert [r.doc_id for r in raws] == ["image"] and raws[0].is_html
    assert clean_documents(raws, ErrorLog()).iloc[0]["text"].split("\n\n") == BODY
    assert [(e.doc_id, e.error) for e in errors] == [("long", "too_large"), ("markup", "too_large")]
    assert "of its HTML lie outside tags, over the limit of 6,000" in errors[0].detail
    assert "of HTML exceeds the limit on a page's markup of 60,000" in errors[1].detail


def test_readers_html_of_paragraphs_over_the_limit_is_refused_without_extracting_it(tmp_path, monkeypatch):
    # a page whose words outside tags are over --max-chars is refused at once: extracting
    # 4,700,000 characters of paragraphs took a minute only to find the text too long
    from pipeline.stages.clean import html

    def no_extraction(*_args, **_kwargs):
        raise AssertionError("the page was extracted")

    monkeypatch.setattr(html, "html_to_text", no_extraction)
    paragraphs = "".join(f"<p>Paragraph {i}: the minister said the talks would resume.</p>" for i in range(200))
    (tmp_path / "long.html").write_text(PAGE.replace("</article>", paragraphs + "</article>"), encoding="utf-8")
    raws, errors = read_inputs(tmp_path, max_chars=6000)
    assert not raws and [(e.doc_id, e.error) for e in errors] == [("long", "too_large")]


def test_readers_html_without_main_text_is_reported(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    raws, _ = read_inputs(tmp_path)
    errors = ErrorLog()
    frame = clean_documents(raws, errors)
    assert frame.empty
    assert [(r.doc_id, r.error) for r in errors.records] == [("empty", "no_body")]


RECORDS = [
    {"id": "a1", "title": "Council approves budget", "source": "City Gazette", "published": "2025-12-05T10:15:00Z",
     "text": "Council approves budget\nThe city council approved next year's budget on Friday after a long debate."},
    {"id": "a2", "title": None, "source": None, "published": "5 December 2025",
     "text": "MINSK, 5 December (BelTA) - Belarus called for dialogue on Eurasian security, the ministry said."},
    {"id": "a3", "title": "Short", "source": "X", "published": "not a date",
     "text": "Only one sentence of body text survives here, and it is kept."},
]
EXPECTED = {
    "a1": ("Council approves budget", "City Gazette", "2025-12-05", None,
           "The city council approved next year's budget on Friday after a long debate."),
    "a2": (None, "BelTA", "2025-12-05", "MINSK, 5 December (BelTA) -",
           "Belarus called for dialogue on Eurasian security, the ministry said."),
    "a3": ("Short", "X", None, None, "Only one sentence of body text survives here, and it is kept."),
}


def _write(path, fmt):
    frame = pd.DataFrame(RECORDS)
    if fmt == "jsonl":
        path.write_text("\n".join(json.dumps({k: v for k, v in r.items() if v is not None}) for r in RECORDS) + "\n")
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path, index=False)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_readers_table_inputs(tmp_path, fmt):
    path = tmp_path / f"articles.{fmt}"
    _write(path, fmt)
    raws, errors = read_inputs(path)
    assert not errors
    assert [r.doc_id for r in raws] == ["a1", "a2", "a3"]
    frame = clean_documents(raws, ErrorLog()).set_index("doc_id")
    for doc_id, (title, source, published, dateline, text) in EXPECTED.items():
        row = frame.loc[doc_id]
        got = tuple(None if pd.isna(v) else v for v in (row["title"], row["source"], row["published"], row["dateline"]))
        assert got == (title, source, published, dateline), doc_id
        assert row["text"] == text


def test_readers_table_without_id_and_duplicates(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"text": "First article body sentence."}\n{"id": "x", "text": "Second."}\n'
                    '{"id": "x", "text": "Duplicate id."}\n{"id": "y", "text": 5}\n')
    raws, errors = read_inputs(path)
    assert [r.doc_id for r in raws] == ["rows-0", "x"]
    assert [(e.doc_id, e.error) for e in errors] == [("x", "duplicate_id"), ("y", "empty")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("ids, expected", [
    # the reported file: the generated id of row 0 took `rows-0`, and row 1, whose id the user wrote, was
    # dropped as its duplicate
    ([None, "rows-0", "rows-2", None], ["rows-0#2", "rows-0", "rows-2", "rows-3"]),
    # a user id equal to a later row's generated id, and its suffix taken too
    (["rows-1", None, "rows-1#2"], ["rows-1", "rows-1#3", "rows-1#2"]),
    # ids that only look alike take nothing: another stem, another row, no number
    (["text-0", None, "rows-00", "rows-x", None], ["text-0", "rows-1", "rows-00", "rows-x", "rows-4"]),
    # no id anywhere: the plain generated ids
    ([None, None], ["rows-0", "rows-1"]),
])
def test_readers_table_generated_ids_never_take_a_written_id(tmp_path, fmt, ids, expected):
    path = tmp_path / f"rows.{fmt}"
    rows = [{"text": f"Article {i} body.", **({} if d is None else {"id": d})} for i, d in enumerate(ids)]
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    else:
        frame = pd.DataFrame(rows, columns=["id", "text"])
        frame.to_csv(path, index=False) if fmt == "csv" else frame.to_parquet(path, index=False)
    raws, errors = read_inputs(path)
    assert errors == []
    assert [r.doc_id for r in raws] == expected
    assert [r.text for r in raws] == [r["text"] for r in rows]
    assert [r.doc_id for r in read_inputs(path)[0]] == expected  # the same on every run


@pytest.mark.parametrize("name, data", [
    # the reported file: pandas reported a bad row apart from the others, and counting it first moved every id
    ("r2.csv", 'title,text\nFirst,"Tony Blair said the economy was strong."\nSecond,"Gordon Brown said the budget '
               'would balance."\nThird,Michael Howard said taxes would rise, sharply\nFourth,"Ken Clarke said so."\n'),
    # a first row with a field too many made pandas take the first column as an index: every text shifted
    ("r2.csv", 'title,text\nFirst,Tony Blair said the economy was strong, really\nSecond,"Gordon Brown said the budget '
               'would balance."\nThird,"Michael Howard said taxes would rise."\nFourth,"Ken Clarke said so."\n'),
    ("r2.jsonl", '{"title": "First", "text": "Tony Blair said it."}\n{"title": "Second", "text": "Gordon Brown said '
                 'it."}\n{"title": "Third", text}\n\n{"title": "Fourth", "text": "Ken Clarke said so."}\n'),
])
def test_readers_table_generated_id_is_the_row_s_own_place(tmp_path, name, data):
    # a generated id is `<stem>-<row>` of the row itself: one bad row moves no other row's id, and
    # mending it leaves every other id as it was
    path = tmp_path / name
    path.write_text(data)
    raws, errors = read_inputs(path)
    bad = [int(e.path.rsplit("#", 1)[1]) for e in errors]
    assert [e.error for e in errors] == ["bad_record"] and len(raws) == 3
    assert {r.title: r.doc_id for r in raws} == {t: f"r2-{i}" for i, t in enumerate(["First", "Second", "Third", "Fourth"])
                                                 if i not in bad}
    assert all(r.text.startswith(("Tony", "Gordon", "Michael", "Ken")) for r in raws)


def test_readers_csv_quote_never_closed_is_one_bad_record(tmp_path):
    path = tmp_path / "open.csv"
    path.write_text('id,text\n1,"Tony Blair said it."\n2,"Gordon Brown said\n3,Ken Clarke said so.\n')
    raws, errors = read_inputs(path)
    assert [r.doc_id for r in raws] == ["1"]
    assert [(e.path.endswith("open.csv#1"), e.error) for e in errors] == [(True, "bad_record")]
    assert "line 3" in errors[0].detail and "never closed" in errors[0].detail


@pytest.mark.parametrize("fmt, content", [
    ("csv", "id,body\n1,hello\n"),
    ("jsonl", '{"id": 1, "body": "hello"}\n'),
])
def test_readers_table_without_text_column(tmp_path, fmt, content):
    path = tmp_path / f"bad.{fmt}"
    path.write_text(content)
    with pytest.raises(InputPathError, match="no 'text' column"):
        read_inputs(path)


def test_readers_input_files_are_what_the_folder_reader_reads(tmp_path):
    from pipeline.inputs.readers import input_files, iter_inputs
    from pipeline.runner.batching import count_inputs as _count_inputs

    for rel in ["b.txt", "a.HTML", "sub/c.htm", "notes.md", "noext", ".hidden.txt", ".git/d.txt", "sub/.e.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("The minister said the talks would resume.\n", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in input_files(tmp_path)] == ["a.HTML", "b.txt", "sub/c.htm"]
    assert _count_inputs(tmp_path) == 3
    # every visible file is either read (as a document or a per-file error) or reported unsupported
    items = list(iter_inputs(tmp_path))
    read = [r.path for r in items if getattr(r, "error", None) != "unsupported_type"]
    unsupported = [r.path for r in items if getattr(r, "error", None) == "unsupported_type"]
    assert read == [str(p) for p in input_files(tmp_path)]
    assert sorted(unsupported) == [str(tmp_path / "noext"), str(tmp_path / "notes.md")]


@pytest.mark.parametrize("name, data, texts, errors", [
    # a JSON escape with no pair: no file can store it, so the run crashed writing the table
    ("lone.jsonl", b'{"id": 1, "text": "Alice said hi."}\n{"id": 2, "text": "Bad \\ud800 here.", "title": "T\\udc00"}\n',
     ["Alice said hi.", "Bad \ufffd here."], []),
    # one Latin-1 line stopped the whole file (exit 3); each line is decoded alone
    ("latin.jsonl", b'{"text": "Alice said hi."}\n{"text": "Caf\xe9 owner said it was fine."}\n{"text": "Bob said no."}\n',
     ["Alice said hi.", "Caf\u00e9 owner said it was fine.", "Bob said no."], []),
    # a row with a field too many stopped the whole file; an unquoted comma is one bad row
    ("comma.csv", b'id,text\n1,Alice said hi.\n2,Bob said no, really.\n3,"Carol said yes, indeed."\n',
     ["Alice said hi.", "Carol said yes, indeed."], [("bad_record", "skipped row 3")]),
    # lines that end at a lone CR, and a UTF-16 file, are read as before each line was decoded alone
    ("cr.jsonl", b'{"text": "Alice said hi."}\r{"text": "Bob said no."}\r', ["Alice said hi.", "Bob said no."], []),
    ("utf16.jsonl", '{"text": "Alice said hi."}\n{"text": "Bob said no."}\n'.encode("utf-16"),
     ["Alice said hi.", "Bob said no."], []),
    ("latin.csv", b"id,text\n1,Caf\xe9 owner said it was fine.\n", ["Caf\u00e9 owner said it was fine."], []),
])
def test_readers_table_rows_that_are_hard_to_read_are_read_or_reported_alone(tmp_path, name, data, texts, errors):
    path = tmp_path / name
    path.write_bytes(data)
    raws, errs = read_inputs(path)
    assert [r.text for r in raws] == texts
    assert [(e.error, e.detail.split(":")[0]) for e in errs] == errors
    assert all("\ud800" not in (r.title or "") + r.doc_id and "\udc00" not in (r.title or "") for r in raws)


def test_readers_html_small_article_is_extracted_once():
    # regression: trafilatura appends a small <article> body's paragraphs a second time
    # (upstream issue 879), so every quote and claim in it was counted twice
    page = ("<html><head><title>Head</title></head><body><article><h1>Head line</h1>"
            "<p>Jane Doe said \u201cit\u2019s fine\u201d on Monday.</p>"
            "<p>The council approved the budget. More text follows here for length.</p>"
            "<p>Another paragraph, with more words in it to look like an article body.</p></article></body></html>")
    text, _ = html_to_text(page)
    assert text.count("The council approved the budget") == 1 and text.count("Jane Doe said") == 1


_LINE = "A paragraph of the short article."
_CHANT = "We will not stop until every family in this city has a home it can afford, and we mean it. " * 3


@pytest.mark.parametrize("text, kept", [
    # an article ending on a paragraph written twice, then doubled by the extractor, keeps it twice
    ("Head\n" + "\n".join([_LINE] * 4), "Head\n" + "\n".join([_LINE] * 2)),
    # ... and texts it must leave alone
    ("Head\nFirst paragraph of the story.\nSecond paragraph of the story.", None),
    ("Head\n\u201cNo.\u201d\n\u201cNo.\u201d", None),                       # a short line said twice stays
    ("Head\nA paragraph repeated inside.\nA paragraph repeated inside.\nThe end of the story.", None),
    # a long article that ends on a paragraph written twice (a chant): trafilatura only recovers
    # paragraphs when it found less than MIN_EXTRACTED_SIZE (250 characters)
    ("Head\n" + _CHANT + "\n" + _CHANT, None),
])
def test_readers_html_repeated_tail_rule(text, kept):
    assert without_repeated_tail(text) == (text if kept is None else kept)


BODY_ONLY = "The council approved the budget on Friday after a long debate."
WITH_DATELINE = "MINSK, 5 December 2025 (BelTA) - Belarus called for dialogue on Eurasian security, the ministry said."

#: (published as given, text, published in the table, a warning about it)
DATES = [
    ("2025-13-45", BODY_ONLY, None, True),                 # month 13, day 45: was published as given
    ("2025-02-30", BODY_ONLY, None, True),                 # no February 30th: was published as given
    ("2025/01/30", BODY_ONLY, None, True),                 # became null without a word
    ("20250130", BODY_ONLY, None, True),
    ("not a date", BODY_ONLY, None, True),
    ("2025-13-45", WITH_DATELINE, "2025-12-05", True),     # the dateline's date stands in, and says so
    ("2024-02-29", BODY_ONLY, "2024-02-29", False),        # a leap day
    ("2025-12-05T10:15:00Z", BODY_ONLY, "2025-12-05", False),
    ("5 December 2025", BODY_ONLY, "2025-12-05", False),
    ("", BODY_ONLY, None, False),                          # nothing given: nothing to warn about
    ("   ", BODY_ONLY, None, False),
    (None, WITH_DATELINE, "2025-12-05", False),
]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_readers_table_input_published_is_a_valid_date_or_null_with_a_warning(tmp_path, fmt):
    """Regression: an impossible `published` ("2025-13-45", "2025-02-30") of a table input was
    published as given, and "2025/01/30" became null without a warning."""
    records = [{"id": f"d{i}", "published": given, "text": text} for i, (given, text, _, _) in enumerate(DATES)]
    path = tmp_path / f"articles.{fmt}"
    if fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    elif fmt == "csv":
        pd.DataFrame(records).to_csv(path, index=False)
    else:
        pd.DataFrame(records).to_parquet(path, index=False)
    raws, _ = read_inputs(path)
    errors = ErrorLog()
    frame = clean_documents(raws, errors).set_index("doc_id")
    warned = {r.doc_id: r for r in errors.records}
    assert all(r.stage == "clean" and r.error == "warning:invalid_date" for r in warned.values()), warned
    for i, (given, _, published, warning) in enumerate(DATES):
        got = frame.loc[f"d{i}", "published"]
        assert (None if pd.isna(got) else got) == published, (given, got)
        assert (f"d{i}" in warned) == warning, given
        if warning:
            assert repr(given) in warned[f"d{i}"].detail and warned[f"d{i}"].path.endswith(f"#{i}")


def test_readers_a_file_too_large_by_its_bytes_is_refused_unread(tmp_path, monkeypatch):
    # regression: a file was read whole, and decoded, before --max-chars was checked, so one of
    # several GB could exhaust memory; one of more bytes than 4 a character of its limit (the
    # most any encoding takes) is refused by its size, and one just over by bytes is still measured
    from pathlib import Path

    read, read_bytes = [], Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or read_bytes(self))
    emoji = "\U0001F600"  # 4 bytes in UTF-8
    (tmp_path / "wide.txt").write_text(emoji * 1001, encoding="utf-8")  # 4,004 bytes: 1,001 characters
    (tmp_path / "fits.txt").write_text(emoji * 1000, encoding="utf-8")  # 4,000 bytes: 1,000 characters
    (tmp_path / "accents.txt").write_text("é" * 900, encoding="utf-8")  # 1,800 bytes: 900 characters
    image = "<img src='data:image/png;base64," + "QUJD" * 2000 + "'>"  # a page's markup: 10 times the limit
    (tmp_path / "page.txt").write_text(PAGE.replace("</article>", image + "</article>"), encoding="utf-8")
    (tmp_path / "huge.html").write_text(PAGE.replace("</article>", image * 5 + "</article>"), encoding="utf-8")
    assert 4_000 < (tmp_path / "page.txt").stat().st_size < 10_000 < 40_000 < (tmp_path / "huge.html").stat().st_size
    raws, errors = read_inputs(tmp_path, max_chars=1000)
    assert sorted(r.doc_id for r in raws) == ["accents", "fits", "page"] and raws[-1].is_html
    assert [(e.doc_id, e.error) for e in errors] == [("huge", "too_large"), ("wide", "too_large")]
    assert errors[0].detail.startswith(f"{(tmp_path / 'huge.html').stat().st_size:,} bytes of HTML, more than "
                                       "10,000 characters in any encoding, exceeds the limit on a page's markup of 10,000")
    assert errors[1].detail.startswith("4,004 bytes, more than 1,000 characters in any encoding (4 bytes a character "
                                       "at most), exceeds the limit of 1,000 (spaCy's max_length)")
    assert sorted(read) == ["accents.txt", "fits.txt", "page.txt"]
