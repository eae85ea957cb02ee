"""Whole-page cases for ``clean_text``: what goes, and what must stay.

Pages are written in the shapes of real news and government sites (not the
seeds' strings), with the lines a careless rule would drop: a body sentence
that starts with "Photo", a short section heading mid-article, a one-line
quote paragraph, a fixture list at the end.
"""
from __future__ import annotations

import textwrap

import pytest

from pipeline.stages.clean.stage import clean_text, unwrap_lines, wrap_width

PAGE = """\
Skip to main content
Home
World
Politics
| News | Video | Live
Ministers agree new border talks
Ministers agree new border talks
23 November 2026, 14:35
Photo: Reuters
VILNIUS, Nov. 23 (Reuters) - Lithuania and Poland agreed on Monday to resume talks on border crossings, officials said.

Photo opportunities were few, as the ministers met behind closed doors for most of the day.

Border crossings

Traffic at the two main crossings has fallen by half since March, the ministry said.

"We will not close the border."

The talks resume in January.

Related news
Poland extends border checks
Lithuania opens new crossing
Tags: Lithuania, Poland
"""


def test_clean_text_generic_page():
    text, title, dateline, header_date = clean_text(PAGE)
    assert title == "Ministers agree new border talks"
    assert dateline.text == "VILNIUS, Nov. 23 (Reuters) -" and dateline.source == "Reuters"
    assert header_date == "23 November 2026, 14:35"
    assert text.split("\n\n") == [
        "Lithuania and Poland agreed on Monday to resume talks on border crossings, officials said.",
        "Photo opportunities were few, as the ministers met behind closed doors for most of the day.",
        "Border crossings",
        "Traffic at the two main crossings has fallen by half since March, the ministry said.",
        '"We will not close the border."',
        "The talks resume in January.",
    ]


def test_clean_text_no_dateline_keeps_short_lines_after_title():
    """BBC shape: headline, then venue/date/time lines of a match preview, then prose."""
    raw = ("Rovers face Saints in cup tie\n\nEwood Park\n\nTuesday, 1 March\n\n2000 GMT\n\n"
           "Blackburn will be without their captain for the visit of Southampton, the club said.\n\n"
           "Att: 8,661\n\nRef: K Clark\n")
    text, title, dateline, _ = clean_text(raw)
    assert title == "Rovers face Saints in cup tie" and dateline is None
    assert text.split("\n\n") == [
        "Ewood Park", "Tuesday, 1 March", "2000 GMT",
        "Blackburn will be without their captain for the visit of Southampton, the club said.",
        "Att: 8,661", "Ref: K Clark",
    ]


@pytest.mark.parametrize("first", [
    '"No."',    # a one-word quote that opens the story
    "Why now?",  # two words: no headline
])
def test_clean_text_short_first_line_without_a_headline_stays_body(first):
    """Regression: with no headline found, the lines before the first prose line were dropped as
    header, unreported; they are the story's first lines (furniture still goes)."""
    prose = "That was the answer the finance minister gave reporters on Tuesday when asked about tax rises."
    text, title, _, _ = clean_text(f"{first}\n\n{prose}\n")
    assert (title, text.split("\n\n")) == (None, [first, prose])
    assert clean_text(f"Home | News | Sport\n\n{first}\n\n{prose}\n")[0].split("\n\n") == [first, prose]


def test_clean_text_page_without_a_headline_keeps_its_menu_and_byline_out():
    """Review regression: a page whose headline reads as prose has no headline line; its menu,
    section and byline above it are no body (they stayed when every header line was kept)."""
    raw = ("Home\nWorld\nEurope\nSign in\n\nMinisters in Vienna agreed on Monday to resume the talks next month.\n\n"
           "By Jane Smith\n\nThe talks will take place in Minsk, the foreign ministry said in a statement.\n")
    text, _, _, _ = clean_text(raw)
    assert not {"Home", "World", "Europe", "Sign in"} & set(text.split("\n\n"))


@pytest.mark.parametrize("first, title", [
    # PolNeAR-style exports: the headline on the first line with a full stop added
    ("Clinton Plan for Taxes Is Expansive but Complex.", "Clinton Plan for Taxes Is Expansive but Complex."),
    ("Sisterhood of the Skateboard.", "Sisterhood of the Skateboard."),
    # a first line that is a sentence stays body: no title
    ("The council approved the budget after a debate that lasted until midnight.", None),
])
def test_clean_text_first_line_headline_with_full_stop(first, title):
    body = ["Early one evening in June, the park was loud with screeching from the train, when a boy shouted, ''Coming, yo!''",
            "LETTERS.",
            "The crew has gathered there for more than two years, but they still tend to turn heads."]
    text, got, _, _ = clean_text("\n\n".join([first] + body))
    assert got == title
    assert text.split("\n\n") == (body if title else [first] + body)


def test_clean_text_drops_publication_stamp_after_title():
    raw = ("Menu\nCouncil approves budget\n5 Dec 2025 10:15\n"
           "The city council approved next year's budget on Friday after a long debate.\n")
    text, title, _, header_date = clean_text(raw)
    assert title == "Council approves budget"
    assert header_date == "5 Dec 2025 10:15"
    assert text == "The city council approved next year's budget on Friday after a long debate."


def test_clean_text_title_hint_keeps_header_lines():
    """A table input with a ``title`` column: the text is the body; a repeated
    headline goes, a short lead line stays."""
    raw = "Council approves budget\nIn brief\nThe city council approved next year's budget on Friday after a long debate.\n"
    text, title, _, _ = clean_text(raw, title_hint="Council approves budget")
    assert title == "Council approves budget"
    assert text == "In brief\n\nThe city council approved next year's budget on Friday after a long debate."


@pytest.mark.parametrize("raw", ["", "\n\n  \n", "Breaking News\nAll news\n"])
def test_clean_text_nothing_left(raw):
    text, _, dateline, _ = clean_text(raw)
    assert text == "" and dateline is None


def test_clean_text_bare_caps_dateline_only_on_first_prose_line():
    raw = ("Visa Program Up for Renewal Amid Allegations of Fraud\n\n"
           "WASHINGTON - A contentious visa program that allows wealthy foreigners to invest is up for renewal.\n\n"
           "NATO - the alliance, not the program - was not mentioned in the debate in the Senate.\n")
    text, title, dateline, _ = clean_text(raw)
    assert title == "Visa Program Up for Renewal Amid Allegations of Fraud"
    assert dateline.text == "WASHINGTON -" and dateline.source is None
    assert text.split("\n\n") == [
        "A contentious visa program that allows wealthy foreigners to invest is up for renewal.",
        "NATO - the alliance, not the program - was not mentioned in the debate in the Senate."]
    # a kicker on the headline line is no dateline
    raw3 = "EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.\n\nStone said the machines could be hacked.\n"
    assert clean_text(raw3)[2] is None
    raw4 = "Stone interview\n\nEXCLUSIVE – Roger Stone said the voting machines could be hacked, he told us.\n"
    assert clean_text(raw4)[2] is None
    # after a prose line, the same shape is body, not a dateline
    raw2 = ("Senate debate\n\nThe Senate debated the visa program on Monday, officials said.\n\n"
            "NATO - the alliance, not the program - was not mentioned in the debate in the Senate.\n")
    text2, _, dateline2, _ = clean_text(raw2)
    assert dateline2 is None
    assert text2.endswith("\n\nNATO - the alliance, not the program - was not mentioned in the debate in the Senate.")


def test_clean_text_dateline_alone_on_its_line():
    raw = "MINSK, July 30. /TASS/.\nOver the past decade, the OSCE's peacekeeping activities yielded no tangible progress.\n"
    text, title, dateline, _ = clean_text(raw)
    assert dateline.text == "MINSK, July 30. /TASS/." and dateline.source == "TASS"
    assert text == "Over the past decade, the OSCE's peacekeeping activities yielded no tangible progress."


# --- hard-wrapped plain text (documented whitespace normalisation) ---------------

PARAGRAPHS = [
    "Belarusian Deputy Foreign Minister Igor Sekreta said on Thursday that the OSCE must "
    "return to its founding purpose as a forum for dialogue between states that disagree, "
    "and that the organisation risks becoming irrelevant if it does not.",
    "Eurasian Charter",
    "The charter, he said, is intended not as an alternative to existing structures but as "
    "a conceptual bridge across ideological divides, and it was presented to Mrs. Natalya "
    "Drozd and M.G. Link in Vienna.",
    "\"Without dialogue, there is no future,\" Sekreta said.",
]


@pytest.mark.parametrize("width", [60, 72, 79])
def test_clean_unwrap_restores_paragraphs(width):
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)
    assert wrap_width(wrapped.split("\n")) is not None
    text, _, _, _ = clean_text("Charter presented in Vienna\n\n" + wrapped)
    paragraphs = text.split("\n\n")
    # every break that fell mid-sentence is gone; text only differs in whitespace
    for p in PARAGRAPHS:
        assert p in paragraphs or all(piece in paragraphs for piece in _split_at_sentence_ends(p, width))
    assert " ".join(text.split()) == " ".join(" ".join(PARAGRAPHS).split())


def _split_at_sentence_ends(paragraph: str, width: int) -> list[str]:
    """A wrap that happens to fall right after a sentence end keeps its break."""
    out, cur = [], []
    for line in textwrap.wrap(paragraph, width):
        cur.append(line)
        if line.endswith((".", '."')) and not line.endswith(("Mrs.", "M.G.")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def test_clean_unwrap_single_newline_paragraphs():
    """Wrapped text whose paragraphs are separated by a single newline: a short
    last line ends the paragraph, so its break stays."""
    wrapped = "\n".join(textwrap.fill(p, 70) for p in PARAGRAPHS)
    lines = unwrap_lines(wrapped.split("\n"))
    assert "Eurasian Charter" in lines
    assert '"Without dialogue, there is no future," Sekreta said.' in lines


@pytest.mark.parametrize("raw", [
    # one paragraph per line (web pages, the seeds): far wider than any wrap width
    "\n".join(PARAGRAPHS),
    # a list of short lines is not wrapped prose
    "1 Roger Federer (Switzerland)\n2 Andy Roddick (US)\n3 Lleyton Hewitt (Australia)\n4 Marat Safin (Russia)",
    # fixtures one per line, similar lengths, no punctuation (BBC sport shape)
    "Newcastle v Tottenham or Nottingham Forest\nSouthampton or Brentford v Manchester United\n"
    "Bolton v Arsenal or Sheffield United\nBurnley or Blackburn v Leicester\nReading or Swansea v Leicester",
    # one sentence per line, each ending in a full stop
    "The OSCE met on Friday in Vienna to discuss the situation in the region.\n"
    "Delegates from 57 participating states attended the meeting in Vienna.\n"
    "The chairperson said the talks had been constructive and would go on.\n"
    "A final statement is expected to be adopted by consensus on Saturday.",
    # blank-line separated paragraphs of one short line each
    "Short line one.\n\nShort line two.\n\nShort line three.\n\nShort line four.",
])
def test_clean_unwrap_leaves_unwrapped_text_alone(raw):
    lines = raw.split("\n")
    assert unwrap_lines(lines) == lines


def test_clean_unwrap_keeps_list_items_apart():
    text = ("The ministers of the two neighbouring countries met in the border town and\n"
            "agreed on three measures that will take effect at the start of next year, the\n"
            "statement said, listing them as follows in the annex published on Friday:\n"
            "- restoring channels for operational communication between the militaries\n"
            "- transparency measures for exercises near the border, to be agreed later\n"
            "- a hotline between the two capitals\n")
    lines = unwrap_lines(text.split("\n"))
    assert lines[0].endswith("the statement said, listing them as follows in the annex published on Friday:")
    assert lines[0].startswith("The ministers of the two neighbouring countries met in the border town and agreed")
    assert lines[1].startswith("- restoring") and lines[2].startswith("- transparency")
