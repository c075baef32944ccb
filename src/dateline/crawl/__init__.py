"""Whole crawls → a deduplicated news store: ``dateline run``.

The crawl pipeline, one module per stage:

- ``records``  — ``Record``: one input page with a stable id, its URL and site;
- ``readers``  — inputs (directories, page files, JSONL, WARC, WET; gzip'd or not) → ``Record``s,
  with every unreadable part turned into a record that carries the reason;
- ``templates`` — first pass: lines that repeat across pages of one site (its template);
- ``process``  — one record → ``Outcome`` (an article row, or a reject with a reason), run in
  worker processes;
- ``engines``  — where ``process`` runs: in-process, a local process pool, or Ray;
- ``dedup``    — exact hashes, then MinHash-LSH over article text: recrawls and syndicated copies;
- ``dateline.store`` — the DuckDB store (articles, blocks, related, rejects, runs), export, search;
- ``run``      — the orchestration: resume, ordered writes, progress and the run summary.
"""
