#!/usr/bin/env python3
"""Score each CV fold's pages with that fold's model and print the pooled table.

Usage: python benchmarks/cv_score.py DATA_DIR WORK_DIR FOLD...  (called by cv_eval.py)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from dateline.evaluate import RendererScore, format_table, predict, score_page
from dateline.labeller import load_author_model, shipped_models
from dateline.train.data import SOURCES as RENDERERS, load_gold, read_capture_text
from dateline.train.fit import fold_of


def main(data: Path, work: Path, folds: list[int]) -> int:
    for name in ("scrapinghub-dev", "trafilatura-eval"):
        dataset = data / name
        gold = load_gold(dataset)
        scores = {r: RendererScore(r) for r in RENDERERS}
        for fold in folds:
            os.environ["DATELINE_MODEL_DIR"] = str(work / f"fold{fold}")
            shipped_models.cache_clear()
            load_author_model.cache_clear()
            for page in (p for p in gold if fold_of(p.id) == fold):
                for renderer in RENDERERS:
                    pred = predict(read_capture_text(dataset, renderer, page.id), page.id)
                    scores[renderer].pages += 1
                    score_page(scores[renderer], page, pred)
        rows = [scores[r].summary() for r in RENDERERS]
        print(format_table(f"{name} (cross-validated, folds {folds})", rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), [int(f) for f in sys.argv[3:]]))
