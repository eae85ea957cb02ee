"""claimex: news articles -> who claimed what, about whom, of what kind, where.

The library surface (everything here is in ``__all__`` and documented)::

    from pipeline import extract, load
    tables = extract(["text one", "text two"])      # the tables of `pipeline run all`, in memory
    tables.quotes, tables.claims                      # pandas DataFrames
    tables = load("data")                             # the tables of an earlier run

For spaCy users, ``nlp.add_pipe("claimex")`` (registered through the
``spacy_factories`` entry point, ``pipeline.spacy_component``) fills
``doc.spans["quotes"]`` and ``doc.spans["claims"]``.

Importing the package is cheap: spaCy, pandas and the stages are imported on
first use of ``extract``, ``load`` or ``Tables`` (``__getattr__`` below).
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Tables", "__version__", "extract", "load"]

#: public name -> the module that defines it (imported on first access)
_LAZY = {"extract": "pipeline.api", "load": "pipeline.api", "Tables": "pipeline.api"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
