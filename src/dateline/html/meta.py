"""Structured metadata of an HTML page: JSON-LD, OpenGraph / ``article:*``, ``<meta>``, microdata.

What the CMS wrote for machines, read faithfully and never trusted blindly: ``HtmlMeta`` keeps
each value with where it came from (``signals``), and ``dateline.html.article.reconcile`` decides
against what the visible page says. Order of preference per field (first usable value wins):

- headline: JSON-LD article ``headline`` > ``og:title`` > ``twitter:title`` > microdata
  ``headline`` > ``<title>``, site name cut (``strip_site_name``); a JSON-LD headline cut short
  ("...") gives way to the full ``og:title``; when the page's ``<h1>`` equals one of these
  candidates (or one segment of a "Headline | Site" title) that one is taken;
- authors: JSON-LD article ``author``/``creator`` (Person → ``authors``, Organization →
  ``author_orgs``) > ``<meta name=author>`` / ``article:author`` / ``parsely-author`` /
  ``sailthru.author`` / ``dc.creator`` > microdata ``itemprop=author`` > ``rel=author`` links >
  hCard ``.author .fn`` > a name from an author-profile URL slug (the markup guesses after
  microdata are skipped when JSON-LD or ``<meta>`` credit a desk or an agency: the names they
  find are then teasers'). Job titles after a name ("…, AP National Political Writer") give
  their agency as an organisation, degrees ("MS, RD") and administrator accounts are dropped;
  ``named_people`` keeps every person any structured source names;
- published: JSON-LD article ``datePublished`` > ``article:published_time`` > JSON-LD
  ``dateCreated`` > JSON-LD WebPage ``datePublished`` > microdata ``datePublished`` > ``<meta
  name=date|pubdate|dc.date|parsely-pub-date|sailthru.date|...>`` > a ``<time>`` marked as the
  publication date (``pubdate``, class ``published``/``entry-date``) > the first ``<time
  datetime>`` outside comments, footers and related boxes; updated likewise from
  ``dateModified`` / ``article:modified_time`` / ``og:updated_time`` (never copied from published);
- section: the page's breadcrumb trail (the ``class=breadcrumb`` element's last link before the
  article, then the JSON-LD ``BreadcrumbList``'s) > JSON-LD ``articleSection`` >
  ``article:section`` > ``parsely-section`` > ``sailthru_section`` / ``prism.section``, a
  generic crumb or value ("News", "Blog") only when nothing more specific is given, and never a
  placeholder ("articles"); the first item of a comma list; tags: ``article:tag`` > JSON-LD
  ``keywords`` >
  ``news_keywords`` / ``parsely-tags`` > ``keywords`` (only when few and short).

Everything is read from a handful of CSS queries (``meta``, JSON-LD scripts, ``link``, a few
``itemprop``s, ``h1``), never by walking the DOM in Python; ``read_html_meta`` never raises.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dateline.html.jsonld import (as_list, is_article, is_organisation, is_page, json_ld_objects,
                                  name_of, text_value, type_name, types_of)
from dateline.meta.dates import iso_from_parts, parse_date

MIN_YEAR, MAX_YEAR = 1990, 2100
MAX_NAMES_PER_SOURCE = 12  # more "authors" than this in a <meta>/microdata source: a citation list
MAX_TAGS = 30
MAX_META_KEYWORDS = 15  # a <meta name=keywords> with more is SEO stuffing, not the article's tags

ORG_WORDS = re.compile(
    r"\b(?:staff|team|desk|redaktion|rédaction|redacción|redazione|redakcja|redactie|newsroom|"
    r"editors?|editorial|agency|agencies|agentur(?:en)?|news|nachrichten|press|presse|"
    r"pressestelle|media|medien|online|digital|wire|service|reporters?|correspondents?|group|"
    r"business|inc|ltd|llc|gmbh|ag|se|kg|e\.\s?v|s\.a|s\.l|plc|corp|company|bureau|zeitung|magazin|"
    r"magazine|verlag|verband|institut|institute|university|universität|stiftung|foundation|"
    r"association|verein|ministerium|ministry|council|network|radio|tv|television|fernsehen|"
    r"channel|times|tribune|herald|gazette|journal|daily|weekly|blog|shop|store|club|"
    r"official|admin|administrator|webmaster)\b\.?", re.IGNORECASE)
AGENCY_NAMES = frozenset({
    "ap", "afp", "reuters", "dpa", "apa", "ansa", "efe", "epd", "kna", "sda", "ats", "pap", "upi",
    "bloomberg", "associated press", "the associated press", "agence france-presse",
    "agence france presse", "xinhua", "tass", "ria novosti", "europa press", "belga", "anp", "ntb",
    "tt", "aap", "press association", "pa", "cnn", "bbc", "dpa-afx", "afp/dpa", "kyodo", "jiji",
    "kathpress", "idea", "sid", "agencia efe", "yonhap", "ians", "pti", "ani", "staff"})
NOT_NAMES = frozenset({
    "home", "news", "menu", "search", "login", "log in", "sign in", "subscribe", "admin",
    "administrator", "author", "authors", "autor", "auteur", "guest", "gast", "unknown",
    "anonymous", "anonym", "by", "von", "par", "por", "the", "and", "more", "view", "profile",
    "follow", "share", "facebook", "twitter", "instagram", "linkedin", "youtube", "contact",
    "email", "e-mail", "mail", "null", "none", "undefined", "false", "true", "no author", "n/a",
    "na", "hire", "jobs", "website", "homepage", "blog", "posts", "articles", "archive", "archiv",
    "startseite", "accueil", "inicio", "start", "kontakt", "impressum", "about", "about us"})
_NAV_WORDS = re.compile(
    r"\b(?:view|show|see|zeige|alle|all|more|weitere|mehr|posts?|beiträge|articles?|artikel|"
    r"profile?|profil|complete|anzeigen|archive|archiv|website|homepage|follow|folgen|read|lesen|"
    r"mostrar|voir|tous|toutes|afficher|ver|todos|designed|powered|theme|wordpress|"
    r"minutes?|minuten|lectura|lecture|hace|ago)\b", re.IGNORECASE)
_BY = re.compile(r"^(?:(?:text|written|words|posted|reporting|story|published|edited|analysis|"
                 r"commentary|opinion|review|interview|column|essay|photos?|video|"
                 r"geschrieben|verfasst)\s+(?:by|von)|by|von|par|por|di|door|av|af|de|"
                 r"autor(?:in)?|author|auteur|text)\s*[:\s]\s*", re.IGNORECASE)
_SPLIT_STRONG = re.compile(r"\s*(?:;|\||\s/\s|\s[-–—]\s|,(?!\s*(?:ph\.?\s?d|m\.?d|jr|sr)\b))\s*",
                           re.IGNORECASE)
_JOB_TITLE = re.compile(r"\b(?:writer|reporter|correspondent|editor(?:-at-large|-in-chief)?|"
                        r"columnist|contributor|journalist|photographer|producer|analyst|"
                        r"intern|redakteur(?:in)?|korrespondent(?:in)?)s?$", re.IGNORECASE)
_ADMIN_ACCOUNT = re.compile(r"admin|webmaster|redaktion|editor|moderator", re.IGNORECASE)
_SPLIT_WEAK = re.compile(r"\s+(?:and|und|et|sowie|&|y|e|i|oraz|en|och|og)\s+", re.IGNORECASE)
_DESK_WORDS = re.compile(r"\b(?:staff|team|desk|redaktion|rédaction|redacción|redazione|redakcja|"
                         r"redactie|newsroom|editors|editorial|agency|agencies|agentur(?:en)?|"
                         r"admin|administrator|webmaster)\b", re.IGNORECASE)
_ORG_SUFFIX = re.compile(r"\w{3,}(?:verband|verbandes|anstalt|verein|gesellschaft|stiftung|zeitung|"
                         r"institut|ministerium|kammer|agentur|redaktion|magazin|verlag|"
                         r"zentrale|genossenschaft)\b|\be\.\s?v\b", re.IGNORECASE)
_AUTHOR_LABEL = re.compile(r"written by|verfasst von|geschrieben von|autor|author|auteur|"
                           r"écrit par|escrito por|scritto da|napisane przez", re.IGNORECASE)
_PROFILE_LINK = re.compile(r"/(?:author|authors|autor|autoren|auteur|auteurs|redaktion|people|"
                           r"journalist|journalisten|journalists|mitarbeiter|profil|profile)/"
                           r"([^/?#]{3,80})/?(?:index\.html?)?(?:[?#]|$)", re.IGNORECASE)
_PARTICLES = frozenset("von van der den de del della di da du la le al bin ibn zu y e dos das".split())
_BOILERPLATE_TOKEN = re.compile(
    r"^(?:comments?|comment-?(?:list|body|content|author|meta|respond|area|section)|commentlist|"
    r"kommentare?|replies|respond|site-?footer|page-?footer|global-?footer|main-?footer|footer|"
    r"sidebar|side-?bar|widget-?area|related(?:[-_]\w+)?|recommended|outbrain|taboola|"
    r"(?:main-?|mega-?|sub-?|top-?)?menu(?:[-_][\w-]+)?|nav(?:bar|igation)?(?:[-_][\w-]+)?)$")
_DEGREE = re.compile(r"^(?:ph\.?\s?d|m\.?d|jr|sr|ii|iii|iv|msc|m\.?sc|ma|ba|mba|dr|prof|rn|esq|"
                     r"ms|rd|rdn|ld|mph|np|cde|lcsw|cscs|cpa|cfa|"
                     r"dipl\.?[-\w.]*|mag|ing)\.?$", re.IGNORECASE)
_NAME_LABEL = re.compile(r"^(?:[^\W\d_]+(?:\s[^\W\d_]+)?\s*:\s+|(?:erstellt|created|posted|"
                         r"geschrieben|written)\s+(?:von|by)\s+)", re.IGNORECASE)
_NAME_TAIL = re.compile(r"(?:,?\s+(?:ph\.?\s?d|m\.?d|msc|mba|dipl\.[-\w.]*)\.?|\s*\([^()]*\)?|"
                        r"\s*[·•]\s*\d*|\s+(?:\d+|ein|one|un|une)\s+(?:kommentare?|comments?|"
                        r"commentaires?)|\)|\s+\d+)$", re.IGNORECASE)
_FOR_ORG = re.compile(r"\s+(?:for|für|pour|para|from)\s+(?:the\s+|die\s+|der\s+|das\s+)?[A-Z].*$")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\S+\s?\[at\]\s?\S+|(?<!\w)@\w+|"
                  r"\b[\w-]+\.(?:com|net|org|de|at|ch|fr|es|it|co\.uk|info)\b", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2}|com|net|org|info|biz|online|news|"
                     r"media|blog|site|io|app)$", re.IGNORECASE)
_PROFILE_SLUG = re.compile(r"/(?:author|authors|autor|autoren|auteur|people|staff|profile|"
                           r"profiles|journalist|journalists|team|redaktion|user|members?)/"
                           r"([a-z]+(?:[-_][a-z]+){1,3})/?(?:[?#].*)?$", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|:|·|•|»|›|«|‹|/|~|ǀ|│|\\|>>)\s+")
_H1_NOT_HEADLINE = re.compile(r"^(?:.*logo.*|brand|branding|site-?(?:title|name|logo|header)|"
                              r"blog-?(?:title|name)|masthead|.*hidden.*|hide.*|aural|sr-only|"
                              r"screen-?reader.*|visually-?hidden|invisible|offscreen)$")
_KICKER_PART = re.compile(r"kicker|dachzeile|overline|over-line|topline|top-line|roofline|"
                          r"eyebrow|spitzmarke|supertitle|super-title|pretitle|pre-title|subtitle|"
                          r"flag|rubric|label")
_AUTHOR_CLASS = re.compile(r"^(?:[\w-]*[-_])?(?:author|autor|byline)(?:[-_]{1,2}(?:name|link|"
                           r"title|info))?$")
_HEADLINE_PART = re.compile(r"headline|title|titel")
_ARCHIVE_PREFIX = re.compile(r"^https?://web\.archive\.org/web/\d+\w*/")
_SITE_WORDS = re.compile(r"\b(?:blog|blogs|forum|forums|wiki|portal|archiv|archive|homepage|"
                         r"website|webseite|site)\b", re.IGNORECASE)
_DATE_SEGMENT = re.compile(r"^[\d\s.,:/-]*(?:uhr|h|am|pm)?[\d\s.,:/-]*$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_TAGS_RE = re.compile(r"<[^>]{0,500}>")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]|$)", re.IGNORECASE)
_LANG3 = {"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
          "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "pol": "pl", "rus": "ru",
          "swe": "sv", "dan": "da", "fin": "fi", "ces": "cs", "cze": "cs", "tur": "tr",
          "jpn": "ja", "zho": "zh", "chi": "zh", "ara": "ar", "hun": "hu", "ell": "el", "gre": "el"}
_PUBLISHED_HINT = re.compile(r"publish|pubdate|entry-date|post-date|posted|created|datum|"
                             r"article-date|\bdate\b", re.IGNORECASE)
_UPDATED_HINT = re.compile(r"updat|modif|aktualisiert|edited|changed", re.IGNORECASE)
_ISO_FAST = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                       r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$", re.IGNORECASE)


@dataclass(slots=True)
class HtmlMeta:
    """A page's structured metadata (see the module doc for where each field comes from)."""

    headline: str | None = None
    title_tag: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    author_orgs: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    lang: str | None = None
    url: str | None = None
    description: str | None = None
    page_type: str | None = None
    is_article: bool = False
    body_text: str | None = None
    image_credits: list[str] = field(default_factory=list)
    kicker: str | None = None  # the kicker line shown inside the headline's <h1>, if any
    named_people: list[str] = field(default_factory=list)  # every person structured data names
    signals: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class TimeElement:
    """A ``<time>`` (or ``itemprop`` date) element: its date (``iso``), visible ``text`` and
    lower-cased role ``hint`` (its own and its parent's itemprop / class / id, 'pubdate')."""

    iso: str
    text: str
    hint: str
    boilerplate: bool = False

    @property
    def kind(self) -> str:
        """'updated', 'published' or 'unknown', from the hint."""
        if _UPDATED_HINT.search(self.hint):
            return "updated"
        return "published" if _PUBLISHED_HINT.search(self.hint) else "unknown"


@dataclass(slots=True)
class PageSources:
    """What the page offers machines, gathered once: ``<meta>`` values by lower-cased key, the
    JSON-LD objects sorted into articles / web pages / the rest, and the page's host label."""

    tags: dict[str, list[str]]
    articles: list[dict]
    pages: list[dict]
    others: list[dict]
    ids: dict[str, dict] = field(default_factory=dict)
    host: str | None = None

    def resolve(self, value):
        """A JSON-LD ``{"@id": ...}`` reference replaced by the object it names, if present."""
        if isinstance(value, dict) and "@id" in value and "name" not in value:
            return self.ids.get(str(value["@id"]), value)
        return value


# --- entry points -------------------------------------------------------------------------------

def read_html_meta(tree) -> HtmlMeta:
    """The structured metadata of a parsed page; never raises (a failure is kept in
    ``signals['error']`` and whatever was read before it is returned)."""
    meta = HtmlMeta()
    try:
        fill_meta(meta, tree)
    except Exception as exc:  # noqa: BLE001 - bad markup must never stop extraction
        meta.signals["error"] = f"{type(exc).__name__}: {exc}"[:200]
    return meta


def fill_meta(meta: HtmlMeta, tree) -> None:
    """Fill ``meta`` field by field from the gathered sources (module doc order)."""
    src = gather_sources(tree)
    read_identity(meta, src, tree)
    read_headline(meta, src, tree)
    read_kicker(meta, src, tree)
    read_authors(meta, src, tree)
    read_dates(meta, src, tree)
    read_section_and_tags(meta, src, tree)
    read_article_extras(meta, src)


def gather_sources(tree) -> PageSources:
    """``<meta>`` tags and JSON-LD objects of the page (article objects first)."""
    articles, pages, others, ids = [], [], [], {}
    for item in json_ld_objects(tree):
        (articles if is_article(item) else pages if is_page(item) else others).append(item)
        if isinstance(item.get("@id"), str) and len(item) > 2:
            ids.setdefault(item["@id"], item)
    return PageSources(tags=meta_tags(tree), articles=articles, pages=pages, others=others,
                       ids=ids)


def meta_tags(tree) -> dict[str, list[str]]:
    """``<meta>`` values by lower-cased name/property/itemprop/http-equiv, in page order."""
    out: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                out.setdefault(name.strip().lower(), []).append(content.strip())
    return out


def first(tags: dict[str, list[str]], *names: str) -> tuple[str | None, str | None]:
    """The first non-empty value among ``names`` (in that order) and the name that gave it."""
    for name in names:
        for value in tags.get(name, ()):
            value = clean(value)
            if value:
                return value, name
    return None, None


def clean(text) -> str | None:
    """Whitespace-collapsed text with HTML entities decoded, or None when empty."""
    if not isinstance(text, str):
        return None
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text.replace("\u00ad", "")).strip()
    return text or None


def squash(text: str | None) -> str:
    """Letters and digits only, lower-cased (for comparing site names, hosts, headlines)."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKC", text or "").casefold()))


# --- identity: site name, url, language, type ---------------------------------------------------

def read_identity(meta: HtmlMeta, src: PageSources, tree) -> None:
    """``site_name``, ``url`` (and the host label), ``lang``, ``page_type``, ``is_article``."""
    tags = src.tags
    site, where = first(tags, "og:site_name")
    if not site:
        for item in src.articles:
            site = clean(name_of(item.get("publisher")))
            if site:
                where = "jsonld:publisher"
                break
    if not site:
        for item in src.others + src.pages:
            if any(k in ("website", "organization", "newsmediaorganization") for k in
                   types_of(item)) and isinstance(item.get("name"), str) and clean(item["name"]):
                site, where = clean(item["name"]), "jsonld:" + (type_name(item) or "")
                break
    if not site:
        site, where = first(tags, "application-name", "apple-mobile-web-app-title")
    if not site:
        handle, _ = first(tags, "twitter:site")
        if handle and re.fullmatch(r"@\w{2,30}", handle):
            site, where = handle[1:], "meta:twitter:site"
    if site:
        meta.site_name = site
        meta.signals["site_name"] = where if where.startswith(("jsonld", "meta")) else f"meta:{where}"
    read_url(meta, src, tree)
    read_lang(meta, src, tree)
    read_type(meta, src, tree)


def read_url(meta: HtmlMeta, src: PageSources, tree) -> None:
    """The canonical URL (absolute preferred) and the page's host label for site-name checks."""
    candidates = []
    for node in tree.css("link[rel]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        if "canonical" in rels and node.attributes.get("href"):
            candidates.append((node.attributes["href"].strip(), "link:canonical"))
            break
    og_url, _ = first(src.tags, "og:url", "twitter:url")
    if og_url:
        candidates.append((og_url, "meta:og:url"))
    for item in src.articles + src.pages:
        if isinstance(item.get("url"), str):
            candidates.append((item["url"].strip(), "jsonld:url"))
            break
    absolute = [c for c in candidates if c[0].lower().startswith(("http://", "https://"))]
    chosen = (absolute or candidates or [(None, None)])[0]
    if chosen[0]:
        meta.url, meta.signals["url"] = chosen[0], chosen[1]
    for value, _ in absolute:
        host = value.split("/")[2].split(":")[0].lower()
        labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "mobile")]
        if len(labels) >= 2:
            src.host = labels[-2] if len(labels[-2]) > 3 or len(labels) == 2 else labels[-3]
            break


def read_lang(meta: HtmlMeta, src: PageSources, tree) -> None:
    """ISO 639-1 from ``<html lang>``, ``og:locale``, content-language, JSON-LD ``inLanguage``."""
    root = tree.css_first("html")
    attrs = root.attributes if root is not None else {}
    candidates = [(attrs.get("lang"), "html:lang"), (attrs.get("xml:lang"), "html:xml:lang")]
    for name in ("og:locale", "content-language", "language", "dc.language"):
        candidates.append((first(src.tags, name)[0], f"meta:{name}"))
    for item in src.articles + src.pages:
        candidates.append((text_value(item.get("inLanguage")), "jsonld:inLanguage"))
    for value, where in candidates:
        code = iso_639_1(value)
        if code:
            meta.lang, meta.signals["lang"] = code, where
            return


def iso_639_1(value: str | None) -> str | None:
    """'de-DE' → 'de', 'en_US' → 'en', 'deu' → 'de'; None for anything else."""
    match = _LANG.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else _LANG3.get(code)


def read_type(meta: HtmlMeta, src: PageSources, tree) -> None:
    """``page_type`` and ``is_article`` from JSON-LD, microdata ``itemtype`` or ``og:type``."""
    for item in src.articles + src.pages:
        meta.page_type, meta.signals["page_type"] = type_name(item), "jsonld:@type"
        meta.is_article = is_article(item)
        return
    for node in tree.css("[itemtype]")[:20]:
        kind = (node.attributes.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
        if is_article({"@type": kind}) or is_page({"@type": kind}):
            meta.page_type, meta.signals["page_type"] = kind, "microdata:itemtype"
            meta.is_article = is_article({"@type": kind})
            return
    og_type, _ = first(src.tags, "og:type")
    if og_type:
        meta.page_type, meta.signals["page_type"] = og_type, "meta:og:type"
        meta.is_article = og_type.lower() in ("article", "blog", "news", "blogposting")


# --- headline -----------------------------------------------------------------------------------

def read_headline(meta: HtmlMeta, src: PageSources, tree) -> None:
    """The structured headline (module doc), site name cut, checked against the ``<h1>``."""
    title_node = tree.css_first("title")
    meta.title_tag = clean(title_node.text(deep=True)) if title_node is not None else None
    candidates: list[tuple[str, str]] = []
    for item in src.articles:
        value = clean(text_value(item.get("headline")) or text_value(item.get("name")))
        if value:
            candidates.append((value, "jsonld:headline"))
            break
    for name in ("og:title", "twitter:title"):
        value, _ = first(src.tags, name)
        if value:
            candidates.append((value, f"meta:{name}"))
    node = tree.css_first('[itemprop="headline"]')
    if node is not None:
        value = clean(node.attributes.get("content") or node.text(deep=True))
        if value and len(value) < 400:
            candidates.append((value, "microdata:headline"))
    if meta.title_tag:
        candidates.append((meta.title_tag, "title"))
    if not candidates:
        return
    headline, where = matching_h1(candidates, tree, meta.site_name, src.host) or \
        (strip_site_name(candidates[0][0], meta.site_name, src.host), candidates[0][1])
    if where == "jsonld:headline" and len(candidates) > 1:
        headline = untruncated(headline, candidates[1:], meta.site_name, src.host)
    meta.headline, meta.signals["headline"] = headline or None, where
    if not meta.site_name and meta.headline and meta.title_tag:
        meta.site_name = site_from_title(meta.title_tag, meta.headline)
        if meta.site_name:
            meta.signals["site_name"] = "title:segment"


def site_from_title(title_tag: str, headline: str) -> str | None:
    """The site name a "Headline – Site" ``<title>`` gives after the headline (for pages with
    no ``og:site_name`` or publisher), or None."""
    spans = segments(title_tag)
    if len(spans) < 2 or squash(title_tag[:spans[-2][1]]) != squash(headline):
        return None
    site = spans[-1][2].strip()
    return site if 1 <= len(site.split()) <= 6 and len(site) <= 60 else None


def read_kicker(meta: HtmlMeta, src: PageSources, tree) -> None:
    """The kicker ("Dachzeile", overline) an ``<h1>`` shows before its headline: the h1's first
    child element when its class names a kicker, or when a later child is the "headline" /
    "title" part ("<h1><span>Klimaschutz</span>: <span class=title>Bohren…</span></h1>")."""
    for node in tree.css("h1")[:3]:
        if headline_h1_text(node) is None:
            continue
        parts = [child for child in node.iter() if child.tag != "-text" and
                 clean(child.text(deep=True)).strip(" :|–—-")] if node.child else []
        if not parts:
            continue
        whole = clean(node.text(deep=True)) or ""
        kicker = clean(parts[0].text(deep=True)).strip(" :|–—-")
        if len(whole.split()) < len(kicker.split()) + 2:
            continue  # nothing after the first part: no kicker
        first_hint = class_hint(parts[0])
        later_is_headline = any(_HEADLINE_PART.search(class_hint(p)) for p in parts[1:])
        if _KICKER_PART.search(first_hint) or (later_is_headline and
                                               not _HEADLINE_PART.search(first_hint)):
            if len(kicker.split()) <= 8:
                meta.kicker = kicker
                return


def class_hint(node) -> str:
    """A node's class and id, lower-cased, for cue-word tests."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def matching_h1(candidates: list[tuple[str, str]], tree, site_name: str | None,
                host: str | None) -> tuple[str, str] | None:
    """The page's ``<h1>`` text when it repeats a candidate (site name cut, or one title segment
    that is not the site's name) or completes one cut short; logo and hidden ``<h1>``s ignored."""
    h1s = [text for text in (headline_h1_text(node) for node in tree.css("h1")[:5]) if text]
    if not h1s:
        return None
    keys = {squash(text): text for text in h1s}
    site = squash(site_name)
    for value, where in candidates:
        stripped = strip_site_name(value, site_name, host)
        options = [stripped, value] + [part for part in _TITLE_SEPARATORS.split(value)
                                       if not site_like(part, site, host)]
        for option in options:
            key = squash(option)
            if key in keys and not site_like(option, site, host):
                return cut_site_segments(keys[key], site, host), f"{where}+h1"
        key = squash(stripped)
        for text in h1s:
            text = cut_site_segments(text, site, host)
            h1_key = squash(text)
            if len(key) >= 20 and h1_key.startswith(key) and len(key) >= 0.6 * len(h1_key):
                return text, f"{where}+h1"
    return None


def cut_site_segments(text: str, site: str, host: str | None) -> str:
    """``text`` without end segments that name the site (strong evidence only, no guessing)."""
    spans = segments(text)
    start, end = 0, len(spans)
    while end - start > 1 and site_like(spans[end - 1][2], site, host):
        end -= 1
    while end - start > 1 and site_like(spans[start][2], site, host):
        start += 1
    return text[spans[start][0]:spans[end - 1][1]] if spans else text


def headline_h1_text(node) -> str | None:
    """The text of an ``<h1>`` that may be a headline: not a logo (a link to the site's root,
    class logo/brand/site-title) nor hidden (screen-reader only)."""
    attrs = node.attributes
    hints = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    if any(_H1_NOT_HEADLINE.match(hint) for hint in hints):
        return None
    text = clean(node.text(deep=True))
    if not text or len(text) > 400:
        return None
    link = node.css_first("a[href]")
    if link is not None and squash(link.text(deep=True)) == squash(text):
        href = _ARCHIVE_PREFIX.sub("", link.attributes.get("href") or "")
        path = href.split("//", 1)[-1].split("/", 1)[1] if "//" in href and \
            "/" in href.split("//", 1)[-1] else ("" if "//" in href else href.lstrip("/"))
        if path.strip("/") in ("", "index.html", "index.php", "home"):
            return None
    return text


def untruncated(headline: str, others: list[tuple[str, str]], site_name: str | None,
                host: str | None) -> str:
    """A JSON-LD headline cut short ("...", or a plain prefix) replaced by the full other one."""
    short = squash(headline.rstrip(".… "))
    if len(short) < 10:
        return headline
    for value, _ in others:
        full = strip_site_name(value, site_name, host)
        if len(squash(full)) > len(short) and squash(full).startswith(short):
            return full
    return headline


def strip_site_name(title: str, site_name: str | None = None, host: str | None = None) -> str:
    """The headline without the site name: "Headline | Site", "Site - Headline", "Headline –
    Site News", "Site » Blog Archive » Headline" → "Headline".

    End segments (between spaced separators) are cut while they are site-like: equal to or part
    of ``site_name``, naming the ``host`` label, a domain, a date stamp, or - when shorter than
    what remains - a few words naming an organisation or a blog/forum ("… e.V.", "PaiNs Blog").
    With no such segment: of three or more segments one much longer than all others is kept
    alone, and with no ``site_name`` known a short last segment (≤ 4 words, at most half the
    length of the rest) is cut.
    """
    title = clean(title) or ""
    spans = segments(title)
    if len(spans) < 2:
        return title
    site = squash(site_name)
    start, end = 0, len(spans)
    changed = True
    while changed and end - start > 1:
        changed = False
        longest = max(len(s[2]) for s in spans[start:end])
        if site_like(spans[end - 1][2], site, host, longest):
            end, changed = end - 1, True
        elif site_like(spans[start][2], site, host, longest):
            start, changed = start + 1, True
    if (start, end) != (0, len(spans)):
        return title[spans[start][0]:spans[end - 1][1]]
    texts = [s[2] for s in spans]
    if len(texts) >= 3:
        longest_text = max(texts, key=len)
        if all(len(longest_text) >= 2 * len(t) for t in texts if t is not longest_text):
            return longest_text
    head, tail = title[:spans[-1][0]].rstrip(), texts[-1]
    if len(tail.split()) <= 4 and len(tail) <= 30 and len(head) >= 2 * len(tail) and \
            not site_name:
        return title[:spans[-2][1]]
    return title


def segments(title: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of the parts of a title between spaced separators."""
    out, pos = [], 0
    for match in _TITLE_SEPARATORS.finditer(title):
        out.append((pos, match.start(), title[pos:match.start()]))
        pos = match.end()
    out.append((pos, len(title), title[pos:]))
    return [s for s in out if s[2].strip()]


def site_like(segment: str, site: str, host: str | None, longest: int | None = None) -> bool:
    """True for a title segment that names the site rather than the article: the site name (or
    a part of it), the host label, a domain, a date stamp; with ``longest`` (the longest segment
    left) also a shorter segment of at most five words with an organisation or site word."""
    seg = squash(segment)
    if not seg:
        return True
    if site and (seg == site or (len(segment) <= 40 and min(len(seg), len(site)) >= 3 and (
            (site in seg and len(site) > 0.5 * len(seg)) or seg in site))):
        return True
    if host and len(host) >= 4 and host in seg and len(segment.split()) <= 6:
        return True
    if _DOMAIN.match(segment.strip()) or _DATE_SEGMENT.match(segment):
        return True
    return longest is not None and len(segment) < longest and len(segment.split()) <= 5 and \
        bool(ORG_WORDS.search(segment) or _SITE_WORDS.search(segment))


# --- authors ------------------------------------------------------------------------------------

AUTHOR_META = ("author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
               "dc.creator", "dcterms.creator", "byl", "citation_author", "dc.contributor")
SECTION_META = ("article:section", "parsely-section", "section", "article.section",
                "og:article:section", "sailthru_section", "prism.section")
GENERIC_SECTIONS = frozenset({  # a section, but a vaguer one than any other source gives
    "news", "blog", "blogs", "latest", "nachrichten", "aktuelles", "actualités", "noticias",
    "notizie", "wiadomości", "ブログ"})
NOT_SECTIONS = frozenset({"home", "article", "articles", "stories", "story", "posts", "post",
                          "page", "default", "none", "null"})
HOME_CRUMBS = frozenset({"home", "homepage", "startseite", "accueil", "inicio", "início", "главная",
                         "strona główna", "home page", "start", "hauptseite", "portada"})
GUESSED_SOURCES = ("rel:author", "hcard:author", "link:author-profile", "class:author")

def read_authors(meta: HtmlMeta, src: PageSources, tree) -> None:
    """People credited as authors, from the first source (module doc order) that names any;
    organisations named by the sources read up to there go to ``author_orgs``."""
    slug_urls: list[str] = []
    meta.named_people = structured_people(src, meta.site_name)
    for where, typed, values in author_sources(src, tree, slug_urls):
        if where in GUESSED_SOURCES and any(credits_a_desk(org) for org in meta.author_orgs) and \
                meta.signals.get("author_orgs", "").startswith(("jsonld", "meta")):
            return  # the metadata credits a desk or an agency: names markup guesses find are teasers'
        people, orgs = classify_names(values, typed, meta.site_name, src.host, slug_urls)
        if len(people) + len(orgs) > MAX_NAMES_PER_SOURCE and not where.startswith("jsonld"):
            continue  # a citation or comment list, not the article's byline
        for org in orgs:
            add_unique(meta.author_orgs, org)
        if orgs:
            meta.signals.setdefault("author_orgs", where)
        people = [p for p in people if p.casefold() not in {o.casefold() for o in meta.author_orgs}]
        if people:
            meta.authors, meta.signals["authors"] = people, where
            return
    for url in slug_urls:
        name = slug_name(url)
        if name:
            meta.authors, meta.signals["authors"] = [name], "url:author-slug"
            return


def credits_a_desk(org: str) -> bool:
    """True for an organisation credit that names who wrote the piece ("HNN Staff", "Reuters"),
    not merely the publisher (JSON-LD often gives the site itself as the author)."""
    return org.casefold() in AGENCY_NAMES or bool(_DESK_WORDS.search(org))


def structured_people(src: PageSources, site_name: str | None) -> list[str]:
    """Every person any JSON-LD article or author ``<meta>`` names (to confirm a visible byline
    when the sources disagree: ``sailthru.author`` "By Jane Doe" beside a JSON-LD uploader)."""
    out: list[str] = []
    for item in src.articles:
        value = item.get("author") or item.get("creator")
        if value:
            people, _ = classify_names([src.resolve(v) for v in as_list(value)[:20]], True,
                                       site_name, src.host, [])
            for name in people:
                add_unique(out, name)
    for name in AUTHOR_META:
        for value in src.tags.get(name, ())[:5]:
            for person, org_like in split_names(value, None, site_name, src.host):
                if not org_like:
                    add_unique(out, person)
    return out


def author_sources(src: PageSources, tree, slug_urls: list[str]):
    """(signal, typed, values) per author source in preference order, read lazily. ``typed`` is
    True for JSON-LD values (objects whose ``@type`` says person or organisation)."""
    for kind, items in (("jsonld:author", src.articles), ("jsonld:page:author", src.pages)):
        for item in items:
            value = item.get("author") or item.get("creator")
            if value:
                yield kind, True, [src.resolve(v) for v in as_list(value)[:50]]
                break
    for name in AUTHOR_META:
        if name in src.tags:
            yield f"meta:{name}", False, src.tags[name]
    yield "meta:twitter:data", False, labelled_twitter_authors(src.tags)
    yield "microdata:author", False, microdata_authors(tree, slug_urls)
    yield "rel:author", False, rel_authors(tree, slug_urls)
    yield "hcard:author", False, hcard_authors(tree)
    yield "link:author-profile", False, profile_link_authors(tree)
    yield "class:author", False, class_cue_authors(tree)


def labelled_twitter_authors(tags: dict[str, list[str]]) -> list[str]:
    """Yoast-style ``twitter:labelN`` "Written by" / "Verfasst von" → ``twitter:dataN``."""
    out = []
    for n in "12345":
        label = (first(tags, f"twitter:label{n}")[0] or "").lower()
        if label and _AUTHOR_LABEL.search(label):
            value = first(tags, f"twitter:data{n}")[0]
            if value:
                out.append(value)
    return out


def classify_names(values: list, typed: bool, site_name: str | None, host: str | None,
                   slug_urls: list[str]) -> tuple[list[str], list[str]]:
    """(people, organisations) named by author values: strings ("By A and B", "A, PhD", "A -
    Site") or JSON-LD objects (typed Organization → organisation; a typed Person only when it
    is not plainly a desk, an agency or the site)."""
    people: list[str] = []
    orgs: list[str] = []
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("url"), str):
            slug_urls.append(value["url"])
        typed_person = typed and isinstance(value, dict) and "person" in types_of(value)
        typed_org = typed and is_organisation(value) and not typed_person  # Yoast's one-person
        # sites type the author ["Person", "Organization"]: a person unless plainly an org
        text = name_of(value) if typed else value if isinstance(value, str) else None
        for name, org_like in split_names(text or "", slug_urls, site_name, host):
            if typed_org or (org_like and not (typed_person and
                                               not plainly_org(name, site_name, host))):
                add_unique(orgs, name)
            elif not username_like(name):
                add_unique(people, name)
    return people, orgs


def microdata_authors(tree, slug_urls: list[str]) -> list[str]:
    """Names of ``itemprop=author`` elements: the first one outside comments/footers/sidebars and
    its siblings only (later ones are usually teasers' or comments' authors)."""
    out, parent = [], None
    for node in unique_nodes(tree.css('[itemprop~="author"]'))[:10]:
        if in_boilerplate(node):
            continue
        attrs = node.attributes
        if attrs.get("href"):
            slug_urls.append(attrs["href"])
        inner = node.css_first('[itemprop~="name"]')
        text = (inner.attributes.get("content") or inner.text(deep=True)) if inner is not None \
            else attrs.get("content") or node.text(deep=True)
        text = clean(text)
        if not text or len(text) > 100:
            continue
        here = node.parent.mem_id if node.parent is not None else None
        if parent is not None and here != parent:
            break
        parent = here
        out.append(text)
    return out


def rel_authors(tree, slug_urls: list[str]) -> list[str]:
    """The text of the first ``rel=author`` link outside comments/footers that reads as a name
    (hrefs kept as profile-slug candidates)."""
    for node in unique_nodes(tree.css('[rel~="author"]'))[:10]:
        href = node.attributes.get("href")
        if href:
            slug_urls.append(href)
        if node.tag == "link" or in_boilerplate(node):
            continue
        text = clean(node.text(deep=True))
        if text and len(text) <= 80 and not _NAV_WORDS.search(text):
            return [text]
    return []


def hcard_authors(tree) -> list[str]:
    """The first hCard author name (``class="author vcard"`` → ``.fn``) outside comments."""
    for node in unique_nodes(tree.css(".author .fn, .author.fn, .byline .fn, .vcard .fn, "
                                      "a.author.vcard"))[:5]:
        if in_boilerplate(node) or in_site_header(node):
            continue
        text = clean(node.text(deep=True))
        if text and len(text) <= 80:
            return [text]
    return []


def profile_link_authors(tree) -> list[str]:
    """The text of the first link to an author profile ("/author/jane-doe") outside comments,
    footers and related boxes whose text is the name the URL spells, with its sibling links."""
    out, parent = [], None
    for node in tree.css("a[href]")[:800]:
        href = node.attributes.get("href") or ""
        match = _PROFILE_LINK.search(href)
        if not match:
            continue
        text = clean(node.text(deep=True))
        if not text or len(text) > 60 or not is_name_like(text) or not person_shaped(text) or \
                not same_name_words(text, match.group(1)):
            continue
        here = node.parent.mem_id if node.parent is not None else None
        if parent is not None:
            if here != parent:
                break
        elif in_boilerplate(node):
            continue
        parent = here
        out.append(text)
    return out


def class_cue_authors(tree) -> list[str]:
    """The first short person-shaped text of an element whose class says it holds the author's
    name ("post-author-name", "byline__author", "autor") outside comments, footers and the site
    header: the byline of themes that use no markup standard."""
    nodes = tree.css('[class*="author"], [class*="byline"], [class*="autor"]')
    for node in unique_nodes(nodes)[:40]:
        if not any(_AUTHOR_CLASS.match(token) for token in class_hint(node).split()):
            continue
        text = clean(_BY.sub("", clean(node.text(deep=True)) or ""))
        if not text or len(text) > 80 or in_boilerplate(node) or in_site_header(node):
            continue
        names = [name for name, _ in split_names(text)]
        if names and len(names) <= 3 and all(person_shaped(name) for name in names):
            return [text]
    return []


def person_shaped(text: str) -> bool:
    """1-4 words, each capitalised, an initial or a name particle ("Juan Carlos Muñoz C.")."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() or w.lower() in _PARTICLES for w in words)


def same_name_words(text: str, slug: str) -> bool:
    """True if a link text and a profile-URL slug spell the same name ("Gunter Frank" and
    "frank_g", "Juan Carlos Muñoz C." and "juan-carlos-munoz-la-cuarta"), accents ignored."""
    def words(value: str) -> set[str]:
        folded = unicodedata.normalize("NFKD", value.casefold())
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
        return {w for w in re.split(r"[^a-z0-9ßøæœ]+", folded) if len(w) >= 2 and not w.isdigit()}
    names, spelled = words(text), words(slug)
    if names and squash(text) == squash(slug):
        return True  # "Marina Beuerle" and "marinabeuerle"
    return bool(names & spelled) and (names <= spelled or spelled <= names)


def in_boilerplate(node, depth: int = 12) -> bool:
    """True if ``node`` sits in a comment list, the site footer, a sidebar, navigation or a
    related-articles box (by tag or by a class/id token naming one)."""
    for _ in range(depth):
        node = node.parent
        if node is None or node.tag in ("body", "html"):
            return False
        if node.tag in ("nav", "aside"):
            return True
        attrs = node.attributes
        hints = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        if any(_BOILERPLATE_TOKEN.match(hint) for hint in hints):
            return True
    return False


def in_site_header(node, depth: int = 6) -> bool:
    """True if ``node`` sits in an ``h1`` or the page ``header``: there a vCard is the blog's
    own name (its logo), not the article's author."""
    for _ in range(depth):
        node = node.parent
        if node is None or node.tag in ("body", "html", "article"):
            return False
        if node.tag in ("h1", "header"):
            return True
    return False


def unique_nodes(nodes: list) -> list:
    """``nodes`` without repeats (a comma selector returns a node once per matching part)."""
    seen, out = set(), []
    for node in nodes:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            out.append(node)
    return out


def split_names(text: str, slug_urls: list[str] | None = None, site_name: str | None = None,
                host: str | None = None) -> list[tuple[str, bool]]:
    """(name, looks like an organisation) for each name in an author string: "By Jane Doe and
    John Smith" → both; "Jane Doe, PhD" → Jane Doe; "Bayerische Landesanstalt für Wald und
    Forstwirtschaft" stays whole (an organisation is not split at "und"); URLs (kept in
    ``slug_urls``), emails, handles and navigation words dropped."""
    text = clean(text) or ""
    if not text:
        return []
    if text.lower().startswith(("http://", "https://", "/", "www.")):
        if slug_urls is not None:
            slug_urls.append(text)
        return []
    text = _BY.sub("", text.strip(" -–—|:"))
    names: list[tuple[str, bool]] = []
    for index, part in enumerate(_SPLIT_STRONG.split(text)):
        had_domain = bool(_URL.search(part))
        whole = part.strip(" .,;:-–—|()[]")
        part = _URL.sub(" ", part).strip(" .,;:-–—|()[]")
        if not part:
            if _DOMAIN.match(whole):
                names.append((whole, True))  # "finanztreff.de": the site as author
            continue
        if _DEGREE.match(part):
            continue  # "Jane Doe, MS, RD"
        if index and _JOB_TITLE.search(part):  # "Jane Doe, AP National Writer": her job title
            agency = agency_of_title(part)
            if agency:
                names.append((agency, True))
            continue
        if had_domain or looks_like_org(part, site_name, host):
            if is_name_like(part, org=True):
                names.append((part, True))
            continue
        for name in _SPLIT_WEAK.split(part):
            name = tidy_meta_name(_FOR_ORG.sub("", _BY.sub("", name.strip(" .,;:-–—|()[]"))))
            if name and not _DEGREE.match(name) and is_name_like(name):
                names.append((name, looks_like_org(name, site_name, host)))
    return names


def agency_of_title(title: str) -> str | None:
    """The agency a job title names first ("AP National Political Writer" → "AP", "CNN
    Editor-at-large" → "CNN"), or None."""
    word = title.split()[0]
    if word.casefold() not in AGENCY_NAMES:
        return None
    return word.upper() if len(word) <= 4 else word


def tidy_meta_name(name: str) -> str:
    """A name without what CMSs glue to it: a label ("Interview: Jane Doe"), a degree ("Jane Doe,
    PhD"), a parenthesis ("(Sponsored Post)"), a counter ("Jane·0", "Jane 1 Kommentar")."""
    name = _NAME_LABEL.sub("", name)
    name = _NAME_TAIL.sub("", name)
    return name.strip(" .,;:-–—|()[]·")


def is_name_like(part: str, org: bool = False) -> bool:
    """True for a short string with letters that is not navigation or a CMS placeholder
    (organisation names may be longer)."""
    if not 2 <= len(part) <= (80 if org else 60) or len(part.split()) > (8 if org else 5) or \
            not any(c.isalpha() for c in part):
        return False
    low = part.lower()
    if low in NOT_NAMES or "→" in part or "»" in part or _NAV_WORDS.search(part):
        return False
    digits = sum(c.isdigit() for c in part)
    if not org and username_like(part):
        return False
    return digits <= 2 and not low.startswith(("wordpress", "admin", "user"))


def username_like(part: str) -> bool:
    """True for a CMS administrator account rather than a person: one word naming the admin
    ("jdadmin", "siteadmin", "webmaster1"). Other handles ("gizzmo", "kei_eno") may be how a
    blog's author signs, and stay."""
    return len(part.split()) == 1 and bool(_ADMIN_ACCOUNT.search(part))


def looks_like_org(name: str, site_name: str | None, host: str | None) -> bool:
    """True for an author string that names an organisation (agency, desk, the site itself, a
    domain, a legal form, an institution word) rather than a person."""
    if plainly_org(name, site_name, host) or ORG_WORDS.search(name) or _ORG_SUFFIX.search(name):
        return True
    words = name.split()
    if len(words) >= 2 and words[0].isupper() and words[0].casefold() in AGENCY_NAMES:
        return True  # "CNN Business", "AP Sports"
    return name.isupper() and len(words) == 1 and len(name) <= 6  # "NDR", "ORF", "EFE"


def plainly_org(name: str, site_name: str | None, host: str | None) -> bool:
    """True for an agency, a newsroom desk ("Staff", "Redaktion"), the site or a domain: names
    that are organisations even when JSON-LD calls them a Person."""
    low = name.casefold().strip()
    if low in AGENCY_NAMES or _DOMAIN.match(low) or (_DESK_WORDS.search(name) and
                                                      len(name.split()) <= 3):
        return True
    key = squash(name)
    if site_name and key and (key == squash(site_name) or (len(key) >= 4 and
                                                           key in squash(site_name))):
        # "Daniel Lemire" on "Daniel Lemire's blog": the person whose site it is
        return key == squash(site_name) or not person_name_in_site(name, site_name)
    return bool(host and len(host) >= 4 and key.startswith(host) and len(key) <= len(host) + 8)


def person_name_in_site(name: str, site_name: str) -> bool:
    """True if a site is named after a person ("Daniel Lemire's blog", "Blog von Anna Berg"):
    ``name`` is two to four capitalised words with no organisation word ("Business Insider")
    that the longer site name contains."""
    words = name.split()
    return 2 <= len(words) <= 4 and person_shaped(name) and not ORG_WORDS.search(name) and \
        name.casefold() in site_name.casefold()


def slug_name(url: str) -> str | None:
    """A name from an author-profile URL ("/author/jane-doe/" → "Jane Doe"), or None."""
    match = _PROFILE_SLUG.search(url.split("?")[0]) if isinstance(url, str) else None
    if not match:
        return None
    words = re.split(r"[-_]", match.group(1))
    if any(w.lower() in NOT_NAMES or len(w) > 14 for w in words):
        return None
    return " ".join(w.capitalize() for w in words)


def add_unique(target: list[str], value: str) -> None:
    """Append ``value`` unless already there (case-insensitive)."""
    if value and value.casefold() not in {v.casefold() for v in target}:
        target.append(value)


# --- dates --------------------------------------------------------------------------------------

PUBLISHED_META = ("datepublished", "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
                  "dcterms.date", "dcterms.issued", "dcterms.created", "parsely-pub-date",
                  "sailthru.date", "cxenseparse:recs:publishtime", "article.published",
                  "published-date", "publish-date", "release_date", "citation_publication_date",
                  "citation_date", "shareaholic:article_published_time", "og:pubdate")
UPDATED_META = ("datemodified", "dcterms.modified", "last-modified", "article.updated",
                "shareaholic:article_modified_time", "lastmod")


def read_dates(meta: HtmlMeta, src: PageSources, tree) -> None:
    """``published`` and ``updated`` from the first source that gives a usable date each."""
    tags = src.tags
    published = [(item.get("datePublished"), "jsonld:datePublished") for item in src.articles]
    published += [(first(tags, name)[0], f"meta:{name}") for name in
                  ("article:published_time", "og:article:published_time", "published_time")]
    published += [(item.get("dateCreated"), "jsonld:dateCreated") for item in src.articles]
    published += [(item.get("datePublished"), "jsonld:page:datePublished") for item in src.pages]
    updated = [(item.get("dateModified"), "jsonld:dateModified") for item in src.articles]
    updated += [(first(tags, name)[0], f"meta:{name}") for name in
                ("article:modified_time", "og:article:modified_time", "og:updated_time",
                 "modified_time")]
    updated += [(item.get("dateModified"), "jsonld:page:dateModified") for item in src.pages]
    set_first_date(meta, "published", published)
    set_first_date(meta, "updated", updated)
    if meta.published and meta.updated:
        return
    times = time_elements(tree)
    if not meta.published:
        set_first_date(meta, "published", [(first(tags, n)[0], f"meta:{n}") for n in
                                           PUBLISHED_META])
        set_first_date(meta, "published", [(t.iso, "time:" + t.hint[:40]) for t in times
                                           if t.kind == "published"])
        set_first_date(meta, "published", lone_time(times))
    if not meta.updated:
        set_first_date(meta, "updated", [(first(tags, n)[0], f"meta:{n}") for n in UPDATED_META])
        set_first_date(meta, "updated", [(t.iso, "time:" + t.hint[:40]) for t in times
                                         if t.kind == "updated"])


def lone_time(times: list[TimeElement]) -> list[tuple[object, str]]:
    """The first ``<time datetime>`` of the page outside comments, footers, sidebars and related
    boxes when it has no role hint ("1 day ago" under the byline): the date the page shows,
    for pages that give no other one."""
    for item in times:
        if item.kind == "unknown" and not item.boilerplate:
            return [(item.iso, "time:first")]
    return []


def set_first_date(meta: HtmlMeta, name: str, candidates: list[tuple[object, str]]) -> None:
    """Set ``published`` / ``updated`` to the first candidate that normalises, if not set."""
    if getattr(meta, name):
        return
    for value, where in candidates:
        iso = normalise_date(text_value(value))
        if iso:
            setattr(meta, name, iso)
            meta.signals[name] = where
            return


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 of a machine date string, as precise as given (a day stays a day, an offset is
    kept), or None when unparseable or outside 1990-2100. A UTC time of exactly 22:00 or 23:00 is
    written as the same instant at local midnight (+02:00 / +01:00): that is a CMS storing a
    Central European date as UTC, and the day a reader sees is the next one."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()[:80]
    match = _ISO_FAST.match(value)
    iso = iso_from_match(match) if match else None
    if iso is None and not match:
        iso = parse_date(value, fallback=True)
    if not iso:
        return None
    try:
        year = int(iso[:4])
    except ValueError:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return local_midnight(iso)


def iso_from_match(match: re.Match) -> str | None:
    """ISO 8601 from an ``_ISO_FAST`` match (seconds kept when given, offset as ±HH:MM)."""
    year, month, day, hour, minute, second, zone = match.groups()
    if zone and zone.upper() != "Z":
        digits = zone[1:].replace(":", "")
        zone = f"{zone[0]}{digits[:2]}:{(digits[2:] or '00')[:2]}"
    return iso_from_parts(int(year), int(month), int(day), hour, minute, second,
                          zone and ("Z" if zone.upper() == "Z" else zone))


def local_midnight(iso: str) -> str:
    """'2021-11-04T23:00:00+00:00' → '2021-11-05T00:00:00+01:00' (same instant); else as is."""
    if len(iso) == 25 and iso.endswith(("T22:00:00+00:00", "T23:00:00+00:00")):
        hours = 24 - int(iso[11:13])
        day = datetime.fromisoformat(iso[:10]) + timedelta(days=1)
        return f"{day.date().isoformat()}T00:00:00+0{hours}:00"
    return iso


def time_elements(tree) -> list[TimeElement]:
    """Every ``<time>`` and ``itemprop=datePublished|dateModified|dateCreated`` element of the
    body with a usable date, in document order, with role hints from it and its parent."""
    out = []
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return out
    nodes = root.css('time, [itemprop~="datePublished"], [itemprop~="dateModified"], '
                     '[itemprop~="dateCreated"]')
    for node in unique_nodes(nodes)[:50]:
        attrs = node.attributes
        text = clean(node.text(deep=True)) or ""
        iso = normalise_date(attrs.get("datetime") or attrs.get("content") or
                             (text if len(text) <= 80 else None))
        if not iso:
            continue
        parent = node.parent.attributes if node.parent is not None else {}
        hint = " ".join(v for v in (attrs.get("itemprop"), attrs.get("class"), attrs.get("id"),
                                    "pubdate" if "pubdate" in attrs else None,
                                    parent.get("itemprop"), parent.get("class")) if v)
        out.append(TimeElement(iso=iso, text=text[:200], hint=hint.lower()[:200],
                               boilerplate=node.tag != "time" or in_boilerplate(node)))
    return out


# --- section, tags, body, images ----------------------------------------------------------------

def read_section_and_tags(meta: HtmlMeta, src: PageSources, tree=None) -> None:
    """``section`` and ``tags`` (module doc order)."""
    for section, where in section_candidates(meta, src, tree):
        if section and len(section) <= 80:
            meta.section, meta.signals["section"] = section, where
            break
    tags = src.tags
    candidates = [(tags.get("article:tag", []), "meta:article:tag", MAX_TAGS)]
    candidates += [(as_list(item.get("keywords")), "jsonld:keywords", MAX_TAGS)
                   for item in src.articles]
    for name, limit in (("news_keywords", MAX_TAGS), ("parsely-tags", MAX_TAGS),
                        ("keywords", MAX_META_KEYWORDS)):
        candidates.append((tags.get(name, [])[:1], f"meta:{name}", limit))
    for values, where, limit in candidates:
        found = keyword_list(values)
        if found and len(found) <= limit:
            meta.tags, meta.signals["tags"] = found, where
            break


def section_candidates(meta: HtmlMeta, src: PageSources, tree):
    """(section, signal) in preference order, read lazily: the page's breadcrumb trail (the
    ``class=breadcrumb`` element, then JSON-LD ``BreadcrumbList``) unless its last crumb is a
    generic "News" or "Blog", the JSON-LD ``articleSection``, the section ``<meta>``s
    (``article:section``, ``parsely-section``, ``sailthru_section``, ...), then a generic value;
    never a placeholder ("articles", "home"). A comma-separated list gives its first item."""
    generic = []
    trails = [(dom_breadcrumb(tree, meta.headline) if tree is not None else None, "dom:breadcrumb")]
    trails += [(jsonld_breadcrumb(item, meta.headline), "jsonld:breadcrumb")
               for item in src.others + src.pages if "breadcrumblist" in types_of(item)]
    for crumb, where in trails:
        if crumb and crumb.casefold() in GENERIC_SECTIONS:
            generic.append((crumb, where))
        elif crumb:
            yield crumb, where
    values = [(first_listed(clean(text_value(item.get("articleSection")))),
               "jsonld:articleSection") for item in src.articles]
    values += [(first_listed(clean(value)), f"meta:{name}") for name in SECTION_META
               for value in src.tags.get(name, ())[:1]]
    for section, where in values:
        if not section or section.casefold() in NOT_SECTIONS:
            continue
        if section.casefold() in GENERIC_SECTIONS:
            generic.append((section, where))
        else:
            yield section, where
    yield from generic


def first_listed(value: str | None) -> str | None:
    """The first item of a comma-separated section list ("game,news,slider" → "game")."""
    if not value or "," not in value:
        return value
    return value.split(",")[0].strip() or None


def dom_breadcrumb(tree, headline: str | None) -> str | None:
    """The last crumb of the page's visible breadcrumb trail (the first element whose class or
    id says breadcrumb: its links, else its list items) before the article itself, or None."""
    for node in tree.css('[class*="breadcrumb"], [id*="breadcrumb"]')[:6]:
        while node.tag in ("li", "a", "span") and node.parent is not None and \
                node.parent.tag not in ("body", "html"):
            node = node.parent
        if node.tag in ("body", "html", "main", "article", "script"):
            continue
        items = node.css("a") or node.css("li")
        if not 1 <= len(items) <= 8:
            continue
        crumbs = [clean(item.text(deep=True)) for item in items]
        section = last_crumb([c for c in crumbs if c], headline, links=True)
        if section:
            return section
    return None


def jsonld_breadcrumb(item: dict, headline: str | None) -> str | None:
    """The last crumb of a JSON-LD ``BreadcrumbList`` before the article itself, or None."""
    crumbs = []
    for element in as_list(item.get("itemListElement"))[:20]:
        if isinstance(element, dict):
            name = clean(text_value(element.get("name")) or name_of(element.get("item")))
            if name:
                crumbs.append(name)
    return last_crumb(crumbs, headline)


def names_the_article(crumb: str, headline_key: str) -> bool:
    """True if a breadcrumb is the article itself: its headline, or the start of it in three
    words or more ("Storm Brenna live" for "Storm Brenna live: ferries cancelled ...")."""
    key = squash(crumb)
    if not key or not headline_key:
        return False
    return key == headline_key or (headline_key.startswith(key[:40]) and len(crumb.split()) >= 3)


def last_crumb(crumbs: list[str], headline: str | None, links: bool = False) -> str | None:
    """The section a breadcrumb trail ends in: its last crumb that is not the article (the
    headline or, in a JSON-LD trail, its first words; a crumb of more than six words), a
    separator or the home page; None for no such crumb. The links of a visible trail are
    sections unless one repeats the headline ("Dare to Play" above "Dare to Play 3 / ...")."""
    key = squash(headline)
    crumbs = [c.strip(" »>›/|·") for c in crumbs]
    crumbs = [c for c in crumbs if c and c.casefold() not in HOME_CRUMBS]
    while crumbs and ((squash(crumbs[-1]) == key if links else
                       names_the_article(crumbs[-1], key)) or len(crumbs[-1].split()) > 6):
        crumbs.pop()
    if not crumbs or len(crumbs[-1]) > 60:
        return None
    return crumbs[-1]


def keyword_list(values) -> list[str]:
    """Tags from keyword values: list items, or comma/semicolon-separated strings."""
    out: list[str] = []
    for value in values:
        text = text_value(value)
        if not text:
            continue
        for item in re.split(r"[,;]", text) if ("," in text or ";" in text) else [text]:
            item = clean(item)
            if item and len(item) <= 60 and not item.lower().startswith(("http", "www.")):
                add_unique(out, item)
    return out


def read_article_extras(meta: HtmlMeta, src: PageSources) -> None:
    """``description``, ``body_text`` (JSON-LD ``articleBody``) and ``image_credits``."""
    value, where = first(src.tags, "description", "og:description", "twitter:description")
    if not value:
        for item in src.articles + src.pages:
            value = clean(text_value(item.get("description")))
            if value:
                where = "jsonld:description"
                break
    if value:
        meta.description, meta.signals["description"] = value, (
            where if where.startswith("jsonld") else f"meta:{where}")
    for item in src.articles:
        body = item.get("articleBody") or item.get("text")
        if isinstance(body, str) and len(body.strip()) >= 20:
            body = html.unescape(_TAGS_RE.sub(" ", body)) if "<" in body or "&" in body else body
            meta.body_text = "\n".join(_SPACE.sub(" ", line).strip() for line in
                                       body.splitlines() if line.strip()) or None
            meta.signals["body_text"] = "jsonld:articleBody"
            break
    for item in src.articles:
        for image in as_list(item.get("image"))[:10]:
            if isinstance(image, dict):
                credit = clean(text_value(image.get("creditText")) or
                               name_of(image.get("copyrightHolder")) or
                               name_of(image.get("author")) or name_of(image.get("creator")))
                if credit and len(credit) <= 100:
                    add_unique(meta.image_credits, credit)
