"""The library entry points: bytes or text in, ``Article`` out."""
from __future__ import annotations

from collections.abc import Collection

from dateline.capture import read_capture
from dateline.model import Article, Capture


def extract(data: str | bytes, *, url: str | None = None, source: str = "<memory>",
            explain: bool = False, template: Collection[str] | None = None) -> Article:
    """Extract the article from one page capture (text dump or HTML, as str or bytes).

    Raises ``CaptureError`` when the input is not a usable page (empty, binary, undecodable);
    anything merely odd about the page is reported in ``Article.warnings``. With ``explain``,
    ``Article.dropped`` lists every line left out and why. ``template`` is the set of
    ``dateline.blocks.template_key`` values of lines known to repeat across the page's site
    (learned by ``dateline.crawl``); such lines are never taken as body.
    """
    return extract_capture(read_capture(data, source=source, url=url), explain=explain,
                           template=template)


def extract_capture(capture: Capture, *, explain: bool = False,
                    template: Collection[str] | None = None) -> Article:
    """Extract the article from an already decoded ``Capture`` (see ``extract``)."""
    if capture.kind == "html":
        from dateline.html.article import html_capture_to_article

        return html_capture_to_article(capture, explain=explain, template=template)
    from dateline.article import text_capture_to_article

    return text_capture_to_article(capture, explain=explain, template=template)
