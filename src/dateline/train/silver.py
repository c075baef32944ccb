"""Silver body text for pages whose gold is only snippets, from trafilatura run on the HTML.

``trafilatura-eval`` gold lists a few snippets per page that must / must not be in the article;
to label *every* line of its text renderings we also need a full article text. trafilatura on the
page's HTML gives one (about 0.92 snippet F1 there); the training labels then take the gold
snippets as certain and this silver text as weaker evidence. Needs ``pip install trafilatura``
(the ``train`` extra); the result is cached under ``.cache/silver/``.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path


def silver_bodies(dataset: Path, cache: Path, page_ids: list[str] | None = None) -> dict[str, str]:
    """Page id → trafilatura's article text for the HTML pages of ``dataset`` (all, or those in
    ``page_ids``), computed once and kept in ``cache``."""
    out_file = cache / f"silver-{dataset.name}.jsonl"
    bodies: dict[str, str] = {}
    if out_file.exists():
        with out_file.open(encoding="utf-8") as fh:
            bodies = {rec["id"]: rec["text"] for rec in map(json.loads, fh)}
    wanted = page_ids if page_ids is not None else sorted(
        p.name.removesuffix(".html.gz") for p in (dataset / "html").glob("*.html.gz"))
    missing = [pid for pid in wanted if pid not in bodies]
    if missing:
        bodies.update(extract_silver(dataset, missing))
        write_cache(out_file, bodies)
    return {pid: bodies.get(pid, "") for pid in wanted}


def extract_silver(dataset: Path, page_ids: list[str]) -> dict[str, str]:
    """trafilatura's article text for each page id (needs the ``train`` extra)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("silver labels need trafilatura: pip install 'dateline[train]'") from exc
    out = {}
    for page_id in page_ids:
        path = dataset / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()) if path.exists() else b""
        out[page_id] = (trafilatura.extract(html, include_comments=False) or "") if html else ""
    return out


def write_cache(out_file: Path, bodies: dict[str, str]) -> None:
    """Write the silver cache atomically (a temporary file renamed into place)."""
    out_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_file.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for page_id, text in sorted(bodies.items()):
            fh.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")
    tmp.replace(out_file)


if __name__ == "__main__":
    import sys

    silver_bodies(Path(sys.argv[1]), Path(sys.argv[2]))
