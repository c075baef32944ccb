"""``dateline eval``: score dateline on the development sets, per renderer.

Metrics are those of ``shared/tools/score.py`` (re-implemented here so the package does not
depend on that checkout; a test checks that both agree):

- body: shingle F1 over word 4-grams, each page weighted 1, precision and recall averaged over
  pages (the ScrapingHub article-extraction benchmark metric);
- snippets (``trafilatura-eval``): a "with" snippet found in the text is a true positive, one
  missing a false negative, a "without" snippet found a false positive; summed over pages;
- title (normalised exact match), authors (set F1 of normalised names), published (same day).
"""
from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.api import extract
from dateline.errors import DatelineError
from dateline.train.data import SOURCES, GoldPage, load_gold, read_capture_text

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of word ``n``-grams of ``text`` (score.py's definition)."""
    toks = _TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def body_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Page-normalised (tp, fp, fn) shares of shingles between gold and predicted text."""
    g, p = shingles(gold), shingles(pred)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_f1(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) over pages, as score.py computes them."""
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    ps = [prec(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rec(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def norm(text) -> str:
    """score.py's normalisation for title / author comparison."""
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    text = re.sub(r"[\"'“”‘’«»]", "", text)
    return " ".join(text.split()).strip(" .:-–—|")


def author_f1(gold: list, pred: list) -> float:
    """Set F1 of normalised author names (1.0 when both are empty)."""
    g, p = {norm(a) for a in gold or []}, {norm(a) for a in pred or []}
    if not g and not p:
        return 1.0
    if not g or not p:
        return 0.0
    return 2 * len(g & p) / (len(g) + len(p))


def squash(text: str) -> str:
    """Whitespace-folded text for snippet matching."""
    return " ".join((text or "").split())


@dataclass
class RendererScore:
    """The scores of one renderer over one dataset."""

    renderer: str
    pages: int = 0
    failed: int = 0
    counts: list = field(default_factory=list)
    snippets: Counter = field(default_factory=Counter)
    fields: dict[str, list[float]] = field(default_factory=dict)
    seconds: float = 0.0

    def add_field(self, name: str, value: float) -> None:
        """Record one page's agreement on a metadata field."""
        self.fields.setdefault(name, []).append(value)

    def summary(self) -> dict:
        """Plain numbers for the report table."""
        out = {"renderer": self.renderer, "pages": self.pages, "failed": self.failed,
               "pages_per_s": round(self.pages / self.seconds, 1) if self.seconds else None}
        if any(c != (0.0, 0.0, 0.0) for c in self.counts):
            f1, p, r = body_f1(self.counts)
            out.update(body_f1=round(f1, 4), body_p=round(p, 4), body_r=round(r, 4))
        if self.snippets:
            tp, fp, fn = self.snippets["tp"], self.snippets["fp"], self.snippets["fn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            out.update(snippet_f1=round(2 * p * r / (p + r) if p + r else 0.0, 4),
                       snippet_p=round(p, 4), snippet_r=round(r, 4))
        for name, values in self.fields.items():
            out[name] = round(statistics.mean(values), 4)
        return out


def score_page(score: RendererScore, page: GoldPage, pred: dict) -> None:
    """Add one page's prediction to the renderer's tallies."""
    text = pred.get("text") or ""
    if page.body is not None:
        score.counts.append(body_counts(page.body, text))
    if page.with_ or page.without:
        flat = squash(text)
        for snippet in page.with_:
            score.snippets["tp" if squash(snippet) in flat else "fn"] += 1
        for snippet in page.without:
            if squash(snippet) in flat:
                score.snippets["fp"] += 1
    if page.title is not None:
        score.add_field("title", float(norm(page.title) == norm(pred.get("title"))))
    if page.authors is not None:
        score.add_field("authors", author_f1(page.authors, pred.get("authors")))
    if page.published is not None:
        score.add_field("published",
                        float(str(page.published)[:10] == str(pred.get("published") or "")[:10]))


def evaluate_dataset(dataset: Path, renderers: tuple[str, ...] = SOURCES,
                     predictions_dir: Path | None = None, limit: int | None = None,
                     pages: list[GoldPage] | None = None, select=None) -> list[dict]:
    """Run dateline on every rendering of ``dataset`` and score it; one summary per renderer.

    With ``predictions_dir``, the predictions are also written as ``<set>.<renderer>.jsonl``
    (the format ``shared/tools/score.py`` reads). ``select(page_id, renderer)``, when given,
    says which renderings to score (and is called just before each is extracted).
    """
    gold = pages if pages is not None else load_gold(dataset)
    if limit:
        gold = gold[:limit]
    results = []
    for renderer in renderers:
        score = RendererScore(renderer)
        out = None
        if predictions_dir is not None:
            predictions_dir.mkdir(parents=True, exist_ok=True)
            out = (predictions_dir / f"{dataset.name}.{renderer}.jsonl").open("w", encoding="utf-8")
        started = time.perf_counter()
        for page in gold:
            if select is not None and not select(page.id, renderer):
                continue
            if renderer in BASELINES:
                pred = predict_baseline(renderer, read_capture_text(dataset, "html", page.id),
                                        page.id)
            else:
                pred = predict(read_capture_text(dataset, renderer, page.id), page.id)
            score.pages += 1
            score.failed += int("error" in pred)
            score_page(score, page, pred)
            if out:
                out.write(json.dumps(pred, ensure_ascii=False) + "\n")
        score.seconds = time.perf_counter() - started
        if out:
            out.close()
        results.append(score.summary())
    return results


BASELINES = ("trafilatura",)  # other extractors, scored on the same HTML with the same metric


def predict_baseline(name: str, html: bytes | None, page_id: str) -> dict:
    """Another extractor's record for one HTML page, in dateline's field names."""
    if html is None:
        return {"id": page_id, "text": "", "error": "no HTML"}
    try:
        import trafilatura
    except ImportError as exc:
        raise DatelineError("scoring trafilatura needs it installed: pip install "
                            "'dateline[train]'") from exc
    try:
        out = trafilatura.extract(html, output_format="json", with_metadata=True)
    except Exception as exc:  # a baseline's crash is its failure on that page
        return {"id": page_id, "text": "", "error": f"{type(exc).__name__}: {exc}"}
    data = json.loads(out) if out else {}
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return {"id": page_id, "text": data.get("text") or "", "title": data.get("title"),
            "authors": authors, "published": data.get("date"),
            "section": (data.get("categories") or None)}


def predict(text: str | bytes | None, page_id: str) -> dict:
    """dateline's record for one rendering (an empty one with ``error`` if it failed)."""
    if text is None:
        return {"id": page_id, "text": "", "error": "no rendering"}
    try:
        record = extract(text, source=page_id).to_dict()
    except DatelineError as exc:
        return {"id": page_id, "text": "", "error": str(exc)}
    record["id"] = page_id
    return record


def format_table(dataset: str, rows: list[dict]) -> str:
    """The results as a Markdown table."""
    cols = [c for c in ("body_f1", "body_p", "body_r", "snippet_f1", "snippet_p", "snippet_r",
                        "title", "published", "authors", "pages", "failed", "pages_per_s")
            if any(c in row for row in rows)]
    lines = [f"### {dataset}", "", "| renderer | " + " | ".join(cols) + " |",
             "|---|" + "---:|" * len(cols)]
    for row in rows:
        cells = [format_cell(row.get(c)) for c in cols]
        lines.append(f"| {row['renderer']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def format_cell(value) -> str:
    """A table cell: floats to 3 decimals, missing as '–'."""
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
