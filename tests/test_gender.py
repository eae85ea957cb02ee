"""stages.gender: what a description says of a person's sex (the speakers' "he"/"she"), and the
gender the courtesy titles of one document give a surname."""
from __future__ import annotations

import pytest

from pipeline.stages.gender import description_gender, honorific_genders, mention_gender, surname_genders


@pytest.mark.parametrize(("description", "gender"), [
    ("her pop star son", "m"),                 # BBC entertainment/108
    ("Big Brother spokeswoman", "f"),          # the head, not a word before it
    ("Big Brother contestant", None),          # ... which says nothing here
    ("spokesman for the woman's group", "m"),  # nor a word after it
    ("former first lady", "f"),                # PolNeAR train
    ("analyst", None),
])
def test_gender_description_gender(description, gender):
    assert description_gender(description) == gender


@pytest.mark.parametrize("mentions, word, title, expected", [
    # PolNeAR dev (NYT): the article writes "Mr. Obama" 15 times and "President Obama" once
    ([("Obama", "Mr.")] * 15 + [("Obama", None)], "Obama", None, "m"),
    ([("Obama", "Mr.")], "Obama", "Mrs.", "f"),  # its own title first
    # BBC sport style: "Murray" (Andy) far more often than "Mrs Murray" (his mother)
    ([("Murray", None)] * 3 + [("Murray", "Mrs")], "Murray", None, None),
    # both titles, no title, a title that tells none, a knight's first name: no gender
    ([("Clinton", "Mr."), ("Clinton", "Mrs.")], "Clinton", None, None),
    ([("Obama", None)], "Obama", None, None),
    ([("Paul", "Dr."), ("Paul", "Dr.")], "Paul", None, None),
    ([("Howard", "Sir"), ("Howard", "Sir")], "Howard", None, None),
])
def test_gender_of_a_surname_from_the_document_titles(mentions, word, title, expected):
    assert mention_gender(word, title, surname_genders(mentions)) == expected


@pytest.mark.parametrize("text, canonical, expected", [
    # a peer's title that begins the canonical name (BBC politics/289: "he" had taken Baroness Amos)
    ("Lords Leader Baroness Amos spoke.", "Baroness Amos", "f"),
    ("The Viscountess Rothermere spoke.", "Rothermere", "f"),  # a long title before the mention
    ("Mr Blair spoke.", "Tony Blair", "m"),
    ("Tony Blair spoke.", "Tony Blair", None),
])
def test_gender_honorific_genders_reads_every_title(text, canonical, expected):
    start = text.index(canonical.split()[-1]) if canonical not in text else text.index(canonical)
    assert honorific_genders(text, [(start, canonical, canonical)]).get(canonical) == expected
