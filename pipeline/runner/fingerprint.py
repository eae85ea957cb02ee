"""What a run's results depend on: the parse key and the run fingerprint.

* ``parse_key(model)`` names the cached parse (``parse_cache``): the model, its
  version and a hash of all of its files (``model_weights``), the spaCy version, the components that never run in the parse,
  and exactly the files that shape it: the loader, the compiled attribute
  rules, the DocBin writer, and each stage's parse component (registry
  ``components``) with the helper modules it names in ``PARSE_MODULES`` and the
  word lists it names in ``RESOURCES``. Editing any other file keeps the cache.
* ``run_fingerprint(settings, stages)`` names a complete ``run all``: the model
  and the hash of its files, spaCy, the selected stages and every source and resource file of the package.
  An incremental rerun reuses earlier rows only under the same fingerprint.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Iterable

from ..nlp.loader import LAZY_COMPONENTS, load_nlp
from ..registry import parse_components

_PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: the modules every parse runs through, whatever the stages (package-relative); the word list is
#: long_texts.py's (where a long text is cut), listed here whether or not the sentences stage is registered
_PARSE_CORE = ("nlp/loader.py", "nlp/attribute_rules.py", "nlp/docs.py", "runner/parse_cache.py",
               "runner/long_texts.py", "resources/__init__.py", "resources/sentence_abbreviations.txt")


def _rel(module: ModuleType) -> str:
    return Path(module.__file__).resolve().relative_to(_PACKAGE_DIR).as_posix()


def parse_files(components: Iterable[ModuleType] | None = None) -> tuple[str, ...]:
    """Package-relative paths of every file that shapes the cached parse."""
    comps = parse_components() if components is None else tuple(components)
    files = set(_PARSE_CORE)
    for comp in comps:
        files.add(_rel(comp))
        files.update(_rel(m) for m in getattr(comp, "PARSE_MODULES", ()))
        files.update(f"resources/{name}.txt" for name in getattr(comp, "RESOURCES", ()))
    return tuple(sorted(files))


def _hash_files(rels: Iterable[str]) -> str:
    h = hashlib.sha256()
    for rel in sorted(rels):
        h.update(rel.encode())
        h.update((_PACKAGE_DIR / rel).read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=4)
def code_hash(parse_only: bool = False) -> str:
    """sha256 over the package's source and resource files (not __pycache__);
    with ``parse_only`` over the files that shape the parse only."""
    if parse_only:
        return _hash_files(parse_files())
    rels = []
    for p in _PACKAGE_DIR.rglob("*"):
        rel = p.relative_to(_PACKAGE_DIR).as_posix()
        if p.is_file() and "__pycache__" not in rel and p.suffix not in (".pyc", ".pyo"):
            rels.append(rel)
    return _hash_files(rels)


def model_dir(model: str) -> Path | None:
    """The folder a model is loaded from: a path, or an installed package's folder."""
    import spacy

    if Path(model).is_dir():
        return Path(model)
    if spacy.util.is_package(model):
        try:
            return Path(spacy.util.get_package_path(model))
        except (ImportError, OSError, AttributeError):
            return None
    return None


def _model_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"))


@lru_cache(maxsize=8)
def _weights_hash(files: tuple[tuple[str, int, int], ...], folder: str) -> str:
    h = hashlib.sha256()
    for rel, _size, _mtime in files:
        h.update(rel.encode())
        with open(Path(folder) / rel, "rb") as fh:
            h.update(hashlib.file_digest(fh, "sha256").digest())
    return h.hexdigest()


def model_weights(model: str) -> str:
    """sha256 over every file of the model (weights, vocab, config, meta), so new
    weights at the same path or package version are noticed even when
    ``meta.json`` is unchanged. Hashed once per process per state of the files
    (en_core_web_sm: 13 MB, about 20 ms)."""
    folder = model_dir(model)
    if folder is None:
        return "unknown"
    files = []
    for p in _model_files(folder):
        st = p.stat()
        files.append((p.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
    return _weights_hash(tuple(files), str(folder))


@lru_cache(maxsize=8)
def model_version(model: str) -> str:
    import importlib.metadata as md

    import spacy

    try:
        return md.version(model.replace("_", "-"))
    except md.PackageNotFoundError:
        pass
    meta = Path(model) / "meta.json"
    if meta.is_file():
        try:
            return str(json.loads(meta.read_text()).get("version", "?"))
        except (OSError, ValueError):
            pass
    return f"spacy-{spacy.__version__}-unknown"


def parse_key(model: str) -> str:
    import spacy

    data = {"model": model, "version": model_version(model), "weights": model_weights(model),
            "spacy": spacy.__version__, "lazy": LAZY_COMPONENTS, "code": code_hash(parse_only=True)}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def run_fingerprint(model: str, stage_names: Iterable[str]) -> str:
    import spacy

    data = {"model": model, "version": model_version(model), "weights": model_weights(model),
            "spacy": spacy.__version__, "code": code_hash(), "stages": list(stage_names)}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:20]


def check_model(model: str) -> None:
    """Fail before any work when the model is not installed (without loading it)."""
    import spacy

    if spacy.util.is_package(model) or (Path(model) / "meta.json").is_file() or (Path(model) / "config.cfg").is_file():
        return
    load_nlp(model)  # raises ModelNotFoundError with the full message
