"""Throughput and memory of the pipeline against spaCy's own speed (issue 6).

Run with ``make bench`` (not part of ``make test``), or directly:

    PYTHONPATH=. python benchmarks/throughput.py                 # full measurement
    PYTHONPATH=. python benchmarks/throughput.py --docs 100 --workers-docs 200 --rss-docs 100 --repeats 1

Reads the BBC corpus from ``../shared/data/news/bbc/`` (2,225 articles; never
copied into the repo). In one process session it measures, alternating so that
machine noise hits both sides alike:

1. **bare vs pipeline** over the first ``--docs`` articles (spread over the five
   categories): a bare ``nlp.pipe`` of the raw texts with ``spacy.load(model)``
   against ``pipeline run all`` (read, decode, clean, the one parse, every
   stage, DocBin and Parquet writes), one worker, no incremental skipping.
   Reports words/s (whitespace-separated words of the raw texts) and the time
   ratio bare/pipeline (target >= 0.85);
2. **workers**: ``pipeline run all`` as a fresh command (start-up and model
   loading included on both sides) with 1 and with 2 worker processes over
   ``--workers-docs`` articles; speed-up = time(1) / time(2) (target >= 1.6 on
   2 idle cores). Also CPU seconds of all processes, 2 workers over 1: on a
   shared machine the wall-clock speed-up says little, while 2 / this ratio is
   the speed-up to expect on two idle cores;
3. **peak RSS** of ``run all`` (1 worker) at 1x and 4x ``--rss-docs`` articles
   (the corpus replicated under r0/ ... r3/), each size in a fresh subprocess
   that reports its own ``ru_maxrss`` (target: 4x <= 1.2 x 1x).

Each timing is the best of ``--repeats`` runs (the least disturbed one on a
shared machine); all runs are listed with ``--verbose``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc"
BBC_DIR = [BBC]  # --bbc overrides


def bbc_files(n: int | None) -> list[Path]:
    files = sorted(p for p in BBC_DIR[0].rglob("*.txt") if p.is_file() and not p.name.startswith("."))
    if n is None or n >= len(files):
        return files
    step = len(files) / n  # spread the sample over all five categories
    return [files[int(i * step)] for i in range(n)]


def make_corpus(files: list[Path], dest: Path, copies: int = 1) -> Path:
    """Symlink ``files`` into ``dest`` (``copies`` replicas r0/, r1/, ...)."""
    for r in range(copies):
        for f in files:
            rel = f.relative_to(BBC_DIR[0])
            target = dest / (f"r{r}" if copies > 1 else "") / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.symlink_to(f)
    return dest


def raw_texts(files: list[Path]) -> list[str]:
    from pipeline.inputs.decode import decode_bytes

    return [decode_bytes(f.read_bytes()).text for f in files]


def n_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def time_bare(nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a bare nlp.pipe pass."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, cpu_seconds() - c0


def time_pipeline(corpus: Path, work: Path, model: str, workers: int, batch_size: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds incl. worker processes) of one `run all`."""
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    t0, c0 = time.perf_counter(), cpu_seconds()
    summary = run(list(stage_names()), Settings(input=corpus, out=out, model=model, workers=workers,
                                              batch_size=batch_size, incremental=False))
    elapsed, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    shutil.rmtree(out, ignore_errors=True)
    failed = summary.errors.failed_ids()
    if failed:
        print(f"  note: {len(failed)} documents failed in this run", file=sys.stderr)
    return elapsed, cpu


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))


def time_cli(corpus: Path, work: Path, model: str, workers: int, batch_size: int) -> tuple[float, float]:
    """(wall, CPU seconds incl. all processes) of `pipeline run all` in a fresh
    process, as a user runs it: start-up and model loading included for 1 and N."""
    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    cmd = [sys.executable, "-m", "pipeline", "run", "all", "--input", str(corpus), "--out", str(out),
           "--model", model, "--workers", str(workers), "--batch-size", str(batch_size),
           "--no-incremental", "--no-progress"]
    t0, c0 = time.perf_counter(), cpu_seconds()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    elapsed, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return elapsed, cpu


def rss_child(corpus: Path, out: Path, model: str, batch_size: int) -> None:
    """Subprocess body: one run, then print this process's peak RSS in MiB."""
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    t0 = time.perf_counter()
    summary = run(list(stage_names()), Settings(input=corpus, out=out, model=model, workers=1,
                                              batch_size=batch_size, incremental=False))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"rss_mib": peak_kib / 1024, "docs": summary.processed,
                      "seconds": time.perf_counter() - t0}))


def measure_rss(corpus: Path, work: Path, model: str, batch_size: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix="rss-out-", dir=work))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--rss-child", str(corpus), "--rss-out", str(out),
           "--model", model, "--batch-size", str(batch_size)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"RSS child exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400, help="articles for bare vs pipeline (default 400)")
    ap.add_argument("--workers-docs", type=int, default=None, help="articles for the 1 vs 2 workers runs (default all 2,225)")
    ap.add_argument("--rss-docs", type=int, default=None, help="articles at 1x for peak RSS (default all 2,225; 4x = 8,900)")
    ap.add_argument("--repeats", type=int, default=2, help="alternating repeats per measurement (best is reported)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--model", default=None)
    ap.add_argument("--skip", action="append", default=[], choices=["ratio", "workers", "rss"])
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--bbc", type=Path, default=BBC, help="the BBC corpus folder (default ../shared/data/news/bbc)")
    ap.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--rss-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    from pipeline.nlp.loader import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    BBC_DIR[0] = args.bbc.resolve()
    if args.rss_child:
        rss_child(args.rss_child, args.rss_out, model, args.batch_size)
        return 0
    if not BBC_DIR[0].is_dir():
        print(f"BBC corpus not found at {BBC_DIR[0]}; the benchmark reads ../shared/data/news/bbc/", file=sys.stderr)
        return 2

    import spacy

    from pipeline.registry import load_pipeline

    work = Path(tempfile.mkdtemp(prefix="claimex-bench-"))
    results: dict = {"model": model, "cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]}
    rows: list[tuple[str, str]] = []
    try:
        if "ratio" not in args.skip:
            files = bbc_files(args.docs)
            texts = raw_texts(files)
            words = n_words(texts)
            corpus = make_corpus(files, work / "ratio")
            bare_nlp = spacy.load(model)
            load_pipeline(model)  # the pipeline's model, loaded before timing (as bare's is)
            time_bare(bare_nlp, texts[:20], args.batch_size)  # warm-up
            bare_t, pipe_t = [], []
            for _ in range(args.repeats):
                bare_t.append(time_bare(bare_nlp, texts, args.batch_size))
                pipe_t.append(time_pipeline(corpus, work, model, 1, args.batch_size))
                if args.verbose:
                    print(f"  bare {bare_t[-1][0]:.2f}s (cpu {bare_t[-1][1]:.2f}s)  "
                          f"pipeline {pipe_t[-1][0]:.2f}s (cpu {pipe_t[-1][1]:.2f}s)", file=sys.stderr)
            b, p = min(t for t, _ in bare_t), min(t for t, _ in pipe_t)
            bc, pc = min(c for _, c in bare_t), min(c for _, c in pipe_t)
            results["ratio"] = {"docs": len(files), "words": words, "bare_s": bare_t, "pipeline_s": pipe_t,
                                "bare_wps": words / b, "pipeline_wps": words / p, "ratio": b / p, "cpu_ratio": bc / pc}
            rows += [(f"bare nlp.pipe, {len(files)} BBC articles ({words:,} words)", f"{words / b:,.0f} words/s"),
                     ("full pipeline (run all, 1 worker), same articles", f"{words / p:,.0f} words/s"),
                     ("time ratio bare/pipeline, wall clock (target >= 0.85)", f"{b / p:.2f}"),
                     ("time ratio bare/pipeline, CPU seconds (less noisy)", f"{bc / pc:.2f}")]
            del bare_nlp
        if "workers" not in args.skip:
            files = bbc_files(args.workers_docs)
            words = n_words(raw_texts(files))
            corpus = make_corpus(files, work / "workers")
            t1, t2 = [], []
            for _ in range(args.repeats):
                t1.append(time_cli(corpus, work, model, 1, args.batch_size))
                t2.append(time_cli(corpus, work, model, 2, args.batch_size))
                if args.verbose:
                    print(f"  1 worker {t1[-1][0]:.2f}s (cpu {t1[-1][1]:.2f}s)  "
                          f"2 workers {t2[-1][0]:.2f}s (cpu {t2[-1][1]:.2f}s)", file=sys.stderr)
            a, b = min(t for t, _ in t1), min(t for t, _ in t2)
            # CPU seconds of all processes of the 2-worker run over those of the
            # 1-worker run: the work the second process adds (model load, pickling).
            # On idle cores the speed-up is about 2 / inflation.
            inflation = min(c for _, c in t2) / min(c for _, c in t1)
            results["workers"] = {"docs": len(files), "words": words, "w1_s": t1, "w2_s": t2, "speedup": a / b,
                                  "cpu_inflation": inflation}
            rows += [(f"run all, 1 worker, {len(files)} articles", f"{words / a:,.0f} words/s"),
                     (f"run all, 2 workers, {len(files)} articles", f"{words / b:,.0f} words/s"),
                     ("speed-up 2 workers / 1, wall clock (target >= 1.6)", f"{a / b:.2f}x"),
                     ("CPU seconds 2 workers / 1 worker (2/this = speed-up on 2 idle cores)", f"{inflation:.2f}")]
        if "rss" not in args.skip:
            files = bbc_files(args.rss_docs)
            one = measure_rss(make_corpus(files, work / "rss1"), work, model, args.batch_size)
            four = measure_rss(make_corpus(files, work / "rss4", copies=4), work, model, args.batch_size)
            results["rss"] = {"x1": one, "x4": four, "ratio": four["rss_mib"] / one["rss_mib"]}
            rows += [(f"peak RSS, run all, 1x = {one['docs']} articles", f"{one['rss_mib']:,.0f} MiB"),
                     (f"peak RSS, run all, 4x = {four['docs']} articles", f"{four['rss_mib']:,.0f} MiB"),
                     ("RSS ratio 4x / 1x (target <= 1.2)", f"{four['rss_mib'] / one['rss_mib']:.2f}")]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["load_avg_end"] = os.getloadavg()[0]
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"\nclaimex throughput ({model}, {os.cpu_count()} CPUs, load average "
          f"{results['load_avg_start']:.1f} -> {results['load_avg_end']:.1f}; best of {args.repeats})\n")
    print(f"| {'measure':<{width}} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for k, v in rows:
        print(f"| {k:<{width}} | {v} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
