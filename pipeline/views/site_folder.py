"""Which site folder ``pipeline report`` may replace, and the marker that says so.

The report is written aside and moved into place as a whole (``report.write_report``),
so whatever else the folder held would go with it. A folder is the report's to replace
when it is new or empty, or when everything in it is what an earlier report wrote:
its marker (``SITE_MARKER``) lists those files. A folder with anything more (notes a
user added, a folder of their own) is refused with exit 6 and the first such file named
(regression: `echo notes > site/my_notes.txt` was deleted by the next report).
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterable

from ..errors import OutputError
from ..schemas import SITE_MARKER

_MARKER_HEAD = "written by `pipeline report`; the folder is replaced by the next report"
_FILES_HEAD = "its files, one a line (a folder holding any other file is not replaced):"
#: what a report wrote before its marker listed its files: its pages and the search script
#: (review: any top-level .html counted, and a user's own page was deleted with the site)
_OLD_REPORT_FILE = re.compile(r"(index|actors|(doc|speaker|entity|documents|speakers|entities)-[^/]+)\.html"
                              r"|search-index\.js")


def marker_text(files: Iterable[str]) -> str:
    """The marker's text for a site of ``files`` (page names: ASCII slugs, no line breaks)."""
    return "\n".join([_MARKER_HEAD, _FILES_HEAD, *sorted(files)]) + "\n"


def _recorded(site: Path) -> set[str] | None:
    """The files the marker of ``site`` lists; None for a marker written before it listed them."""
    try:
        lines = (site / SITE_MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return set()  # unreadable: vouches for nothing
    if _FILES_HEAD not in lines:
        # only the older report's own marker vouches for its pages; any other text, nothing
        return None if lines == [_MARKER_HEAD] else set()
    return set(lines[lines.index(_FILES_HEAD) + 1:])


def foreign_entry(site: Path) -> str | None:
    """The first file or folder in ``site`` (relative, sorted) that no report wrote; None when
    every entry is the marker or a file it lists (or, for an older marker, a page of the report)."""
    recorded = _recorded(site)
    for p in sorted(site.rglob("*")):
        name = p.relative_to(site).as_posix()
        if name == SITE_MARKER:
            continue
        ours = _OLD_REPORT_FILE.fullmatch(name) if recorded is None else name in recorded
        if not ours or p.is_symlink() or not p.is_file():
            return name
    return None


def site_folder(data: Path, out: Path) -> Path:
    """The site folder to write, resolved, after checking it is ours to replace:
    a new or empty folder, or one holding only what an earlier report wrote (module doc).
    Never the tables folder or a folder that holds it, never a file, never a folder
    with anything else in it: ``OutputError``, nothing touched."""
    site = out.resolve()
    tables = data.resolve()
    if site == tables or tables.is_relative_to(site):
        raise OutputError(f"the site folder {out} would replace the tables folder {data}; "
                          f"pass a folder of its own for the site (default: {data / 'report'})")
    if site.exists() and not site.is_dir():
        raise OutputError(f"the site folder {out} is a file, not a folder; pass a folder for the site")
    if site.is_dir() and not (site / SITE_MARKER).is_file():
        if any(site.iterdir()):
            raise OutputError(f"the site folder {out} holds files that no report wrote; the site replaces its "
                              f"folder as a whole, so pass a new or empty folder (or remove this one)")
    elif site.is_dir():
        foreign = foreign_entry(site)
        if foreign is not None:
            raise OutputError(f"the site folder {out} holds {foreign!r}, which no report wrote; the site replaces "
                              f"its folder as a whole, so move it out of the folder (or pass another --site)")
    return site


def sweep_leftovers(out: Path) -> None:
    """Remove the hidden temporary/old site folders a killed ``write_report`` left next
    to ``out`` (only the names ``mkdtemp`` and ``replace_path`` create for it)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(old-)?[A-Za-z0-9_]{{8}}")
    for p in out.parent.iterdir():
        if p.is_dir() and pattern.fullmatch(p.name):
            shutil.rmtree(p, ignore_errors=True)
