"""`pipeline report`: a self-contained static HTML site over one run's tables.

Pages (flat, in one folder, so the folder can be zipped, mailed or served as is):

- ``index.html``: a search box over every document, speaker and entity page, the top
  documents, speakers and entities, failed documents; ``documents-<letter>.html``,
  ``speakers-<letter>.html``, ``entities-<letter>.html`` list them all by letter, so
  the index stays usable at 10,000 documents (``views/site_index.py``);
- ``doc-<slug>.html``: the cleaned text with entities, quotes (speaker shown) and
  claims (type shown) highlighted in the spirit of spaCy's displaCy, then the
  document's claims, quotes and entities as tables;
- ``speaker-<slug>.html`` (for every speaker with quotes, not for the publication's own
  claims or unnamed speakers): every claim and quote of one speaker, with its type,
  the entities it mentions and a link to the sentence in its document;
- ``entity-<slug>.html``: who said what about one entity.

Every piece of text from the tables is escaped (articles are untrusted input and
may contain ``<script>``); styles are inline; the one script is the index's search
box (the lists by letter work without it); there are no external assets. No page
shows an absolute local path, and every page ends with a footer naming the run. Spans may overlap without nesting (a quote that starts mid-claim, an
entity across a quote mark), so the text is cut at every span boundary and each
piece re-opens the spans that cover it, always in the same order (claim, quote,
entity): the markup nests correctly whatever the overlap.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from ..registry import producer
from ..runner.run_record import read_run_record
from ..schemas import CLAIM_TYPES, COMMAND_TABLES, SITE_MARKER
from ..tables import replace_path
from . import explore
from .explore import Tables
from .actors_page import actors_body
from .markup import PUBLICATION, STYLE, esc, render_marked_text
from .site_folder import marker_text, site_folder, sweep_leftovers
from .site_index import (INDEX_ALL_DOCUMENTS, INDEX_ROWS, SEARCH_BOX, SEARCH_SCRIPT, PathDisplay, group_key,
                         letter_nav, letter_pages, run_footer, search_payload)

# --- page scaffolding -------------------------------------------------------------------------

def page(title: str, body: str, nav: bool = True, footer: str = "") -> str:
    home = "<nav><a href='index.html'>← all documents and speakers</a></nav>" if nav else ""
    foot = f"<footer class='muted'><hr>{esc(footer)}</footer>" if footer else ""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)} · claimex</title><style>body{{margin:1.5em 2em}}{STYLE}</style></head>"
        f"<body class='claimex'>{home}{body}{foot}</body></html>\n"
    )


def html_table(columns: list[str], rows: Iterable[list[str]], numeric: Iterable[str] = (), empty: str = "none") -> str:
    """A table; ``rows`` hold trusted HTML cells (callers escape values)."""
    rows = list(rows)
    if not rows:
        return f"<p class='muted'>{esc(empty)}</p>"
    numeric = set(numeric)
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td{' class=n' if col in numeric else ''}>{cell}</td>" for col, cell in zip(columns, r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def claim_badge(claim_type: str, check_worthy: bool) -> str:
    ctype = claim_type if claim_type in CLAIM_TYPES else "unknown"
    worthy = " <span class='cwnote'>✓&nbsp;check-worthy</span>" if check_worthy else ""
    return f"<span class='badge {esc(ctype)}'>{esc(claim_type)}</span>{worthy}"


def legend() -> str:
    claims = "".join(f"<span><span class='badge {t}'>{t}</span></span>" for t in CLAIM_TYPES)
    return (
        "<p class='legend'>Claims: " + claims + " (✓ = check-worthy; tinted background = the claim's extent). "
        "<span><span class='tag qtag'>speaker · kind</span><span class='quote'>dashed underline</span> = quote</span> "
        "<span><span class='ent l-ORG s e'>entity<span class='elabel'>LABEL</span></span></span> "
        "Hover a span for details.</p>"
    )


# --- file names -----------------------------------------------------------------------------------

class Slugs:
    """Unique, filesystem-safe page names for arbitrary strings (names, doc ids), the same for
    the same set of names: a name whose plain slug a name before it in sorted order took
    (`a b` before `a_b`), or that has none (non-Latin), gets one with a hash of the name."""

    def __init__(self, prefix: str, names: Iterable[str]):
        self.prefix = prefix
        self.by_name: dict[str, str] = {}
        used: set[str] = set()
        for name in sorted(set(names)):
            base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60]
            slug = base
            if not base or slug in used:
                # non-Latin names and names that differ only in punctuation/case; a longer hash
                # where a name is written like another's hashed slug (`a-b-1f0c...`)
                digest, k = hashlib.sha1(name.encode("utf-8")).hexdigest(), 8
                slug = f"{base}-{digest[:k]}".lstrip("-")
                while slug in used and k < len(digest):
                    k += 8
                    slug = f"{base}-{digest[:k]}".lstrip("-")
            used.add(slug)
            self.by_name[name] = slug

    def href(self, name: str, anchor: str = "") -> str:
        return f"{self.prefix}-{self.by_name[name]}.html" + (f"#{anchor}" if anchor else "")

    def link(self, name: str, text: str | None = None, anchor: str = "") -> str:
        if name not in self.by_name:
            return esc(text if text is not None else name)
        return f"<a href='{self.href(name, anchor)}'>{esc(text if text is not None else name)}</a>"


# --- the site -----------------------------------------------------------------------------------

@dataclass
class ReportSummary:
    out_dir: Path
    pages: dict[str, int] = field(default_factory=dict)  # kind -> count

    @property
    def index(self) -> Path:
        return self.out_dir / "index.html"


class Site:
    """Builds every page of the report from one run's tables (pure: returns {file name: html})."""

    def __init__(self, tables: Tables):
        self.t = tables
        self.claims = explore.claims_with_context(tables)
        self.speakers = explore.speakers_overview(tables)
        self.who = explore.entity_speakers(tables)
        self.top = explore.top_entities(tables, n=30, who=self.who)
        docs = tables.documents
        self.titles = explore.display_titles(docs).to_dict()
        self.doc_slugs = Slugs("doc", docs["doc_id"])
        # a page per actor with quotes: not the publication's own claims, not unnamed speakers
        quoted = self.speakers[(self.speakers["quotes"] > 0)
                               & ~self.speakers["speaker"].isin([PUBLICATION, explore.UNKNOWN_SPEAKER])]
        self.speaker_slugs = Slugs("speaker", quoted["speaker"])
        self.paths = PathDisplay(tables.out_dir)
        self.footer = run_footer(tables, read_run_record(tables.out_dir) if tables.out_dir is not None else None)
        ents = explore.named_entities(tables)
        self.ents = ents
        # pages for the most-mentioned entities and for whatever a named speaker talks
        # about; the publication's own mentions alone would add a page for nearly every
        # entity of a large run
        named = self.who[~self.who["speaker"].isin([PUBLICATION, explore.UNKNOWN_SPEAKER])]
        self.entity_slugs = Slugs("entity", set(self.top["canonical"]) | set(named["canonical"]))
        self.who_by_entity = _groups(self.who, "canonical")
        # grouped once up front: per-page filtering of whole tables is quadratic in
        # the number of documents/speakers/entities, and real runs have thousands
        self.by_doc = {name: _groups(getattr(tables, name), "doc_id") for name in ("documents", "entities", "quotes", "claims")}
        self.context_by_doc = _groups(self.claims, "doc_id")
        self.claims_by_speaker = _groups(self.claims, "speaker")
        self.quotes = explore.quotes_with_context(tables)
        self.quotes_by_speaker = _groups(self.quotes, "speaker")
        self.quotes_by_entity = _groups(_explode_entities(self.quotes), "entity")
        self.ents_by_name = _groups(ents, "canonical")
        self.claims_by_entity = _groups(_explode_entities(self.claims), "entity")
        # claims.cluster_id -> its claims (doc_id, claim_id), for "also said in N documents"
        clustered = self.claims[self.claims["cluster_id"].notna()].sort_values(["doc_id", "claim_id"])
        self.cluster_claims = {int(k): list(zip(g["doc_id"], g["claim_id"])) for k, g in clustered.groupby("cluster_id")}

    def _part(self, groups: dict[str, pd.DataFrame], key: str, like: pd.DataFrame) -> pd.DataFrame:
        return groups.get(key, like.iloc[0:0])

    html_table = staticmethod(html_table)

    def page(self, title: str, body: str, nav: bool = True) -> str:
        return page(title, body, nav=nav, footer=self.footer)

    def pages(self) -> dict[str, str]:
        out = {"index.html": self.index()}
        for doc_id in self.t.documents["doc_id"]:
            out[self.doc_slugs.href(doc_id)] = self.document(doc_id)
        for name in self.speaker_slugs.by_name:
            out[self.speaker_slugs.href(name)] = self.speaker(name)
        for name in self.entity_slugs.by_name:
            out[self.entity_slugs.href(name)] = self.entity(name)
        if "actors" in self.t:
            out["actors.html"] = self.page("Actors", actors_body(self.t.actors, self._entity_link, html_table))
        out.update(letter_pages(self))
        out["search-index.js"] = search_payload(self.search_entries())
        return out

    def search_entries(self) -> list[tuple[str, str, str, str]]:
        docs = [("d", self.titles[d.doc_id], self.doc_slugs.href(d.doc_id),
                 " · ".join(str(x) for x in (d.source, d.published, d.doc_id) if isinstance(x, str) and x))
                for d in self.t.documents.itertuples(index=False)]
        stats = self.speakers.set_index("speaker")
        speakers = [("s", n, self.speaker_slugs.href(n), f"{_n(stats.at[n, 'quotes'], 'quote')}, {_n(stats.at[n, 'claims'], 'claim')}")
                    for n in self.speaker_slugs.by_name]
        ents = self.entity_stats()
        entities = [("e", n, self.entity_slugs.href(n), f"{ents.at[n, 'label']}, {_n(ents.at[n, 'mentions'], 'mention')}"
                     if n in ents.index else "") for n in self.entity_slugs.by_name]
        return speakers + entities + docs

    def entity_stats(self) -> pd.DataFrame:
        """Per canonical name: most frequent label, mentions, documents (for the lists by letter)."""
        e = self.ents
        if e.empty:
            return pd.DataFrame(columns=["label", "mentions", "documents"])
        g = e.groupby("canonical")
        return pd.DataFrame({"label": g["label"].agg(lambda s: s.value_counts().index[0]),
                             "mentions": g.size(), "documents": g["doc_id"].nunique()})

    def doc_rows(self, doc_ids: list[str]) -> list[list[str]]:
        t = self.t
        counts = {name: getattr(t, name).groupby("doc_id").size() for name in ("entities", "quotes", "claims")}
        n_cw = t.claims[t.claims["check_worthy"].astype(bool)].groupby("doc_id").size()
        docs = self.by_doc["documents"]
        rows = []
        for doc_id in doc_ids:
            d = docs[doc_id].iloc[0]
            rows.append([self.doc_slugs.link(doc_id, self.titles[doc_id]), esc(d["source"]), esc(d["published"]),
                         *(str(counts[n].get(doc_id, 0)) for n in ("entities", "quotes", "claims")),
                         str(n_cw.get(doc_id, 0)), f"<span class='muted'>{esc(doc_id)}</span>"])
        return rows

    def speaker_rows(self, speakers: pd.DataFrame) -> list[list[str]]:
        return [[self.speaker_slugs.link(s.speaker), str(s.claims), *(str(getattr(s, ct)) for ct in CLAIM_TYPES),
                 str(s.check_worthy), str(s.quotes), str(s.documents)] for s in speakers.itertuples(index=False)]

    # index
    def index(self) -> str:
        t = self.t
        docs = list(t.documents["doc_id"])
        shown = docs if len(docs) <= INDEX_ALL_DOCUMENTS else docs[:INDEX_ROWS]
        ent_rows = [
            [self.entity_slugs.link(e.canonical), esc(e.label), str(e.mentions), str(e.documents), self._speaker_list(e.canonical)]
            for e in self.top.itertuples(index=False)
        ]
        errs = t.errors
        failed = errs[~errs["error"].astype(str).str.startswith("warning:")]
        paths = list(errs["path"].dropna())
        err_rows = [[esc(r.stage), esc(self.paths.path(r.path) or r.doc_id), esc(r.error), esc(self.paths.text(r.detail, paths))]
                    for r in errs.head(INDEX_ROWS).itertuples(index=False)]
        more = lambda n, what: f"<p class='muted'>{n:,} {what} in all; the first {INDEX_ROWS} are shown (the rest: by letter, or the search box).</p>" if n > INDEX_ROWS else ""  # noqa: E731
        body = (
            "<h1>claimex report</h1>"
            f"<p>{len(t.documents)} documents · {len(t.sentences)} sentences · {len(t.entities)} entity mentions · "
            f"{len(t.quotes)} quotes · {len(t.claims)} claims ({int(t.claims['check_worthy'].astype(bool).sum())} check-worthy) · "
            f"{len(failed)} failed documents, {len(errs) - len(failed)} warnings"
            + (f" · tables in <code>{esc(self.paths.folder())}</code>" if t.out_dir is not None else "") + "</p>"
            + SEARCH_BOX
            + ("<p><a href='actors.html'>Actors</a>: every person and organisation, under one name, with the other "
               "names the articles give them and how often they are quoted and talked about.</p>" if "actors" in t else "")
            + "<p class='muted'>What did someone claim about something, and of what kind? Open the speaker below: "
            "<em>What they talk about</em> counts their claims per entity and type, and each claim links to its sentence. "
            "Or open the entity: <em>Who talks about it</em> lists every speaker's claims and quotes that mention it.</p>"
            "<h2>Documents</h2>" + letter_nav("documents", (group_key(self.titles[d]) for d in docs))
            + html_table(["document", "source", "published", "entities", "quotes", "claims", "check-worthy", "doc_id"],
                         self.doc_rows(shown), numeric={"entities", "quotes", "claims", "check-worthy"}, empty="no documents")
            + more(len(docs), "documents")
            + "<h2>Speakers</h2>" + letter_nav("speakers", (group_key(n) for n in self.speaker_slugs.by_name))
            + "<p class='muted'>Who made claims or was quoted, most active first; open a speaker for every claim, its type, "
              f"the entities it mentions and its document. {esc(PUBLICATION)} = claims the article itself asserts.</p>"
            + html_table(["speaker", "claims", *CLAIM_TYPES, "check-worthy", "quotes", "documents"],
                         self.speaker_rows(self.speakers.head(INDEX_ROWS)),
                         numeric={"claims", *CLAIM_TYPES, "check-worthy", "quotes", "documents"},
                         empty="no quotes or claims in this run")
            + more(len(self.speakers), "speakers")
            + "<h2>Most-mentioned entities</h2>" + letter_nav("entities", (group_key(n) for n in self.entity_slugs.by_name))
            + "<p class='muted'>Open an entity for who said what about it.</p>"
            + html_table(["entity", "label", "mentions", "documents", "talked about by"], ent_rows,
                         numeric={"mentions", "documents"}, empty="no entities")
            + ("<h2>Errors and warnings</h2>" + html_table(["stage", "document", "error", "detail"], err_rows)
               + more(len(errs), "errors and warnings") if err_rows else "")
            + "<h2>Tables of this run</h2><p class='muted'>Every table the run wrote (one per stage), "
              "as <code>&lt;table&gt;.parquet</code> in the tables folder.</p>"
            + html_table(["table", "rows", "written by"], self._table_rows(), numeric={"rows"})
            + SEARCH_SCRIPT
        )
        return self.page("claimex report", body, nav=False)

    def _table_rows(self) -> list[list[str]]:
        return [[f"<code>{esc(name)}</code>", str(len(self.t[name])),
                 esc(producer(name) or COMMAND_TABLES.get(name, ("the runner",))[0])]
                for name in self.t.names]

    def _speaker_list(self, canonical: str) -> str:
        """Speakers whose claims or quotes mention the entity, with counts, as links."""
        who = self._part(self.who_by_entity, canonical, self.who)
        return ", ".join(f"{self.speaker_slugs.link(sp)} ({n})" for sp, n in zip(who["speaker"], who["mentions"]))

    # one document
    def document(self, doc_id: str) -> str:
        t = self.t
        doc = self.by_doc["documents"][doc_id].iloc[0]
        ents = self._part(self.by_doc["entities"], doc_id, t.entities)
        quotes = self._part(self.by_doc["quotes"], doc_id, t.quotes).sort_values("start")
        claims = self._part(self.context_by_doc, doc_id, self.claims)
        meta = " · ".join(
            f"{k}: {esc(doc[k])}" for k in ("source", "published", "dateline") if isinstance(doc[k], str) and doc[k]
        )
        claim_rows = [
            [f"<a href='#claim-{int(c.claim_id)}'>{int(c.claim_id)}</a>", claim_badge(c.claim_type, bool(c.check_worthy)),
             self.speaker_slugs.link(c.speaker), esc(c.claim) + self._also_said(c.doc_id, c.cluster_id),
             self._about_links(c.about), f"{float(c.confidence):.2f}"]
            for c in claims.itertuples(index=False)
        ]
        quote_rows = [
            [f"<a href='#quote-{int(q.quote_id)}'>{int(q.quote_id)}</a>", esc(q.kind),
             self.speaker_slugs.link(q.speaker if isinstance(q.speaker, str) else explore.UNKNOWN_SPEAKER),
             esc(q.speaker_text), esc(q.cue), esc(q.text)]
            for q in quotes.itertuples(index=False)
        ]
        if ents.empty:
            ent_rows = []
        else:
            e = ents.assign(canonical=explore.canonical_name(ents))
            counts = e.groupby(["canonical", "label"]).size().rename("n").reset_index().sort_values(["n", "canonical"], ascending=[False, True])
            ent_rows = [[self.entity_slugs.link(r.canonical), esc(r.label), str(r.n)] for r in counts.itertuples(index=False)]
        body = (
            f"<h1>{esc(self.titles[doc_id])}</h1><p class='muted'>{meta}{' · ' if meta else ''}doc_id {esc(doc_id)}"
            f"{' · ' + esc(self.paths.path(doc['path'])) if isinstance(doc['path'], str) else ''}</p>"
            + legend()
            + render_marked_text(doc["text"], ents, quotes, self._part(self.by_doc["claims"], doc_id, t.claims))
            + f"<h2>Claims ({len(claim_rows)})</h2>"
            + html_table(["#", "type", "speaker", "claim", "about", "confidence"], claim_rows, numeric={"confidence"}, empty="no claims")
            + f"<h2>Quotes ({len(quote_rows)})</h2>"
            + html_table(["#", "kind", "speaker", "as written", "cue", "quote"], quote_rows, empty="no quotes")
            + f"<h2>Entities ({len(ents)} mentions)</h2>"
            + html_table(["entity", "label", "mentions"], ent_rows, numeric={"mentions"}, empty="no entities")
        )
        return self.page(self.titles[doc_id], body)

    def _quote_rows(self, quotes: pd.DataFrame, with_speaker: bool) -> list[list[str]]:
        return [
            ([self.speaker_slugs.link(q.speaker)] if with_speaker else [])
            + [esc(q.kind), esc(q.quote), esc(q.cue), self._entity_links(q.entities),
               self.doc_slugs.link(q.doc_id, self.titles[q.doc_id], anchor=f"quote-{int(q.quote_id)}")]
            for q in quotes.itertuples(index=False)
        ]

    @staticmethod
    def _summary_rows(claims: pd.DataFrame, quotes: pd.DataFrame, key: str, link) -> list[list[str]]:
        """Per value of ``key``: [link, claims, one count per type, check-worthy, quotes];
        most claims and quotes first, the publication (no speaker) last: "what did X
        say about this" is the question, the article's own assertions come after."""
        keys = list(dict.fromkeys([*claims[key], *quotes[key]]))
        n_q = quotes.groupby(key).size()
        by = {k: g for k, g in claims.groupby(key, sort=False)}
        rows = []
        for k in keys:
            g = by.get(k, claims.iloc[0:0])
            counts = [len(g), *(int((g["claim_type"] == ct).sum()) for ct in CLAIM_TYPES),
                      int(g["check_worthy"].astype(bool).sum()), int(n_q.get(k, 0))]
            rows.append((k == PUBLICATION, -(counts[0] + counts[-1]), str(k), [link(k), *map(str, counts)]))
        return [r[-1] for r in sorted(rows, key=lambda r: r[:3])]

    def _entity_link(self, name: str) -> str:
        return self.entity_slugs.link(name) if name in self.entity_slugs.by_name else self.speaker_slugs.link(name)

    def _about_links(self, names) -> str:
        """A claim's ``about`` (a list of canonical names), each linked to its page."""
        return ", ".join(self._entity_link(n) for n in (names if isinstance(names, list) else []))

    def _entity_links(self, names: str) -> str:
        if not names:
            return ""
        # an entity without its own page may be a speaker (a person named in their own claim)
        return ", ".join(self._entity_link(n) for n in names.split(", "))

    def _claim_rows(self, claims: pd.DataFrame, with_speaker: bool) -> list[list[str]]:
        rows, seen = [], set()
        for c in claims.itertuples(index=False):
            first = ""
            if with_speaker:
                # the target of a speaker page's "claims about X" link: this speaker's first claim here
                first = "" if c.speaker in seen else f"<span id='{self._speaker_anchor(c.speaker)}'></span>"
                seen.add(c.speaker)
            rows.append(
                ([first + self.speaker_slugs.link(c.speaker)] if with_speaker else [])
                + [claim_badge(c.claim_type, bool(c.check_worthy)), esc(c.claim) + self._also_said(c.doc_id, c.cluster_id),
                   self._about_links(c.about),
                   self.doc_slugs.link(c.doc_id, self.titles[c.doc_id], anchor=f"claim-{int(c.claim_id)}")]
            )
        return rows

    def _also_said(self, doc_id: str, cluster_id) -> str:
        """"also said in N documents", linked to the same claim there (``claims.cluster_id``)."""
        if pd.isna(cluster_id):
            return ""
        first: dict[str, int] = {}
        for d, c in self.cluster_claims.get(int(cluster_id), ()):
            if d != doc_id:
                first.setdefault(d, int(c))
        links = [self.doc_slugs.link(d, self.titles[d], anchor=f"claim-{c}") for d, c in list(first.items())[:5]]
        more = f" and {len(first) - 5:,} more" if len(first) > 5 else ""
        return f"<br><span class='muted'>also said in {_n(len(first), 'document')}: {', '.join(links)}{more}</span>" if first else ""

    def _speaker_anchor(self, speaker: str) -> str:
        return "claims-by-" + self.speaker_slugs.by_name.get(speaker, "unknown")

    # one speaker
    def speaker(self, name: str) -> str:
        claims = self._part(self.claims_by_speaker, name, self.claims)
        quotes = self._part(self.quotes_by_speaker, name, self.quotes)
        counts = " · ".join(f"{claim_badge(ct, False)} {int((claims['claim_type'] == ct).sum())}" for ct in CLAIM_TYPES)
        quote_rows = self._quote_rows(quotes, with_speaker=False)
        note = "<p class='muted'>Claims the articles assert themselves, with no speaker.</p>" if name == PUBLICATION else ""
        # the speaker's own name in their claims ("..., Sekreta said") is not a topic
        about_claims, about_quotes = _explode_entities(claims), _explode_entities(quotes)
        about_rows = self._summary_rows(about_claims[about_claims["entity"] != name], about_quotes[about_quotes["entity"] != name],
                                        "entity", lambda e: e)
        for row in about_rows:
            entity = row[0]
            row[0] = self._entity_link(entity)
            if entity in self.entity_slugs.by_name and row[1] != "0":
                # claims count -> this speaker's claims on the entity's page
                row[1] = f"<a href='{self.entity_slugs.href(entity, self._speaker_anchor(name))}'>{row[1]}</a>"
        body = (
            f"<h1>{esc(name)}</h1>{note}<p>{len(claims)} claims: {counts} · "
            f"{int(claims['check_worthy'].astype(bool).sum())} check-worthy · {len(quotes)} quotes</p>"
            + "<h2>What they talk about</h2><p class='muted'>Named entities mentioned in this speaker's claims and quotes.</p>"
            + html_table(["entity", *SUMMARY_COLUMNS], about_rows, numeric=SUMMARY_COLUMNS,
                         empty="their claims and quotes mention no named entity")
            + "<h2>Claims</h2>"
            + html_table(["type", "claim", "about", "document"], self._claim_rows(claims, with_speaker=False), empty="no claims")
            + "<h2>Quotes</h2>"
            + html_table(["kind", "quote", "cue", "mentions", "document"], quote_rows, empty="no quotes")
        )
        return self.page(name, body)

    # one entity
    def entity(self, name: str) -> str:
        mentions = self._part(self.ents_by_name, name, self.ents)
        labels = ", ".join(esc(x) for x in mentions["label"].value_counts().index)
        forms = ", ".join(esc(x) for x in mentions["text"].value_counts().index[:10])
        has = self._part(self.claims_by_entity, name, self.claims.assign(entity=None))
        by_doc = mentions.groupby("doc_id").size().sort_values(ascending=False)
        doc_rows = [[self.doc_slugs.link(d, self.titles[d]), str(n)] for d, n in by_doc.items()]
        quoted = self._part(self.quotes_by_entity, name, self.quotes.assign(entity=None))
        who_rows = self._summary_rows(has, quoted, "speaker", lambda k: k)
        # list claims and quotes in the order of the summary: most active speaker first
        rank = {name: i for i, (name, *_) in enumerate(who_rows)}
        has = has.assign(_rank=has["speaker"].map(rank)).sort_values(["_rank", "doc_id", "start"], kind="stable")
        quoted = quoted.assign(_rank=quoted["speaker"].map(rank)).sort_values(["_rank", "doc_id", "start"], kind="stable")
        who_rows = [[self.speaker_slugs.link(name), *cells] for name, *cells in who_rows]
        body = (
            f"<h1>{esc(name)}</h1><p class='muted'>{labels} · {len(mentions)} mentions in {len(by_doc)} documents · "
            f"written as: {forms}</p>"
            + (f"<p>{esc(name)} is also a speaker: {self.speaker_slugs.link(name, 'what ' + name + ' said')}.</p>"
               if name in self.speaker_slugs.by_name else "")
            + f"<h2>Who talks about {esc(name)}</h2><p class='muted'>Speakers whose claims or quotes mention it.</p>"
            + html_table(["speaker", *SUMMARY_COLUMNS], who_rows, numeric=SUMMARY_COLUMNS, empty="no claims or quotes mention it")
            + f"<h2>Claims that mention {esc(name)} ({len(has)})</h2>"
            + html_table(["speaker", "type", "claim", "about", "document"],
                         self._claim_rows(has, with_speaker=True), empty="no claims mention it")
            + f"<h2>Quotes that mention {esc(name)} ({len(quoted)})</h2>"
            + html_table(["speaker", "kind", "quote", "cue", "mentions", "document"], self._quote_rows(quoted, with_speaker=True),
                         empty="no quotes mention it")
            + "<h2>Documents</h2>" + html_table(["document", "mentions"], doc_rows, numeric={"mentions"})
        )
        return self.page(name, body)


SUMMARY_COLUMNS = ["claims", *CLAIM_TYPES, "check-worthy", "quotes"]


def _explode_entities(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (claim or quote, named entity it mentions) in column ``entity``."""
    out = df.assign(entity=df["entities"].str.split(", ")).explode("entity")
    return out[out["entity"].notna() & (out["entity"] != "")]


def _n(count, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _groups(df: pd.DataFrame, key: str) -> dict[str, pd.DataFrame]:
    return {k: g for k, g in df.groupby(key, sort=False)} if not df.empty else {}


def build_pages(tables: Tables) -> dict[str, str]:
    """Every page of the report: {file name: HTML}."""
    return Site(tables).pages()


def write_report(data_dir: Path | str, out_dir: Path | str | None = None) -> ReportSummary:
    """Read the tables in ``data_dir`` and write the site to ``out_dir`` (default ``<data_dir>/report``).

    The site is written to a temporary sibling folder and moved into place, so a
    failed or interrupted run leaves the previous report whole. Only a folder
    a report wrote is ever replaced (``site_folder``).
    """
    data = Path(data_dir)
    requested = Path(out_dir) if out_dir is not None else data / "report"
    out = site_folder(data, requested)
    tables = explore.load_tables(data)
    pages = build_pages(tables)
    out.parent.mkdir(parents=True, exist_ok=True)
    sweep_leftovers(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the site is meant to be served or shared
    try:
        for name, html in pages.items():
            (tmp / name).write_text(html, encoding="utf-8")
        (tmp / SITE_MARKER).write_text(marker_text(pages), encoding="utf-8")
        replace_path(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    kinds: dict[str, int] = {}
    for name in pages:
        if not name.endswith(".html"):
            continue  # the search index script
        kind = name[:-len(".html")].split("-", 1)[0]  # index, doc, speaker, entity, actors, ...
        kinds[kind] = kinds.get(kind, 0) + 1
    return ReportSummary(out_dir=requested, pages=kinds)
