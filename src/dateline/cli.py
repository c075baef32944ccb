"""The ``dateline`` command line: extract, eval, train, bench (and the crawl commands)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dateline.errors import DatelineError

DEFAULT_DATA = Path("../shared/data")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="dateline", description="News page captures in, structured article records out.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract articles from capture files (or - for stdin)")
    ex.add_argument("files", nargs="+", help="text captures or HTML pages; '-' reads stdin")
    ex.add_argument("-o", "--output", help="write one JSON line per input to this file")
    ex.add_argument("--format", choices=("json", "jsonl", "text", "markdown"), default=None,
                    help="output format (default: json for one input, jsonl for several)")
    ex.add_argument("--explain", action="store_true",
                    help="list every dropped line with the reason it was dropped")
    ex.add_argument("--url", help="the page's URL, recorded in the article")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("eval", help="score dateline on a development set")
    ev.add_argument("datasets", nargs="*", help="dataset directories (default: both dev sets "
                    "under ../shared/data)")
    ev.add_argument("--renderer", action="append",
                    help="only this source (repeatable): w3m, lynx, inscriptis, wet, html, or "
                    "'trafilatura' to score trafilatura on the same HTML pages")
    ev.add_argument("--limit", type=int, help="only the first N pages")
    ev.add_argument("--predictions", type=Path, help="also write predictions JSONL here")
    ev.add_argument("--json", action="store_true", help="print the results as JSON")
    ev.set_defaults(func=cmd_eval)

    tr = sub.add_parser("train", help="train the block labeller from the development sets")
    tr.add_argument("--data", type=Path, default=DEFAULT_DATA, help="development data folder")
    tr.add_argument("--out", type=Path, default=None,
                    help="model folder (default: the package's resources/labeller)")
    tr.add_argument("--cache", type=Path, default=Path(".cache"), help="silver-label cache")
    tr.add_argument("--limit", type=int, help="only the first N pages of each set")
    tr.add_argument("--exclude-fold", type=int, help="leave out this CV fold (0-4)")
    tr.add_argument("--datasets", nargs="+", default=["scrapinghub-dev", "trafilatura-eval"])
    tr.set_defaults(func=cmd_train)

    be = sub.add_parser("bench", help="measure extraction throughput and memory")
    be.add_argument("what", choices=("throughput", "memory", "html", "crawl"), help="which benchmark")
    be.add_argument("--data", type=Path, default=DEFAULT_DATA, help="development data folder")
    be.add_argument("--seconds", type=float, default=10.0, help="how long to measure")
    be.set_defaults(func=cmd_bench)
    register_optional_commands(sub)
    return parser


def register_optional_commands(sub) -> None:
    """Add the crawl/store commands when that part of the package is present."""
    try:
        from dateline.crawl.commands import register
    except ImportError:
        return
    register(sub)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``dateline`` console script; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DatelineError as exc:
        print(f"dateline: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def read_input(name: str) -> bytes:
    """The bytes of a file, or of stdin for '-'; raises ``CaptureError`` if unreadable."""
    from dateline.errors import CaptureError

    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise CaptureError(name, "unreadable", "is a directory (use `dateline run DIR`)")
    except OSError as exc:
        raise CaptureError(name, "unreadable", exc.strerror or str(exc)) from exc
    if path.suffix == ".gz":
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise CaptureError(name, "bad-gzip", f"cannot decompress: {exc}") from exc
    return data


def cmd_extract(args) -> int:
    """``dateline extract``: print or write one article per input; exit 1 if any failed."""
    from dateline.api import extract
    from dateline.render import render_article

    fmt = args.format or ("jsonl" if args.output or len(args.files) > 1 else "json")
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = 0
    try:
        for name in args.files:
            try:
                article = extract(read_input(name), url=args.url,
                                  source="<stdin>" if name == "-" else name, explain=args.explain)
            except DatelineError as exc:
                failed += 1
                print(f"dateline: {exc}", file=sys.stderr)
                if fmt == "jsonl":
                    out.write(json.dumps({"source": name, "error": str(exc)}) + "\n")
                continue
            out.write(render_article(article, fmt) + "\n")
    finally:
        if args.output:
            out.close()
    if failed:
        print(f"dateline: {failed} of {len(args.files)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_eval(args) -> int:
    """``dateline eval``: print the score table per dataset and renderer."""
    from dateline.evaluate import evaluate_dataset, format_table
    from dateline.train.data import SOURCES

    datasets = [set_dir for d in args.datasets for set_dir in dataset_dirs(Path(d))] or \
        [DEFAULT_DATA / "scrapinghub-dev", DEFAULT_DATA / "trafilatura-eval"]
    renderers = tuple(args.renderer or SOURCES)
    report = {}
    for dataset in datasets:
        if not (dataset / "gold.jsonl").exists():
            print(f"dateline: error: {dataset}: no gold.jsonl (expected a development set "
                  "folder such as ../shared/data/scrapinghub-dev)", file=sys.stderr)
            return 2
        rows = evaluate_dataset(dataset, renderers, args.predictions, args.limit)
        report[dataset.name] = rows
        if not args.json:
            print(format_table(dataset.name, rows) + "\n", flush=True)
    if args.json:
        print(json.dumps(report, indent=1))
    return 0


def dataset_dirs(path: Path) -> list[Path]:
    """The development sets ``path`` names: itself when it holds a ``gold.jsonl``, else the
    sets inside it (``../shared/data`` → its ``scrapinghub-dev`` and ``trafilatura-eval``)."""
    if (path / "gold.jsonl").exists() or not path.is_dir():
        return [path]
    inner = sorted(child for child in path.iterdir() if (child / "gold.jsonl").exists())
    return inner or [path]


def cmd_train(args) -> int:
    """``dateline train``: fit the labeller models and write them."""
    from dateline.train.fit import train_labeller

    out = args.out or Path(__file__).parent / "resources" / "labeller"
    train_labeller(args.data, out, args.cache, datasets=tuple(args.datasets), limit=args.limit,
                   exclude_fold=args.exclude_fold,
                   log=lambda msg: print(msg, file=sys.stderr, flush=True))
    return 0


def cmd_bench(args) -> int:
    """``dateline bench``: print a throughput rate or a memory figure."""
    from dateline.bench import run_benchmark

    print(run_benchmark(args.what, args.data, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
