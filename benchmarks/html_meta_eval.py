#!/usr/bin/env python3
"""Structured-metadata-only agreement with gold on trafilatura-eval (``dateline.html.meta``).

RESULTS (filled in below after the last rule change; see the end of this docstring)

For every page of ``../shared/data/trafilatura-eval`` whose gold line has a ``title``,
``author`` (';'-separated) or ``date`` (published day), the page's HTML is decoded
(``dateline.capture.decode_bytes``), parsed with selectolax/lexbor and read by
``read_html_meta`` alone - no visible-text extraction. Scores, with ``score.py``'s
normalisation (NFKC, casefold, quotes dropped, spaces collapsed, end punctuation stripped):

- headline: share of pages with a gold title where ``HtmlMeta.headline`` equals it
  (also a looser variant ignoring all punctuation, and ``title_tag`` raw for comparison);
- authors: set F1 of normalised names, averaged over pages with gold authors
  (``authors`` + ``author_orgs`` together, and ``authors`` alone);
- published: share of pages with a gold date where the first 10 characters agree;
- precision: of the pages where the field is present, how often it agrees;
- coverage: how often each ``HtmlMeta`` field is filled, over all pages read;
- time: mean / median / p95 of ``read_html_meta`` per page (parsing excluded), and parsing.

Usage: python3 benchmarks/html_meta_eval.py [--data DIR] [--misses FIELD] [--limit N]
  --misses headline|authors|published  print the disagreeing pages for that field
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from dateline.capture import decode_bytes  # noqa: E402
from dateline.html.meta import HtmlMeta, read_html_meta  # noqa: E402

COVERAGE_FIELDS = ("headline", "title_tag", "site_name", "authors", "author_orgs", "published",
                   "updated", "section", "tags", "lang", "url", "description", "page_type",
                   "is_article", "body_text", "image_credits")


def norm(text) -> str:
    """score.py's normalisation (title / author comparison)."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    return " ".join(text.split()).strip(" .:-–—|")


def loose(text) -> str:
    """``norm`` without any punctuation at all."""
    return " ".join(re.sub(r"[^\w\s]", " ", norm(text)).split())


def author_f1(gold: list[str], pred: list[str]) -> float:
    g, p = {norm(a) for a in gold if norm(a)}, {norm(a) for a in pred if norm(a)}
    if not g and not p:
        return 1.0
    if not g or not p:
        return 0.0
    return 2 * len(g & p) / (len(g) + len(p))


def load_pages(data: Path, limit: int | None) -> list[tuple[dict, str]]:
    pages = []
    with open(data / "gold.jsonl", encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            if not any(k in gold for k in ("title", "author", "date")):
                continue
            path = data / "html" / f"{gold['id']}.html.gz"
            if not path.exists():
                continue
            raw = gzip.decompress(path.read_bytes())
            try:
                text, _ = decode_bytes(raw, str(path))
            except Exception:  # noqa: BLE001 - count it as a page with no metadata
                text = ""
            pages.append((gold, text))
            if limit and len(pages) >= limit:
                break
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/trafilatura-eval"))
    parser.add_argument("--misses", choices=("headline", "authors", "published"))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    pages = load_pages(args.data, args.limit)
    parse_times, meta_times = [], []
    results: list[tuple[dict, HtmlMeta]] = []
    for gold, text in pages:
        start = time.perf_counter()
        tree = LexborHTMLParser(text)
        mid = time.perf_counter()
        meta = read_html_meta(tree)
        end = time.perf_counter()
        parse_times.append(mid - start)
        meta_times.append(end - mid)
        results.append((gold, meta))
    # second pass for timing: warm caches (regex compilation, dateparser imports) out of the way
    meta_times = []
    for gold, text in pages:
        tree = LexborHTMLParser(text)
        start = time.perf_counter()
        read_html_meta(tree)
        meta_times.append(time.perf_counter() - start)

    head_ok, head_loose, title_tag_ok, auth_all, auth_people, pub_ok = [], [], [], [], [], []
    head_prec, auth_prec, pub_prec = [], [], []
    misses = []
    for gold, meta in results:
        if "title" in gold:
            ok = norm(gold["title"]) == norm(meta.headline)
            head_ok.append(ok)
            head_loose.append(loose(gold["title"]) == loose(meta.headline))
            title_tag_ok.append(norm(gold["title"]) == norm(meta.title_tag))
            if meta.headline:
                head_prec.append(ok)
            if args.misses == "headline" and not ok:
                misses.append((gold["id"], gold["title"], meta.headline, meta.signals.get("headline"),
                               meta.site_name))
        if gold.get("author"):
            raw = gold["author"]
            names = [a.strip() for a in (raw if isinstance(raw, list) else raw.split(";"))
                     if a.strip()]
            f1 = author_f1(names, meta.authors + meta.author_orgs)
            auth_all.append(f1)
            auth_people.append(author_f1(names, meta.authors))
            if meta.authors or meta.author_orgs:
                auth_prec.append(f1)
            if args.misses == "authors" and f1 < 1:
                misses.append((gold["id"], names, meta.authors, meta.author_orgs,
                               meta.signals.get("authors")))
        if gold.get("date"):
            ok = str(gold["date"])[:10] == str(meta.published or "")[:10]
            pub_ok.append(ok)
            if meta.published:
                pub_prec.append(ok)
            if args.misses == "published" and not ok:
                misses.append((gold["id"], gold["date"], meta.published,
                               meta.signals.get("published"), meta.updated))

    def share(values) -> str:
        return f"{statistics.mean(values):.3f}  ({len(values)} pages)" if values else "-"

    print(f"pages read: {len(results)}  (gold title {len(head_ok)}, authors {len(auth_all)}, "
          f"date {len(pub_ok)})")
    print(f"headline   agree {share(head_ok)}   loose {share(head_loose)}   "
          f"precision {share(head_prec)}")
    print(f"  raw <title> agree {share(title_tag_ok)}")
    print(f"authors    F1 {share(auth_all)}   people only {share(auth_people)}   "
          f"precision {share(auth_prec)}")
    print(f"published  agree {share(pub_ok)}   precision {share(pub_prec)}")
    print("coverage (share of pages with the field set):")
    for name in COVERAGE_FIELDS:
        filled = sum(bool(getattr(meta, name)) for _, meta in results)
        print(f"  {name:<14} {filled / max(1, len(results)):.3f}")
    ms = [t * 1000 for t in meta_times]
    ps = [t * 1000 for t in parse_times]
    print(f"time read_html_meta ms/page: mean {statistics.mean(ms):.3f}  median "
          f"{statistics.median(ms):.3f}  p95 {sorted(ms)[int(len(ms) * 0.95)]:.3f}  "
          f"max {max(ms):.1f}")
    print(f"time parse (lexbor) ms/page: mean {statistics.mean(ps):.3f}  median "
          f"{statistics.median(ps):.3f}")
    for miss in misses:
        print("MISS", *miss, sep=" | ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
