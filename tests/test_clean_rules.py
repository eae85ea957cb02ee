"""Line rules of the clean stage (docs/guidelines.md §1), on real hard cases.

Each table holds lines that must be recognised AND lines that must not be:
a rule that drops a body line costs more than one that keeps a banner.
"""
from __future__ import annotations

import pytest

from pipeline.stages.clean import stage as clean


@pytest.mark.parametrize("line, expected", [
    ("Breaking News", True),
    ("All news", True),
    ("ARCHIVE", True),
    ("Share this article", True),
    ("Tags: OSCE, Belarus, security", True),
    ("Read more:", True),
    # must stay: sentences that start with a banner word
    ("News of the agreement reached Minsk on Friday.", False),
    ("Share prices fell 3% after the announcement.", False),
    ("Archive documents show the treaty was signed in 1992.", False),
    ("Read more: the minister said the talks would resume.", False),
    ("Eurasian Charter", False),
    ("Analysis: Why the OSCE still matters", False),
    ("EXCLUSIVE", True),
])
def test_clean_is_banner(line, expected):
    assert clean.is_banner(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("An archive photo", True),
    ("File photo", True),
    ("Photo: Reuters", True),
    ("Photo by Sergei Ivanov", True),
    ("(Photo: BelTA)", True),
    ("© TASS", True),
    ("Belarusian Foreign Minister Maxim Ryzhenkov. AP Photo/Jane Doe", True),
    ("Minsk, 5 December. EPA-EFE/John Smith", True),
    # must stay
    ("Photos from the summit show the leaders shaking hands.", False),
    ("Photo opportunities were rare, the organisers admitted.", False),
    ("The EPA said it would review the rule.", False),
    ("Reuters reported the talks had stalled.", False),
    ("Future security architecture", False),
])
def test_clean_is_caption(line, expected):
    assert clean.is_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Su Mo Tu We Th Fr Sa", True),
    ("Mon Tue Wed Thu Fri Sat Sun", True),
    ("1 2 3 4 5 6 7", True),
    ("December 2025", True),
    ("«November 2025»", True),
    # must stay
    ("1 Roger Federer (Switzerland)", False),
    ("In December 2025 the council met again.", False),
    ("8,661", False),
])
def test_clean_is_calendar(line, expected):
    assert clean.is_calendar(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("| Home | Government | Events", True),
    ("Home • World • Politics • Sport", True),
    ("News · Video · Photo · Live", True),
    # must stay: a body line with pipes in it, a score line
    ("Voters chose between | A | and | B | the poll said, a first for the region.", False),
    ("Chelsea 2-1 Arsenal", False),
])
def test_clean_is_menu(line, expected):
    assert clean.is_menu(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Belarus urges OSCE to initiate broad dialogue on Eurasian security issues", True),
    ("No European security currently exists, top Belarusian diplomat says", True),
    ("Rivals of the £400 Apple...", True),
    ("Will the OSCE survive?", True),
    ("Sisterhood of the Skateboard.", True),  # short: a full stop added by the export
    ("The OSCE mandate covers a wide range of issues.", False),
    ("Events", False),              # one word: a menu item
    ("5 Dec 2025", False),          # a date stamp
    ("An archive photo", False),    # a caption
    ("The OSCE held its annual meeting in Vienna on Friday.", False),  # a sentence
    ("Related articles:", False),
])
def test_clean_is_headline_like(line, expected):
    assert clean.is_headline_like(line) is expected


# --- datelines -----------------------------------------------------------------

@pytest.mark.parametrize("line, dateline, source, date", [
    ("MINSK, July 30. /TASS/. Over the past decade, the OSCE's ...", "MINSK, July 30. /TASS/.", "TASS", "July 30"),
    ("MINSK, 5 December (BelTA) - To end conflicts ...", "MINSK, 5 December (BelTA) -", "BelTA", "5 December"),
    ("Minsk, January 30, 2025 – The Europe Today: Belarus and Russia ...",
     "Minsk, January 30, 2025 – The Europe Today:", "The Europe Today", "January 30, 2025"),
    ("LONDON (Reuters) - British inflation rose ...", "LONDON (Reuters) -", "Reuters", None),
    ("LONDON, March 3 (Reuters) - British inflation rose ...", "LONDON, March 3 (Reuters) -", "Reuters", "March 3"),
    ("WASHINGTON (AP) — The Senate voted ...", "WASHINGTON (AP) —", "AP", None),
    ("KYIV, Ukraine (AP) — Russian drones struck ...", "KYIV, Ukraine (AP) —", "AP", None),
    ("PARIS, March 3, 2025 (AFP) - France said ...", "PARIS, March 3, 2025 (AFP) -", "AFP", "March 3, 2025"),
    ("BEIJING, March 3 (Xinhua) -- China on Monday ...", "BEIJING, March 3 (Xinhua) --", "Xinhua", "March 3"),
    ("MOSCOW. Dec 5 (Interfax) - Russia's Foreign Ministry ...", "MOSCOW. Dec 5 (Interfax) -", "Interfax", "Dec 5"),
    ("NEW YORK, Nov. 23 (Reuters) - Stocks ...", "NEW YORK, Nov. 23 (Reuters) -", "Reuters", "Nov. 23"),
    ("KYIV, March 3 — Ukraine said ...", "KYIV, March 3 —", None, "March 3"),
    ("WASHINGTON — A contentious visa program ...", "WASHINGTON —", None, None),
    ("CHARLOTTE - Nearly a week after the police shooting ...", "CHARLOTTE -", None, None),
    # a dateline alone on its line: the body follows on the next line
    ("MINSK, July 30. /TASS/.", "MINSK, July 30. /TASS/.", "TASS", "July 30"),
])
def test_clean_match_dateline(line, dateline, source, date):
    dl = clean.match_dateline(line)
    assert dl is not None, line
    assert (dl.text, dl.source, dl.date) == (dateline, source, date)
    assert line[dl.end:] == line[len(dateline):].lstrip()


@pytest.mark.parametrize("line", [
    "The EAEU (Eurasian Economic Union) - a bloc of five states - met in Minsk.",
    "Belarus (BelTA) - no dateline without a place in capitals or a date.",
    "Minsk said on July 30 that talks would resume.",
    "Eurasian Charter",
    "He told TASS / RIA that the talks were over.",
    "NATO-led forces withdrew on Monday.",
    "HE'S BEEN CALLED OUT BY FELLOW DOCTORS — He has been dragged before a Senate subcommittee.",
])
def test_clean_match_dateline_rejects_body_lines(line):
    assert clean.match_dateline(line) is None


@pytest.mark.parametrize("text, iso", [
    ("5 December 2025", "2025-12-05"),
    ("5 Dec 2025", "2025-12-05"),
    ("January 30, 2025", "2025-01-30"),
    ("Nov. 23, 2026", "2026-11-23"),
    ("2024-02-29", "2024-02-29"),
    ("July 30", None),           # no year: published stays null (docs/spec.md)
    ("5 December", None),
    ("February 31, 2025", None),  # no such day
    ("31 Foo 2025", None),
    (None, None),
])
def test_clean_parse_date(text, iso):
    assert clean.parse_date(text) == iso


@pytest.mark.parametrize("line, expected", [
    ("Clinton Plan for Taxes Is Expansive but Complex.", True),
    ("Old Hands Help Russia Navigate U.S. Media.", True),
    ("Belarus urges OSCE to initiate broad dialogue on Eurasian security issues", False),
    ("Belarusian Deputy Foreign Minister Igor Sekreta said the OSCE must change.", False),
    ("The Republic of Belarus has been a full-fledged member of the OSCE since January 30, 1992.", False),
    ("Related Articles:", False),
])
def test_clean_is_title_case_headline(line, expected):
    assert clean.is_title_case_headline(line) is expected
