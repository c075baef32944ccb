"""Write an ``Article`` out as JSON, a JSON line, plain text or Markdown."""
from __future__ import annotations

import json

from dateline.model import Article


def render_article(article: Article, fmt: str) -> str:
    """The article in format ``json`` (pretty), ``jsonl``, ``text`` or ``markdown``."""
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    if fmt == "jsonl":
        return json.dumps(article.to_dict(), ensure_ascii=False)
    if fmt == "text":
        return to_text(article)
    if fmt == "markdown":
        return to_markdown(article)
    raise ValueError(f"unknown format {fmt!r}: use json, jsonl, text or markdown")


def to_text(article: Article) -> str:
    """Headline, a blank line, then the body text."""
    head = article.title or ""
    return f"{head}\n\n{article.text}" if head else article.text


def byline_text(article: Article) -> str:
    """One line naming who wrote it, when, and the credited agencies."""
    parts = []
    who = ", ".join(article.authors) or article.byline_org
    if who:
        parts.append(f"By {who}")
    if article.published:
        parts.append(f"published {article.published}")
    if article.updated:
        parts.append(f"updated {article.updated}")
    if article.sources:
        parts.append("with " + ", ".join(article.sources))
    return " · ".join(parts)


def to_markdown(article: Article) -> str:
    """The article as Markdown: headline, byline line, typed body blocks, related links."""
    lines = []
    if article.section:
        lines.append(f"*{article.section}*\n")
    if article.title:
        lines.append(f"# {article.title}\n")
    meta = byline_text(article)
    if meta:
        lines.append(f"_{meta}_\n")
    for block in article.body:
        if block.kind == "subheading":
            lines.append(f"## {block.text}\n")
        elif block.kind == "quote":
            lines.append(f"> {block.text}\n")
        elif block.kind == "list_item":
            lines.append(f"- {block.text}")
        else:
            lines.append(f"{block.text}\n")
    if article.related:
        lines.append("\n## Related\n")
        for link in article.related:
            group = f"**{link.group}**: " if link.group else ""
            lines.append(f"- {group}{link.title}")
    return "\n".join(lines).rstrip() + "\n"
