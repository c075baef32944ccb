"""Shared fixtures: where ../shared is, and skips when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed"


@pytest.fixture
def shared_data() -> Path:
    """The development data folder, or skip the test where it is not checked out."""
    if not (DATA / "scrapinghub-dev" / "gold.jsonl").exists():
        pytest.skip("../shared/data is not present")
    return DATA


@pytest.fixture
def seed_dir() -> Path:
    """The seed capture folder, or skip."""
    if not (SEED / "expected.json").exists():
        pytest.skip("../shared/seed is not present")
    return SEED
