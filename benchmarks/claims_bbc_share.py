"""How many claims of a run are marked check-worthy, overall, by claim type and at
other cut-offs of ``check_worthy_score`` (the share a user of the flag sees).

    pipeline run all --input ../shared/data/news/bbc/politics --out /tmp/bbc
    python benchmarks/claims_bbc_share.py /tmp/bbc

There are no check-worthiness labels for news, so this is no accuracy figure: it
says how selective the flag is on real news (the issue that asked for this
measured 43% of BBC politics claims flagged before check-worthiness was decided
by the content). The cut-offs are those of the model card's trade-off table.
"""
from __future__ import annotations

import argparse
from pathlib import Path

CUTOFFS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the --out folder of a run")
    args = ap.parse_args()
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
        print("share at other cut-offs: " + ", ".join(f"{t}: {(score >= t).mean():.1%}" for t in CUTOFFS))


if __name__ == "__main__":
    main()
