"""The seed capture (../shared/seed) comes out exactly as its expected.json describes."""
import json

import dateline
from expectations import mismatches


def test_seed_capture(seed_dir):
    expected = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))
    capture = next(seed_dir.glob("*.txt"))
    article = dateline.extract(capture.read_bytes(), source=str(capture)).to_dict()
    assert mismatches(article, expected) == []
