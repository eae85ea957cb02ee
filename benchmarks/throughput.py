"""Throughput, scaling and memory of the pipeline against spaCy's own speed.

Run with ``make bench`` (not part of ``make test``), or directly:

    PYTHONPATH=. python benchmarks/throughput.py                 # full measurement
    PYTHONPATH=. python benchmarks/throughput.py --docs 100 --workers-docs 200 --rss-docs 100 --repeats 1

Reads the BBC corpus from ``../shared/data/news/bbc/`` (2,225 articles; copied
into a temporary folder per run, never into the repo). It measures:

1. **bare vs pipeline** over the first ``--docs`` articles (spread over the five
   categories), alternating so that machine noise hits both sides alike: a
   bare ``nlp.pipe`` of the raw texts with ``spacy.load(model)`` against
   ``pipeline run all`` in the same process (read, decode, clean, the one
   parse, every stage, DocBin and Parquet writes, publishing), one worker, no
   incremental skipping, model loaded before timing on both sides. Reports
   words/s and the time ratio bare/pipeline (target >= 0.85).
2. **scaling**: ``pipeline run all`` in a fresh process (start-up, imports and
   model loading included) for each ``--workers`` count over
   ``--workers-docs`` articles, and with ``--engine dask`` at the largest
   count (``--dask``). For every run it prints where the wall time went:
   *serial* = everything outside the window in which batch work ran (Python
   start-up and imports, checks, loading the model before the first batch,
   the corpus-wide finalize, publishing, exit) and the parallel *efficiency*
   of the window (batch work summed over workers / workers x window). The
   speed-up of N workers is time(1) / time(N); Amdahl's law with the
   1-worker run's serial part S and parallel part P gives the speed-up to
   expect on N idle cores: (S + P) / (S + P / N), printed for 16. Beside
   them, as the machine's own reference, a bare ``nlp.pipe`` of the same
   texts with ``n_process`` N in a fresh process (start-up, imports and model
   loading included; batches of ``--batch-size`` or of the size the runner
   would choose): what spaCy's own multiprocessing gets from the same cores
   (skip with ``--skip spacy-scaling``).
3. **peak RSS** of ``run all`` at 1x and 4x ``--rss-docs`` articles (the corpus
   copied under r0/ ... r3/), each in a fresh process, with ``--rss-workers``
   workers: the run's own process and the largest worker (target: flat).

Each timing is the best of ``--repeats`` runs (the least disturbed one on a
shared machine); all runs are listed with ``--verbose``. The load average at
start and end is printed: on a machine shared with other jobs, wall-clock
speed-ups say little, and the serial fraction is the figure to trust.
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
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "news" / "bbc"
BBC_DIR = [BBC]  # --bbc overrides
AMDAHL_WORKERS = 16


def bbc_files(n: int | None) -> list[Path]:
    files = sorted(p for p in BBC_DIR[0].rglob("*.txt") if p.is_file() and not p.name.startswith("."))
    if n is None or n >= len(files):
        return files
    step = len(files) / n  # spread the sample over all five categories
    return [files[int(i * step)] for i in range(n)]


def make_corpus(files: list[Path], dest: Path, copies: int = 1) -> Path:
    """Copy ``files`` into ``dest`` (``copies`` replicas r0/, r1/, ...). Copies, not
    links: a link to a file outside the input folder is not read."""
    for r in range(copies):
        for f in files:
            rel = f.relative_to(BBC_DIR[0])
            target = dest / (f"r{r}" if copies > 1 else "") / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(f, target)
    return dest


def raw_texts(files: list[Path]) -> list[str]:
    from pipeline.inputs.decode import decode_bytes

    return [decode_bytes(f.read_bytes()).text for f in files]


def n_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def time_bare(nlp, texts: list[str], batch_size: int, n_process: int = 1) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a bare nlp.pipe pass."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - t0, cpu_seconds() - c0


def time_pipeline(corpus: Path, work: Path, model: str, batch_size: int | None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one in-process `run all`, 1 worker."""
    from pipeline.registry import stage_names
    from pipeline.runner import Settings, run

    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    t0, c0 = time.perf_counter(), cpu_seconds()
    summary = run(list(stage_names()), Settings(input=corpus, out=out, model=model, workers=1,
                                              batch_size=batch_size, incremental=False))
    elapsed, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    shutil.rmtree(out, ignore_errors=True)
    failed = summary.errors.failed_ids()
    if failed:
        print(f"  note: {len(failed)} documents failed in this run", file=sys.stderr)
    return elapsed, cpu


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))


def time_cli(corpus: Path, work: Path, model: str, workers: int, engine: str, batch_size: int | None) -> dict:
    """One ``pipeline run all`` in a fresh process, as a user runs it (start-up,
    imports, model loading and exit included): its wall time and the
    ``--timings`` line it prints, with its peak RSS."""
    out = Path(tempfile.mkdtemp(prefix="out-", dir=work))
    cmd = [sys.executable, "-m", "pipeline", "run", "all", "--input", str(corpus), "--out", str(out), "--model", model,
           "--workers", str(workers), "--engine", engine, "--no-incremental", "--no-progress", "--timings"]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    try:
        lines, last = run_measured(cmd)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    report = json.loads(next(line for line in lines if line.startswith("timings: ")).split(" ", 1)[1])
    report["rss_mib"], wall, report["cpu"] = last["rss_mib"], last["wall"], last["cpu"]
    report["run"] = report.pop("seconds")
    window = report["phases"].get("batches", 0.0)
    report.update(wall=wall, window=window, serial=wall - window,
                  efficiency=report["busy"] / (workers * window) if window else None)
    if workers == 1:
        # CPU seconds outside the batch work: what the serial part takes on an idle core,
        # whatever else the machine runs (workers=1 only: then all work is in this process)
        report["serial_cpu"] = report["cpu"] - report["phases_cpu"]["batches"]
    return report


def run_measured(cmd: list[str]) -> tuple[list[str], dict]:
    """Run ``cmd`` in a fresh process under ``peak_rss_of``: its output lines and
    its peak RSS, wall and CPU seconds."""
    wrapper = [sys.executable, str(Path(__file__).resolve()), "--peak-rss-of", *cmd]
    proc = subprocess.run(wrapper, capture_output=True, text=True, env=_env(), cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    lines = proc.stdout.splitlines()
    return lines, json.loads(lines[-1])


def bare_pipe_of(model: str, corpus: str, n_process: int, batch_size: int) -> int:
    """In a fresh process: a bare ``nlp.pipe`` of the articles under ``corpus`` (listed
    as the run lists them) with ``n_process`` processes; prints the pipe's own wall
    seconds as a JSON line."""
    import spacy

    from pipeline.inputs.readers import input_files
    from pipeline.runner.batching import auto_batch_size

    texts = raw_texts(input_files(Path(corpus)))
    nlp = spacy.load(model)
    wall, _cpu = time_bare(nlp, texts, batch_size or auto_batch_size(len(texts), n_process), n_process)
    print(json.dumps({"pipe": wall}))
    return 0


def time_bare_cli(corpus: Path, model: str, n_process: int, batch_size: int | None) -> dict:
    """``bare_pipe_of`` in a fresh process: its wall time from start to exit, measured as
    ``time_cli`` measures a run's, and the pipe's own."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--bare-pipe-of", model, str(corpus), str(n_process),
           str(batch_size or 0)]
    lines, last = run_measured(cmd)
    return {"wall": last["wall"], "cpu": last["cpu"], "pipe": json.loads(lines[-2])["pipe"]}


def peak_rss_of(cmd: list[str]) -> int:
    """Run ``cmd``; print its output, then its peak RSS (MiB) as a JSON line. The
    peak is read from /proc while it runs (``ru_maxrss`` of a child starts at
    its parent's peak)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=None, text=True)
    peak = 0
    status = Path(f"/proc/{proc.pid}/status")
    done = threading.Event()

    def watch():  # never reaps the process: wait4 below does, to read its CPU time
        nonlocal peak
        while not done.is_set():
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.05)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    out = proc.stdout.read()
    _, code, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    t.join()
    proc.returncode = os.waitstatus_to_exitcode(code)
    print(out, end="")
    print(json.dumps({"rss_mib": peak / 1024, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime}))
    return proc.returncode


def describe(label: str, r: dict) -> str:
    p = r["phases"]
    start = r["wall"] - r["run"]  # interpreter start-up, imports and exit
    cpu = f", serial CPU {r['serial_cpu']:.1f} s of {r['cpu']:.1f} s" if "serial_cpu" in r else ""
    return (f"{label}: {r['wall']:.1f} s, serial {r['serial']:.1f} s ({100 * r['serial'] / r['wall']:.1f}%: "
            f"start-up/imports/exit {start:.1f}, checks+model {p.get('start', 0):.1f}, "
            f"finalize {p.get('finalize', 0):.1f}, publish {p.get('publish', 0) + p.get('collect', 0):.1f}), "
            f"batch window {r['window']:.1f} s, efficiency {r['efficiency']:.2f}, batch size {r['batch_size']}{cpu}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400, help="articles for bare vs pipeline (default 400)")
    ap.add_argument("--workers-docs", type=int, default=None, help="articles for the scaling runs (default all 2,225)")
    ap.add_argument("--workers", default="1,2", help="worker counts for the scaling runs (default 1,2)")
    ap.add_argument("--dask", action="store_true", help="also run --engine dask at the largest worker count")
    ap.add_argument("--rss-docs", type=int, default=None, help="articles at 1x for peak RSS (default all 2,225; 4x = 8,900)")
    ap.add_argument("--rss-workers", type=int, default=1, help="workers for the peak-RSS runs (default 1)")
    ap.add_argument("--repeats", type=int, default=2, help="alternating repeats per measurement (best is reported)")
    ap.add_argument("--batch-size", type=int, default=None, help="default: chosen by the runner")
    ap.add_argument("--model", default=None)
    ap.add_argument("--skip", action="append", default=[], choices=["ratio", "workers", "spacy-scaling", "rss"],
                    help="leave a measurement out (spacy-scaling: the bare nlp.pipe n_process runs beside the "
                         "scaling runs)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--bbc", type=Path, default=BBC, help="the BBC corpus folder (default ../shared/data/news/bbc)")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--peak-rss-of"]:
        return peak_rss_of(argv[1:])
    if argv[:1] == ["--bare-pipe-of"]:
        return bare_pipe_of(argv[1], argv[2], int(argv[3]), int(argv[4]))
    args = ap.parse_args(argv)

    from pipeline.nlp.loader import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    BBC_DIR[0] = args.bbc.resolve()
    if not BBC_DIR[0].is_dir():
        print(f"BBC corpus not found at {BBC_DIR[0]}; the benchmark reads ../shared/data/news/bbc/ (or --bbc)",
              file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="claimex-bench-"))
    results: dict = {"model": model, "cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]}
    rows: list[tuple[str, str]] = []
    lines: list[str] = []
    try:
        if "ratio" not in args.skip:
            rows += _ratio(args, model, work, results)
        if "workers" not in args.skip:
            r, ls = _scaling(args, model, work, results)
            rows += r
            lines += ls
        if "rss" not in args.skip:
            rows += _rss(args, model, work, results)
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
    if lines:
        print("\nwhere the time went (best run of each):")
        for line in lines:
            print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def _ratio(args, model: str, work: Path, results: dict) -> list[tuple[str, str]]:
    import spacy

    from pipeline.registry import load_pipeline

    files = bbc_files(args.docs)
    texts = raw_texts(files)
    words = n_words(texts)
    corpus = make_corpus(files, work / "ratio")
    bare_nlp = spacy.load(model)
    load_pipeline(model)  # the pipeline's model, loaded before timing (as bare's is)
    time_bare(bare_nlp, texts[:20], 64)  # warm-up
    bare_t, pipe_t = [], []
    for _ in range(args.repeats):
        bare_t.append(time_bare(bare_nlp, texts, 64))
        pipe_t.append(time_pipeline(corpus, work, model, args.batch_size))
        if args.verbose:
            print(f"  bare {bare_t[-1][0]:.2f}s (cpu {bare_t[-1][1]:.2f}s)  "
                  f"pipeline {pipe_t[-1][0]:.2f}s (cpu {pipe_t[-1][1]:.2f}s)", file=sys.stderr)
    b, p = min(t for t, _ in bare_t), min(t for t, _ in pipe_t)
    bc, pc = min(c for _, c in bare_t), min(c for _, c in pipe_t)
    results["ratio"] = {"docs": len(files), "words": words, "bare_s": bare_t, "pipeline_s": pipe_t,
                        "bare_wps": words / b, "pipeline_wps": words / p, "ratio": b / p, "cpu_ratio": bc / pc}
    return [(f"bare nlp.pipe, {len(files)} BBC articles ({words:,} words)", f"{words / b:,.0f} words/s"),
            ("full pipeline (run all, 1 worker), same articles", f"{words / p:,.0f} words/s"),
            ("time ratio bare/pipeline, wall clock (target >= 0.85)", f"{b / p:.2f}"),
            ("time ratio bare/pipeline, CPU seconds (less noisy)", f"{bc / pc:.2f}")]


def _scaling(args, model: str, work: Path, results: dict) -> tuple[list[tuple[str, str]], list[str]]:
    files = bbc_files(args.workers_docs)
    words = n_words(raw_texts(files))
    corpus = make_corpus(files, work / "workers")
    counts = sorted({int(n) for n in args.workers.split(",")})
    runs = [(n, "local") for n in counts] + ([(counts[-1], "dask")] if args.dask else [])
    got: dict = {r: [] for r in runs}
    bare: dict = {n: [] for n in counts if "spacy-scaling" not in args.skip}
    for _ in range(args.repeats):
        for n, engine in runs:
            got[(n, engine)].append(time_cli(corpus, work, model, n, engine, args.batch_size))
            if args.verbose:
                print("  " + describe(f"{engine} {n}", got[(n, engine)][-1]), file=sys.stderr)
        for n in bare:
            bare[n].append(time_bare_cli(corpus, model, n, args.batch_size))
            if args.verbose:
                print(f"  bare nlp.pipe n_process {n}: {bare[n][-1]['wall']:.1f} s "
                      f"(the pipe {bare[n][-1]['pipe']:.1f} s)", file=sys.stderr)
    best = {k: min(v, key=lambda r: r["wall"]) for k, v in got.items()}
    results["scaling"] = {f"{e}-{n}": v for (n, e), v in got.items()}
    rows, lines = [], []
    one = best.get((1, "local"))
    for (n, engine), r in best.items():
        label = f"run all{' --engine dask' if engine == 'dask' else ''}, {n} worker{'s' if n > 1 else ''}, {len(files)} articles"
        rows.append((label, f"{r['wall']:.1f} s, {words / r['wall']:,.0f} words/s"))
        lines.append(describe(label, r))
        if one is not None and n > 1:
            rows.append((f"speed-up {n} workers / 1 ({engine}), wall clock", f"{one['wall'] / r['wall']:.2f}x"))
    if one is not None:
        serial, par = one["serial"], one["window"]
        rows.append(("serial part of the 1-worker run, wall clock (target <= 4%)",
                     f"{serial:.1f} s = {100 * serial / one['wall']:.1f}%"))
        rows.append((f"Amdahl: speed-up of {AMDAHL_WORKERS} workers from it (target >= 10)",
                     f"{(serial + par) / (serial + par / AMDAHL_WORKERS):.1f}x"))
        s_cpu = min(r["serial_cpu"] for r in got[(1, "local")])
        p_cpu = min(r["phases_cpu"]["batches"] for r in got[(1, "local")])
        rows.append(("serial part of the 1-worker run, CPU seconds (target <= 4%)",
                     f"{s_cpu:.1f} s of {s_cpu + p_cpu:.1f} s = {100 * s_cpu / (s_cpu + p_cpu):.1f}%"))
        rows.append((f"Amdahl: speed-up of {AMDAHL_WORKERS} workers from the CPU seconds (target >= 10)",
                     f"{(s_cpu + p_cpu) / (s_cpu + p_cpu / AMDAHL_WORKERS):.1f}x"))
    if bare:
        results["bare_scaling"] = {str(n): v for n, v in bare.items()}
        fastest = {n: min(v, key=lambda r: r["wall"]) for n, v in bare.items()}
        for n, r in fastest.items():
            rows.append((f"bare nlp.pipe, n_process {n}, fresh process, {len(files)} articles",
                         f"{r['wall']:.1f} s (the pipe {r['pipe']:.1f} s), {words / r['wall']:,.0f} words/s"))
            if n > 1 and 1 in fastest:
                rows.append((f"speed-up n_process {n} / 1 (bare nlp.pipe), wall clock; the pipe alone",
                             f"{fastest[1]['wall'] / r['wall']:.2f}x; {fastest[1]['pipe'] / r['pipe']:.2f}x"))
    local = best.get((counts[-1], "local"))
    dask = best.get((counts[-1], "dask"))
    if local and dask:
        rows.append((f"dask / local at {counts[-1]} workers, wall clock (target <= 1.15)", f"{dask['wall'] / local['wall']:.2f}"))
    return rows, lines


def _rss(args, model: str, work: Path, results: dict) -> list[tuple[str, str]]:
    files = bbc_files(args.rss_docs)
    one = time_cli(make_corpus(files, work / "rss1"), work, model, args.rss_workers, "local", args.batch_size)
    four = time_cli(make_corpus(files, work / "rss4", copies=4), work, model, args.rss_workers, "local", args.batch_size)
    results["rss"] = {"x1": one, "x4": four}
    rows = [(f"peak RSS of the run's process, 1x = {one['docs']} articles, {args.rss_workers} worker(s)", f"{one['rss_mib']:,.0f} MiB"),
            (f"peak RSS of the run's process, 4x = {four['docs']} articles", f"{four['rss_mib']:,.0f} MiB"),
            ("RSS ratio 4x / 1x, run's process (target <= 1.2)", f"{four['rss_mib'] / one['rss_mib']:.2f}")]
    if args.rss_workers > 1:
        rows += [("peak RSS of the largest worker, 1x / 4x", f"{one['worker_rss_mib']:,.0f} / {four['worker_rss_mib']:,.0f} MiB"),
                 ("RSS ratio 4x / 1x, largest worker (target <= 1.2)", f"{four['worker_rss_mib'] / one['worker_rss_mib']:.2f}")]
    return rows


if __name__ == "__main__":
    sys.exit(main())
