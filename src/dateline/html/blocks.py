"""Stage 2 for HTML — turn a parsed page into the same ``Block`` list a text capture gives.

The DOM is walked once, iteratively (a 10,000-level nesting cannot overflow the stack), in
document order. Text under one block-level element (``p``, ``h2``, ``li``, ``td``, a ``div`` with
its own text…) becomes one block; ``<br>`` splits a block as a text browser would. Scripts,
styles, forms controls and hidden elements are skipped. Each block keeps what the DOM said about
it in ``Block.dom`` (``DOM_FEATURES`` order): its tag, link density, depth, the landmark elements
around it (``nav``, ``footer``, ``aside``, ``article``…), and cue words in the class and id
attributes of its ancestors. The labeller reads those next to the text features, so text and HTML
pages go through one labelling stage.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.model import Block

SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas select option button "
    "input textarea head title meta link map area audio video source track picture img "
    "dialog".split())
BLOCK_TAGS = frozenset(
    "html body p div section article main header footer nav aside h1 h2 h3 h4 h5 h6 ul ol li dl dt "
    "dd blockquote figure figcaption table thead tbody tfoot tr td th pre form address hr center "
    "details summary fieldset legend caption menu frameset frame noframes".split())
LANDMARKS = ("nav", "header", "footer", "aside", "article", "main", "form", "figure", "table",
             "a", "li", "blockquote")
CLASS_CUES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern)) for name, pattern in (
        ("cls_content", r"article|story|content|entry|post|body|text|main|prose|rich"),
        ("cls_nav", r"nav|menu|breadcrumb|header|masthead|topbar|toolbar|skip"),
        ("cls_footer", r"foot|copyright|legal|bottom|colophon"),
        ("cls_side", r"side|rail|widget|column|aside"),
        ("cls_related", r"relat|recommend|more|teaser|promo|trend|popular|read|next|outbrain|"
                        r"taboola|list|card|tile|feed"),
        ("cls_share", r"share|social|sharing|follow|facebook|twitter|whatsapp"),
        ("cls_comment", r"comment|disqus|respond|reply|discussion"),
        ("cls_ad", r"\bad\b|ads|advert|sponsor|banner|dfp|gpt|commercial|anzeige|werbung"),
        ("cls_byline", r"byline|author|writer|contributor|credit"),
        ("cls_date", r"date|time|publish|updated|modified|dateline"),
        ("cls_caption", r"caption|figure|photo|image|media|gallery|img"),
        ("cls_tag", r"tag|topic|keyword|subject|categor"),
        ("cls_subscribe", r"newsletter|subscri|signup|sign-up|paywall|register|login|account"),
        ("cls_hidden", r"hidden|sr-only|visually-hidden|screen-reader|offscreen|collapse"),
    ))
TAG_GROUPS = {"p": 1, "h1": 2, "h2": 3, "h3": 3, "h4": 3, "h5": 3, "h6": 3, "li": 4,
              "blockquote": 5, "td": 6, "th": 6, "figcaption": 7, "pre": 8, "dt": 9, "dd": 9}
DOM_FEATURES: tuple[str, ...] = (
    "tag_p", "tag_h1", "tag_hx", "tag_li", "tag_quote", "tag_cell", "tag_caption", "tag_pre",
    "tag_dl", "tag_other", "link_density", "all_link", "log_depth", "item_repeats",
    *(f"in_{name}" for name in LANDMARKS), *(name for name, _ in CLASS_CUES),
    "in_itemprop_body", "body_overlap",
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")  # soft hyphens, zero widths
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD = re.compile(r"\w+")
MAX_BLOCK_CHARS = 100_000


@dataclass(slots=True)
class _Context:
    """What the walk knows about the element whose text is being collected."""

    tag: str
    depth: int
    flags: int  # bit i set: inside LANDMARKS[i]
    cues: int  # bit i set: an ancestor's class/id matched CLASS_CUES[i]
    path: str  # tag and class path, to count repeated items (teaser lists)
    itemprop_body: bool


@dataclass(slots=True)
class _Pending:
    """Text collected for the block being built."""

    parts: list[str]
    link_chars: int
    links: int
    href: str


def structured_article_body(tree) -> str | None:
    """The longest ``articleBody`` string in the page's JSON-LD scripts, or None.

    Lenient on purpose: a script that is not valid JSON is skipped, not repaired (the full
    structured-metadata reader is ``dateline.html.meta``).
    """
    best = None
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        if "articleBody" not in raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        for value in values_of_key(data, "articleBody"):
            if isinstance(value, str) and (best is None or len(value) > len(best)):
                best = value
    return best


def values_of_key(data, key: str, depth: int = 0):
    """Every value stored under ``key`` anywhere in nested JSON ``data`` (depth-limited)."""
    if depth > 20:
        return
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key:
                yield v
            else:
                yield from values_of_key(v, key, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from values_of_key(item, key, depth + 1)


def html_to_blocks(root, article_body: str | None = None) -> list[Block]:
    """The page's blocks in reading order, with DOM signals in ``Block.dom``.

    ``root`` is a selectolax node (the ``<body>``, or the document root when there is none);
    ``article_body`` is the JSON-LD ``articleBody`` when the page has one: the share of each
    block's words found in it becomes the ``body_overlap`` feature.
    """
    raw: list[tuple[str, _Context, _Pending]] = []
    collector = _Walk(raw)
    collector.walk(root)
    blocks = make_blocks(raw)
    add_dom_features(blocks, raw, article_body)
    return blocks


class _Walk:
    """One iterative depth-first walk collecting (text, context, links) per block."""

    def __init__(self, out: list):
        self.out = out
        self.pending = _Pending([], 0, 0, "")
        self.owner: _Context | None = None

    def flush(self) -> None:
        """Emit the text collected so far as one block (if any) and start a new one."""
        pending = self.pending
        if pending.parts:
            if self.owner is not None:
                self.out.append(("".join(pending.parts), self.owner, pending))
        elif not pending.links:
            return  # nothing collected: the pending block is as good as a new one
        self.pending = _Pending([], 0, 0, "")

    def walk(self, root) -> None:
        """Visit every node under ``root`` once, in document order."""
        base = _Context("body", 0, 0, 0, "", False)
        self.owner = base
        # stack items: (node, context of its block owner, link depth) or (None, owner to restore)
        stack: list = [(root, base, None)]
        pop, push = stack.pop, stack.append
        while stack:
            node, ctx, link = pop()
            if node is None:  # leaving a block element: its text ends here
                self.flush()
                self.owner = ctx
                continue
            tag = node.tag
            if tag == "-text":  # its words join the block being built (inline: most nodes)
                text = node.text_content
                if text:
                    pending = self.pending
                    if pending.parts or text.strip():
                        pending.parts.append(text)
                        if link is not None:
                            pending.link_chars += len(text.strip())
                            if not pending.href:
                                pending.href = link
                continue
            if tag is None or tag.startswith("-") or tag in SKIP_TAGS:
                continue
            attrs = node.attributes
            if attrs and ("hidden" in attrs or is_hidden_style(attrs.get("style"))):
                continue
            if tag == "br":
                self.flush()
                continue
            child_ctx = element_context(tag, attrs, ctx)
            if tag == "a":
                link = attrs.get("href") or ""
                self.pending.links += 1
            if tag in BLOCK_TAGS:
                self.flush()
                push((None, self.owner, None))
                self.owner = child_ctx
            child = node.first_child
            if child is None:
                continue
            children = []
            while child is not None:
                children.append((child, child_ctx, link))
                child = child.next
            children.reverse()  # the stack hands them out in document order
            stack.extend(children)


def is_hidden_style(style: str | None) -> bool:
    """True for an inline ``style`` that hides the element (``display: none``...)."""
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def element_context(tag: str, attrs: dict, parent: _Context) -> _Context:
    """The context of an element from its tag, attributes and its parent's context."""
    flags = parent.flags | _LANDMARK_BIT.get(tag, 0)
    cues, itemprop_body = parent.cues, parent.itemprop_body
    cls = ""
    if attrs:  # (most inline elements have none: only the tag and the depth count then)
        role = attrs.get("role")
        if role in _ROLE_BIT:
            flags |= _ROLE_BIT[role]
        cls = attrs.get("class") or ""
        ident = attrs.get("id") or ""
        if cls or ident:
            names = f"{cls} {ident}".lower()
            if names.strip():
                cues |= class_cue_bits(names[:200])
        if not itemprop_body:
            itemprop = attrs.get("itemprop")
            itemprop_body = bool(itemprop) and itemprop.lower() == "articlebody"
    if tag in BLOCK_TAGS:
        path = f"{parent.path}/{tag}.{cls[:40]}"[-300:]
        return _Context(tag, parent.depth + 1, flags, cues, path, itemprop_body)
    return _Context(parent.tag, parent.depth + 1, flags, cues, parent.path, itemprop_body)


_LANDMARK_BIT = {name: 1 << i for i, name in enumerate(LANDMARKS)}
_ROLE_BIT = {"navigation": _LANDMARK_BIT["nav"], "banner": _LANDMARK_BIT["header"],
             "contentinfo": _LANDMARK_BIT["footer"], "complementary": _LANDMARK_BIT["aside"],
             "main": _LANDMARK_BIT["main"], "article": _LANDMARK_BIT["article"]}
_CUE_CACHE: dict[str, int] = {}


def class_cue_bits(names: str) -> int:
    """Bit set of the ``CLASS_CUES`` groups matched by a class/id string (cached)."""
    bits = _CUE_CACHE.get(names)
    if bits is None:
        bits = 0
        for i, (_, pattern) in enumerate(CLASS_CUES):
            if pattern.search(names):
                bits |= 1 << i
        if len(_CUE_CACHE) < 50_000:
            _CUE_CACHE[names] = bits
    return bits


def make_blocks(raw: list[tuple[str, _Context, _Pending]]) -> list[Block]:
    """``Block`` records from the walk's raw text, whitespace collapsed, empty ones dropped."""
    blocks: list[Block] = []
    kept: list[tuple[str, _Context, _Pending]] = []
    for text, ctx, pending in raw:
        if not text.isascii():
            text = _INVISIBLE.sub("", text)
        # (``str.split`` splits on the characters ``\s`` matches: one space for each run)
        text = text.strip() if ctx.tag == "pre" else " ".join(text.split())
        text = text[:MAX_BLOCK_CHARS]
        if not text:
            continue
        kept.append((text, ctx, pending))
    raw[:] = kept
    previous_tag = ""
    for i, (text, ctx, pending) in enumerate(kept):
        tag = ctx.tag
        if tag in ("p", "div") and ctx.flags & _LANDMARK_BIT["blockquote"]:
            tag = "blockquote"  # <blockquote><p>…</p></blockquote> is a quote
        elif tag in ("p", "div") and ctx.flags & _LANDMARK_BIT["li"]:
            tag = "li"
        bullet = "•" if tag == "li" else ""
        tight = tag in ("li", "td", "th", "dd", "dt") and previous_tag == tag
        block = Block(text=text, index=i, line_no=i + 1, bullet=bullet,
                      blank_before=0 if tight else 1, tag=tag)
        block.href = pending.href if pending.link_chars >= 0.8 * len(text) else ""
        blocks.append(block)
        previous_tag = tag
    for block, after in zip(blocks, blocks[1:]):
        block.blank_after = after.blank_before
    if blocks:
        blocks[-1].blank_after = 1
    return blocks


def add_dom_features(blocks: list[Block], raw: list[tuple[str, _Context, _Pending]],
                     article_body: str | None) -> None:
    """Fill ``Block.dom`` (``DOM_FEATURES`` order) for every block."""
    path_counts: dict[str, int] = {}
    for _, ctx, _ in raw:
        path_counts[ctx.path] = path_counts.get(ctx.path, 0) + 1
    body_words = set(w.lower() for w in _WORD.findall(article_body)) if article_body else None
    for block, (text, ctx, pending) in zip(blocks, raw):
        density = min(pending.link_chars / len(text), 1.0)
        overlap = -1.0
        if body_words is not None:
            words = [w.lower() for w in _WORD.findall(text)]
            overlap = sum(w in body_words for w in words) / len(words) if words else 0.0
        block.dom = (*tag_columns(TAG_GROUPS.get(ctx.tag, 10)), density, float(density >= 0.9),
                     math.log1p(ctx.depth), math.log1p(path_counts[ctx.path] - 1),
                     *bit_columns(ctx.flags, len(LANDMARKS)), *bit_columns(ctx.cues, len(CLASS_CUES)),
                     float(ctx.itemprop_body), overlap)


@lru_cache(maxsize=None)
def tag_columns(group: int) -> tuple[float, ...]:
    """The one-hot ``tag_*`` columns of a ``TAG_GROUPS`` group (10: any other tag)."""
    return tuple(float(group == g) for g in range(1, 11))


@lru_cache(maxsize=4096)
def bit_columns(bits: int, width: int) -> tuple[float, ...]:
    """1.0 / 0.0 for each of the ``width`` low bits of ``bits``, lowest first."""
    return tuple(float(bool(bits & (1 << i))) for i in range(width))
