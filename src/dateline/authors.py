"""Stage 5c — the learned byline reader: who wrote the article when no byline rule can tell.

The byline rules of ``dateline.meta.byline`` read the common forms ("By Jane Doe", "Von X |
12.03.2024", a bare name under the headline). Pages name their writers in a long tail of other
forms: "Publié par Camille Durand à 08:00", "责任编辑：王小明", "17 September 2019 Hanna Becker 0",
"© 2020 Jan Roe", "Eingetragen am 3. Januar 2020 vom Saaletal-Team". Here every short
name-shaped span of the lines around the article is a candidate; each gets features (its own
shape, the words and marks right before and after it, where its line stands relative to the
headline and the body, what the assembly took that line for, how often the page repeats it),
and the ``author`` model (LightGBM, trained by ``dateline train`` on the gold authors of
trafilatura-eval) scores it. The words before a name are categorical features over a
vocabulary learned with the model (``author_vocab.json``): the model learns the cues itself.
"""
from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from dateline.meta.byline import given_names, is_organisation

if TYPE_CHECKING:
    from dateline.article import Assembly

AUTHOR_MODEL = "author"
AUTHOR_VOCAB = "author_vocab.json"
AUTHOR_MIN_PROB = 0.3  # the best candidate's score it needs to stand as the byline
CO_AUTHOR_MIN_PROB = 0.3  # a second name on the same line as the first
MAX_SPAN_WORDS = 4
MAX_LINE_CHARS = 200
SHORT_RUN_WORDS = 3  # a run this short may end in a user name in lower case
LONG_RUN_WORDS = 5  # in a run this long a lone capitalised word is a noun, not a name
ZONE_ABOVE = 25  # blocks above the headline (or the body) searched
ZONE_BELOW = 40  # blocks below the body searched
BODY_LINE_MAX_WORDS = 25  # a body block longer than this holds no byline
BODY_EDGE_BLOCKS = 3  # body blocks at either end searched (a byline inside the body stands
# by its start or its end: 50 of the 1,298 names the rules missed stand further in)
VOCAB_SIZE = 300  # context words the model knows by name (the rest are "other")
PARTICLES = frozenset("von van der den de del della da di du le la al bin ben y zu dos das ter "
                      "ten af av".split())
# words, numbers (a token holding a digit), and runs of marks; w3m's column gaps (3+ spaces)
# are marks too
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|\d[\w:./-]*|[^\w\s]+|\s{3,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

REASON_CODES = {reason: code for code, reason in enumerate((
    None, "byline", "date", "credit", "source", "headline", "section", "body", "teaser",
    "caption", "repeated text", "template", "navigation", "comment", "legal notice"))}
AUTHOR_FEATURES = (
    "n_words", "n_chars", "all_upper", "lone", "run_words", "line_words", "start_token",
    "at_line_start", "at_line_end", "given_first", "given_any", "initial", "hyphen", "lower_word",
    "cjk", "organisation", "prev_word", "prev2_word", "next_word", "first_word", "prev_mark",
    "next_mark", "rel_title", "rel_first_body", "rel_last_body", "in_body", "p_body", "reason",
    "page_count", "lines_with", "in_title", "rank_on_page", "rule_authors", "rule_match",
    "has_digit", "blank_before", "line_index",
)
WORD_FEATURES = ("prev_word", "prev2_word", "next_word", "first_word")  # coded by the vocabulary
CATEGORICAL = ("prev_word", "prev2_word", "next_word", "first_word", "prev_mark", "next_mark",
               "reason")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name-shaped span of one block: ``text``, the block's index and the span's token
    position on the line."""

    text: str
    block: int
    start: int


def context_key(token: str | None) -> str:
    """The vocabulary key of a context token: lower-cased word, or the mark itself."""
    if token is None:
        return "^"
    return token.strip().casefold() or "   "


def word_code(token: str | None, vocab: dict[str, int]) -> int:
    """The categorical code of a context token (``len(vocab)`` for a word the model does not
    know)."""
    return vocab.get(context_key(token), len(vocab))


def mark_code(token: str | None) -> int:
    """A small code for the mark before or after a span: 0 none/word, else a hash bucket."""
    if token is None or token[0].isalnum():
        return 0
    return 1 + zlib.crc32(token.strip().encode("utf-8")) % 30


def is_word(token: str) -> bool:
    """Whether a token of ``_TOKEN`` is a word (not a number, mark or column gap)."""
    return token[0].isalpha()


def capitalised(word: str) -> bool:
    """A word a name may be made of: opening with a capital, or CJK."""
    return word[0].isupper() or bool(_CJK.match(word))


def name_spans(tokens: list[str]) -> list[tuple[int, int]]:
    """The (start, end) token spans of a line that may be a name: runs of words between marks
    and numbers; in a run, spans of 1-``MAX_SPAN_WORDS`` words that open and end with a capital
    (particles like "von" inside; two words at least in a run of ``LONG_RUN_WORDS``, a sentence
    whose capitalised words are nouns), the run itself when it is one word (a handle:
    "jroe"), and the lower-case word closing a short run ("von wurzelwerk")."""
    spans: list[tuple[int, int]] = []
    for i, j in word_runs(tokens):
        if j - i == 1:
            spans.append((i, j))
            continue
        if j - i <= SHORT_RUN_WORDS and not capitalised(tokens[j - 1]):
            spans.append((j - 1, j))  # "von wurzelwerk", "By jroe": a handle after a cue
        shortest = 2 if j - i >= LONG_RUN_WORDS else 1
        for a in range(i, j):
            if not capitalised(tokens[a]):
                continue
            for b in range(a + shortest, min(j, a + MAX_SPAN_WORDS) + 1):
                last = tokens[b - 1]
                if b - a > 1 and not capitalised(last):
                    if last.casefold() in PARTICLES:
                        continue
                    break
                spans.append((a, b))
    return spans


def word_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """The (start, end) of each run of consecutive words among ``tokens``."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not is_word(tokens[i]):
            i += 1
            continue
        j = i
        while j < n and is_word(tokens[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def zone_of(state: Assembly) -> range:
    """The blocks searched: from ``ZONE_ABOVE`` above the headline (or the body) to
    ``ZONE_BELOW`` below the body."""
    body, title_index = state.selected, state.title_index
    n = len(state.blocks)
    top = min(x for x in (title_index, body[0] if body else None, n) if x is not None)
    bottom = body[-1] if body else (title_index if title_index is not None else n)
    return range(max(0, top - ZONE_ABOVE), min(n, bottom + ZONE_BELOW + 1))


def author_candidates(state: Assembly, rule_authors: list[str], vocab: dict[str, int]
                      ) -> tuple[list[Candidate], np.ndarray]:
    """The name-shaped spans around the article and their ``AUTHOR_FEATURES`` rows, from the
    assembled ``state`` (the body it chose, its headline, what it took each line for) and the
    authors the byline rules found (``rule_authors``)."""
    blocks, body, title_index = state.blocks, state.selected, state.title_index
    in_body = set(state.body or body)
    first_body = body[0] if body else None
    last_body = body[-1] if body else None
    title_words = blocks[title_index].text.casefold() if title_index is not None else ""
    given = given_names()
    rule_keys = {name.casefold() for name in rule_authors}
    kept_body = sorted(in_body)
    body_edges = set(kept_body[:BODY_EDGE_BLOCKS] + kept_body[-BODY_EDGE_BLOCKS:])
    organisation = lru_cache(maxsize=None)(is_organisation)  # (names repeat on a page)
    candidates: list[Candidate] = []
    rows: list[list[float]] = []
    lines_with: dict[str, set[int]] = {}
    for i in zone_of(state):
        text = blocks[i].text
        if len(text) > MAX_LINE_CHARS:
            continue
        tokens = _TOKEN.findall(text)
        word_at = [is_word(t) for t in tokens]
        n_words = sum(word_at)
        if not n_words or (i in in_body and (n_words > BODY_LINE_MAX_WORDS or
                                             i not in body_edges)):
            continue
        # the line's own features, then the words before each token (last and second last)
        first_word = word_code(tokens[word_at.index(True)], vocab)
        where = [rel(i, title_index), rel(i, first_body), rel(i, last_body), float(i in in_body),
                 float(state.labels.body[i]),
                 REASON_CODES.get(state.reasons.get(i), len(REASON_CODES))]
        tail = [float(any(ch.isdigit() for ch in text)), float(blocks[i].blank_before), float(i)]
        before: list[tuple[str | None, str | None]] = []
        last = second = None
        for token, word in zip(tokens, word_at):
            before.append((last, second))
            if word:
                last, second = token, last
        words_after = [0] * (len(tokens) + 1)
        for k in range(len(tokens) - 1, -1, -1):
            words_after[k] = words_after[k + 1] + word_at[k]
        next_word: list[str | None] = [None] * (len(tokens) + 1)
        for k in range(len(tokens) - 1, -1, -1):
            next_word[k] = tokens[k] if word_at[k] else next_word[k + 1]
        run_of = runs_by_token(tokens)
        # each token's own tests, once (a token is in up to ``MAX_SPAN_WORDS`` spans)
        folded = [t.casefold() for t in tokens]
        is_given = [t in given for t in folded]
        initial = [len(t.rstrip(".")) == 1 for t in tokens]
        hyphen = ["-" in t for t in tokens]
        lower = [t.islower() for t in tokens]
        codes = {t: word_code(t, vocab) for t in (*tokens, None)}
        marks = [mark_code(t) for t in tokens] + [0]
        for a, b in name_spans(tokens):
            name = " ".join(tokens[a:b])
            key = name.casefold()
            lines_with.setdefault(key, set()).add(i)
            prev_word, prev2 = before[a]
            candidates.append(Candidate(name, i, a))
            rows.append([
                b - a, len(name), float(name.isupper()), float(run_of[a] == (a, b)),
                run_of[a][1] - run_of[a][0], n_words, a, float(a == 0),
                float(words_after[b] == 0), float(is_given[a]), float(any(is_given[a:b])),
                float(any(initial[a:b])), float(any(hyphen[a:b])), float(any(lower[a:b])),
                float(bool(_CJK.search(name))), float(organisation(name)),
                codes[prev_word], codes[prev2], codes[next_word[b]], first_word,
                marks[a - 1] if a else 0, marks[b], *where,
                0.0, 0.0, float(key in title_words), 0.0,
                float(bool(rule_authors)), float(key in rule_keys), *tail,
            ])
    if not rows:
        return [], np.zeros((0, len(AUTHOR_FEATURES)), dtype=np.float32)
    matrix = np.array(rows, dtype=np.float32)
    page_text = "\n".join(block.text for block in blocks).casefold()
    words = Counter(_TOKEN.findall(page_text))  # (a one-word name's count: a lookup)
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    for c in candidates:
        key = c.text.casefold()
        if key not in counts:
            counts[key] = words[key] if " " not in key else page_text.count(key)
            order[key] = len(order)
    keys = [c.text.casefold() for c in candidates]
    matrix[:, AUTHOR_FEATURES.index("page_count")] = [counts[k] for k in keys]
    matrix[:, AUTHOR_FEATURES.index("lines_with")] = [len(lines_with[k]) for k in keys]
    matrix[:, AUTHOR_FEATURES.index("rank_on_page")] = [order[k] for k in keys]
    return candidates, matrix


def runs_by_token(tokens: list[str]) -> list[tuple[int, int]]:
    """For each token, the (start, end) of the run of words it belongs to (itself alone for a
    number or a mark)."""
    out: list[tuple[int, int]] = [(k, k + 1) for k in range(len(tokens))]
    for i, j in word_runs(tokens):
        for k in range(i, j):
            out[k] = (i, j)
    return out


def rel(i: int, anchor: int | None) -> float:
    """Signed distance in blocks from ``anchor`` (NaN when there is none)."""
    return float("nan") if anchor is None else float(i - anchor)


def chosen_authors(candidates: list[Candidate], scores: np.ndarray,
                   min_prob: float = AUTHOR_MIN_PROB,
                   co_min_prob: float = CO_AUTHOR_MIN_PROB) -> list[str]:
    """The authors the scores pick: the best candidate when it reaches ``min_prob``, then the
    other names of its line reaching ``co_min_prob`` that do not overlap it, in line order."""
    if not candidates:
        return []
    best = int(np.argmax(scores))
    if scores[best] < min_prob:
        return []
    line = candidates[best].block
    picked = [best]
    for r in np.argsort(-scores):
        r = int(r)
        if scores[r] < co_min_prob:
            break
        c = candidates[r]
        if r == best or c.block != line:
            continue
        if any(overlaps(c, candidates[p]) for p in picked):
            continue
        picked.append(r)
    names: list[str] = []
    for r in sorted(picked, key=lambda r: candidates[r].start):
        if candidates[r].text.casefold() not in {n.casefold() for n in names}:
            names.append(candidates[r].text)
    return names


def overlaps(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates of one line share a token (or are the same name)."""
    if a.text.casefold() == b.text.casefold():
        return True
    if a.block != b.block:
        return False
    a_end = a.start + len(a.text.split())
    b_end = b.start + len(b.text.split())
    return a.start < b_end and b.start < a_end


def write_vocab(path: Path, words: list[str]) -> None:
    """Write the byline reader's vocabulary (``AUTHOR_VOCAB``: a JSON list, code = position)."""
    path.write_text(json.dumps(words, ensure_ascii=False) + "\n", encoding="utf-8")


def read_vocab(path: Traversable) -> dict[str, int]:
    """The vocabulary ``write_vocab`` wrote, as word → code."""
    return {word: code for code, word in enumerate(json.loads(path.read_text("utf-8")))}


def learned_authors(state: Assembly, rule_authors: list[str] | None = None) -> list[str]:
    """The authors the shipped ``author`` model reads off the page ([] when it finds no name
    it trusts, or when no model is shipped)."""
    from dateline.labeller import load_author_model

    loaded = load_author_model()
    if loaded is None:
        return []
    model, vocab = loaded
    candidates, rows = author_candidates(state, rule_authors or [], vocab)
    if not candidates:
        return []
    return chosen_authors(candidates, model.predict(rows, num_threads=1))
