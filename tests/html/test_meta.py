"""Structured and markup metadata of HTML pages (``dateline.html.meta``) and how the HTML path
reconciles it with the visible page (``dateline.html.article``)."""
import json

import dateline
from dateline.html.article import parse_html, without_kicker
from dateline.html.meta import read_html_meta, tidy_meta_name

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
    assert tidy_meta_name("Grant Tinsdale, PhD") == "Grant Tinsdale"
    assert tidy_meta_name("Samuel Dieck (Sponsored Post)") == "Samuel Dieck"
    assert tidy_meta_name("Interview: Julia Laut") == "Julia Laut"
    assert tidy_meta_name("Houzz Team·0") == "Houzz Team"


def test_cms_resave_is_not_an_update():
    def with_dates(published, modified):
        return page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                                 "headline": "Pier to be rebuilt", "datePublished": published,
                                 "dateModified": modified}))
    resaved = dateline.extract(with_dates("2025-03-04T09:00:00+01:00", "2025-03-04T09:00:41+01:00"))
    assert resaved.published.startswith("2025-03-04") and resaved.updated is None
    updated = dateline.extract(with_dates("2025-03-04T09:00:00+01:00", "2025-03-04T15:20:00+01:00"))
    assert updated.updated is None  # a dateModified the page never shows is not an update
    shown = with_dates("2025-03-04T09:00:00+01:00", "2025-03-04T15:20:00+01:00").replace(
        "<body>", "<body><h1>Pier to be rebuilt</h1><p>Updated 4 March 2025, 15:20</p>")
    assert dateline.extract(shown).updated == "2025-03-04T15:20:00+01:00"


def article_with(published: str, modified: str, shown: str) -> str:
    """A news page with structured dates and one visible date line under its headline."""
    return page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": "Pier to be rebuilt", "datePublished": published,
                             "dateModified": modified}),
                body=f"<h1>Pier to be rebuilt</h1><p>By Nora Pell</p><p>{shown}</p>")


def test_dates_are_read_in_the_time_zone_the_page_shows():
    # the page shows the evening before the UTC day of datePublished
    html = article_with("2025-03-05T01:53:14Z", "2025-03-05T01:53:14Z", "March 4, 2025")
    assert dateline.extract(html).published[:10] == "2025-03-04"
    # only an update is shown, with its zone: both structured dates are read in that zone
    html = article_with("2025-03-05T02:07:18Z", "2025-03-05T05:24:30Z",
                        "Updated 12:24 am EST, Wednesday, March 5, 2025")
    article = dateline.extract(html)
    assert article.published[:10] == "2025-03-04" and article.updated[:10] == "2025-03-05"
    # a shown local time without a zone and the same instant in UTC give the offset
    html = article_with("2025-03-04T09:20:50Z", "2025-03-05T02:32:15Z",
                        "Updated March 4, 2025 | 9:32pm")
    assert dateline.extract(html).updated.startswith("2025-03-04T21:32")


def test_a_shown_modification_date_is_the_update():
    html = article_with("2024-04-18T10:00:00+02:00", "2025-04-10T09:00:00+02:00", "2025-04-10")
    article = dateline.extract(html)
    assert article.published[:10] == "2024-04-18" and article.updated[:10] == "2025-04-10"


def test_a_lone_time_element_dates_the_page():
    html = page(body='<h1>Pier to be rebuilt</h1><div class="byline">Nora Pell <time datetime='
                     '"2025-03-04T11:45:59Z">1 day ago</time></div>'
                     '<aside><time datetime="2025-02-01T08:00:00Z">Feb 1</time></aside>')
    assert meta_of(html).published == "2025-03-04T11:45:59+00:00"


def test_job_titles_degrees_and_agencies_are_not_authors():
    meta = meta_of(page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                                     "headline": "Pier", "author": [{"@type": "Person", "name":
                                     "By NORA PELL, AP National Political Writer"}]})))
    assert meta.authors == ["NORA PELL"] and meta.author_orgs == ["AP"]
    meta = meta_of(page(head=jsonld({"@context": "https://schema.org", "@type": "Article",
                                     "headline": "Pier", "author": {"@type": "Person",
                                                                    "name": "Rita Vos, MS, RD"}})))
    assert meta.authors == ["Rita Vos"]
    meta = meta_of(page(head='<meta name="author" content="Jon Marr, CNN Business">'))
    assert meta.authors == ["Jon Marr"] and meta.author_orgs == ["CNN Business"]
    meta = meta_of(page(head='<meta property="og:site_name" content="Harbour Business Europe">'
                             '<meta name="author" content="Jon Marr, Harbour Business">'))
    assert meta.authors == ["Jon Marr"] and meta.author_orgs == ["Harbour Business"]
    assert meta_of(page(body='<span class="author">by harbouradmin</span>')).authors == []


def test_several_names_in_an_author_class_element():
    html = page(body='<div class="byline-section"><span class="author">Nora Pell and Tim Aske'
                     '</span></div>')
    assert meta_of(html).authors == ["Nora Pell", "Tim Aske"]


def test_a_desk_credit_stops_the_markup_guesses():
    html = page(head='<meta name="author" content="Harbour Staff">',
                body='<div class="teaser"><h3 class="byline">Tim Aske</h3></div>')
    meta = meta_of(html)
    assert meta.authors == [] and meta.author_orgs == ["Harbour Staff"]


def test_visible_byline_confirmed_by_another_source_beats_json_ld():
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "Article",
                             "headline": "Pier to be rebuilt",
                             "author": {"@type": "Person", "name": "Kim Uploader"}}) +
                '<meta name="sailthru.author" content="By Nora Pell">',
                body="<h1>Pier to be rebuilt</h1><p>By Nora Pell</p>")
    assert dateline.extract(html).authors == ["Nora Pell"]
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "Article",
                             "headline": "Pier to be rebuilt",
                             "author": {"@type": "Person", "name": "Nora Pell"}}),
                body="<h1>Pier to be rebuilt</h1><p>By Nora Pell, Mike Aske</p>")
    assert dateline.extract(html).authors == ["Nora Pell", "Mike Aske"]


def test_the_site_named_as_author_is_the_byline_org():
    html = page(head="<title>About the pier – Harbourview Games Studio</title>",
                body="<h1>About the pier</h1><p>Posted by Harbourview</p>")
    article = dateline.extract(html)
    assert article.authors == [] and article.byline_org == "Harbourview"


def test_a_blog_name_h1_is_not_the_title():
    html = page(head='<meta property="og:site_name" content="The Harbour Blog">'
                     '<meta property="og:title" content="Pier open thread - The Harbour Blog">',
                body='<h1 class="title">The Harbour Blog</h1><h1 class="entry-title">Pier open '
                     'thread</h1>')
    assert dateline.extract(html).title == "Pier open thread"
    html = page(head='<meta property="og:site_name" content="The Harbour Blog">'
                     '<title>About</title>', body='<h1>The Harbour Blog</h1>')
    assert dateline.extract(html).title == "The Harbour Blog"  # <title> alone is no headline


def test_section_from_the_breadcrumb_trail():
    trail = ('<nav class="breadcrumbs"><a href="/">Home</a> › <a href="/sport/">Sport</a> › '
             '<a href="/sport/rowing/">Rowing</a></nav>')
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": "Harbour crew wins", "articleSection": "Moon"}),
                body=trail + "<h1>Harbour crew wins</h1>")
    assert dateline.extract(html).section == "Rowing"  # the trail the reader sees wins
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "BreadcrumbList",
                             "itemListElement": [{"@type": "ListItem", "position": 1,
                                                  "name": "Home"},
                                                 {"@type": "ListItem", "position": 2,
                                                  "name": "News"}]}) +
                '<meta property="article:section" content="Harbour, Local, Slider">',
                body="<h1>Harbour crew wins</h1>")
    assert meta_of(html).section == "Harbour"  # "News" is vaguer than the first listed value
    html = page(head=jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                             "headline": "Pier", "articleSection": "articles"}))
    assert meta_of(html).section is None


def test_controls_above_the_headline_are_no_section():
    html = page(body='<p><a href="/about">About Us</a></p><h1>Harbour crew wins</h1>'
                     '<p>By Nora Pell</p>')
    assert dateline.extract(html).section is None
