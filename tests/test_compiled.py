"""Compiled tree models (``dateline.compiled``): same predictions as LightGBM, cached, optional."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from dateline import compiled


def small_model(folder: Path) -> Path:
    """A 20-tree binary LightGBM model trained on random rows, saved in ``folder``."""
    lgb = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 6))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    booster = lgb.train({"objective": "binary", "num_leaves": 7, "verbose": -1},
                        lgb.Dataset(x, y), num_boost_round=20)
    path = folder / "model.txt"
    booster.save_model(str(path))
    return path


def test_turned_off_gives_none(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_COMPILED", "0")
    path = small_model(tmp_path)
    assert compiled.compiled_model(path, path.read_text()) is None


def test_compiled_predictions_match_lightgbm_and_are_cached(tmp_path, monkeypatch):
    pytest.importorskip("lleaves")
    import lightgbm as lgb

    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DATELINE_COMPILED", raising=False)
    path = small_model(tmp_path)
    model = compiled.compiled_model(path, path.read_text())
    if model is None:
        pytest.skip("this lleaves cannot drive the installed llvmlite")
    rows = np.random.default_rng(1).normal(size=(50, 6)).astype(np.float32)
    expected = lgb.Booster(model_file=str(path)).predict(rows, num_threads=1)
    assert np.abs(model.predict(rows, num_threads=1) - expected).max() < 1e-12
    assert model.num_feature() == 6
    cached = list((tmp_path / "cache" / "lleaves").glob("*.o"))
    assert len(cached) == 1 and not list(cached[0].parent.glob("*.part"))
    again = compiled.compiled_model(path, path.read_text())  # loaded from the cache
    assert np.array_equal(again.predict(rows), model.predict(rows))


def test_a_failing_compiler_falls_back_with_a_warning(tmp_path, monkeypatch, caplog):
    lleaves = pytest.importorskip("lleaves")

    def broken(*args, **kwargs):
        raise AttributeError("module 'llvmlite.binding' has no attribute 'PassManagerBuilder'")

    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DATELINE_COMPILED", raising=False)
    monkeypatch.setattr(lleaves.Model, "compile", broken)
    path = small_model(tmp_path)
    with caplog.at_level(logging.WARNING, logger="dateline.compiled"):
        assert compiled.compiled_model(path, path.read_text()) is None
    assert "using LightGBM" in caplog.text


def test_cache_name_depends_on_the_model_text():
    pytest.importorskip("lleaves")
    assert compiled.compiled_name("tree a") != compiled.compiled_name("tree b")
    assert compiled.compiled_name("tree a").endswith(".o")
