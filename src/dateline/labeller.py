"""Stage 3b — the learned block labeller: how likely each block is article body, or the headline.

Gradient-boosted tree models (LightGBM), trained by ``dateline train`` from the development
sets (see ``dateline/train/``) and shipped in ``resources/labeller/``:

1. ``body1``: body probability from a block's own and neighbours' features;
2. ``body2``: the same features plus the first model's probabilities around the block (a
   stacked sequence model: a block inside a run of likely body is likely body);
3. ``title`` / ``title_html``: headline probability, from the features plus where the body
   starts (one model for text captures, one for HTML pages);
4. ``title_rank`` (optional): the headline ranker of ``dateline.headline``, which picks a text
   capture's headline among the candidate lines;
5. ``author`` with ``author_vocab.json`` (optional): the byline reader of ``dateline.authors``,
   which scores the name-shaped spans around the article (``load_author_model``).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
import os
from pathlib import Path
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

import numpy as np

from dateline.errors import ModelError
from dateline.features import FEATURE_NAMES, page_features, shift_into, window_sum
from dateline.model import Block

if TYPE_CHECKING:
    import lightgbm as lgb

    from dateline.compiled import CompiledModel

MODEL_NAMES = ("body1", "body2", "title", "title_html")
RANKER_NAME = "title_rank"  # the headline ranker of ``dateline.headline``
TITLE_SPAN = 60
PROB_CONTEXT = ("p", "p@-1", "p@+1", "p@-2", "p@+2", "p@-3", "p@+3", "p_w5", "p_w15",
                "p_mass_before", "p_mass_after", "dist_first_body", "dist_last_body")


@dataclass(frozen=True, slots=True)
class Labelling:
    """Per-block probabilities for one page: ``body[i]`` and ``title[i]`` for block i."""

    body: np.ndarray
    title: np.ndarray


def prob_context(p: np.ndarray) -> np.ndarray:
    """Features of each block from body probabilities around it (``PROB_CONTEXT`` order)."""
    n = len(p)
    out = np.empty((n, len(PROB_CONTEXT)), dtype=np.float32)
    col = p.astype(np.float32)
    out[:, 0] = col
    for j, offset in enumerate((-1, 1, -2, 2, -3, 3), start=1):  # p@-1, p@+1 ... p@+3
        shift_into(out[:, j], col, offset)
    idx = np.arange(n)
    likely = np.flatnonzero(p > 0.5)
    first, last = (likely[0], likely[-1]) if len(likely) else (n, -1)
    total = float(p.sum()) or 1.0
    before = np.cumsum(p) - p
    # (the columns computed in double precision are rounded to float32 as they are stored)
    out[:, 7] = window_sum(p, 5) / 11
    out[:, 8] = window_sum(p, 15) / 31
    out[:, 9] = before / total
    out[:, 10] = (total - before - p) / total
    out[:, 11] = np.sign(idx - first) * np.log1p(np.abs(idx - first))
    out[:, 12] = np.sign(idx - last) * np.log1p(np.abs(idx - last))
    return out


_IN_USE: list[dict] = []  # models ``models_in_use`` put in place of the shipped ones


@contextmanager
def models_in_use(models: dict) -> Iterator[None]:
    """Within the block, ``load_models`` answers ``models`` (``dateline train`` assembles
    articles with the headline ranker it has just fitted)."""
    _IN_USE.append(models)
    try:
        yield
    finally:
        _IN_USE.pop()


def load_models() -> dict:
    """The models in use by name: the shipped ones (``shipped_models``) unless
    ``models_in_use`` says otherwise."""
    return _IN_USE[-1] if _IN_USE else shipped_models()


@lru_cache(maxsize=1)
def shipped_models() -> dict:
    """The shipped models by name, as predictors (``load_model``; loaded once per process,
    read-only).

    ``DATELINE_MODEL_DIR`` points to another model folder (e.g. one trained with a fold left out).
    """
    models = {}
    folder = model_folder()
    for name in MODEL_NAMES:
        path = folder.joinpath(f"{name}.txt")
        try:
            models[name] = load_model(path)
        except (FileNotFoundError, OSError) as exc:
            raise ModelError(f"labeller model {name!r} missing from the package ({exc}); "
                             "reinstall dateline or run `dateline train`") from exc
        expected = len(FEATURE_NAMES) + (0 if name == "body1" else len(PROB_CONTEXT))
        check_features(name, models[name], expected)
    ranker = folder.joinpath(f"{RANKER_NAME}.txt")
    if ranker.is_file():  # optional: without it the headline is the best ``title`` score
        from dateline.headline import RANK_FEATURES

        models[RANKER_NAME] = load_model(ranker)
        check_features(RANKER_NAME, models[RANKER_NAME], len(RANK_FEATURES))
    return models


def model_folder() -> Traversable:
    """The folder the models are read from: the package's ``resources/labeller``, or
    ``DATELINE_MODEL_DIR`` when set."""
    override = os.environ.get("DATELINE_MODEL_DIR")
    return Path(override) if override else resources.files("dateline.resources").joinpath(
        "labeller")


@lru_cache(maxsize=1)
def load_author_model() -> tuple[lgb.Booster | CompiledModel, dict[str, int]] | None:
    """The byline reader of ``dateline.authors`` and its context vocabulary, or None when the
    package ships none (the byline rules then work alone)."""
    from dateline.authors import AUTHOR_FEATURES, AUTHOR_MODEL, AUTHOR_VOCAB, read_vocab

    folder = model_folder()
    path, vocab_path = folder.joinpath(f"{AUTHOR_MODEL}.txt"), folder.joinpath(AUTHOR_VOCAB)
    if not path.is_file() or not vocab_path.is_file():
        return None
    model = load_model(path)
    check_features(AUTHOR_MODEL, model, len(AUTHOR_FEATURES))
    return model, read_vocab(vocab_path)


def load_model(path: Traversable) -> lgb.Booster | CompiledModel:
    """One model file as a predictor: compiled to native code when lleaves is installed
    (``dateline.compiled``: same probabilities, faster), else a LightGBM booster."""
    import lightgbm as lgb

    from dateline.compiled import compiled_model

    text = path.read_text("utf-8")
    with resources.as_file(path) as real_path:
        compiled = compiled_model(Path(real_path), text)
    return compiled or lgb.Booster(model_str=text)


def check_features(name: str, model, expected: int) -> None:
    """Raise ``ModelError`` unless ``model`` takes ``expected`` features."""
    if model.num_feature() != expected:
        raise ModelError(f"labeller model {name!r} was trained on {model.num_feature()} "
                         f"features but this dateline computes {expected}: retrain it with "
                         "`dateline train`")


def title_window(body: np.ndarray, before: int = TITLE_SPAN) -> tuple[int, int]:
    """Rows worth scoring as headline: up to ``before`` blocks above the first likely body
    block, and a few into it (a headline sits just above the article, never far below)."""
    likely = np.flatnonzero(body > 0.5)
    first = int(likely[0]) if len(likely) else len(body)
    return max(0, first - before), min(len(body), first + 4)


def label_blocks(blocks: list[Block]) -> Labelling:
    """Body and headline probabilities for every block of a page (and set ``Block.score``)."""
    if not blocks:
        empty = np.zeros(0, dtype=np.float32)
        return Labelling(empty, empty)
    models = load_models()
    features = page_features(blocks)
    p1 = models["body1"].predict(features, num_threads=1)
    stacked = np.hstack([features, prob_context(p1)])
    p2 = models["body2"].predict(stacked, num_threads=1)
    title = np.zeros(len(blocks), dtype=np.float64)
    lo, hi = title_window(p2)
    if hi > lo:
        model = models["title_html" if blocks[0].dom else "title"]
        title[lo:hi] = model.predict(
            np.hstack([features[lo:hi], prob_context(p2)[lo:hi]]), num_threads=1)
    for block, p in zip(blocks, p2):
        block.score = float(p)
    return Labelling(body=p2, title=title)
