"""`pipeline report`: the pages a reader opens, checked by parsing the HTML."""
from __future__ import annotations

from html.parser import HTMLParser
import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import TableError
from pipeline.views.explore import PUBLICATION
from pipeline.tables import write_table
from pipeline.views.report import SITE_MARKER, Slugs, build_pages, write_report

from .conftest import SEEDS
from .report_tables import A, A_TEXT, B, C, handmade_tables, write_handmade
from .test_report_marked_text import parse


class Page(HTMLParser):
    """Links, table rows (cell texts) and all text of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: dict[str, str] = {}  # href -> link text (the last link to it)
        self.all_links: list[tuple[str, str]] = []
        self.rows: list[list[str]] = []
        self.tables: list[list[list[str]]] = []  # per table: header row, then body rows
        self.tags: list[str] = []
        self.text: list[str] = []
        self._href = None
        self._link_text: list[str] = []
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "a":
            self._href, self._link_text = a.get("href"), []
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links[self._href] = "".join(self._link_text)
            self.all_links.append((self._href, "".join(self._link_text)))
            self._href = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._href is not None:
            self._link_text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def table_with_header(self, *first: str) -> list[dict[str, str]]:
        table = next(t for t in self.tables if t and t[0][:len(first)] == list(first))
        return [dict(zip(table[0], r)) for r in table[1:]]

    def row_starting(self, first: str) -> list[str]:
        return next(r for r in self.rows if r and r[0] == first)


def read_page(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


@pytest.fixture(scope="module")
def pages():
    return build_pages(handmade_tables())


def test_report_site_has_index_and_one_page_per_document_and_speaker(pages):
    index = read_page(pages["index.html"])
    doc_pages = {name for name in pages if name.startswith("doc-")}
    assert len(doc_pages) == 3
    assert doc_pages <= set(index.links)
    # a document without a title is listed by its opening words
    assert "(untitled) Ryzhenkov said the West is lost. Europe will pay for it. Minsk hosted …" in [index.links[h] for h in doc_pages]
    speakers = {text: href for href, text in index.links.items() if href.startswith("speaker-")}
    # a page per actor with quotes: the publication's own claims are a row, not a page
    assert set(speakers) == {"Igor Sekreta", "Maxim Ryzhenkov"}
    assert index.row_starting(PUBLICATION)
    assert all(href in pages for href in index.links if not href.startswith("#"))


def test_report_site_speakers_table_counts_claims_by_type(pages):
    index = read_page(pages["index.html"])
    header = next(r for r in index.rows if r[:2] == ["speaker", "claims"])
    row = dict(zip(header, index.row_starting("Igor Sekreta")))
    assert (row["claims"], row["evaluative"], row["prescriptive"], row["factual"], row["quotes"]) == ("2", "1", "1", "0", "2")
    pub = dict(zip(header, index.row_starting(PUBLICATION)))
    assert (pub["claims"], pub["factual"], pub["check-worthy"]) == ("2", "2", "2")


def test_report_site_answers_what_a_speaker_claimed_about_an_entity(pages):
    """'What did Igor Sekreta claim about the OSCE, and of what kind?' without code."""
    index = read_page(pages["index.html"])
    href = next(h for h, t in index.links.items() if t == "Igor Sekreta")
    page = read_page(pages[href])
    claims = page.table_with_header("type", "claim")
    # a claim row shows what the claim is about (claims.about)
    assert [(c["type"], "OSCE" in c["about"]) for c in claims] == [("evaluative", True), ("prescriptive", True)]
    # each claim links to its place in the document
    doc_href = Slugs("doc", [A, B, C]).href(A)
    assert f"{doc_href}#claim-0" in page.links and f"{doc_href}#claim-1" in page.links
    about = next(r for r in page.rows if r and r[0] == "OSCE")
    assert about[1] == "2"  # both claims mention the OSCE (once as its full name)
    assert "Igor Sekreta" not in [r[0] for r in page.rows]  # his own name is not a topic
    # the count links to his claims on the OSCE page
    osce_href = Slugs("entity", ["OSCE"]).href("OSCE")
    assert page.links[f"{osce_href}#claims-by-igor-sekreta"] == "2"
    assert "id='claims-by-igor-sekreta'" in pages[osce_href]

    osce = read_page(pages[Slugs("entity", ["OSCE"]).href("OSCE")])
    who = osce.table_with_header("speaker", "claims")
    assert [(w["speaker"], w["claims"], w["evaluative"], w["prescriptive"], w["quotes"]) for w in who] == [("Igor Sekreta", "2", "1", "1", "1")]
    quoted = osce.table_with_header("speaker", "kind", "quote")
    assert [(q["speaker"], q["kind"]) for q in quoted] == [("Igor Sekreta", "indirect")]


def test_report_site_entity_page_of_a_speaker_links_to_what_they_said(pages):
    ryzh = read_page(pages[Slugs("entity", ["Maxim Ryzhenkov"]).href("Maxim Ryzhenkov")])
    assert (Slugs("speaker", ["Maxim Ryzhenkov"]).href("Maxim Ryzhenkov"), "what Maxim Ryzhenkov said") in ryzh.all_links
    osce = read_page(pages[Slugs("entity", ["OSCE"]).href("OSCE")])
    assert "is also a speaker" not in "".join(osce.text)


def test_report_site_document_page_marks_quotes_with_speakers_and_claims_with_types(pages):
    html = pages[Slugs("doc", [A, B, C]).href(A)]
    marked = parse(html[html.index("<div class='doctext'>"):html.index("</div>", html.index("<div class='doctext'>")) + 6])
    assert "".join(marked.text) == A_TEXT
    tags = [t for cls, t in marked.labels if "tag" in cls]
    assert tags == ["evaluative", "Igor Sekreta · direct", "prescriptive", "Igor Sekreta · indirect", "factual ✓"]
    assert "id='claim-0'" in html and "id='quote-1'" in html


def test_report_site_escapes_article_text_and_titles(pages):
    for name in (Slugs("doc", [A, B, C]).href(A), "index.html"):
        page = read_page(pages[name])
        # the index's only scripts are its search box (the index file and the filter)
        assert page.tags.count("script") == (2 if name == "index.html" else 0)
        assert "b" not in page.tags
    assert pages["index.html"].count("<script") == 2 and "alert" not in pages["index.html"].split("<script", 1)[1]
    page = read_page(pages[Slugs("doc", [A, B, C]).href(A)])
    assert "Belarus <script>alert(1)</script> & the OSCE" in page.text  # shown as text
    assert '<script>alert("x")</script> & Minsk is cold.' in "".join(page.text)


def test_report_site_lists_failed_documents_escaped():
    t = handmade_tables()
    t.errors = pd.DataFrame([dict(doc_id="bad", path="in/<bad>.txt", stage="clean", error="EmptyDocument", detail="<script>x</script>"),
                             dict(doc_id=A, path=None, stage="quotes", error="warning: unbalanced quotes", detail="1 opening")])
    index = read_page(build_pages(t)["index.html"])
    assert index.tags.count("script") == 2  # the search box's, nothing from the errors
    errors = index.table_with_header("stage", "document")
    assert [(e["document"], e["detail"]) for e in errors] == [("in/<bad>.txt", "<script>x</script>"), (A, "1 opening")]
    assert "1 failed documents, 1 warnings" in "".join(index.text)


def test_report_site_document_without_spans_renders_plain_text(pages):
    html = pages[Slugs("doc", [A, B, C]).href(C)]
    page = read_page(html)
    assert "no claims" in page.text and "no quotes" in page.text
    start = html.index("<div class='doctext'>")
    assert html[start:html.index("</div>", start)] == "<div class='doctext'>What now?"


@pytest.mark.parametrize("names, distinct", [
    (["Igor Sekreta", "igor sekreta"], 2),
    (["A.B.", "A B"], 2),
    (["Лукашенко", "Секрета"], 2),
    (["OSCE"], 1),
    # a name written like another's hashed slug (`a_b` takes `a-b-eb2980a5` after `a b`): two pages
    # shared one file (regression)
    (["a b", "a_b", "a-b-eb2980a5"], 3),
])
def test_report_site_slugs_are_unique_and_safe(names, distinct):
    slugs = Slugs("speaker", names)
    hrefs = [slugs.href(n) for n in names]
    assert len(set(hrefs)) == distinct
    assert all(h.isascii() and "/" not in h and " " not in h for h in hrefs)


def test_report_site_written_atomically_and_replaces_old_report(tmp_path):
    data = write_handmade(tmp_path / "data")
    out = tmp_path / "site"
    write_report(data, out)
    (out / "stale.html").write_text("old")  # a page of an earlier report that is no longer made
    with open(out / SITE_MARKER, "a", encoding="utf-8") as fh:  # (which its marker lists)
        fh.write("stale.html\n")
    summary = write_report(data, out)
    assert not (out / "stale.html").exists()
    kinds = {kind: len([p for p in out.iterdir() if p.name.startswith(kind + "-")]) for kind in ("entity", "documents", "speakers", "entities")}
    assert summary.pages == {"index": 1, "doc": 3, "speaker": 2, "actors": 1, **kinds}
    assert kinds["documents"] >= 1 and kinds["speakers"] >= 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_report_site_sweeps_leftovers_of_a_killed_write(tmp_path):
    data = write_handmade(tmp_path / "data")
    for name in (".site.k2j4_x9a", ".site.old-1a2b3c4d"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("half")
    keep = tmp_path / ".site-notes"  # not ours: must survive
    keep.mkdir()
    write_report(data, tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".site-notes"]


def test_report_cli_writes_default_folder_under_data(tmp_path):
    data = write_handmade(tmp_path / "data")
    result = CliRunner().invoke(app, ["report", "--out", str(data)])
    assert result.exit_code == 0, result.output
    assert (data / "report" / "index.html").is_file()
    assert "pages" in result.output and str(data / "report" / "index.html") in result.output.replace("\n", "")


def test_report_cli_missing_tables_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "nowhere")])
    assert result.exit_code == TableError.exit_code
    assert "Traceback" not in result.output
    assert "pipeline run all" in result.output


def test_report_cli_unknown_claim_type_is_a_one_line_error(tmp_path):
    data = write_handmade(tmp_path / "data")
    claims = pd.read_parquet(data / "claims.parquet")
    claims.loc[0, "claim_type"] = "opinion"
    write_table(claims, data, "claims")
    result = CliRunner().invoke(app, ["report", "--out", str(data)])
    assert result.exit_code == TableError.exit_code
    assert "Traceback" not in result.output and "'opinion'" in result.output
    assert not (data / "report").exists()


def test_report_on_the_seed_run_has_a_page_per_seed_with_its_text(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    summary = write_report(out, tmp_path / "site")
    docs = seed_tables["documents"]
    assert summary.pages["doc"] == len(docs) == len(list(SEEDS.glob("*.txt")))
    slugs = Slugs("doc", docs["doc_id"])
    for d in docs.itertuples():
        html = (tmp_path / "site" / slugs.href(d.doc_id)).read_text(encoding="utf-8")
        start = html.index("<div class='doctext'>")
        marked = parse(html[start:html.index("</div>", start) + 6])
        assert "".join(marked.text) == d.text


def test_report_site_actors_page_lists_persons_and_organisations(pages):
    """The actors table as a page, linked from the index; each actor links to its page."""
    index = read_page(pages["index.html"])
    assert "actors.html" in index.links
    actors = read_page(pages["actors.html"])
    rows = actors.table_with_header("actor", "kind")
    assert {(r["actor"], r["kind"]) for r in rows} >= {("Igor Sekreta", "person"), ("OSCE", "organisation")}
    assert Slugs("entity", ["OSCE"]).href("OSCE") in actors.links
