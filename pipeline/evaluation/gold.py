"""The hand-labeled gold set (``data/gold/``): loading and anchoring.

The format is documented in ``data/gold/README.md``. Every span record carries
its ``text`` and its offsets into the *normalised seed text* (``raw_start``,
``raw_end``), not into a pipeline run's ``documents.text``: cleaning changes,
so the scorer re-finds each span in the run's cleaned text ("anchoring").

Anchoring is two-level, which is what makes it robust to cleaning changes and
to repeated strings ("OSCE" occurs dozens of times in one seed):

1. each gold *body line* (a paragraph or heading of the article, listed in
   ``documents.jsonl`` with its raw offset) is found in the cleaned text, in
   order, as a whole paragraph if possible, else anywhere (a dateline left
   glued to the first paragraph must not hide the paragraph);
2. a span is found inside the region of the body line that contains it: its
   k-th occurrence in the cleaned line is the one that is k-th in the raw line.

Matching is whitespace-tolerant (any run of whitespace matches any other), so
paragraphs re-joined by ``"\\n\\n"`` or a collapsed double space still anchor.
A span whose line is missing from the cleaned text stays unanchored: the
scorer counts it as missed.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..errors import InputError
from ..inputs.decode import decode_bytes, json_lines

#: default gold folder: ``data/gold`` in the project checkout
GOLD_DIR = Path(__file__).resolve().parents[2] / "data" / "gold"

#: one JSON Lines file per stage
GOLD_FILES = {
    "clean": "documents.jsonl",
    "sentences": "sentences.jsonl",
    "entities": "entities.jsonl",
    "quotes": "quotes.jsonl",
    "claims": "claims.jsonl",
}
SPAN_STAGES = ("sentences", "entities", "quotes", "claims")

_WORDCHAR = re.compile(r"\w", re.UNICODE)


class GoldFormatError(InputError):
    """A gold file breaks the documented format; the message names file, line and field."""


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    title: str | None
    source: str | None
    published: str | None
    dateline: str | None
    body_lines: tuple[str, ...]
    body_line_starts: tuple[int, ...]  # raw offset of each body line
    boilerplate_lines: tuple[str, ...]
    unscored_lines: tuple[str, ...] = ()
    unscored_line_starts: tuple[int, ...] = ()

    def region(self, raw_start: int, raw_end: int) -> str:
        """Where a raw span lies: "body" (inside a body line), "unscored"
        (inside a standfirst line) or "outside" (boilerplate, or a gold error)."""
        for line, start in zip(self.body_lines, self.body_line_starts):
            if start <= raw_start and raw_end <= start + len(line):
                return "body"
        for line, start in zip(self.unscored_lines, self.unscored_line_starts):
            if start <= raw_start and raw_end <= start + len(line):
                return "unscored"
        return "outside"


@dataclass(frozen=True)
class GoldSpan:
    """One gold span record of any span stage; ``fields`` holds the rest of the record."""

    stage: str
    doc_id: str
    index: int  # order of the record in its file
    text: str
    raw_start: int
    raw_end: int
    fields: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


@dataclass(frozen=True)
class Gold:
    """The loaded gold set. A stage whose file is absent maps to ``None``."""

    directory: Path
    documents: dict[str, GoldDocument] | None
    spans: dict[str, list[GoldSpan] | None]

    def has(self, stage: str) -> bool:
        if stage == "clean":
            return self.documents is not None
        return self.spans.get(stage) is not None


# ---------------------------------------------------------------- loading

def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in json_lines(path.read_text(encoding="utf-8")):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}:{n}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(rec, dict):
            raise GoldFormatError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
        rows.append(rec)
    return rows


def _require(rec: dict, key: str, where: str, types: type | tuple[type, ...]) -> Any:
    if key not in rec:
        raise GoldFormatError(f"{where}: missing field {key!r}; fields present: {sorted(rec)}")
    value = rec[key]
    wanted = types if isinstance(types, tuple) else (types,)
    if not any(_typed(value, t) for t in wanted):
        raise GoldFormatError(f"{where}: field {key!r} = {value!r} is not {types}")
    return value


_KINDS = {str: "a string", int: "a whole number", dict: "an object"}


def _typed(value: Any, kind: type) -> bool:
    """``value`` is a ``kind`` (a bool is an int to Python, but no offset)."""
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _items(rec: dict, key: str, where: str, kind: type, required: bool = True, null_items: bool = False) -> tuple:
    """The list ``rec[key]``, each item a ``kind`` (or null, with ``null_items``); an optional
    list that is absent or null is empty."""
    value = _require(rec, key, where, list) if required else rec.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise GoldFormatError(f"{where}: field {key!r} = {value!r} is not a list")
    for n, item in enumerate(value):
        if not (_typed(item, kind) or (null_items and item is None)):
            raise GoldFormatError(f"{where}: field {key!r} item {n} = {item!r} is not {_KINDS[kind]}")
    return tuple(value)


#: optional fields of span records (data/gold/README.md) -> what they hold: the scorers
#: normalise, hash and compare them, so a value of another kind (a speaker ["x"]) would
#: crash `pipeline eval` instead of being named here
OPTIONAL_FIELDS: dict[str, type] = {
    **dict.fromkeys(("label", "canonical", "kind", "speaker", "speaker_text", "cue", "claim_type", "speaker_kind",
                     "content"), str),
    **dict.fromkeys(("content_start", "content_end"), int),
}
#: optional list fields -> what their items are (``alt_claim_types`` may list null: no claim)
OPTIONAL_LISTS: dict[str, type] = {
    **dict.fromkeys(("alt_labels", "alt_canonicals", "alt_speakers", "alt_claim_types", "about", "about_optional"), str),
    "alt_spans": dict,
}


def _check_optional(rec: dict, where: str) -> None:
    for key, kind in OPTIONAL_FIELDS.items():
        value = rec.get(key)
        if value is not None and not _typed(value, kind):
            raise GoldFormatError(f"{where}: field {key!r} = {value!r} is not {_KINDS[kind]} (or null)")
    for key, kind in OPTIONAL_LISTS.items():
        _items(rec, key, where, kind, required=False, null_items=key == "alt_claim_types")
    for n, alt in enumerate(rec.get("alt_spans") or ()):
        for key, kind in (("text", str), ("raw_start", int), ("raw_end", int)):
            _require(alt, key, f"{where}: alt_spans item {n}", kind)


def load_documents(path: Path) -> dict[str, GoldDocument]:
    docs: dict[str, GoldDocument] = {}
    for n, rec in enumerate(_read_jsonl(path), 1):
        where = f"{path}:{n}"
        doc_id = _require(rec, "doc_id", where, str)
        lines = _items(rec, "body_lines", where, str)
        starts = _items(rec, "body_line_starts", where, int)
        if len(lines) != len(starts):
            raise GoldFormatError(f"{where}: {len(lines)} body_lines but {len(starts)} body_line_starts")
        if doc_id in docs:
            raise GoldFormatError(f"{where}: doc_id {doc_id!r} listed twice")
        docs[doc_id] = GoldDocument(
            doc_id=doc_id,
            title=_require(rec, "title", where, (str, type(None))),
            source=_require(rec, "source", where, (str, type(None))),
            published=_require(rec, "published", where, (str, type(None))),
            dateline=_require(rec, "dateline", where, (str, type(None))),
            body_lines=lines,
            body_line_starts=starts,
            boilerplate_lines=_items(rec, "boilerplate_lines", where, str),
            unscored_lines=_items(rec, "unscored_lines", where, str, required=False),
            unscored_line_starts=_items(rec, "unscored_line_starts", where, int, required=False),
        )
        d = docs[doc_id]
        if len(d.unscored_lines) != len(d.unscored_line_starts):
            raise GoldFormatError(f"{where}: {len(d.unscored_lines)} unscored_lines but {len(d.unscored_line_starts)} unscored_line_starts")
    return docs


def load_spans(path: Path, stage: str) -> list[GoldSpan]:
    out = []
    for n, rec in enumerate(_read_jsonl(path), 1):
        where = f"{path}:{n}"
        text = _require(rec, "text", where, str)
        start = _require(rec, "raw_start", where, int)
        end = _require(rec, "raw_end", where, int)
        if end - start != len(text):
            raise GoldFormatError(f"{where}: raw_end - raw_start = {end - start} but len(text) = {len(text)} for {text!r}")
        _check_optional(rec, where)
        rest = {k: v for k, v in rec.items() if k not in ("doc_id", "text", "raw_start", "raw_end")}
        out.append(GoldSpan(stage, _require(rec, "doc_id", where, str), n - 1, text, start, end, rest))
    return out


def load_gold(gold_dir: Path | str | None = None) -> Gold:
    """Load every gold file present in ``gold_dir`` (default ``data/gold``)."""
    if gold_dir is not None:
        directory = Path(gold_dir)
    else:
        # the package's own checkout first; an installed (non-editable) copy
        # has no data/, so fall back to the working directory's data/gold
        directory = GOLD_DIR if GOLD_DIR.is_dir() else Path.cwd() / "data" / "gold"
    if directory.exists() and not directory.is_dir():
        raise InputError(f"gold folder {directory} is a file, not a folder; pass --gold DIR, the folder that holds "
                         f"{GOLD_FILES['clean']} and the span files")
    if not directory.is_dir():
        raise InputError(f"gold folder {directory} does not exist; pass --gold DIR or restore data/gold/")
    if not any((directory / name).is_file() for name in GOLD_FILES.values()):
        # `--gold` a folder of something else scored "no gold" for every stage, and exit 0
        raise InputError(f"gold folder {directory} holds no gold file ({', '.join(GOLD_FILES.values())}); pass "
                         f"--gold DIR, the folder that holds them (`pipeline import-gold` makes one)")
    doc_path = directory / GOLD_FILES["clean"]
    documents = load_documents(doc_path) if doc_path.is_file() else None
    spans: dict[str, list[GoldSpan] | None] = {}
    for stage in SPAN_STAGES:
        p = directory / GOLD_FILES[stage]
        spans[stage] = load_spans(p, stage) if p.is_file() else None
    return Gold(directory, documents, spans)


def seed_texts(seeds: Path) -> dict[str, str]:
    """doc_id -> normalised text (``pipeline.inputs.decode``) of every ``*.txt`` seed in ``seeds``:
    the text the gold offsets point into."""
    return {p.stem: decode_bytes(p.read_bytes()).text for p in sorted(seeds.glob("*.txt"))}


def check_against_raw(gold: Gold, raw_texts: Mapping[str, str]) -> list[str]:
    """Problems where the gold disagrees with the normalised seed texts (empty = consistent)."""
    problems = []
    for doc in (gold.documents or {}).values():
        raw = raw_texts.get(doc.doc_id)
        if raw is None:
            problems.append(f"documents: no seed text for {doc.doc_id}")
            continue
        for kind, lines, starts in (("body", doc.body_lines, doc.body_line_starts),
                                    ("unscored", doc.unscored_lines, doc.unscored_line_starts)):
            for line, start in zip(lines, starts):
                if raw[start:start + len(line)] != line:
                    problems.append(f"documents {doc.doc_id}: {kind} line at {start} is not {line[:40]!r}")
    for stage, spans in gold.spans.items():
        for s in spans or ():
            raw = raw_texts.get(s.doc_id)
            if raw is None:
                problems.append(f"{stage} #{s.index}: no seed text for {s.doc_id}")
            elif raw[s.raw_start:s.raw_end] != s.text:
                problems.append(f"{stage} #{s.index} {s.doc_id}: raw[{s.raw_start}:{s.raw_end}] = {raw[s.raw_start:s.raw_end]!r} != {s.text!r}")
            doc = (gold.documents or {}).get(s.doc_id)
            if doc is None:
                problems.append(f"{stage} #{s.index}: doc_id {s.doc_id!r} is not in documents.jsonl")
            elif doc.region(s.raw_start, s.raw_end) == "outside":
                problems.append(f"{stage} #{s.index} {s.doc_id}: {s.text[:40]!r} lies in no body or standfirst line")
            for alt in s.get("alt_spans") or ():
                if raw is not None and raw[alt["raw_start"]:alt["raw_end"]] != alt["text"]:
                    problems.append(f"{stage} #{s.index} {s.doc_id}: alt span {alt!r} does not match the raw text")
    return problems


# ---------------------------------------------------------------- anchoring

def ws_pattern(text: str, bounded: bool = True) -> re.Pattern:
    """Regex for ``text`` where any whitespace run matches any whitespace run.

    With ``bounded``, a span that starts (ends) with a word character must not
    be preceded (followed) by one, so "PA" does not anchor inside "PAY".
    """
    parts = [re.escape(p) for p in text.split()]
    body = r"\s+".join(parts)
    if bounded and text.strip():
        s = text.strip()
        if _WORDCHAR.match(s[0]):
            body = r"(?<!\w)" + body
        if _WORDCHAR.match(s[-1]):
            body = body + r"(?!\w)"
    return re.compile(body)


def find_all(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The matches of ``pattern`` in ``text[start:end]``, one per start offset, overlapping ones
    too ('1.1' twice in '1.1.1'): the raw line and the cleaned text are counted alike."""
    end = len(text) if end is None else end
    found, pos = [], start
    while (m := pattern.search(text, pos, end)) is not None:
        found.append((m.start(), m.end()))
        pos = m.start() + 1
    return found


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int


def _anchor_lines(text: str, lines: Sequence[str]) -> list[Anchor | None]:
    """Find each body line in ``text``, in order, preferring whole paragraphs."""
    anchors: list[Anchor | None] = []
    cursor = 0
    for line in lines:
        pat = ws_pattern(line, bounded=False)
        para = re.compile(r"(?:^|(?<=\n))[ \t]*(" + pat.pattern + r")[ \t]*(?=\n|$)")
        found = None
        for p, lo in ((para, cursor), (pat, cursor), (para, 0), (pat, 0)):
            m = p.search(text, lo)
            if m:
                g = 1 if p is para else 0
                found = Anchor(m.start(g), m.end(g))
                break
        anchors.append(found)
        if found is not None:
            cursor = found.end
    return anchors


@dataclass
class DocAnchors:
    """Where the gold lines of one document sit in a run's cleaned text."""

    doc: GoldDocument
    text: str
    lines: list[Anchor | None]
    unscored: list[Anchor]

    def locate(self, text: str, raw_start: int) -> Anchor | None:
        """Anchor a gold span (its text and raw offset) into the cleaned text."""
        i = self._line_of(text, raw_start)
        if i is None:
            # not inside one body line (should not happen in a consistent gold):
            # fall back to the first occurrence in the text
            m = ws_pattern(text).search(self.text)
            return Anchor(m.start(), m.end()) if m else None
        region = self.lines[i]
        if region is None:
            return None
        # Where the raw line holds the span's text at its raw offset, the offset pins the
        # occurrence, and every occurrence counts, one inside a word too: a run's own export
        # re-imported as gold has MONEY '28.7' in '£28.7m', which the word boundary never
        # found (regression: such a gold scored entities F1 0.333 against its own run). A text
        # the offset does not pin keeps the boundary, so 'PA' is not taken inside 'PAY'.
        line, rel, pinned = self._pinned(i, text, raw_start)
        pat = ws_pattern(text, bounded=not pinned)
        k = len([s for s, _ in find_all(pat, line) if s < rel])
        hits = find_all(pat, self.text, region.start, region.end)
        # fewer occurrences than in the raw line: the line was altered,
        # so the span cannot be placed with confidence
        return Anchor(*hits[k]) if k < len(hits) else None

    def why_not_located(self, text: str, raw_start: int) -> str:
        """Why ``locate`` found no place for a span in the run's text, in a few words."""
        i = self._line_of(text, raw_start)
        if i is None:
            return "in no gold body line, nor in the run's text"
        if self.lines[i] is None:
            return "its body line is not in the run's text"
        if not self._pinned(i, text, raw_start)[2]:
            return f"its raw_start {raw_start} does not point at its text in its body line"
        return "its body line is in the run's text, but changed"

    def _pinned(self, i: int, text: str, raw_start: int) -> tuple[str, int, bool]:
        """(body line ``i``, the span's offset in it, whether the line holds ``text`` there)."""
        line, rel = self.doc.body_lines[i], raw_start - self.doc.body_line_starts[i]
        return line, rel, ws_pattern(text, bounded=False).match(line, rel) is not None

    def _line_of(self, text: str, raw_start: int) -> int | None:
        """The body line that holds a span (its text and raw offset), by number."""
        for i, (line, lstart) in enumerate(zip(self.doc.body_lines, self.doc.body_line_starts)):
            if lstart <= raw_start and raw_start + len(text) <= lstart + len(line):
                return i
        return None

    def in_unscored(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a standfirst (not scored either way)."""
        return any(start < a.end and a.start < end for a in self.unscored)


def anchor_document(doc: GoldDocument, text: str) -> DocAnchors:
    unscored = []
    for line in doc.unscored_lines:
        m = ws_pattern(line, bounded=False).search(text)
        if m:
            unscored.append(Anchor(m.start(), m.end()))
    return DocAnchors(doc, text, _anchor_lines(text, doc.body_lines), unscored)


def anchor_alt_spans(span: GoldSpan, da: DocAnchors | None) -> list[Anchor]:
    """Anchors of a span's acceptable alternative extents (``alt_spans``)."""
    if da is None:
        return []
    out = []
    for alt in span.get("alt_spans") or ():
        a = da.locate(alt["text"], alt["raw_start"])
        if a is not None:
            out.append(a)
    return out
