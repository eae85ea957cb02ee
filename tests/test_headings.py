"""The one check for a heading set in capitals (pipeline.stages.headings), shared by the
quotes and claims stages."""
from __future__ import annotations

import pytest

from pipeline.stages.headings import in_capitals


@pytest.mark.parametrize("text, capitals", [
    ("HEAD TO HEAD", True),
    ("EVEN OZ’S BOSS THINKS HE’S FULL OF YOU-KNOW-WHAT", True),
    ("HEAD", True),
    # an acronym, a number, nothing, or words with small letters are no heading
    ("BBC", False),
    ("U.S.", False),
    ("1234", False),
    ("", False),
    ("Head to head", False),
])
def test_headings_in_capitals(text, capitals):
    assert in_capitals(text) is capitals
