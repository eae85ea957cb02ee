"""Clean on the five seeds (docs/guidelines.md §1, issue 2 item 5).

The expectations are written by hand from the seed files: the boilerplate
lines each page carries, its title, dateline, source and published date.
Every other non-empty line of the seed is body and must be in ``text``
character for character (the dateline cut off the first body line).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.inputs.readers import read_inputs
from pipeline.stages.clean.stage import clean_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

TITLE_000 = "Belarus urges OSCE to initiate broad dialogue on Eurasian security issues"
TITLE_002 = "Belarus and Russia Advocate for Regional Dialogue and Security Framework"
TITLE_003 = "No European security currently exists, top Belarusian diplomat says"

EXPECTED = {
    "000_f9a2daf624c96908": dict(
        title=TITLE_000, dateline="MINSK, 5 December (BelTA) -", source="BelTA", published="2025-12-05",
        boilerplate=[
            "Official Website of the Republic of Belarus", "Government", "Belarus Events Calendar",
            "Belarus’ Top Tourist Sites", "UNESCO World Heritage Sites in Belarus",
            "Belarusian sanatoria and health resorts", "Souvenirs from Belarus", "| Home | Government | Events",
            "Events", "5 Dec 2025", TITLE_000, "An archive photo", "Archive", "Su Mo Tu We Th Fr Sa",
            "Great Patriotic War monuments in Belarus",
        ],
        body_starts="To end conflicts and achieve a new détente",
    ),
    "001_6a3d367cbd76c6b2": dict(
        title=None, dateline="MINSK, July 30. /TASS/.", source="TASS", published=None,
        boilerplate=[], body_starts="Over the past decade, the OSCE's",
    ),
    "002_701231718bd41216": dict(
        title=TITLE_002, dateline="Minsk, January 30, 2025 – The Europe Today:", source="The Europe Today",
        published="2025-01-30", boilerplate=["Breaking News", TITLE_002],
        body_starts="Belarus and Russia are working to establish",
    ),
    "003_bd39f4df3422110e": dict(
        title=TITLE_003, dateline="MINSK, October 26. /TASS/.", source="TASS", published=None,
        # the standfirst may stay or go (not scored); the current rules drop it
        boilerplate=["All news", TITLE_003], standfirst="Sergey Aleinik pointed out that the most important",
        body_starts="The actions of the West have led",
    ),
    "004_57f42ced19feb766": dict(
        title="Organization for Security and Cooperation in Europe", dateline=None, source=None, published=None,
        boilerplate=["Organization for Security and Cooperation in Europe"],
        body_starts="The Organization for Security and Cooperation in Europe (OSCE) is",
    ),
}


@pytest.fixture(scope="module")
def cleaned():
    raws, errors = read_inputs(SEEDS)
    assert not errors
    return {r.doc_id: (r, clean_document(r)) for r in raws}


def test_clean_seeds_all_present(cleaned):
    assert sorted(cleaned) == sorted(EXPECTED)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_clean_seeds_metadata(cleaned, doc_id):
    exp = EXPECTED[doc_id]
    _, doc = cleaned[doc_id]
    assert (doc.title, doc.dateline, doc.source, doc.published) == (
        exp["title"], exp["dateline"], exp["source"], exp["published"])


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_clean_seeds_boilerplate_gone_body_kept(cleaned, doc_id):
    exp = EXPECTED[doc_id]
    raw, doc = cleaned[doc_id]
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith(exp["body_starts"])
    for line in exp["boilerplate"]:
        assert line not in paragraphs, f"boilerplate line kept: {line!r}"
    assert exp["dateline"] is None or exp["dateline"] not in doc.text
    body = [ln.strip() for ln in raw.text.split("\n") if ln.strip() and ln.strip() not in exp["boilerplate"]]
    if exp.get("standfirst"):
        body = [ln for ln in body if not ln.startswith(exp["standfirst"])]
    if exp["dateline"]:
        assert body[0].startswith(exp["dateline"])
        body[0] = body[0][len(exp["dateline"]):].lstrip()
    # every body line, character for character, in order, and nothing else
    assert paragraphs == body


def test_clean_seeds_heading_kept_as_own_paragraph(cleaned):
    assert "\n\nEurasian Charter\n\n" in cleaned["001_6a3d367cbd76c6b2"][1].text
    assert "\n\nFuture security architecture\n\n" in cleaned["003_bd39f4df3422110e"][1].text
