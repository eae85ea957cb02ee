"""Clean stage: raw article -> title, dateline, source, published and body text.

The rules are general shapes of web news pages, not strings of one site
(docs/guidelines.md §1):

* **header**: the lines before the body. With a dateline
  (``resources/dateline_patterns.txt``: TASS, BelTA, Reuters, AP, AFP, Xinhua,
  Interfax, UPI, "City, Month D, YYYY – Outlet:", and a bare "WASHINGTON —"
  on the first prose line only), the body starts at the dateline's line;
  without one, at the first prose line (a line of eight or more words ending
  in sentence punctuation). The headline is a header line the page repeats,
  else its first headline-like line (3-30 words, not furniture, not ending in
  a colon or, from eight words on, a full stop), or a Title Case first line
  of the text. Before the headline everything is page furniture (menus,
  banners, date stamps, captions) and dropped. After it, with a dateline,
  the rest of the header (standfirst, caption, stamp) is dropped too; without
  one, header lines after the headline (all of them, when none is a headline)
  stay unless they are furniture or a publication stamp (a date with a year or a
  time): they may be body ("Ewood Park" / "Tuesday, 1 March" / "2000 GMT" open
  BBC match reports; `"No."` or `Why now?` opens a story).
* **anywhere**: banner phrases (``resources/boilerplate_lines.txt``), photo
  captions (``caption_patterns.txt``), calendar rows (``calendar_patterns.txt``)
  and pipe-separated menus are dropped.
* **trailer**: in the run of short lines without sentence punctuation at the
  end of the page, everything from the first furniture line on ("Archive",
  a calendar row, then "Great Patriotic War monuments ...") is site
  furniture. Short lines before it stay: sports results, fixture lists and
  rankings end BBC articles and are body (2,225 BBC articles checked, see
  tests/test_clean_bbc.py).

Whitespace normalisation (docs/guidelines.md §1 allows it when documented):

* every line is stripped of leading and trailing spaces;
* **hard-wrapped plain text** (paragraphs broken into lines of at most ~70-100
  characters, as e-mail and old wire copy do) is unwrapped: a line break is
  replaced by one space when the line is "full" (the next line's first word
  would not have fitted under the text's wrap width) and the line does not
  end a sentence. A line break mid-sentence thus never becomes a sentence
  boundary; see ``unwrap_lines``.

Kept lines are otherwise copied character for character (after the decoding
normalisation in ``pipeline.inputs.decode``) and joined by one blank line, so each
paragraph and heading is its own block.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pandas as pd

from ...errors import DOCUMENT_ERRORS, ErrorLog, ErrorRecord
from ...inputs.readers import RawDocument
from ...resources import word_list, word_set
from ...tables import empty_frame

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
# A dateline place: one to four capitalised words ("MINSK", "Minsk", "NEW YORK",
# "St. Petersburg"), optionally followed by a region or country ("KYIV, Ukraine").
_PLACE_RE = r"[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){0,3}(?:,\s+[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)?)??"
# A place written in capitals, as agencies print it when no date follows
# ("LONDON (Reuters) -"): the capitals are what makes the shape safe to match,
# "The EAEU (Eurasian Economic Union) - a bloc ..." must not be a dateline.
_CAPS_PLACE_RE = r"[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}(?:,\s+[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*)?)??"
# An outlet name: short, capitalised ("TASS", "BelTA", "The Europe Today").
_SOURCE_RE = r"[A-Z][A-Za-z0-9.&'\- ]{0,40}?"

# A line ending like this ends in sentence punctuation; "''" closes a quote in
# LaTeX/PTB-style wire copy (PolNeAR's NYT texts).
_SENT_END = tuple('.!?…"”’»)\'')
_WORD_RE = re.compile(r"\w+", re.UNICODE)
# A clock time or a four-digit year marks a date line as a publication stamp
# ("5 Dec 2025", "Friday, 25 February 2005 14:35"); without them it is more
# likely an event date inside the body ("Tuesday, 1 March" before a BBC match
# preview), which must stay.
_STAMP_RE = re.compile(r"\b(?:\d{4}|\d{1,2}:\d{2})\b")


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
        p = (p.replace("CAPS_PLACE", _CAPS_PLACE_RE).replace("PLACE", _PLACE_RE)
             .replace("DATE", _DATE_RE).replace("SOURCE", _SOURCE_RE))
        pats.append(re.compile(p))
    return tuple(pats)


@lru_cache(maxsize=None)
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
    """ISO date, or None for an impossible one ("February 31")."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def match_dateline(line: str) -> Dateline | None:
    """The agency dateline at the start of ``line`` (``resources/dateline_patterns.txt``).

    The body usually follows on the same line; a dateline alone on its line
    is accepted too (the body then starts on the next line)."""
    stripped = line.lstrip()
    offset = len(line) - len(stripped)
    for pat in _dateline_res():
        m = pat.match(stripped)
        if m:
            end = m.end()
            rest = stripped[end:]
            gd = m.groupdict()
            source = (gd.get("source") or "").strip() or None
            return Dateline(
                text=stripped[:end].strip(), place=gd.get("place"), date=gd.get("date"),
                source=source, end=offset + end + (len(rest) - len(rest.lstrip())),
            )
    return None


def is_banner(line: str) -> bool:
    """A known banner phrase as the whole line ("Breaking News", "All news"), or
    one as a label before a colon on a short unpunctuated line ("Tags: OSCE, Belarus")."""
    s = line.strip().lower()
    banners = word_set("boilerplate_lines")
    if s.rstrip(":").strip() in banners:
        return True
    # The label form needs a list after the colon ("Tags: OSCE, Belarus",
    # "Share: Facebook Twitter"), so "Analysis: Why the OSCE matters" stays a headline.
    label, colon, rest = s.partition(":")
    listy = "," in rest or n_words(rest) <= 2
    return (bool(colon) and label.strip() in banners and listy and n_words(s) <= 10
            and not s.endswith(tuple(".!?…")))


def is_caption(line: str) -> bool:
    """A photo caption or credit (``caption_patterns.txt``): at most 12 words,
    and not a sentence of six or more words ending in sentence punctuation
    ("Photos from the summit show the leaders shaking hands." is body)."""
    s = line.strip()
    w = n_words(s)
    if w > 12 or (w >= 6 and s.endswith(tuple(".!?…\"”"))):
        return False
    return any(p.match(s) for p in _line_res("caption_patterns"))


def is_calendar(line: str) -> bool:
    s = line.strip()
    return any(p.match(s) for p in _line_res("calendar_patterns"))


def is_menu(line: str) -> bool:
    """Pipe- or bullet-separated link rows: ``| Home | Government | Events``.

    Every item must be a short link label (at most five words, no sentence
    punctuation), so a body sentence that happens to contain "|" survives."""
    s = line.strip()
    for sep in ("|", " • ", " · "):
        if s.count(sep) >= 2:
            items = [it.strip() for it in s.split(sep) if it.strip()]
            if items and all(n_words(it) <= 5 and not it.endswith(tuple(".!?…")) for it in items):
                return True
    return False


def is_date_line(line: str) -> bool:
    s = line.strip()
    return n_words(s) <= 6 and bool(re.fullmatch(rf"(?:\w+,?\s+)?{_DATE_RE}(?:,?\s+\d{{1,2}}:\d{{2}})?", s))


def is_date_stamp(line: str) -> bool:
    """A publication date line: a date line with a year or a clock time."""
    return is_date_line(line) and bool(_STAMP_RE.search(line))


def is_furniture(line: str) -> bool:
    return is_banner(line) or is_caption(line) or is_calendar(line) or is_menu(line)


def is_prose(line: str) -> bool:
    s = line.strip()
    return n_words(s) >= 8 and s.endswith(_SENT_END)


def is_headline_like(line: str) -> bool:
    """3-30 words, not furniture, not ending like a sentence or a label.

    Headlines may end in "?", "!" or an ellipsis ("Rivals of the £400 Apple...")
    but not in a colon. A single full stop is allowed on a short line (under
    eight words, so not prose): plain-text exports often add one to the
    headline ("Sisterhood of the Skateboard." in PolNeAR); a longer line ending
    in a full stop is a sentence."""
    s = line.strip()
    w = n_words(s)
    ends_badly = s.endswith(":") or (s.endswith(".") and not s.endswith(("...", "…")) and w >= 8)
    return 3 <= w <= 30 and not ends_badly and not is_furniture(s) and not is_date_line(s)


_CASED_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]{3,}")


def is_title_case_headline(line: str) -> bool:
    """A Title Case line of at most 25 words ("Clinton Plan for Taxes Is
    Expansive but Complex."): most words of four or more letters capitalised.
    Used for the first line of a text only, where exports put the headline,
    often with a full stop added; a prose sentence is rarely in Title Case."""
    s = line.strip()
    long_words = _CASED_WORD_RE.findall(s)
    if n_words(s) > 25 or len(long_words) < 3 or s.endswith(":"):
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def is_short_unpunctuated(line: str) -> bool:
    s = line.strip()
    return n_words(s) <= 8 and not s.endswith(tuple(".!?…\"”»"))


# --- whitespace normalisation: unwrapping hard-wrapped plain text -------------

# Lines no longer than this may be hard-wrapped; page text with one paragraph
# per line has much longer lines and is never touched. 100 covers the common
# wrap widths 70-80 (e-mail, RFC 3676, Project Gutenberg) and 90-100 (some wires).
MAX_WRAP_WIDTH = 100
# Below this the "lines" are a list or a poem, not wrapped prose.
MIN_WRAP_WIDTH = 40
# A line ending like this ends a sentence: the break after it is kept, so a
# wrap that happens to fall at a sentence end still is a boundary.
_SENTENCE_FINAL_RE = re.compile(r"[.!?…][\"”’»')\]]*$")
# ... unless the final "word." is an initial or a title ("M.G.", "Mrs.").
_NOT_FINAL_RE = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Rev|Sen|Rep|Gov|No|vs|etc|e\.g|i\.e)\.)$")
_LIST_ITEM_RE = re.compile(r"^(?:[-*•–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")


def wrap_width(lines: list[str]) -> int | None:
    """The wrap width of hard-wrapped text, or None when the text is not wrapped.

    Wrapped text has many lines directly followed by another line (no blank
    line between), most of them nearly as long as the longest line, and many
    continued by a lower-case word."""
    followed = [ln for ln, nxt in zip(lines, lines[1:]) if ln.strip() and nxt.strip()]
    if len(followed) < 3:
        return None
    width = max(len(ln.strip()) for ln in lines)
    if not (MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH):
        return None
    full = sum(1 for ln in followed if len(ln.strip()) >= 0.75 * width)
    # Wrapped prose continues mid-sentence: many lines go on with a lower-case
    # word. A list of similar-length lines ("Chelsea v Birmingham" fixtures,
    # one sentence per line) does not, and must keep its breaks.
    pairs = [(ln, nxt) for ln, nxt in zip(lines, lines[1:]) if ln.strip() and nxt.strip()]
    lower = sum(1 for _, nxt in pairs if nxt.strip()[0].islower())
    if full < 0.5 * len(followed) or lower < 0.3 * len(pairs):
        return None
    return width


def unwrap_lines(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs (module docstring).

    A break is a wrap when the line was full: the next line's first word would
    not have fitted on it within the text's wrap width (greedy wrapping only
    breaks there), and the line does not end a sentence. Headings, list items
    and the short last line of a paragraph keep their breaks."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    last = ""  # the previous physical line (the tail of out[-1])
    for ln in lines:
        s = ln.strip()
        if out and out[-1] and s and _is_wrap(last, s, width):
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
        last = s
    return out


def _is_wrap(line: str, nxt: str, width: int) -> bool:
    """Was the break between physical lines ``line`` and ``nxt`` a wrap?"""
    if len(line) + 1 + len(nxt.split(None, 1)[0]) <= width:
        return False  # the next word would have fitted: a real line end
    if _LIST_ITEM_RE.match(nxt):
        return False
    if _SENTENCE_FINAL_RE.search(line) and not _NOT_FINAL_RE.search(line.rstrip("\"”’»')]")):
        return False
    return True


def clean_text(raw: str, *, title_hint: str | None = None) -> tuple[str, str | None, Dateline | None, str | None]:
    """Return (body text, title, dateline, header date) for one raw article.

    ``title_hint`` is a title known from elsewhere (a ``title`` column, the
    HTML ``<title>``): it becomes the title, a line repeating it is dropped,
    and the other header lines are kept unless they are furniture."""
    lines = unwrap_lines(raw.split("\n"))
    lines = [ln.strip() for ln in lines]
    idx = [i for i, ln in enumerate(lines) if ln]
    if not idx:
        return "", title_hint, None, None

    # 1. Find the body start: a dateline in the first lines, else the first prose line.
    dateline: Dateline | None = None
    body_start = None
    seen_prose = False
    for i in idx[:40]:
        dl = match_dateline(lines[i])
        # A bare "WASHINGTON —" (no date, no outlet) counts only on the first
        # prose line and never on the text's first line: elsewhere it may be a
        # capitalised word in the body or a kicker ("EXCLUSIVE – Roger Stone: ...").
        bare_ok = not seen_prose and i != idx[0] and not (dl and is_banner(dl.place or ""))
        if dl is not None and (dl.date or dl.source or bare_ok):
            dateline, body_start = dl, i
            break
        seen_prose = seen_prose or is_prose(lines[i])
    # The first line of a text, on its own and in Title Case, is a headline even
    # when it ends in a full stop (PolNeAR's exports add one to every headline).
    first_title = (len(idx) > 1 and idx[1] > idx[0] + 1 and is_title_case_headline(lines[idx[0]])
                   and not is_furniture(lines[idx[0]]))
    if body_start is None:
        for i in idx:
            if is_prose(lines[i]) and not (first_title and i == idx[0]):
                body_start = i
                break
    if body_start is None:
        body_start = idx[0]

    # 2. Header: title and a date line. Before the title everything is page
    #    furniture; after it (no dateline) come a standfirst, a byline or the
    #    first short body lines, kept unless furniture or a publication stamp.
    header = [i for i in idx if i < body_start]
    header_date = next((lines[i] for i in header if is_date_line(lines[i])), None)
    title_line = None
    if title_hint:
        title = title_hint.strip()
        kept = [i for i in header if lines[i] != title and not is_furniture(lines[i]) and not is_date_stamp(lines[i])]
    else:
        counts: dict[str, int] = {}
        for i in header:
            counts[lines[i]] = counts.get(lines[i], 0) + 1
        repeated = [i for i in header if counts[lines[i]] > 1 and is_headline_like(lines[i])]
        if repeated:
            title_line = repeated[0]
        else:
            cands = [i for i in header if is_headline_like(lines[i]) or (first_title and i == idx[0])]
            if cands:
                title_line = cands[0]
        title = lines[title_line] if title_line is not None else None
        kept = []
        if dateline is None:
            # after the headline: standfirst, byline or the body's first short lines; with no
            # headline only lines that end like a sentence (`"No."`, `Why now?` were dropped,
            # unreported): a page whose headline reads as prose keeps its menu and byline out
            after = title_line if title_line is not None else -1
            kept = [i for i in header if i > after and lines[i] != title and not is_furniture(lines[i])
                    and not is_date_stamp(lines[i]) and (title_line is not None or lines[i].endswith(_SENT_END))]

    # 3. Body: furniture anywhere and a repeat of the headline are dropped.
    body_all = [i for i in idx if i >= body_start]
    # 4. Trailer: in the final run of short unpunctuated lines, site furniture
    #    starts at the first banner/calendar/menu/caption line; everything from
    #    there on goes. Short lines before it are body (result lists, fixtures).
    run_start = len(body_all)
    while run_start > 1 and (is_short_unpunctuated(lines[body_all[run_start - 1]])
                             or is_furniture(lines[body_all[run_start - 1]])):
        run_start -= 1
    cut = next((k for k in range(run_start, len(body_all)) if is_furniture(lines[body_all[k]])), len(body_all))
    body = [i for i in body_all[:cut] if not is_furniture(lines[i]) and lines[i] != title]
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
        from .html import html_to_text

        text, html_title = raw.extracted or html_to_text(text)  # (the read's, of a long page: RawDocument)
        title_hint = title_hint or html_title
    body, title, dl, header_date = clean_text(text, title_hint=title_hint)
    source = raw.source or (dl.source if dl else None)
    published = _published(raw.published) or parse_date(dl.date if dl else None) or parse_date(header_date)
    return CleanDocument(
        doc_id=raw.doc_id, path=raw.path, title=title, source=source, published=published,
        dateline=dl.text if dl else None, text=body, content_hash=raw.content_hash,
    )


def _published(value: str | None) -> str | None:
    """The ISO date of a given ``published`` ("2025-12-05T10:15:00Z", "5 December 2025"), or
    None for one that is no date: an ISO shape was taken as it stood ("2025-13-45" and
    "2025-02-30" were published), so it is checked as the dateline's dates are (``_iso``)."""
    if not value:
        return None
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value[:10])
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return parse_date(value)


def _dropped_date(raw: RawDocument, doc: CleanDocument, errors: ErrorLog) -> None:
    """A warning row for a given ``published`` that is no date (it went null, or gave way
    to the dateline's date): "2025/01/30" became null without a word."""
    given = raw.published.strip() if isinstance(raw.published, str) else ""
    if given and _published(given) is None:
        fallback = f"the dateline's date {doc.published} is used" if doc.published else "published is left null"
        errors.warn(raw.doc_id, raw.path, STAGE, "invalid_date",
                    f"published {given[:80]!r} is not a valid date (YYYY-MM-DD, or a day, month name and year); "
                    f"{fallback}")


def clean_documents(raw: Iterable[RawDocument], errors: ErrorLog) -> pd.DataFrame:
    """One row per input document: its cleaned body, title, dateline, source and date."""
    rows = []
    for item in raw:
        try:
            doc = clean_document(item)
        except DOCUMENT_ERRORS as exc:
            errors.document_failed(item.doc_id, item.path, STAGE, exc)
            continue
        if not doc.text.strip():
            errors.add(ErrorRecord(item.doc_id, item.path, STAGE, "no_body", "nothing left after removing site furniture"))
            continue
        _dropped_date(item, doc, errors)
        rows.append({**doc.__dict__, "n_chars": len(doc.text)})
    if not rows:
        return empty_frame("documents")
    return pd.DataFrame(rows)
