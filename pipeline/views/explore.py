"""Views over the output tables for readers: who claimed what, about whom, of what kind.

Pure pandas helpers that ``notebooks/explore.ipynb`` and ``pipeline report``
import, so the notebook defines no logic and the HTML report and the notebook
show the same numbers. Every function takes the tables (a :class:`Tables`, or
the single frames it needs) and returns a new DataFrame; nothing here writes.

Null speakers are shown with readable placeholders instead of NaN: a claim
without a speaker is asserted by the publication itself (docs/spec.md, claims),
a quote without one has a speaker the text does not name.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import TableError, UsageError
from ..registry import producer, tables as registered_tables
from ..resources import word_list
from ..schemas import CLAIM_TYPES, COMMAND_TABLES
from ..stages.names import strip_titles
from ..tables import MissingTableError, check_tables_folder, empty_frame, read_table, run_command, table_path
from .intervals import containing_pairs
from .markup import CLAIM_COLOURS, PUBLICATION, STYLE, UNKNOWN_SPEAKER, render_marked_text



class TableValueError(TableError):
    """A table holds a value outside the contract (e.g. an unknown claim type)."""


class Tables:
    """The output tables of one run, by name: ``tables.claims``, ``tables["claims"]``.

    Which tables there are comes from the stage registry (every stage's output,
    and ``errors``), so a new stage's table is here without a change to this class.
    """

    def __init__(self, out_dir: Path | None = None, **frames: pd.DataFrame):
        self.out_dir = out_dir
        self._frames = dict(frames)

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("_frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(f"no table {name!r}; tables: {', '.join(frames)}")

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self._frames[name]
        except KeyError:
            raise KeyError(f"no table {name!r}; tables: {', '.join(self._frames)}") from None

    def __contains__(self, name: str) -> bool:
        return name in self._frames

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._frames)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}: {len(f)}" for n, f in self._frames.items())
        return f"Tables({self.out_dir}; {sizes})"


def data_dir(default: Path | str | None = None) -> Path:
    """The tables folder a notebook reads: ``$CLAIMEX_DATA``, else ``default``, else
    ``data/`` of the project whether the notebook runs from the project root or
    from ``notebooks/``."""
    import os

    if os.environ.get("CLAIMEX_DATA"):
        return Path(os.environ["CLAIMEX_DATA"])
    if default is not None:
        return Path(default)
    here = Path.cwd()
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / "documents.parquet").exists():
            return candidate
    return here / "data"


def example_question(tables: "Tables") -> tuple[str | None, str | None]:
    """(speaker, entity) for "what did X claim about Y?": the most quoted speaker
    of the run and the entity their quotes and claims mention most (None when
    the run has no quotes). Ties go to the first name in alphabetical order."""
    q = tables.quotes[tables.quotes["speaker"].notna()]
    if q.empty:
        return None, None
    counts = q.groupby("speaker").size().reset_index(name="n").sort_values(["n", "speaker"], ascending=[False, True])
    speaker = counts["speaker"].iloc[0]
    who = entity_speakers(tables)
    about = who[who["speaker"] == speaker]
    return speaker, (about["canonical"].iloc[0] if len(about) else None)


def load_tables(out_dir: Path | str = "data") -> Tables:
    """Read every table of a run (``pipeline run all --out OUT_DIR``).

    A folder without a run (no ``documents.parquet``) raises ``MissingTableError``
    naming ``pipeline run all``, a missing later table one naming the stage to run, a
    table that lacks a part file its run wrote ``TableSchemaError`` (as a stage that
    reads it does: ``runner.manifest.check_intact``); a missing ``errors.parquet``
    (written only by the runner) reads as empty. Tables that other commands write (``claim_matches``, by ``pipeline match``)
    are read when present.
    """
    from ..runner import manifest

    out = Path(out_dir)
    check_tables_folder(out)
    # every table is read, so a folder without a run needs all of them (`run clean`, the advice
    # for the missing documents table alone, left the rest to make)
    first = f"run `{run_command('all', out, '--input PATH')}` first (PATH: your articles)"
    if not out.is_dir():
        raise MissingTableError(f"no output folder at {out}; {first}")
    if not table_path(out, "documents").exists():
        raise MissingTableError(f"no tables at {out} (no documents.parquet); {first}")
    state = manifest.load(out)
    frames = {}
    for name in registered_tables():
        if name == "errors" and not table_path(out, name).exists():
            frames[name] = empty_frame("errors")
            continue
        frames[name] = read_table(out, name, stage_hint=producer(name) or "all")
        # a table that lost a part file reads as a smaller one: the runner's check, as a stage's
        manifest.check_intact(out, name, state)
    for name in COMMAND_TABLES:
        if table_path(out, name).exists():
            frames[name] = read_table(out, name)
            manifest.check_intact(out, name, state)
    check_same_documents(frames, out)
    return Tables(out_dir=out, **frames)


def check_same_documents(frames: dict[str, pd.DataFrame], out: Path) -> None:
    """Every row of a table belongs to a document of ``documents`` (the tables of one run):
    a ``TableError`` naming the table and a doc_id otherwise. A documents table replaced
    or edited by hand left the report with a KeyError on the first row of another run.
    ``errors`` is exempt: its rows name documents that were never read."""
    known = set(frames["documents"]["doc_id"])
    for name, df in frames.items():
        if name in ("documents", "errors") or "doc_id" not in df.columns:
            continue
        stray = df["doc_id"][~df["doc_id"].isin(known)].unique()
        if len(stray):
            more = f" (and {len(stray) - 1:,} more)" if len(stray) > 1 else ""
            raise TableError(f"table {name!r} ({table_path(out, name)}) has rows of doc_id {stray[0]!r}{more}, which "
                             f"is not in table 'documents' ({table_path(out, 'documents')}): the tables are not "
                             f"from one run; rerun `pipeline run all --out {out}` with that run's --input")


def display_titles(documents: pd.DataFrame, width: int = 70) -> pd.Series:
    """doc_id -> a title to show: the headline, or for untitled articles (wire copy
    often has none) the opening words of the text, so readers can tell documents apart."""
    def show(title, text, doc_id):
        if isinstance(title, str) and title.strip():
            return title
        words = " ".join(str(text or "").split())
        if not words:
            return doc_id
        cut = words if len(words) <= width else words[:width].rsplit(" ", 1)[0] + " …"
        return f"(untitled) {cut}"
    return pd.Series([show(*r) for r in zip(documents["title"], documents["text"], documents["doc_id"])],
                     index=documents["doc_id"].values, dtype=object)


def table_sizes(tables: Tables) -> pd.Series:
    """Rows per table, in pipeline order (a quick check that the run produced something)."""
    return pd.Series({name: len(tables[name]) for name in tables.names}, name="rows")


def entity_labels() -> tuple[str, ...]:
    """Labels counted as named things people talk about (see the resource file for why)."""
    return word_list("report_entity_labels")


def speaker_or_publication(speaker: pd.Series) -> pd.Series:
    return speaker.astype(object).where(speaker.notna(), PUBLICATION)


def quote_speaker(speaker: pd.Series) -> pd.Series:
    return speaker.astype(object).where(speaker.notna(), UNKNOWN_SPEAKER)


def canonical_name(entities: pd.DataFrame) -> pd.Series:
    """The entity's canonical name, or its text where the entities stage left none."""
    return entities["canonical"].astype(object).where(entities["canonical"].notna(), entities["text"])


# --- claims per speaker and type -------------------------------------------------------

def claims_by_speaker_type(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker, one column per claim type (+ ``total``), most claims first.

    All four claim types are always columns, so a plot's legend and colours do
    not change with the data.
    """
    if claims.empty:
        return pd.DataFrame(columns=[*CLAIM_TYPES, "total"], dtype="int64").rename_axis("speaker")
    unknown = sorted(set(claims["claim_type"].dropna()) - set(CLAIM_TYPES))
    if unknown:
        # counting them under no column would make the totals silently wrong
        raise TableValueError(f"claims: unknown claim_type {', '.join(map(repr, unknown))}; valid: {', '.join(CLAIM_TYPES)}")
    df = claims.assign(speaker=speaker_or_publication(claims["speaker"]))
    table = pd.crosstab(df["speaker"], df["claim_type"])
    table = table.reindex(columns=list(CLAIM_TYPES), fill_value=0)
    table["total"] = table.sum(axis=1)
    table = table.sort_values(["total", *CLAIM_TYPES], ascending=False, kind="stable")
    table.columns.name = None
    return table.astype("int64")


def plot_claims_by_speaker(claims: pd.DataFrame, ax=None, top: int = 20):
    """Horizontal stacked bars of claims per speaker and type; returns the Axes.

    An empty claims table draws an empty, labelled plot instead of failing, so
    the notebook runs top to bottom on any run.
    """
    import matplotlib.pyplot as plt

    table = claims_by_speaker_type(claims).head(top)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.5, 0.45 * len(table) + 1.2)))
    if table.empty:
        ax.text(0.5, 0.5, "no claims in this run", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    # reversed so the speaker with most claims is on top of a horizontal bar chart
    table[list(CLAIM_TYPES)].iloc[::-1].plot.barh(stacked=True, ax=ax, color=[CLAIM_COLOURS[t] for t in CLAIM_TYPES])
    ax.set_xlabel("claims")
    ax.set_ylabel("")
    ax.set_title("Claims per speaker and type")
    ax.legend(title="claim type", loc="lower right")
    return ax


#: one colour per claim type, shared by the plot and the HTML report


# --- entities and who talks about them -----------------------------------------------------

def _spans_containing(entities: pd.DataFrame, spans: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """Pairs (entity mention, span) where the mention lies inside the span, same document."""
    if entities.empty or spans.empty:
        return pd.DataFrame(columns=["doc_id", "ent_id", "canonical", "label", *keep])
    ents = entities[["doc_id", "ent_id", "label"]].assign(canonical=canonical_name(entities))
    # not a join on doc_id: that pairs every mention with every span of its document,
    # quadratic in a document's size. Same rows, in a join's documented order: mention
    # rows, then span rows (which orders the names in a claim's ``entities``)
    e, s = containing_pairs(entities["doc_id"], entities["start"], entities["end"],
                            spans["doc_id"], spans["start"], spans["end"])
    return pd.concat([ents.iloc[e][["doc_id", "ent_id", "canonical", "label"]].reset_index(drop=True),
                      spans.iloc[s][keep].reset_index(drop=True)], axis=1)


def entity_speakers(tables: Tables, labels: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Who talks about which entity: one row per (canonical, speaker) with the mention count,
    most mentions first.

    A mention counts for a speaker when it lies inside one of their quotes or
    claims; a mention inside both a quote and the claim drawn from it counts
    once. The speaker's own name inside their quote is not "talking about".
    Only entities with ``labels`` count (default: :func:`entity_labels`).
    """
    labels = entity_labels() if labels is None else labels
    entities = tables.entities[tables.entities["label"].isin(labels)]
    q = _spans_containing(entities, tables.quotes.assign(who=quote_speaker(tables.quotes["speaker"])), ["who"])
    c = _spans_containing(entities, tables.claims.assign(who=speaker_or_publication(tables.claims["speaker"])), ["who"])
    both = pd.concat([q, c], ignore_index=True).drop_duplicates(["doc_id", "ent_id", "who"])
    both = both[both["canonical"] != both["who"]]
    if both.empty:
        return pd.DataFrame({"canonical": pd.Series(dtype=object), "speaker": pd.Series(dtype=object),
                             "mentions": pd.Series(dtype="int64")})
    out = both.groupby(["canonical", "who"]).size().rename("mentions").reset_index()
    out = out.rename(columns={"who": "speaker"})
    return out.sort_values(["mentions", "canonical", "speaker"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def named_entities(tables: Tables, labels: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Entity mentions with ``labels`` (default: :func:`entity_labels`), ``canonical``
    filled by :func:`canonical_name`."""
    labels = entity_labels() if labels is None else labels
    ents = tables.entities[tables.entities["label"].isin(labels)]
    return ents.assign(canonical=canonical_name(ents))


def top_entities(tables: Tables, n: int = 15, labels: tuple[str, ...] | None = None,
                 who: pd.DataFrame | None = None) -> pd.DataFrame:
    """Most-mentioned entities, with how many documents mention them and who talks about them.

    Columns: ``canonical``, ``label`` (its most frequent label), ``mentions``,
    ``documents``, ``speakers`` (``"Igor Sekreta (3), Maxim Ryzhenkov (1)"``:
    speakers whose quotes or claims mention it, most mentions first).
    ``who`` is :func:`entity_speakers` of ``tables`` (default labels); pass it
    when you already have it.
    """
    ents = named_entities(tables, labels)
    cols = ["canonical", "label", "mentions", "documents", "speakers"]
    if ents.empty:
        return pd.DataFrame(columns=cols)
    grouped = ents.groupby("canonical")
    out = pd.DataFrame({
        "label": grouped["label"].agg(lambda s: s.value_counts().index[0]),
        "mentions": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
    }).reset_index()
    out = out.sort_values(["mentions", "documents", "canonical"], ascending=[False, False, True], kind="stable").head(n)
    who = entity_speakers(tables) if who is None else who
    listed = who.groupby("canonical", sort=False).apply(
        lambda g: ", ".join(f"{s} ({m})" for s, m in zip(g["speaker"], g["mentions"])), include_groups=False
    ) if not who.empty else pd.Series(dtype=object)
    out["speakers"] = out["canonical"].map(listed).fillna("")
    return out[cols].reset_index(drop=True)


# --- claims with their context -----------------------------------------------------------

def claims_with_context(tables: Tables) -> pd.DataFrame:
    """Every claim with its speaker shown, its source sentence, document title and the
    entities it mentions (``entities``: canonical names, comma-separated)."""
    claims = tables.claims
    cols = ["doc_id", "title", "claim_id", "speaker", "claim_type", "check_worthy", "confidence",
            "claim", "sentence", "entities", "about", "quote_id", "start", "end", "cluster_id"]
    claims = _with_clusters(claims)
    if claims.empty:
        return pd.DataFrame(columns=cols)
    df = claims.assign(speaker=speaker_or_publication(claims["speaker"]),
                       about=about_lists(claims)).rename(columns={"text": "claim"})
    sents = tables.sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    df = df.merge(sents, on=["doc_id", "sent_id"], how="left")
    df = df.merge(display_titles(tables.documents).rename("title"), left_on="doc_id", right_index=True, how="left")
    df["entities"] = _entity_names(tables, claims, "claim_id")
    return df[cols].sort_values(["doc_id", "start", "claim_id"], kind="stable").reset_index(drop=True)


def about_lists(claims: pd.DataFrame) -> pd.Series:
    """``claims.about`` as Python lists (empty when the column is missing or null)."""
    if "about" not in claims.columns:
        return pd.Series([[] for _ in range(len(claims))], index=claims.index, dtype=object)
    return claims["about"].map(lambda v: [] if v is None or isinstance(v, float) else [str(x) for x in v])


def actor_name(tables: Tables, name: str) -> str:
    """The canonical name of ``name``: itself, or the actor that has it among its
    aliases ("Tories" -> "Conservative Party", "Mr Blair" -> "Tony Blair"), compared
    case-insensitively; unknown names come back as given."""
    if not isinstance(name, str):
        raise UsageError(f"a name to look up must be a string, not {type(name).__name__} {name!r}")
    actors = tables.actors if "actors" in tables else None
    if actors is None or actors.empty:
        return name
    for key in dict.fromkeys([name.casefold(), strip_titles(name).casefold()]):
        exact = actors[actors["actor"].str.casefold() == key]
        if len(exact):
            return str(exact["actor"].iloc[0])
        for actor, aliases in zip(actors["actor"], actors["aliases"]):
            if aliases is not None and any(str(a).casefold() == key for a in aliases):
                return str(actor)
    return name


def _by_speaker(tables: Tables, df: pd.DataFrame, speaker: str) -> pd.DataFrame:
    """The rows of ``df`` whose speaker is ``speaker`` or its actor (an alias), case-insensitively."""
    return df[df["speaker"].str.casefold() == actor_name(tables, speaker).casefold()]


def claims_about(tables: Tables, about: str, speaker: str | None = None) -> pd.DataFrame:
    """What ``speaker`` (anyone, when None) claimed about ``about``: the claims whose
    ``about`` holds it, by canonical name (docs/guidelines.md §5.8: the content's
    subject, object or topic, not every name in the sentence). Either name may be
    an alias ("Tories", "Mr Blair"; :func:`actor_name`), compared case-insensitively.
    ``claims_about(t, "OSCE", speaker="Igor Sekreta")``: claim_type, check_worthy,
    claim, its content, about, speaker, title, doc_id, claim_id; most check-worthy first.
    """
    df = claims_with_context(tables)
    cols = ["speaker", "claim_type", "check_worthy", "claim", "content", "about", "title", "doc_id", "claim_id"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    target = actor_name(tables, about).casefold()
    df = df[df["about"].map(lambda names: any(n.casefold() == target for n in names))]
    if speaker is not None:
        df = _by_speaker(tables, df, speaker)
    content = df["claim"].tolist()
    if "content_start" in tables.claims.columns:
        spans = df[["doc_id", "claim_id"]].merge(
            tables.claims[["doc_id", "claim_id", "content_start", "content_end"]], on=["doc_id", "claim_id"], how="left")
        texts = tables.documents.set_index("doc_id")["text"]
        content = [texts[d][int(a):int(b)] if pd.notna(a) and pd.notna(b) else claim
                   for d, a, b, claim in zip(spans["doc_id"], spans["content_start"], spans["content_end"], content)]
    df = df.assign(content=content)
    return df.sort_values(["check_worthy", "doc_id", "start"], ascending=[False, True, True], kind="stable")[cols] \
        .reset_index(drop=True)


def _entity_names(tables: Tables, spans: pd.DataFrame, id_col: str) -> list[str]:
    """Per span row: canonical names of the named entities inside it, comma-separated."""
    mentioned = _spans_containing(tables.entities, spans, [id_col])
    mentioned = mentioned[mentioned["label"].isin(entity_labels())]
    names = mentioned.drop_duplicates(["doc_id", id_col, "canonical"]).groupby(["doc_id", id_col])["canonical"].agg(", ".join)
    return [names.get((d, i), "") for d, i in zip(spans["doc_id"], spans[id_col])]


def quotes_with_context(tables: Tables) -> pd.DataFrame:
    """Every quote with its speaker shown (or :data:`UNKNOWN_SPEAKER`), document title
    and the entities it mentions (``entities``: canonical names, comma-separated)."""
    quotes = tables.quotes
    cols = ["doc_id", "title", "quote_id", "speaker", "kind", "quote", "cue", "speaker_text", "entities", "start", "end"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    df = quotes.assign(speaker=quote_speaker(quotes["speaker"])).rename(columns={"text": "quote"})
    df = df.merge(display_titles(tables.documents).rename("title"), left_on="doc_id", right_index=True, how="left")
    df["entities"] = _entity_names(tables, quotes, "quote_id")
    return df[cols].sort_values(["doc_id", "start", "quote_id"], kind="stable").reset_index(drop=True)


def check_worthy_claims(tables: Tables) -> pd.DataFrame:
    """Claims a fact-checker would want to verify, most confident first, with the source sentence."""
    df = claims_with_context(tables)
    df = df[df["check_worthy"].astype(bool)]
    cols = ["speaker", "claim_type", "claim", "sentence", "confidence", "title", "doc_id", "claim_id"]
    return df.sort_values(["confidence", "doc_id", "start"], ascending=[False, True, True], kind="stable")[cols].reset_index(drop=True)


def speaker_claims(tables: Tables, speaker: str, about: str | None = None) -> pd.DataFrame:
    """What ``speaker`` claimed (optionally only claims mentioning the entity ``about``).

    Names match case-insensitively against canonical names, and either may be an
    alias ("Mr Sekreta"; :func:`actor_name`), e.g.
    ``speaker_claims(t, "Igor Sekreta", about="OSCE")``. ``about`` also matches
    the entity's mention text, so "Organization for Security and Co-operation in
    Europe" finds the same claims as its canonical "OSCE".
    """
    return _said_by(tables, claims_with_context(tables), speaker, about,
                    ["claim_type", "check_worthy", "claim", "entities", "title", "doc_id", "claim_id"])


def speaker_quotes(tables: Tables, speaker: str, about: str | None = None) -> pd.DataFrame:
    """What ``speaker`` was quoted saying (optionally only quotes mentioning ``about``);
    names match as in :func:`speaker_claims`."""
    return _said_by(tables, quotes_with_context(tables), speaker, about,
                    ["kind", "quote", "cue", "entities", "title", "doc_id", "quote_id"])


def _said_by(tables: Tables, spans: pd.DataFrame, speaker: str, about: str | None, cols: list[str]) -> pd.DataFrame:
    """Rows of ``spans`` (claims or quotes with context) by ``speaker``, optionally only
    those mentioning ``about``; names match case-insensitively, aliases as their actor's."""
    df = _by_speaker(tables, spans, speaker)
    if about is not None:
        df = df[_mentions(tables, df, about)]
    return df[cols].reset_index(drop=True)


def _mentions(tables: Tables, spans: pd.DataFrame, about: str) -> pd.Series:
    """Per span row: does an entity inside it have ``about`` as canonical name or text?"""
    ents = tables.entities
    key = about.casefold()
    names = {key, actor_name(tables, about).casefold()}
    ents = ents[canonical_name(ents).str.casefold().isin(names) | (ents["text"].str.casefold() == key)]
    hit = _spans_containing(ents, spans.rename_axis("_row").reset_index(), ["_row"])["_row"]
    return pd.Series(spans.index.isin(set(hit)), index=spans.index, dtype=bool)


def speakers_overview(tables: Tables) -> pd.DataFrame:
    """One row per speaker: quotes, claims of each type, check-worthy claims, documents."""
    q = tables.quotes.assign(speaker=quote_speaker(tables.quotes["speaker"]))
    c = tables.claims.assign(speaker=speaker_or_publication(tables.claims["speaker"]))
    by_type = claims_by_speaker_type(tables.claims).rename(columns={"total": "claims"})
    out = pd.DataFrame(index=pd.Index(sorted(set(q["speaker"]) | set(c["speaker"])), name="speaker"))
    out["quotes"] = q.groupby("speaker").size().reindex(out.index, fill_value=0)
    out["claims"] = by_type["claims"].reindex(out.index, fill_value=0)
    for t in CLAIM_TYPES:
        out[t] = by_type[t].reindex(out.index, fill_value=0)
    out["check_worthy"] = c[c["check_worthy"].astype(bool)].groupby("speaker").size().reindex(out.index, fill_value=0)
    docs = pd.concat([q[["speaker", "doc_id"]], c[["speaker", "doc_id"]]])
    out["documents"] = docs.groupby("speaker")["doc_id"].nunique().reindex(out.index, fill_value=0)
    out = out.astype("int64")
    return out.sort_values(["claims", "quotes"], ascending=False, kind="stable").reset_index()


# --- the same assertion in other documents ------------------------------------------------------

def _with_clusters(claims: pd.DataFrame) -> pd.DataFrame:
    """``claims`` with a ``cluster_id`` column (all null for tables written before it existed)."""
    return claims if "cluster_id" in claims.columns else claims.assign(cluster_id=pd.Series(pd.NA, index=claims.index, dtype="Int64"))


def who_else_says(tables: Tables, speaker: str | None = None, doc_id: str | None = None,
                  claim_id: int | None = None) -> pd.DataFrame:
    """Who else says this? For each claim of ``speaker`` (a canonical name or an alias, see
    :func:`actor_name`; :data:`PUBLICATION` for the articles' own claims), or for the one claim
    ``doc_id``/``claim_id``, or for every
    claim: the claims of *other* documents that make the same assertion (the same
    ``claims.cluster_id``: near-identical wording, ``stages/claims/clusters.py``).

    One row per (claim, the same claim elsewhere): ``doc_id``, ``claim_id``, ``speaker``,
    ``claim``, ``also_doc_id``, ``also_claim_id``, ``also_speaker``, ``also_claim``,
    ``also_title``; empty when nobody else says it.
    """
    claims = _with_clusters(tables.claims)
    cols = ["doc_id", "claim_id", "speaker", "claim", "also_doc_id", "also_claim_id", "also_speaker", "also_claim",
            "also_title"]
    shown = claims[claims["cluster_id"].notna()].assign(speaker=lambda d: speaker_or_publication(d["speaker"]))
    mine = shown
    if speaker is not None:
        mine = _by_speaker(tables, mine, speaker)
    if doc_id is not None:
        mine = mine[mine["doc_id"] == doc_id]
    if claim_id is not None:
        mine = mine[mine["claim_id"] == claim_id]
    if mine.empty:
        return pd.DataFrame(columns=cols)
    keep = ["doc_id", "claim_id", "speaker", "text", "cluster_id"]
    others = shown[keep].rename(columns={c: f"also_{c}" for c in keep if c != "cluster_id"})
    pairs = mine[keep].merge(others, on="cluster_id")
    pairs = pairs[pairs["also_doc_id"] != pairs["doc_id"]].rename(columns={"text": "claim", "also_text": "also_claim"})
    pairs["also_title"] = pairs["also_doc_id"].map(display_titles(tables.documents))
    pairs = pairs.sort_values(["doc_id", "claim_id", "also_doc_id", "also_claim_id"], kind="stable")
    return pairs[cols].reset_index(drop=True)


# --- one document, sentence by sentence ------------------------------------------------------

def _no_document(tables: Tables, doc_id) -> KeyError:
    """The error for a doc_id the run lacks, its ids shown with their quotes: `no document 1;
    documents: 1, 2` hid that the ids are strings (a table input's `{"id": 1}` is "1")."""
    ids = tables.documents["doc_id"]
    hint = f"; ids are strings: pass {str(doc_id)!r}" if not isinstance(doc_id, str) and str(doc_id) in set(ids) else ""
    more = f", ... ({len(ids):,} in all)" if len(ids) > 20 else ""
    return KeyError(f"no document {doc_id!r}{hint}; documents: {', '.join(map(repr, ids.head(20)))}{more}")


def document_view(tables: Tables, doc_id: str) -> pd.DataFrame:
    """One document's text, sentence by sentence, with the quotes and claims in each.

    Columns: ``sent_id``, ``sentence``, ``quotes`` (``"[direct] Igor Sekreta: ..."``
    per quote starting in the sentence, joined by newlines), ``claims``
    (``"factual, check-worthy (Igor Sekreta)"``).
    """
    if doc_id not in set(tables.documents["doc_id"]):
        raise _no_document(tables, doc_id)
    sents = tables.sentences[tables.sentences["doc_id"] == doc_id].sort_values("sent_id")
    quotes = tables.quotes[tables.quotes["doc_id"] == doc_id].sort_values("start")
    claims = tables.claims[tables.claims["doc_id"] == doc_id].sort_values("start")
    rows = []
    for s in sents.itertuples(index=False):
        in_sent = quotes[(quotes["start"] >= s.start) & (quotes["start"] < s.end)]
        q_text = "\n".join(
            f"[{k}] {sp}: {t}" for k, sp, t in zip(in_sent["kind"], quote_speaker(in_sent["speaker"]), in_sent["text"])
        )
        c_sent = claims[claims["sent_id"] == s.sent_id]
        c_text = "\n".join(
            f"{ct}{', check-worthy' if cw else ''} ({sp})"
            for ct, cw, sp in zip(c_sent["claim_type"], c_sent["check_worthy"], speaker_or_publication(c_sent["speaker"]))
        )
        rows.append({"sent_id": s.sent_id, "sentence": s.text, "quotes": q_text, "claims": c_text})
    return pd.DataFrame(rows, columns=["sent_id", "sentence", "quotes", "claims"])


def document_html(tables: Tables, doc_id: str) -> str:
    """The document's text with entities, quotes and claims highlighted (an HTML fragment
    with its own styles), as on the report's document page; show it with
    ``IPython.display.HTML``."""

    doc = tables.documents[tables.documents["doc_id"] == doc_id]
    if doc.empty:
        raise _no_document(tables, doc_id)
    return f"<div class='claimex'><style>{STYLE}</style>" + render_marked_text(
        doc["text"].iloc[0],
        tables.entities[tables.entities["doc_id"] == doc_id],
        tables.quotes[tables.quotes["doc_id"] == doc_id],
        tables.claims[tables.claims["doc_id"] == doc_id],
    ) + "</div>"
