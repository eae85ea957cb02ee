"""The claim model's figures on sources held out from training, and its reliability curves.

    python benchmarks/claims_heldout.py [--data ../shared/data] [--teacher FILE] [--checkworthy-teacher FILE] [--previous]

Runs the source-held-out protocol of ``pipeline train-claims``
(``pipeline/stages/claims/protocol.py``, ``training.evaluate_protocol``) with the
shipped model's settings and prints every held-out figure of the model card:

* check-worthiness (CheckThat! 2024 task 1 train + dev): F1 of "Yes" on the three
  2016 debates held out (trained on the 1960-2012 debates: the setting closest to
  new debates) and over a 5-fold CV that holds out whole debates; the trade-off
  table of thresholds; the reliability curve of ``check_worthy_score``;
* factual vs. non-factual (CheckThat! 2023 news subjectivity): macro-F1 over
  repeated 5-fold CV and over a CV that holds out whole topics; the reliability
  curve of P(non-factual), from which ``confidence`` comes.

The out-of-fold logits are cached in the system temp directory by ``train-claims``
(keyed by settings, data, teacher labels, embedding table and the training code's
``LOGITS_VERSION``), so after a training
run this prints in seconds; otherwise it fits the folds (about 20-30 CPU minutes).
Then it checks that the figures equal those recorded in the shipped ``model.json``.

``--previous`` also runs the debate splits for the model before this one (the
"before" column of the model card): the same settings without the check-worthiness
teacher's soft labels (``cw_pseudo_weight`` 0; its ``nonfactual`` head has this
one's settings), calibrated the same way. About 5 more CPU minutes; the logits are cached
in the system temp directory. Needs the ``train`` extra and the shared data.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _curve(name: str, rel: dict) -> None:
    print(f"\nreliability, {name} (ECE {rel['ece']:.3f})")
    print(f"{'bin':>10s}{'n':>8s}{'mean score':>12s}{'observed':>10s}")
    for lo, hi, n, pred, obs in rel["rows"]:
        if n:
            print(f"{lo:4.1f}-{hi:3.1f}   {n:8d}{pred:12.3f}{obs:10.3f}")


def previous_logits(data, s, log) -> dict:
    """Out-of-fold debate logits of the model before this one (see --previous): the
    shipped settings with no check-worthiness teacher (``cw_pseudo_weight`` 0)."""
    import dataclasses

    from pipeline.stages.claims.training import cached_logits, debate_logits

    s = dataclasses.replace(s, cw_pseudo_weight=0.0)
    # no teacher labels in these fits: a new teacher file leaves their cached logits valid
    return cached_logits("previous", s, data, lambda: debate_logits(s, data, None, log, "previous "), log,
                         label_files=())


def previous_figures(data, oof: dict) -> None:
    from pipeline.stages.claims import protocol as P
    from pipeline.stages.claims.training import calibrated_checkworthy, checkworthy_thresholds

    y = data.debates.y
    # calibrated as the shipped model is, so the thresholds are on the same scale
    _, pg, new, pn = calibrated_checkworthy(y, oof)
    t, tg, tn = checkworthy_thresholds(y, pg, new, pn)  # chosen as the shipped model's are
    f1_new = lambda th: P.f1_pos(y[new], (pn >= th).astype(int))  # noqa: E731
    print("\nthe model before the check-worthiness teacher, same splits (the same nonfactual settings):")
    print(f"  check-worthy F1, 2016 debates: at its threshold ({t:.2f}, the best mean of both settings) "
          f"{f1_new(t):.3f}; chosen on the debate CV ({tg:.2f}) {f1_new(tg):.3f}; 2016's own best ({tn:.2f}) "
          f"{f1_new(tn):.3f}")
    print(f"  check-worthy F1, debate CV: at {t:.2f} {P.f1_pos(y, (pg >= t).astype(int)):.3f}; best "
          f"{P.f1_pos(y, (pg >= tg).astype(int)):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    from pipeline.stages.claims.teacher import LABEL_FILES

    ap.add_argument("--teacher", type=Path, default=LABEL_FILES["nonfactual"])
    ap.add_argument("--checkworthy-teacher", type=Path, default=LABEL_FILES["checkworthy"])
    ap.add_argument("--previous", action="store_true", help="also the previous model's settings on the same splits")
    args = ap.parse_args()
    from pipeline.stages.claims.model import CONFIG_FILE, MODEL_DIR
    from pipeline.stages.claims.training import (TrainSettings, _rounded, cached_protocol_logits, evaluate_protocol,
                                                 load_data)

    shipped = json.loads((ROOT / "pipeline" / "stages" / "claims" / MODEL_DIR / CONFIG_FILE).read_text(encoding="utf-8"))
    s = TrainSettings(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in shipped["settings"].items()})
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    data = load_data(args.data, args.teacher, args.checkworthy_teacher, s, log=log)
    report = evaluate_protocol(data, cached_protocol_logits(s, data, log=log))
    cw, nf = report["checkworthy"], report["nonfactual"]

    t = cw["threshold"]
    print(f"check-worthiness, threshold {t:.2f} on the calibrated score (the best mean F1 of the two settings below)")
    for key, label in (("ct_new", "2016 debates held out"),
                       ("ct_group", "whole debates held out, 5-fold CV")):
        r = cw[key]
        print(f"  {label:46s} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  flagged {r['flagged']:.1%}")
    print(f"  per debate fold: {', '.join(f'{x:.3f}' for x in cw['ct_group']['folds_f1'])}")
    g, m = cw["ct_new_at_group_threshold"], cw["ct_new_best"]
    print(f"  clean estimate for new debates: the debate CV's own best threshold, {g['threshold']:.2f}, gives 2016 F1 "
          f"{g['f1']:.3f} (P {g['precision']:.3f}, R {g['recall']:.3f}); 2016's own optimum, "
          f"{m['threshold']:.2f}: {m['f1']:.3f}")
    print(f"  base rate: debates {cw['base_rate']['debates']:.1%}, 2016 {cw['base_rate']['2016']:.1%}")
    print(f"\n{'threshold':>9s}  {'debate CV P / R / F1 / flagged':>32s}  {'2016 P / R / F1 / flagged':>30s}")
    for row in cw["tradeoff"]:
        a, b = row["ct_group"], row["ct_new"]
        print(f"{row['threshold']:9.2f}  {a['precision']:.2f} / {a['recall']:.2f} / {a['f1']:.3f} / {a['flagged']:4.0%}"
              f"          {b['precision']:.2f} / {b['recall']:.2f} / {b['f1']:.3f} / {b['flagged']:4.0%}")
    _curve("check_worthy_score, every debate sentence held out by debate (Platt map cross-fitted over halves of the debates)",
           cw["reliability_debates"])
    _curve("check_worthy_score, 2016 debates (model and Platt map fitted on 1960-2012 only)", cw["reliability_2016"])

    print(f"\nfactual vs. non-factual, decided at {nf['threshold']:.2f} on the calibrated P(non-factual)")
    print(f"  news sentences, repeated 5-fold CV: macro-F1 {nf['news_rep_macro_f1']:.3f} "
          f"(repetitions {', '.join(f'{x:.3f}' for x in nf['news_rep_macro_f1_per_rep'])})")
    print(f"  whole news topics held out: macro-F1 {nf['news_topic_macro_f1']:.3f}")
    best = nf["macro_f1_best"]
    print(f"  (the macro-F1-best threshold, {best['threshold']:.2f}: {best['news_rep']:.3f} / {best['news_topic']:.3f})")
    print(f"\n{'threshold':>9s}{'repeated CV':>13s}{'topics held out':>17s}{'typed non-factual':>19s}")
    for row in nf["tradeoff"]:
        print(f"{row['threshold']:9.2f}{row['news_rep']:13.3f}{row['news_topic']:17.3f}{row['flagged']:19.1%}")
    _curve("P(non-factual), 830 news sentences (Platt map cross-fitted over two halves)", nf["reliability_news"])

    if args.previous:
        previous_figures(data, previous_logits(data, s, log))
    same = json.loads(json.dumps(_rounded(report), sort_keys=True)) == shipped["protocol"]
    print(f"\nthe shipped model.json records {'the same' if same else 'OTHER'} figures")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
