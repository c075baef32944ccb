"""Stage 2 — segment a text capture into ``Block``s.

A block is one logical line: a paragraph, a heading, a menu entry. Text browsers hard-wrap
paragraphs (lynx at 80 columns), so wrapped lines are joined back when the layout proves it: the
capture has a fixed wrap width, the line is full enough that the next line's first word could not
have fitted, and the next line continues at the same indentation without a list marker.
Bullets and indentation are stripped from the text but kept on the block as signals.
"""
from __future__ import annotations

import re
from dateline.model import Block

_BULLET = re.compile(r"^(?:[•*+◦▪·●○■□–\-o]|\d{1,3}[.)])\s+(?=\S)")
_BULLET_START = "•*+◦▪·●○■□–-o"  # a bullet's first character, unless it is a digit
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)]*$")
CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width
# what ``clean_spaces`` changes besides the ends: an invisible character, a run of two spaces,
# or one space other than U+0020
_TO_FOLD = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\t\u00a0\u2000-\u200a\u3000]|  ")
MIN_WRAP_WIDTH = 60
MAX_WRAP_WIDTH = 100


def text_to_blocks(text: str) -> list[Block]:
    """Blocks of a text capture in reading order, wrapped lines joined, bullets split off."""
    lines = [line.rstrip() for line in
             (text.expandtabs(8) if "\t" in text else text).split("\n")]
    width = wrap_width(lines)
    # lynx wraps indented text (paragraphs, list items) a few columns narrower than the
    # unindented lines (headings): each kind of line gets its own width when it shows one
    widths = (wrap_width([line for line in lines if line[:1] not in ("", " ")]) or width,
              wrap_width([line for line in lines if line[:1] == " "]) or width) if width else (0, 0)
    blocks: list[Block] = []
    blank = 0
    current: Block | None = None
    current_len = 0  # physical length of the last line joined into ``current``
    for line_no, line in enumerate(lines, start=1):
        if not line:  # blank (``rstrip`` left nothing)
            blank += 1
            if current is not None:
                current.blank_after += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        bullet_match = _BULLET.match(body) if body[0] in _BULLET_START or body[0].isdecimal() \
            else None
        if current is not None and not blank and width and \
                (not bullet_match or marker_is_word(current)) and \
                continues_wrapped(current, current_len, indent, body, widths[indent > 0]):
            rest = clean_spaces(body)
            # text without spaces between words (Chinese, Japanese) wraps anywhere: no space
            glue = "" if CJK_CHAR.match(current.text[-1]) or CJK_CHAR.match(rest[0]) else " "
            current.text = f"{current.text}{glue}{rest}"
            current.wrapped += 1
            current_len = len(line)
            continue
        bullet = ""
        if bullet_match:
            bullet = bullet_match.group(0).strip()
            if not bullet[0].isdigit():  # an ordered list's number is part of the item's text
                body = body[bullet_match.end():]
        text_indent = indent + (bullet_match.end() if bullet_match else 0)
        current = Block(text=clean_spaces(body), index=len(blocks), line_no=line_no,
                        indent=indent, bullet=bullet, blank_before=blank)
        current.tag = str(text_indent)  # where wrapped continuation lines of this block start
        current_len = len(line)
        blocks.append(current)
        blank = 0
    for block in blocks:
        block.tag = ""
    return blocks


def marker_is_word(block: Block) -> bool:
    """True if what looks like a list marker opening a line is a word of the sentence wrapped
    from the line above ("fazer / o melhor", "am / 24. Mai", "BSB-GmbH / – Buchstelle"):
    the block above is no list item and its text does not end a sentence. (A list item's own
    continuation lines start at its text indent, so a next item never passes the indent test.)"""
    return not block.bullet and not _SENTENCE_END.search(block.text)


def continues_wrapped(block: Block, last_len: int, indent: int, body: str, width: int) -> bool:
    """True if a line at ``indent`` starting with ``body`` is a wrapped continuation of ``block``.

    The line must start where the block's text does, and the block's last line must be full:
    the next line's first word could not have fitted on it. Two looser cases, for a block that
    does not end a sentence: a list item continued at its marker's column (lynx does so for
    lists nested in an indented block), and a line opening in lower case after a line filled
    to three quarters of the width (a no-break space glued the words lynx moved down; a
    blockquote is wrapped short of the page width)."""
    text_indent = int(block.tag or block.indent)
    if indent != text_indent and not (block.bullet and indent == block.indent):
        return False
    first_word = body.split(" ", 1)[0]
    if last_len + 1 + len(first_word) > width:
        return indent == text_indent or not _SENTENCE_END.search(block.text)
    return indent == text_indent and body[0].islower() and 4 * last_len >= 3 * width and \
        not _SENTENCE_END.search(block.text)


def wrap_width(lines: list[str]) -> int:
    """The column at which the capture was hard-wrapped, or 0 if its lines were not wrapped.

    Evidence: among lines of 40+ characters, almost none is longer than some width W between 60
    and 100 columns, and many end within 12 columns of W (a ragged right margin).
    """
    lengths = sorted(len(line) for line in lines if len(line) >= 40)
    if len(lengths) < 8:
        return 0
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.97))]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return 0
    near_full = sum(1 for n in lengths if width - 12 <= n <= width)
    return width if near_full >= max(4, len(lengths) // 4) else 0


def clean_spaces(text: str) -> str:
    """``text`` with runs of spaces (incl. non-breaking and zero-width) folded to one space."""
    if text.isascii():
        if "  " not in text and "\t" not in text:
            return text.strip()  # nothing to fold
    elif not _TO_FOLD.search(text):
        return text.strip()
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")


def template_key(text: str) -> str:
    """The form of a line used to recognise a site's template: case, digits and punctuation folded.

    Two lines with the same key are "the same line" for site-template learning (``dateline.crawl``):
    "© 2024 Example Media" and "© 2025 Example Media" share one key.
    """
    return _NON_WORD.sub(" ", _DIGITS.sub("0", text.lower())).strip()

