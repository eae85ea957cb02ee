"""Speaker identity on real news: is ``quotes.speaker`` the source's full name,
the same name in every article, and never a person's name for an unnamed source?

    python benchmarks/speaker_identity.py                      # run the pipeline, then score
    python benchmarks/speaker_identity.py --runs /tmp/si       # reuse (or create) the runs in /tmp/si
    python benchmarks/speaker_identity.py --errors 20 --json   # more errors listed; figures as JSON

The hand-labeled sample (``benchmarks/data/speaker_identity_sample.jsonl``)
holds quotes from 13 BBC politics articles and 3 PolNeAR train articles, each
labeled with the source's full name as the article gives it
(docs/guidelines.md §4). The repo never holds the articles' text: a record is
``file`` (relative to ``../shared/data``), ``start``/``end`` (character offsets of
the quote's content in that file, read as UTF-8), ``sha1`` (first 12 hex digits of
the content, to detect a changed corpus), ``kind``, ``speaker`` (null when the
text does not say), ``speaker_kind`` and optional ``alt_speakers`` (other
acceptable strings, mostly for unnamed and document sources, whose description
the guidelines leave to the article's wording).

The pipeline runs over the whole BBC politics folder (417 articles: canonical
names are corpus-wide, so the sample is scored inside a realistic corpus) and
over the sampled PolNeAR texts. A gold quote matches the predicted quote of the
same document whose word tokens overlap it with Dice >= 0.5 (one-to-one, best
first; the rule of ``pipeline eval``); a gold quote left over that lies inside a
predicted quote (a short quoted fragment kept inside its reported speech) takes
that quote. Figures:

* **speaker accuracy**: the predicted ``speaker`` equals the gold speaker or an
  alternative (case-insensitive; null = null), over all gold quotes (a quote
  the pipeline missed counts as wrong) and over the matched ones, per
  ``speaker_kind``;
* **speaker_kind accuracy** over matched quotes;
* **unnamed given a person's name**: matched gold quotes of an unnamed or
  document source whose predicted speaker is the name of a person (a PERSON
  canonical of the run);
* **cross-article consistency**: of the persons quoted in two or more
  articles of the sample, the share whose matched quotes carry one identical
  predicted name everywhere (and that name is right);
* the most frequent (gold, predicted) errors;
* ``about`` P/R/F1 on the seeds' gold (``data/gold/claims.jsonl``, the only gold
  with ``about``), beside the baseline "every named entity inside the claim's
  span except the speaker".
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data")
LABELS = ROOT / "benchmarks" / "data" / "speaker_identity_sample.jsonl"
BBC_POLITICS = "news/bbc/politics"


def load_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_source(data: Path, rec: dict) -> str:
    """The labeled article's text; stops with one line when the corpus changed."""
    text = (data / rec["file"]).read_text(encoding="utf-8", errors="replace")
    quote = text[rec["start"]:rec["end"]]
    if hashlib.sha1(quote.encode("utf-8")).hexdigest()[:12] != rec["sha1"]:
        sys.exit(f"{rec['file']}: the text at {rec['start']}:{rec['end']} changed (sha1 mismatch); "
                 "the sample no longer fits this copy of the data")
    return text


def run_pipeline(inputs: Path, out: Path) -> None:
    if (out / "quotes.parquet").exists():
        return
    cmd = [sys.executable, "-m", "pipeline", "run", "all", "--input", str(inputs), "--out", str(out)]
    print("running:", " ".join(cmd), file=sys.stderr)
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"the run failed ({done.returncode}): {done.stderr[-2000:]}")


def prepare_runs(data: Path, labels: list[dict], runs: Path) -> list[Path]:
    """One run over the BBC politics folder, one over the other sampled files."""
    outs = [runs / "bbc_politics"]
    run_pipeline(data / BBC_POLITICS, outs[0])
    others = sorted({r["file"] for r in labels if not r["file"].startswith(BBC_POLITICS + "/")})
    if others:
        inputs = runs / "other_inputs"
        inputs.mkdir(parents=True, exist_ok=True)
        for f in others:
            shutil.copy(data / f, inputs / Path(f).name)
        outs.append(runs / "other")
        run_pipeline(inputs, outs[-1])
    return outs


def read_runs(outs: list[Path]) -> tuple[dict, pd.DataFrame, set[str]]:
    texts: dict[str, str] = {}
    quotes, persons = [], set()
    for out in outs:
        docs = pd.read_parquet(out / "documents.parquet")
        texts.update(zip(docs["doc_id"], docs["text"]))
        quotes.append(pd.read_parquet(out / "quotes.parquet"))
        ents = pd.read_parquet(out / "entities.parquet")
        persons |= set(ents.loc[ents["label"] == "PERSON", "canonical"].dropna())
    return texts, pd.concat(quotes, ignore_index=True), persons


def locate(rec: dict, source: str, clean: str) -> tuple[int, int] | None:
    """The labeled quote in the run's cleaned text: the same occurrence as in the source file."""
    quote = source[rec["start"]:rec["end"]]
    k = source[:rec["start"]].count(quote)
    pos = -1
    for _ in range(k + 1):
        pos = clean.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(quote)


def _key(s) -> str:
    if not isinstance(s, str):
        return ""
    s = " ".join(s.split()).casefold()
    return s[4:] if s.startswith("the ") else s


def accepted(rec: dict, predicted) -> bool:
    want = {_key(rec.get("speaker"))} | {_key(a) for a in rec.get("alt_speakers") or ()}
    return _key(predicted) in want


def score(labels: list[dict], data: Path, texts: dict, quotes: pd.DataFrame, persons: set[str]) -> dict:
    from pipeline.evaluation.metrics import greedy_match, tokens

    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in labels:
        by_doc[Path(r["file"]).stem].append(r)
    q_by_doc = {d: g for d, g in quotes.groupby("doc_id")}
    results = []  # (rec, predicted row or None)
    for doc_id, recs in by_doc.items():
        clean = texts.get(doc_id)
        source = read_source(data, recs[0])
        preds = q_by_doc.get(doc_id, quotes.iloc[:0]).to_dict("records")
        p_tok = [tokens(clean, (int(p["start"]), int(p["end"]))) for p in preds] if clean else []
        spans = [locate(r, source, clean) if clean else None for r in recs]
        g_tok = [tokens(clean, span) if span is not None else frozenset() for span in spans]
        match = {i: preds[j] for i, j in greedy_match(g_tok, p_tok)}
        for i, span in enumerate(spans):
            # a short quoted fragment the pipeline keeps inside the reported speech that
            # contains it ("said Lord Scarman was one of the "great advocates ..."") has
            # that quote's source
            if i not in match and span is not None:
                inside = [p for p in preds if int(p["start"]) <= span[0] and span[1] <= int(p["end"])]
                if inside:
                    match[i] = min(inside, key=lambda p: int(p["end"]) - int(p["start"]))
        results += [(r, match.get(i), doc_id) for i, r in enumerate(recs)]
    return figures(results, persons)


def figures(results, persons: set[str]) -> dict:
    out: dict = {"quotes": len(results)}
    kinds = Counter(r["speaker_kind"] for r, _, _ in results)
    ok_all = Counter()
    ok_matched = Counter()
    matched = Counter()
    kind_ok = 0
    errors = Counter()
    unnamed_as_person = []
    for r, p, _ in results:
        k = r["speaker_kind"]
        good = p is not None and accepted(r, p.get("speaker"))
        ok_all[k] += good
        if p is not None:
            matched[k] += 1
            ok_matched[k] += good
            kind_ok += p.get("speaker_kind", None) == k
            if k in ("unnamed", "document") and p.get("speaker") in persons:
                unnamed_as_person.append((r["speaker"], p.get("speaker")))
        if not good:
            errors[(r["speaker"], "<quote missed>" if p is None else p.get("speaker"))] += 1
            out.setdefault("error_cases", []).append({"file": r["file"], "start": r["start"], "gold": r["speaker"],
                                                      "predicted": None if p is None else p.get("speaker"),
                                                      "speaker_text": None if p is None else p.get("speaker_text")})
    n_matched = sum(matched.values())
    out["matched"] = n_matched
    out["speaker_accuracy"] = sum(ok_all.values()) / len(results) if results else 0.0
    out["speaker_accuracy_matched"] = sum(ok_matched.values()) / n_matched if n_matched else 0.0
    out["by_kind"] = {k: {"quotes": kinds[k], "accuracy": ok_all[k] / kinds[k],
                          "accuracy_matched": ok_matched[k] / matched[k] if matched[k] else 0.0}
                      for k in sorted(kinds)}
    out["speaker_kind_accuracy"] = kind_ok / n_matched if n_matched else 0.0
    out["unnamed_given_person_name"] = len(unnamed_as_person)
    out["unnamed_given_person_name_cases"] = unnamed_as_person
    # cross-article consistency over persons quoted in 2+ articles of the sample
    names: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r, p, doc_id in results:
        if r["speaker_kind"] == "person" and p is not None:
            names[r["speaker"]][doc_id].add(p.get("speaker"))
    multi = {s: d for s, d in names.items() if len(d) >= 2}
    consistent = [s for s, d in multi.items() if len(set().union(*d.values())) == 1
                  and accepted({"speaker": s}, next(iter(set().union(*d.values()))))]
    out["persons_in_2plus_articles"] = len(multi)
    out["cross_article_consistency"] = len(consistent) / len(multi) if multi else 0.0
    out["inconsistent"] = {s: sorted(map(str, set().union(*d.values()))) for s, d in multi.items() if s not in consistent}
    out["errors"] = [(g, p, n) for (g, p), n in errors.most_common()]
    return out


def about_scores(runs: Path) -> dict:
    """about P/R/F1 of a seeds run against data/gold, and of the baseline on the same tables."""
    from pipeline.evaluation.evaluate import evaluate_tables
    from pipeline.evaluation.gold import load_gold
    from pipeline.stages.entities.rules import NAME_LABELS
    from pipeline.tables import read_table

    out = runs / "seeds"
    run_pipeline(ROOT / "seeds", out)
    tables = {n: read_table(out, n) for n in ("documents", "sentences", "entities", "quotes", "claims")}
    gold = load_gold(None)
    m = evaluate_tables(tables, gold).stages["claims"].metrics
    ents = tables["entities"]
    ents = ents[ents["label"].isin(NAME_LABELS)]  # the baseline's names
    by_doc = {d: g for d, g in ents.groupby("doc_id")}
    claims = tables["claims"].copy()
    base = []
    for d, s0, s1, spk in zip(claims["doc_id"], claims["start"], claims["end"], claims["speaker"]):
        e = by_doc.get(d, ents.iloc[:0])
        inside = e[(e["start"] >= s0) & (e["end"] <= s1)]
        base.append([n for n in dict.fromkeys(inside["canonical"].dropna()) if n != spk])
    tables["claims"] = claims.assign(about=base)
    b = evaluate_tables(tables, gold).stages["claims"].metrics
    return {k: {"precision": x["about_precision"], "recall": x["about_recall"], "f1": x["about_f1"]}
            for k, x in (("claimex", m), ("baseline", b))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--runs", type=Path, help="folder for the pipeline runs (reused when present; default: a temporary folder)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--errors", type=int, default=10, help="how many of the most frequent errors to list")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every wrong speaker with its file and mention")
    args = ap.parse_args(argv)
    if not (args.data / BBC_POLITICS).is_dir():
        sys.exit(f"BBC data not found at {args.data / BBC_POLITICS} (use --data)")
    labels = load_labels(args.labels)
    tmp = None
    runs = args.runs
    if runs is None:
        tmp = tempfile.TemporaryDirectory(prefix="speaker-identity-")
        runs = Path(tmp.name)
    try:
        texts, quotes, persons = read_runs(prepare_runs(args.data, labels, runs))
        fig = score(labels, args.data, texts, quotes, persons)
        fig["about_on_seeds"] = about_scores(runs)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps(fig, indent=1, ensure_ascii=False))
        return 0
    print(f"{fig['quotes']} labeled quotes, {fig['matched']} matched by a predicted quote")
    print(f"speaker = the source's full name: {fig['speaker_accuracy']:.3f} of all, "
          f"{fig['speaker_accuracy_matched']:.3f} of matched")
    for k, v in fig["by_kind"].items():
        print(f"  {k:<13} {v['quotes']:>4} quotes  {v['accuracy']:.3f} (matched {v['accuracy_matched']:.3f})")
    print(f"speaker_kind accuracy (matched): {fig['speaker_kind_accuracy']:.3f}")
    print(f"unnamed/document sources given a person's name: {fig['unnamed_given_person_name']}")
    print(f"cross-article consistency: {fig['cross_article_consistency']:.3f} "
          f"of {fig['persons_in_2plus_articles']} persons quoted in 2+ articles")
    for s, names in fig["inconsistent"].items():
        print(f"  {s}: {names}")
    print("most frequent errors (gold -> predicted, count):")
    for g, p, n in fig["errors"][:args.errors]:
        print(f"  {n:>3}  {g!r} -> {p!r}")
    for name, v in fig["about_on_seeds"].items():
        print(f"about on the seeds' gold, {name}: P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f}")
    if args.verbose:
        for e in fig.get("error_cases", []):
            print(f"  {e['file']}:{e['start']}  {e['gold']!r} -> {e['predicted']!r} (mention {e['speaker_text']!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
