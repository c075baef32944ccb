"""``dateline bench``: throughput (captures/s on one core) and memory on a 50 MB capture.

Throughput runs single-process over the development renderings (all four renderers), after a
warm-up that loads the model, and prints ``captures/s``. Memory builds a 50 MB capture by
repeating development pages, extracts it, and prints the peak resident set size.
"""
from __future__ import annotations

import itertools
import resource
import time
from pathlib import Path

from dateline.api import extract
from dateline.errors import DatelineError
from dateline.train.data import RENDERERS


def sample_texts(data_dir: Path, limit: int = 400) -> list[str]:
    """Up to ``limit`` development renderings, alternating renderers and sets."""
    paths = []
    for dataset in ("scrapinghub-dev", "trafilatura-eval"):
        for renderer in RENDERERS:
            folder = data_dir / dataset / "captures" / renderer
            paths.append(sorted(folder.glob("*.txt"))[:limit // 8])
    files = [p for group in itertools.zip_longest(*paths) for p in group if p]
    if not files:
        raise FileNotFoundError(f"no captures under {data_dir} (expected ../shared/data)")
    return [p.read_text(encoding="utf-8", errors="replace") for p in files]


def throughput(data_dir: Path, seconds: float) -> str:
    """Captures per second extracted by one process, as a printable line."""
    texts = sample_texts(data_dir)
    extract(texts[0])  # load the model outside the timing
    done, chars, failed = 0, 0, 0
    started = time.perf_counter()
    for text in itertools.cycle(texts):
        try:
            extract(text)
        except DatelineError:
            failed += 1
        done += 1
        chars += len(text)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds and done >= len(texts):
            break
    rate = done / elapsed
    return (f"throughput: {rate:.0f} captures/s on one core ({done} captures, "
            f"{chars / done / 1000:.1f} kB average, {failed} failed, {elapsed:.1f}s)")


def memory(data_dir: Path, size_mb: int = 50) -> str:
    """Peak RSS while extracting one ``size_mb`` MB capture, as a printable line."""
    texts = sample_texts(data_dir, limit=80)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    parts, total = [], 0
    for text in itertools.cycle(texts):
        parts.append(text)
        total += len(text.encode("utf-8"))
        if total >= size_mb * 1_000_000:
            break
    big = "\n".join(parts).encode("utf-8")
    del parts
    started = time.perf_counter()
    article = extract(big)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (f"memory: {len(big) / 1e6:.0f} MB capture in {elapsed:.1f}s, peak RSS {peak:.0f} MB "
            f"(baseline {before:.0f} MB); {len(article.body)} body blocks, "
            f"warnings: {'; '.join(article.warnings) or 'none'}")


def run_benchmark(what: str, data_dir: Path, seconds: float) -> str:
    """Run the named benchmark (``throughput`` or ``memory``) and return its report line."""
    if what == "throughput":
        return throughput(data_dir, seconds)
    return memory(data_dir)
