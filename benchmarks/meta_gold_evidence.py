#!/usr/bin/env python3
"""Print the metadata evidence of scrapinghub-dev pages for hand annotation (never dateline's answer).

For each page: the URL, ``<title>``, the ``<meta>`` tags that name a title / author / date /
section, the JSON-LD objects' headline, author, dates, section and breadcrumb, the ``h1``s, the
visible elements whose class names a byline, date, breadcrumb or kicker, ``<time>`` elements,
and the lines of the w3m rendering around the headline (what a reader sees). Parsing is
selectolax and ``json`` only: no dateline code runs, so the annotator does not see its output.

Usage: python3 benchmarks/meta_gold_evidence.py [--data DIR] ID_PREFIX_OR_INDEX...
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

META_KEYS = re.compile(r"title|author|creator|byl|date|time|publish|modif|updat|section|categor|"
                       r"site_name|og:type|keywords|parsely|sailthru", re.IGNORECASE)
CLASS_CUES = {
    "byline": re.compile(r"byline|author|contributor|writer|reporter|credit", re.IGNORECASE),
    "date": re.compile(r"date|time|publish|updated|posted|stamp", re.IGNORECASE),
    "section": re.compile(r"breadcrumb|kicker|eyebrow|overline|rubric|section|categor|topic|"
                          r"label|tag", re.IGNORECASE),
}


def short(text, n: int = 160) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[:n] + "…"


def flatten(data, out: list) -> None:
    if isinstance(data, list):
        for item in data:
            flatten(item, out)
    elif isinstance(data, dict):
        if "@graph" in data:
            flatten(data["@graph"], out)
        if "@type" in data:
            out.append(data)
        if isinstance(data.get("mainEntity"), (dict, list)):
            flatten(data["mainEntity"], out)


def compact(value, n: int = 200) -> str:
    return short(json.dumps(value, ensure_ascii=False), n)


def json_ld(tree) -> list[str]:
    lines = []
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        try:
            data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"), strict=False)
        except ValueError:
            lines.append(f"  (unreadable JSON-LD: {short(raw, 200)})")
            continue
        objs: list = []
        flatten(data, objs)
        for obj in objs:
            fields = []
            for key in ("headline", "name", "alternativeHeadline", "author", "creator",
                        "datePublished", "dateModified", "dateCreated", "articleSection",
                        "publisher"):
                if key in obj and not (key == "publisher" and len(objs) > 1):
                    fields.append(f"{key}={compact(obj[key], 150 if key != 'author' else 300)}")
            if "itemListElement" in obj:
                crumbs = []
                for el in obj["itemListElement"] if isinstance(obj["itemListElement"], list) else []:
                    if isinstance(el, dict):
                        item = el.get("item")
                        name = el.get("name") or (item.get("name") if isinstance(item, dict) else None)
                        crumbs.append(str(name))
                fields.append("crumbs=" + " > ".join(crumbs))
            lines.append(f"  {obj.get('@type')}: " + " | ".join(fields))
    return lines


def meta_tags(tree) -> list[str]:
    out = []
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if key and attrs.get("content") and META_KEYS.search(key) and \
                not key.startswith(("twitter:image", "og:image", "msapplication", "viewport")):
            out.append(f"  {key} = {short(attrs['content'], 140)}")
    return out[:30]


def class_hits(tree, cue: re.Pattern, limit: int = 8, max_len: int = 160) -> list[str]:
    out, seen = [], set()
    root = tree.body
    if root is None:
        return out
    for node in root.css("[class], [id], [itemprop]"):
        hint = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"),
                                      node.attributes.get("itemprop"))))
        if not cue.search(hint) or node.tag in ("script", "style", "body", "html", "img"):
            continue
        text = short(node.text(deep=True), max_len)
        if not text or text in seen or len(" ".join(node.text(deep=True).split())) > 400:
            continue
        seen.add(text)
        out.append(f"  <{node.tag} {short(hint, 60)}> {text}")
        if len(out) >= limit:
            break
    return out


def times(tree) -> list[str]:
    out = []
    root = tree.body
    for node in (root.css("time, [itemprop~=datePublished], [itemprop~=dateModified]")
                 if root is not None else [])[:8]:
        a = node.attributes
        out.append(f"  <{node.tag} datetime={a.get('datetime') or a.get('content')} "
                   f"class={short(a.get('class'), 40)}> {short(node.text(deep=True), 80)}")
    return out


def capture_window(data: Path, page_id: str, anchors: list[str]) -> list[str]:
    path = data / "captures" / "w3m" / f"{page_id}.txt"
    if not path.exists():
        return ["  (no w3m capture)"]
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    keyed = [" ".join(line.split()).casefold() for line in lines]
    for anchor in anchors:
        key = " ".join(anchor.split()).casefold()[:60]
        if len(key) < 8:
            continue
        for i, line in enumerate(keyed):
            if key in line:
                lo, hi = max(0, i - 8), min(len(lines), i + 14)
                return [f"  {j:4d}{'>' if j == i else ' '} {short(lines[j], 150)}"
                        for j in range(lo, hi) if lines[j].strip()]
    return ["  (headline not found in w3m; first lines:)"] + \
        [f"  {short(line, 150)}" for line in lines[:25] if line.strip()]


def evidence(data: Path, page: dict) -> str:
    page_id = page["id"]
    raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
    text = raw.decode("utf-8", errors="replace")
    tree = LexborHTMLParser(text)
    title = tree.css_first("title")
    h1s = [f"  <h1 {short(h.attributes.get('class'), 40)}> {short(h.text(deep=True))}"
           for h in tree.css("h1")[:4]]
    body = page.get("body") or ""
    first_body = body.split("\n")[0] if isinstance(body, str) else body[0]
    anchors = [h.text(deep=True) for h in tree.css("h1")[:4]]
    og = tree.css_first('meta[property="og:title"]')
    if og is not None:
        anchors.append(og.attributes.get("content") or "")
    anchors.append(first_body)
    out = [f"=== {page_id[:14]}  {page.get('url')}",
           f"<title> {short(title.text(deep=True) if title is not None else None)}",
           "meta:", *meta_tags(tree), "json-ld:", *json_ld(tree), "h1:", *h1s,
           "byline-class:", *class_hits(tree, CLASS_CUES["byline"]),
           "date-class:", *class_hits(tree, CLASS_CUES["date"], 6, 100),
           "section-class:", *class_hits(tree, CLASS_CUES["section"], 6, 120),
           "time:", *times(tree),
           f"body starts: {short(first_body, 120)}",
           "w3m around headline:", *capture_window(data, page_id, anchors)]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/scrapinghub-dev"))
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    gold = [json.loads(line) for line in open(args.data / "gold.jsonl", encoding="utf-8")]
    for key in args.pages:
        if "-" in key and key.count("-") == 1 and key.replace("-", "").isdigit():
            lo, hi = map(int, key.split("-"))
            chosen = gold[lo:hi]
        elif key.isdigit():
            chosen = [gold[int(key)]]
        else:
            chosen = [g for g in gold if g["id"].startswith(key)]
        for page in chosen:
            print(evidence(args.data, page))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
