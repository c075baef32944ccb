"""Stage 1 — read and decode one input into a ``Capture``: charset, kind (text or HTML), sanity.

Bad input is normal at crawl scale, so every way an input can be unusable ends in a
``CaptureError`` with a short reason (``empty``, ``binary``, ``undecodable``, ``too-large``)
instead of a traceback; merely odd input (a huge page, a replacement-character-ridden one) is
read and flagged in ``Capture.warnings``.
"""
from __future__ import annotations

import codecs
import html
import re

from dateline.errors import CaptureError
from dateline.model import Capture

MAX_TEXT_CHARS = 4_000_000  # a news page's text is well under this; beyond it we keep the head
MAX_INPUT_BYTES = 512 * 1024 * 1024  # refuse outright past this
MISDECLARED_MIN = 8  # replacement characters before a declared charset can be judged wrong
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"))
_HTML_SNIFF = re.compile(
    rb"<\s*(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p>|script[\s>])",
    re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{2,40})""",
                           re.IGNORECASE)
_HTML_SNIFF_STR = re.compile(_HTML_SNIFF.pattern.decode(), re.IGNORECASE)
_CONTROL_BYTES = tuple(range(0, 9)) + tuple(range(14, 32))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MOJIBAKE_MARKS = ("Ã", "Â", "â€", "Ð", "Å")  # how UTF-8 read as cp1252 and kin opens a character
MOJIBAKE_MIN = 3  # such marks on a page before ftfy is asked to repair it
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def read_capture(data: str | bytes, *, source: str = "<memory>", url: str | None = None) -> Capture:
    """Decode ``data`` into a ``Capture``, or raise ``CaptureError`` saying why it is unusable."""
    if isinstance(data, bytes):
        if len(data) > MAX_INPUT_BYTES:
            raise CaptureError(source, "too-large", f"{len(data):,} bytes; dateline reads pages "
                               f"up to {MAX_INPUT_BYTES:,} bytes")
        text, encoding = decode_bytes(data, source)
    else:
        text, encoding = data, "utf-8"
    warnings: list[str] = []
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CaptureError(source, "empty", "the input holds no text")
    check_not_binary(text, source)
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"capture truncated: {len(text):,} characters, read the first "
                        f"{MAX_TEXT_CHARS:,}")
        text = truncated(text)
    if text.count("\ufffd") > 20:
        warnings.append(f"{text.count(chr(0xFFFD))} undecodable characters replaced")
    kind = "html" if looks_like_html(text) else "text"
    if kind == "text":
        if "&" in text:
            text = unescaped_entities(text)
        repaired = without_mojibake(text)
        if repaired is not text:
            warnings.append("mojibake repaired: the capture had been decoded with the wrong "
                            "character set before it reached dateline")
            text = repaired
    return Capture(text=text, kind=kind, source=source, url=url, encoding=encoding,
                   warnings=warnings)


def without_mojibake(text: str) -> str:
    """``text`` with mojibake undone ("CafÃ©" → "Café", "Âŋ" → "¿": UTF-8 that a renderer
    decoded as cp1252 or another single-byte charset before writing the capture), by ftfy's
    ``fix_encoding``; the same object when there is nothing to repair."""
    if sum(text.count(mark) for mark in _MOJIBAKE_MARKS) < MOJIBAKE_MIN:
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return text if fixed == text else fixed


def unescaped_entities(text: str) -> str:
    """``text`` with the HTML character references a renderer printed as text ("&#39;",
    "&amp;", "&quot;": a page that escaped its text twice) read as the characters they stand
    for; a reference to a line break or control character becomes a space, so lines stay lines."""
    return _ENTITY.sub(entity_char, text)


def entity_char(match: re.Match) -> str:
    """The character an HTML character reference stands for (a space for breaks and controls)."""
    char = html.unescape(match.group(0))
    return " " if not char.isprintable() else char


def truncated(text: str) -> str:
    """The first ``MAX_TEXT_CHARS`` of ``text``, cut before a tag or at a line end so no
    half tag or half line ends the capture."""
    head = text[:MAX_TEXT_CHARS]
    cut = max(head.rfind("<"), head.rfind("\n"))
    return head[:cut] if cut > MAX_TEXT_CHARS // 2 else head


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Text and encoding name of ``data``: BOM first, then strict UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared:
        text = data.decode(declared, errors="replace")
        if not misdeclared(text):
            return text, declared
    head = data[:20_000]
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > max(8, len(head) // 50):
        raise CaptureError(source, "binary", f"{controls} control bytes in the first "
                           f"{len(head):,}: not a text or HTML page (compressed or binary file?)")
    from charset_normalizer import from_bytes

    encoding = likeliest_encoding(from_bytes(data[:500_000]))
    if encoding is None:
        raise CaptureError(source, "undecodable", "no character set decodes this input; pass "
                           "it as UTF-8 text")
    return data.decode(encoding, errors="replace"), encoding


def likeliest_encoding(matches) -> str | None:
    """The encoding of charset-normalizer's best match, or None. When other encodings read the
    bytes exactly as well (a short French text scores the same in cp1250 and cp1252, "crème"
    against "crčme"), windows-1252 wins, as in browsers: the web's single-byte default."""
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    tied = {m.encoding for m in matches
            if m.chaos == best.chaos and m.coherence == best.coherence}
    return "cp1252" if best.encoding != "cp1252" and "cp1252" in tied else best.encoding


def misdeclared(text: str) -> bool:
    """Whether text decoded with a page's declared charset shows the declaration is wrong: most
    of its non-ASCII characters came out as replacement characters (a cp1252 page that says
    UTF-8). A few stray bytes in a real UTF-8 page do not count."""
    replaced = text.count("\ufffd")
    return replaced > MISDECLARED_MIN and replaced * 2 > sum(1 for c in text if c > "\x7f")


def declared_charset(data: bytes) -> str | None:
    """The character set an HTML page declares in its first 8 kB (``<meta charset>`` or
    ``http-equiv``), as a Python codec name, or None (absent or unknown to Python).

    Used only once the bytes are known not to be valid UTF-8: pages often declare a charset
    they are not in, and valid UTF-8 with non-ASCII bytes is almost never anything else.
    ISO-8859-1 and ASCII are read as windows-1252, as browsers do.
    """
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").strip().lower()
    if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}:
        name = "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def check_not_binary(text: str, source: str) -> None:
    """Raise ``CaptureError('binary')`` if control characters make up much of ``text``."""
    head = text[:20_000]
    controls = len(_CONTROL.findall(head))
    if controls > max(8, len(head) // 50):
        raise CaptureError(source, "binary", f"{controls} control characters in the first "
                           f"{len(head):,}: this is not a text capture or HTML page")


SHORT_HTML_CHARS = 2_000  # below this, one structural tag at the start is enough for HTML
SNIFF_CHARS = 20_000  # how much of the input the tag count reads
TAGS_PER_CHAR = 1 / 1000  # markup that does not open with a tag holds at least this many
_DOCUMENT_TAG = re.compile(r"<\s*(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                           re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True if ``text`` is HTML markup rather than a rendered text capture."""
    head = text[:4096].lstrip()
    sample = text[:SNIFF_CHARS]
    tags = len(_HTML_SNIFF_STR.findall(sample))
    if head.startswith("<") and _HTML_SNIFF_STR.search(head):
        # one leading tag in a long text is a text dump's stray <noscript> <img>/<div> line
        return tags >= 2 or len(text) < SHORT_HTML_CHARS
    # markup after a preamble (HTTP headers, a PHP warning) names its document, or is dense
    # with tags; a text dump shows a few tags only where a page printed its own markup as text
    # (a form's source in a <textarea>)
    return tags >= 3 and (_DOCUMENT_TAG.search(sample) is not None or
                          tags >= TAGS_PER_CHAR * len(sample))
