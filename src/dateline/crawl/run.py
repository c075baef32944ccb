"""``dateline run``: inputs → store, resumable, deterministic, with progress and a summary.

The passes:

1. **survey** — read the input once (streaming) to count records and distinct URLs per site
   (gives the progress bar its total and tells which sites have several pages);
2. **templates** — for sites with several pages, learn their template lines in the workers
   (skipped when the store already holds templates learned from this very input);
3. **extract** — every record not yet in the store goes to the workers in batches; outcomes
   come back in input order, pass the duplicate check, and each batch is written in one
   transaction. A run killed at any point leaves a store holding a prefix of the input, and the
   next ``dateline run`` on the same input carries on from there: the end result is the same
   store an uninterrupted run makes.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dateline.crawl.dedup import Deduplicator
from dateline.crawl.engines import WorkerLost, make_engine
from dateline.crawl.process import Batch, Outcome, process_batch, template_keys_batch
from dateline.crawl.readers import Fields, input_files, iter_records, records_at
from dateline.crawl.records import Record
from dateline.crawl.templates import MAX_TEMPLATE_PAGES, MIN_SITE_PAGES, TemplateLearner
from dateline.store import Store


@dataclass
class RunOptions:
    """What to run on and how."""

    inputs: list[str]
    store: Path = Path("dateline.duckdb")
    workers: int = 2
    engine: str = "local"
    fields: Fields = field(default_factory=Fields)
    templates: bool = True
    batch_size: int = 16
    progress: bool | None = None  # None: a live bar on a terminal, log lines otherwise


@dataclass
class RunSummary:
    """What one run did: counts per outcome and per site, and the rate."""

    records: int = 0  # records read from the input this run
    already: int = 0  # of which already in the store from an earlier run
    articles: int = 0
    rejects: int = 0
    duplicates: int = 0
    reasons: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    template_sites: int = 0
    seconds: float = 0.0
    status: str = "running"  # then "finished", "interrupted" or "failed"

    @property
    def rate(self) -> float:
        """Records processed per second (records already stored not counted)."""
        done = self.records - self.already
        return done / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        """The summary as plain JSON-ready data."""
        return {"records": self.records, "already_in_store": self.already,
                "articles": self.articles, "rejects": self.rejects,
                "duplicates": self.duplicates, "reject_reasons": dict(self.reasons.most_common()),
                "top_sites": dict(self.sites.most_common(10)),
                "template_sites": self.template_sites, "seconds": round(self.seconds, 2),
                "records_per_second": round(self.rate, 1), "status": self.status}

    def lines(self) -> list[str]:
        """The end-of-run report, one line per fact."""
        new = self.articles + self.rejects
        out = [f"records read: {self.records:,} = {self.already:,} already in the store + "
               f"{new:,} new ({self.articles:,} articles + {self.rejects:,} rejects)",
               f"duplicates: {self.duplicates:,} (in rejects)",
               f"rate: {self.rate:,.1f} records/s over {self.seconds:,.1f} s; "
               f"site templates learned for {self.template_sites:,} sites"]
        if self.reasons:
            out.append("rejects by reason: " + ", ".join(
                f"{reason} {n:,}" for reason, n in self.reasons.most_common()))
        if self.sites:
            out.append("articles by site (top 10): " + ", ".join(
                f"{site or '(no url)'} {n:,}" for site, n in self.sites.most_common(10)))
        return out


def run_crawl(options: RunOptions) -> RunSummary:
    """Run the crawl pipeline over ``options.inputs`` into ``options.store``."""
    summary = RunSummary()
    started = time.monotonic()
    engine = make_engine(options.engine, options.workers)  # a bad engine fails before the store
    store = Store(options.store)
    run_id = store.start_run([str(p) for p in options.inputs], options.engine, options.workers)
    progress = Progress(options.progress)
    try:
        total, site_pages = survey(options.inputs, options.fields)
        templates = {}
        if options.templates:
            templates = site_templates(store, engine, options, site_pages, progress)
        summary.template_sites = len(templates)
        extract_all(store, engine, options, templates, total, summary, progress)
        summary.status = "finished"
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    finally:
        progress.close()
        engine.close()
        summary.seconds = time.monotonic() - started
        counts = {"records": summary.records, "articles": summary.articles,
                  "rejects": summary.rejects, "duplicates": summary.duplicates}
        if summary.status == "running":  # left by an exception
            summary.status = "failed"
        store.finish_run(run_id, summary.status, counts, summary.seconds)
        store.close()
    return summary


def survey(inputs: list, fields: Fields) -> tuple[int, dict[str, list[str]]]:
    """Number of records in the input, and per site where its first distinct URLs are.

    At most ``MAX_TEMPLATE_PAGES`` locations are kept per site: templates are learned from a
    site's first pages, which bounds both memory and the template pass on huge sites.
    """
    total = 0
    urls: dict[str, set[str | None]] = {}
    where: dict[str, list[str]] = {}
    for record in iter_records(inputs, fields):
        total += 1
        if not record.site or record.data is None:
            continue
        seen = urls.setdefault(record.site, set())
        if record.url not in seen and len(seen) < MAX_TEMPLATE_PAGES:
            seen.add(record.url)
            where.setdefault(record.site, []).append(record.source)
    return total, where


def input_fingerprint(inputs: list) -> str:
    """A hash of the input files' names, sizes and modification times."""
    digest = hashlib.sha1()
    for path, error in input_files(inputs):
        try:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}\0{error}\n".encode())
    return digest.hexdigest()


def site_templates(store: Store, engine, options: RunOptions, site_pages: dict[str, list[str]],
                   progress: Progress) -> dict[str, frozenset[str]]:
    """The site templates for this input: from the store when learned from it, else learned."""
    fingerprint = input_fingerprint(options.inputs)
    if store.get_state("templates_input") == fingerprint:
        return store.load_templates()
    sources = [src for pages in site_pages.values() if len(pages) >= MIN_SITE_PAGES
               for src in pages]
    learner = TemplateLearner()
    if sources:
        progress.begin("learning site templates", len(sources))
        records = records_at(sources, options.fields)
        batches = (Batch(b) for b in batched(records, options.batch_size))
        for results in engine.map(template_keys_batch, batches):
            for site, keys in results:
                learner.add(site, keys)
            progress.advance(len(results))
        progress.end()
    templates = learner.templates()
    store.save_templates(templates, dict(learner.pages), fingerprint)
    return templates


def extract_all(store: Store, engine, options: RunOptions, templates: dict[str, frozenset[str]],
                total: int, summary: RunSummary, progress: Progress) -> None:
    """The extraction pass: new records → outcomes → dedup → store, batch by batch."""
    done = store.done_ids()
    dedup = Deduplicator()
    for record_id, text_hash, signature, url in store.canonical_articles():
        dedup.add(record_id, text_hash, signature, url)
    progress.begin("extracting", total)

    def new_records() -> Iterator[Record]:
        for record in iter_records(options.inputs, options.fields):
            summary.records += 1
            if record.record_id in done:
                summary.already += 1
                progress.advance(1)
                continue
            yield record

    pending = WriteBuffer(store)
    batches = (Batch(b, {r.site: templates[r.site] for r in b if r.site in templates})
               for b in batched(new_records(), options.batch_size))
    for outcomes in engine.map(process_batch, batches, fallback=one_by_one(engine, process_batch)):
        pending.add(*rows_of(outcomes, dedup, summary))
        progress.advance(len(outcomes))
    pending.flush()
    progress.end()


def one_by_one(engine, fn):
    """A fallback for a batch whose worker died: each record alone; the one that kills its
    worker again becomes a ``worker-crash`` (or ``timeout``) reject, the others are kept."""
    def fallback(batch: Batch) -> list[Outcome]:
        outcomes = []
        for record in batch.records:
            try:
                outcomes += engine.run_one(fn, Batch([record], batch.templates))
            except WorkerLost as exc:
                outcomes.append(Outcome(record.record_id, record.source, record.url, record.site,
                                        record.fetched, status="reject", reason=exc.reason,
                                        detail=f"{exc} while extracting this record"))
        return outcomes
    return fallback


class WriteBuffer:
    """Rows waiting to be written; flushed as one transaction every ``FLUSH_RECORDS`` records or
    ``FLUSH_SECONDS`` seconds (a commit per small batch costs more than the inserts)."""

    FLUSH_RECORDS = 512
    FLUSH_SECONDS = 5.0

    def __init__(self, store: Store) -> None:
        self.store = store
        self.tables: tuple[list, ...] = ([], [], [], [], [])
        self.records = 0
        self.last = time.monotonic()

    def add(self, articles, blocks, related, rejects, signatures) -> None:
        """Queue one batch's rows; write them all when enough are waiting."""
        for table, rows in zip(self.tables, (articles, blocks, related, rejects, signatures)):
            table.extend(rows)
        self.records += len(articles) + len(rejects)
        if self.records >= self.FLUSH_RECORDS or time.monotonic() - self.last >= self.FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write everything queued in one transaction."""
        if self.records:
            self.store.write_batch(*self.tables)
        self.tables = ([], [], [], [], [])
        self.records = 0
        self.last = time.monotonic()


def rows_of(outcomes: list[Outcome], dedup: Deduplicator, summary: RunSummary):
    """The store rows of one batch of outcomes, after the duplicate check (in order)."""
    articles, blocks, related, rejects, signatures = [], [], [], [], []
    for outcome in outcomes:
        if outcome.status == "article":
            match = dedup.match(outcome.text_hash, outcome.signature, outcome.url)
            if match is None:
                dedup.add(outcome.record_id, outcome.text_hash, outcome.signature, outcome.url)
                articles.append(article_row(outcome))
                blocks += [(outcome.record_id, i, b["kind"], b["text"])
                           for i, b in enumerate(outcome.article["body"])]
                related += [(outcome.record_id, i, r.get("group"), r.get("title"), r.get("url"))
                            for i, r in enumerate(outcome.article.get("related", []))]
                signatures.append((outcome.record_id, outcome.signature))
                summary.articles += 1
                summary.sites[outcome.site] += 1
                continue
            kind = "recrawl of" if match.same_url else "copy of"
            outcome.status, outcome.reason = "reject", "duplicate"
            outcome.detail = f"near-duplicate ({kind}) {match.record_id}, similarity {match.similarity:.2f}"
            rejects.append(reject_row(outcome, match.record_id, match.similarity))
        elif outcome.repeat_of is not None and outcome.reason == "duplicate":
            rejects.append(reject_row(outcome, outcome.repeat_of, 1.0))
        else:
            rejects.append(reject_row(outcome, None, None))
        summary.rejects += 1
        summary.reasons[outcome.reason] += 1
        if outcome.reason == "duplicate":
            summary.duplicates += 1
    return articles, blocks, related, rejects, signatures


def article_row(outcome: Outcome) -> dict:
    """The ``articles`` row of an extracted record."""
    article = outcome.article
    row = {key: article.get(key) for key in ("title", "section", "authors", "byline_org",
                                             "sources", "photo_credits", "published", "updated",
                                             "lang", "text", "tags", "teasers", "warnings")}
    row.update(record_id=outcome.record_id, source=outcome.source, url=outcome.url,
               site=outcome.site, fetched=outcome.fetched, words=outcome.words,
               text_hash=outcome.text_hash)
    return row


def reject_row(outcome: Outcome, duplicate_of: str | None, similarity: float | None) -> dict:
    """The ``rejects`` row of a record that is not (or not a new) article."""
    return {"record_id": outcome.record_id, "source": outcome.source, "url": outcome.url,
            "site": outcome.site, "fetched": outcome.fetched, "reason": outcome.reason,
            "detail": outcome.detail, "duplicate_of": duplicate_of, "similarity": similarity}


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` consecutive items."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Progress:
    """A rich progress bar (rate, ETA) on a terminal; a log line every 10 s otherwise."""

    def __init__(self, live: bool | None) -> None:
        self.live = sys.stderr.isatty() if live is None else live
        self.bar = None
        self.task = None
        self.done = 0
        self.total = 0
        self.label = ""
        self.started = self.last_log = time.monotonic()

    def begin(self, label: str, total: int) -> None:
        """Start a stage of ``total`` records."""
        self.label, self.total, self.done = label, total, 0
        self.started = self.last_log = time.monotonic()
        if self.live:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           TextColumn("[progress.data.speed]{task.fields[rate]}"),
                           TimeElapsedColumn(), TimeRemainingColumn(), transient=False,
                           console=_stderr_console())
            self.bar.start()
            self.task = self.bar.add_task(label, total=total, rate="")

    def advance(self, n: int) -> None:
        """Count ``n`` more records done."""
        self.done += n
        now = time.monotonic()
        rate = self.done / max(now - self.started, 1e-9)
        if self.bar is not None:
            self.bar.update(self.task, advance=n, rate=f"{rate:,.1f} rec/s")
        elif now - self.last_log >= 10:
            self.last_log = now
            eta = (self.total - self.done) / rate if rate > 0 else 0
            print(f"dateline run: {self.label}: {self.done:,}/{self.total:,} records, "
                  f"{rate:,.1f} rec/s, ETA {eta:,.0f} s", file=sys.stderr, flush=True)

    def end(self) -> None:
        """Finish the current stage."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def close(self) -> None:
        """Stop any live display."""
        self.end()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def summary_json(summary: RunSummary) -> str:
    """The summary as one JSON line."""
    return json.dumps(summary.as_dict(), ensure_ascii=False)
