"""``dateline bench crawl``: a planted crawl built from the development HTML pages.

Every development page goes into a set of WARC files once, then planted copies and junk are
mixed in at random positions (fixed seed): exact repeats (same URL, same bytes), recrawls (same
URL a month later, with changed page chrome), syndicated copies (another outlet's URL and
chrome around the same page), junk records (binary bodies, images, HTTP 404s, empty bodies,
navigation-only pages), one WARC member corrupted in the middle of a file and one file cut short
in its last record. The crawl is then run with 1 and with 2 workers and the benchmark prints:
records in = articles + rejects, duplicates found vs planted (precision, recall), records/s for
each worker count and the ratio, peak RSS, and whether both runs made the same store.
"""
from __future__ import annotations

import io
import random
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dateline.crawl.records import site_of

ORIGINAL_DATE = "2025-01-10T08:00:00Z"
RECRAWL_DATE = "2025-02-10T08:00:00Z"
SYNDICATORS = 20


@dataclass
class Planted:
    """What the builder put where: cluster of each page URL, and the counts."""

    files: list[Path]
    cluster_of_url: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def dev_pages(data_dir: Path) -> list[tuple[str, str, bytes]]:
    """``(cluster, url, html bytes)`` of every development HTML page, URLs made unique.

    The cluster is the page's gold annotation: the development sets hold a few pages twice
    under two ids, and those copies belong together.
    """
    import gzip

    from dateline.train.data import load_gold

    pages, seen = [], set()
    for dataset in ("scrapinghub-dev", "trafilatura-eval"):
        folder = data_dir / dataset
        if not (folder / "gold.jsonl").exists():
            continue
        for gold in load_gold(folder):
            path = folder / "html" / f"{gold.id}.html.gz"
            if not path.exists():
                continue
            url = gold.url.replace(" ", "%20") if gold.url else None  # as warcio writes it
            if not url or url in seen:
                url = f"https://dev-pages.example/{dataset}/{gold.id}"
            seen.add(url)
            cluster = repr((gold.body, gold.with_, gold.without, gold.title))
            pages.append((cluster, url, gzip.decompress(path.read_bytes())))
    return pages


def chrome_changed(html: bytes, rng: random.Random, banner: str) -> bytes:
    """The page with a different banner after ``<body>`` and a footer line before ``</body>``."""
    top = (f'<div class="site-banner"><a href="/">{banner}</a> <span>Updated '
           f'{rng.randint(1, 12)}:{rng.randint(10, 59)}</span></div>').encode()
    bottom = f'<div class="site-footer">© {banner} {rng.randint(2020, 2026)}</div>'.encode()
    lower = html.lower()
    at = lower.find(b"<body")
    at = lower.find(b">", at) + 1 if at >= 0 else 0
    end = lower.rfind(b"</body")
    end = end if end >= at else len(html)
    return html[:at] + top + html[at:end] + bottom + html[end:]


def junk_records(rng: random.Random, count: int) -> list[tuple[str, bytes, str, str]]:
    """``(url, payload, content type, status)`` junk records of five kinds."""
    out = []
    for n in range(count):
        kind = n % 5
        url = f"https://junk-{n % 7}.example/item/{n}"
        if kind == 0:
            out.append((url, rng.randbytes(3000), "text/html", "200 OK"))
        elif kind == 1:
            out.append((url + ".jpg", b"\xff\xd8\xff\xe0" + rng.randbytes(2000), "image/jpeg", "200 OK"))
        elif kind == 2:
            out.append((url, b"<html><body><h1>Not found</h1></body></html>", "text/html", "404 Not Found"))
        elif kind == 3:
            out.append((url, b"", "text/html", "200 OK"))
        else:
            links = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(40))
            out.append((url, f"<html><body><nav><ul>{links}</ul></nav></body></html>".encode(),
                        "text/html", "200 OK"))
    return out


def build_planted_crawl(data_dir: Path, out_dir: Path, *, seed: int = 7, exact: int = 600,
                        recrawls: int = 700, syndicated: int = 700, junk: int = 400,
                        files: int = 6) -> Planted:
    """Write the planted WARC files into ``out_dir``; return the ground truth."""
    rng = random.Random(seed)
    pages = dev_pages(data_dir)
    planted = Planted(files=[])
    items = []  # (url, payload, date, content type, status)
    for page_id, url, html in pages:
        planted.cluster_of_url[url] = page_id
        items.append((url, html, ORIGINAL_DATE, "text/html", "200 OK"))
    extra = []
    for page_id, url, html in rng.choices(pages, k=exact):
        extra.append((url, html, ORIGINAL_DATE, "text/html", "200 OK"))
    for page_id, url, html in rng.choices(pages, k=recrawls):
        extra.append((url, chrome_changed(html, rng, site_of(url) or "News"), RECRAWL_DATE,
                      "text/html", "200 OK"))
    for page_id, url, html in rng.choices(pages, k=syndicated):
        host = f"syndic-{rng.randrange(SYNDICATORS)}.example"
        copy_url = f"https://www.{host}/wire/{len(planted.cluster_of_url)}"
        planted.cluster_of_url[copy_url] = page_id
        extra.append((copy_url, chrome_changed(html, rng, host), ORIGINAL_DATE,
                      "text/html", "200 OK"))
    for url, payload, ctype, status in junk_records(rng, junk):
        extra.append((url, payload, ORIGINAL_DATE, ctype, status))
    for item in extra:  # copies and junk land after a random record, originals keep their order
        items.insert(rng.randrange(1, len(items) + 1), item)
    planted.counts = {"pages": len(pages), "exact": exact, "recrawls": recrawls,
                      "syndicated": syndicated, "junk": junk, "records_written": len(items)}
    per_file = -(-len(items) // files)
    for n in range(files):
        path = out_dir / f"crawl-{n:03d}.warc.gz"
        write_warc(path, items[n * per_file:(n + 1) * per_file])
        planted.files.append(path)
    corrupt_middle_member(planted.files[1], rng)
    cut_last_record(planted.files[-1])
    return planted


def write_warc(path: Path, items: list[tuple[str, bytes, str, str, str]]) -> None:
    """A gzip'd WARC of HTTP responses."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, payload, date, ctype, status in items:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), length=len(payload),
                http_headers=headers, warc_headers_dict={"WARC-Date": date}))


def corrupt_middle_member(path: Path, rng: random.Random) -> None:
    """Overwrite 64 bytes in the middle of the file (breaks one gzip member)."""
    data = bytearray(path.read_bytes())
    at = len(data) // 2
    data[at:at + 64] = rng.randbytes(64)
    path.write_bytes(bytes(data))


def cut_last_record(path: Path) -> None:
    """Cut the file 500 bytes short (its last record is truncated)."""
    data = path.read_bytes()
    path.write_bytes(data[:-500])


def peak_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (run or worker), in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_in_subprocess(files: list[Path], store: Path, workers: int) -> dict:
    """``dateline run`` in a child process (so its memory is measured alone); its summary."""
    import json
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "dateline.cli", "run", *map(str, files),
                          "--out", str(store), "--workers", str(workers), "--json",
                          "--no-progress"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def duplicate_scores(store_path: Path, planted: Planted) -> dict:
    """Precision and recall of the flagged duplicates against the planted clusters."""
    import duckdb

    with duckdb.connect(str(store_path), read_only=True) as con:
        rows = con.execute("SELECT record_id, url FROM articles UNION ALL "
                           "SELECT record_id, url FROM rejects").fetchall()
        flagged = con.execute("SELECT record_id, duplicate_of FROM rejects "
                              "WHERE reason = 'duplicate'").fetchall()
        article_urls = {u for (u,) in con.execute("SELECT url FROM articles").fetchall()}
    cluster = {rid: planted.cluster_of_url.get(url) for rid, url in rows}
    members: dict[str, list[str]] = {}
    for rid, key in cluster.items():
        if key is not None:
            members.setdefault(key, []).append(rid)
    correct = sum(1 for rid, canon in flagged
                  if cluster.get(rid) is not None and cluster.get(rid) == cluster.get(canon))
    # a cluster can only be deduplicated down to one article when its pages are articles
    article_clusters = {planted.cluster_of_url.get(u) for u in article_urls} - {None}
    expected = sum(len(ids) - 1 for key, ids in members.items() if key in article_clusters)
    exact_elsewhere = sum(1 for rid, _ in flagged if "~" in rid and cluster.get(rid) not in article_clusters)
    expected += exact_elsewhere
    return {"flagged": len(flagged), "planted": expected, "correct": correct,
            "precision": correct / len(flagged) if flagged else 1.0,
            "recall": correct / expected if expected else 1.0}


def crawl_benchmark(data_dir: Path, workers: tuple[int, ...] = (1, 2)) -> str:
    """Build the planted crawl, run it with each worker count, and report (see module doc)."""
    from dateline.store import Store

    lines = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        folder = Path(tmp)
        started = time.monotonic()
        planted = build_planted_crawl(data_dir, folder)
        c = planted.counts
        lines.append(f"planted crawl: {len(planted.files)} WARC files, {c['records_written']:,} "
                     f"records written ({c['pages']:,} pages + {c['exact']} exact repeats + "
                     f"{c['recrawls']} recrawls + {c['syndicated']} syndicated copies + "
                     f"{c['junk']} junk), one member corrupted, one file cut short "
                     f"[built in {time.monotonic() - started:.1f} s]")
        rates, stores = {}, {}
        for n in workers:
            store = folder / f"w{n}.duckdb"
            summary = run_in_subprocess(planted.files, store, n)
            with Store(store, read_only=True) as opened:
                stats = opened.stats()
            rate = summary["records"] / summary["seconds"]
            rates[n], stores[n] = rate, store
            lines.append(
                f"workers {n}: records {summary['records']:,} = articles {stats['articles']:,} + "
                f"rejects {stats['rejects']:,} ({'adds up' if stats['records'] == summary['records'] else 'MISMATCH'}); "
                f"{rate:,.1f} records/s ({summary['seconds']:,.1f} s); peak RSS of one process "
                f"so far {peak_rss_mb():,.0f} MB")
        last = stores[workers[-1]]
        lines.append("rejects by reason: " + ", ".join(
            f"{k} {v:,}" for k, v in stats["reject_reasons"].items()))
        dup = duplicate_scores(last, planted)
        lines.append(f"duplicates: flagged {dup['flagged']:,}, planted {dup['planted']:,}, "
                     f"correct {dup['correct']:,}: precision {dup['precision']:.3f}, "
                     f"recall {dup['recall']:.3f}")
        if len(workers) > 1:
            lines.append(f"speed-up {workers[-1]} vs {workers[0]} workers: "
                         f"{rates[workers[-1]] / rates[workers[0]]:.2f}x")
            same = all(store_contents(stores[n]) == store_contents(last) for n in workers)
            lines.append(f"same store for every worker count: {'yes' if same else 'NO'}")
    return "\n".join(lines)


def store_contents(path: Path) -> dict:
    """The comparable contents of the store at ``path``."""
    from dateline.store import Store

    with Store(path, read_only=True) as store:
        return store.contents()
