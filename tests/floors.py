"""Per-stage gold floors: the one place they live (see tests/test_evaluate_gold.py).

``FLOORS[stage][metric]`` is the lowest acceptable value of a ``pipeline eval``
metric on the five seeds. Raise a floor when a stage gets better; never lower
one to get green.

quotes (issue 4), measured with the `gold` branch scorer and gold at 8102521 on
branch `quotes`: every metric 1.000 (43 gold quotes, 19 direct, 24 indirect).
The floors sit at the issue's targets plus margin rather than at 1.0, because
the quotes stage reads the entities stage's canonical names, which change as
issue 3 lands; they still fail on any real regression (one lost direct quote
or one wrong direct speaker costs ~0.05).
"""

FLOORS: dict[str, dict[str, float]] = {
    "quotes": {
        "f1": 0.95,
        "speaker_f1": 0.95,
        "direct_speaker_f1": 0.95,
        "indirect_speaker_f1": 0.9,
        "speaker_accuracy": 0.95,
    },
}
