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
  structured headline is not a part of it.
- **authors**: the visible byline's people when the page shows a byline; structured people
  fill in when it shows none. When both exist and share no name, JSON-LD ``author`` wins (typed
  Person records are rarely wrong) but a ``<meta name=author>`` loses (it often holds the site
  or a department), and a warning records the disagreement. When they agree, the JSON-LD list
  is kept (complete names, all co-authors). ``byline_org`` falls back to a structured
  organisation author.
- **published / updated**: the structured ``datePublished`` / ``dateModified`` when given (the
  visible date line may show either and often only the update); otherwise the visible dates.
  An "updated" equal to or earlier than "published" is dropped, and so is a structured one less
  than ``RESAVE_MINUTES`` after it that the page does not show (the CMS saving the article
  again, not an update readers see). Dates in the URL are not used.
  When none of these gives a published date, htmldate's markup heuristics (without the URL)
  supply the day.
- **section, tags**: structured values (``articleSection``, breadcrumbs, ``article:tag``,
  ``keywords``) when given, they are clean where the visible ones are guessed from short lines;
  else the visible ones. **url**: the capture's URL, else the canonical one.
- **lang**: detected from the article text; the declared ``<html lang>`` only when the text is
  too short to tell.
"""
from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from dateline.article import add_unique, blocks_to_article
from dateline.evaluate import norm
from dateline.html.blocks import html_to_blocks, structured_article_body
from dateline.labeller import label_blocks
from dateline.model import Article, Block, Capture

MAX_HTML_CHARS = 8_000_000
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
                                 without_kicker(meta.headline, meta.kicker), blocks)
    if meta.authors:
        visible = {norm(a) for a in article.authors}
        typed = meta.signals.get("authors", "").startswith("jsonld")
        if not article.authors:
            article.authors = list(meta.authors)
        elif not visible & {norm(a) for a in meta.authors}:
            keep = "structured" if typed else "visible"
            article.warnings.append(
                f"visible byline {article.authors} disagrees with structured authors "
                f"{meta.authors}; kept the {keep} ones")
            if typed:
                article.authors = list(meta.authors)
        elif typed:
            article.authors = list(meta.authors)
    if not article.byline_org and not article.authors and meta.author_orgs:
        article.byline_org = meta.author_orgs[0]
    visible_update = article.updated
    if meta.published:
        article.published = meta.published
    if meta.updated:
        article.updated = meta.updated
    if article.updated and article.published and not real_update(
            article.published, article.updated, shown=bool(visible_update)):
        article.updated = None
    if meta.section:
        article.section = meta.section
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


def choose_title(visible: str | None, structured: str | None, blocks: list[Block]) -> str | None:
    """The displayed headline, or the structured one when the page shows none (module doc)."""
    if not visible:
        return structured
    if not structured:
        return visible
    if norm(structured) == norm(visible) or norm(visible) in norm(structured):
        return visible
    shown_as_heading = any(b.text == visible and b.tag in ("h1", "h2") for b in blocks)
    return visible if shown_as_heading else structured
