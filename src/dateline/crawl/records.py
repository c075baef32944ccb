"""``Record``: one input page of a crawl, with a stable id, its URL and its site."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(slots=True)
class Record:
    """One page read from the input, or the reason a part of the input could not be read.

    ``record_id`` is stable across runs: a hash of the URL and the content, with ``~2``, ``~3``…
    appended to later exact repeats of the same URL and content in the input. ``source`` says where
    the record sits (``path``, ``path#offset`` for WARC, ``path:line`` for JSONL). ``error``
    is ``(reason, detail)`` when the record is already known to be unusable.
    """

    record_id: str
    source: str
    url: str | None = None
    site: str = ""
    data: bytes | str | None = None
    kind: str | None = None  # "html" or "text" when the container says so
    fetched: str | None = None  # crawl date (WARC-Date) when known
    error: tuple[str, str] | None = None
    repeat_of: str | None = None  # id of the earlier record with the same URL and content


def content_hash(data: bytes | str | None) -> str:
    """SHA-1 hex digest of the record's content (UTF-8 for text)."""
    if data is None:
        return ""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha1(raw).hexdigest()


def base_record_id(url: str | None, data: bytes | str | None, source: str) -> str:
    """The id a record gets from its URL and content (from its location when it has neither)."""
    if data is None:
        key = f"\0{source}"
    else:
        key = f"{url or ''}\0{content_hash(data)}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class RecordIds:
    """Assigns stable ids in input order; exact repeats get ``~2``, ``~3``… suffixes.

    Holds one counter per distinct id seen (a few dozen bytes each), so a run over millions of
    records keeps a few hundred MB at most; the rest of the pipeline streams.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def assign(self, url: str | None, data: bytes | str | None, source: str) -> tuple[str, str | None]:
        """The id for the next record, and the id of the earlier identical record (or None)."""
        base = base_record_id(url, data, source)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        if count == 1 or data is None:
            return base, None
        return f"{base}~{count}", base


def site_of(url: str | None) -> str:
    """The site a URL belongs to: its host without ``www.``; archived URLs count as the original.

    ``https://web.archive.org/web/2019/https://www.example.com/a`` → ``example.com``.
    """
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        inner = parts.path.split("/", 3)
        if len(inner) == 4 and "://" in inner[3]:
            return site_of(inner[3])
    return host.removeprefix("www.")
