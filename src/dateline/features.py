"""Stage 3a — turn a page's blocks into a numeric feature matrix for the labeller.

Each block gets *own* features (length, punctuation, case, stopwords, bullets, layout, cue words)
and *context* features (the same signals of its neighbours, and how much running prose surrounds
it). Evidence used, by feature group:

- prose shape: word count, sentence ends, commas, stopword ratio (jusText's main signal);
- chrome shape: title-case and upper-case ratios, menu separators, bullets, form residue;
- cue words: the hand-written multilingual phrase list in ``resources/boilerplate.txt``;
- page position and repetition: relative position, text repeated elsewhere on the page,
  distance to the nearest run of prose.

The learned weights live in the labeller model; nothing here is tuned per site.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

from dateline.html.blocks import DOM_FEATURES
from dateline.meta.lang import stopword_ratio
from dateline.model import Block

_WORD = re.compile(r"\w+", re.UNICODE)
WORDS_FROM = 2000  # a block's words are read from its first 2000 characters
# byte table: ASCII lower-cased, every non-word character (not ``\w``) turned into a space
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c).isalnum() or c == 95 else 32
                     for c in range(256))
_SENT_END = re.compile(r"[.!?…][\"'”’»)]?(?:\s|$)")
_CLOCK_OR_NUMERIC_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}")
# First three letters of month names and abbreviations (en, de, fr, es, it, pl, nl, pt): a token
# starting so, next to a number, makes a line date-like.
MONTH_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mär mai okt dez fév avr jui aoû déc ene abr "
    "ago dic gen mag giu lug set ott sty lut kwi maj cze lip sie wrz paź lis gru mei out".split())
# The patterns below run on the lower-cased text (case-insensitive matching is slower).
_BYLINE_CUE = re.compile(
    r"^(?:by|text by|written by|von|par|por|di|de|door|av|af|autor|author|auteur|reporter)\b[: ]")
_BYLINE_CUE_AT_LINE = re.compile(_BYLINE_CUE.pattern, re.MULTILINE)  # '^': any line start
_BYLINE_FIRST = frozenset("btwvpdar")  # the first letters of the cues above
_ENDERS, _CLOSERS = ".!?…:;。！？", "\"'”’»)]」』）"  # (with the CJK full stops and brackets)
_CREDIT_CUE = re.compile(r"©|\b(?:photo|foto|credit|image|bild|picture|getty|reuters/|afp/)\b")
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|org|net|de|fr|uk)\b|@\w")
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽΑ-ΩА-ЯЁ]")
_DIGITS = re.compile(r"\d")
_QUOTES = "\"'“”‘«„»"
_RESIDUE = re.compile(r"\(button\)|_{4,}|\[[^\]]{0,40}\]|\(img\)")
_MENU_SEP = re.compile(r"[|>»/·•]")
_CAPTION = re.compile(
    r"^(?:in this (?:\w+ )?(?:photo|image|picture)|pictured|photo(?:graph)?s?\s*:|foto\s*:|bild\s*:|"
    r"file photo|image\s*:|credit\s*:)|\((?:ap |afp |reuters )?(?:photo|foto|credit|image|bild)"
    r"[^)]{0,80}\)$|\b(?:ap photo|getty images|reuters/|afp/|photograph:|/ dpa)\b")
_COMMENT_MARK = re.compile(
    r"^(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?)"
    r"(?:\s*\(\d+\))?\W*$|^(?:leave a (?:reply|comment)|add (?:a )?comment|post a comment|"
    r"reply|antworten|répondre|responder|rispondi|odpowiedz|report|like|flag)\W*$|\bsays:$|"
    r"\bwrote:$|^\d+ (?:likes?|replies)$")

OWN_FEATURES = (
    "log_chars", "log_words", "ends_sentence", "log_sentence_ends", "comma_per_word",
    "upper_ratio", "titlecase_ratio", "digit_ratio", "has_bullet", "numbered", "indent",
    "blank_before", "blank_after", "log_wrapped", "stopword_ratio", "position", "avg_word_len",
    "linkish", "cue_teaser", "cue_share", "cue_nav", "cue_account", "cue_legal", "cue_comment",
    "cue_ad", "byline_cue", "date_like", "credit_cue", "repeats", "rel_len", "menu_seps",
    "all_caps", "starts_lower", "starts_quote", "residue", "ends_colon", "ends_ellipsis",
    "is_prose", "caption", "comment_mark",
)
NEIGHBOUR_FEATURES = ("log_words", "ends_sentence", "stopword_ratio", "has_bullet",
                      "cue_teaser", "is_prose", "blank_before")
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
WINDOW_FEATURES = ("comment_marks_before", "comment_marks_w5", "legal_before", "prose_w2", "prose_w5", "prose_w15", "words_w5", "dist_prose_before",
                   "dist_prose_after", "prose_mass_before", "prose_mass_after", "dist_center")
# DOM signals of HTML blocks (-1 for text-capture blocks), and the same of the neighbours.
DOM_NEIGHBOUR_FEATURES = ("link_density", "tag_p", "tag_li", "cls_content", "cls_related")
FEATURE_NAMES: tuple[str, ...] = (
    OWN_FEATURES
    + tuple(f"{name}@{off:+d}" for off in NEIGHBOUR_OFFSETS for name in NEIGHBOUR_FEATURES)
    + WINDOW_FEATURES
    + DOM_FEATURES
    + tuple(f"{name}@{off:+d}" for off in (-1, 1) for name in DOM_NEIGHBOUR_FEATURES)
)
_DOM_INDEX = [DOM_FEATURES.index(name) for name in DOM_NEIGHBOUR_FEATURES]
_OWN_INDEX = {name: i for i, name in enumerate(OWN_FEATURES)}


CUE_GROUPS = ("teaser", "share", "nav", "account", "legal", "comment", "ad")


def cue_phrase_spans(tokens: list[str]):
    """Each phrase of ``resources/boilerplate.txt`` (up to four words) among the lower-cased
    word ``tokens``, as (first token, number of tokens, cue group)."""
    phrases = cue_phrases()
    for size in range(1, 5):
        for i in range(len(tokens) - size + 1):
            group = phrases.get(tokens[i] if size == 1 else tuple(tokens[i:i + size]))
            if group:
                yield i, size, group


def cue_groups(tokens: list[str]) -> set[str]:
    """The cue groups (``CUE_GROUPS``) with a phrase among the lower-cased word ``tokens``."""
    return {group for _, _, group in cue_phrase_spans(tokens)}


def chrome_share(tokens: list[str]) -> float:
    """Share of the lower-cased word ``tokens`` that belong to a page-chrome phrase of
    ``resources/boilerplate.txt`` (any group but ``teaser``): 1.0 for "Skip to main content"."""
    covered = [False] * len(tokens)
    for i, size, group in cue_phrase_spans(tokens):
        if group != "teaser":
            covered[i:i + size] = [True] * size
    return sum(covered) / len(tokens) if tokens else 0.0


def date_like(text: str, tokens: list[str]) -> bool:
    """True if a line holds a date or time: a numeric date, a clock time, or month + number."""
    if _CLOCK_OR_NUMERIC_DATE.search(text):
        return True
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token[:3] in MONTH_PREFIXES and (
                (i < last and tokens[i + 1][0].isdigit()) or (i > 0 and tokens[i - 1][0].isdigit())):
            return True
    return False


@lru_cache(maxsize=1)
def cue_phrases() -> dict:
    """Phrase (a word, or a tuple of words) → cue group, from ``resources/boilerplate.txt``."""
    groups: dict = {}
    current = "misc"
    text = resources.files("dateline.resources").joinpath("boilerplate.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        words = tuple(w.lower() for w in _WORD.findall(line))
        groups[words[0] if len(words) == 1 else words] = current
    return groups


_CHAR_LIMIT = 0x3000  # code points above this (CJK…) count as letters
LETTER, UPPER, DIGIT, WORD, SENT_PUNCT, CLOSER, SPACE, MENU = (1 << i for i in range(8))


@lru_cache(maxsize=1)
def char_classes() -> np.ndarray:
    """Bit flags (``LETTER``, ``UPPER``…) of every code point below ``_CHAR_LIMIT``."""
    table = np.zeros(_CHAR_LIMIT + 1, dtype=np.uint8)
    for cp in range(_CHAR_LIMIT):
        ch = chr(cp)
        flags = 0
        if ch.isalpha():
            flags |= LETTER | WORD
            if ch.isupper():
                flags |= UPPER
        if ch.isdigit():
            flags |= DIGIT | WORD
        if ch.isalnum() or ch == "_":
            flags |= WORD
        if ch in ".!?…":
            flags |= SENT_PUNCT
        if ch in "\"'”’»)":
            flags |= CLOSER
        if ch.isspace():
            flags |= SPACE
        if ch in "|>»/·•":
            flags |= MENU
        table[cp] = flags
    table[_CHAR_LIMIT] = LETTER | WORD
    return table


def char_counts(texts: list[str]) -> dict[str, np.ndarray]:
    """Per-block counts of letters, capitals, digits, words, sentence ends… in one numpy pass."""
    joined = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    flags = char_classes()[np.minimum(codes, _CHAR_LIMIT)]
    lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    word = (flags & WORD) > 0
    prev_word = np.concatenate([[False], word[:-1]])
    word_start = word & ~prev_word
    nxt = np.concatenate([flags[1:], [SPACE]])
    nxt2 = np.concatenate([flags[2:], [SPACE, SPACE]])
    after_space = (nxt & SPACE) > 0
    sent_end = ((flags & SENT_PUNCT) > 0) & (after_space | (((nxt & CLOSER) > 0) &
                                                            ((nxt2 & SPACE) > 0)))

    def per_block(mask: np.ndarray) -> np.ndarray:
        return np.add.reduceat(mask.astype(np.int32), starts)

    # Chinese and Japanese: sentences end in "。！？" with no space after, words are not
    # spaced (a run of kana and ideographs is one ``\w+`` "word"): count a word per two
    # characters, as a segmenter would about
    cjk = per_block(((codes >= 0x3040) & (codes <= 0x30FF)) | ((codes >= 0x4E00) & (codes <= 0x9FFF)))
    cjk_ends = per_block((codes == 0x3002) | (codes == 0xFF01) | (codes == 0xFF1F))
    cjk_commas = per_block((codes == 0x3001) | (codes == 0xFF0C))

    return {
        "lower": same_length_lower(joined), "starts": starts, "ends": starts + lengths - 1,
        "letters": per_block((flags & LETTER) > 0), "upper": per_block((flags & UPPER) > 0),
        "digits": per_block((flags & DIGIT) > 0), "words": per_block(word_start) + cjk // 2,
        "word_chars": per_block(word),
        "alpha_initials": per_block(word_start & ((flags & LETTER) > 0)),
        "upper_initials": per_block(word_start & ((flags & UPPER) > 0)),
        "sentence_ends": per_block(sent_end) + cjk_ends,
        "commas": per_block(codes == 44) + cjk_commas,
        "menu_seps": per_block((flags & MENU) > 0),
    }


def same_length_lower(text: str) -> str:
    """``text`` lower-cased, keeping every character's offset (a few letters, such as 'İ',
    lower-case to two characters: those stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def block_words(text: str) -> list[str]:
    """The lower-cased words (``\\w+``) of a block's first ``WORDS_FROM`` characters."""
    if text.isascii():  # a byte table beats the regex engine
        return text[:WORDS_FROM].encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    low = text.lower()
    return _WORD.findall(low if len(low) <= WORDS_FROM else low[:WORDS_FROM])


def text_features(text: str, n_words: int, digits: int) -> tuple[float, int, bool]:
    """Stopword ratio, cue-group bit mask and date-likeness of one block (needs its words)."""
    lowered = block_words(text)
    mask = cue_mask(tuple(lowered)) if n_words <= 12 else 0  # cues mark chrome on short lines
    return (stopword_ratio(lowered), mask,
            n_words <= 16 and digits > 0 and date_like(text, lowered))


@lru_cache(maxsize=50_000)
def cue_mask(tokens: tuple[str, ...]) -> int:
    """Bit i set when the tokens hold a phrase of ``CUE_GROUPS[i]`` (cached: chrome repeats)."""
    found = cue_groups(list(tokens))
    return sum(1 << i for i, g in enumerate(CUE_GROUPS) if g in found)


TEXT_FEATURES = ("stopword_ratio", *(f"cue_{g}" for g in CUE_GROUPS), "date_like")
# Patterns checked per page. Those with trigger words are only run on the blocks holding one
# (found with fast substring search); "edges" ones look at a block's start and end only, where
# chrome markers sit.
PAGE_PATTERNS: tuple[tuple[str, re.Pattern, bool, tuple[str, ...]], ...] = (
    ("linkish", _LINKISH, True, ()),
    ("credit_cue", _CREDIT_CUE, False, ("©", "photo", "foto", "credit", "image", "bild",
                                        "picture", "getty", "reuters/", "afp/")),
    ("residue", _RESIDUE, True, ("(button)", "____", "[", "(img)")),
    ("caption", _CAPTION, True, ("photo", "pictured", "foto", "bild", "image", "credit", "getty",
                                 "reuters/", "afp/", "/ dpa")),
    ("comment_mark", _COMMENT_MARK, False, (
        "comment", "kommentar", "commentaire", "comentario", "commenti", "komentarz", "leave a",
        "add ", "post a", "reply", "antworten", "répondre", "responder", "rispondi", "odpowiedz",
        "report", "like", "flag", "says:", "wrote:", "replies")),
)

# cues that count on short lines only (at most this many words): a credit, a comment marker
SHORT_LINE_CUES = {"credit_cue": 20, "comment_mark": 12}


def blocks_containing(joined: str, bounds: list[tuple[int, int]], starts: list[int],
                      literals: tuple[str, ...]) -> set[int]:
    """Indices of the blocks in which any of ``literals`` occurs (substring search; past a
    block's first occurrence the search resumes at the next block)."""
    found = set()
    for literal in literals:
        pos = joined.find(literal)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            found.add(i)
            pos = joined.find(literal, bounds[i][1] + 1)
    return found


def edges_of(low: str) -> str:
    """The start and end of a long line, where chrome markers sit (the whole of a short one)."""
    return low if len(low) <= 400 else f"{low[:250]} … {low[-150:]}"


def ends_sentence_hits(texts: list[str]) -> np.ndarray:
    """1.0 for each block ending like a sentence: ``.!?…:;`` (or a CJK full stop) then only
    closing quotes or brackets."""
    tails = [t.rstrip(_CLOSERS) for t in texts]
    return np.array([bool(tail) and tail[-1] in _ENDERS for tail in tails], dtype=np.float64)


def byline_cue_hits(low: str, starts: list[int]) -> np.ndarray:
    """1.0 for each block of the lower-cased joined text ``low`` starting with a byline cue
    (``_BYLINE_CUE``, tried only where the block's first letter can start one)."""
    hit = np.zeros(len(starts), dtype=np.float64)
    for i, start in enumerate(starts):
        if low[start] in _BYLINE_FIRST and _BYLINE_CUE_AT_LINE.match(low, start):
            hit[i] = 1.0
    return hit


def pattern_hits(joined: str, starts: np.ndarray, ends: np.ndarray,
                 words: np.ndarray) -> dict[str, np.ndarray]:
    """For each of ``PAGE_PATTERNS``, which blocks it matches; those of ``SHORT_LINE_CUES`` on
    blocks of at most that many ``words`` only."""
    first = starts.tolist()
    bounds = list(zip(first, ends.tolist()))
    out = {"byline_cue": byline_cue_hits(joined, first)}
    n = len(starts)
    word_counts = words.tolist()
    for name, pattern, edges_only, triggers in PAGE_PATTERNS:
        hit = np.zeros(n, dtype=np.float64)
        most = SHORT_LINE_CUES.get(name)
        if triggers:
            for i in blocks_containing(joined, bounds, first, triggers):
                if most is not None and word_counts[i] > most:
                    continue  # no need to search a line too long to count
                low = joined[bounds[i][0]:bounds[i][1]]
                if pattern.search(edges_of(low) if edges_only else low):
                    hit[i] = 1.0
            out[name] = hit
            continue
        positions = np.fromiter((m.start() for m in pattern.finditer(joined)), dtype=np.int64)
        if len(positions):
            owner = np.searchsorted(starts, positions, side="right") - 1
            if edges_only:
                near = (positions - starts[owner] < 250) | (ends[owner] - positions < 150)
                owner = owner[near]
            hit[owner] = 1.0
        if most is not None:
            hit *= words <= most
        out[name] = hit
    return out


def own_features(blocks: list[Block]) -> np.ndarray:
    """The ``OWN_FEATURES`` matrix of a page's blocks."""
    n = len(blocks)
    texts = [b.text for b in blocks]
    counts = char_counts(texts)
    n_chars = (counts["ends"] - counts["starts"]).astype(np.float64)
    words = counts["words"].astype(np.float64)
    letters = np.maximum(counts["letters"], 1).astype(np.float64)
    rows = [text_features(t, w, d) for t, w, d in
            zip(texts, counts["words"].tolist(), counts["digits"].tolist())]
    masks = np.fromiter((r[1] for r in rows), dtype=np.int64, count=n)
    tcol = {"stopword_ratio": np.fromiter((r[0] for r in rows), dtype=np.float64, count=n),
            "date_like": np.fromiter((r[2] for r in rows), dtype=np.float64, count=n)}
    for i, group in enumerate(CUE_GROUPS):
        tcol[f"cue_{group}"] = ((masks >> i) & 1).astype(np.float64)
    tcol.update(pattern_hits(counts["lower"], counts["starts"], counts["ends"], words))
    tcol["ends_sentence"] = ends_sentence_hits(texts)
    tcol.update(shape_columns(blocks, texts))
    upper_ratio = counts["upper"] / letters
    col = {
        "log_chars": np.log1p(n_chars), "log_words": np.log1p(words),
        "log_sentence_ends": np.log1p(counts["sentence_ends"]),
        "comma_per_word": counts["commas"] / np.maximum(words, 1),
        "upper_ratio": upper_ratio,
        "titlecase_ratio": counts["upper_initials"] / np.maximum(counts["alpha_initials"], 1),
        "digit_ratio": counts["digits"] / np.maximum(n_chars, 1),
        "position": np.arange(n) / n,
        "avg_word_len": counts["word_chars"] / np.maximum(words, 1),
        "rel_len": n_chars / max(n_chars.max(), 1),
        "menu_seps": counts["menu_seps"].astype(np.float64),
        "all_caps": ((counts["letters"] > 3) & (upper_ratio > 0.8)).astype(np.float64),
        "is_prose": ((words >= 12) & (tcol["ends_sentence"] > 0)).astype(np.float64),
        **tcol,
    }
    out = np.empty((n, len(OWN_FEATURES)), dtype=np.float32)
    for j, name in enumerate(OWN_FEATURES):
        out[:, j] = col[name]
    return out


def shape_columns(blocks: list[Block], texts: list[str]) -> dict[str, np.ndarray]:
    """The layout columns (bullet, indent, blank lines, wrapping), the first- and last-character
    columns and ``repeats`` of each block, from one pass over the blocks."""
    seen = Counter(texts)
    rows = np.array([(bool(b.bullet), b.bullet[:1].isdigit(), b.indent, b.blank_before,
                      b.blank_after, b.wrapped, t[:1].islower(), t[:1] in _QUOTES,
                      t.endswith(":"), t.endswith(("…", "...")), seen[t])
                     for b, t in zip(blocks, texts)], dtype=np.float64).reshape(-1, 11)
    return {
        "has_bullet": rows[:, 0], "numbered": rows[:, 1], "indent": np.minimum(rows[:, 2], 24),
        "blank_before": np.minimum(rows[:, 3], 3), "blank_after": np.minimum(rows[:, 4], 3),
        "log_wrapped": np.log(rows[:, 5]), "starts_lower": rows[:, 6],
        "starts_quote": rows[:, 7],  # also for an empty block ('' is in any string)
        "ends_colon": rows[:, 8], "ends_ellipsis": rows[:, 9],
        "repeats": np.minimum(rows[:, 10] - 1, 4),
    }


def page_features(blocks: list[Block]) -> np.ndarray:
    """Feature matrix (blocks × ``FEATURE_NAMES``) of a whole page, context included."""
    n = len(blocks)
    out = np.empty((n, len(FEATURE_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    own = own_features(blocks)
    dom = dom_matrix(blocks)
    neighbours = own[:, [_OWN_INDEX[name] for name in NEIGHBOUR_FEATURES]]
    dom_neighbours = dom[:, _DOM_INDEX]
    parts = [own] + [(neighbours, off) for off in NEIGHBOUR_OFFSETS] + \
        [window_features(own), dom] + [(dom_neighbours, off) for off in (-1, 1)]
    col = 0
    for part in parts:
        values, offset = part if isinstance(part, tuple) else (part, 0)
        shift_into(out[:, col:col + values.shape[1]], values, offset)
        col += values.shape[1]
    return out


def dom_matrix(blocks: list[Block]) -> np.ndarray:
    """The ``DOM_FEATURES`` of each block; all -1 for blocks of a text capture."""
    if not blocks[0].dom:
        return np.full((len(blocks), len(DOM_FEATURES)), -1.0, dtype=np.float32)
    return np.array([b.dom for b in blocks], dtype=np.float32)


def shifted(values: np.ndarray, offset: int, fill: float = -1.0) -> np.ndarray:
    """Rows of ``values`` moved so row i holds row i+offset (``fill`` past the page's ends)."""
    return shift_into(np.empty_like(values), values, offset, fill)


def shift_into(out: np.ndarray, values: np.ndarray, offset: int,
               fill: float = -1.0) -> np.ndarray:
    """``out`` (same shape as ``values``) filled with ``shifted(values, offset, fill)``."""
    n = len(values)
    if offset == 0:
        out[:] = values
    elif abs(offset) >= n:
        out[:] = fill
    elif offset > 0:
        out[:n - offset] = values[offset:]
        out[n - offset:] = fill
    else:
        out[-offset:] = values[:n + offset]
        out[:-offset] = fill
    return out


def window_sum(values: np.ndarray, radius: int) -> np.ndarray:
    """Sum of ``values`` over a window of ``radius`` blocks on each side (1-D)."""
    padded = np.concatenate([[0.0], np.cumsum(values)])
    n = len(values)
    idx = np.arange(n)
    hi = np.minimum(idx + radius + 1, n)
    lo = np.maximum(idx - radius, 0)
    return padded[hi] - padded[lo]


def window_features(own: np.ndarray) -> np.ndarray:
    """How much running prose surrounds each block (``WINDOW_FEATURES`` order)."""
    n = len(own)
    prose = own[:, _OWN_INDEX["is_prose"]].astype(np.float64)
    words = np.expm1(own[:, _OWN_INDEX["log_words"]]).astype(np.float64)
    prose_words = prose * words
    idx = np.arange(n)
    last_prose = np.maximum.accumulate(np.where(prose > 0, idx, -1_000_000))
    next_prose = np.minimum.accumulate(np.where(prose > 0, idx, n + 1_000_000)[::-1])[::-1]
    total = prose_words.sum() or 1.0
    before = np.cumsum(prose_words) - prose_words
    center = (prose_words * idx).sum() / total if prose_words.sum() else n / 2
    spread = math.sqrt(((idx - center) ** 2 * prose_words).sum() / total) if prose_words.sum() \
        else n / 2
    comments = own[:, _OWN_INDEX["comment_mark"]].astype(np.float64)
    legal = own[:, _OWN_INDEX["cue_legal"]].astype(np.float64)
    return np.stack([
        np.log1p(np.cumsum(comments) - comments), window_sum(comments, 5),
        np.log1p(np.cumsum(legal) - legal),
        window_sum(prose, 2) / 5, window_sum(prose, 5) / 11, window_sum(prose, 15) / 31,
        np.log1p(window_sum(words, 5)),
        np.log1p(np.minimum(idx - last_prose, 1000)), np.log1p(np.minimum(next_prose - idx, 1000)),
        before / total, (total - before - prose_words) / total,
        (idx - center) / (spread + 1.0),
    ], axis=1).astype(np.float32)
