"""Near-duplicate articles: exact text hashes first, then MinHash-LSH (datasketch).

Articles are checked in input order; the first of a group is canonical and stays an article,
later copies become ``duplicate`` rejects naming it (``duplicate_of``) with the estimated Jaccard
similarity of their word 5-gram shingles. A copy at the same URL is a *recrawl*, at another URL
a *syndicated or mirrored copy*. The index keeps about 1 KB per canonical article in memory.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dateline.crawl.process import NUM_PERM, SCHEME

THRESHOLD = 0.7


@dataclass(slots=True)
class Match:
    """The canonical article a new one duplicates, and how similar they are."""

    record_id: str
    similarity: float
    same_url: bool


class Deduplicator:
    """An in-memory index of canonical articles' text hashes and MinHash signatures."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.exact: dict[str, str] = {}
        self.signatures: dict[str, np.ndarray] = {}
        self.urls: dict[str, str | None] = {}
        self.order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.order)

    def match(self, text_hash: str, signature: bytes, url: str | None) -> Match | None:
        """The earlier canonical article this one duplicates, or None."""
        earlier = self.exact.get(text_hash)
        if earlier is not None:
            return Match(earlier, 1.0, bool(url) and self.urls.get(earlier) == url)
        values = np.frombuffer(signature, dtype=np.uint32)
        best: Match | None = None
        for candidate in sorted(self.lsh.query(self._minhash(values)), key=self.order.__getitem__):
            similarity = float(np.mean(self.signatures[candidate] == values))
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = Match(candidate, round(similarity, 3),
                             bool(url) and self.urls.get(candidate) == url)
        return best

    def add(self, record_id: str, text_hash: str, signature: bytes, url: str | None) -> None:
        """Index a canonical article."""
        if record_id in self.order:
            return
        values = np.frombuffer(signature, dtype=np.uint32).copy()
        self.order[record_id] = len(self.order)
        self.exact.setdefault(text_hash, record_id)
        self.signatures[record_id] = values
        self.urls[record_id] = url
        self.lsh.insert(record_id, self._minhash(values))

    @staticmethod
    def _minhash(values: np.ndarray):
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)
