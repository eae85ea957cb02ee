"""The marked-up text of one document: entities, quotes and claims highlighted
in the spirit of spaCy's displaCy, as an HTML fragment with its own styles.

Shared by the report's document pages and the notebook (``explore.document_html``).
Every piece of text from the tables is escaped (articles are untrusted input and
may contain ``<script>``). Spans may overlap without nesting (a quote that starts
mid-claim, an entity across a quote mark), so the text is cut at every span
boundary and each piece re-opens the spans that cover it, always in the same
order (claim, quote, entity): the markup nests correctly whatever the overlap.
"""
from __future__ import annotations

import re
from html import escape
from typing import NamedTuple

import pandas as pd

from ..schemas import CLAIM_TYPES

#: shown for a claim whose ``speaker`` is null: the publication asserts it (docs/spec.md)
PUBLICATION = "(the publication)"
#: shown for a quote whose ``speaker`` is null: the text does not say who
UNKNOWN_SPEAKER = "(speaker not named)"

#: one colour per claim type (plots, badges)
CLAIM_COLOURS = {
    "factual": "#4e79a7",
    "evaluative": "#f28e2b",
    "prescriptive": "#59a14f",
    "predictive": "#b07aa1",
}

# displaCy's default entity colours (spacy/displacy/render.py), so the pages look
# familiar to spaCy users; any other label gets the grey fallback.
ENTITY_COLOURS = {
    "PERSON": "#aa9cfc", "ORG": "#7aecec", "GPE": "#feca74", "LOC": "#ff9561", "NORP": "#c887fb",
    "FAC": "#9cc9cc", "EVENT": "#ffeb80", "LAW": "#ff8197", "LANGUAGE": "#ff8197",
    "WORK_OF_ART": "#f0d0ff", "PRODUCT": "#bfeeb7", "DATE": "#bfe1d9", "TIME": "#bfe1d9",
    "MONEY": "#e4e7d2", "QUANTITY": "#e4e7d2", "ORDINAL": "#e4e7d2", "CARDINAL": "#e4e7d2",
    "PERCENT": "#e4e7d2",
}
ENTITY_FALLBACK = "#dddddd"
#: light backgrounds for claims, one per type (the strong colour is the badge)
CLAIM_TINTS = {"factual": "#e3ecf6", "evaluative": "#fdebd8", "prescriptive": "#e2f0de", "predictive": "#f1e6ef"}

STYLE = """
.claimex{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;line-height:1.5}
.claimex a{color:#1a5fb4}
.claimex table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.92em}
.claimex th,.claimex td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}
.claimex th{background:#f4f4f4}
.claimex td.n{text-align:right}
.claimex .doctext{white-space:pre-wrap;line-height:2.6;font-size:1.02em;max-width:60em;padding:1em;border:1px solid #e4e4e4;border-radius:6px;background:#fff}
.claimex .claim{padding:.15em 0}
.claimex .claim.s{border-top-left-radius:4px;border-bottom-left-radius:4px}
.claimex .quote{border-bottom:2px dashed #7a1f1f;padding-bottom:1px}
.claimex .ent{padding:.1em .3em;border-radius:.3em;border:1px solid rgba(0,0,0,.08)}
.claimex .ent:not(.s){border-top-left-radius:0;border-bottom-left-radius:0;padding-left:0}
.claimex .ent:not(.e){border-top-right-radius:0;border-bottom-right-radius:0;padding-right:0}
.claimex .elabel{font-size:.62em;font-weight:bold;text-transform:uppercase;margin-left:.35em;vertical-align:middle;opacity:.75}
.claimex .tag{font-size:.68em;font-weight:bold;color:#fff;border-radius:3px;padding:.05em .35em;margin-right:.25em;vertical-align:middle;white-space:nowrap}
.claimex .qtag{background:#7a1f1f}
.claimex .cw{outline:1px solid #fff}
.claimex .badge{display:inline-block;font-size:.8em;font-weight:bold;color:#fff;border-radius:3px;padding:0 .4em;white-space:nowrap}
.claimex .legend span{margin-right:.8em}
.claimex .cwnote{font-size:.8em;white-space:nowrap}
.claimex .muted{color:#777}
.claimex nav{margin-bottom:1em}
""" + "".join(
    f".claimex .claim.{t}{{background:{CLAIM_TINTS[t]}}}.claimex .tag.{t},.claimex .badge.{t}{{background:{CLAIM_COLOURS[t]}}}"
    for t in CLAIM_TYPES
) + "".join(f".claimex .ent.l-{lab}{{background:{c}}}" for lab, c in ENTITY_COLOURS.items()) + (
    f".claimex .ent{{background:{ENTITY_FALLBACK}}}"
)


def esc(value) -> str:
    """Escape any table value for HTML text or a quoted attribute; null -> empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return escape(str(value), quote=True)


# --- the marked-up text -------------------------------------------------------------------

#: drawing order, outermost first: a claim (usually a sentence) contains its quote,
#: and a quote contains its entities
CLAIM, QUOTE, ENTITY = 0, 1, 2


class Mark(NamedTuple):
    start: int
    end: int
    layer: int
    css: str        # class names
    title: str      # tooltip (plain text; escaped when written)
    start_html: str  # trusted markup emitted where the span begins (a tag)
    end_html: str    # trusted markup emitted where the span ends (an entity label)
    anchor: str      # id of the span's first piece, or ""


def _claim_marks(claims: pd.DataFrame) -> list[Mark]:
    marks = []
    for c in claims.itertuples(index=False):
        speaker = c.speaker if isinstance(c.speaker, str) else PUBLICATION
        worthy = bool(c.check_worthy)
        ctype = c.claim_type if c.claim_type in CLAIM_TYPES else "unknown"
        title = f"claim {c.claim_id}: {c.claim_type}{', check-worthy' if worthy else ''}; speaker: {speaker}; confidence {float(c.confidence):.2f}"
        tag = f"<span class='tag {esc(ctype)}{' cw' if worthy else ''}'>{esc(c.claim_type)}{' ✓' if worthy else ''}</span>"
        marks.append(Mark(int(c.start), int(c.end), CLAIM, f"claim {esc(ctype)}", title, tag, "", f"claim-{int(c.claim_id)}"))
    return marks


def _quote_marks(quotes: pd.DataFrame) -> list[Mark]:
    marks = []
    for q in quotes.itertuples(index=False):
        speaker = q.speaker if isinstance(q.speaker, str) else UNKNOWN_SPEAKER
        cue = f", cue: {q.cue}" if isinstance(q.cue, str) else ""
        title = f"quote {q.quote_id} ({q.kind}); speaker: {speaker}{cue}"
        tag = f"<span class='tag qtag'>{esc(speaker)} · {esc(q.kind)}</span>"
        marks.append(Mark(int(q.start), int(q.end), QUOTE, "quote", title, tag, "", f"quote-{int(q.quote_id)}"))
    return marks


def _entity_marks(entities: pd.DataFrame) -> list[Mark]:
    marks = []
    for e in entities.itertuples(index=False):
        canonical = e.canonical if isinstance(e.canonical, str) else e.text
        label = re.sub(r"[^A-Za-z0-9_]", "", str(e.label))  # a CSS class, so keep it to safe characters
        marks.append(Mark(int(e.start), int(e.end), ENTITY, f"ent l-{label}", f"{e.label}: {canonical}",
                          "", f"<span class='elabel'>{esc(e.label)}</span>", ""))
    return marks


def render_marked_text(text: str, entities: pd.DataFrame, quotes: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The text as HTML with every span highlighted; spans may overlap in any way.

    Spans outside the text or empty are skipped (the contract guarantees
    offsets, but a report should not crash on a bad row). The text is cut at
    every span boundary; each piece opens the spans covering it in layer order
    and closes them again, so the markup is always well nested. Classes ``s``
    and ``e`` mark the piece where a span truly starts and ends (rounded corners,
    tags and labels go there).
    """
    marks = [m for m in (*_claim_marks(claims), *_quote_marks(quotes), *_entity_marks(entities))
             if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    marks.sort(key=lambda m: (m.layer, m.start, -m.end))
    # a sweep over the cuts: a piece lies between two neighbouring cuts, so the marks
    # covering it are those that started at or before its start and have not ended
    # there; testing every mark for every piece was quadratic in a document's spans
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for rank, m in enumerate(marks):
        opening.setdefault(m.start, []).append(rank)
        closing.setdefault(m.end, []).append(rank)
    covering: set[int] = set()
    out = ["<div class='doctext'>"]
    for a, b in zip(cuts, cuts[1:]):
        covering.difference_update(closing.get(a, ()))
        covering.update(opening.get(a, ()))
        active = [marks[rank] for rank in sorted(covering)]  # drawing order, outermost first
        piece = escape(text[a:b], quote=False)
        for m in reversed(active):
            starts, ends = m.start == a, m.end == b
            css = m.css + (" s" if starts else "") + (" e" if ends else "")
            anchor = f" id='{m.anchor}'" if starts and m.anchor else ""
            piece = (f"<span class='{css}'{anchor} title='{esc(m.title)}'>"
                     f"{m.start_html if starts else ''}{piece}{m.end_html if ends else ''}</span>")
        out.append(piece)
    out.append("</div>")
    return "".join(out)
