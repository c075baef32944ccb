"""Language of a text, and the share of function words in a line (a labeller feature).

``detect_language`` uses py3langid (langid.py's model, shipped inside its wheel: no download).
``stopword_ratio`` uses the hand-written lists in ``resources/meta/stopwords.txt``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

MIN_WORDS = 20
SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The union of the function-word lists of every language in the resource file."""
    text = resources.files("dateline.resources").joinpath("meta/stopwords.txt").read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#") and ":" in line:
            words.update(line.split(":", 1)[1].split())
    return frozenset(words)


def stopword_ratio(words: list[str]) -> float:
    """Share of the lower-cased ``words`` that are function words in any supported language."""
    if not words:
        return 0.0
    return sum(map(stopwords().__contains__, words)) / len(words)


@lru_cache(maxsize=1)
def identifier():
    """The py3langid model (loaded once per process)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when it is too short
    (under ``MIN_WORDS`` words) or the model is unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    code, confidence = identifier().classify(sample)
    return code if confidence >= 0.5 else None
