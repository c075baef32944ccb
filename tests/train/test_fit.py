"""Training runs from the development data, and the shipped model matches the code."""
import json
import os
import subprocess
import sys
from importlib import resources

from dateline.authors import AUTHOR_FEATURES, VOCAB_SIZE
from dateline.features import FEATURE_NAMES
from dateline.headline import RANK_FEATURES
from dateline.labeller import PROB_CONTEXT
from dateline.train.fit import train_labeller


def test_shipped_model_matches_feature_code():
    meta = json.loads(resources.files("dateline.resources").joinpath("labeller/meta.json")
                      .read_text("utf-8"))
    assert meta["features"] == list(FEATURE_NAMES)
    assert meta["prob_context"] == list(PROB_CONTEXT)
    assert meta["rank_features"] == list(RANK_FEATURES)
    assert meta["author_features"] == list(AUTHOR_FEATURES)
    assert meta["limit"] is None and meta["exclude_fold"] is None  # trained on all the data


def test_training_runs_on_a_slice(shared_data, tmp_path):
    out = tmp_path / "model"
    # the first ~100 trafilatura-eval pages have no gold title; 120 pages hold a few dozen
    meta = train_labeller(shared_data, out, tmp_path / "cache", limit=120, rounds=10,
                          datasets=("trafilatura-eval",), log=lambda msg: None)
    assert meta["pages"] == 120 and meta["blocks"] > 1000
    assert {p.name for p in out.iterdir()} == {"body1.txt", "body2.txt", "title.txt",
                                               "title_html.txt", "title_rank.txt", "author.txt",
                                               "author_vocab.json", "meta.json"}
    assert meta["author_features"] == list(AUTHOR_FEATURES)
    assert 0 < len(json.loads((out / "author_vocab.json").read_text("utf-8"))) <= VOCAB_SIZE
    code = ("import dateline; a = dateline.extract(open(%r).read()); print(len(a.body) >= 0)"
            % str(next((shared_data / "scrapinghub-dev" / "captures" / "w3m").glob("*.txt"))))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "DATELINE_MODEL_DIR": str(out)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"
