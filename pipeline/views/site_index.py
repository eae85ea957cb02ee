"""The report's ways in at any size: search, pages by letter, paths, the footer.

A run of 10,000 documents has too many documents, speakers and entities for
one index page. The report's index (``views/report.py``) therefore shows the
top of each list and these ways to the rest:

* **search without a server**: ``search-index.js`` holds one short entry per
  document (title), quoted speaker and entity page (``[kind, name, page,
  detail]``); a few lines of plain JavaScript on the index filter it as one
  types (``SEARCH_SCRIPT``). A script file, not JSON: browsers refuse to
  ``fetch`` a file next to a page opened from disk, but load its scripts;
* **pages by letter**: ``documents-<letter>.html``, ``speakers-<letter>.html``,
  ``entities-<letter>.html`` (first letter of the title or name; the letters
  link to each other), which also work without JavaScript.

Paths: the site never shows an absolute local path. A document's ``path`` is
shown relative to the tables folder (``../seeds/000.txt``), and the tables
folder by its name (``PathDisplay``). The footer names the run: claimex
version, spaCy model, when the tables were written (the run record,
``runner/run_record.py``) and the row counts.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from .markup import esc

#: the letters of the A-Z pages, then digits, untitled documents and the rest
LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")
GROUP_TITLES = {"0-9": "0-9", "untitled": "untitled", "other": "other"}
#: how many rows a list on the index shows before "all ... by letter"
INDEX_ROWS = 50
#: a run with at most this many documents lists them all on the index
INDEX_ALL_DOCUMENTS = 100
UNTITLED = "(untitled) "


def group_key(name: str) -> str:
    """The letter page a title or name belongs on: ``a``-``z``, ``0-9``, ``untitled`` or ``other``."""
    if name.startswith(UNTITLED):
        return "untitled"
    for ch in name:
        if ch.isalnum():
            base = unicodedata.normalize("NFKD", ch)[0].casefold()  # É -> e
            if base in LETTERS:
                return base
            return "0-9" if ch.isdigit() else "other"
    return "other"


def group_order(key: str) -> int:
    order = (*LETTERS, "0-9", "untitled", "other")
    return order.index(key)


def letter_nav(prefix: str, present: Iterable[str], current: str | None = None) -> str:
    """Links to the letter pages of one list (``prefix-<key>.html``) that exist."""
    keys = sorted(set(present), key=group_order)
    items = []
    for key in keys:
        label = GROUP_TITLES.get(key, key.upper())
        if key == current:
            items.append(f"<strong>{esc(label)}</strong>")
        else:
            items.append(f"<a href='{letter_href(prefix, key)}'>{esc(label)}</a>")
    return "<p class='letters'>" + " · ".join(items) + "</p>"


def letter_href(prefix: str, key: str) -> str:
    return f"{prefix}-{key}.html"


class PathDisplay:
    """Shows input paths relative to the tables folder, never absolute."""

    def __init__(self, tables_dir: Path | str | None):
        self.tables_dir = Path(tables_dir).resolve() if tables_dir is not None else None

    def folder(self) -> str:
        """The tables folder as the site names it: its name."""
        return f"{self.tables_dir.name}/" if self.tables_dir is not None else ""

    def path(self, value) -> str:
        """``value`` (a path, or ``file.jsonl#3``) relative to the tables folder."""
        if not isinstance(value, str) or not value:
            return ""
        m = re.fullmatch(r"(.*?)(#\d+)?", value, flags=re.S)
        base, row = m.group(1), m.group(2) or ""
        p = Path(base)
        if not p.is_absolute():
            p = Path.cwd() / p  # relative to where the run was started: assume here
            if not p.exists():
                return value
        if self.tables_dir is None:
            return p.name + row
        try:
            return Path(os.path.relpath(p.resolve(), self.tables_dir)).as_posix() + row
        except ValueError:  # another drive
            return p.name + row

    def text(self, value, paths: Iterable[str] = ()) -> str:
        """Free text (an error detail) with every absolute path in ``paths`` made relative."""
        if not isinstance(value, str):
            return ""
        for raw in paths:
            if isinstance(raw, str) and raw and raw in value and os.path.isabs(raw.split("#")[0]):
                value = value.replace(raw, self.path(raw))
        return value


def run_footer(tables, record: dict | None) -> str:
    """One line naming the run: version, model, when the tables were written, row counts."""
    parts = []
    if record:
        model = record.get("model") or "?"
        version = record.get("model_version")
        parts.append(f"claimex {record.get('claimex', '?')}")
        parts.append(f"model {model}" + (f" {version}" if version and version not in model else ""))
        finished = str(record.get("finished") or "")
        if finished:
            parts.append("tables written " + finished.replace("T", " ").replace("+00:00", " UTC"))
    else:
        parts.append("run record not found (tables written before claimex recorded runs): model and date unknown")
    counts = {"documents": "documents", "sentences": "sentences", "entities": "entity mentions",
              "quotes": "quotes", "claims": "claims"}
    parts.append(", ".join(f"{len(tables[t]):,} {label}" for t, label in counts.items() if t in tables))
    return " · ".join(parts)


def search_payload(entries: list[tuple[str, str, str, str]]) -> str:
    """``search-index.js``: ``[kind, name, page, detail]`` per entry, as one JavaScript assignment."""
    return "window.CLAIMEX_INDEX=" + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


SEARCH_KINDS = {"d": "document", "s": "speaker", "e": "entity"}

#: the search box: filters ``window.CLAIMEX_INDEX`` by every word typed (case- and accent-insensitive)
SEARCH_SCRIPT = """<script src='search-index.js'></script>
<script>
(function(){
  var box=document.getElementById('q'), out=document.getElementById('hits'), all=window.CLAIMEX_INDEX||[];
  var kinds=%s;
  function fold(s){return s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g,'').toLowerCase();}
  var keys=all.map(function(e){return fold(e[1]+' '+e[3]);});
  box.disabled=false;
  function run(){
    var words=fold(box.value).split(/\\s+/).filter(Boolean), n=0;
    out.textContent='';
    if(!words.length){return;}
    for(var i=0;i<all.length&&n<50;i++){
      if(words.every(function(w){return keys[i].indexOf(w)>=0;})){
        var li=document.createElement('li'), a=document.createElement('a'), note=document.createElement('span');
        a.href=all[i][2]; a.textContent=all[i][1];
        note.className='muted'; note.textContent=' '+kinds[all[i][0]]+(all[i][3]?' · '+all[i][3]:'');
        li.appendChild(a); li.appendChild(note); out.appendChild(li); n++;
      }
    }
    if(!n){out.innerHTML='<li class="muted">nothing found</li>';}
  }
  box.addEventListener('input',run);
  var q=new URLSearchParams(location.search).get('q');  // index.html?q=name: a link to a search
  if(q){box.value=q;run();}
})();
</script>""" % json.dumps(SEARCH_KINDS)

SEARCH_BOX = ("<p><label for='q'>Find a document, speaker or entity: </label>"
              "<input id='q' type='search' size='40' placeholder='type a name or a title' disabled "
              "autocomplete='off'> <span class='muted'>(or browse the lists by letter below)</span></p>"
              "<ul id='hits'></ul>")


def letter_pages(site) -> dict[str, str]:
    """``documents-<k>.html``, ``speakers-<k>.html``, ``entities-<k>.html`` for a report ``Site``:
    every document, quoted speaker and entity page, listed by first letter."""
    from ..schemas import CLAIM_TYPES

    html_table = site.html_table
    out: dict[str, str] = {}

    def add(prefix: str, what: str, groups: dict[str, list], table: str) -> None:
        for key, items in groups.items():
            nav = letter_nav(prefix, groups, current=key)
            body = f"<h1>{esc(what.capitalize())}: {esc(GROUP_TITLES.get(key, key.upper()))}</h1>{nav}{table(items)}{nav}"
            out[letter_href(prefix, key)] = site.page(f"{what} {GROUP_TITLES.get(key, key.upper())}", body)

    def grouped(names: Iterable[str], title=lambda n: n) -> dict[str, list]:
        groups: dict[str, list] = {}
        for n in sorted(names, key=lambda n: title(n).casefold()):
            groups.setdefault(group_key(title(n)), []).append(n)
        return dict(sorted(groups.items(), key=lambda kv: group_order(kv[0])))

    doc_columns = ["document", "source", "published", "entities", "quotes", "claims", "check-worthy", "doc_id"]
    add("documents", "documents", grouped(site.t.documents["doc_id"], lambda d: site.titles[d]),
        lambda ids: html_table(doc_columns, site.doc_rows(ids), numeric=set(doc_columns[3:7])))
    speakers = site.speakers.set_index("speaker")
    sp_columns = ["speaker", "claims", *CLAIM_TYPES, "check-worthy", "quotes", "documents"]
    add("speakers", "speakers", grouped(site.speaker_slugs.by_name),
        lambda names: html_table(sp_columns, site.speaker_rows(speakers.loc[names].reset_index()), numeric=set(sp_columns[1:])))
    stats = site.entity_stats()

    def entity_rows(names):
        return [[site.entity_slugs.link(n), esc(stats.at[n, "label"]) if n in stats.index else "",
                 str(stats.at[n, "mentions"]) if n in stats.index else "0",
                 str(stats.at[n, "documents"]) if n in stats.index else "0"] for n in names]

    add("entities", "entities", grouped(site.entity_slugs.by_name),
        lambda names: html_table(["entity", "label", "mentions", "documents"], entity_rows(names),
                                 numeric={"mentions", "documents"}))
    return out
