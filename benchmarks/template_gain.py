#!/usr/bin/env python3
"""Site templates: body F1 on development pages that share a site, without and with templates.

The development sets hold a few sites with two or more pages (``dateline.crawl.records.site_of``
of the gold URL). For each such site and each source (the HTML and the four text renderings),
the template is learned from that site's pages exactly as ``dateline run`` does
(``TemplateLearner`` over ``page_template_keys``), then every page is extracted twice — without
and with its site's template — and scored with the same metric as ``dateline eval``.

Usage: python benchmarks/template_gain.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from dateline.api import extract
from dateline.crawl.records import site_of
from dateline.crawl.templates import MIN_SITE_PAGES, TemplateLearner, page_template_keys
from dateline.evaluate import RendererScore, score_page
from dateline.train.data import SOURCES, load_gold, read_capture_text


def multi_page_sites(dataset: Path) -> dict[str, list]:
    """Gold pages grouped by site, only sites with at least ``MIN_SITE_PAGES`` pages."""
    sites = defaultdict(list)
    for page in load_gold(dataset):
        site = site_of(page.url)
        if site:
            sites[site].append(page)
    return {s: pages for s, pages in sites.items() if len(pages) >= MIN_SITE_PAGES}


def gain(dataset: Path) -> list[str]:
    """Report lines for one development set."""
    sites = multi_page_sites(dataset)
    pages = sum(len(p) for p in sites.values())
    lines = [f"### {dataset.name}: {len(sites)} sites with ≥{MIN_SITE_PAGES} pages, {pages} pages",
             "", "| source | metric | without templates | with templates | template lines |",
             "|---|---|---:|---:|---:|"]
    for source in SOURCES:
        before, after = RendererScore(source), RendererScore(source)
        learned = 0
        for site, site_pages in sites.items():
            texts = {p.id: read_capture_text(dataset, source, p.id) for p in site_pages}
            learner = TemplateLearner()
            for text in texts.values():
                if text:
                    learner.add(site, page_template_keys(text))
            template = learner.templates().get(site, frozenset())
            learned += len(template)
            for page in site_pages:
                text = texts[page.id]
                if not text:
                    continue
                for score, keys in ((before, None), (after, template)):
                    try:
                        article = extract(text, url=page.url, template=keys).to_dict()
                    except Exception:
                        article = {}
                    score.pages += 1
                    score_page(score, page, article)
        b, a = before.summary(), after.summary()
        metric = "body_f1" if "body_f1" in b else "snippet_f1"
        lines.append(f"| {source} | {metric} | {b.get(metric, 0):.3f} | {a.get(metric, 0):.3f} "
                     f"| {learned} |")
    return lines + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    for name in ("scrapinghub-dev", "trafilatura-eval"):
        if (args.data / name / "gold.jsonl").exists():
            print("\n".join(gain(args.data / name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
