"""Train the block labeller (``dateline train``) from the development sets.

Every rendering of every page is segmented with the same ``text_to_blocks`` used at run time,
labelled by aligning it to the gold (``align.py``), and featurised with ``page_features``. Then:

1. ``body1`` is fitted on all labelled blocks;
2. out-of-fold ``body1`` probabilities (pages split in folds, all renderings of a page in the same
   fold) feed ``prob_context`` for ``body2``, so the stacked model sees honest first-stage errors;
3. ``title`` is fitted on pages with a gold title, with ``prob_context`` of ``body2``'s OOF output;
4. the headline ranker on the candidate lines of those pages, and the byline reader
   (``dateline.authors``) on the name-shaped spans of trafilatura-eval's pages with metadata
   gold, both assembled from out-of-fold probabilities.

The models are written as LightGBM text files to ``resources/labeller/`` with a ``meta.json``
saying what data and parameters made them.
"""
from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dateline.authors import AUTHOR_FEATURES, AUTHOR_MODEL, AUTHOR_VOCAB, write_vocab
from dateline.blocks import text_to_blocks
from dateline.features import FEATURE_NAMES, page_features
from dateline.headline import RANK_FEATURES
from dateline.labeller import PROB_CONTEXT, RANKER_NAME, prob_context
from dateline.train.align import labels_from_gold, labels_from_snippets, title_labels
from dateline.train.data import SOURCES, GoldPage, load_gold, read_capture_text

BODY_PARAMS = {"objective": "binary", "learning_rate": 0.1, "num_leaves": 31,
               "min_data_in_leaf": 40, "feature_fraction": 0.8, "bagging_fraction": 0.8,
               "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1, "seed": 7,
               "deterministic": True, "force_row_wise": True}
TITLE_PARAMS = {**BODY_PARAMS, "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 20,
                "feature_fraction": 1.0, "scale_pos_weight": 20.0}
RANK_PARAMS = {"objective": "lambdarank", "learning_rate": 0.05, "num_leaves": 15,
               "min_data_in_leaf": 20, "feature_fraction": 0.6, "bagging_fraction": 0.8,
               "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1, "seed": 7,
               "deterministic": True, "force_row_wise": True}
# the byline reader: many near-identical candidates per page (four renderings of it), so
# large leaves and a strong L2 keep it from learning single pages by heart (with leaves of 20
# rows it scored "Ihnen" 1.0 from where its line stood; held-out it found as many right names
# but invented three times as many on pages whose gold names nobody)
AUTHOR_PARAMS = {"objective": "binary", "learning_rate": 0.05, "num_leaves": 15,
                 "min_data_in_leaf": 300, "lambda_l2": 10.0, "feature_fraction": 0.8,
                 "bagging_fraction": 0.8, "bagging_freq": 1, "cat_smooth": 10,
                 "min_data_per_group": 20, "max_cat_threshold": 32, "verbose": -1, "seed": 1,
                 "deterministic": True, "force_row_wise": True}
AUTHOR_ROUNDS = 200
BODY_ROUNDS = 150
TITLE_ROUNDS = 250
RANK_ROUNDS = 400  # feature_fraction 0.6 and 400 rounds: held-out top-1 .796 against .787-.791
FOLDS = 5


@dataclass
class PageExamples:
    """Features and labels of all renderings of one page."""

    page_id: str
    dataset: str = ""
    renderers: list[str] = field(default_factory=list)  # the source form of each rendering
    features: list[np.ndarray] = field(default_factory=list)
    body: list[np.ndarray] = field(default_factory=list)
    weight: list[np.ndarray] = field(default_factory=list)
    title: list[np.ndarray] = field(default_factory=list)
    # (blocks, gold title) of each rendering the headline ranker learns from, else None
    ranked: list[tuple[list, str] | None] = field(default_factory=list)
    # the blocks of each text rendering the byline reader learns from (a page whose gold
    # gives its metadata), else None; ``authors`` is the gold ([] when it names nobody)
    bylined: list[list | None] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def page_examples(dataset: Path, page: GoldPage, silver: dict[str, str],
                  renderers: tuple[str, ...]) -> PageExamples:
    """Featurised, labelled blocks of every rendering of ``page``."""
    out = PageExamples(page.id, dataset.name, authors=list(page.authors or []))
    has_metadata = page.title is not None or page.authors is not None
    for renderer in renderers:
        blocks = source_blocks(dataset, renderer, page.id)
        if not blocks:
            continue
        if page.body is not None:
            body = labels_from_gold(blocks, page.body)
            weight = [1.0] * len(blocks)
        else:
            body, weight = labels_from_snippets(blocks, page.with_, page.without,
                                                silver.get(page.id, ""))
        out.renderers.append(renderer)
        out.features.append(page_features(blocks))
        out.body.append(np.array(body, dtype=np.int8))
        out.weight.append(np.array(weight, dtype=np.float32))
        out.title.append(np.array(title_labels(blocks, page.title), dtype=np.int8))
        out.ranked.append((blocks, page.title) if page.title and renderer != "html" else None)
        out.bylined.append(blocks if has_metadata and renderer != "html" else None)
    return out


def source_blocks(dataset: Path, renderer: str, page_id: str) -> list:
    """The blocks of one page in one source form (a text rendering, or ``html``), as at run time:
    read and decoded by ``read_capture`` (BOM, line ends, kind), then segmented by the path its
    kind takes."""
    from dateline.capture import read_capture
    from dateline.errors import CaptureError
    from dateline.html.article import html_page_blocks

    data = read_capture_text(dataset, renderer, page_id)
    if not data:
        return []
    try:
        capture = read_capture(data, source=page_id)
    except CaptureError:
        return []
    if capture.kind == "text":
        return text_to_blocks(capture.text)
    return html_page_blocks(capture.text)[0]


def fold_of(page_id: str, folds: int = FOLDS) -> int:
    """The cross-validation fold of a page: a stable hash of its id."""
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds


def oof_title_probs(pages: list[PageExamples], design: np.ndarray, labels: np.ndarray,
                    rows: np.ndarray, rounds: int, folds: int = FOLDS) -> np.ndarray:
    """Out-of-fold ``title`` probabilities of the ``rows`` (text-capture blocks), so the headline
    ranker learns how far to trust the ``title`` score on pages that model has not seen."""
    row_fold = row_folds(pages, folds)
    probs = np.zeros(len(design), dtype=np.float64)
    for k in range(folds):
        train, test = rows & (row_fold != k), rows & (row_fold == k)
        if train.any() and test.any() and (labels[train] == 1).any():
            booster = fit_booster(design[train], labels[train],
                                  np.ones(int(train.sum()), dtype=np.float32), TITLE_PARAMS, rounds)
            probs[test] = booster.predict(design[test])
    return probs


@dataclass
class RankerExamples:
    """Candidate rows of the headline ranker: one group per text rendering with a gold title."""

    rows: list[np.ndarray] = field(default_factory=list)
    labels: list[list[int]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # index in the page list of each group


def ranker_examples(pages: list[PageExamples], body_probs: np.ndarray,
                    title_probs: np.ndarray) -> RankerExamples:
    """The headline ranker's candidates of every text rendering with a gold title, from
    out-of-fold body and ``title`` probabilities and the same candidate choice as at run time;
    a candidate is right when it reads as the gold."""
    from dateline.article import Assembly, body_of, clean_title, is_metadata_line, title_candidates
    from dateline.evaluate import norm
    from dateline.headline import candidate_features, metadata_near
    from dateline.labeller import Labelling, title_window

    out, start = RankerExamples(), 0
    for index, page in enumerate(pages):
        for arr, ranked in zip(page.features, page.ranked):
            n, lo_row = len(arr), start
            start += n
            if ranked is None:
                continue
            blocks, gold = ranked
            body_p = body_probs[lo_row:lo_row + n].astype(np.float64)
            title_p = np.zeros(n)
            lo, hi = title_window(body_p)
            title_p[lo:hi] = title_probs[lo_row + lo:lo_row + hi]
            state, body = body_of(Assembly(blocks, Labelling(body=body_p, title=title_p)))
            candidates, first_body = title_candidates(state, body)
            right = [int(norm(clean_title(blocks[i].text)) == norm(gold)) for i in candidates]
            if len(candidates) < 2 or not any(right):
                continue
            metadata = metadata_near(blocks, candidates, is_metadata_line)
            out.rows.append(candidate_features(blocks, title_p, body_p, candidates, first_body,
                                               body, metadata))
            out.labels.append(right)
            out.pages.append(index)
    return out


@dataclass
class AuthorExamples:
    """The byline reader's candidates: one feature matrix and label vector per text rendering
    (``pages``: the page index of each), the context words coded as first met (``vocab``)."""

    rows: list[np.ndarray] = field(default_factory=list)
    labels: list[np.ndarray] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)


class GrowingVocab(dict):
    """A vocabulary that gives every new word the next code (while examples are collected)."""

    def get(self, key, default=None):
        """The code of ``key``, a new one if it has none yet."""
        if key not in self:
            self[key] = len(self)
        return self[key]


def author_examples(pages: list[PageExamples], body_probs: np.ndarray, title_probs: np.ndarray,
                    rankers) -> AuthorExamples:
    """The byline reader's candidates on every text rendering of a page with metadata gold,
    assembled as at run time from out-of-fold body and ``title`` probabilities with the
    headline ranker ``rankers(page_index)``; a candidate is right when it reads as one of the
    gold authors (a page whose gold names nobody gives only wrong ones)."""
    from dateline.article import assemble
    from dateline.authors import author_candidates
    from dateline.evaluate import norm
    from dateline.labeller import Labelling, models_in_use, title_window
    from dateline.model import Capture

    out, start = AuthorExamples(vocab=GrowingVocab()), 0
    for index, page in enumerate(pages):
        gold = {norm(name) for name in page.authors}
        for arr, blocks in zip(page.features, page.bylined):
            n, lo_row = len(arr), start
            start += n
            if blocks is None:
                continue
            body_p = body_probs[lo_row:lo_row + n].astype(np.float64)
            title_p = np.zeros(n)
            lo, hi = title_window(body_p)
            title_p[lo:hi] = title_probs[lo_row + lo:lo_row + hi]
            with models_in_use({RANKER_NAME: rankers(index)}):
                article, state = assemble(blocks, Labelling(body=body_p, title=title_p),
                                          Capture("", "text", source=page.page_id))
            if article.byline_org:
                continue  # (the reader reads only pages the rules found no byline on; pages
                # with no body, where it is not asked, still teach it what no byline looks like)
            candidates, rows = author_candidates(state, article.authors, out.vocab)
            if not candidates:
                continue
            out.rows.append(rows)
            out.labels.append(np.array([norm(c.text) in gold for c in candidates], np.int8))
            out.pages.append(index)
    out.vocab = dict(out.vocab)
    return out


def fit_author_model(examples: AuthorExamples, rounds: int, keep=None):
    """The byline reader (``dateline.authors``) fitted on ``examples`` (the renderings whose
    page index ``keep(index)`` accepts, when given), and its vocabulary: the context words met
    around right candidates at least twice, most frequent first, filled up to ``VOCAB_SIZE``
    with the most frequent words overall. (None, []) when there is no example to learn from."""
    import lightgbm as lgb
    from collections import Counter

    from dateline.authors import CATEGORICAL, VOCAB_SIZE, WORD_FEATURES

    chosen = [k for k, page in enumerate(examples.pages) if keep is None or keep(page)]
    if not chosen:
        return None, []
    word_cols = [AUTHOR_FEATURES.index(name) for name in WORD_FEATURES]
    around_right, overall = Counter(), Counter()
    for k in chosen:
        codes = examples.rows[k][:, word_cols].astype(np.int64)
        overall.update(codes.ravel().tolist())
        around_right.update(codes[examples.labels[k] == 1].ravel().tolist())
    kept = [code for code, count in around_right.most_common() if count >= 2][:VOCAB_SIZE]
    known = set(kept)
    kept += [code for code, _ in overall.most_common(VOCAB_SIZE) if code not in known]
    kept = kept[:VOCAB_SIZE]
    recode = np.full(len(examples.vocab) + 1, len(kept), dtype=np.float32)
    recode[kept] = np.arange(len(kept), dtype=np.float32)
    rows = np.vstack([examples.rows[k] for k in chosen])
    for col in word_cols:
        rows[:, col] = recode[np.minimum(rows[:, col].astype(np.int64), len(examples.vocab))]
    labels = np.concatenate([examples.labels[k] for k in chosen])
    cats = [AUTHOR_FEATURES.index(name) for name in CATEGORICAL]
    data = lgb.Dataset(rows, labels, feature_name=list(AUTHOR_FEATURES),
                       categorical_feature=cats)
    words = {code: word for word, code in examples.vocab.items()}
    return lgb.train(AUTHOR_PARAMS, data, num_boost_round=rounds), [words[c] for c in kept]


def fit_ranker(examples: RankerExamples, rounds: int, keep=None):
    """The headline ranker (``dateline.headline``) fitted on ``examples`` (only the groups whose
    page index ``keep(index)`` accepts, when given)."""
    import lightgbm as lgb

    chosen = [g for g, page in enumerate(examples.pages) if keep is None or keep(page)]
    if not chosen:
        raise ValueError("no page with headline candidates among the training pages")
    data = lgb.Dataset(np.vstack([examples.rows[g] for g in chosen]),
                       np.array([y for g in chosen for y in examples.labels[g]], dtype=np.float32),
                       group=[len(examples.labels[g]) for g in chosen])
    return lgb.train(RANK_PARAMS, data, num_boost_round=rounds)


def row_folds(pages: list[PageExamples], folds: int = FOLDS) -> np.ndarray:
    """The cross-validation fold of every block row (all renderings of a page in one fold)."""
    return np.concatenate([np.full(len(arr), fold_of(page.page_id, folds))
                           for page in pages for arr in page.features])


def fit_booster(features: np.ndarray, labels: np.ndarray, weights: np.ndarray, params: dict,
                rounds: int):
    """A LightGBM booster fitted on the rows whose label is known (not -1)."""
    import lightgbm as lgb

    keep = labels >= 0
    data = lgb.Dataset(features[keep], labels[keep].astype(np.float32), weight=weights[keep],
                       free_raw_data=True)
    return lgb.train(params, data, num_boost_round=rounds)


def stack(pages: list[PageExamples], attr: str) -> np.ndarray:
    """All rows of one attribute over pages and renderings, concatenated."""
    return np.concatenate([arr for page in pages for arr in getattr(page, attr)])


def oof_context(pages: list[PageExamples], features: np.ndarray, labels: np.ndarray,
                weights: np.ndarray, extra: np.ndarray | None, params: dict,
                rounds: int, folds: int = FOLDS) -> np.ndarray:
    """``prob_context`` of out-of-fold body probabilities, one row per block."""
    row_fold = row_folds(pages, folds)
    design = features if extra is None else np.hstack([features, extra])
    probs = np.zeros(len(features), dtype=np.float32)
    for k in range(folds):
        train = row_fold != k
        booster = fit_booster(design[train], labels[train], weights[train], params, rounds)
        probs[~train] = booster.predict(design[~train])
    return per_page_context(pages, probs)


def per_page_context(pages: list[PageExamples], probs: np.ndarray) -> np.ndarray:
    """``prob_context`` computed page by page (rendering by rendering) over a flat prob array."""
    parts, start = [], 0
    for page in pages:
        for arr in page.features:
            parts.append(prob_context(probs[start:start + len(arr)]))
            start += len(arr)
    return np.vstack(parts)


def featurised_pages(data_dir: Path, cache_dir: Path, datasets: tuple[str, ...],
                     renderers: tuple[str, ...], exclude_fold: int | None = None,
                     limit: int | None = None, log=print) -> list[PageExamples]:
    """Segmented, labelled and featurised renderings of every training page of ``datasets``
    (silver bodies for pages with snippet gold only, cached under ``cache_dir``)."""
    from dateline.train.silver import silver_bodies

    started = time.time()
    pages: list[PageExamples] = []
    for name in datasets:
        dataset = data_dir / name
        gold = load_gold(dataset)[:limit] if limit else load_gold(dataset)
        needs_silver = [p.id for p in gold if p.body is None]
        silver = silver_bodies(dataset, cache_dir, needs_silver) if needs_silver else {}
        for page in gold:
            if exclude_fold is not None and fold_of(page.id) == exclude_fold:
                continue
            examples = page_examples(dataset, page, silver, renderers)
            if examples.features:
                pages.append(examples)
        log(f"{name}: {len(gold)} pages featurised ({time.time() - started:.0f}s)")
    return pages


def train_labeller(data_dir: Path, out_dir: Path, cache_dir: Path,
                   datasets: tuple[str, ...] = ("scrapinghub-dev", "trafilatura-eval"),
                   renderers: tuple[str, ...] = SOURCES, exclude_fold: int | None = None,
                   limit: int | None = None, rounds: int | None = None, log=print) -> dict:
    """Train the three labeller models and write them to ``out_dir``; returns the meta record.

    ``exclude_fold`` leaves that cross-validation fold's pages out (for honest evaluation);
    ``limit`` caps pages per dataset and ``rounds`` boosting rounds (for a quick run in tests).
    """
    body_rounds, title_rounds, rank_rounds, author_rounds = (
        (rounds,) * 4 if rounds else (BODY_ROUNDS, TITLE_ROUNDS, RANK_ROUNDS, AUTHOR_ROUNDS))
    started = time.time()
    pages = featurised_pages(data_dir, cache_dir, datasets, renderers, exclude_fold, limit, log)
    features, body, weight = stack(pages, "features"), stack(pages, "body"), stack(pages, "weight")
    title = stack(pages, "title")
    if not (title == 1).any():
        raise ValueError("no page with a gold title among the training pages: the headline "
                         "model needs trafilatura-eval (or another set with titles)")
    log(f"{len(features):,} blocks, {int((body == 1).sum()):,} body, "
        f"{int((body == 0).sum()):,} other, {int((body < 0).sum()):,} unknown")
    body1 = fit_booster(features, body, weight, BODY_PARAMS, body_rounds)
    context1 = oof_context(pages, features, body, weight, None, BODY_PARAMS, body_rounds)
    log(f"body1 + out-of-fold context done ({time.time() - started:.0f}s)")
    design2 = np.hstack([features, context1])
    body2 = fit_booster(design2, body, weight, BODY_PARAMS, body_rounds)
    context2 = oof_context(pages, features, body, weight, context1, BODY_PARAMS, body_rounds)
    # headlines look different in a DOM (an h1) and in text (a short line above the lead):
    # one headline model per block source, both over the same features
    design3 = np.hstack([features, context2])
    from_html = features[:, FEATURE_NAMES.index("tag_p")] >= 0
    titles = {}
    for name, rows in (("title", ~from_html), ("title_html", from_html)):
        titles[name] = fit_booster(design3[rows], title[rows],
                                   np.ones(int(rows.sum()), dtype=np.float32), TITLE_PARAMS,
                                   title_rounds)
    log(f"title models done ({time.time() - started:.0f}s)")
    oof_title = oof_title_probs(pages, design3, title, ~from_html, title_rounds)
    ranker = fit_ranker(ranker_examples(pages, context2[:, 0], oof_title), rank_rounds)
    log(f"headline ranker done ({time.time() - started:.0f}s)")
    author, vocab = fit_author_model(author_examples(pages, context2[:, 0], oof_title,
                                                     lambda _: ranker), author_rounds)
    log(f"byline reader done ({time.time() - started:.0f}s)")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, booster in (("body1", body1), ("body2", body2), *titles.items(),
                          (RANKER_NAME, ranker)):
        booster.save_model(str(out_dir / f"{name}.txt"))
    if author is not None:
        author.save_model(str(out_dir / f"{AUTHOR_MODEL}.txt"))
        write_vocab(out_dir / AUTHOR_VOCAB, vocab)
    else:  # (no page with metadata gold: the byline rules work alone; no stale reader stays)
        log("no page with metadata gold among the training pages: no byline reader")
        for name in (f"{AUTHOR_MODEL}.txt", AUTHOR_VOCAB):
            (out_dir / name).unlink(missing_ok=True)
    meta = {"datasets": list(datasets), "renderers": list(renderers), "pages": len(pages),
            "blocks": int(len(features)), "exclude_fold": exclude_fold, "limit": limit,
            "features": list(FEATURE_NAMES), "prob_context": list(PROB_CONTEXT),
            "rank_features": list(RANK_FEATURES),
            "body_params": BODY_PARAMS, "title_params": TITLE_PARAMS,
            "ranker_params": RANK_PARAMS, "author_features": list(AUTHOR_FEATURES),
            "author_params": AUTHOR_PARAMS,
            "rounds": {"body": body_rounds, "title": title_rounds, "ranker": rank_rounds,
                       "author": author_rounds},
            "seconds": round(time.time() - started, 1)}
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    log(f"models written to {out_dir} ({meta['seconds']}s)")
    return meta
