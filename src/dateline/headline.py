"""Stage 3c — choose the headline of a text capture among its candidate lines.

The ``title`` model scores every block on its own and its neighbours' looks. Many lines look
like headlines (teasers, section names, the previous post's link, a photo caption), so the
headline is chosen among the candidates by a second, small model that compares them with each
other and with the article: how the ``title`` scores rank on the page, where each line sits
relative to the body, and how many of its words the body's lead and text repeat (an article's
headline is about the article; a teaser or a menu line is not).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter

import numpy as np

from dateline.model import Block

_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"\w{3,}")  # the words of three characters or more (a run of fewer
# word characters cannot hold a match, so no match starts inside a word)
_ASCII_UPPER = bytes(range(65, 91))
_ASCII_LETTERS = _ASCII_UPPER + bytes(range(97, 123))
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s::?\s|:\s")
LEAD_BLOCKS = 3  # body blocks that count as the lead
RANK_FEATURES = (
    "p_title", "p_rank", "p_gap", "p_share", "log_p_ratio", "offset", "abs_offset",
    "candidates_between", "overlap_lead", "overlap_body", "lead_covered", "repeats",
    "log_words", "ends_question", "ends_stop", "separators", "metadata_after", "metadata_before",
    "p_body", "upper_ratio", "n_candidates", "rel_words", "p_body_next", "p_title_next",
    "p_title_prev", "bullet", "max_similar", "overlap_above",
)


_SPACED_COLON = " : "
KICKER_MAX_WORDS = 6  # a kicker set before the headline is a short phrase
SPACED_COLON_LANGS = ("fr",)  # languages whose typography puts a space before a colon


def without_kicker(title: str, lang: str | None) -> str:
    """The headline without a kicker that a text browser joined to it with " : " (the kicker
    span's own colon after a space: "Abstandsregeln und Fieberkontrollen : Wie Firmen ..."
    → "Wie Firmen ..."). French sets every colon so, and keeps its titles whole."""
    if lang in SPACED_COLON_LANGS or title.count(_SPACED_COLON) != 1:
        return title
    kicker, headline = (part.strip() for part in title.split(_SPACED_COLON))
    if 1 <= len(_WORD.findall(kicker)) <= KICKER_MAX_WORDS and len(_WORD.findall(headline)) >= 3:
        return headline
    return title


def content_words(text: str) -> set[str]:
    """Casefolded words of three letters or more (numbers kept): what a headline is about."""
    return set(_LONG_WORD.findall(text.casefold()))


def upper_ratio(text: str) -> float:
    """Share of capitals among the letters of ``text`` (0.0 without letters)."""
    if text.isascii():  # deleting bytes beats a loop over the characters
        raw = text.encode("ascii")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        return upper / letters if letters else 0.0
    alpha = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in alpha) / len(alpha) if alpha else 0.0


def overlap_above(words_of, candidates: list[int], span: int = 40) -> list[float]:
    """For each candidate (in page order), the share of its words that the ``span`` blocks
    above it also hold (a headline is often repeated in a breadcrumb trail or a share line
    above it; a menu item in a menu). ``words_of(i)`` gives block i's content words."""
    last_seen: dict[str, int] = {}  # word -> the last block read that holds it
    done = 0  # blocks below this one were read (those a window needed)
    out = []
    for i in candidates:
        lo = max(0, i - span)
        for j in range(max(done, lo), i):
            for w in words_of(j):
                last_seen[w] = j
        done = max(done, i)
        words = words_of(i)
        out.append(sum(1 for w in words if last_seen.get(w, -1) >= lo) / len(words)
                   if words else 0.0)
    return out


def max_similar(cand_words: list[set[str]]) -> list[float]:
    """For each candidate, the highest word Jaccard similarity to another candidate."""
    rows_of: dict[str, list[int]] = {}
    for row, words in enumerate(cand_words):
        for w in words:
            rows_of.setdefault(w, []).append(row)
    shared: list[dict[int, int]] = [{} for _ in cand_words]  # row -> other row -> words shared
    for rows in rows_of.values():
        if len(rows) > 1:  # a word of one candidate only is shared with no other
            for a in rows:
                counts = shared[a]
                for b in rows:
                    counts[b] = counts.get(b, 0) + 1
    out = []
    for row, words in enumerate(cand_words):
        shared[row].pop(row, None)
        out.append(max((n / (len(words) + len(cand_words[k]) - n)
                        for k, n in shared[row].items()), default=0.0))
    return out


def candidate_features(blocks: list[Block], title_probs: np.ndarray, body_probs: np.ndarray,
                       candidates: list[int], first_body: int, body: list[int],
                       metadata: set[int]) -> np.ndarray:
    """Feature rows (``RANK_FEATURES`` order) of each headline candidate of one page.

    ``metadata`` holds the indices of byline / date / credit lines: a headline is often
    followed or preceded by one.
    """
    out = np.zeros((len(candidates), len(RANK_FEATURES)), dtype=np.float32)
    if not candidates:
        return out
    lead_words: set[str] = set()
    for i in body[:LEAD_BLOCKS]:
        lead_words |= content_words(blocks[i].text)
    body_words = set(lead_words)
    for i in body[LEAD_BLOCKS:60]:
        body_words |= content_words(blocks[i].text)
    probs = title_probs[candidates].astype(np.float64)
    order = np.argsort(-probs, kind="stable")
    rank = np.empty(len(candidates), dtype=np.float64)
    rank[order] = np.arange(len(candidates))
    best, total = float(probs.max()), float(probs.sum()) or 1.0
    cache: dict[int, set[str]] = {}

    def words_of(i: int) -> set[str]:
        if i not in cache:
            cache[i] = content_words(blocks[i].text)
        return cache[i]

    cand_words = [words_of(i) for i in candidates]
    n_words_all = [len(_WORD.findall(blocks[i].text)) for i in candidates]
    median_words = float(np.median(n_words_all)) or 1.0
    similar = max_similar(cand_words)
    above = overlap_above(words_of, candidates)
    before_body = bisect_left(candidates, first_body)
    n = len(blocks)
    texts = Counter(block.text.casefold() for block in blocks)
    # plain floats (the same doubles) are far cheaper to index and compute with per row
    title_p, body_p = title_probs.tolist(), body_probs.tolist()
    n_lead = len(lead_words)
    rows = []
    for row, (i, p, r, words, n_words) in enumerate(zip(candidates, probs.tolist(),
                                                          rank.tolist(), cand_words,
                                                          n_words_all)):
        text = blocks[i].text
        stripped = text.rstrip()
        offset = i - first_body
        n_own = len(words)
        in_lead = len(words & lead_words) if n_own else 0
        rows.append((
            p, r, best - p, p / total, math.log((p + 1e-6) / (best + 1e-6)), offset, abs(offset),
            max(0, before_body - row - 1),
            in_lead / n_own if n_own else 0.0,
            len(words & body_words) / n_own if n_own else 0.0,
            in_lead / n_lead if n_lead else 0.0,
            texts[text.casefold()] - 1, math.log1p(n_words), stripped.endswith("?"),
            stripped.endswith((".", "!")), len(_SEPARATOR.findall(text)),
            not metadata.isdisjoint(range(i + 1, i + 4)),
            not metadata.isdisjoint(range(i - 3, i)),
            body_p[i], upper_ratio(text), len(candidates), n_words / median_words,
            max(body_p[i + 1:i + 3]) if i + 1 < n else 0.0,
            title_p[i + 1] if i + 1 < n else 0.0, title_p[i - 1] if i > 0 else 0.0,
            bool(blocks[i].bullet), similar[row],
            above[row],
        ))
    out[:] = rows
    return out


def rank_headlines(blocks: list[Block], labels, candidates: list[int], first_body: int,
                   body: list[int], is_metadata) -> int:
    """The candidate most likely to be the headline (``labels.title`` alone when no headline
    ranker is shipped). ``is_metadata(text)`` tells byline / date / credit lines."""
    from dateline.labeller import RANKER_NAME, load_models

    model = load_models().get(RANKER_NAME)
    if model is None or len(candidates) == 1:
        return max(candidates, key=lambda i: labels.title[i])
    metadata = metadata_near(blocks, candidates, is_metadata)
    rows = candidate_features(blocks, labels.title, labels.body, candidates, first_body, body,
                              metadata)
    scores = model.predict(rows, num_threads=1)
    return candidates[int(np.argmax(scores))]


def metadata_near(blocks: list[Block], candidates: list[int], is_metadata) -> set[int]:
    """Indices of the byline / date / credit lines within three blocks of a candidate (the
    candidates themselves were chosen as lines that are none of these, so are not read again)."""
    near = {j for i in candidates for j in range(i - 3, i + 4) if 0 <= j < len(blocks)}
    return {j for j in near.difference(candidates) if is_metadata(blocks[j].text)}
