"""How many claims of a run are marked check-worthy, overall, by claim type and at
other cut-offs of ``check_worthy_score`` (the share a user of the flag sees).

    mkdir /tmp/bbc300 && ls ../shared/data/news/bbc/politics/*.txt | head -300 | xargs cp -t /tmp/bbc300
    pipeline run all --input /tmp/bbc300 --out /tmp/bbc
    python benchmarks/claims_bbc_share.py /tmp/bbc

There are no check-worthiness labels for news, so this is no accuracy figure: it
says how selective the flag is on real news (42.9% of the claims of the first 300
BBC politics articles were flagged before check-worthiness was decided by the
content, 44.1% after; model card). The cut-offs are those of the model card's trade-off table
(``training.TRADEOFF``), so each share sits beside the held-out precision and recall
of the same cut-off.
"""
from __future__ import annotations

import argparse
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the --out folder of a run")
    args = ap.parse_args()
    from pipeline.stages.claims.training import TRADEOFF
    from pipeline.tables import read_table

    claims = read_table(args.out, "claims")
    n = len(claims)
    worthy = claims["check_worthy"].astype(bool)
    print(f"{n} claims in {claims['doc_id'].nunique()} documents; check-worthy: {worthy.mean():.1%}")
    by_type = worthy.groupby(claims["claim_type"]).agg(["mean", "size"])
    print("by type: " + ", ".join(f"{t} {r['mean']:.1%} of {int(r['size'])}" for t, r in by_type.iterrows()))
    if "check_worthy_score" in claims.columns and claims["check_worthy_score"].notna().all():
        score = claims["check_worthy_score"]
        print(f"mean check_worthy_score {score.mean():.3f} (the share expected if the debates' calibration held for news)")
        print("share at other cut-offs: " + ", ".join(f"{t}: {(score >= t).mean():.1%}" for t in TRADEOFF))


if __name__ == "__main__":
    main()
