"""``dateline bench``: throughput (captures/s on one core) and memory on a 50 MB capture.

``html`` runs dateline and trafilatura on the same development HTML pages, one process, taking
turns on chunks of pages, and prints pages/s (CPU time) for both and the ratio.

Throughput runs single-process over the development renderings (all four renderers), after a
warm-up that loads the model, and prints ``captures/s``. Memory builds a 50 MB capture by
repeating development pages, extracts it, and prints the peak resident set size.
"""
from __future__ import annotations

import gzip
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


def sample_html(data_dir: Path, limit: int) -> list[bytes]:
    """Up to ``limit`` development HTML pages (raw bytes), alternating the two sets."""
    groups = [sorted((data_dir / name / "html").glob("*.html.gz"))
              for name in ("scrapinghub-dev", "trafilatura-eval")]
    files = [p for group in itertools.zip_longest(*groups) for p in group if p][:limit]
    if not files:
        raise FileNotFoundError(f"no HTML pages under {data_dir} (expected ../shared/data)")
    return [gzip.decompress(p.read_bytes()) for p in files]


def warm_up() -> None:
    """Load the model and compile the date parser's patterns outside any timing."""
    from dateline.meta.dates import FALLBACK_LANGUAGES, parse_with_dateparser

    import htmldate  # noqa: F401  (the HTML path's last-resort date reader; ~0.1 s to import)

    extract("Headline\n\nBy Jane Doe\nPublished March 3, 2024\n\n" + "Some words here. " * 30)
    # dateparser compiles each language's patterns on first use (about a second, once per
    # process); after that a call costs milliseconds
    for text in ("3rd of March 2024", "3. März 2024", "3 mars 2024", "3 de marzo de 2024",
                 "3 marca 2024"):
        parse_with_dateparser(text, FALLBACK_LANGUAGES)


def timed_rate(items: list, run, clock=time.perf_counter) -> tuple[float, int, float]:
    """(items per second, failures, seconds) of ``run`` over each item once, one process,
    timed by ``clock`` (wall time; ``time.process_time`` for this process's CPU time)."""
    failed = 0
    started = clock()
    for item in items:
        try:
            run(item)
        except DatelineError:
            failed += 1
    elapsed = clock() - started
    return len(items) / elapsed, failed, elapsed


def throughput(data_dir: Path, seconds: float) -> str:
    """Captures per second extracted by one process, as a printable line.

    Each capture is extracted once (no repeats, so no cache helps); about ``seconds`` of work.
    """
    texts = sample_texts(data_dir, limit=100_000)
    warm_up()
    probe, _, probe_s = timed_rate(texts[:50], extract)
    count = min(len(texts), max(100, int(probe * seconds)))
    texts = texts[50:50 + count] or texts
    rate, failed, elapsed = timed_rate(texts, extract)
    chars = sum(len(t) for t in texts)
    return (f"throughput: {rate:.0f} captures/s on one core ({len(texts)} distinct captures, "
            f"{chars / len(texts) / 1000:.1f} kB average, {failed} failed, {elapsed:.1f}s)")


def html_versus_trafilatura(data_dir: Path, pages: int = 300, chunk: int = 30) -> str:
    """dateline and trafilatura on the same HTML pages in one process: pages/s for each.

    The two take turns on chunks of ``chunk`` pages and each is timed in CPU time of this
    process, so a burst of other work on the machine falls on both alike (timing one whole
    run after the other moved the ratio between 1.8 and 2.6 on a shared 2-core machine)."""
    try:
        import trafilatura
    except ImportError as exc:
        raise DatelineError("`dateline bench html` compares with trafilatura: "
                            "pip install 'dateline[train]'") from exc
    docs = sample_html(data_dir, pages)
    warm_up()
    extract(docs[0])
    trafilatura.extract(docs[0].decode("utf-8", errors="replace"))
    spent = {"dateline": 0.0, "trafilatura": 0.0}
    failed = 0
    for start in range(0, len(docs), chunk):
        part = docs[start:start + chunk]
        _, part_failed, seconds = timed_rate(part, extract, time.process_time)
        failed += part_failed
        spent["dateline"] += seconds
        spent["trafilatura"] += timed_rate(
            part, lambda d: trafilatura.extract(d, with_metadata=True), time.process_time)[2]
    ours, theirs = (len(docs) / spent[name] for name in ("dateline", "trafilatura"))
    return (f"html: dateline {ours:.1f} pages/s ({spent['dateline']:.1f}s CPU, {failed} failed), "
            f"trafilatura {theirs:.1f} pages/s ({spent['trafilatura']:.1f}s CPU, with metadata) "
            f"on the same {len(docs)} pages, one process, taking turns every {chunk} pages: "
            f"ratio {ours / theirs:.2f}x")


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
    """Run the named benchmark (throughput, memory, html, crawl) and return its report."""
    if what == "crawl":
        from dateline.crawl.bench import crawl_benchmark

        return crawl_benchmark(data_dir)
    if what == "throughput":
        return throughput(data_dir, seconds)
    if what == "html":
        return html_versus_trafilatura(data_dir)
    return memory(data_dir)
