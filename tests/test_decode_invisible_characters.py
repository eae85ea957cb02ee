"""Invisible characters: bidi controls never reach names; emoji ZWJ sequences stay whole."""
from __future__ import annotations

import pytest

from pipeline.inputs.decode import normalize_text
from pipeline.registry import stage_names
from pipeline.runner import Settings, run
from pipeline.tables import read_table

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"       # man ZWJ woman ZWJ girl: one emoji
RAINBOW = "\U0001F3F3\ufe0f\u200d\U0001F308"                # white flag VS16 ZWJ rainbow
HEART = "\u2764\ufe0f\u200d\U0001F525"                      # heart on fire


@pytest.mark.parametrize("raw, expected", [
    ("Igor \u202eSekreta", "Igor Sekreta"),                 # right-to-left override
    ("\u202aMinsk\u202c and \u2066Vienna\u2069", "Minsk and Vienna"),
    ("\u202b\u202d\u2067\u2068x", "x"),
    (f"family {FAMILY} emoji", f"family {FAMILY} emoji"),
    (f"{RAINBOW}{HEART}", f"{RAINBOW}{HEART}"),
    ("zero\u200dwidth joiner between letters", "zerowidth joiner between letters"),
    ("\u200dleading and trailing\u200d", "leading and trailing"),
    (f"{FAMILY[0]}\u200d", FAMILY[0]),                     # a ZWJ with nothing after it
    # regression: the other line and page breaks were removed, gluing the words on either side
    # (`manager."Quote`); a form feed is what pdftotext puts between pages
    ('said the manager.\f"Form feed," she said.\vThe council', 'said the manager.\n"Form feed," she said.\nThe council'),
    ("one\x1ctwo\x1dthree\x1efour\x1ffive", "one\ntwo\nthree\nfour\nfive"),
    ("line\u2028separator\u2029paragraph", "line\nseparator\nparagraph"),
    ("bell\x07 and escape\x1b stay removed", "bell and escape stay removed"),
])
def test_decode_invisible_characters(raw, expected):
    assert normalize_text(raw)[0] == expected


def test_decode_bidi_controls_never_reach_speakers_or_entities(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks in Vienna\n\nForeign Minister Igor \u202eSekreta\u202c said on Monday that the OSCE must return "
        "to dialogue. \u201cWe are ready,\u201d Sekreta said.\n", encoding="utf-8")
    (folder / "b.html").write_text(
        "<html><body><article><p>Mayor Anna &#x202E;Kovacs&#x202C; said on Monday that the bridge in "
        "Gdansk would reopen in May, after two years of repairs to its main span.</p></article></body></html>",
        encoding="utf-8")
    out = tmp_path / "out"
    run(list(stage_names()), Settings(input=folder, out=out))
    bidi = "[\u202a-\u202e\u2066-\u2069]"
    for table, cols in {"documents": ["text"], "entities": ["text", "canonical"],
                        "quotes": ["speaker", "speaker_text"]}.items():
        df = read_table(out, table)
        for col in cols:
            assert not df[col].dropna().str.contains(bidi).any(), (table, col)
    assert "Igor Sekreta" in set(read_table(out, "entities")["canonical"])
