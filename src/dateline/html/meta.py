"""Structured metadata of an HTML page: JSON-LD, OpenGraph / ``article:*``, ``<meta>``, microdata.

What the CMS wrote for machines, read faithfully and never trusted blindly: ``HtmlMeta`` keeps
each value with where it came from (``signals``), and ``dateline.html.article.reconcile`` decides
against what the visible page says. Order of preference per field (first found wins):

- headline: JSON-LD ``headline`` > ``og:title`` > ``twitter:title`` > ``<title>``, site name cut;
- authors: JSON-LD ``author`` (Person → ``authors``, Organization → ``author_orgs``) > ``<meta
  name=author>`` / ``article:author`` / ``parsely-author`` / ``sailthru.author`` / ``dc.creator`` >
  microdata ``itemprop=author`` > ``rel=author`` links;
- published: JSON-LD ``datePublished`` > ``article:published_time`` > ``itemprop=datePublished`` >
  ``<meta name=date|pubdate|publishdate|dc.date|parsely-pub-date|sailthru.date>``;
  updated: JSON-LD ``dateModified`` > ``article:modified_time`` > ``og:updated_time`` >
  ``itemprop=dateModified`` (never copied from published);
- section: JSON-LD ``articleSection`` > ``article:section`` > ``parsely-section``; tags:
  ``article:tag`` > JSON-LD ``keywords`` > ``news_keywords`` / ``keywords``.

Broken JSON-LD (trailing commas, comments, control characters) is repaired leniently or skipped;
nothing here raises on any input.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from dateline.meta.dates import parse_date

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "liveblogposting", "reportage", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting",
    "scholarlyarticle", "techarticle", "posting", "report", "advertisercontentarticle",
    "satiricalarticle", "askpublicnewsarticle", "factcheck", "claimreview"})
ORG_WORDS = re.compile(
    r"\b(?:staff|team|desk|redaktion|rédaction|redacción|redazione|redakcja|newsroom|editors?|"
    r"editorial|agency|agencies|news|press|media|online|digital|wire|service|reporters?|"
    r"correspondents?|group|inc|ltd|gmbh|s\.a\.|bureau)\b", re.IGNORECASE)
AGENCY_NAMES = frozenset({
    "ap", "afp", "reuters", "dpa", "apa", "ansa", "efe", "epd", "kna", "sda", "ats", "pap", "upi",
    "bloomberg", "associated press", "agence france-presse", "agence france presse", "xinhua",
    "tass", "ria novosti", "europa press", "belga", "anp", "ntb", "tt", "reuters staff", "aap",
    "press association", "pa", "cnn", "bbc", "dpa-afx", "afp/dpa", "kyodo"})
NOT_NAMES = frozenset({
    "home", "news", "menu", "admin", "administrator", "author", "authors", "guest", "unknown",
    "anonymous", "redaktion", "editor", "by", "von", "par", "por", "the", "and", "more", "view",
    "profile", "follow", "share", "facebook", "twitter", "instagram", "contact", "email", "null",
    "none", "undefined", "false", "true"})
_SPLIT_NAMES = re.compile(r"\s*(?:;|\|| and | und | et | y | e | i | & |,(?!\s*(?:jr|sr)\b))\s*",
                          re.IGNORECASE)
_BY = re.compile(r"^(?:(?:view|see|more|all) (?:all )?(?:posts|articles|stories|beiträge) "
                 r"(?:by|from|von)|by|von|par|por|di|door|av|af|autor(?:in)?|author)[:\s]+",
                 re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·|•|»|/)\s+")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_COMMENTS = re.compile(r"^\s*//.*$|/\*.*?\*/", re.MULTILINE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACE = re.compile(r"\s+")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]|$)", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
MAX_SCRIPT_CHARS = 500_000


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
    signals: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class TimeElement:
    """A ``<time>`` (or ``itemprop`` date) element: its date, visible text and role hints."""

    iso: str
    text: str
    hint: str


def read_html_meta(tree) -> HtmlMeta:
    """The structured metadata of a parsed page (never raises)."""
    meta = HtmlMeta()
    try:
        fill_meta(meta, tree)
    except Exception as exc:  # noqa: BLE001 - bad markup must never stop extraction
        meta.signals["error"] = f"{type(exc).__name__}: {exc}"[:200]
    return meta


def fill_meta(meta: HtmlMeta, tree) -> None:
    """Fill ``meta`` from every source, best first (module doc order)."""
    tags = meta_tags(tree)
    title_node = tree.css_first("title")
    meta.title_tag = clean(title_node.text()) if title_node is not None else None
    meta.site_name = first(tags, "og:site_name", "application-name", "twitter:site")
    if meta.site_name and meta.site_name.startswith("@"):
        meta.site_name = meta.site_name[1:]
    for item in json_ld_items(tree):
        read_json_ld_item(meta, item)
    read_meta_tags(meta, tags)
    read_microdata(meta, tree)
    headline = meta.headline or first(tags, "og:title", "twitter:title") or meta.title_tag
    if headline:
        meta.headline = strip_site_name(headline, meta.site_name)
        meta.signals.setdefault("headline", "meta")
    html = tree.css_first("html")
    lang = (html.attributes.get("lang") or html.attributes.get("xml:lang")) if html else None
    lang = lang or first(tags, "og:locale", "content-language", "language", "dc.language")
    if lang:
        match = _LANG.match(lang.strip())
        meta.lang = match.group(1).lower() if match else None
    canonical = tree.css_first('link[rel="canonical"]')
    meta.url = meta.url or (canonical.attributes.get("href") if canonical else None) or \
        first(tags, "og:url")
    meta.description = meta.description or first(tags, "description", "og:description")
    og_type = first(tags, "og:type")
    if og_type and not meta.page_type:
        meta.page_type = og_type
    meta.is_article = meta.is_article or (og_type or "").lower() == "article"


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


def first(tags: dict[str, list[str]], *names: str) -> str | None:
    """The first non-empty value among ``names`` (in that order of preference)."""
    for name in names:
        for value in tags.get(name, ()):
            value = clean(value)
            if value:
                return value
    return None


def clean(text) -> str | None:
    """Whitespace-collapsed text with HTML entities decoded, or None when empty."""
    if not isinstance(text, str):
        return None
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", text).strip()
    return text or None


# --- JSON-LD ---------------------------------------------------------------------------------

def json_ld_items(tree) -> list[dict]:
    """Every JSON-LD object of the page, flattened (arrays, ``@graph``, ``mainEntity``)."""
    items: list[dict] = []
    for script in tree.css('script[type="application/ld+json"]'):
        data = load_json_leniently(script.text(deep=True) or "")
        if data is not None:
            flatten_json_ld(data, items, 0)
    # article objects first, so their fields win over WebPage/WebSite ones
    items.sort(key=lambda item: 0 if is_article_type(item) else 1)
    return items


def load_json_leniently(raw: str):
    """Parsed JSON, repairing common breakage (comments, trailing commas, controls), or None."""
    raw = raw.strip()[:MAX_SCRIPT_CHARS]
    if not raw:
        return None
    if raw.startswith("<!--"):
        raw = raw[4:].rsplit("-->", 1)[0]
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", _COMMENTS.sub("", _CONTROL.sub(" ", raw)))
    try:
        return json.loads(repaired, strict=False)
    except ValueError:
        return None


def flatten_json_ld(data, out: list[dict], depth: int) -> None:
    """Collect the typed objects of a JSON-LD value into ``out`` (depth-limited)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            flatten_json_ld(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
            value = data.get(key)
            if isinstance(value, (list, dict)):
                flatten_json_ld(value, out, depth + 1)


def types_of(item: dict) -> list[str]:
    """The lower-cased ``@type`` names of a JSON-LD object."""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def is_article_type(item: dict) -> bool:
    """True if the object is some kind of article or posting."""
    return any(k in ARTICLE_TYPES for k in types_of(item))


def read_json_ld_item(meta: HtmlMeta, item: dict) -> None:
    """Take what one JSON-LD object says (article objects first; first value wins)."""
    kinds = types_of(item)
    if "breadcrumblist" in kinds:
        read_breadcrumbs(meta, item)
        return
    if not is_article_type(item):
        if not meta.site_name and any(k in ("website", "organization", "newsmediaorganization")
                                      for k in kinds):
            meta.site_name = clean(item.get("name")) if isinstance(item.get("name"), str) else None
        return
    if not meta.page_type:
        meta.page_type = item.get("@type") if isinstance(item.get("@type"), str) else kinds[0]
    meta.is_article = True
    if not meta.headline:
        meta.headline = clean(text_value(item.get("headline")) or text_value(item.get("name")))
        if meta.headline:
            meta.signals["headline"] = "jsonld:headline"
    if not meta.authors and not meta.author_orgs:
        add_people(meta, item.get("author") or item.get("creator"), "jsonld:author")
    set_date(meta, "published", item.get("datePublished") or item.get("dateCreated"),
             "jsonld:datePublished")
    set_date(meta, "updated", item.get("dateModified"), "jsonld:dateModified")
    if not meta.section:
        meta.section = clean(text_value(item.get("articleSection")))
        if meta.section:
            meta.signals["section"] = "jsonld:articleSection"
    if not meta.tags:
        meta.tags = keyword_list(item.get("keywords"))
    if not meta.body_text:
        body = item.get("articleBody")
        meta.body_text = body if isinstance(body, str) and body.strip() else None
    if not meta.url and isinstance(item.get("url"), str):
        meta.url = item["url"]
    if not meta.description:
        meta.description = clean(text_value(item.get("description")))
    for image in as_list(item.get("image")):
        if isinstance(image, dict):
            credit = text_value(image.get("creditText")) or name_of(image.get("copyrightHolder")) \
                or name_of(image.get("author"))
            if credit and clean(credit) not in meta.image_credits:
                meta.image_credits.append(clean(credit))


def text_value(value) -> str | None:
    """A string from a JSON-LD value that may be a string, a list, or ``{"@value": ...}``."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        return text_value(value[0])
    if isinstance(value, dict):
        return text_value(value.get("@value") or value.get("name"))
    return None


def as_list(value) -> list:
    """``value`` as a list (None → [])."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def name_of(value) -> str | None:
    """The name of a JSON-LD person/organization value (string or object)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return text_value(value.get("name")) or " ".join(
            p for p in (text_value(value.get("givenName")), text_value(value.get("familyName")))
            if p) or None
    if isinstance(value, list) and value:
        return name_of(value[0])
    return None


def add_people(meta: HtmlMeta, value, signal: str) -> None:
    """Add the people (and organisations) a JSON-LD ``author`` value names."""
    for entry in as_list(value):
        is_org = isinstance(entry, dict) and any(
            k in ("organization", "newsmediaorganization", "corporation")
            for k in types_of(entry))
        name = name_of(entry)
        if not name:
            continue
        for person in split_names(name):
            if is_org or looks_like_org(person, meta.site_name):
                add_unique(meta.author_orgs, person)
            else:
                add_unique(meta.authors, person)
    if meta.authors or meta.author_orgs:
        meta.signals.setdefault("authors", signal)


def split_names(text: str) -> list[str]:
    """Names in an author string: "By Jane Doe and John Smith" → both; URLs and emails dropped."""
    text = _BY.sub("", clean(text) or "")
    if not text or text.startswith(("http://", "https://", "/")):
        name = slug_name(text) if text.startswith(("http://", "https://", "/")) else None
        return [name] if name else []
    names = []
    for part in _SPLIT_NAMES.split(text):
        part = _EMAIL.sub("", part).strip(" .,;:-–—|")
        if 2 <= len(part) <= 60 and part.lower() not in NOT_NAMES and any(c.isalpha() for c in part):
            names.append(part)
    return names


def slug_name(url: str) -> str | None:
    """A name from an author profile URL slug ("/author/jane-doe/" → "Jane Doe"), or None."""
    match = re.search(r"/(?:author|authors|autor|auteur|people|staff|profile|profiles)/"
                      r"([a-z]+(?:-[a-z]+){1,3})/?$", url.lower())
    if not match:
        return None
    return " ".join(w.capitalize() for w in match.group(1).split("-"))


def looks_like_org(name: str, site_name: str | None) -> bool:
    """True for author strings that name an organisation (agency, desk, the site) not a person."""
    low = name.lower()
    if low in AGENCY_NAMES or ORG_WORDS.search(name):
        return True
    if site_name and low == site_name.lower():
        return True
    return "." in low and " " not in low  # "example.com"


def add_unique(target: list[str], value: str) -> None:
    """Append ``value`` unless already there (case-insensitive)."""
    if value and value.casefold() not in {v.casefold() for v in target}:
        target.append(value)


def keyword_list(value) -> list[str]:
    """Tags from a keywords value: a list, or a comma/semicolon-separated string."""
    out: list[str] = []
    items = value if isinstance(value, list) else re.split(r"[,;]", value) \
        if isinstance(value, str) else []
    for item in items:
        text = clean(text_value(item))
        if text and len(text) <= 60:
            add_unique(out, text)
    return out[:30]


def set_date(meta: HtmlMeta, name: str, value, signal: str) -> None:
    """Set ``published`` or ``updated`` from a raw value if not set yet."""
    if getattr(meta, name):
        return
    iso = normalise_date(text_value(value))
    if iso:
        setattr(meta, name, iso)
        meta.signals[name] = signal


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 of a machine date string (as precise as given), or None if unusable."""
    if not value or not isinstance(value, str):
        return None
    iso = parse_date(value.strip()[:60], fallback=True)
    if not iso:
        return None
    try:
        year = int(iso[:4])
    except ValueError:
        return None
    return iso if 1990 <= year <= 2100 else None


def read_breadcrumbs(meta: HtmlMeta, item: dict) -> None:
    """Section from a ``BreadcrumbList``: the last crumb before the article itself."""
    crumbs = []
    for element in as_list(item.get("itemListElement")):
        if isinstance(element, dict):
            name = text_value(element.get("name")) or name_of(element.get("item"))
            if name:
                crumbs.append(clean(name))
    crumbs = [c for c in crumbs if c and c.lower() not in ("home", "startseite", "accueil",
                                                             "inicio", "start")]
    if len(crumbs) >= 2 and not meta.section:
        meta.section = crumbs[-2]
        meta.signals["section"] = "jsonld:breadcrumb"


# --- meta tags and microdata -------------------------------------------------------------------

def read_meta_tags(meta: HtmlMeta, tags: dict[str, list[str]]) -> None:
    """Fill what JSON-LD left empty from ``<meta>`` tags."""
    if not meta.authors and not meta.author_orgs:
        for name in ("author", "article:author", "parsely-author", "sailthru.author",
                     "dc.creator", "dcterms.creator", "byl", "twitter:creator"):
            for value in tags.get(name, ()):
                if name == "twitter:creator" or value.startswith("@"):
                    continue
                add_people(meta, value, f"meta:{name}")
            if meta.authors or meta.author_orgs:
                break
    for key, names in (
            ("published", ("article:published_time", "datepublished", "og:published_time",
                           "publishdate", "pubdate", "date", "dc.date", "dc.date.issued",
                           "dcterms.date", "dcterms.created", "parsely-pub-date", "sailthru.date",
                           "article.published", "published-date", "release_date")),
            ("updated", ("article:modified_time", "og:updated_time", "datemodified",
                         "dcterms.modified", "last-modified", "article.updated"))):
        for name in names:
            set_date(meta, key, first(tags, name), f"meta:{name}")
            if getattr(meta, key):
                break
    if not meta.section:
        meta.section = first(tags, "article:section", "parsely-section", "section",
                             "article.section", "cxenseparse:pageclass")
        if meta.section == "article":
            meta.section = None
    if not meta.tags:
        values = tags.get("article:tag", [])
        meta.tags = keyword_list(values) if values else []
    if not meta.tags:
        raw = first(tags, "news_keywords", "parsely-tags", "keywords")
        tags_list = keyword_list(raw) if raw else []
        meta.tags = tags_list if 0 < len(tags_list) <= 15 else []


def read_microdata(meta: HtmlMeta, tree) -> None:
    """Fill what is still empty from microdata ``itemprop`` attributes and ``rel=author``."""
    if not meta.authors and not meta.author_orgs:
        for node in tree.css('[itemprop="author"], [rel="author"]')[:6]:
            inner = node.css_first('[itemprop="name"]')
            text = (inner or node).text(deep=True) if (inner or node) is not None else ""
            add_people(meta, clean(text) or "", "microdata:author")
    for key, prop in (("published", "datePublished"), ("updated", "dateModified")):
        if getattr(meta, key):
            continue
        node = tree.css_first(f'[itemprop="{prop}"]')
        if node is not None:
            value = node.attributes.get("datetime") or node.attributes.get("content") or \
                node.text(deep=True)
            set_date(meta, key, value, f"microdata:{prop}")
    if not meta.headline:
        node = tree.css_first('[itemprop="headline"]')
        if node is not None:
            meta.headline = clean(node.text(deep=True))


def time_elements(tree) -> list[TimeElement]:
    """Every ``<time>`` and ``itemprop`` date element in document order, with role hints."""
    out = []
    for node in tree.css('time, [itemprop="datePublished"], [itemprop="dateModified"]'):
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content") or node.text(deep=True)
        iso = normalise_date(value)
        if not iso:
            continue
        hint = " ".join(v for v in (attrs.get("itemprop"), attrs.get("class"), attrs.get("id"),
                                    "pubdate" if "pubdate" in attrs else None) if v)
        out.append(TimeElement(iso=iso, text=clean(node.text(deep=True)) or "", hint=hint.lower()))
    return out


# --- titles -------------------------------------------------------------------------------------

def strip_site_name(title: str, site_name: str | None) -> str:
    """The headline without the site name: "Headline | Site", "Site - Headline" → "Headline".

    With no known site name, a short end segment after a separator is cut when the rest is
    clearly the longer, headline part.
    """
    title = clean(title) or ""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site_name:
        site = site_name.lower().strip()
        kept = [p for p in parts if p.lower().strip() != site and not (
            len(p) < 40 and (site in p.lower() or p.lower() in site))]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    head, tail = parts[0], parts[-1]
    if len(tail) <= 30 and len(tail.split()) <= 4 and len(head) > len(tail):
        last = list(_TITLE_SEPARATORS.finditer(title))[-1]
        return title[:last.start()]
    if len(head) <= 30 and len(tail) >= 2 * len(head) and len(parts) == 2:
        return tail
    return title
