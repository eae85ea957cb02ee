"""Fill in and check the raw offsets of the gold set (data/gold/*.jsonl).

The labels are hand-made; only the offsets are computed. A record without
``raw_start``/``raw_end`` gets them by finding its ``text`` in the normalised
seed text (``pipeline.inputs.decode``), as a whole word sequence, inside a gold body
line, at or after the previous record of the same document (records are kept
in document order, so a repeated string such as "OSCE" resolves to the next
occurrence). ``alt_spans`` entries (``{"text": ...}``) get the occurrence that
overlaps their record's span. ``body_line_starts`` in documents.jsonl is
computed the same way. Records that already have offsets are only checked.

    python scripts/gold_offsets.py            # fill missing offsets, check all
    python scripts/gold_offsets.py --check    # check only; exit 1 on a problem
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.gold import GOLD_FILES, SPAN_STAGES, check_against_raw, load_gold, seed_texts, ws_pattern  # noqa: E402

KEY_ORDER = ("doc_id", "text", "raw_start", "raw_end")


def _ordered(rec: dict) -> dict:
    return {**{k: rec[k] for k in KEY_ORDER if k in rec}, **{k: v for k, v in rec.items() if k not in KEY_ORDER}}


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def fill_documents(path: Path, raws: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    regions = {}
    for rec in rows:
        raw = raws[rec["doc_id"]]
        starts, cursor = [], 0
        for line in rec["body_lines"]:
            k = raw.find(line, cursor)
            if k < 0:
                raise SystemExit(f"{rec['doc_id']}: body line not in the seed text: {line[:60]!r}")
            starts.append(k)
            cursor = k + len(line)
        if "body_line_starts" in rec and rec["body_line_starts"] != starts:
            raise SystemExit(f"{rec['doc_id']}: body_line_starts {rec['body_line_starts']} != computed {starts}")
        rec["body_line_starts"] = starts
        ustarts = []
        for line in rec.get("unscored_lines") or ():
            k = raw.find(line)
            if k < 0:
                raise SystemExit(f"{rec['doc_id']}: unscored line not in the seed text: {line[:60]!r}")
            ustarts.append(k)
        rec["unscored_line_starts"] = ustarts
        regions[rec["doc_id"]] = [(s, s + len(l)) for s, l in zip(starts, rec["body_lines"])]
    _write(path, rows)
    return regions


def _find(raw: str, text: str, prev: tuple[int, int], regions: list[tuple[int, int]]) -> int:
    """First exact, word-bounded occurrence inside a body line at or after
    ``prev[0]`` that is not the span ``prev`` itself."""
    pat = ws_pattern(text)
    for m in pat.finditer(raw, prev[0]):
        if (m.start(), m.end()) == prev:
            continue
        if m.group(0) == text and any(a <= m.start() and m.end() <= b for a, b in regions):
            return m.start()
    return -1


def fill_spans(path: Path, raws: dict[str, str], regions: dict[str, list[tuple[int, int]]]) -> int:
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    cursor: dict[str, tuple[int, int]] = {}
    filled = 0
    for n, rec in enumerate(rows, 1):
        doc_id, text = rec["doc_id"], rec["text"]
        raw = raws[doc_id]
        if "raw_start" not in rec:
            k = _find(raw, text, cursor.get(doc_id, (0, 0)), regions[doc_id])
            if k < 0:
                raise SystemExit(f"{path.name}:{n}: {text!r} not found in a body line of {doc_id} after {cursor.get(doc_id)}")
            rec["raw_start"], rec["raw_end"] = k, k + len(text)
            filled += 1
        # spans of one stage do not overlap, so the next one starts after this
        # one; an *optional* record may sit inside the next (ORDINAL "Second"
        # in EVENT "Second Minsk ..."), so after one the search restarts at it
        if rec.get("optional"):
            cursor[doc_id] = (rec["raw_start"], rec["raw_end"])
        else:
            cursor[doc_id] = (rec["raw_end"], rec["raw_end"])
        for alt in rec.get("alt_spans") or ():
            if "raw_start" in alt:
                continue
            hits = [m.start() for m in ws_pattern(alt["text"]).finditer(raw)
                    if m.start() < rec["raw_end"] and rec["raw_start"] < m.end()]
            if not hits:
                raise SystemExit(f"{path.name}:{n}: alt span {alt['text']!r} does not overlap {text!r}")
            alt["raw_start"], alt["raw_end"] = hits[0], hits[0] + len(alt["text"])
            filled += 1
        rows[n - 1] = _ordered(rec)
    _write(path, rows)
    return filled


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "data" / "gold")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--check", action="store_true", help="only check, do not write")
    args = ap.parse_args()
    raws = seed_texts(args.seeds)
    if not args.check:
        regions = fill_documents(args.gold / GOLD_FILES["clean"], raws)
        for stage in SPAN_STAGES:
            p = args.gold / GOLD_FILES[stage]
            if p.is_file():
                print(f"{p.name}: filled {fill_spans(p, raws, regions)} offsets")
    problems = check_against_raw(load_gold(args.gold), raws)
    for p in problems:
        print(p)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
