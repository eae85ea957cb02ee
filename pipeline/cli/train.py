"""``pipeline train-claims``: retrain the claim model from the public claim data."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError, UsageError
from .app import command, out_console

_REPO = Path(__file__).resolve().parents[2]


@command("train-claims", help="Train the claim model from the public claim data and write it (needs the 'train' extra: scikit-learn).")
def train_claims_cmd(
    data: Path = typer.Option(_REPO.parent / "shared" / "data" / "claims", "--data",
                              help="Folder with the CheckThat!/ClaimBuster files (default: ../shared/data/claims beside the repo)."),
    out: Path = typer.Option(_REPO / "pipeline" / "stages" / "claims" / "trained", "--out", "-o",
                             help="Folder to write claims_model.npz and model.json into (default: the packaged model)."),
    seed: int = typer.Option(20241, "--seed", help="Random seed for the cross-validation split and the solver."),
    no_cv: bool = typer.Option(False, "--no-cv", help="Skip the news-subjectivity cross-validation (faster)."),
) -> None:
    try:
        from ..stages.claims.training import TrainSettings, train
    except ImportError as exc:
        raise UsageError(f"training needs scikit-learn ({exc}); install the extra: pip install -e '.[train]'") from None
    try:
        train(data, out, TrainSettings(seed=seed), cross_validate=not no_cv, log=out_console.print)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
