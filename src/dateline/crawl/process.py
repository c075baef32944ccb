"""One record → ``Outcome``: the article row to store, or a reject with the reason.

Runs in worker processes (``dateline.crawl.engines``). Each task is a ``Batch``: some records and
the learned templates of just their sites. Nothing a record holds can stop a worker: every
exception becomes a ``parse-error`` reject naming the exception.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np

from dateline.api import extract
from dateline.crawl.records import Record, site_of
from dateline.crawl.templates import page_template_keys
from dateline.errors import CaptureError

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's 32-bit hash family: uint32 values
SHINGLE_WORDS = 5
MIN_ARTICLE_WORDS = 25  # fewer words of body text than this is not an article
_WORD = re.compile(r"\w+")



@dataclass(slots=True)
class Batch:
    """One worker task: records, and the site templates of the sites among them."""

    records: list[Record]
    templates: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Outcome:
    """What became of one record: ``status`` "article" (with ``article``) or "reject"."""

    record_id: str
    source: str
    url: str | None
    site: str
    fetched: str | None
    status: str
    reason: str | None = None
    detail: str | None = None
    article: dict | None = None
    text_hash: str | None = None
    signature: bytes | None = None  # MinHash values, uint32, NUM_PERM of them
    words: int = 0
    repeat_of: str | None = None


def process_batch(batch: Batch) -> list[Outcome]:
    """The outcome of each record, in order."""
    return [process_record(record, batch.templates) for record in batch.records]


def template_keys_batch(batch: Batch) -> list[tuple[str, frozenset[str]]]:
    """``(site, template keys)`` of each record (first pass of template learning)."""
    return [(r.site, page_template_keys(r.data, r.source))
            for r in batch.records if r.data is not None]


def process_record(record: Record, templates: dict[str, frozenset[str]]) -> Outcome:
    """Extract one record; every failure becomes a reject with its reason."""
    outcome = Outcome(record.record_id, record.source, record.url, record.site, record.fetched,
                      status="reject", repeat_of=record.repeat_of)
    if record.error is not None:
        outcome.reason, outcome.detail = record.error
        return outcome
    if record.repeat_of is not None:
        outcome.reason = "duplicate"
        outcome.detail = f"exact repeat of record {record.repeat_of} (same URL and content)"
        return outcome
    try:
        article = extract(record.data, url=record.url, source=record.source,
                          template=templates.get(record.site))
    except CaptureError as exc:
        outcome.reason, outcome.detail = exc.reason, exc.detail
        return outcome
    except Exception as exc:  # a bug must cost one record, not the run
        outcome.reason, outcome.detail = "parse-error", f"{type(exc).__name__}: {exc}"[:500]
        return outcome
    words = len(_WORD.findall(article.text))
    if not article.body or words < MIN_ARTICLE_WORDS:
        outcome.reason = "no-article" if not article.body else "too-short"
        outcome.detail = (article.warnings[0] if not article.body and article.warnings
                          else f"{words} words of article text")
        return outcome
    data = article.to_dict()
    data.pop("dropped", None)
    if not record.site and article.url:
        outcome.site = site_of(article.url)
    outcome.url = record.url or article.url
    outcome.status, outcome.article, outcome.words = "article", data, words
    tokens = folded_words(article.text)
    outcome.text_hash = text_hash(tokens)
    outcome.signature = minhash_signature(tokens)
    return outcome


def folded_words(text: str) -> list[str]:
    """The words of the lower-cased text (what duplicates are compared on)."""
    return _WORD.findall(text.lower())


def text_hash(words: list[str]) -> str:
    """Hash of the folded words (case, punctuation and spacing ignored): the exact-duplicate key."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def shingles(words: list[str]) -> list[bytes]:
    """Word ``SHINGLE_WORDS``-grams of the folded words, as bytes."""
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)]


def minhash_signature(words: list[str]) -> bytes:
    """The MinHash of the folded words' shingles (datasketch), packed as uint32 bytes."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(shingles(words))
    return minhash.hashvalues.astype(np.uint32).tobytes()
