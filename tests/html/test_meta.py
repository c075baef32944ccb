"""Structured and markup metadata of HTML pages (``dateline.html.meta``) and how the HTML path
reconciles it with the visible page (``dateline.html.article``)."""
import json

import dateline
from dateline.html.article import parse_html, without_kicker
from dateline.html.meta import read_html_meta, tidy_name

BODY = "<p>" + "The harbour board met on Monday and agreed to rebuild the old pier. " * 6 + "</p>"


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}{BODY}</body></html>"


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta_of(html: str):
    return read_html_meta(parse_html(html))


def test_kicker_inside_h1_is_not_the_title():
    html = page(body='<h1><span class="article-heading__kicker">Hafen</span><span class='
                     '"visually-hidden">: </span><span class="article-heading__title">Neuer '
                     'Steg für die Altstadt</span></h1>')
    assert meta_of(html).kicker == "Hafen"
    assert dateline.extract(html).title == "Neuer Steg für die Altstadt"
    html = page(body='<h1><span class="dachzeile">Nach dem Sturm</span> <span class="headline">'
                     'Fähren fahren wieder</span></h1>')
    assert dateline.extract(html).title == "Fähren fahren wieder"


def test_h1_without_kicker_keeps_its_text():
    html = page(body="<h1>Ferry strike ends after <em>three</em> weeks</h1>")
    assert meta_of(html).kicker is None
    assert without_kicker("Ferry strike ends", None) == "Ferry strike ends"
    assert without_kicker("Hafen: Neuer Steg", "Hafen") == "Neuer Steg"
    assert without_kicker("Hafen", "Hafen") == "Hafen"


def test_person_and_organization_type_is_a_person():
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": "Pier to be rebuilt",
                             "author": {"@type": ["Person", "Organization"],
                                        "name": "Christoph Hain"}}))
    meta = meta_of(html)
    assert meta.authors == ["Christoph Hain"] and meta.author_orgs == []


def test_author_named_in_a_personal_blog_site_name_is_a_person():
    html = page(head='<meta property="og:site_name" content="Daniel Lemaire\'s blog">',
                body='<span class="author vcard"><a class="fn">Daniel Lemaire</a></span>')
    assert meta_of(html).authors == ["Daniel Lemaire"]
    html = page(head='<meta property="og:site_name" content="Harbour Times">',
                body='<span class="author vcard"><a class="fn">Harbour Times</a></span>')
    meta = meta_of(html)
    assert meta.authors == [] and meta.author_orgs == ["Harbour Times"]


def test_vcard_in_the_site_header_is_not_the_author():
    html = page(body='<h1 class="vcard author"><span class="fn">Krimiarchiv</span></h1>'
                     '<div class="post"><h4 class="vcard author">vom <span class="fn">Ulla '
                     'Brandt</span></h4></div>')
    assert meta_of(html).authors == ["Ulla Brandt"]


def test_author_class_and_profile_slug_sources():
    html = page(body='<p class="post-author-name">Andrea Middlemarch</p>')
    assert meta_of(html).authors == ["Andrea Middlemarch"]
    html = page(body='<div class="authors"><a href="https://example.com/author/marinabeuer/">'
                     'Marina Beuer</a></div>')
    assert meta_of(html).authors == ["Marina Beuer"]
    html = page(body='<nav><ul class="main-menu"><li><a href="/journalisten/termine">Termine'
                     '</a></li></ul></nav>')
    assert meta_of(html).authors == []


def test_names_are_tidied():
    assert tidy_name("Grant Tinsdale, PhD") == "Grant Tinsdale"
    assert tidy_name("Samuel Dieck (Sponsored Post)") == "Samuel Dieck"
    assert tidy_name("Interview: Julia Laut") == "Julia Laut"
    assert tidy_name("Houzz Team·0") == "Houzz Team"


def test_cms_resave_is_not_an_update():
    def with_dates(published, modified):
        return page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                                 "headline": "Pier to be rebuilt", "datePublished": published,
                                 "dateModified": modified}))
    resaved = dateline.extract(with_dates("2025-03-04T09:00:00+01:00", "2025-03-04T09:00:41+01:00"))
    assert resaved.published.startswith("2025-03-04") and resaved.updated is None
    updated = dateline.extract(with_dates("2025-03-04T09:00:00+01:00", "2025-03-04T15:20:00+01:00"))
    assert updated.updated == "2025-03-04T15:20:00+01:00"
