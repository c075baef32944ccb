#!/usr/bin/env python3
"""Cross-validated evaluation: the numbers to trust for pages dateline has never seen.

`dateline eval` scores the shipped model on the very pages it was trained on, which flatters it.
This script trains the labeller once per fold with that fold's pages left out
(`dateline train --exclude-fold K`), scores each fold's pages with the model that did not see
them, and prints the pooled table.

Usage: python benchmarks/cv_eval.py [--data ../shared/data] [--folds 0 1 2 3 4] [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--work", type=Path, default=Path(".cache/cv"))
    parser.add_argument("--retrain", action="store_true", help="train even if a fold model exists")
    args = parser.parse_args()
    for fold in args.folds:
        model_dir = args.work / f"fold{fold}"
        if args.retrain or not (model_dir / "title.txt").exists():
            print(f"training fold {fold} ...", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, "-m", "dateline.cli", "train", "--data", str(args.data),
                            "--out", str(model_dir), "--exclude-fold", str(fold)], check=True)
    subprocess.run([sys.executable, __file__.replace("cv_eval.py", "cv_score.py"), str(args.data),
                    str(args.work), *map(str, args.folds)], check=True,
                   env={**os.environ, "PYTHONHASHSEED": "0"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
