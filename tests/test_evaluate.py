"""dateline's metric implementation agrees with ../shared/tools/score.py."""
import importlib.util
import json

import pytest

from dateline.evaluate import RendererScore, body_counts, body_f1, score_page
from dateline.train.data import GoldPage
from conftest import SHARED


def test_body_metric_matches_score_py(tmp_path):
    path = SHARED / "tools" / "score.py"
    if not path.exists():
        pytest.skip("../shared/tools/score.py is not present")
    spec = importlib.util.spec_from_file_location("score", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pairs = [("the cat sat on the mat today", "the cat sat on the mat"),
             ("alpha beta gamma delta epsilon", "zeta eta theta iota kappa"),
             ("one two three four five six", "one two three four five six")]
    ours = body_f1([body_counts(g, p) for g, p in pairs])
    theirs = score.body_scores([score.body_counts(g, p) for g, p in pairs])
    assert ours[0] == pytest.approx(theirs["f1"])
    assert ours[1] == pytest.approx(theirs["precision"])


def test_snippet_scoring():
    tally = RendererScore("w3m")
    page = GoldPage(id="x", dataset="t", with_=["kept  text", "lost text"], without=["menu"],
                    title="A title", authors=["Jane Roe"], published="2024-01-02")
    score_page(tally, page, {"text": "kept text and menu", "title": "A Title",
                             "authors": ["jane roe"], "published": "2024-01-02T10:00:00"})
    summary = tally.summary()
    assert (tally.snippets["tp"], tally.snippets["fn"], tally.snippets["fp"]) == (1, 1, 1)
    assert summary["title"] == 1.0 and summary["authors"] == 1.0 and summary["published"] == 1.0
