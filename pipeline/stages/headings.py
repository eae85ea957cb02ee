"""What the stages read as a heading set in capitals (shared by quotes and claims)."""
from __future__ import annotations


def in_capitals(text: str) -> bool:
    """Words set all in capitals, more than three letters of them (`HEAD TO HEAD`,
    `EVEN OZ'S BOSS THINKS HE'S FULL OF ...`): a heading, never a claim or a report
    (BBC, PolNeAR dev); an acronym of three letters (`BBC`) is not one."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)
