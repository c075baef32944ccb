"""The data model at dateline's boundaries: ``Capture`` in, ``Block`` in the middle, ``Article`` out.

Every stage takes and returns these typed records; no stage passes loose dicts around.
``Article.to_dict()`` is the JSON shape that other tools read (see ``resources/article.schema.json``).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BodyKind = Literal["paragraph", "subheading", "quote", "list_item"]
BODY_KINDS: tuple[str, ...] = ("paragraph", "subheading", "quote", "list_item")

# Every label a block can get. The learned labeller decides body / headline / other; the
# assembly stage refines "other" into the finer kinds below from the words on the line.
BLOCK_LABELS: tuple[str, ...] = (
    "headline", "section", "byline", "credit", "date", "lead", "paragraph", "subheading",
    "quote", "list_item", "tag", "related", "teaser", "navigation", "footer", "share",
    "comment", "source", "boilerplate",
)


@dataclass(slots=True)
class Capture:
    """One decoded input page: its text, what kind it is, and where it came from."""

    text: str
    kind: Literal["text", "html"]
    source: str = "<memory>"
    url: str | None = None
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Block:
    """One logical line or paragraph of a page, with the layout signals that came with it.

    ``index`` is the block's position in the page; ``line_no`` the 1-based line of the capture
    where it starts (for ``--explain``). ``indent`` is leading spaces, ``bullet`` the list marker
    that was stripped ('' if none), ``blank_before``/``blank_after`` count empty lines around it,
    ``wrapped`` how many physical lines were joined to make it.
    """

    text: str
    index: int = 0
    line_no: int = 0
    indent: int = 0
    bullet: str = ""
    blank_before: int = 0
    blank_after: int = 0
    wrapped: int = 1
    tag: str = ""  # HTML tag name when the block comes from a DOM; '' for text captures
    href: str = ""  # the link target when the whole block is one link (HTML only)
    dom: tuple[float, ...] = ()  # DOM signals, ``dateline.html.blocks.DOM_FEATURES`` order
    label: str = ""
    score: float = 0.0  # labeller probability that the block is article body


@dataclass(slots=True)
class BodyBlock:
    """One block of the article body, in reading order."""

    kind: str
    text: str


@dataclass(slots=True)
class RelatedLink:
    """A link to another article offered next to this one, under an optional group label."""

    title: str
    group: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Dropped:
    """A line dateline left out of the article, and why (kept for ``--explain`` audits)."""

    line: int
    text: str
    reason: str


@dataclass
class Article:
    """The structured record dateline recovers from one capture.

    Dates are ISO 8601 strings (a day, or a datetime when the page gives the time). ``text`` is
    the body as plain text, blocks separated by a blank line, without title, bylines or credits.
    """

    source: str = "<memory>"
    url: str | None = None
    title: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    byline_org: str | None = None
    sources: list[str] = field(default_factory=list)
    photo_credits: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    lang: str | None = None
    body: list[BodyBlock] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as plain text: blocks in order, separated by one blank line."""
        return "\n\n".join(block.text for block in self.body)

    def to_dict(self) -> dict:
        """The article as plain JSON-ready data, ``text`` included, in schema field order."""
        data = asdict(self)
        data["text"] = self.text
        return data
