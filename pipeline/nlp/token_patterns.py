"""Token patterns in spaCy ``Matcher`` syntax, matched over a Doc's attribute arrays.

Why not the ``Matcher``: it makes a Python ``Token`` object at every position of
every document, whatever its patterns, and tests set-valued attributes through
Python predicates; for the claims stage's cue patterns that cost 0.15 s per 400
BBC articles, most of it for tokens no pattern can start on. Here the first
token of each pattern is found for the whole Doc at once (a vectorised test on
one column), and only those few positions are followed, on plain lists.

The subset understood (what the stages' patterns use): the attributes ``LOWER``,
``LEMMA``, ``TAG`` and ``POS``, each a string or ``{"IN": [strings]}``, and ``OP``
absent, ``"?"`` or ``"*"``; anything else raises ``ValueError``. The matches are
the set the ``Matcher`` gives without a ``greedy`` filter: every (name, start,
end) whose tokens one of the name's patterns matches, once each; in their own
order (by start, then the order the names were added, then end), not the
``Matcher``'s.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .docs import in_sorted

#: pattern attribute -> its column in ``ATTRS``
_COLUMNS = {"LOWER": 0, "LEMMA": 1, "TAG": 2, "POS": 3}
ATTRS = [LOWER, LEMMA, TAG, POS]
_OPS = (None, "?", "*")

Step = tuple[tuple[tuple[int, frozenset[int]], ...], str | None]  # ((column, ids), ...), op


def _ids(attr: str, value) -> frozenset[int]:
    values = value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else [value]
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"token pattern: {attr} takes a string or {{'IN': [strings]}}, not {value!r}")
    if attr == "POS":
        unknown = [v for v in values if v not in POS_IDS]
        if unknown:
            raise ValueError(f"token pattern: {unknown[0]!r} is not a part of speech (one of "
                             f"{', '.join(sorted(k for k in POS_IDS if k))})")
        return frozenset(POS_IDS[v] for v in values)
    return frozenset(get_string_id(v) for v in values)


def _step(token: dict) -> Step:
    op = token.get("OP")
    if op not in _OPS:
        raise ValueError(f"token pattern: OP {op!r} is not one of {_OPS}")
    tests = []
    for attr, value in token.items():
        if attr == "OP":
            continue
        if attr not in _COLUMNS:
            raise ValueError(f"token pattern: attribute {attr!r} is not one of {sorted(_COLUMNS)}")
        tests.append((_COLUMNS[attr], _ids(attr, value)))
    return tuple(tests), op


class TokenPatterns:
    """Named token patterns (``add``), matched with ``__call__``; see the module doc."""

    def __init__(self) -> None:
        self._patterns: list[tuple[int, tuple[Step, ...]]] = []  # (the name's number, steps)
        self._names: dict[str, int] = {}  # name -> its number, in the order first added
        # what each pattern needs somewhere in the Doc: the tests of its tokens that
        # must be there ("?" and "*" ones need not); a Doc without one of them is not
        # searched for that pattern at all
        self._needs: list[tuple[tuple[int, frozenset[int]], ...]] = []
        # each pattern is looked up by the first test of its first token:
        # column -> id -> the patterns (by number) whose first token may start there
        self._by_key: dict[int, dict[int, list[int]]] = {}
        self._need_ids: dict[int, np.ndarray] = {}  # column -> every id a pattern needs, sorted

    def add(self, name: str, patterns: Iterable[list[dict]]) -> None:
        for pattern in patterns:
            steps = tuple(_step(t) for t in pattern)
            if not steps or steps[0][1] is not None or not steps[0][0]:
                raise ValueError(f"token pattern {name!r}: the first token must be there exactly once, "
                                 f"with an attribute")
            col, ids = steps[0][0][0]
            for i in ids:
                self._by_key.setdefault(col, {}).setdefault(i, []).append(len(self._patterns))
            self._patterns.append((self._names.setdefault(name, len(self._names)), steps))
            self._needs.append(tuple(test for tests, op in steps if op is None for test in tests))
        need: dict[int, set[int]] = {}
        for needs in self._needs:
            for col, ids in needs:
                need.setdefault(col, set()).update(ids)
        self._need_ids = {col: np.asarray(sorted(ids), dtype=np.uint64) for col, ids in need.items()}

    def __call__(self, doc: Doc, arr: np.ndarray | None = None) -> list[tuple[str, int, int]]:
        """Every (name, start, end) a pattern matches in ``doc`` (module doc).
        ``arr``: ``doc.to_array(ATTRS)`` where the caller has it."""
        n = len(doc)
        if not n or not self._patterns:
            return []
        if arr is None:
            arr = doc.to_array(ATTRS)
        hits: dict[int, tuple[list[int], list[int]]] = {}  # column -> (positions, ids) of needed ids
        for col, ids in self._need_ids.items():
            at = np.flatnonzero(in_sorted(arr[:, col], ids))
            hits[col] = (at.tolist(), arr[at, col].tolist())
        present = {col: set(ids) for col, (_, ids) in hits.items()}
        live = [all(not ids.isdisjoint(present[col]) for col, ids in needs) for needs in self._needs]
        if not any(live):
            return []
        cols = [arr[:, c].tolist() for c in range(len(ATTRS))]
        found: set[tuple[int, int, int]] = set()
        for col, by_id in self._by_key.items():
            for start, key in zip(*hits[col]):
                for k in by_id.get(key, ()):
                    if not live[k]:
                        continue
                    name, steps = self._patterns[k]
                    # (its first test holds: the pattern was looked up by it)
                    if all(cols[c][start] in allowed for c, allowed in steps[0][0][1:]):
                        found.update((start, name, end) for end in _ends(steps, start, n, cols))
        names = list(self._names)
        return [(names[name], start, end) for start, name, end in sorted(found)]


def _ends(steps: tuple[Step, ...], start: int, n: int, cols: list) -> set[int]:
    """The ends of every way ``steps`` match the tokens from ``start`` (the first
    step already matched there)."""
    def ok(tests, i: int) -> bool:
        return i < n and all(cols[col][i] in ids for col, ids in tests)

    heads = {start + 1}
    for tests, op in steps[1:]:
        nxt: set[int] = set()
        for i in heads:
            if op is not None:
                nxt.add(i)  # "?" and "*": none of this token
            while ok(tests, i):
                i += 1
                nxt.add(i)
                if op != "*":
                    break
        heads = nxt
        if not heads:
            break
    return heads
