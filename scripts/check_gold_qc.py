"""Validate the hand-labeled quotes and claims gold (data/gold/{quotes,claims}.jsonl).

Checks, per record: the required fields and their types, `raw[raw_start:raw_end] == text`
against the seed text after `pipeline.inputs.decode` normalisation, labels in the allowed sets
(docs/guidelines.md §4 and §5), no duplicate spans; direct quotes sit between quotation
marks; claim sentences are in document order and do not overlap; only a claim can be
check-worthy, of any type (docs/guidelines.md §5.7: check-worthiness goes with the content).

Usage: PYTHONPATH=$PWD python scripts/check_gold_qc.py [--gold data/gold] [--seeds seeds]
Exit code 0 when every record passes, 1 otherwise (each problem printed on its own line).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from pipeline.evaluation.gold import seed_texts
from pipeline.schemas import CLAIM_TYPES, QUOTE_KINDS as KINDS

OPENING = set("“‘\"'«")
CLOSING = set("”’\"'»")

QUOTE_FIELDS = {"doc_id": str, "kind": str, "text": str, "raw_start": int, "raw_end": int,
                "speaker": (str, type(None)), "speaker_text": (str, type(None)), "cue": (str, type(None))}
QUOTE_OPTIONAL = {"alt_speakers": list, "optional": bool, "note": str}
CLAIM_FIELDS = {"doc_id": str, "text": str, "raw_start": int, "raw_end": int,
                "claim_type": (str, type(None)), "speaker": (str, type(None)), "check_worthy": bool}
CLAIM_OPTIONAL = {"alt_claim_types": list, "alt_speakers": list}


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc}") from None
    return rows


def check_fields(where: str, rec: dict, required: dict, optional: dict) -> list[str]:
    problems = []
    for key, typ in required.items():
        if key not in rec:
            problems.append(f"{where}: missing field {key!r}")
        elif not isinstance(rec[key], typ) or (typ is int and isinstance(rec[key], bool)):
            problems.append(f"{where}: field {key!r} has type {type(rec[key]).__name__}, expected {typ}")
    for key in rec.keys() - required.keys():
        if key not in optional:
            problems.append(f"{where}: unknown field {key!r}; allowed extras: {sorted(optional)}")
        elif not isinstance(rec[key], optional[key]):
            problems.append(f"{where}: field {key!r} has type {type(rec[key]).__name__}")
    return problems


def check_span(where: str, rec: dict, texts: dict[str, str]) -> list[str]:
    raw = texts.get(rec.get("doc_id"))
    if raw is None:
        return [f"{where}: unknown doc_id {rec.get('doc_id')!r}; seeds: {sorted(texts)}"]
    s, e, t = rec.get("raw_start"), rec.get("raw_end"), rec.get("text")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(raw)):
        return [f"{where}: bad offsets {s}..{e} (text length {len(raw)})"]
    if raw[s:e] != t:
        return [f"{where}: raw[{s}:{e}] == {raw[s:e]!r} but text == {t!r}"]
    if t != t.strip():
        return [f"{where}: text has leading/trailing whitespace: {t!r}"]
    return []


def check_quotes(rows: list[dict], texts: dict[str, str]) -> list[str]:
    problems = []
    for n, q in enumerate(rows, 1):
        where = f"quotes.jsonl:{n}"
        problems += check_fields(where, q, QUOTE_FIELDS, QUOTE_OPTIONAL)
        problems += check_span(where, q, texts)
        if q.get("kind") not in KINDS:
            problems.append(f"{where}: kind {q.get('kind')!r} not in {sorted(KINDS)}")
        if q.get("kind") == "direct" and not problems:
            raw, s, e = texts[q["doc_id"]], q["raw_start"], q["raw_end"]
            if raw[s - 1] not in OPENING or e >= len(raw) or raw[e] not in CLOSING:
                problems.append(f"{where}: direct quote not enclosed by quotation marks: "
                                f"{raw[max(0, s - 1):e + 1]!r}")
        for key in ("speaker", "speaker_text", "cue"):
            if isinstance(q.get(key), str) and not q[key].strip():
                problems.append(f"{where}: empty string in {key!r} (use null)")
        if q.get("speaker") is None and not q.get("optional"):
            problems.append(f"{where}: speaker is null (docs/guidelines.md §4: null only when the text does not say)")
        if (q.get("speaker_text") is None) != (q.get("cue") is None):
            problems.append(f"{where}: speaker_text and cue must be both null (continuation quote) or both set")
    keys = Counter((q.get("doc_id"), q.get("kind"), q.get("raw_start"), q.get("raw_end")) for q in rows)
    problems += [f"quotes.jsonl: duplicate span {k}" for k, c in keys.items() if c > 1]
    return problems


def check_claims(rows: list[dict], texts: dict[str, str]) -> list[str]:
    problems = []
    last_end: dict[str, int] = {}
    for n, c in enumerate(rows, 1):
        where = f"claims.jsonl:{n}"
        problems += check_fields(where, c, CLAIM_FIELDS, CLAIM_OPTIONAL)
        problems += check_span(where, c, texts)
        ctype = c.get("claim_type")
        if ctype is not None and ctype not in CLAIM_TYPES:
            problems.append(f"{where}: claim_type {ctype!r} not in {sorted(CLAIM_TYPES)} or null")
        alts = c.get("alt_claim_types", [])
        if "alt_claim_types" in c and not alts:
            problems.append(f"{where}: alt_claim_types present but empty (omit it)")
        for a in alts:
            if a not in CLAIM_TYPES:
                problems.append(f"{where}: alt claim type {a!r} not in {sorted(CLAIM_TYPES)}")
            if a == ctype:
                problems.append(f"{where}: alt claim type {a!r} repeats the primary type")
        if c.get("check_worthy") and ctype is None:
            problems.append(f"{where}: check_worthy but no claim (docs/guidelines.md §5.5, §5.7: only a claim can be check-worthy)")
        doc = c.get("doc_id")
        if isinstance(c.get("raw_start"), int):
            if c["raw_start"] < last_end.get(doc, 0):
                problems.append(f"{where}: sentence overlaps or precedes the previous one in {doc}")
            last_end[doc] = c.get("raw_end", 0)
    keys = Counter((c.get("doc_id"), c.get("raw_start"), c.get("raw_end")) for c in rows)
    problems += [f"claims.jsonl: duplicate span {k}" for k, c in keys.items() if c > 1]
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--gold", type=Path, default=root / "data" / "gold")
    ap.add_argument("--seeds", type=Path, default=root / "seeds")
    args = ap.parse_args(argv)
    texts = seed_texts(args.seeds)
    quotes = load_jsonl(args.gold / "quotes.jsonl")
    claims = load_jsonl(args.gold / "claims.jsonl")
    problems = check_quotes(quotes, texts) + check_claims(claims, texts)
    for p in problems:
        print(p)
    kinds = Counter(q["kind"] + ("(optional)" if q.get("optional") else "") for q in quotes)
    types = Counter(str(c.get("claim_type")) for c in claims)
    print(f"quotes: {len(quotes)} {dict(sorted(kinds.items()))}; claims: {len(claims)} {dict(sorted(types.items()))}; "
          f"check_worthy: {sum(bool(c.get('check_worthy')) for c in claims)}; problems: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
