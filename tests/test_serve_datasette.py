"""``pipeline serve``: Datasette over the SQLite export, started on localhost,
queried through its JSON API, and stopped (skipped without the serve extra)."""
from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .report_tables import write_handmade

pytest.importorskip("datasette")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return json.loads(r.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_answers_a_search_over_claims_with_facets_and_document_links(seed_run, seed_tables, tmp_path):
    out, _ = seed_run
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--out", str(out), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/claimex"
        data = _get(f"{base}/claims.json?_search=Aleinik&_shape=objects&_labels=on&_size=max", time.monotonic() + 90)
        c = seed_tables["claims"]
        want = c[c["text"].str.contains("Aleinik") | (c["speaker"] == "Sergey Aleinik")]
        assert len(data["rows"]) == len(want) > 0
        row = data["rows"][0]
        # the claim links to its document, labelled with the title
        titles = dict(zip(seed_tables["documents"]["doc_id"], seed_tables["documents"]["title"]))
        assert row["doc_id"]["label"] == titles[row["doc_id"]["value"]]
        facets = data["facet_results"]
        facets = facets["results"] if "results" in facets else facets
        assert {"speaker", "claim_type"} <= set(facets)
        quotes = _get(f"{base}/quotes.json?_shape=objects&_size=max", time.monotonic() + 10)
        assert {"speaker", "kind"} <= set(quotes["facet_results"].get("results", quotes["facet_results"]))
        assert len(quotes["rows"]) == len(seed_tables["quotes"])
    finally:
        proc.send_signal(signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output
    assert "stopped" in output


@pytest.mark.parametrize("port, shown", [(0, "on a free port the system picks, at /claimex"),
                                         (8123, "at http://127.0.0.1:8123/claimex")])
def test_serve_prints_an_address_that_works(tmp_path, monkeypatch, port, shown):
    started = []

    class Datasette:  # ends at once; records how it was started
        def __init__(self, cmd):
            started.append(cmd)

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr("pipeline.cli.serve.subprocess.Popen", Datasette)
    out = write_handmade(tmp_path / "data")
    result = CliRunner().invoke(app, ["serve", "--out", str(out), "--port", str(port)], terminal_width=80)
    assert result.exit_code == 0, result.output
    assert shown in result.output and ":0/" not in result.output, result.output
    (cmd,) = started
    assert cmd[cmd.index("--port") + 1] == str(port)
