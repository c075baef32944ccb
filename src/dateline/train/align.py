"""Derive block labels for training by aligning a rendering's blocks to the gold article.

Labels: 1 = article body, 0 = not body, -1 = unknown (left out of training). Evidence:

- full gold body (``scrapinghub-dev``): a block of 4+ words is body when at least half of its
  word 4-grams occur in the gold text, not body under a fifth, unknown between; a shorter block
  is body when it equals a whole gold paragraph (subheadings), otherwise not body;
- snippets (``trafilatura-eval``): a block holding a "with" snippet (or held by one) is body, one
  holding a "without" snippet is not; the remaining blocks take the silver text's verdict with a
  lower weight.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.model import Block

_WORD = re.compile(r"\w+", re.UNICODE)
SILVER_WEIGHT = 0.5


@dataclass(slots=True)
class BlockLabels:
    """Per-block training targets and weights for one rendering of one page."""

    body: list[int]
    weight: list[float]
    title: list[int]


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return [w.lower() for w in _WORD.findall(text)]


def shingle_set(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """The set of word ``n``-grams of ``text``."""
    toks = words(text)
    return {tuple(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1))}


def paragraph_keys(text: str) -> set[str]:
    """Normalised whole paragraphs (lines) of a gold text, for matching short blocks."""
    return {" ".join(words(line)) for line in text.split("\n") if line.strip()}


def overlap_label(block: Block, gold_shingles: set, gold_lines: set[str]) -> int:
    """1 / 0 / -1 for one block against a full gold text (see module doc)."""
    toks = words(block.text)
    if not toks:
        return 0
    if len(toks) < 4:
        return int(" ".join(toks) in gold_lines)
    grams = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
    frac = sum(1 for g in grams if g in gold_shingles) / len(grams)
    if frac >= 0.5:
        return 1
    return 0 if frac < 0.2 else -1


def labels_from_gold(blocks: list[Block], gold_body: str) -> list[int]:
    """Body labels of ``blocks`` against a complete gold article text."""
    gold_shingles = shingle_set(gold_body)
    gold_lines = paragraph_keys(gold_body)
    return [overlap_label(b, gold_shingles, gold_lines) for b in blocks]


def snippet_hit(block_key: str, snippets: list[str]) -> bool:
    """True if a normalised block contains a snippet, or a long block lies inside one."""
    for snippet in snippets:
        if snippet and (snippet in block_key or (len(block_key) > 40 and block_key in snippet)):
            return True
    return False


def labels_from_snippets(blocks: list[Block], with_: list[str], without: list[str],
                         silver: str) -> tuple[list[int], list[float]]:
    """Body labels and weights from gold snippets, falling back on a silver article text."""
    with_keys = [" ".join(words(s)) for s in with_]
    without_keys = [" ".join(words(s)) for s in without]
    silver_labels = labels_from_gold(blocks, silver) if silver else [-1] * len(blocks)
    labels, weights = [], []
    for block, silver_label in zip(blocks, silver_labels):
        key = " ".join(words(block.text))
        if key and snippet_hit(key, without_keys):
            labels.append(0)
            weights.append(1.0)
        elif key and snippet_hit(key, with_keys):
            labels.append(1)
            weights.append(1.0)
        else:
            labels.append(silver_label)
            weights.append(SILVER_WEIGHT)
    return labels, weights


def title_labels(blocks: list[Block], title: str | None) -> list[int]:
    """1 for blocks whose words equal the gold title's, else 0 (-1 for all when no title)."""
    if not title:
        return [-1] * len(blocks)
    key = " ".join(words(title))
    return [int(bool(key) and " ".join(words(b.text)) == key) for b in blocks]
