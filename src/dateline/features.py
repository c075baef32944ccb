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
from functools import lru_cache
from importlib import resources

import numpy as np

from dateline.meta.lang import stopword_ratio
from dateline.model import Block

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT_END = re.compile(r"[.!?…][\"'”’»)]?(?:\s|$)")
_ENDS_SENT = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_CLOCK_OR_NUMERIC_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}")
# First three letters of month names and abbreviations (en, de, fr, es, it, pl, nl, pt): a token
# starting so, next to a number, makes a line date-like.
MONTH_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mär mai okt dez fév avr jui aoû déc ene abr "
    "ago dic gen mag giu lug set ott sty lut kwi maj cze lip sie wrz paź lis gru mei out".split())
# The patterns below run on the lower-cased text (case-insensitive matching is slower).
_BYLINE_CUE = re.compile(
    r"^(?:by|text by|written by|von|par|por|di|de|door|av|af|autor|author|auteur|reporter)\b[: ]")
_CREDIT_CUE = re.compile(r"©|\b(?:photo|foto|credit|image|bild|picture|getty|reuters/|afp/)\b")
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|org|net|de|fr|uk)\b|@\w")
_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽΑ-ΩА-ЯЁ]")
_DIGITS = re.compile(r"\d")
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
FEATURE_NAMES: tuple[str, ...] = (
    OWN_FEATURES
    + tuple(f"{name}@{off:+d}" for off in NEIGHBOUR_OFFSETS for name in NEIGHBOUR_FEATURES)
    + WINDOW_FEATURES
)
_OWN_INDEX = {name: i for i, name in enumerate(OWN_FEATURES)}


CUE_GROUPS = ("teaser", "share", "nav", "account", "legal", "comment", "ad")


def cue_groups(tokens: list[str]) -> set[str]:
    """The cue groups (``CUE_GROUPS``) with a phrase among the lower-cased word ``tokens``."""
    phrases = cue_phrases()
    found = set()
    n = len(tokens)
    for size in range(1, 5):
        for i in range(n - size + 1):
            group = phrases.get(tokens[i] if size == 1 else tuple(tokens[i:i + size]))
            if group:
                found.add(group)
    return found


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


def block_features(block: Block, position: float, repeats: int, max_len: int) -> list[float]:
    """The own features of one block, in ``OWN_FEATURES`` order."""
    text = block.text
    low = text.lower()
    words = _WORD.findall(text)
    n_words = len(words)
    n_chars = len(text)
    letters = len(_LETTER.findall(text)) or 1
    upper = len(_UPPER.findall(text))
    digits = len(_DIGITS.findall(text))
    initials = "".join([w[0] for w in words if w[0].isalpha()])
    titlecase = len(_UPPER.findall(initials)) / (len(initials) or 1)
    sentence_ends = len(_SENT_END.findall(text))
    ends_sentence = bool(_ENDS_SENT.search(text))
    lowered = _WORD.findall(low)
    cues = cue_groups(lowered) if n_words <= 12 else ()  # cue words mark chrome on short lines
    edges = low if n_chars <= 400 else f"{low[:250]} … {low[-150:]}"  # where chrome markers sit
    return [
        math.log1p(n_chars), math.log1p(n_words), float(ends_sentence),
        math.log1p(sentence_ends), text.count(",") / (n_words or 1),
        upper / letters, titlecase, digits / (n_chars or 1), float(bool(block.bullet)),
        float(block.bullet[:1].isdigit()), float(min(block.indent, 24)),
        float(min(block.blank_before, 3)), float(min(block.blank_after, 3)),
        math.log(block.wrapped), stopword_ratio(lowered), position,
        (sum(len(w) for w in words) / n_words) if n_words else 0.0,
        float(bool(_LINKISH.search(edges))),
        *(float(g in cues) for g in CUE_GROUPS),
        float(bool(_BYLINE_CUE.match(low))),
        float(n_words <= 16 and digits > 0 and date_like(text, lowered)),
        float(n_words <= 20 and bool(_CREDIT_CUE.search(low))), float(min(repeats, 4)),
        n_chars / (max_len or 1), float(len(_MENU_SEP.findall(text))),
        float(letters > 3 and upper / letters > 0.8), float(text[:1].islower()),
        float(text[:1] in "\"'“”‘«„»"), float(bool(_RESIDUE.search(edges))),
        float(text.endswith(":")), float(text.endswith(("…", "..."))),
        float(n_words >= 12 and ends_sentence), float(bool(_CAPTION.search(edges))),
        float(n_words <= 12 and bool(_COMMENT_MARK.search(low))),
    ]


def page_features(blocks: list[Block]) -> np.ndarray:
    """Feature matrix (blocks × ``FEATURE_NAMES``) of a whole page, context included."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    counts: dict[str, int] = {}
    for block in blocks:
        counts[block.text] = counts.get(block.text, 0) + 1
    max_len = max(len(b.text) for b in blocks)
    own = np.array([block_features(b, i / n, counts[b.text] - 1, max_len)
                    for i, b in enumerate(blocks)], dtype=np.float32)
    parts = [own]
    cols = [_OWN_INDEX[name] for name in NEIGHBOUR_FEATURES]
    for off in NEIGHBOUR_OFFSETS:
        parts.append(shifted(own[:, cols], off))
    parts.append(window_features(own))
    return np.hstack(parts)


def shifted(values: np.ndarray, offset: int, fill: float = -1.0) -> np.ndarray:
    """Rows of ``values`` moved so row i holds row i+offset (``fill`` past the page's ends)."""
    out = np.full_like(values, fill)
    n = len(values)
    if abs(offset) >= n:
        return out
    if offset > 0:
        out[:n - offset] = values[offset:]
    else:
        out[-offset:] = values[:n + offset]
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
