"""Site templates: lines that repeat across many pages of one site (menus, rails, footers).

First pass of a crawl. Only sites with at least ``MIN_SITE_PAGES`` distinct URLs in the input are
looked at; each distinct URL counts once (a recrawl of the same page is not evidence). A line —
compared by ``dateline.blocks.template_key``, so "© 2024" and "© 2025" match — is template when
it appears on at least ``MIN_SHARE`` of the site's pages and on at least two. Extraction then
never takes such a line as article body (``dateline.extract(..., template=...)``).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from dateline.blocks import template_key, text_to_blocks
from dateline.capture import read_capture
from dateline.errors import CaptureError

MIN_SITE_PAGES = 2
MAX_TEMPLATE_PAGES = 1000  # a site's template is learned from its first pages only
MIN_SHARE = 0.5
MAX_KEY_CHARS = 400  # longer lines are article prose, never counted
MAX_KEYS_PER_SITE = 200_000  # beyond this, keys seen once are forgotten (bounded memory)


def page_template_keys(data: bytes | str, source: str = "<memory>") -> frozenset[str]:
    """The distinct template keys of one page's blocks (empty for an unreadable page)."""
    try:
        capture = read_capture(data, source=source)
    except CaptureError:
        return frozenset()
    if capture.kind == "html":
        from dateline.html.article import html_page_blocks

        blocks = html_page_blocks(capture.text)[0]
    else:
        blocks = text_to_blocks(capture.text)
    keys = (template_key(block.text) for block in blocks)
    return frozenset(key for key in keys if key and len(key) <= MAX_KEY_CHARS)


class TemplateLearner:
    """Counts, per site, on how many distinct pages each line key appears."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()
        self.counts: dict[str, Counter[str]] = {}

    def add(self, site: str, keys: Iterable[str]) -> None:
        """Count one distinct page of ``site`` with these line keys."""
        self.pages[site] += 1
        counter = self.counts.setdefault(site, Counter())
        counter.update(keys)
        if len(counter) > MAX_KEYS_PER_SITE:
            for key in [k for k, n in counter.items() if n == 1]:
                del counter[key]

    def templates(self) -> dict[str, frozenset[str]]:
        """Per site with enough pages, the keys frequent enough to be its template."""
        result = {}
        for site, pages in sorted(self.pages.items()):
            if pages < MIN_SITE_PAGES:
                continue
            need = max(2, math.ceil(MIN_SHARE * pages))
            keys = frozenset(k for k, n in self.counts.get(site, {}).items() if n >= need)
            if keys:
                result[site] = keys
        return result
