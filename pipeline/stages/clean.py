"""Clean stage: raw article -> title, dateline, source, published and body text.

The rules are general shapes of web news pages, not strings of one site
(GUIDELINES section 1):

* **header**: the lines before the body. With a dateline, the body starts at
  the dateline's line; without one, at the first prose line (a line of eight
  or more words ending in sentence punctuation). The headline is taken from
  the header (a line the page repeats, else its first headline-like line) and
  everything else in the header (menus, banners, date lines, captions, the
  repeated headline, a standfirst) is dropped.
* **anywhere**: banner phrases (``resources/boilerplate_lines.txt``), photo
  captions (``caption_patterns.txt``), calendar rows (``calendar_patterns.txt``)
  and pipe-separated menus are dropped.
* **trailer**: the run of short lines without sentence punctuation at the end
  of the page ("Archive", "Great Patriotic War monuments ...") is site
  furniture; a body never ends on a heading.

Kept lines are copied character for character (after the decoding
normalisation in ``pipeline.decode``) and joined by one blank line, so each
paragraph and heading is its own block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pandas as pd

from ..errors import DOCUMENT_ERRORS, ErrorLog, ErrorRecord
from ..readers import RawDocument
from ..resources import word_list, word_set
from ..tables import empty_frame

STAGE = "clean"

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
# "July 30", "July 30, 2025", "5 December", "5 December 2025", "5 Dec. 2025"
_DATE_RE = rf"(?:{_MONTH_RE}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH_RE}\.?(?:,?\s+\d{{4}})?)"
_PLACE_RE = r"[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3}"
_SOURCE_RE = r"[A-Z][A-Za-z0-9.&'\- ]{0,40}?"

_SENT_END = tuple('.!?…"”’»)')
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Dateline:
    text: str
    place: str | None
    date: str | None
    source: str | None
    end: int  # index in the line where the body text starts


@dataclass(frozen=True)
class CleanDocument:
    doc_id: str
    path: str
    title: str | None
    source: str | None
    published: str | None
    dateline: str | None
    text: str
    content_hash: str


@lru_cache(maxsize=1)
def _dateline_res() -> tuple[re.Pattern, ...]:
    pats = []
    for p in word_list("dateline_patterns"):
        p = p.replace("PLACE", _PLACE_RE).replace("DATE", _DATE_RE).replace("SOURCE", _SOURCE_RE)
        pats.append(re.compile(p))
    return tuple(pats)


@lru_cache(maxsize=1)
def _line_res(name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in word_list(name))


def n_words(line: str) -> int:
    return len(_WORD_RE.findall(line))


def parse_date(text: str | None) -> str | None:
    """ISO date from "July 30, 2025", "5 December 2025", "5 Dec 2025"; None without a year."""
    if not text:
        return None
    m = re.search(rf"(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})", text)
    if m:
        return _iso(int(m.group(3)), MONTHS[_month_key(m.group(2))], int(m.group(1)))
    m = re.search(rf"({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", text)
    if m:
        return _iso(int(m.group(3)), MONTHS[_month_key(m.group(1))], int(m.group(2)))
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def _month_key(name: str) -> str:
    key = name.lower().rstrip(".")
    return key if key in MONTHS else key[:3]


def _iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def match_dateline(line: str) -> Dateline | None:
    stripped = line.lstrip()
    offset = len(line) - len(stripped)
    for pat in _dateline_res():
        m = pat.match(stripped)
        if m:
            end = m.end()
            # The body must follow on the same line.
            rest = stripped[end:]
            if not rest.strip():
                continue
            gd = m.groupdict()
            source = (gd.get("source") or "").strip() or None
            return Dateline(
                text=stripped[:end].strip(), place=gd.get("place"), date=gd.get("date"),
                source=source, end=offset + end + (len(rest) - len(rest.lstrip())),
            )
    return None


def is_banner(line: str) -> bool:
    return line.strip().lower().rstrip(":").strip() in word_set("boilerplate_lines")


def is_caption(line: str) -> bool:
    s = line.strip()
    return n_words(s) <= 12 and any(p.match(s) for p in _line_res("caption_patterns"))


def is_calendar(line: str) -> bool:
    s = line.strip()
    return any(p.match(s) for p in _line_res("calendar_patterns"))


def is_menu(line: str) -> bool:
    """Pipe- or bullet-separated link rows: ``| Home | Government | Events``."""
    s = line.strip()
    return s.count("|") >= 2 or s.count(" • ") >= 2 or s.count(" · ") >= 2


def is_date_line(line: str) -> bool:
    s = line.strip()
    return n_words(s) <= 6 and bool(re.fullmatch(rf"(?:\w+,?\s+)?{_DATE_RE}(?:,?\s+\d{{1,2}}:\d{{2}})?", s))


def is_furniture(line: str) -> bool:
    return is_banner(line) or is_caption(line) or is_calendar(line) or is_menu(line)


def is_prose(line: str) -> bool:
    s = line.strip()
    return n_words(s) >= 8 and s.endswith(_SENT_END)


def is_headline_like(line: str) -> bool:
    s = line.strip()
    w = n_words(s)
    return 3 <= w <= 30 and not s.endswith((".", ":")) and not is_furniture(s) and not is_date_line(s)


def is_short_unpunctuated(line: str) -> bool:
    s = line.strip()
    return n_words(s) <= 8 and not s.endswith(tuple(".!?…\"”»"))


def clean_text(raw: str, *, title_hint: str | None = None) -> tuple[str, str | None, Dateline | None, str | None]:
    """Return (body text, title, dateline, header date) for one raw article."""
    lines = [ln.strip() for ln in raw.split("\n")]
    idx = [i for i, ln in enumerate(lines) if ln]
    if not idx:
        return "", title_hint, None, None

    # 1. Find the body start: a dateline in the first lines, else the first prose line.
    dateline: Dateline | None = None
    body_start = None
    for i in idx[:40]:
        dl = match_dateline(lines[i])
        if dl is not None:
            dateline, body_start = dl, i
            break
    if body_start is None:
        for i in idx:
            if is_prose(lines[i]):
                body_start = i
                break
    if body_start is None:
        body_start = idx[0]

    # 2. Header: title and a date line; the rest of the header is dropped unless
    #    (no dateline) it follows the title and is not furniture (a standfirst or lead).
    header = [i for i in idx if i < body_start]
    header_date = next((lines[i] for i in header if is_date_line(lines[i])), None)
    counts: dict[str, int] = {}
    for i in header:
        counts[lines[i]] = counts.get(lines[i], 0) + 1
    title_line = None
    repeated = [i for i in header if counts[lines[i]] > 1 and is_headline_like(lines[i])]
    if repeated:
        title_line = repeated[0]
    else:
        cands = [i for i in header if is_headline_like(lines[i])]
        if cands:
            title_line = cands[0]
    title = lines[title_line] if title_line is not None else title_hint
    if title_hint and title is None:
        title = title_hint
    # A first body line equal to the title hint (HTML <title>) is a repeated headline.
    kept: list[int] = []
    if dateline is None and title_line is not None:
        kept = [i for i in header if i > title_line and lines[i] != title and not is_furniture(lines[i])
                and not is_date_line(lines[i])]

    # 3. Body: drop furniture anywhere and a repeat of the headline.
    body = [i for i in idx if i >= body_start and not is_furniture(lines[i]) and lines[i] != title]
    # 4. Trailer: short unpunctuated lines at the very end are site furniture.
    while body and len(body) > 1 and is_short_unpunctuated(lines[body[-1]]):
        body.pop()
    keep = kept + body
    out_lines = []
    for i in keep:
        ln = lines[i]
        if dateline is not None and i == body_start:
            ln = _after_dateline(ln, dateline)
        if ln:
            out_lines.append(ln)
    return "\n\n".join(out_lines), title, dateline, header_date


def _after_dateline(line: str, dl: Dateline) -> str:
    """The body text that follows the dateline on its line."""
    return line[dl.end:].strip()


def clean_document(raw: RawDocument) -> CleanDocument:
    text = raw.text
    title_hint = raw.title
    if raw.is_html:
        from ..html import html_to_text

        text, html_title = html_to_text(text)
        title_hint = title_hint or html_title
    body, title, dl, header_date = clean_text(text, title_hint=title_hint)
    source = raw.source or (dl.source if dl else None)
    published = _published(raw.published) or parse_date(dl.date if dl else None) or parse_date(header_date)
    return CleanDocument(
        doc_id=raw.doc_id, path=raw.path, title=title, source=source, published=published,
        dateline=dl.text if dl else None, text=body, content_hash=raw.content_hash,
    )


def _published(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return parse_date(value)


def clean_documents(raws: Iterable[RawDocument], errors: ErrorLog) -> pd.DataFrame:
    rows = []
    for raw in raws:
        try:
            doc = clean_document(raw)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(raw.doc_id, raw.path, STAGE, exc)
            continue
        if not doc.text.strip():
            errors.add(ErrorRecord(raw.doc_id, raw.path, STAGE, "no_body", "nothing left after removing site furniture"))
            continue
        rows.append({**doc.__dict__, "n_chars": len(doc.text)})
    if not rows:
        return empty_frame("documents")
    return pd.DataFrame(rows)
