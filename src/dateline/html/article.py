"""HTML pages → ``Article``: DOM blocks through the shared labeller, then structured metadata.

The HTML path is the text path with a different block source: ``html_to_blocks`` turns the DOM
into ``Block`` records (with DOM signals), the one learned labeller scores them, and
``blocks_to_article`` assembles the article exactly as for a text capture. Then the page's
structured metadata (JSON-LD, OpenGraph, microdata, ``<meta>``; ``dateline.html.meta``) is
reconciled with what the visible page says, by these rules:

- **title**: the displayed headline (the labeller's headline block, usually the ``h1``) when
  there is one, without the kicker the ``h1`` shows before it (a first child whose class names a
  kicker/overline, or followed by the "headline" part); the structured headline (site name
  stripped) when there is none, or when the displayed one is not an ``h1``/``h2`` and the
  structured headline is not a part of it, or when the displayed one is the site's name and
  the structured one is another heading of the page (a blog's name above the post's title).
- **authors**: the visible byline's people when the page shows a byline; structured people
  fill in when it shows none. When both exist and share no name, JSON-LD ``author`` wins (typed
  Person records are rarely wrong) unless another structured source (``sailthru.author``,
  ``<meta name=author>``...) names a visible author; a ``<meta name=author>`` loses (it often
  holds the site or a department); a warning records the disagreement. When they agree, the
  JSON-LD list is kept (complete names), unless the visible byline names every structured
  author and more full names besides (co-authors the JSON-LD leaves out). A visible "author"
  that is the site's name ("Posted by Vortex" on "Vortex Cannon Entertainment") is the
  ``byline_org``, which otherwise falls back to a structured organisation author.
- **published / updated**: read in the page's own time zone: the offset of a shown date-time
  ("12:24 am EST"), or the whole quarter-hours between a shown local time and the same
  structured UTC instant, converts a UTC ``datePublished`` / ``dateModified`` (a Pacific-time
  page's ``2019-11-20T01:53Z`` is the 19th its readers see). Published: the structured date;
  the shown day instead when it is the day before or after a UTC one whose zone is unknown.
  Updated: the update the page shows ("Updated ...", on the structured ``dateModified``'s day
  or not); with none shown, the structured one only when it falls on a later day than the
  publication, or on a live blog (its entries are the updates) - a same-day ``dateModified`` the
  page never mentions is a correction or the CMS saving again. An "updated" equal to or
  earlier than "published" is dropped. Dates in the URL are not used. When none of these gives
  a published date, htmldate's markup heuristics (without the URL) supply the day.
- **section, tags**: structured values (the breadcrumb trail, ``articleSection``, section
  ``<meta>``s, ``article:tag``, ``keywords``) when given, they are clean where the visible ones
  are guessed from short lines; else the visible ones, unless the short line is a control or the site's name ("Learn More",
  "Watch Live", "Zurück zur Übersicht"). **url**: the capture's URL, else the canonical one.
- **lang**: detected from the article text; the declared ``<html lang>`` only when the text is
  too short to tell.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from datetime import datetime, timedelta, timezone

from dateline.article import add_unique, blocks_to_article
from dateline.evaluate import norm
from dateline.html.blocks import html_to_blocks, structured_article_body
from dateline.labeller import label_blocks
from dateline.meta.byline import starts_with_given_name
from dateline.model import Article, Block, Capture

MAX_HTML_CHARS = 8_000_000
_UI_LABEL = re.compile(
    r"^(?:share|tweet|more|learn more|read more|see more|view more|show more|about|about us|"
    r"contact(?: us)?|menu|sections|menu ?sections|log ?in|sign ?in|sign up|subscribe|watch|"
    r"watch live|live|listen|search|invalid query|close|skip.*|next|previous|weiter|mehr|"
    r"(?:back|zurück|retour|volver|torna)\b.*|an|von|to|from|linkedin|facebook|twitter|"
    r"instagram|whatsapp|e-?mail|print|advertisement|anzeige|publicité|werbung)$",
    re.IGNORECASE)
RESAVE_MINUTES = 15  # a dateModified this close to datePublished is the CMS saving, not an update


def parse_html(text: str):
    """The selectolax (lexbor) tree of an HTML document; never raises on bad markup."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(text[:MAX_HTML_CHARS])


def html_page_blocks(text: str) -> tuple[list[Block], object]:
    """The blocks of an HTML page and its parsed tree."""
    tree = parse_html(text)
    root = tree.body if tree.body is not None else tree.root
    blocks = html_to_blocks(root, structured_article_body(tree)) if root is not None else []
    return blocks, tree


def html_capture_to_article(capture: Capture, *, explain: bool = False,
                            template: Collection[str] | None = None) -> Article:
    """The ``Article`` of an HTML capture (see the module doc for how signals are reconciled)."""
    from dateline.html.meta import read_html_meta

    blocks, tree = html_page_blocks(capture.text)
    meta = read_html_meta(tree)
    if len(capture.text) > MAX_HTML_CHARS:
        capture.warnings.append(f"HTML truncated: read the first {MAX_HTML_CHARS:,} characters")
    article = blocks_to_article(blocks, label_blocks(blocks), capture, explain=explain,
                                template=template, bare_name_byline=not meta.authors)
    reconcile(article, meta, blocks)
    if article.published is None and blocks:
        article.published = htmldate_published(capture.text)
    if not blocks:
        frames = [f.attributes.get("src") or "?" for f in tree.css("frame, iframe")]
        if tree.css_first("frameset") is not None:
            article.warnings.append(f"a frameset page: the content is in the frames {frames[:5]}")
        else:
            article.warnings.append("the HTML holds no visible text (a JavaScript-only page?)")
    return article


def htmldate_published(html: str) -> str | None:
    """The publication day htmldate finds in the page (its markup heuristics, not the URL),
    used only when neither the structured metadata nor the visible page gave a date.

    Without htmldate's extensive search: that one costs ~150 ms a page (measured on the
    development pages) for about one more page in a hundred dated right.
    """
    try:
        from htmldate import find_date
    except ImportError:
        return None
    try:
        return find_date(html[:MAX_HTML_CHARS], original_date=True, extensive_search=False,
                         outputformat="%Y-%m-%d")
    except Exception:  # htmldate on broken markup: no date rather than no article
        return None


def reconcile(article: Article, meta, blocks: list[Block]) -> None:
    """Merge structured metadata into the visibly assembled ``article`` (module doc rules)."""
    article.title = choose_title(without_kicker(article.title, meta.kicker),
                                 without_kicker(meta.headline, meta.kicker), blocks,
                                 meta.site_name)
    reconcile_authors(article, meta)
    reconcile_dates(article, meta)
    if meta.section:
        article.section = meta.section
    elif article.section and not plausible_section(article.section, meta.site_name):
        article.section = None
    if meta.tags:
        article.tags = []
        add_unique(article.tags, meta.tags)
    if not article.url and meta.url:
        article.url = meta.url
    if meta.image_credits:
        add_unique(article.photo_credits, meta.image_credits)
    if (not article.lang or len(article.text) < 200) and meta.lang:
        article.lang = meta.lang
    if article.lang is None and meta.lang:
        article.lang = meta.lang
    article.warnings = [w for w in article.warnings
                        if not (w.startswith("no headline") and article.title)
                        and not (w.startswith("no publication date") and article.published)]


def reconcile_authors(article: Article, meta) -> None:
    """``authors`` and ``byline_org`` from the visible byline and the structured authors
    (module doc)."""
    site_names = [name for name in article.authors if names_the_site(name, meta.site_name)]
    if site_names:  # "Posted by Vortex" on "Vortex Cannon Entertainment": the site, not a person
        article.authors = [name for name in article.authors if name not in site_names]
        article.byline_org = article.byline_org or site_names[0]
    if meta.authors:
        visible = {norm(a) for a in article.authors}
        structured = {norm(a) for a in meta.authors}
        typed = meta.signals.get("authors", "").startswith("jsonld")
        confirmed = bool(visible & {norm(a) for a in meta.named_people})
        if not article.authors:
            article.authors = list(meta.authors)
        elif not visible & structured:
            keep = "structured" if typed and not confirmed else "visible"
            article.warnings.append(
                f"visible byline {article.authors} disagrees with structured authors "
                f"{meta.authors}; kept the {keep} ones")
            if keep == "structured":
                article.authors = list(meta.authors)
        elif typed and not more_co_authors(article.authors, structured):
            article.authors = list(meta.authors)
    if not article.byline_org and not article.authors and meta.author_orgs:
        article.byline_org = meta.author_orgs[0]


def more_co_authors(visible: list[str], structured: set[str]) -> bool:
    """True if the visible byline names every structured author and more people besides, each
    a full name opening with a known given name ("By Tariq Malik, Mike Wall" where JSON-LD
    lists only the first)."""
    extra = [name for name in visible if norm(name) not in structured]
    return bool(extra) and structured <= {norm(name) for name in visible} and all(
        len(name.split()) >= 2 and starts_with_given_name(name) for name in extra)


def names_the_site(name: str, site_name: str | None) -> bool:
    """True if a byline name is the site's own name or its first word(s) ("Vortex" on "Vortex
    Cannon Entertainment", "Harbour Times")."""
    if not site_name:
        return False
    key, site = norm(name), norm(site_name)
    return bool(key) and (key == site or (len(key) >= 4 and site.startswith(key + " ")))


def reconcile_dates(article: Article, meta) -> None:
    """``published`` / ``updated`` from the structured dates, read in the page's own time zone,
    and the dates the page shows (module doc)."""
    shown_published, shown_updated = article.published, article.updated
    offset = page_offset([shown_published, shown_updated], [meta.published, meta.updated])
    structured_published = in_offset(meta.published, offset)
    structured_updated = in_offset(meta.updated, offset)
    article.published = choose_published(shown_published, structured_published, offset)
    live = (meta.page_type or "").casefold() == "liveblogposting"
    article.updated = choose_updated(shown_updated, structured_updated,
                                     structured_published or shown_published, live=live)
    if article.updated and article.published and not real_update(
            article.published, article.updated, shown=bool(shown_updated)):
        article.updated = None


def choose_published(shown: str | None, structured: str | None, offset: str | None) -> str | None:
    """The structured publication date, unless the page shows the day before or after it and
    the structured one is a UTC time with no known page offset (the day readers see is the
    page's local one: "Nov. 19, 2019" for ``2019-11-20T01:53Z`` on a Pacific-time site)."""
    if not structured:
        return shown
    if shown and offset is None and structured.endswith(("Z", "+00:00")) and \
            local_day_of(shown, structured):
        return shown
    return structured


def choose_updated(shown: str | None, structured: str | None, published: str | None, *,
                   live: bool = False) -> str | None:
    """The update: the structured ``dateModified`` when the page shows an update on that day,
    else the shown update. With no update shown, the structured one only when it falls on a
    later day than the publication (in the page's zone), or on a live blog (its entries are the
    updates): a same-day ``dateModified`` the page never mentions is a correction or the CMS
    saving again, not an update readers are told about."""
    if shown:
        return structured if structured and structured[:10] == shown[:10] else shown
    if structured and (live or (published and structured[:10] > published[:10])):
        return structured
    return None


def wall_clock(iso: str) -> datetime | None:
    """The date and clock time an ISO 8601 value reads, its zone left off (naive), or None
    when unreadable."""
    try:
        return datetime.fromisoformat(iso[:19])
    except ValueError:
        return None


def utc_like(iso: str) -> bool:
    """True for an ISO datetime in UTC (``Z``, ``+00:00``) or without an offset."""
    if len(iso) <= 10:
        return False
    return iso.endswith(("Z", "+00:00")) or len(iso) == 19


def local_day_of(shown: str, structured: str) -> bool:
    """True if the shown date can be the local day of the UTC instant ``structured``: a bare
    day one before it for an instant before 08:00 UTC (the Americas, to Pacific time), or one
    after it for an instant from 14:00 UTC on (Asia and Australia, to UTC+10)."""
    if len(shown) > 10:
        return False
    day, instant = wall_clock(shown), wall_clock(structured)
    if day is None or instant is None:
        return False
    gap = (day.date() - instant.date()).days
    return (gap == -1 and instant.hour < 8) or (gap == 1 and instant.hour >= 14)


def page_offset(shown: list[str | None], structured: list[str | None]) -> str | None:
    """The UTC offset the page shows its times in ("-05:00"), or None: the offset of a shown
    date-time that has one, else the whole quarter-hours between a shown local time and the
    same structured instant ("9:32pm" shown, ``02:32Z`` next day in ``dateModified``)."""
    for value in shown:
        if value and len(value) > 19 and value[19] in "+-":
            return value[19:25]
    for value in shown:
        if not value or len(value) != 19:
            continue
        for other in structured:
            gap = quarter_hours_apart(value, other)
            if gap:
                sign = "-" if gap < 0 else "+"
                minutes = abs(gap) * 15
                return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return None


def quarter_hours_apart(local: str, instant: str | None) -> int | None:
    """How many quarter hours a naive local time is ahead of a UTC-like instant, when the two
    name the same minute in different zones (at most 14 hours apart); else None."""
    if not instant or not utc_like(instant):
        return None
    a, b = wall_clock(local), wall_clock(instant)
    if a is None or b is None:
        return None
    minutes = (a - b).total_seconds() / 60
    quarters = round(minutes / 15)
    if abs(minutes - quarters * 15) > 1.5 or abs(quarters) > 56:
        return None
    return quarters


def in_offset(iso: str | None, offset: str | None) -> str | None:
    """A UTC-like ISO datetime written at the page's ``offset`` (same instant); else as is."""
    if not iso or not offset or not utc_like(iso) or offset in ("+00:00", "-00:00"):
        return iso
    clock = wall_clock(iso)
    if clock is None:
        return iso
    try:
        zone = timezone(timedelta(hours=int(offset[:3]), minutes=int(offset[0] + offset[4:6])))
    except ValueError:
        return iso
    return clock.replace(tzinfo=timezone.utc).astimezone(zone).isoformat()


def plausible_section(text: str, site_name: str | None) -> bool:
    """False for a line above the headline that the text rules took for a section label but
    is a control or the site's own name ("Learn More", "Tweet", "Watch Live", "MenuSections",
    "Zurück zur Übersicht", "Entermedia 주요뉴스")."""
    if _UI_LABEL.match(" ".join(text.split())):
        return False
    site = norm(site_name)
    return not (site and len(site) >= 4 and site in norm(text))


def without_kicker(title: str | None, kicker: str | None) -> str | None:
    """``title`` without the kicker the ``<h1>`` shows before it ("Klimaschutz: Bohren, bis es
    heiß wird" → "Bohren, bis es heiß wird"); unchanged when it does not start with it."""
    if not title or not kicker:
        return title
    flat, key = " ".join(title.split()), " ".join(kicker.split())
    if not flat.casefold().startswith(key.casefold()):
        return title
    rest = flat[len(key):].lstrip(" :|–—-·")
    return rest if len(rest.split()) >= 2 else title


def real_update(published: str, updated: str, *, shown: bool) -> bool:
    """True if ``updated`` is a real update: later than ``published`` and, when the page does
    not show an update line, at least ``RESAVE_MINUTES`` later."""
    if updated[:19] <= published[:19]:
        return False
    gap = minutes_apart(published, updated)
    return shown or gap is None or gap >= RESAVE_MINUTES


def minutes_apart(first: str, second: str) -> float | None:
    """Minutes from one ISO datetime to another, or None when either is a bare day or unreadable."""
    if len(first) <= 10 or len(second) <= 10:
        return None
    try:
        a, b = datetime.fromisoformat(first), datetime.fromisoformat(second)
        return (b - a).total_seconds() / 60
    except (ValueError, TypeError):  # unreadable, or one aware and one naive datetime
        return None


def choose_title(visible: str | None, structured: str | None, blocks: list[Block],
                 site_name: str | None = None) -> str | None:
    """The displayed headline, or the structured one when the page shows none, or when what it
    shows as the headline is the site's name and the structured one is another heading of the
    page (a blog's name in an ``h1`` above the post's own)."""
    if not visible:
        return structured
    if not structured:
        return visible
    if site_name and norm(visible) == norm(site_name) != norm(structured) and \
            any(norm(b.text) == norm(structured) and b.tag in ("h1", "h2") for b in blocks):
        return structured
    if norm(structured) == norm(visible) or norm(visible) in norm(structured):
        return visible
    shown_as_heading = any(b.text == visible and b.tag in ("h1", "h2") for b in blocks)
    return visible if shown_as_heading else structured
