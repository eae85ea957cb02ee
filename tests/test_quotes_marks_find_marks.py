"""quotes_marks.find_marks: jumping from mark character to mark character (issue 6)
finds the same marks as stepping through every character."""
from __future__ import annotations

import pytest

from pipeline.stages.quotes.marks import Mark, find_marks


# Expected marks as the character-by-character version found them (checked against
# it on these and on 20,000 random strings of mark characters before the switch).
@pytest.mark.parametrize("text,expected", [
    ("no marks at all", []),
    ("it's a word-internal apostrophe", []),
    ('He said "yes" today', [(8, 1, True, True, False), (12, 1, True, False, True)]),
    ("``Yes,'' he said", [(0, 2, True, True, False), (6, 2, True, False, True)]),
    # three apostrophes: a two-character mark, then a single one right after it
    ("x ''' y", [(2, 2, True, True, True), (4, 1, False, False, True)]),
    ("“Ready,” she said. ‘Maybe’", [(0, 1, True, True, False), (7, 1, True, False, True),
                                     (19, 1, False, True, False), (25, 1, False, False, True)]),
    ("a``b''c'''d`e'", [(1, 2, True, True, False), (4, 2, True, False, True), (7, 2, True, False, True),
                         (11, 1, False, True, False), (13, 1, False, False, True)]),
])
def test_quotes_marks_find_marks(text, expected):
    assert find_marks(text) == [Mark(*m) for m in expected]


def test_quotes_marks_classes_cover_quote_chars():
    """find_marks scans for resources.QUOTE_CHARS: every one of them must be in a
    mark class (or be the backtick of ``), and no class may hold anything else."""
    from pipeline.stages.quotes import marks as qm
    from pipeline.resources import QUOTE_CHARS

    classes = (qm.OPEN_DOUBLE + qm.CLOSE_DOUBLE + qm.STRAIGHT_DOUBLE + qm.OPEN_SINGLE
               + qm.CLOSE_SINGLE + qm.AMBIG_SINGLE + "`")
    assert set(classes) == set(QUOTE_CHARS)
