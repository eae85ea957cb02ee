"""Commands that rebuild the shipped models from the public data:

* ``pipeline train-claims``: the claim model (the ``train`` extra: scikit-learn);
* ``pipeline teacher-labels``: the MiniLM teachers' soft labels that train-claims
  distils (the ``teacher`` extra: torch, sentence-transformers).
"""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError, UsageError
from ..stages.claims.teacher import LABEL_FILES as _LABELS, write_teacher_labels
from .app import command, out_console

_REPO = Path(__file__).resolve().parents[2]
_SHARED = _REPO.parent / "shared" / "data"
_CLAIMS_DIR = _REPO / "pipeline" / "stages" / "claims"


def _log(message: str) -> None:
    """A progress line as written: without markup, so a path with brackets prints as named."""
    out_console.print(message, markup=False)


def _needs(extra: str, exc: ImportError) -> UsageError:
    return UsageError(f"this command needs the '{extra}' extra ({exc}); install it: pip install -e '.[{extra}]'")


@command("train-claims", help="Train the claim model from the public claim data and write it (needs the 'train' extra: scikit-learn).")
def train_claims_cmd(
    data: Path = typer.Option(_SHARED, "--data",
                              help="The shared data folder (claims/, news/, polnear/; default: ../shared/data beside the repo)."),
    out: Path = typer.Option(_CLAIMS_DIR / "trained", "--out", "-o",
                             help="Folder to write claims_model.npz and model.json into (default: the packaged model)."),
    teacher: Path = typer.Option(_LABELS["nonfactual"], "--teacher",
                                 help="The non-factual teacher's soft labels (`pipeline teacher-labels`; default: the "
                                      "committed file)."),
    cw_teacher: Path = typer.Option(_LABELS["checkworthy"], "--checkworthy-teacher",
                                    help="The check-worthiness teacher's soft labels (`pipeline teacher-labels --head "
                                         "checkworthy`; default: the committed file)."),
    seed: int = typer.Option(20241, "--seed", help="Random seed of the solver and the data splits."),
    no_protocol: bool = typer.Option(False, "--no-protocol",
                                     help="Skip the source-held-out protocol and keep the calibration, thresholds and "
                                          "figures of the model already in --out (much faster; for trying settings)."),
) -> None:
    try:
        from ..stages.claims.training import TrainSettings, train
    except ImportError as exc:
        raise _needs("train", exc) from None
    if data.name == "claims" and (data / "ct24_checkworthy_train.tsv").is_file():
        data = data.parent  # the claims folder itself was given (the option's earlier meaning)
    try:
        train(data, out, teacher, cw_teacher, TrainSettings(seed=seed), protocol=not no_protocol, log=_log)
    except FileNotFoundError as exc:  # missing data; labels made from other data raise ClaimDataError
        raise InputError(str(exc)) from None


@command("teacher-labels", help="Soft labels of a MiniLM teacher on unlabelled news sentences, for train-claims "
                                "(needs the 'teacher' and 'train' extras).")
def teacher_labels_cmd(
    head: str = typer.Option("nonfactual", "--head",
                             help="Which head's teacher: nonfactual (a logistic regression on MiniLM embeddings, "
                                  "minutes) or checkworthy (MiniLM fine-tuned on the 1960-2012 debates, then every "
                                  "BBC/PolNeAR sentence labelled: 20-30 minutes on 2 cores)."),
    data: Path = typer.Option(_SHARED, "--data", help="The shared data folder (default: ../shared/data beside the repo)."),
    out: Path = typer.Option(None, "--out", "-o",
                             help="File to write (default: the committed file of --head that train-claims reads)."),
    work: Path = typer.Option(None, "--work", help="Folder for the unpacked MiniLM and cached embeddings "
                                                  "(default: the system temp folder)."),
) -> None:
    if head not in _LABELS:
        raise UsageError(f"--head {head!r}: choose one of {', '.join(_LABELS)}")
    out = out or _LABELS[head]
    try:
        if head == "checkworthy":
            from ..stages.claims.checkworthy_teacher import write_checkworthy_labels

            write_checkworthy_labels(data, out, work, log=_log)
        else:
            write_teacher_labels(data, out, work, log=_log)
    except ImportError as exc:
        raise _needs("teacher", exc) from None
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from None
