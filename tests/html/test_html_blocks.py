"""DOM → blocks: reading order, block boundaries, skipped elements and DOM signals."""
from selectolax.lexbor import LexborHTMLParser

from dateline.html.blocks import DOM_FEATURES, html_to_blocks, structured_article_body

PAGE = """<html><head><title>T</title><script>var x = 1;</script></head><body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article class="story"><h1>Council backs the new bridge</h1>
<p>The council voted <b>seven to two</b> on Tuesday.<br>A second line.</p>
<div style="display:none">Hidden text</div><p hidden>Also hidden</p>
<h2>What happens next</h2><blockquote>"We will build it," she said.</blockquote>
<button>Share</button><noscript>Enable JS</noscript>
</article><footer><p>© 2025 Example Media</p></footer></body></html>"""


def blocks_of(html: str):
    tree = LexborHTMLParser(html)
    return html_to_blocks(tree.body)


def feature(block, name):
    return block.dom[DOM_FEATURES.index(name)]


def test_reading_order_and_boundaries():
    texts = [b.text for b in blocks_of(PAGE)]
    assert texts == ["Home", "World", "Council backs the new bridge",
                     "The council voted seven to two on Tuesday.", "A second line.",
                     "What happens next", '"We will build it," she said.', "© 2025 Example Media"]


def test_tags_bullets_and_links():
    blocks = blocks_of(PAGE)
    home = blocks[0]
    assert home.tag == "li" and home.bullet == "•" and home.href == "/"
    assert feature(home, "in_nav") == 1.0 and feature(home, "cls_nav") == 1.0
    assert feature(home, "link_density") == 1.0
    para = blocks[3]
    assert para.tag == "p" and para.href == "" and feature(para, "link_density") == 0.0
    assert feature(para, "in_article") == 1.0 and feature(para, "cls_content") == 1.0
    assert feature(blocks[-1], "in_footer") == 1.0
    assert len(para.dom) == len(DOM_FEATURES)


def test_deep_nesting_does_not_overflow():
    html = "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p>" + "</div>" * 10_000 + "</body></html>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == ["Deep text."]


def test_article_body_overlap_feature():
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"articleBody": "The council voted seven to two."}</script></head><body>'
            '<p>The council voted seven to two.</p><p>Subscribe now</p></body></html>')
    tree = LexborHTMLParser(html)
    body = structured_article_body(tree)
    assert body == "The council voted seven to two."
    blocks = html_to_blocks(tree.body, body)
    assert feature(blocks[0], "body_overlap") == 1.0
    assert feature(blocks[1], "body_overlap") == 0.0


def test_broken_json_ld_is_skipped():
    tree = LexborHTMLParser('<html><head><script type="application/ld+json">{"articleBody": '
                            '"x",,}</script></head><body><p>a</p></body></html>')
    assert structured_article_body(tree) is None
