"""Is this article in English? (The pipeline's stemmer and stop words are English.)"""

from __future__ import annotations

from functools import lru_cache

MIN_WORDS = 20  # shorter texts do not identify their language reliably
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when unsure."""
    if len(text.split()) < MIN_WORDS:
        return None
    language, probability = _identifier().classify(text[:20_000])
    return language if probability >= MIN_PROBABILITY else None
