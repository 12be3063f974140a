"""The language of an article, from py3langid's model (shipped inside the PyPI package).

storydesk's stages read English: the spaCy model, the word lists, the date and number rules.
An article in another language is reported and kept out of those stages rather than misread
(two German articles that disagree would otherwise give a confident digest with no conflict).
"""

from __future__ import annotations

from functools import lru_cache

SUPPORTED = frozenset({"en"})
# The identifier reads this much of the body: enough for a confident call, bounded cost (~1 ms).
SAMPLE_CHARS = 2000
# Below this many words a guess is too weak to act on ("Breaking: Obama" is anything); such
# articles are taken as English, the language of every stage.
MIN_WORDS = 12
# Only a confident guess of another language keeps an article out: measured on the multilingual
# set in benchmarks/bench_ingest.py, wrong calls on English news fall well under 0.9.
MIN_CONFIDENCE = 0.9

NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
         "ru": "Russian", "pl": "Polish", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish",
         "tr": "Turkish", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "uk": "Ukrainian",
         "cs": "Czech", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "ro": "Romanian",
         "hu": "Hungarian", "en": "English"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence 0-1) of `text`; ("en", 0.0) when it is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return "en", 0.0
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


def article_language(text: str) -> str:
    """The language to act on: another language only when the guess is confident."""
    code, confidence = detect_language(text)
    return code if code in SUPPORTED or confidence >= MIN_CONFIDENCE else "en"


def language_name(code: str | None) -> str:
    return NAMES.get(code or "", code or "unknown")
