"""The clean stage must not drop body lines of real articles from another site.

The BBC News corpus (``../shared/data/news/bbc/``, 2,225 articles) has the
headline on the first line and nothing but body after it: no navigation, no
captions, no calendars. So every non-empty line after the first must survive
cleaning, character for character, and the first line must be the title.
Before the rules were hardened, 124 body lines in 24 articles were dropped
(result lists and fixtures in the trailer, event dates after the headline)
and one headline ending in "..." was missed.

Only the clean rules run (no spaCy): about one second for the whole corpus.
"""
from __future__ import annotations

import pytest

from pipeline.inputs.decode import decode_bytes
from pipeline.stages.clean.stage import clean_text
from tests.conftest import SHARED_DATA, requires_shared

BBC = SHARED_DATA / "news" / "bbc"


@requires_shared
def test_clean_bbc_keeps_every_body_line():
    files = sorted(BBC.rglob("*.txt"))
    assert len(files) == 2225, f"expected the 2,225 BBC articles under {BBC}, found {len(files)}"
    dropped: list[tuple[str, str]] = []
    wrong_titles: list[tuple[str, str, str | None]] = []
    for path in files:
        raw = decode_bytes(path.read_bytes()).text
        lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
        text, title, dateline, _ = clean_text(raw)
        name = str(path.relative_to(BBC))
        if title != lines[0]:
            wrong_titles.append((name, lines[0], title))
        kept = set(text.split("\n\n"))
        dropped.extend((name, ln) for ln in lines[1:] if ln not in kept)
        assert dateline is None or dateline.text in raw, name
    assert not wrong_titles, f"{len(wrong_titles)} wrong titles, e.g. {wrong_titles[:5]}"
    assert not dropped, f"{len(dropped)} body lines dropped, e.g. {dropped[:10]}"


@requires_shared
@pytest.mark.parametrize("name", ["sport/476.txt", "sport/192.txt", "sport/179.txt", "tech/301.txt"])
def test_clean_bbc_regressions(name):
    """The articles that lost lines before: a ranking list and fixture lists at
    the end, "Tuesday, 1 March" after the headline, a headline ending in "..."."""
    raw = decode_bytes((BBC / name).read_bytes()).text
    lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
    text, title, _, _ = clean_text(raw)
    assert title == lines[0]
    assert text == "\n\n".join(lines[1:])
