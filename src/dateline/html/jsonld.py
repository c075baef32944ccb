"""JSON-LD of an HTML page: every ``<script type="application/ld+json">`` read leniently.

Crawled JSON-LD is often not JSON: trailing commas, ``//`` and ``/* */`` comments, control
characters, HTML comments or CDATA around it, a trailing ``;``, several objects back to back,
entity-escaped quotes, or unescaped quotes inside strings (``"headline": "A "quoted" word"``).
``load_json_leniently`` repairs those in cheap steps, then salvages the few fields dateline reads
with regexes, and returns None when nothing is usable - it never raises.

``json_ld_objects`` flattens what the scripts hold (arrays, ``@graph``, ``mainEntity``) into a list
of typed objects in page order; the helpers read values that may be strings, lists, objects or
``{"@value": ...}``.
"""
from __future__ import annotations

import html
import json
import re

MAX_SCRIPT_CHARS = 500_000
MAX_SCRIPTS = 30
MAX_DEPTH = 8
MAX_REPAIRS = 25

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "liveblogposting", "reportage", "reportagenewsarticle",
    "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
    "askpublicnewsarticle", "socialmediaposting", "discussionforumposting", "scholarlyarticle",
    "techarticle", "medicalscholarlyarticle", "posting", "report", "advertisercontentarticle",
    "satiricalarticle", "review", "criticreview", "factcheck", "claimreview", "howto", "recipe"})
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "contactpage", "collectionpage",
                        "profilepage", "qapage", "faqpage", "searchresultspage", "medicalwebpage"})
ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "localbusiness",
                       "governmentorganization", "ngo", "educationalorganization", "website",
                       "onlinebusiness", "brand", "project", "researchorganization"})
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_COMMENTS = re.compile(r"^\s*//[^\n]*$|/\*.*?\*/", re.MULTILINE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SALVAGE_FIELDS = ("@type", "headline", "name", "datePublished", "dateModified", "dateCreated",
                   "articleSection", "inLanguage", "url", "description")
_SALVAGE = {key: re.compile(rf'"{re.escape(key)}"\s*:\s*"((?:[^"\\]|\\.){{1,500}})"')
            for key in _SALVAGE_FIELDS}
_SALVAGE_AUTHOR = re.compile(r'"(?:author|creator)"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*)?'
                             r'"((?:[^"\\]|\\.){1,200})"')


def json_ld_objects(tree) -> list[dict]:
    """The typed JSON-LD objects of a page in page order (arrays, ``@graph``, ``mainEntity`` and
    nested ``@graph`` flattened); scripts that cannot be read are skipped."""
    objects: list[dict] = []
    for script in tree.css('script[type="application/ld+json"]')[:MAX_SCRIPTS]:
        data = load_json_leniently(script.text(deep=True) or "")
        if data is not None:
            flatten(data, objects, 0)
    return objects


def load_json_leniently(raw: str):
    """Parsed JSON, repairing the common breakage step by step, else a salvaged dict, else None."""
    raw = strip_wrappers(raw[:MAX_SCRIPT_CHARS])
    if not raw:
        return None
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    text = _TRAILING_COMMA.sub(r"\1", _COMMENTS.sub("", _CONTROL.sub(" ", raw))).rstrip("; \n\t")
    if "&quot;" in text[:200] or "&#34;" in text[:200]:
        text = html.unescape(text)
    for attempt in (load_concatenated, load_with_escaped_quotes):
        data = attempt(text)
        if data is not None:
            return data
    return salvage(text)


def strip_wrappers(raw: str) -> str:
    """The script text without HTML comment / CDATA wrappers and surrounding space."""
    raw = raw.strip()
    for start, end in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
        if raw.startswith(start):
            raw = raw[len(start):]
            if raw.rstrip().endswith(end):
                raw = raw.rstrip()[:-len(end)]
            raw = raw.strip()
    return raw


def load_concatenated(text: str):
    """Several JSON values back to back (``{...}{...}``, ``{...},{...}``) as one list, or None."""
    decoder = json.JSONDecoder(strict=False)
    values, pos = [], 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return None
        values.append(value)
    if not values:
        return None
    return values[0] if len(values) == 1 else values


def load_with_escaped_quotes(text: str):
    """JSON whose strings hold unescaped quotes: escape the quote before each delimiter error."""
    for _ in range(MAX_REPAIRS):
        try:
            return json.loads(text, strict=False)
        except json.JSONDecodeError as err:
            if not err.msg.startswith(("Expecting ',' delimiter", "Expecting ':' delimiter")):
                return None
            quote = text.rfind('"', 0, err.pos)
            if quote <= 0:
                return None
            text = text[:quote] + '\\"' + text[quote + 1:]
    return None


def salvage(text: str) -> dict | None:
    """The fields dateline reads, pulled out of hopeless JSON with regexes (first match each)."""
    found: dict = {}
    for key, pattern in _SALVAGE.items():
        match = pattern.search(text)
        if match:
            found[key] = unescape_json_string(match.group(1))
    author = _SALVAGE_AUTHOR.search(text)
    if author:
        found["author"] = unescape_json_string(author.group(1))
    return found if "@type" in found and len(found) > 1 else None


def unescape_json_string(value: str) -> str:
    """A JSON string body with its escapes decoded (left as is when they are broken)."""
    try:
        return json.loads(f'"{value}"', strict=False)
    except ValueError:
        return value.replace('\\"', '"').replace("\\/", "/")


def flatten(data, out: list[dict], depth: int) -> None:
    """Collect the typed objects of a JSON-LD value into ``out``, depth-limited."""
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data[:200]:
            flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        for key in ("@graph", "mainEntity"):
            value = data.get(key)
            if isinstance(value, (list, dict)):
                flatten(value, out, depth + 1)


def types_of(item: dict) -> list[str]:
    """The lower-cased ``@type`` names of a JSON-LD object ("schema:NewsArticle", full schema.org
    URLs and type lists included)."""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip().lower()
            for k in kinds if isinstance(k, str)]


def type_name(item: dict) -> str | None:
    """The first ``@type`` of an object as written (prefix cut), e.g. 'NewsArticle'."""
    kind = item.get("@type")
    for k in kind if isinstance(kind, list) else [kind]:
        if isinstance(k, str) and k.strip():
            return k.rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip()
    return None


def is_article(item: dict) -> bool:
    """True if the object is some kind of article, posting or report."""
    return any(k in ARTICLE_TYPES for k in types_of(item))


def is_page(item: dict) -> bool:
    """True if the object is a ``WebPage`` (or a subtype)."""
    return any(k in PAGE_TYPES for k in types_of(item))


def is_organisation(item) -> bool:
    """True if a JSON-LD value is an organisation (or the web site) rather than a person."""
    return isinstance(item, dict) and any(k in ORG_TYPES for k in types_of(item))


def text_value(value) -> str | None:
    """A string from a value that may be a string, number, list or ``{"@value"|"name": ...}``."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
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
    """The name of a person/organisation value: a string, or an object's ``name`` (itself maybe a
    list) or ``givenName`` + ``familyName``."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(n for n in name if isinstance(n, str)) or None
        return text_value(name) or " ".join(
            p for p in (text_value(value.get("givenName")), text_value(value.get("familyName")))
            if p) or None
    if isinstance(value, list) and value:
        return name_of(value[0])
    return None
