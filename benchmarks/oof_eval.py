#!/usr/bin/env python3
"""Out-of-fold evaluation: held-out scores on every development page for the cost of one training.

`dateline eval` scores the shipped model on the pages it was trained on (flattering), and
`cv_eval.py` retrains once per fold (five trainings). This script runs the training pipeline
once and keeps what it computes anyway: the out-of-fold body probabilities of the stacked
``body2`` model (each page scored by models that never saw it), plus out-of-fold ``title`` /
``title_html`` probabilities and one headline ranker per fold. Scoring then feeds these
probabilities to the normal assembly stage (``blocks_to_article``) for every rendering of every
page, so the table is a 5-fold cross-validated estimate over all pages — and a change to the
assembly rules (`article.py`, dates, bylines, HTML metadata) can be scored on honest
probabilities in minutes, without retraining.

(The training rows' context features come from models that saw the held-out fold; the held-out
page's own probabilities never do.)

Usage:
  python benchmarks/oof_eval.py fit   [--data ../shared/data] [--work .cache/oof]   # ~30-60 min
  python benchmarks/oof_eval.py score [--work .cache/oof] [--sets ...] [--renderers ...]
                                      [--predictions DIR]
`fit` must be re-run after a change to segmentation (`blocks.py`, `html/blocks.py`) or features;
`score` says so when the stored probabilities no longer match the blocks.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from dateline.train.data import SOURCES

SETS = ("scrapinghub-dev", "trafilatura-eval")


def fit(data: Path, work: Path, cache: Path, limit: int | None = None) -> None:
    """Run the training pipeline once and store out-of-fold probabilities and fold rankers."""
    from dateline.authors import write_vocab
    from dateline.features import FEATURE_NAMES
    from dateline.train import fit as tf

    started = time.time()

    def log(message: str) -> None:
        print(f"{message} [{time.time() - started:.0f}s]", file=sys.stderr, flush=True)

    pages = tf.featurised_pages(data, cache, SETS, SOURCES, limit=limit, log=log)
    features, body = tf.stack(pages, "features"), tf.stack(pages, "body")
    weight, title = tf.stack(pages, "weight"), tf.stack(pages, "title")
    context1 = tf.oof_context(pages, features, body, weight, None, tf.BODY_PARAMS, tf.BODY_ROUNDS)
    log("out-of-fold body1 done")
    context2 = tf.oof_context(pages, features, body, weight, context1, tf.BODY_PARAMS,
                              tf.BODY_ROUNDS)
    log("out-of-fold body2 done")
    design3 = np.hstack([features, context2])
    from_html = features[:, FEATURE_NAMES.index("tag_p")] >= 0
    title_p = (tf.oof_title_probs(pages, design3, title, ~from_html, tf.TITLE_ROUNDS)
               + tf.oof_title_probs(pages, design3, title, from_html, tf.TITLE_ROUNDS))
    log("out-of-fold title models done")
    examples = tf.ranker_examples(pages, context2[:, 0], title_p)
    work.mkdir(parents=True, exist_ok=True)
    folds = [tf.fold_of(page.page_id) for page in pages]
    rankers = [tf.fit_ranker(examples, tf.RANK_ROUNDS, keep=lambda i: folds[i] != k)
               for k in range(tf.FOLDS)]
    for k, ranker in enumerate(rankers):
        ranker.save_model(str(work / f"rank{k}.txt"))
    log("fold rankers done")
    bylines = tf.author_examples(pages, context2[:, 0], title_p, lambda i: rankers[folds[i]])
    for k in range(tf.FOLDS):
        author, vocab = tf.fit_author_model(bylines, tf.AUTHOR_ROUNDS, keep=lambda i: folds[i] != k)
        if author is not None:  # (else the shipped reader answers for this fold)
            author.save_model(str(work / f"author{k}.txt"))
            write_vocab(work / f"author_vocab{k}.json", vocab)
    log("fold byline readers done")
    index = [[page.dataset, page.page_id, renderer, len(arr)]
             for page in pages for renderer, arr in zip(page.renderers, page.features)]
    np.savez(work / "oof.npz", body=context2[:, 0].astype(np.float64), title=title_p)
    (work / "index.json").write_text(json.dumps(index) + "\n", encoding="utf-8")
    log(f"written to {work}")


class StoredLabels:
    """Stands in for the labeller: returns the stored out-of-fold probabilities of the
    rendering being scored (and the fold's headline ranker)."""

    def __init__(self, work: Path):
        import lightgbm as lgb

        from dateline.authors import read_vocab
        from dateline.labeller import RANKER_NAME

        arrays = np.load(work / "oof.npz")
        self.body, self.title = arrays["body"], arrays["title"]
        self.rows: dict[tuple[str, str, str], tuple[int, int]] = {}
        start = 0
        for dataset, page_id, renderer, n in json.loads((work / "index.json").read_text()):
            self.rows[(dataset, page_id, renderer)] = (start, n)
            start += n
        self.rankers = [{RANKER_NAME: lgb.Booster(model_file=str(path))}
                        for path in sorted(work.glob("rank*.txt"))]
        self.authors = {int(path.stem[-1]): (lgb.Booster(model_file=str(path)),
                                             read_vocab(work / f"author_vocab{path.stem[-1]}.json"))
                        for path in work.glob("author[0-9].txt")}
        self.current: tuple[str, str, str] | None = None
        from dateline.labeller import label_blocks, load_author_model, load_models

        self.shipped, self.shipped_models, self.fallback = label_blocks, load_models, False
        self.shipped_author = load_author_model

    def select(self, dataset: str, page_id: str, renderer: str) -> bool:
        """Make ``label_blocks`` answer for this rendering; False when none is stored."""
        from dateline.train.fit import fold_of

        self.current = (dataset, page_id, renderer)
        self.fallback = False
        self.fold = fold_of(page_id)
        return self.current in self.rows

    def label_blocks(self, blocks):
        """The stored ``Labelling`` of the current rendering (title scores in the title window,
        as at run time)."""
        from dateline.labeller import Labelling, title_window

        start, n = self.rows[self.current]
        if len(blocks) != n:
            # a rendering that reads as HTML (a text dump full of markup) goes down the HTML
            # path here but was fitted as text: score it with the shipped models, and say so
            print(f"{self.current}: {len(blocks)} blocks now, {n} when fitted (re-run `fit` if "
                  "segmentation changed); scored with the shipped models", file=sys.stderr)
            self.fallback = True
            return self.shipped(blocks)
        body = self.body[start:start + n]
        title = np.zeros(n)
        lo, hi = title_window(body)
        title[lo:hi] = self.title[start + lo:start + hi]
        for block, p in zip(blocks, body):
            block.score = float(p)
        return Labelling(body=body, title=title)

    def models(self) -> dict:
        """The fold's headline ranker, where ``dateline.labeller.load_models`` is asked."""
        return self.shipped_models() if self.fallback else self.rankers[self.fold]

    def author_model(self):
        """The fold's byline reader, where ``dateline.labeller.load_author_model`` is asked
        (the shipped one when the work folder has none: fitted before byline readers)."""
        if self.fallback or self.fold not in self.authors:
            return self.shipped_author()
        return self.authors[self.fold]


def score(data: Path, work: Path, sets: list[str], renderers: list[str],
          predictions: Path | None) -> None:
    """Score every stored rendering through the normal assembly, print one table per set."""
    import dateline.article
    import dateline.html.article
    import dateline.labeller
    from dateline.evaluate import evaluate_dataset, format_table

    stored = StoredLabels(work)
    dateline.article.label_blocks = stored.label_blocks
    dateline.html.article.label_blocks = stored.label_blocks
    dateline.labeller.load_models = stored.models
    dateline.labeller.load_author_model = stored.author_model
    for name in sets:
        rows = evaluate_dataset(data / name, tuple(renderers), predictions,
                                select=lambda page_id, renderer: stored.select(name, page_id,
                                                                               renderer))
        print(format_table(f"{name} (out-of-fold)", rows) + "\n", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=("fit", "score"))
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--work", type=Path, default=Path(".cache/oof"))
    parser.add_argument("--cache", type=Path, default=Path(".cache"), help="silver-label cache")
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--renderers", nargs="+", default=list(SOURCES))
    parser.add_argument("--limit", type=int, help="fit on the first N pages of each set (a quick check)")
    parser.add_argument("--predictions", type=Path, help="also write <set>.<renderer>.jsonl here")
    args = parser.parse_args()
    if args.stage == "fit":
        fit(args.data, args.work, args.cache, args.limit)
    else:
        score(args.data, args.work, args.sets, args.renderers, args.predictions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
