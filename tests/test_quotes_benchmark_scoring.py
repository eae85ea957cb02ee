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


def test_quotes_benchmark_reads_a_span_text_over_a_line_break(tmp_path):
    # PolNeAR train has a Content whose text runs over a line break: the next line
    # is the rest of the text, not a record of its own
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tSource 0 5\tTrump\nT2\tContent 11 40\tThe number of people\nThey vetted\n"
                   "T3\tCue 6 10\tsaid\nE1\tAttribution:T3 Content:T2 Cue:T3 Source:T1\n", encoding="utf-8")
    (g,) = bench.read_ann(ann)
    assert g.content == [(11, 40)] and g.source_text == "Trump"


def _article(text, gold):
    return bench.Article("a", text, gold)


def _gold(text, content, source, direct=False):
    c0 = text.index(content)
    s0 = text.index(source)
    return bench.GoldAtt([(c0, c0 + len(content))], [(s0, s0 + len(source))], "said", content, source,
                         [], True, direct)


def _pred(text, quote, mention, head=None, kind="indirect"):
    q0, m0 = text.index(quote), text.index(mention)
    h0 = text.index(head or mention.split()[-1], m0)
    return bench.Pred(kind, q0, q0 + len(quote), mention, (m0, m0 + len(mention)), quote,
                      (h0, h0 + len(head or mention.split()[-1])))


TEXT = ("Steve Smith, a veteran editor who teaches journalism, said the economy is weak and voters are angry "
        "about the deal.")


def test_quotes_benchmark_strict_mode_needs_token_f1_half():
    gold = _gold(TEXT, "the economy is weak and voters are angry about the deal", "Steve Smith, a veteran editor")
    art = _article(TEXT, [gold])
    short = _pred(TEXT, "the economy is weak", "Steve Smith")          # 4 of 11 tokens: F1 0.53
    shorter = _pred(TEXT, "the economy", "Steve Smith")                # F1 0.31
    assert bench.score([art], {"a": [short]}, "strict")["indirect (speech) recall"] == 1.0
    assert bench.score([art], {"a": [shorter]}, "strict")["indirect (speech) recall"] == 0.0
    assert bench.score([art], {"a": [shorter]}, "strict")["precision"] == 0.0


def test_quotes_benchmark_overlap_mode_counts_what_lies_mostly_inside():
    gold = _gold(TEXT, "the economy is weak and voters are angry about the deal", "Steve Smith, a veteran editor")
    art = _article(TEXT, [gold])
    halves = [_pred(TEXT, "the economy is weak", "Steve Smith"), _pred(TEXT, "voters are angry", "Steve Smith")]
    got = bench.score([art], {"a": halves}, "overlap")
    assert got["indirect (speech) recall"] == 1.0 and got["precision"] == 1.0  # 7 of 11 tokens covered
    one = bench.score([art], {"a": halves[:1]}, "overlap")
    assert one["indirect (speech) recall"] == 0.0 and one["precision"] == 1.0   # 4 of 11: not found, still right
    # a prediction mostly outside the gold content neither finds it nor is right
    wide = [_pred(TEXT, "Steve Smith, a veteran editor who teaches journalism, said the economy", "Steve Smith")]
    got = bench.score([art], {"a": wide}, "overlap")
    assert got["indirect (speech) recall"] == 0.0 and got["precision"] == 0.0


@pytest.mark.parametrize(("mode", "mention", "head", "right"), [
    ("strict", "Steve Smith", None, True),      # token F1 0.67 with "Steve Smith, a veteran editor"
    ("strict", "Smith", None, False),           # F1 0.29 and another last word ("editor")
    ("overlap", "Smith", None, True),           # its head lies inside the Source span
    ("overlap", "journalism", None, False),
])
def test_quotes_benchmark_speaker_modes(mode, mention, head, right):
    gold = _gold(TEXT, "the economy is weak and voters are angry about the deal", "Steve Smith, a veteran editor")
    pred = _pred(TEXT, "the economy is weak and voters are angry about the deal", mention, head)
    got = bench.score([_article(TEXT, [gold])], {"a": [pred]}, mode)
    assert got["indirect speaker accuracy"] == (1.0 if right else 0.0)


def test_quotes_benchmark_overlap_speaker_before_relative_who():
    text = "Mr. Clarke, who said the mine would reopen, left."
    gold = _gold(text, "the mine would reopen", "who")
    pred = _pred(text, "the mine would reopen", "Mr. Clarke", "Clarke")
    assert bench.score([_article(text, [gold])], {"a": [pred]}, "overlap")["indirect speaker accuracy"] == 1.0
    assert bench.score([_article(text, [gold])], {"a": [pred]}, "strict")["indirect speaker accuracy"] == 0.0


def test_quotes_benchmark_direct_gold_needs_a_direct_quote():
    text = 'He said "we will win the election" on Monday.'
    gold = _gold(text, '"we will win the election"', "He", direct=True)
    indirect = _pred(text, "we will win the election", "He")
    direct = _pred(text, "we will win the election", "He", kind="direct")
    assert bench.score([_article(text, [gold])], {"a": [indirect]}, "overlap")["direct recall"] == 0.0
    assert bench.score([_article(text, [gold])], {"a": [direct]}, "overlap")["direct recall"] == 1.0
    # the row that reads the "system quotes" with no kind counts the indirect one
    for pred in (indirect, direct):
        got = bench.score([_article(text, [gold])], {"a": [pred]}, "overlap")
        assert got["direct recall, by a quote of any kind"] == 1.0


def test_quotes_benchmark_mixed_quote_found_by_its_clause_in_the_any_kind_row():
    # PolNeAR usa-today: a gold "direct" content (it starts with a mark) that runs on unquoted
    text = 'He said "budget reforms" and the collection of unpaid taxes would help finance them.'
    gold = _gold(text, '"budget reforms" and the collection of unpaid taxes would help finance them', "He",
                 direct=True)
    partial = _pred(text, "budget reforms", "He", kind="direct")
    clause = _pred(text, '"budget reforms" and the collection of unpaid taxes would help finance them', "He")
    got = bench.score([_article(text, [gold])], {"a": [partial, clause]}, "overlap")
    assert got["direct recall"] == 0.0 and got["direct recall, by a quote of any kind"] == 1.0
    assert bench.score([_article(text, [gold])], {"a": [partial]}, "overlap")[
        "direct recall, by a quote of any kind"] == 0.0


def test_quotes_benchmark_overlap_head_word_compared_as_tokens():
    # the head token `Jr.` carries its period; the gold Source `... Biden Jr` does not
    text = "Vice President Joseph R. Biden Jr. warned that the dangers had grown."
    gold = _gold(text, "the dangers had grown", "Vice President Joseph R. Biden Jr")
    pred = _pred(text, "the dangers had grown", "Vice President Joseph R. Biden Jr.", "Jr.")
    assert bench.score([_article(text, [gold])], {"a": [pred]}, "overlap")["indirect speaker accuracy"] == 1.0


@pytest.mark.parametrize(("text", "source", "right"), [
    # the head `%` of `26%` has no word: its characters lie inside the Source
    ("Most voters are young; 26% say they are conservative.", "26%", True),
    ("Most voters are young; 26% say they are conservative.", "Most voters", False),
    # ... and the mention right before a relative `who` is still its antecedent
    ("Most voters are young; 26%, who say they are conservative, vote.", "who", True),
])
def test_quotes_benchmark_overlap_head_without_a_word(text, source, right):
    gold = _gold(text, "they are conservative", source)
    pred = _pred(text, "they are conservative", "26%", "%")
    got = bench.score([_article(text, [gold])], {"a": [pred]}, "overlap")["indirect speaker accuracy"]
    assert got == (1.0 if right else 0.0)


@pytest.mark.parametrize(("mention", "head", "right"), [
    ("the 30 percent of voters", "percent", True),    # the noun phrase right before `who`
    ("voters", None, True),
    ("the 30 percent", "percent", False),             # a mention that stops short of `who`
])
def test_quotes_benchmark_overlap_who_antecedent_is_the_mention_before_it(mention, head, right):
    text = "Among the 30 percent of voters who said the economy is weak, most stayed home."
    gold = _gold(text, "the economy is weak", "who")
    pred = _pred(text, "the economy is weak", mention, head)
    got = bench.score([_article(text, [gold])], {"a": [pred]}, "overlap")["indirect speaker accuracy"]
    assert got == (1.0 if right else 0.0)


def test_quotes_benchmark_strict_last_word_read_both_ways():
    # `Smith` for `Steve Smith, a veteran editor`: not the same last word, but the
    # mention's last word lies inside the Source
    gold = _gold(TEXT, "the economy is weak and voters are angry about the deal", "Steve Smith, a veteran editor")
    pred = _pred(TEXT, "the economy is weak and voters are angry about the deal", "Smith")
    got = bench.score([_article(TEXT, [gold])], {"a": [pred]}, "strict")
    assert got["indirect speaker accuracy"] == 0.0
    assert got["indirect speaker, last word in Source"] == 1.0


def test_quotes_benchmark_gold_without_source_counts_as_wrong_speaker_and_is_reported_apart():
    text = "Asked whether he would run, Smith said no. Jones said the vote was fair."
    asked = bench.GoldAtt([(text.index("whether"), text.index(", Smith"))], [], "Asked", "whether he would run", "",
                          [], True, False)
    jones = _gold(text, "the vote was fair", "Jones")
    preds = [_pred(text, "whether he would run", "Smith"), _pred(text, "the vote was fair", "Jones")]
    got = bench.score([_article(text, [asked, jones])], {"a": preds}, "overlap")
    assert got["indirect (speech) recall"] == 1.0
    assert got["indirect speaker accuracy"] == 0.5
    assert got["indirect speaker, gold with a Source"] == 1.0
