"""Crawl inputs → ``Record``s: directories, page files, JSONL, WARC and WET (each maybe gzip'd).

Nothing is dropped silently: a part of the input that cannot be read (a permission error, a
truncated gzip stream, a broken WARC record, a JSON line that does not parse) becomes a
``Record`` whose ``error`` says why, and reading goes on with the next file, line or record.
WARC files are read with warcio; after a broken record the reader scans forward to the next
record header (or gzip member) and carries on.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.crawl.records import Record, RecordIds, site_of

MAX_PAGE_BYTES = 64 * 1024 * 1024  # a single page file larger than this is rejected unread
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_SCAN_CHUNK = 1 << 20  # when scanning for the next record header
_MEMBER_CHUNK = 1 << 16  # per read of a gzip member: bytes past its end are read again next time


@dataclass(frozen=True, slots=True)
class Fields:
    """Which JSONL fields hold the page: HTML first, then text; and the URL."""

    html: str = "html"
    text: str = "text"
    url: str = "url"


def iter_records(inputs: Iterable[str | Path], fields: Fields = Fields()) -> Iterator[Record]:
    """Every record of every input, in a stable order (directories walked sorted)."""
    ids = RecordIds()
    for path, error in input_files(inputs):
        if error is not None:
            yield error_record(ids, str(path), "unreadable", error)
            continue
        yield from records_of_file(path, ids, fields)


def records_at(sources: list[str], fields: Fields = Fields()) -> Iterator[Record]:
    """The records at these ``source`` locations (as ``iter_records`` names them), in order.

    Records of gzip'd WARC files are read straight from their member offsets; other inputs are
    read through and filtered. Record ids here are not meaningful (no input-wide numbering).
    """
    by_path: dict[str, list[str]] = {}
    for source in sources:
        by_path.setdefault(source_path(source), []).append(source)
    ids = RecordIds()
    for path_name, wanted in by_path.items():
        path = Path(path_name)
        if path.name.lower().endswith(".gz") and path.name.lower().endswith(WARC_SUFFIXES) \
                and all("#" in w for w in wanted):
            with open(path, "rb") as handle:
                for source in wanted:
                    offset = int(source.rsplit("#", 1)[1])
                    data, _, problem = read_gzip_member(handle, offset)
                    if problem is None:
                        yield from warc_payload_records(data, source, ids)
            continue
        wanted_set = set(wanted)
        for record in records_of_file(path, ids, fields):
            if record.source in wanted_set:
                yield record


def source_path(source: str) -> str:
    """The file a record ``source`` lies in (``path#offset`` and ``path:line`` → ``path``)."""
    for separator in ("#", ":"):
        head, _, tail = source.rpartition(separator)
        if head and tail.isdigit():
            return head
    return source


def input_files(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Input files in order, each with None or the reason it cannot be opened."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from directory_files(path)
        elif path.exists():
            yield path, None
        else:
            yield path, "no such file or directory"


def directory_files(top: Path) -> Iterator[tuple[Path, str | None]]:
    """The files under ``top`` (hidden ones skipped), sorted; unreadable folders reported."""
    failures: list[OSError] = []
    for folder, dirs, files in os.walk(top, onerror=failures.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        while failures:
            exc = failures.pop()
            yield Path(exc.filename or folder), f"folder not readable: {exc.strerror}"
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name, None
    for exc in failures:
        yield Path(exc.filename or top), f"folder not readable: {exc.strerror}"


def records_of_file(path: Path, ids: RecordIds, fields: Fields) -> Iterator[Record]:
    """The records of one input file, dispatched on its name."""
    name = path.name.lower()
    try:
        if name.endswith(WARC_SUFFIXES):
            yield from warc_records(path, ids)
        elif name.endswith(JSONL_SUFFIXES):
            yield from jsonl_records(path, ids, fields)
        else:
            yield page_file_record(path, ids)
    except OSError as exc:
        yield error_record(ids, str(path), "unreadable", exc.strerror or str(exc))


def error_record(ids: RecordIds, source: str, reason: str, detail: str,
                 url: str | None = None) -> Record:
    """A record that stands for an unreadable part of the input."""
    record_id, _ = ids.assign(url, None, source)
    return Record(record_id, source, url=url, site=site_of(url), error=(reason, detail))


def page_record(ids: RecordIds, source: str, data: bytes | str, *, url: str | None = None,
                kind: str | None = None, fetched: str | None = None) -> Record:
    """A record holding one page."""
    record_id, repeat_of = ids.assign(url, data, source)
    return Record(record_id, source, url=url, site=site_of(url), data=data, kind=kind,
                  fetched=fetched, repeat_of=repeat_of)


def open_maybe_gzip(path: Path):
    """The file opened for binary reading, decompressing when it starts with the gzip magic."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def page_file_record(path: Path, ids: RecordIds) -> Record:
    """One page file (text capture or HTML, maybe gzip'd) as a record."""
    source = str(path)
    try:
        with open_maybe_gzip(path) as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        return error_record(ids, source, "truncated-gzip", f"gzip stream broken: {exc}")
    if len(data) > MAX_PAGE_BYTES:
        return error_record(ids, source, "too-large",
                            f"more than {MAX_PAGE_BYTES:,} bytes; not read")
    return page_record(ids, source, data)


def jsonl_records(path: Path, ids: RecordIds, fields: Fields) -> Iterator[Record]:
    """One record per JSON line holding an ``html`` or ``text`` field (names configurable)."""
    line_no = 0
    try:
        with open_maybe_gzip(path) as handle:
            for line_no, raw in enumerate(handle, 1):
                if raw.strip():
                    yield jsonl_record(raw, f"{path}:{line_no}", ids, fields)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield error_record(ids, f"{path}:{line_no + 1}", "truncated-gzip",
                           f"gzip stream broken after line {line_no}: {exc}; rest of file unread")


def jsonl_record(raw: bytes, source: str, ids: RecordIds, fields: Fields) -> Record:
    """The record of one JSON line."""
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        return error_record(ids, source, "bad-json", str(exc)[:200])
    if not isinstance(obj, dict):
        return error_record(ids, source, "bad-json", "the line is not a JSON object")
    url = obj.get(fields.url) if isinstance(obj.get(fields.url), str) else None
    for field_name, kind in ((fields.html, "html"), (fields.text, "text")):
        value = obj.get(field_name)
        if isinstance(value, str) and value.strip():
            return page_record(ids, source, value, url=url, kind=kind)
    return error_record(ids, source, "no-content",
                        f"no non-empty {fields.html!r} or {fields.text!r} field", url=url)


def warc_records(path: Path, ids: RecordIds) -> Iterator[Record]:
    """Page records of a WARC or WET file; broken stretches become error records."""
    with open(path, "rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
    if gzipped:
        yield from gzip_warc_records(path, ids)
    else:
        yield from plain_warc_records(path, ids)


def gzip_warc_records(path: Path, ids: RecordIds) -> Iterator[Record]:
    """Records of a gzip'd WARC, one gzip member at a time (the WARC convention).

    Each member is decompressed on its own, so a corrupt or cut member costs that member only:
    it becomes a ``broken-warc`` (or ``truncated-record``) reject and reading resumes at the
    next gzip member header.
    """
    size = path.stat().st_size
    with open(path, "rb") as handle:
        start = 0
        while start < size:
            data, end, problem = read_gzip_member(handle, start)
            if problem is None:
                yield from warc_payload_records(data, f"{path}#{start}", ids)
                start = end
                continue
            resume = next_record_start(handle, start + 1, gzipped=True)
            reason = "truncated-record" if resume is None and "cut short" in problem else "broken-warc"
            stop = resume if resume is not None else size
            yield error_record(ids, f"{path}#{start}", reason,
                               f"bytes {start:,}-{stop:,} unreadable ({problem})")
            if resume is None:
                return
            start = resume


def read_gzip_member(handle, start: int) -> tuple[bytes, int, str | None]:
    """The decompressed gzip member at ``start``, where the next one begins, and any problem."""
    handle.seek(start)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts, produced, position = [], 0, start
    while not inflater.eof:
        chunk = handle.read(_MEMBER_CHUNK)
        if not chunk:
            return b"", position, "gzip member cut short by the end of the file"
        try:
            part = inflater.decompress(chunk)
        except zlib.error as exc:
            return b"", position, f"corrupt gzip member: {exc}"
        produced += len(part)
        if produced > MAX_PAGE_BYTES:
            return b"", position, f"a record of more than {MAX_PAGE_BYTES:,} bytes"
        parts.append(part)
        position += len(chunk)
    return b"".join(parts), position - len(inflater.unused_data), None


def warc_payload_records(data: bytes, source: str, ids: RecordIds) -> Iterator[Record]:
    """The page records in one decompressed stretch of WARC (usually a single record)."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        for record in ArchiveIterator(io.BytesIO(data), check_digests=False):
            content = record.content_stream().read()
            page = warc_page(record, content, source, ids)
            if page is not None:
                yield page
    except Exception as exc:  # warcio raises many kinds on broken input
        yield error_record(ids, source, "broken-warc", f"{type(exc).__name__}: {exc}"[:300])


def plain_warc_records(path: Path, ids: RecordIds) -> Iterator[Record]:
    """Records of an uncompressed WARC; after a broken record, resume at the next header."""
    from warcio.archiveiterator import ArchiveIterator

    size = path.stat().st_size
    with open(path, "rb") as handle:
        start = 0
        while start < size:
            handle.seek(start)
            iterator = ArchiveIterator(handle, check_digests=False)
            problem = "record cut short or not a WARC record"
            try:
                for record in iterator:
                    content = record.content_stream().read()  # before asking the offset
                    offset = start + iterator.get_record_offset()
                    page = warc_page(record, content, f"{path}#{offset}", ids)
                    if page is not None:
                        yield page
            except Exception as exc:  # warcio raises many kinds on broken input
                problem = f"{type(exc).__name__}: {exc}"[:300]
            end = start + iterator.offset
            if end >= size:
                return
            resume = next_record_start(handle, max(end, start) + 1, gzipped=False)
            stop = resume if resume is not None else size
            yield error_record(ids, f"{path}#{end}", "broken-warc",
                               f"bytes {end:,}-{stop:,} unreadable ({problem}); reading resumed "
                               + ("at the next record" if resume is not None else "nowhere: end of file"))
            if resume is None:
                return
            start = resume


def next_record_start(handle, offset: int, gzipped: bool) -> int | None:
    """Offset of the next gzip member or ``WARC/`` header at or after ``offset``."""
    marker = b"\x1f\x8b\x08" if gzipped else b"\nWARC/1."
    skip = 0 if gzipped else 1
    handle.seek(offset)
    position = offset
    tail = b""
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(tail) + found + skip
        tail = window[-(len(marker) - 1):]
        position += len(chunk)


def warc_page(record, data: bytes, source: str, ids: RecordIds) -> Record | None:
    """The page in one WARC record (``data``: its payload), an error record, or None for
    non-page record types."""
    kind = record.rec_type
    if kind not in ("response", "resource", "conversion"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = record.rec_headers.get_header("WARC-Date")
    if getattr(record.raw_stream, "limit", 0):
        return error_record(ids, source, "truncated-record",
                            f"{record.raw_stream.limit:,} bytes missing at the end", url=url)
    if kind == "conversion":
        return page_record(ids, source, data, url=url, kind="text", fetched=fetched)
    if kind == "response" and record.http_headers is not None:
        rejected = http_problem(record.http_headers)
        if rejected:
            return error_record(ids, source, rejected[0], rejected[1], url=url)
        data = decode_declared(data, record.http_headers.get_header("Content-Type") or "")
    return page_record(ids, source, data, url=url, kind="html", fetched=fetched)


def http_problem(headers) -> tuple[str, str] | None:
    """Why an HTTP response is not a page to extract (status, content type), or None."""
    status = (headers.get_statuscode() or "").strip()
    if status and not status.startswith("2"):
        return "http-status", f"HTTP {status}"
    ctype = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        return "not-a-page", f"content type {ctype}"
    return None


def decode_declared(data: bytes, content_type: str) -> bytes | str:
    """The payload decoded with the HTTP-declared charset when it decodes cleanly, else bytes."""
    lowered = content_type.lower()
    if "charset=" not in lowered:
        return data
    charset = lowered.split("charset=", 1)[1].split(";")[0].strip().strip("\"'")
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        charset = "cp1252"  # what browsers do with these labels
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data
