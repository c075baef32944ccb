"""Helpers for the crawl tests: a synthetic crawl with planted duplicates and junk, and store
comparison."""
from __future__ import annotations

from pathlib import Path

from sitegen import article_page, crawl_pages, write_warc


def planted_crawl(folder: Path, per_site: int = 6) -> dict:
    """Write ``crawl.warc.gz`` and a small page folder; return what was planted where."""
    pages = crawl_pages(per_site)
    items = [(p.url, p.html.encode()) for p in pages]
    recrawl = article_page("harborherald.example", 0, paragraphs=pages[0].paragraphs[:-1]
                           + ["The council added that the pier plan will be reviewed again in June."])
    copy_src = pages[1]
    syndicated = article_page("northgazette.example", 99, paragraphs=copy_src.paragraphs,
                              title=copy_src.title)
    items += [(pages[2].url, pages[2].html.encode()),  # exact repeat
              (recrawl.url, recrawl.html.encode()),    # recrawl, one paragraph changed
              (syndicated.url, syndicated.html.encode()),  # syndicated copy on another site
              ("https://valleytimes.example/logo.png", bytes(range(256)) * 8),  # binary junk
              ("https://valleytimes.example/empty", b"   \n  ")]
    warc = folder / "crawl.warc.gz"
    write_warc(warc, items)
    return {"warc": warc, "pages": pages, "records": len(items), "exact": 1, "near": 2,
            "junk": 2}


def store_contents(path: Path) -> dict:
    """Every table of a store except ``runs``, as sorted rows (for store equality)."""
    from dateline.store import Store

    with Store(path, read_only=True) as store:
        return store.contents()
