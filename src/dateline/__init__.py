"""dateline: news page captures in, clean structured article records out.

    >>> import dateline
    >>> article = dateline.extract(open("page.txt", encoding="utf-8").read())
    >>> article.title, article.published, article.text
"""
from dateline.model import Article, Block, BodyBlock, Capture, Dropped, RelatedLink
from dateline.errors import CaptureError, DatelineError
from dateline.api import extract, extract_capture

__all__ = [
    "Article", "Block", "BodyBlock", "Capture", "CaptureError", "DatelineError", "Dropped",
    "RelatedLink", "extract", "extract_capture",
]
__version__ = "0.1.0"
