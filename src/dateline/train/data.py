"""Read the development sets in ``../shared/data`` (gold records and text renderings)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

RENDERERS = ("w3m", "lynx", "inscriptis", "wet")
SOURCES = (*RENDERERS, "html")  # every form a development page comes in: renderings and the HTML


@dataclass(slots=True)
class GoldPage:
    """One development page: its id, gold fields, and which set it belongs to."""

    id: str
    dataset: str
    url: str | None = None
    body: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    title: str | None = None
    authors: list[str] | None = None
    published: str | None = None


def load_gold(dataset: Path) -> list[GoldPage]:
    """Gold pages of one development set directory (``scrapinghub-dev``, ``trafilatura-eval``)."""
    pages = []
    with (dataset / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            body = rec.get("body")
            if isinstance(body, list):
                body = "\n".join(body)
            author = rec.get("author") if "author" in rec else None
            authors = rec.get("authors")
            if authors is None and author is not None:
                authors = [a.strip() for a in str(author).split(";") if a.strip()]
            pages.append(GoldPage(
                id=str(rec["id"]), dataset=dataset.name, url=rec.get("url"), body=body,
                with_=list(rec.get("with") or []), without=list(rec.get("without") or []),
                title=rec.get("title"), authors=authors,
                published=rec.get("published") or rec.get("date")))
    return pages


def capture_path(dataset: Path, renderer: str, page_id: str) -> Path:
    """Path of the text rendering of one page by one renderer."""
    return dataset / "captures" / renderer / f"{page_id}.txt"


def read_capture_text(dataset: Path, renderer: str, page_id: str) -> str | bytes | None:
    """The rendering's text (the raw bytes for ``html``), or None when there is no such file."""
    if renderer == "html":
        import gzip

        try:
            return gzip.decompress((dataset / "html" / f"{page_id}.html.gz").read_bytes())
        except (FileNotFoundError, OSError, EOFError):
            return None
    path = capture_path(dataset, renderer, page_id)
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
