"""The crawl store: one DuckDB file with the articles, their blocks and links, and the rejects.

Schema (``dateline run`` creates it; every table is keyed by ``record_id``, see
``dateline.crawl.records``):

- ``articles`` — one row per extracted article: ``record_id, source, url, site, fetched,
  title, section, authors[], byline_org, sources[], photo_credits[], published, updated, lang,
  text, tags[], teasers[], warnings[], words, text_hash``. Dates are ISO 8601 strings.
- ``blocks`` — the body, one row per block: ``record_id, position, kind, text``.
- ``related`` — related links: ``record_id, position, group_name, title, url``.
- ``rejects`` — one row per input record that is not an article: ``record_id, source, url, site,
  fetched, reason, detail, duplicate_of, similarity``. Reasons: ``empty``, ``binary``,
  ``undecodable``, ``too-large``, ``unreadable``, ``truncated-gzip``, ``truncated-record``,
  ``broken-warc``, ``bad-json``, ``no-content``, ``http-status``, ``not-a-page``, ``no-article``,
  ``too-short``, ``parse-error``, ``duplicate``.
- ``signatures`` — MinHash signature of each article (to rebuild the dedup index on resume).
- ``templates`` — learned site template lines: ``site, key, pages``.
- ``runs`` — one row per ``dateline run``: when, inputs, engine, counts, status.
- ``state`` — key/value bookkeeping (fingerprint of the input the templates were learned from).

Every record is in exactly one of ``articles`` and ``rejects``; records = articles + rejects.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from dateline.errors import DatelineError

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    record_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, site VARCHAR, fetched VARCHAR,
    title VARCHAR, section VARCHAR, authors VARCHAR[], byline_org VARCHAR, sources VARCHAR[],
    photo_credits VARCHAR[], published VARCHAR, updated VARCHAR, lang VARCHAR, text VARCHAR,
    tags VARCHAR[], teasers VARCHAR[], warnings VARCHAR[], words INTEGER, text_hash VARCHAR);
CREATE TABLE IF NOT EXISTS blocks (
    record_id VARCHAR, position INTEGER, kind VARCHAR, text VARCHAR);
CREATE TABLE IF NOT EXISTS related (
    record_id VARCHAR, position INTEGER, group_name VARCHAR, title VARCHAR, url VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
    record_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, site VARCHAR, fetched VARCHAR,
    reason VARCHAR, detail VARCHAR, duplicate_of VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS signatures (record_id VARCHAR PRIMARY KEY, minhash BLOB);
CREATE TABLE IF NOT EXISTS templates (site VARCHAR, key VARCHAR, pages INTEGER);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER, started TIMESTAMP, finished TIMESTAMP, status VARCHAR, inputs VARCHAR,
    engine VARCHAR, workers INTEGER, records INTEGER, articles INTEGER, rejects INTEGER,
    duplicates INTEGER, seconds DOUBLE);
CREATE TABLE IF NOT EXISTS state (key VARCHAR PRIMARY KEY, value VARCHAR);
"""

ARTICLE_COLUMNS = ("record_id", "source", "url", "site", "fetched", "title", "section", "authors",
                   "byline_org", "sources", "photo_credits", "published", "updated", "lang",
                   "text", "tags", "teasers", "warnings", "words", "text_hash")
REJECT_COLUMNS = ("record_id", "source", "url", "site", "fetched", "reason", "detail",
                  "duplicate_of", "similarity")


def skip_missing_pandas() -> None:
    """Make DuckDB's per-value ``import pandas`` probe cheap when pandas is not installed.

    DuckDB's Python binding tries to import pandas for every bound parameter; without pandas each
    try searches the whole ``sys.path`` (measured: 80% of a crawl's main-process time). Marking
    the missing module as absent in ``sys.modules`` turns each try into a dictionary lookup. When
    pandas is installed nothing changes.
    """
    import importlib.util
    import sys

    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


class Store:
    """A DuckDB crawl store (created on first use)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import duckdb

        skip_missing_pandas()

        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise DatelineError(f"{self.path}: no such store (make one with `dateline run`)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise DatelineError(f"{self.path}: cannot open the store: {exc}") from exc
        if not read_only:
            self.con.execute(SCHEMA)
        elif not self.has_table("articles"):
            raise DatelineError(f"{self.path}: not a dateline store (no articles table)")

    def close(self) -> None:
        """Close the database file."""
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has_table(self, name: str) -> bool:
        """Whether the store has this table."""
        return bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()[0])

    # --- writing -------------------------------------------------------------------------

    def write_batch(self, articles: Sequence[dict], blocks: Sequence[tuple],
                    related: Sequence[tuple], rejects: Sequence[dict],
                    signatures: Sequence[tuple]) -> None:
        """Write one batch of outcomes in a single transaction (all of it or none of it)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            bulk_insert(self.con, "articles", [tuple(a.get(c) for c in ARTICLE_COLUMNS)
                                               for a in articles])
            bulk_insert(self.con, "blocks", blocks)
            bulk_insert(self.con, "related", related)
            bulk_insert(self.con, "rejects", [tuple(r.get(c) for c in REJECT_COLUMNS)
                                              for r in rejects])
            bulk_insert(self.con, "signatures", [(rid, sig.hex()) for rid, sig in signatures])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def done_ids(self) -> set[str]:
        """Ids of every record already stored (as article or reject)."""
        rows = self.con.execute(
            "SELECT record_id FROM articles UNION ALL SELECT record_id FROM rejects").fetchall()
        return {row[0] for row in rows}

    def canonical_articles(self) -> Iterable[tuple[str, str, bytes, str | None]]:
        """``(record_id, text_hash, signature, url)`` of stored articles, for the dedup index."""
        return self.con.execute(
            "SELECT a.record_id, a.text_hash, s.minhash, a.url FROM articles a "
            "JOIN signatures s USING (record_id) ORDER BY a.rowid").fetchall()

    def get_state(self, key: str) -> str | None:
        """A bookkeeping value, or None."""
        row = self.con.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def save_templates(self, templates: dict[str, frozenset[str]], pages: dict[str, int],
                       fingerprint: str) -> None:
        """Replace the stored site templates with these, learned from input ``fingerprint``."""
        rows = [(site, key, pages.get(site, 0)) for site in sorted(templates)
                for key in sorted(templates[site])]
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM templates")
        bulk_insert(self.con, "templates", rows)
        self.con.execute("INSERT OR REPLACE INTO state VALUES ('templates_input', ?)", [fingerprint])
        self.con.execute("COMMIT")

    def load_templates(self) -> dict[str, frozenset[str]]:
        """The stored site templates."""
        result: dict[str, set[str]] = {}
        for site, key in self.con.execute("SELECT site, key FROM templates").fetchall():
            result.setdefault(site, set()).add(key)
        return {site: frozenset(keys) for site, keys in result.items()}

    def start_run(self, inputs: list[str], engine: str, workers: int) -> int:
        """Record the start of a run; its id."""
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute("INSERT INTO runs (run_id, started, status, inputs, engine, workers) "
                         "VALUES (?, ?, 'running', ?, ?, ?)",
                         [run_id, _now(), json.dumps(inputs), engine, workers])
        return run_id

    def finish_run(self, run_id: int, status: str, counts: dict, seconds: float) -> None:
        """Record how a run ended."""
        self.con.execute("UPDATE runs SET finished = ?, status = ?, records = ?, articles = ?, "
                         "rejects = ?, duplicates = ?, seconds = ? WHERE run_id = ?",
                         [_now(), status, counts.get("records", 0), counts.get("articles", 0),
                          counts.get("rejects", 0), counts.get("duplicates", 0), seconds, run_id])

    # --- reading -------------------------------------------------------------------------

    def contents(self) -> dict[str, list[str]]:
        """Every row of every table but ``runs``, sorted: two stores built from the same input
        compare equal whatever the engine, worker count or interruptions."""
        return {table: sorted(map(repr, self.con.execute(f"SELECT * FROM {table}").fetchall()))
                for table in CONTENT_TABLES}

    def stats(self) -> dict:
        """Counts over the whole store: records, articles, rejects, duplicates, sites, reasons."""
        q = self.con.execute
        articles = q("SELECT count(*) FROM articles").fetchone()[0]
        rejects = q("SELECT count(*) FROM rejects").fetchone()[0]
        return {
            "records": articles + rejects,
            "articles": articles,
            "rejects": rejects,
            "duplicates": q("SELECT count(*) FROM rejects WHERE reason = 'duplicate'").fetchone()[0],
            "sites": q("SELECT count(DISTINCT site) FROM articles WHERE site <> ''").fetchone()[0],
            "reject_reasons": dict(q("SELECT reason, count(*) FROM rejects GROUP BY reason "
                                     "ORDER BY count(*) DESC, reason").fetchall()),
            "top_sites": dict(q("SELECT site, count(*) FROM articles WHERE site <> '' GROUP BY "
                                "site ORDER BY count(*) DESC, site LIMIT 10").fetchall()),
            "languages": dict(q("SELECT coalesce(lang, '?'), count(*) FROM articles GROUP BY 1 "
                                "ORDER BY 2 DESC, 1 LIMIT 10").fetchall()),
            "runs": q("SELECT count(*) FROM runs").fetchone()[0],
        }

    def build_search_index(self) -> None:
        """(Re)build the full-text index over article titles and text (DuckDB ``fts``)."""
        load_fts(self.con)
        self.con.execute("PRAGMA create_fts_index('articles', 'record_id', 'title', 'text', "
                         "overwrite=1)")

    def search_index_is_current(self) -> bool:
        """Whether the full-text index exists and covers the articles as they are now."""
        return self.get_state("search_index") == self.articles_version()

    def articles_version(self) -> str:
        """A cheap fingerprint of the articles table (row count and last id)."""
        count, last = self.con.execute(
            "SELECT count(*), max(record_id) FROM articles").fetchone()
        return f"{count}:{last}"

    def ensure_search_index(self) -> None:
        """Build the full-text index when it is missing or older than the articles."""
        if not self.search_index_is_current():
            self.build_search_index()
            self.con.execute("INSERT OR REPLACE INTO state VALUES ('search_index', ?)",
                             [self.articles_version()])

    def search(self, words: str, *, site: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 20) -> list[dict]:
        """Articles matching ``words`` (BM25), best first, optionally by site and date range.

        The index is built on the first search after the articles changed (so a store opened
        read-only must already have a current index).
        """
        if not self.read_only:
            self.ensure_search_index()
        elif not self.search_index_is_current():
            raise DatelineError(f"{self.path}: the search index is missing or stale; open the "
                                "store writable to rebuild it")
        load_fts(self.con)
        where, params = ["score IS NOT NULL"], [words]
        if site:
            where.append("(site = ? OR site LIKE ?)")
            params += [site, f"%.{site}"]
        if since:
            where.append("published >= ?")
            params.append(since)
        if until:
            where.append("substr(published, 1, 10) <= ?")
            params.append(until)
        sql = ("SELECT * FROM (SELECT record_id, site, url, title, published, text, "
               "fts_main_articles.match_bm25(record_id, ?) AS score FROM articles) "
               f"WHERE {' AND '.join(where)} ORDER BY score DESC, record_id LIMIT {int(limit)}")
        columns = ("record_id", "site", "url", "title", "published", "text", "score")
        return [dict(zip(columns, row)) for row in self.con.execute(sql, params).fetchall()]

    def export(self, out: Path, fmt: str, table: str = "articles") -> int:
        """Write ``articles`` (with nested ``body`` and ``related``) or ``rejects`` to a file."""
        if fmt not in ("parquet", "jsonl"):
            raise DatelineError(f"unknown export format {fmt!r}: use parquet or jsonl")
        if table == "articles":
            query = EXPORT_ARTICLES
        elif table == "rejects":
            query = "SELECT * FROM rejects ORDER BY rowid"
        else:
            raise DatelineError(f"unknown table {table!r}: use articles or rejects")
        option = "FORMAT parquet" if fmt == "parquet" else "FORMAT json"
        target = str(out).replace("'", "''")
        self.con.execute(f"COPY ({query}) TO '{target}' ({option})")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


EXPORT_ARTICLES = """
SELECT a.* EXCLUDE (text_hash),
  coalesce((SELECT list({'kind': b.kind, 'text': b.text} ORDER BY b.position)
            FROM blocks b WHERE b.record_id = a.record_id), []) AS body,
  coalesce((SELECT list({'group': r.group_name, 'title': r.title, 'url': r.url}
                        ORDER BY r.position)
            FROM related r WHERE r.record_id = a.record_id), []) AS related
FROM articles a ORDER BY a.rowid
"""


TABLE_TYPES = {
    "articles": dict(zip(ARTICLE_COLUMNS, (
        "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR[]",
        "VARCHAR", "VARCHAR[]", "VARCHAR[]", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
        "VARCHAR[]", "VARCHAR[]", "VARCHAR[]", "INTEGER", "VARCHAR"))),
    "blocks": {"record_id": "VARCHAR", "position": "INTEGER", "kind": "VARCHAR", "text": "VARCHAR"},
    "related": {"record_id": "VARCHAR", "position": "INTEGER", "group_name": "VARCHAR",
                "title": "VARCHAR", "url": "VARCHAR"},
    "rejects": dict(zip(REJECT_COLUMNS, ("VARCHAR",) * 8 + ("DOUBLE",))),
    "signatures": {"record_id": "VARCHAR", "minhash": "VARCHAR"},  # hex, unhexed on insert
    "templates": {"site": "VARCHAR", "key": "VARCHAR", "pages": "INTEGER"},
}
CONTENT_TABLES = ("articles", "blocks", "related", "rejects", "signatures", "templates", "state")


def bulk_insert(con, table: str, rows: Sequence[tuple]) -> None:
    """Insert many rows through a temporary JSON-lines file read by DuckDB's JSON reader.

    Binding thousands of Python values as statement parameters costs far more than writing and
    scanning the same rows as JSON; the file is deleted right after.
    """
    if not rows:
        return
    types = TABLE_TYPES[table]
    names = list(types)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as handle:
        for row in rows:
            handle.write(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n")
    try:
        spec = ", ".join(f"'{name}': '{kind}'" for name, kind in types.items())
        select = ", ".join("unhex(minhash)" if (table, n) == ("signatures", "minhash") else n
                           for n in names)
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select} FROM "
                    f"read_json(?, format = 'newline_delimited', columns = {{{spec}}})",
                    [handle.name])
    finally:
        os.unlink(handle.name)


def load_fts(con) -> None:
    """Load DuckDB's full-text-search extension from the ``duckdb-extension-fts`` wheel."""
    try:
        con.execute("LOAD fts")
        return
    except Exception:
        pass
    try:
        import duckdb_extensions

        duckdb_extensions.import_extension("fts")
        con.execute("LOAD fts")
    except Exception as exc:
        raise DatelineError(f"DuckDB full-text search is not available ({exc}); "
                            "pip install duckdb-extension-fts") from exc


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
