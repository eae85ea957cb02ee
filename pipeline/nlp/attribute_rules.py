"""A compiled, exactly equivalent replacement for spaCy's ``attribute_ruler`` (issue 6).

Why
---
``en_core_web_sm`` 3.8 ends its tagging with an ``attribute_ruler`` holding 179
rules: the tag map (``TAG -> POS + MORPH``), morph rules (``TAG + LOWER ->
LEMMA/POS/MORPH``) and a few fixes (space tokens, ``gonna``, ``let's``...).
spaCy runs them with a ``Matcher`` that tries every pattern at every token:
about 1.72 s of an 18.5 s ``nlp.pipe`` over 400 BBC articles, 8-9 us a token,
while nearly every rule is a test of one token against a few constants. The
compiled rules take 0.14 s for the same articles (0.8 us a token), about a twelfth.

How
---
spaCy's component (``spacy/pipeline/attributeruler.py``, 3.8) does, per Doc:

1. ``match``: all matches of all rules on the *unmodified* Doc, as
   ``(rule id, match id, start, end)``, sorted - so rules apply in rule-id
   order ("later rules have precedence");
2. ``set_annotations``: for each match in that order,
   ``set_token_attrs(span[index], attrs)``, i.e. raw writes of the rule's
   (normalised) attribute values into the target token's struct.

Every write supported here touches only the target token's own struct (never
the lexeme shared with other tokens), so the global order only matters per
token, and a rule that matches a token twice (two of its patterns) writes the
same values twice in a row. So a token's final annotation is its original one
with, for every attribute, the value of the *last* (highest-id) rule that
targets the token and sets that attribute. This module computes the same
thing without the Matcher:

* **Key reduction.** A token spec only compares an attribute value with
  constants (plain value, ``IN``, ``NOT_IN``) or runs a ``REGEX`` on its
  string. For every attribute, let S be the set of constants any spec compares
  it with; a value outside S gives the same result in *every* comparison
  (equal to none of them, in no ``IN`` list, in every ``NOT_IN``), so the value
  is reduced to its position in S or to one OTHER code. A ``REGEX`` is a
  function of the value's string: one bit, computed once per distinct value
  (hashes are memoised across Docs; a hash always names the same string).
  The reduced columns are packed into one integer key per token.
* **Memo.** The rules are evaluated once per distinct key (about 800 over
  400 BBC articles) and the result - which single-token rules match, which
  token specs of multi-token patterns hold, and the folded attribute writes -
  is kept; per Doc that is ``np.unique`` over the keys and a dict lookup per
  distinct key.
* **Multi-token patterns** (``gon na``, ``let 's``, ``there is``...) have no
  operators, so they match exactly at the starts ``i`` where token ``i + j``
  satisfies spec ``j`` for every ``j``: an AND of shifted columns. (A
  residual spaCy ``Matcher`` for just these 8 rules took 0.23 s over 400 BBC
  articles - 0.14 s of it the ``REGEX`` first token of ``y'all``, tried at
  every token - more than this whole component takes, 0.14 s; measured with
  ``benchmarks/attribute_rules_speed.py``.)
* **Writes.** POS, TAG, MORPH and LEMMA are written with one
  ``Doc.from_array`` (a raw struct write per token, as ``set_token_attrs``
  does; for MORPH it also re-adds each token's analysis to the morphology
  table, a no-op for analyses already there), other token-level attributes
  (DEP, NORM) with spaCy's own ``set_token_attrs`` on the few tokens a rule
  gives them to.

Exactness: every value compared is read with ``Doc.to_array``, which uses
``get_token_attr``, the same function the Matcher's
``get_token_attr_for_matcher`` calls for all attributes supported here
(it differs only for SENT_START, which is not supported); constants are
converted exactly as the Matcher converts them (``StringStore.add`` for plain
values, ``get_string_id`` for ``IN``/``NOT_IN``, ``Morphology.add`` for MORPH
sets). ``compile_ruler`` returns None - keep spaCy's component - for anything
outside that subset: operators (``OP``), extension attributes, comparison /
``FUZZY`` / set-relation predicates, lexeme-level or extension attributes
among the values set (they would leak into other tokens through the shared
lexeme, so order across tokens would matter) and match indices spaCy would
reject. ``scripts/check_attribute_rules.py`` compares both on the seeds, all
BBC and all PolNeAR texts.

Memory zones: everything kept across Docs is an int (attribute ids, hashes of
strings the ruler added when it was loaded, hashes of token values) or a
compiled regex; no Lexeme, Token or Span is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: name of the compiled component (``load_nlp`` adds it after the original)
COMPONENT = "claimex_attribute_rules"
#: the spaCy component it replaces
ORIGINAL = "attribute_ruler"

#: token attributes a pattern may test: read identically by ``Doc.to_array``
#: and the Matcher (see module doc); 1..63 are the lexeme flags (IS_SPACE ...)
_PATTERN_ATTRS = frozenset({ORTH, LOWER, TAG, POS, DEP, LEMMA, MORPH}) | frozenset(range(1, 64))
#: attributes set by rules, written with one ``Doc.from_array`` (column order)
_ARRAY_ATTRS = (POS, TAG, MORPH, LEMMA)
#: other attributes a rule may set: token-level only (``set_token_attrs``
#: writes them to the token, never to the shared lexeme)
_TOKEN_ATTRS = frozenset({DEP, NORM})
#: packed keys must fit in int64
_MAX_KEYS = 1 << 62
#: bound of the regex memo (distinct token values); cleared when reached
_REGEX_MEMO_MAX = 500_000


class Unsupported(ValueError):
    """A ruler pattern or attribute outside the compiled subset (see module doc)."""


@dataclass(frozen=True)
class _Cond:
    """One test of a token spec on the reduced key: the value of key column
    ``col`` is in ``codes`` (plain values and ``IN``; for a ``REGEX`` column,
    ``codes`` is {1}) or, with ``negated``, is not (``NOT_IN``)."""

    col: int
    codes: frozenset
    negated: bool = False

    def holds(self, value: int) -> bool:
        return (value in self.codes) != self.negated


@dataclass(frozen=True)
class _ValueColumn:
    """A key column: attribute ``attr`` reduced to its position in ``consts``
    (the sorted constants the specs compare it with), or ``len(consts)`` =
    OTHER for any other value."""

    attr: int
    consts: tuple[int, ...]

    @property
    def radix(self) -> int:
        return len(self.consts) + 1


@dataclass(frozen=True)
class _RegexColumn:
    """A key column: bit ``bit`` of the regex results of ``attr`` (1 = the
    ``bit``-th regex on ``attr`` finds a match in the value's string)."""

    attr: int
    bit: int
    radix: int = 2


class CompiledRules:
    """The rules of one ``AttributeRuler``, compiled (see ``compile_ruler``);
    call it on a Doc as the original component."""

    def __init__(self, vocab, rules, columns, regexes, specs):
        """``rules[i]`` = (patterns as tuples of spec ids, (array writes,
        token writes), index) of rule ``i``; ``columns`` the key columns;
        ``regexes`` attr -> compiled regexes (in bit order); ``specs`` every
        distinct token spec as a tuple of ``_Cond``."""
        self.vocab = vocab
        self._columns = columns
        self._regexes: dict[int, list[re.Pattern]] = regexes
        # attr -> {value hash: packed bits of its regexes}; a hash always
        # names the same string, so the memo stays valid across memory zones
        self._regex_memo: dict[int, dict[int, int]] = {attr: {} for attr in regexes}
        # rule id -> (array writes ((column, value), ...), token-level writes {attr: value})
        self._writes = [writes for _, writes, _ in rules]
        # multi-token patterns: (rule id, spec ids, offset of the target token)
        self._multi = [(rule_id, ids, index if index >= 0 else len(ids) + index)
                       for rule_id, (patterns, _, index) in enumerate(rules) for ids in patterns if len(ids) > 1]
        self._multi_specs = sorted({s for _, ids, _ in self._multi for s in ids})
        self._multi_col = {s: i for i, s in enumerate(self._multi_specs)}
        # spec id -> rules with it as a single-token pattern
        self._single_rules: dict[int, list[int]] = {}
        for rule_id, (patterns, _, _) in enumerate(rules):
            for ids in patterns:
                if len(ids) == 1:
                    self._single_rules.setdefault(ids[0], []).append(rule_id)
        # fails[c][v]: bit mask of the specs that fail when key column c has value v
        self._fails = [[0] * col.radix for col in columns]
        for spec_id, spec in enumerate(specs):
            for cond in spec:
                for v in range(columns[cond.col].radix):
                    if not cond.holds(v):
                        self._fails[cond.col][v] |= 1 << spec_id
        self._all_specs = (1 << len(specs)) - 1
        # attributes read per Doc: the key's, then those written
        self._read_attrs = list(dict.fromkeys([c.attr for c in columns] + list(_ARRAY_ATTRS)))
        self._read_col = {a: i for i, a in enumerate(self._read_attrs)}
        self._mults, total = [], 1
        for col in columns:
            self._mults.append(total)
            total *= col.radix
        if total > _MAX_KEYS:
            raise Unsupported(f"{total} possible reduced keys do not fit in int64")
        self._consts = [np.array(c.consts, dtype=np.uint64) if isinstance(c, _ValueColumn) else None
                        for c in columns]
        # memo: packed key -> row of the tables below
        self._memo: dict[int, int] = {}
        self._vals = np.zeros((0, len(_ARRAY_ATTRS)), dtype=np.uint64)
        self._mask = np.zeros((0, len(_ARRAY_ATTRS)), dtype=bool)
        self._spec_ok = np.zeros((0, len(self._multi_specs)), dtype=bool)
        self._has_token_writes = np.zeros(0, dtype=bool)
        self._row_rules: list[tuple[int, ...]] = []
        self._row_token_writes: list[dict | None] = []

    # --- per key ---------------------------------------------------------

    def _row(self, key: int) -> int:
        """The memo row of a packed key (evaluated on first sight)."""
        row = self._memo.get(key)
        if row is not None:
            return row
        failed = 0
        for col, mult, fails in zip(self._columns, self._mults, self._fails):
            failed |= fails[(key // mult) % col.radix]
        ok = self._all_specs & ~failed
        rules = sorted({r for s in _bits(ok) for r in self._single_rules.get(s, ())})
        vals, mask, token_writes = self._fold(rules)
        row = len(self._row_rules)
        if row == len(self._vals):  # grow the tables (doubling)
            cap = max(64, 2 * row)
            self._vals = _grow(self._vals, cap)
            self._mask = _grow(self._mask, cap)
            self._spec_ok = _grow(self._spec_ok, cap)
            self._has_token_writes = _grow(self._has_token_writes, cap)
        self._vals[row] = vals
        self._mask[row] = mask
        self._spec_ok[row] = [bool(ok >> s & 1) for s in self._multi_specs]
        self._has_token_writes[row] = token_writes is not None
        self._row_rules.append(tuple(rules))
        self._row_token_writes.append(token_writes)
        self._memo[key] = row
        return row

    def _fold(self, rules) -> tuple[list[int], list[bool], dict | None]:
        """The writes of ``rules`` applied in order: the last one per attribute wins."""
        vals = [0] * len(_ARRAY_ATTRS)
        mask = [False] * len(_ARRAY_ATTRS)
        token_writes: dict = {}
        for rule in rules:
            array_writes, other = self._writes[rule]
            for col, value in array_writes:
                vals[col], mask[col] = value, True
            token_writes.update(other)
        return vals, mask, token_writes or None

    def _regex_bits(self, attr: int, values: list[int]) -> list[int]:
        """Packed regex results for each value of ``attr`` (memoised)."""
        memo = self._regex_memo[attr]
        bits = list(map(memo.get, values))
        if None in bits:
            if len(memo) + len(values) > _REGEX_MEMO_MAX:
                memo.clear()
            strings = self.vocab.strings
            for i in [i for i, b in enumerate(bits) if b is None]:
                # as the Matcher's _RegexPredicate: search the attribute's string
                text = strings[values[i]]
                memo[values[i]] = bits[i] = sum(1 << j for j, rx in enumerate(self._regexes[attr]) if rx.search(text))
        return bits

    # --- per Doc ---------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array(self._read_attrs)
        key = np.zeros(n, dtype=np.int64)
        regex_bits: dict[int, np.ndarray] = {}
        for col, consts, mult in zip(self._columns, self._consts, self._mults):
            values = arr[:, self._read_col[col.attr]]
            if consts is None:  # a regex bit
                packed = regex_bits.get(col.attr)
                if packed is None:
                    uniq, inv = np.unique(values, return_inverse=True)
                    packed = np.array(self._regex_bits(col.attr, uniq.tolist()), dtype=np.int64)[inv.reshape(-1)]
                    regex_bits[col.attr] = packed
                key += ((packed >> col.bit) & 1) * mult
            elif len(consts):
                pos = np.searchsorted(consts, values)
                pos[pos == len(consts)] = 0
                key += np.where(consts[pos] == values, pos, len(consts)).astype(np.int64) * mult
            else:  # IN []: every value is OTHER
                key += len(consts) * mult
        ukeys, inv = np.unique(key, return_inverse=True)
        rows = np.fromiter((self._row(k) for k in ukeys.tolist()), dtype=np.intp, count=len(ukeys))
        rows = rows[inv.reshape(-1)]
        vals = self._vals[rows]
        mask = self._mask[rows]
        token_writes = {i: self._row_token_writes[rows[i]]
                        for i in np.flatnonzero(self._has_token_writes[rows]).tolist()}
        for i, extra in self._multi_targets(rows, n).items():
            # a token some multi-token rule targets: all its rules, in rule order
            rules = sorted(set(self._row_rules[rows[i]]) | extra)
            v, m, tw = self._fold(rules)
            vals[i], mask[i] = v, m
            if tw is None:
                token_writes.pop(i, None)
            else:
                token_writes[i] = tw
        written = mask.any(axis=0)
        if written.any():
            cols = np.flatnonzero(written)
            current = arr[:, [self._read_col[_ARRAY_ATTRS[c]] for c in cols]]
            doc.from_array([_ARRAY_ATTRS[c] for c in cols], np.where(mask[:, cols], vals[:, cols], current))
        for i, writes in token_writes.items():
            set_token_attrs(doc[i], writes)
        return doc

    def _multi_targets(self, rows: np.ndarray, n: int) -> dict[int, set[int]]:
        """token index -> ids of the multi-token rules whose match targets it."""
        out: dict[int, set[int]] = {}
        if not self._multi:
            return out
        spec_ok = self._spec_ok[rows]
        for rule, spec_ids, offset in self._multi:
            k = len(spec_ids)
            if n < k:
                continue
            ok = spec_ok[: n - k + 1, self._multi_col[spec_ids[0]]].copy()
            for j in range(1, k):
                if not ok.any():
                    break
                ok &= spec_ok[j: n - k + 1 + j, self._multi_col[spec_ids[j]]]
            for start in np.flatnonzero(ok).tolist():
                out.setdefault(start + offset, set()).add(rule)
        return out


def _bits(mask: int):
    """Positions of the set bits of ``mask``."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _grow(a: np.ndarray, cap: int) -> np.ndarray:
    out = np.zeros((cap,) + a.shape[1:], dtype=a.dtype)
    out[: len(a)] = a
    return out


# --- compiling ---------------------------------------------------------------

def _attr_id(key) -> int:
    """A spec key as the Matcher reads it (upper-cased name, TEXT = ORTH)."""
    if isinstance(key, str):
        name = key.upper()
        if name == "OP":
            raise Unsupported("operator 'OP' (variable-length pattern)")
        if name == "_":
            raise Unsupported("extension attribute '_' in a pattern")
        name = "ORTH" if name == "TEXT" else name
        attr = IDS.get(name)
    elif isinstance(key, int) and not isinstance(key, bool):
        attr = key
    else:
        attr = None
    if attr not in _PATTERN_ATTRS:
        raise Unsupported(f"pattern attribute {key!r} (supported: ORTH/TEXT, LOWER, TAG, POS, DEP, LEMMA, MORPH, "
                          f"lexeme flags such as IS_SPACE)")
    return attr


def _plain_value(vocab, value) -> int:
    """A plain spec value as the Matcher's ``_get_attr_values`` converts it."""
    if isinstance(value, str):
        return vocab.strings.add(value, allow_transient=False)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    raise Unsupported(f"pattern value {value!r} of type {type(value).__name__}")


def _set_values(vocab, attr: int, values) -> set[int]:
    """An ``IN``/``NOT_IN`` list as the Matcher's ``_SetPredicate`` converts it."""
    if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) for v in values):
        raise Unsupported(f"IN/NOT_IN value {values!r} (a list of strings is supported)")
    if attr == MORPH:
        return {vocab.morphology.add(v) for v in values}
    return {get_string_id(v) for v in values}


def _compile(ruler) -> CompiledRules:
    vocab = ruler.vocab
    # first the raw conditions (attr, kind, argument), to learn the constants
    # each attribute is compared with; then conditions on the reduced key
    raw_rules = []
    consts: dict[int, set[int]] = {}
    regexes: dict[int, list[str]] = {}
    for rule_id, entry in enumerate(ruler.patterns):
        patterns, index = entry["patterns"], entry["index"]
        raw_patterns = []
        for pattern in patterns:
            if not isinstance(pattern, list) or not pattern:
                raise Unsupported(f"rule {rule_id}: pattern {pattern!r} is not a non-empty token list")
            if not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {rule_id}: index {index} outside a {len(pattern)}-token pattern")
            raw_specs = []
            for spec in pattern:
                if not isinstance(spec, dict):
                    raise Unsupported(f"rule {rule_id}: token spec {spec!r} is not a dict")
                raw = []
                for key, value in spec.items():
                    attr = _attr_id(key)
                    if not isinstance(value, dict):
                        code = _plain_value(vocab, value)
                        consts.setdefault(attr, set()).add(code)
                        raw.append((attr, "IN", {code}))
                        continue
                    for pred, arg in value.items():
                        name = pred.upper() if isinstance(pred, str) else pred
                        if name in ("IN", "NOT_IN"):
                            codes = _set_values(vocab, attr, arg)
                            consts.setdefault(attr, set()).update(codes)
                            raw.append((attr, name, codes))
                        elif name == "REGEX" and isinstance(arg, str):
                            if arg not in regexes.setdefault(attr, []):
                                regexes[attr].append(arg)
                            raw.append((attr, name, arg))
                        else:
                            raise Unsupported(f"rule {rule_id}: predicate {pred!r}: {arg!r} (supported: IN, NOT_IN, "
                                              f"REGEX with a string)")
                raw_specs.append(raw)
            raw_patterns.append(raw_specs)
        raw_rules.append((raw_patterns, _writes(ruler.attrs[rule_id], rule_id), index))
    columns: list = [_ValueColumn(attr, tuple(sorted(codes))) for attr, codes in sorted(consts.items())]
    column_of = {("value", c.attr): i for i, c in enumerate(columns)}
    for attr, patterns in sorted(regexes.items()):
        for bit, pattern in enumerate(patterns):
            column_of[("regex", attr, pattern)] = len(columns)
            columns.append(_RegexColumn(attr, bit))
    specs: list[tuple[_Cond, ...]] = []
    spec_ids: dict[tuple[_Cond, ...], int] = {}
    rules = []
    for raw_patterns, writes, index in raw_rules:
        patterns = []
        for raw_specs in raw_patterns:
            ids = []
            for raw in raw_specs:
                conds = []
                for attr, kind, arg in raw:
                    if kind == "REGEX":
                        conds.append(_Cond(column_of[("regex", attr, arg)], frozenset({1})))
                    else:
                        col = column_of[("value", attr)]
                        position = {c: i for i, c in enumerate(columns[col].consts)}
                        conds.append(_Cond(col, frozenset(position[c] for c in arg), negated=kind == "NOT_IN"))
                spec = tuple(conds)
                if spec not in spec_ids:
                    spec_ids[spec] = len(specs)
                    specs.append(spec)
                ids.append(spec_ids[spec])
            patterns.append(tuple(ids))
        rules.append((patterns, writes, index))
    compiled_regexes = {attr: [re.compile(p) for p in patterns] for attr, patterns in regexes.items()}
    return CompiledRules(vocab, rules, columns, compiled_regexes, specs)


def _writes(attrs: dict, rule_id: int) -> tuple[tuple[tuple[int, int], ...], dict]:
    """A rule's normalised attrs (``AttributeRuler.attrs``) split into array
    writes and token-level writes."""
    array_writes, other = [], {}
    for attr, value in attrs.items():
        if attr in _ARRAY_ATTRS:
            array_writes.append((_ARRAY_ATTRS.index(attr), int(value)))
        elif attr in _TOKEN_ATTRS:
            other[attr] = value
        else:
            raise Unsupported(f"rule {rule_id} sets {attr!r} (supported: POS, TAG, MORPH, LEMMA, DEP, NORM)")
    return tuple(array_writes), other


def unsupported_reason(ruler) -> str | None:
    """Why ``ruler`` cannot be compiled, or None when it can."""
    try:
        _compile(ruler)
    except Unsupported as exc:
        return str(exc)
    return None


def compile_ruler(ruler) -> CompiledRules | None:
    """The compiled rules of a spaCy ``AttributeRuler``, or None when some
    pattern or attribute is outside the supported subset (keep the original)."""
    try:
        return _compile(ruler)
    except Unsupported:
        return None


# --- the pipeline component ----------------------------------------------------

@Language.factory(COMPONENT, default_config={"source": ORIGINAL})
def make_attribute_rules(nlp, name, source):  # no annotations: see ner_rules.make_entity_rules
    rules = _compile(nlp.get_pipe(source))
    return rules


def replace_in_pipeline(nlp: Language) -> bool:
    """Put the compiled rules right after ``attribute_ruler`` and disable the
    original, so every ``nlp(text)`` uses them. Returns False (and changes
    nothing) when the model has no ruler or its rules cannot be compiled."""
    if COMPONENT in nlp.component_names:
        return COMPONENT in nlp.pipe_names
    if ORIGINAL not in nlp.pipe_names:
        return False
    try:
        # the factory compiles the rules (once); add_pipe adds nothing when it raises
        nlp.add_pipe(COMPONENT, after=ORIGINAL, config={"source": ORIGINAL})
    except Unsupported:
        return False
    nlp.disable_pipe(ORIGINAL)
    return True
