"""Bad HTML never crashes or hangs: each case gives an article with warnings or a clear error."""
import pytest

import dateline
from dateline.errors import CaptureError

ARTICLE = ("<p>" + "The harbour authority said on Monday that the new ferry line would start "
           "in spring, with six crossings a day. " * 3 + "</p>") * 6


def extract(data):
    return dateline.extract(data, source="bad.html")


def test_truncated_html():
    html = "<html><head><title>Ferry line</title></head><body><h1>Ferry line opens</h1>" + ARTICLE
    article = extract(html[: len(html) - 200])
    assert "harbour authority" in article.text


def test_no_body_element():
    article = extract("<title>Ferry</title><h1>Ferry line opens</h1>" + ARTICLE)
    assert "harbour authority" in article.text


def test_frameset_page_warns():
    article = extract(b"<html><head><title>Site</title></head><frameset><frame src='a.html'>"
                      b"<frame src='b.html'></frameset></html>")
    assert not article.body
    assert any("frame" in w for w in article.warnings)


def test_javascript_only_shell_warns():
    article = extract(b"<!doctype html><html><head><script src='/app.js'></script></head>"
                      b"<body><div id='root'></div><script>render()</script></body></html>")
    assert not article.body
    assert any("JavaScript" in w for w in article.warnings)


def test_non_utf8_without_declaration():
    html = ("<html><body><h1>Café crème à Genève</h1>" + ARTICLE.replace("said", "déclaré")
            + "</body></html>").encode("cp1252")
    article = extract(html)
    assert "déclaré" in article.text


def test_deeply_nested_page():
    html = "<html><body>" + "<div>" * 10_000 + ARTICLE + "</div>" * 10_000 + "</body></html>"
    article = extract(html)
    assert "harbour authority" in article.text


def test_huge_page_is_bounded():
    filler = "<div class='promo'><a href='/x'>Another story you may like</a></div>\n" * 700_000
    article = extract("<html><body><h1>Ferry line opens</h1>" + ARTICLE + filler + "</body></html>")
    assert any("truncated" in w for w in article.warnings)


def test_binary_junk_is_a_clear_error():
    with pytest.raises(CaptureError) as err:
        extract(bytes(range(256)) * 100)
    assert err.value.reason == "binary"


def test_page_of_links_has_no_article():
    links = "".join(f'<div><a href="/story/{i}">Story headline number {i} about the harbour</a>'
                    f"</div>" for i in range(2000))
    article = dateline.extract(f"<html><body>{links}</body></html>")
    assert article.body == [] and any("no article body" in w for w in article.warnings)
    lead = "<p>" + "The harbour board met on Monday and agreed to rebuild the pier. " * 3 + "</p>"
    article = dateline.extract(f"<html><body>{lead}{links[:20000]}</body></html>")
    assert len(article.body) == 1 and "Story headline" not in article.text
