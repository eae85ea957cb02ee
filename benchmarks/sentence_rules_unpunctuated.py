"""Manual check: the sentence rules bound sentence length on unpunctuated text.

Builds a text of N words with no sentence punctuation and no line breaks
(default 400,000 words, ~2.5 M characters: larger than spaCy's max_length, so
the tokenizer and the ``sentence_rules`` component run without the parser),
and reports the longest sentence and the time taken. Then parses a 150,000-
character piece with the full pipeline to show the parser keeps the bound.

    PYTHONPATH=$PWD python benchmarks/sentence_rules_unpunctuated.py [N_WORDS]
"""
from __future__ import annotations

import random
import sys
import time

from pipeline.registry import load_pipeline
from pipeline.stages.sentences.rules import MAX_SENT_TOKENS, sentence_rules


def main(n_words: int = 400_000) -> None:
    rng = random.Random(0)
    vocab = ["security", "the", "OSCE", "dialogue", "Belarus", "minister", "and", "of", "Europe", "charter",
             "talks", "in", "Minsk", "new", "conference", "states", "said", "Vienna", "today", "we"]
    text = " ".join(rng.choice(vocab) for _ in range(n_words))
    nlp = load_pipeline()
    nlp.max_length = len(text) + 1
    t0 = time.perf_counter()
    doc = nlp.make_doc(text)
    t1 = time.perf_counter()
    doc = sentence_rules(doc)
    t2 = time.perf_counter()
    starts = [t.i for t in doc if t.is_sent_start] + [len(doc)]
    lengths = [b - a for a, b in zip(starts, starts[1:])]
    print(f"{n_words:,} words, {len(text):,} chars, {len(doc):,} tokens: tokenizer {t1 - t0:.1f} s, "
          f"sentence_rules {t2 - t1:.1f} s; {len(lengths):,} sentences, longest {max(lengths)} tokens "
          f"(MAX_SENT_TOKENS={MAX_SENT_TOKENS})")
    piece = text[:150_000]
    t3 = time.perf_counter()
    parsed = nlp(piece)
    t4 = time.perf_counter()
    plen = [len(s) for s in parsed.sents]
    print(f"full parse of {len(piece):,} chars: {t4 - t3:.1f} s, {len(plen)} sentences, longest {max(plen)} tokens")
    assert max(lengths) <= MAX_SENT_TOKENS and max(plen) <= MAX_SENT_TOKENS


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400_000)
