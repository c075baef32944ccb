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


def silver_bodies(dataset: Path, cache: Path) -> dict[str, str]:
    """Page id → trafilatura's article text for every HTML page of ``dataset`` (cached)."""
    out_file = cache / f"silver-{dataset.name}.jsonl"
    if out_file.exists():
        with out_file.open(encoding="utf-8") as fh:
            return {rec["id"]: rec["text"] for rec in map(json.loads, fh)}
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("silver labels need trafilatura: pip install 'dateline[train]'") from exc
    cache.mkdir(parents=True, exist_ok=True)
    bodies: dict[str, str] = {}
    for path in sorted((dataset / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        html = gzip.decompress(path.read_bytes())
        bodies[page_id] = trafilatura.extract(html, include_comments=False) or ""
    tmp = out_file.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for page_id, text in bodies.items():
            fh.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")
    tmp.replace(out_file)
    return bodies


if __name__ == "__main__":
    import sys

    silver_bodies(Path(sys.argv[1]), Path(sys.argv[2]))
