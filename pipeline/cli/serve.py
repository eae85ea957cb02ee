"""``pipeline serve``: browse and search a run's tables in Datasette."""
from __future__ import annotations

import importlib.util
import json
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import typer

from ..errors import UsageError
from .app import command, console, escaped


@command("serve", help="Browse the tables in --out in Datasette (needs the 'serve' extra): full-text search over "
         "quotes and claims, facets on speaker, claim type, kind and about, each claim linked to its document. "
         "Stop it with Ctrl-C.")
def serve_cmd(
    out: Path = typer.Option(Path("data"), "--out", "-o", help="Folder with the tables (the --out of `pipeline run`)."),
    port: int = typer.Option(8001, "--port", "-p", min=0, max=65535, help="Port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
) -> None:
    if importlib.util.find_spec("datasette") is None:
        raise UsageError("`pipeline serve` needs Datasette: install the serve extra, pip install -e '.[serve]'")
    from ..exports.datasette import DATABASE, metadata
    from ..exports.tables_db import write_sqlite
    from ..runner.run_record import read_run_record
    from ..views.explore import load_tables
    from ..views.site_index import run_footer

    tables = load_tables(out)
    work = Path(tempfile.mkdtemp(prefix="claimex-serve-"))
    try:
        db = work / f"{DATABASE}.db"
        write_sqlite(tables, db, out)
        meta = work / "metadata.json"
        footer = run_footer(tables, read_run_record(out))
        meta.write_text(json.dumps(metadata(tables, f"claimex: {Path(out).resolve().name}", footer)), encoding="utf-8")
        if port:
            where = f"at http://{host}:{port}/{DATABASE}"
        else:  # the port is bound inside Datasette; its "Uvicorn running on" line gives it
            where = f"on a free port the system picks, at /{DATABASE}: Datasette's 'Uvicorn running on' line below gives the address"
        console.print(f"serving {escaped(out)} {where} (Ctrl-C stops it)", highlight=False, soft_wrap=True)
        cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(meta),
               "--host", host, "--port", str(port), "--setting", "suggest_facets", "off"]
        proc = subprocess.Popen(cmd)
        # Ctrl-C or a plain `kill` stops Datasette too and removes the database
        # (SIGINT is ignored in a process started in the background, so both are set)
        previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            console.print("stopped", highlight=False)
            return
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if code:
            hint = f" (is port {port} in use? try --port 0)" if port else ""
            raise UsageError(f"Datasette stopped with exit code {code}{hint}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stop(signum, frame):
    raise KeyboardInterrupt
