"""The PolNeAR benchmark's own scoring (benchmarks/quote_attribution.py): brat
parsing, the speech-cue test and token-overlap matching must mean what its
report says."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "quote_attribution.py"
_spec = importlib.util.spec_from_file_location("quote_attribution", _PATH)
bench = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("quote_attribution", bench)  # dataclasses look their module up by name
_spec.loader.exec_module(bench)


def test_quotes_benchmark_reads_brat_attributions(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tcontent a\n"
        "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tContent 40 50\torphan\n#1\tAnnotatorNotes T1\tnote\n",
        encoding="utf-8",
    )
    (g,) = bench.read_ann(ann)
    assert g.content == [(11, 20), (25, 30)] and g.source == [(0, 5)] and g.cue_text == "said"


@pytest.mark.parametrize(("cue", "speech"), [
    ("said", True), ("says", True), ("told", True), ("has warned", True), ("pointed out", True),
    ("According to", True), ("emphasized", True), ("tweeted", True), ("urges", True),
    ("believes", False), ("seemed to capture", False), ("thinks", False), (":", False),
])
def test_quotes_benchmark_speech_cues(cue, speech):
    assert bench.is_speech(cue, bench.speech_cue_words()) is speech


def test_quotes_benchmark_token_overlap():
    toks = bench.Tokens("one two three four five six")
    gold = toks.ids([(0, 27)])          # six tokens
    assert bench.overlaps(toks.ids([(0, 7)]), gold)       # a shorter prediction inside it
    assert not bench.overlaps(toks.ids([(0, 3)]), toks.ids([(4, 27)]))
    assert not bench.overlaps(set(), gold)
