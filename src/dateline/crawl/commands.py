"""The crawl commands of the ``dateline`` CLI: run, stats, search, export."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from dateline.crawl.readers import Fields


def register(sub) -> None:
    """Add ``run``, ``stats``, ``search`` and ``export`` to the CLI's subparsers."""
    run = sub.add_parser("run", help="extract a whole crawl into a deduplicated DuckDB store")
    run.add_argument("inputs", nargs="+", help="files or folders: page files, .jsonl[.gz], "
                     ".warc[.gz], .wet[.gz]")
    run.add_argument("--out", type=Path, default=Path("dateline.duckdb"), help="the store")
    run.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                     help="worker processes (default: all cores; 0 runs in this process)")
    run.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local process pool, or Ray (a local instance, or RAY_ADDRESS)")
    run.add_argument("--html-field", default="html", help="JSONL field holding HTML")
    run.add_argument("--text-field", default="text", help="JSONL field holding a text capture")
    run.add_argument("--url-field", default="url", help="JSONL field holding the URL")
    run.add_argument("--no-templates", action="store_true", help="skip site-template learning")
    run.add_argument("--batch-size", type=int, default=16, help="records per worker task")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")
    run.add_argument("--no-progress", action="store_true", help="no live progress bar")
    run.set_defaults(func=cmd_run)

    stats = sub.add_parser("stats", help="what a store holds")
    stats.add_argument("store", type=Path)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats)

    search = sub.add_parser("search", help="full-text search over a store's articles")
    search.add_argument("store", type=Path)
    search.add_argument("words", help="words to look for")
    search.add_argument("--site", help="only this site (example.com)")
    search.add_argument("--since", help="published on or after (YYYY-MM-DD)")
    search.add_argument("--until", help="published on or before (YYYY-MM-DD)")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="one JSON line per hit")
    search.set_defaults(func=cmd_search)

    export = sub.add_parser("export", help="write a store's articles or rejects to Parquet/JSONL")
    export.add_argument("store", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--format", choices=("parquet", "jsonl"), default=None,
                        help="default: from the output file's suffix")
    export.add_argument("--table", choices=("articles", "rejects"), default="articles")
    export.set_defaults(func=cmd_export)


def cmd_run(args) -> int:
    """``dateline run``: inputs → store; prints the summary."""
    from dateline.crawl.run import RunOptions, run_crawl, summary_json

    options = RunOptions(inputs=args.inputs, store=args.out, workers=max(0, args.workers),
                         engine=args.engine,
                         fields=Fields(args.html_field, args.text_field, args.url_field),
                         templates=not args.no_templates, batch_size=max(1, args.batch_size),
                         progress=False if args.no_progress else None)
    try:
        summary = run_crawl(options)
    except KeyboardInterrupt:
        print(f"dateline run: interrupted; run the same command again to resume into {args.out}",
              file=sys.stderr)
        return 130
    if args.json:
        print(summary_json(summary))
    else:
        for line in summary.lines():
            print(line)
        print(f"store: {args.out}")
    return 0


def cmd_stats(args) -> int:
    """``dateline stats``: counts of a store."""
    from dateline.store import Store

    with Store(args.store, read_only=True) as store:
        stats = store.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    print(f"{args.store}: {stats['records']:,} records = {stats['articles']:,} articles + "
          f"{stats['rejects']:,} rejects ({stats['duplicates']:,} duplicates); "
          f"{stats['sites']:,} sites; {stats['runs']} runs")
    for title, key in (("rejects by reason", "reject_reasons"), ("top sites", "top_sites"),
                       ("languages", "languages")):
        if stats[key]:
            print(f"{title}: " + ", ".join(f"{k} {v:,}" for k, v in stats[key].items()))
    return 0


def cmd_search(args) -> int:
    """``dateline search``: BM25 search over titles and text."""
    from dateline.errors import DatelineError
    from dateline.store import Store

    if not args.store.exists():
        raise DatelineError(f"{args.store}: no such store (make one with `dateline run`)")
    with Store(args.store) as store:  # writable: the first search builds the index
        hits = store.search(args.words, site=args.site, since=args.since, until=args.until,
                            limit=args.limit)
    for hit in hits:
        if args.json:
            hit = {**hit, "text": hit["text"][:300]}
            print(json.dumps(hit, ensure_ascii=False))
            continue
        date = (hit["published"] or "")[:10] or "----------"
        print(f"{hit['score']:6.2f}  {date}  {hit['site'] or '-'}  {hit['title'] or '(no title)'}")
        print(f"        {hit['url'] or hit['record_id']}")
        print(f"        {snippet(hit['text'], args.words)}")
    if not hits and not args.json:
        print("no match", file=sys.stderr)
    return 0


def snippet(text: str, words: str, width: int = 160) -> str:
    """A one-line excerpt of ``text`` around the first query word it contains."""
    flat = " ".join(text.split())
    lowered = flat.lower()
    positions = [lowered.find(w.lower()) for w in words.split() if w]
    found = min((p for p in positions if p >= 0), default=0)
    start = max(0, found - width // 3)
    return ("…" if start else "") + flat[start:start + width] + ("…" if start + width < len(flat) else "")


def cmd_export(args) -> int:
    """``dateline export``: articles (nested body, related) or rejects → Parquet or JSONL."""
    from dateline.store import Store

    fmt = args.format or ("parquet" if args.output.suffix == ".parquet" else "jsonl")
    with Store(args.store, read_only=True) as store:
        count = store.export(args.output, fmt, args.table)
    print(f"wrote {count:,} {args.table} to {args.output} ({fmt})", file=sys.stderr)
    return 0
