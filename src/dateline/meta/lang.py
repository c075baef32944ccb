"""Language of a text, and the share of function words in a line (a labeller feature).

``detect_language`` uses py3langid (langid.py's model, shipped inside its wheel: no download).
``stopword_ratio`` uses the hand-written lists in ``resources/meta/stopwords.txt``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

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


class WindowedIdentifier(LanguageIdentifier):
    """py3langid's identifier with its byte-by-byte automaton walk done in numpy.

    The model's automaton matches byte n-grams: its state after any byte is the longest suffix
    of the text read so far that is a node of its trie, so it depends on the last ``depth``
    bytes only (``depth``: the trie's height). Walking every position's last ``depth`` bytes
    at once gives the same states, hence the same feature counts and scores, as the library's
    sequential walk.
    """

    __slots__ = ("_moves", "_row_starts", "_outputs", "_depth", "_weights")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        moves = np.frombuffer(self.tk_nextmove, dtype=f"u{self.tk_nextmove.itemsize}")
        rows = np.frombuffer(self.tk_row, dtype=f"u{self.tk_row.itemsize}")
        self._depth = trie_depth(moves.reshape(-1, 256), rows)
        self._moves = moves.astype(np.intp)
        self._row_starts = rows.astype(np.intp) << 8
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        # the float16 weights widened once (57 MB): numpy widens them for every product anyway,
        # and that costs more than the product itself
        self._weights = np.asarray(self.nb_ptc, dtype=np.float32)

    def _raw_score(self, text: bytes) -> np.ndarray:
        features, counts = self.feature_counts(text)
        if not len(features):
            return super()._raw_score(text)
        # the library's ``_sparse_score`` on arrays instead of a Counter
        return np.log1p(counts.astype(np.float32)) @ self._weights[features] + self.nb_pc

    def feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The n-gram features found in ``data`` and their counts, in first-seen order (the
        order of py3langid's ``visit_counts``, which fixes the scores' rounding)."""
        codes = np.frombuffer(data, dtype=np.uint8)
        n = len(codes)
        states = np.zeros(n, dtype=np.intp)
        for back in range(min(self._depth, n) - 1, -1, -1):
            states[back:] = self._moves.take(self._row_starts.take(states[back:]) +
                                             codes[:n - back])
        found = self._outputs.take(states)
        found = found[found >= 0]
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first)
        return features[order], counts[order]


def trie_depth(moves: np.ndarray, rows: np.ndarray) -> int:
    """The height of an n-gram automaton's trie: its states' largest distance from the start
    (breadth-first over the transition table ``moves[rows[state], byte]``)."""
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while True:
        reached = np.zeros(len(rows), dtype=bool)
        reached[moves[np.unique(rows[frontier])].ravel()] = True
        reached &= ~seen
        frontier = np.flatnonzero(reached)
        if not len(frontier):
            return depth
        seen |= reached
        depth += 1


@lru_cache(maxsize=1)
def identifier() -> WindowedIdentifier:
    """The py3langid model (loaded once per process)."""
    return WindowedIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when it is too short
    (under ``MIN_WORDS`` words) or the model is unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    code, confidence = identifier().classify(sample)
    return code if confidence >= 0.5 else None
