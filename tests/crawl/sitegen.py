"""Synthetic news sites for the crawl tests: a few outlets, each with its own page template.

Everything here is invented (outlets, people, places); the pages imitate the shape of real news
pages — navigation, a "Don't miss" rail, share buttons, a newsletter box, a footer — around an
article whose sentences are drawn from a fixed vocabulary with a seeded random generator, so
every test run builds the very same pages.
"""
from __future__ import annotations

import gzip
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

SITES = {
    "harborherald.example": ("The Harbor Herald", ["News", "Port", "Business", "Sport", "Opinion"]),
    "valleytimes.example": ("Valley Times", ["Local", "Farming", "Schools", "Weather", "Letters"]),
    "northgazette.example": ("North Gazette", ["Politics", "World", "Science", "Culture", "Jobs"]),
}
SUBJECTS = ["The council", "Harbour officials", "A local charity", "The ferry operator",
            "Residents of Eastmoor", "The school board", "Fishermen", "The regional hospital",
            "Engineers at the plant", "The transport minister", "Volunteers", "The mayor"]
VERBS = ["approved", "rejected", "delayed", "announced", "questioned", "welcomed", "funded",
         "criticised", "postponed", "extended", "reviewed", "defended"]
OBJECTS = ["a plan to rebuild the old pier", "new opening hours for the library",
           "the budget for flood defences", "a proposal to close two bus routes",
           "a pay offer for nurses", "the merger of the two harbour boards",
           "a study on coastal erosion", "the winter road-gritting schedule",
           "a grant for the youth football league", "the sale of the former brewery site",
           "a ban on night-time deliveries", "the expansion of the solar farm"]
TAILS = ["after a long debate on Tuesday evening", "despite objections from shop owners",
         "according to documents seen by this newspaper", "in a vote of seven to four",
         "ahead of the spring elections", "following months of complaints",
         "while campaigners gathered outside", "with work expected to start in May",
         "at a cost of about 4 million euros", "citing safety concerns"]
NAMES = ["Mara Lindqvist", "Tomas Okafor", "Ines Baptiste", "Oliver Strand", "Priya Natarajan",
         "Jonas Keller", "Aoife Brennan", "Lucas Ferreira"]


@dataclass
class Page:
    """One synthetic article page and the facts it holds."""

    site: str
    url: str
    html: str
    title: str
    paragraphs: list[str]


def sentence(rng: random.Random) -> str:
    """One invented news sentence."""
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."


def article_page(site: str, number: int, seed: int | None = None,
                 paragraphs: list[str] | None = None, title: str | None = None) -> Page:
    """Article ``number`` of ``site``; the same arguments always give the same page."""
    rng = random.Random(seed if seed is not None else f"{site}/{number}")
    name, sections = SITES[site]
    section = rng.choice(sections)
    title = title or f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if paragraphs is None:
        paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
                      for _ in range(rng.randint(6, 10))]
    author = rng.choice(NAMES)
    day = 1 + number % 27
    url = f"https://www.{site}/{section.lower()}/story-{number}"
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in sections)
    rail = "".join(f'<li><a href="/more/{i}">{t}</a></li>' for i, t in enumerate(
        ["Ten things to do this weekend", "Your letters: the bus timetable",
         "Photo gallery: the harbour festival"]))
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {name}</title>
<meta property="og:site_name" content="{name}">
<meta property="article:published_time" content="2025-03-{day:02d}T08:30:00Z">
<link rel="canonical" href="{url}"></head>
<body>
<header><a href="/">{name}</a><nav><ul>{nav}</ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div></header>
<main><article>
<div class="kicker"><a href="/{section.lower()}">{section}</a></div>
<h1>{title}</h1>
<div class="byline">By <a rel="author" href="/authors/{author.split()[0].lower()}">{author}</a></div>
<time datetime="2025-03-{day:02d}T08:30:00Z">March {day}, 2025</time>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
{body}
<div class="newsletter">The {name} morning briefing is delivered free to your inbox every weekday.</div>
</article>
<aside class="dont-miss"><h2>Don't miss</h2><ul>{rail}</ul></aside></main>
<footer><p>© 2025 {name}. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> ·
<a href="/terms">Terms of use</a> · <a href="/contact">Contact us</a></p></footer>
</body></html>
"""
    return Page(site, url, html, title, paragraphs)


def crawl_pages(per_site: int = 6) -> list[Page]:
    """``per_site`` articles of each synthetic site, site by site."""
    return [article_page(site, n) for site in SITES for n in range(per_site)]


def write_warc(path: Path, items: list[tuple[str, bytes]], *, gzip_records: bool = True,
               date: str = "2025-03-20T10:00:00Z") -> None:
    """A WARC of HTTP 200 responses, one per ``(url, html bytes)``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_records)
        for url, payload in items:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), length=len(payload),
                http_headers=headers, warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)


def write_jsonl_gz(path: Path, rows: list[dict]) -> None:
    """Rows as gzip'd JSON lines."""
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row) + "\n")
