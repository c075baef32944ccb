"""Compare an extracted article with an ``expected.json`` of facts (the seed's format)."""
from __future__ import annotations

SCALARS = ("title", "section", "byline_org", "published", "updated", "lang")
SETS = ("authors", "sources", "photo_credits", "tags")


def _fold(values) -> set[str]:
    return {str(v).casefold() for v in values or []}


def mismatches(article: dict, expected: dict) -> list[str]:
    """Every way ``article`` departs from the facts in ``expected`` (empty when it matches)."""
    problems = []
    for name in SCALARS:
        if name in expected and (article.get(name) or None) != (expected[name] or None):
            if name in ("published", "updated") and expected[name] and article.get(name) and \
                    str(article[name])[:10] == str(expected[name])[:10]:
                continue
            problems.append(f"{name}: got {article.get(name)!r}, expected {expected[name]!r}")
    for name in SETS:
        if name in expected and _fold(article.get(name)) != _fold(expected[name]):
            problems.append(f"{name}: got {article.get(name)!r}, expected {expected[name]!r}")
    if "body_in_order" in expected:
        got = [(b["kind"], b["text"]) for b in article["body"]]
        want = [(b["kind"], b["text"]) for b in expected["body_in_order"]]
        if got != want:
            for i, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    problems.append(f"body[{i}]: got {g!r}, expected {w!r}")
                    break
            if len(got) != len(want):
                problems.append(f"body: got {len(got)} blocks, expected {len(want)}")
    if "related" in expected:
        got = {(str(r.get("group") or "").casefold(), r["title"]) for r in article["related"]}
        want = {(str(r.get("group") or "").casefold(), r["title"]) for r in expected["related"]}
        if got != want:
            problems.append(f"related: missing {sorted(want - got)}, extra {sorted(got - want)}")
    teasers = set(article.get("teasers") or [])
    for teaser in expected.get("teasers_dropped", []):
        if teaser in article["text"]:
            problems.append(f"teaser in text: {teaser!r}")
        elif teaser not in teasers:
            problems.append(f"teaser not listed: {teaser!r}")
    if expected.get("expect_warnings") and not article.get("warnings"):
        problems.append("warnings: expected at least one, got none")
    for phrase in expected.get("text_must_not_contain", []):
        if phrase in article["text"]:
            problems.append(f"text contains {phrase!r}")
    return problems
