"""Bylines, wire-agency credits and photo credits, read from single short lines.

Evidence is the line's own words: a byline cue ("By", "Text by", "Von", "Par", "Por", "Di"...)
followed by names; an organisation rather than a person when the name is a known agency or news
organisation, has digits, is all capitals and not person-shaped, or ends in a desk word
("Staff", "Newsroom", "Redaktion"). Wire credits name agencies from ``AGENCIES``; photo credits
start with a credit cue ("© Photo:", "Foto:", "Credit:") or sit in "(Photo: ...)" at a line's end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dateline.meta.dates import MONTH_ALT, MONTH_NUMBERS

# Canonical spelling of wire agencies and news organisations seen in bylines and credits.
AGENCIES: dict[str, str] = {name.casefold(): name for name in (
    "AFP", "AP", "Reuters", "dpa", "EFE", "ANSA", "PA", "Xinhua", "Bloomberg", "KNA", "epd",
    "APA", "SDA", "Keystone-SDA", "Belga", "ANP", "PAP", "TASS", "Kyodo", "Yonhap", "AAP", "CP",
    "UPI", "IANS", "PTI", "ANI", "Europa Press", "Agence France-Presse", "Associated Press",
    "Press Association", "Deutsche Presse-Agentur", "Anadolu", "Interfax", "RIA Novosti", "CNA",
    "Getty Images", "CNN", "BBC", "BBC News", "FRANCE 24", "Al Jazeera", "DW", "NPR", "AFP/dpa",
)}
WIRE_AGENCIES = frozenset(name.casefold() for name in (  # the news agencies among them
    "AFP", "AP", "Reuters", "dpa", "EFE", "ANSA", "PA", "Xinhua", "KNA", "epd", "APA", "SDA",
    "Keystone-SDA", "Belga", "ANP", "PAP", "TASS", "Kyodo", "Yonhap", "AAP", "CP", "UPI", "IANS",
    "PTI", "ANI", "Europa Press", "Anadolu", "Interfax", "RIA Novosti", "CNA", "AFP/dpa"))
AGENCY_ALIASES = {"agence france-presse": "AFP", "associated press": "AP",
                  "the associated press": "AP", "reuters": "Reuters", "dpa": "dpa"}
_BYLINE_CUE = re.compile(
    r"^(?:(?:eine?\s+)?(?:kolumne|kommentar|gastbeitrag|beitrag|analyse|glosse|reportage|"
    r"essay)\s+von|(?:erstellt|verfasst|geschrieben|eingestellt|gepostet|veröffentlicht)\s+von"
    r"\s*:?|(?:publié|écrit|rédigé)\s+par|(?:publicado|escrito)\s+por\s*:?|"
    r"(?:scritto|pubblicato)\s+da|(?:analysis|commentary|opinion|review|interview|column)\s+by|"
    r"text\s+(?:by|von|de|di)|texte\s+de|texto\s+de|written\s+by|words\s+by|posted\s+by|"
    r"reporting\s+by|story\s+by|by|von|"
    r"text\s*:|texte\s*:|par|por|di|door|av|af|autor(?:in)?\s*:?|author\s*:|auteur\s*:|"
    r"reporter\s*:|redakcja\s*:)\s*:?\s+", re.IGNORECASE)
_SEGMENT_BY = re.compile(r"\s[|•·]\s+(?:by|von|par|por)\s*:?\s+(?=[A-ZÀ-Ý])", re.IGNORECASE)
_INNER_BY = re.compile(r"(?:^|\s)(?:by|von|par|por|author|autor)\s*:?\s+(?=[A-ZÀ-Ý])")
_DEGREE = re.compile(r"^(?:ph\.?\s?d|m\.?d|ms|msc|m\.?sc|ma|ba|bsc|mba|rd|rn|cde|esq|"
                     r"dipl\.?[-\w.]*)\.?$", re.IGNORECASE)
_OTHER_CREDIT = re.compile(  # where the writers end: "; Editing by", "Illustration von", "Fotos:"
    r";\s*(?:editing|additional reporting|writing|compiled) by|\s+(?:under|unter|filed under)\s|"
    r"\s+(?:illustrations?|fotos?|photos?|photography|grafik|bilder|images?|kamera|video)\s*"
    r"(?:von|by|de|di|:)\s",
    re.IGNORECASE)
_NOT_A_BYLINE = re.compile(  # "Powered by WordPress", "Theme by X", "Bereitgestellt von Google"
    r"\b(?:powered|theme|designed|design|template|hosted|provided|sponsored|presented|supported|"
    r"brought to you|bereitgestellt|unterstützt|gefördert|präsentiert|gesponsert|realisiert|"
    r"propulsé|réalisé|con la tecnología de)\s+(?:by|von|par|por|de)\b", re.IGNORECASE)
_WEAK_CUE = re.compile(r"^(?:von|par|por|di|door|av|af)\s", re.IGNORECASE)  # also prepositions
_PARTICLES = frozenset("de da van von der den del la le di du al bin ibn".split())
_IMAGE_PREFIX = re.compile(r"^\[[^\]]{0,60}\]\s*")  # "[avatar] by Jane Doe": an image's alt text
# "ByAlex Doe", "Veröffentlicht vonChris Jung", "2019AuthorAndreas Kalt": spans, no space
_GLUED_CUE = re.compile(r"(?:^|(?<=[\s\d]))(By|by|Von|von|Por|por|Author|Autor)(?=[A-ZÀ-Ý][a-zà-ÿ])")
_IMAGE = re.compile(r"\[[^\]]{0,60}\]\s*")  # "Von [ef7] Lisa Borch": an avatar's alt text
_LABEL_TAIL = re.compile(r"\s+[^\W\d_]+\s*:\s.*$")  # "Andrea Kategorien: Allgemein" → "Andrea"
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\ben\b|\boch\b)\s*")
_ROLE = re.compile(
    r"(?:^|\s*[,|–—-]\s*|\s+)(?:senior |chief |staff |special |foreign |political |business |"
    r"contributing |deputy )?(?:writer|reporter|correspondent|editor|columnist|contributor|"
    r"journalist|photographer|redakteur(?:in)?|korrespondent(?:in)?|journaliste|"
    r"corresponsal|redattore|for [A-Z].*|in [A-Z][a-z]+)$", re.IGNORECASE)
_ORG_WORDS = re.compile(r"\b(?:staff|newsroom|desk|editorial board|editors|redaktion|rédaction|"
                        r"redacción|redazione|redakcja|team|news|media|press|agency|agencies|"
                        r"wire|wires|online|business)\b", re.IGNORECASE)
_NOT_NAMES = frozenset(
    "home login log in sign share menu search subscribe comments comment reply more read next "
    "previous print email facebook twitter advertisement news latest the a an our this".split())
_EMAIL_OR_HANDLE = re.compile(r"\S+@\S+|@\w+|https?://\S+")
_CLOCK_OR_DATE = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}")
_MONTH = rf"(?:{MONTH_ALT})\.?"
_TRAILING_DATE = re.compile(  # where a date, a time or a comment count follows the names
    _CLOCK_OR_DATE.pattern + r"|(?<!\d)\d{1,2}\.?\s*(?:de\s+)?" + _MONTH +
    r"(?=\W|$)|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"(?<!\d)\d+\s+(?:comments?|kommentare?|commentaires?)\b|"
    r"\b(?:keine|no)\s+(?:kommentare|comments)\b|\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?|"
    r"months?|years?|minuten|stunden|std|tagen?|wochen|monaten?|jahren?|heures?|jours?|mois|"
    r"ans|horas?|días?|meses|años)\b", re.IGNORECASE)
_WEEKDAYS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|"
             r"thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
             r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche")
_BEFORE_DATE = re.compile(  # what joins names to the date after them: "on Monday, ", " am "
    rf"(?:[\s,—–-]+(?:on|am|vom|le|el|il|at|um|à|du|del|published|posted|veröffentlicht|publiziert|"
    rf"erschienen|publié|publicado|pubblicato|{_WEEKDAYS})\.?)*[\s,|·•/-]*$",
    re.IGNORECASE)
_WIRE_LINE = re.compile(
    r"^[(\[—–-]*\s*(?:(?P<org>[^()]{1,40}?)\s+(?:with|avec|mit)\s+(?P<list>[^()]+?)|"
    r"(?:mit material von|with (?:reporting|material) from|avec|con|with)\s+(?P<list2>[^()]+?)|"
    r"(?P<single>[A-Za-z/ .-]{2,30}))\s*[)\]]*\.?$", re.IGNORECASE)
_PHOTO_CUE = re.compile(
    r"^(?:©\s*)?(?:photo(?:graph)?s?|photo credit|image|images|picture|foto|fotos|bild|"
    r"credit|credits|crédit|crédito|source|quelle|zdjęcie|fot\.)\s*(?:by\s*)?[:：]\s*(.+)$",
    re.IGNORECASE)
_COPYRIGHT_CREDIT = re.compile(r"^©\s*(?:\d{4}\s+)?([^©]{2,60})$")
_TRAILING_CREDIT = re.compile(
    r"\((?:photo|foto|image|credit|bild)(?:\s+by)?\s*[:：]?\s*([^()]{2,80})\)\s*$", re.IGNORECASE)
_COURTESY = re.compile(r"^(?:photo\s+)?courtesy(?:\s+of)?\s+(.{2,60})$", re.IGNORECASE)
_CAPITAL_NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s(?:[A-ZÀ-Ý][\w'’.-]+|d[aeiu]|de la|van|von|der|del)){0,4}"
_CAPTION_TAIL = re.compile(  # a caption's last words: "... morning. Photograph: Seán Mulcahy"
    r"(?<=[.!?»”\])])\s+(?:photograph|photo|photos|foto|fotos|bild|image|picture|credit|crédit)"
    rf"\s*(?:by\s*)?[:：]\s*({_CAPITAL_NAME}(?:\s?/\s?[\w'’. -]{{2,30}})?)\.?$", re.IGNORECASE)
_AGENCY_SLASH = re.compile(  # "REUTERS/Anders Holm/File Photo", "(AP Photo/Ellen Marsh)", "EPA/Jo Roe"
    r"(?:^|[\s(])((?:REUTERS|AFP|AP(?: Photo)?|EPA|dpa|ANSA|EFE|Xinhua|Getty Images)"
    rf"\s?/\s?{_CAPITAL_NAME})(?:/File Photo)?\)?\.?(?:\s+Purchase Licensing Rights)?$")
_CAPS_CREDIT = re.compile(  # a caption's credit in capitals: "MARTA LOZANO (EFE)",
    #  "MARIE LEROUX POUR « LE COURRIER NATIONAL »", "JOHN ROE / AFP"
    r"(?:^|(?<=[.!?]\s))((?:[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+\s){1,3}[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+"
    r"\s*(?:\([A-Za-z ]{2,20}\)|/\s*[A-Z]{2,10}|POUR «[^»]{2,40}»))$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_COMPANY = re.compile(r"\b(?:GmbH|Inc|LLC|Ltd|plc|S\.?A|AG|KG|SAS|S\.?L|S\.?p\.?A|B\.?V)\b\.?")  # a site's
#  copyright line ("© 2025 Lindenauer Anzeiger GmbH & Co. KG"), not a photographer


@dataclass(frozen=True)
class Byline:
    """Who a byline names: ``authors`` (people, in order), ``org``, and the matched line."""

    authors: tuple[str, ...]
    org: str | None
    matched: str


def parse_byline(line: str) -> Byline | None:
    """The people and/or organisation a byline line names, or None if it is not a byline.

    "Text by FRANCE 24" → org "FRANCE 24"; "By Jane Doe and John Smith, Reuters" → authors
    [Jane Doe, John Smith], org Reuters; "5:45 AM PST 11/19/2019 by Patrick Shanley" → authors
    [Patrick Shanley]; "Reporting by X; Editing by Y" → authors [X].
    """
    text = " ".join(line.split())
    if not text or len(text) > 160 or len(text.split()) > 18 or not may_be_byline(text):
        return None
    rest = byline_rest(text)
    if rest is None or _NOT_A_BYLINE.search(text):
        handle = byline_handle(text)
        return Byline((handle,), None, line.strip()) if handle else None
    rest = _OTHER_CREDIT.split(rest)[0]
    rest = _EMAIL_OR_HANDLE.sub(" ", rest)
    if "[" in rest:
        rest = _IMAGE.sub("", rest)
    rest = re.split(r"\s+(?:[|•·]|/{1,2})\s+|\s+[-–—]\s+(?=\d)|\s{2,}", rest)[0]
    rest = names_before_date(_LABEL_TAIL.sub("", rest)).strip(" ,;:|-–—")
    authors: list[str] = []
    org: str | None = None
    in_segment = not _BYLINE_CUE.match(_IMAGE_PREFIX.sub("", text)) and _SEGMENT_BY.search(text)
    weak_cue = bool(_WEAK_CUE.match(text) or in_segment) and not _TRAILING_DATE.search(text)
    for part in (p.strip(" .") for p in _SPLIT_NAMES.split(rest)):
        part = tidy_name(_ROLE.sub("", part).strip(" .,"))
        if not part or date_or_time(part) or _DEGREE.match(part) or _TRAILING_DATE.match(part):
            continue
        if is_organisation(part):
            org = org or canonical_agency(part)
        elif person_shaped(part) and (not weak_cue or len(part.split()) > 1 or
                                      starts_with_given_name(part)):
            authors.append(person_case(part))
        elif (name := leading_name(part)) and capitalised_after(part, name):
            authors.append(name)  # "Jane Doe Last updated", "Jane Doe Twitter Account"
            break
        elif weak_cue:
            return None  # "von Künstlern, Bands, DJs": a phrase after a preposition
    if not authors and not org:
        handle = byline_handle(text)
        return Byline((handle,), None, line.strip()) if handle else None
    return Byline(tuple(authors), org, line.strip())


def may_be_byline(text: str) -> bool:
    """False only for a line ``parse_byline`` cannot take (a cheap test first: most lines are
    not bylines). Every cue but a line-opening one (``_BYLINE_CUE``) holds one of
    ``HANDLE_CUE_WORDS`` in any case: "By"/"Von"/"Por"/"Autor" glued to a name, " | By ",
    a date then " by ", a handle's "von" or "Autor:"."""
    if has_cue_word(text):
        return True
    opening = _IMAGE_PREFIX.sub("", text) if text.startswith("[") else text
    return _BYLINE_CUE.match(opening) is not None


_HANDLE_BYLINE = re.compile(  # "Posted on 2015-04-05 by marc", "Verfasst von: mitundvoneinander"
    r"(?:^|(?<=[\s|·•/]))(?P<cue>(?:(?:posted|written|published|geschrieben|verfasst|erstellt|"
    r"veröffentlicht|gespeichert|eingestellt|gepostet|publié|écrit|rédigé|publicado|escrito|"
    r"pubblicato|scritto)\s+)?(?:by|von|par|por)(?:\s*:)?|(?:author|autor|autorin|auteur)\s*:)\s+"
    r"(?P<handle>[^\W_][\w.-]{2,29})"  # then the line ends, or a separator or a date's cue follows
    r"(?=\s*$|\s*[|·•,/—–-]|\s+(?-i:on|am|at|le|el|um|à|il|in|vom)\s)", re.IGNORECASE)
_REPLY = re.compile(r"\b(?:reply|antworten|répondre|responder|rispondi|odpowiedz|said|says|sagt|"
                    r"schrieb)\b", re.IGNORECASE)  # "geschrieben von x am ... [ antworten ]": a comment
_ACCOUNT = re.compile(r"admin|webmaster", re.IGNORECASE)  # "jdadmin": the site's account
_CREDIT_BEFORE = re.compile(r"(?:fotos?|photos?|bild|bilder|images?|illustrations?|grafik|video|"
                            r"kamera|design|theme|powered|hosted)\s*$", re.IGNORECASE)
HANDLE_CUE_WORDS = ("by", "von", "par", "por", "aut")  # one is in every line the pattern matches


def has_cue_word(text: str) -> bool:
    """True if ``text`` holds one of ``HANDLE_CUE_WORDS`` in any case (a substring test)."""
    low = text.lower()
    for word in HANDLE_CUE_WORDS:  # (a loop: cheaper than any() over a generator)
        if word in low:
            return True
    return False


def byline_handle(text: str) -> str | None:
    """A user name in lower or mixed case that a byline cue credits ("Posted on 2015-04-05 by
    marc", "Autor: gnaddrig", "von eseppelt · 31. Oktober 2023"), or None. Names that are not
    person-shaped are taken only on a line that also dates the post or after a cue that can
    only introduce the writer ("posted by", "verfasst von", "Autor:"), never a word of prose
    ("von hier", "by design") or a credit ("Foto von pixabay")."""
    if not has_cue_word(text):
        return None
    for match in _HANDLE_BYLINE.finditer(text):
        handle, cue = match["handle"].rstrip(".-"), " ".join(match["cue"].casefold().split())
        labelled = " " in cue or cue.endswith(":")
        if not (labelled or _TRAILING_DATE.search(text)) or \
                _CREDIT_BEFORE.search(text[:match.start()]) or _REPLY.search(text):
            continue
        if handle_shaped(handle):
            return handle
    return None


def handle_shaped(word: str) -> bool:
    """True for a user name: a word of three or more characters holding a lower-case letter
    that is no function word, month, navigation word or number, and no capitalised word
    either unless it is a given name ("Olga")."""
    key = word.casefold()
    if len(word) < 3 or word == key.upper() or not any(ch.islower() for ch in word):
        return False
    if word[0].isupper() and word[1:].islower() and word[1:].isalpha() and \
            key not in given_names():
        return False  # "von Berlin": a capitalised word is a user name only as a given name
    from dateline.meta.lang import stopwords

    return key not in stopwords() and key not in _NOT_NAMES and key not in MONTH_NUMBERS and \
        not word[0].isdigit() and not _ACCOUNT.search(word)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (``resources/meta/given_names.txt``, hand-written, case-folded)."""
    text = resources.files("dateline.resources").joinpath("meta/given_names.txt").read_text("utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


def starts_with_given_name(name: str) -> bool:
    """True if a person-shaped name opens with a known given name or an initial ("J. Doe")."""
    words = name.split()
    if not words:
        return False
    first = words[0].strip(".,")
    if len(first) == 1 and first.isupper():
        return True
    return first.casefold() in given_names() or first.split("-")[0].casefold() in given_names()


def parse_name_line(line: str) -> tuple[str, ...] | None:
    """The people a line names with no byline cue, or None: a line (or one of its "|" / "·"
    segments, beside dates and times) that is only a person's name opening with a known given
    name ("Julius Richter", "04.02.2022 | 15:33 Uhr | Dennis Steimels"). Used near the headline
    only, where a bare name is the byline."""
    text = undoubled(" ".join(line.split()))
    if not text or len(text) > 100 or text.endswith(("?", "!")):
        return None  # ("Shaun Morgan?" asks about him: a heading or a teaser, no byline)
    if text.isascii() and not may_open_with_given_name(text):
        return None  # (the quick answer for most lines: no word a name could open with)
    people = []
    for segment in re.split(r"\s+(?:[|•·/–—-]|//)\s+|,\s+(?=\d)", text):
        segment = _ROLE.sub("", names_before_date(_LABEL_TAIL.sub("", segment))).strip(" .,;:|-–—")
        if not segment or date_or_time(segment) or _TRAILING_DATE.match(segment):
            continue
        names = [p.strip(" .") for p in _SPLIT_NAMES.split(segment) if p.strip(" .")]
        if not names or not all(2 <= len(n.split()) <= 4 and name_words(n) <= 3 and
                                person_shaped(n) and not is_organisation(n) and
                                starts_with_given_name(n) for n in names):
            return None
        people.extend(person_case(n) for n in names)
    return tuple(people) or None


_ASCII_LETTER_RUN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def given_name_heads() -> frozenset[str]:
    """The known given names and the first parts of the hyphenated ones ("jean" of
    "jean-pierre"), case-folded."""
    return frozenset(name.split("-")[0] for name in given_names())


def may_open_with_given_name(text: str) -> bool:
    """False only when no name in the ASCII ``text`` can pass ``starts_with_given_name``.

    Every name ``parse_name_line`` tests is cut from the line at spaces, punctuation, digits
    or word boundaries, never inside a run of letters, so its first word opens with a whole
    run of letters of the line: a single capital (an initial) or a known given name (or the
    first part of a hyphenated one) when case-folded. A line with no such run names no one.
    """
    heads = given_name_heads()
    for run in _ASCII_LETTER_RUN.findall(text):
        if (len(run) == 1 and run.isupper()) or run.lower() in heads:
            return True
    return False


_LEADING_DATE = re.compile(  # a date or time opening a WordPress-style "date Name Category" line
    rf"^(?:\d{{1,2}}\.?\s*(?:{MONTH_ALT})\.?,?\s+\d{{4}}|(?:{MONTH_ALT})\.?\s+\d{{1,2}},?\s+\d{{4}}|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(?:\s*(?:uhr|am|pm|h))?)"
    r"[\s,|·•/@–-]*", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-ZÀ-Ý]\.$")


def parse_dated_name_line(line: str) -> tuple[str, ...] | None:
    """The person a date line names with no byline cue, or None: a name opening with a known
    given name right after the dates ("30. Oktober 2023 Carola Pönisch Kultur" → Carola
    Pönisch) or right before them ("Christoph von Ritter 24. April 2020"), or as a whole
    "|"-segment beside them ("Arne Sjöberg | 29. Dezember 2022 | HR-Welt"). Used only on the
    article's own date line."""
    text = " ".join(line.split())
    if len(text) > 160:
        return None
    rest, dated = text, False
    while (match := _LEADING_DATE.match(rest)) and match.end():
        rest, dated = rest[match.end():], True
    if dated and rest:
        name = leading_name(rest)
        if name:
            return (name,)
    name = None if dated else leading_name(text)
    if name and _LEADING_DATE.match(text[len(name):].lstrip(" ,|·•-–—")):
        return (name,)  # "Christoph von Ritter 24. April 2020"
    segments = [seg.strip() for seg in re.split(r"\s+(?:[|•·]|//)\s+", text)]
    if len(segments) > 1 and any(date_or_time(seg) for seg in segments):
        for seg in segments:
            people = parse_name_line(seg) if not date_or_time(seg) else None
            if people:
                return people
    return None


def parse_given_name_line(line: str) -> tuple[str, ...] | None:
    """A line that is one known given name and nothing else ("Benni"), as a person, or None.
    Only evidence beside the article's date line: a lone first name is how many blogs sign."""
    text = line.strip(" .,:;|-–—")
    if " " in text or not text[:1].isupper() or text.isupper() or len(text) < 3:
        return None
    return (text,) if text.casefold() in given_names() else None


def capitalised_after(text: str, name: str) -> bool:
    """True if the word after ``name`` in ``text`` is capitalised (a label or a button beside
    the byline, "Jane Doe Twitter"), not a lower-case word going on ("Jane Doe zu ...")."""
    after = text[len(name):].split()
    return not after or after[0][:1].isupper()


def leading_name(text: str) -> str | None:
    """The person's name opening ``text``: a known given name, then the surname (with any
    initials or particles between), or None."""
    words = text.split()
    if len(words) < 2 or not starts_with_given_name(words[0]) or not words[0][0].isupper():
        return None
    name = [words[0]]
    for word in words[1:]:
        if _INITIAL.match(word) or word.casefold() in _PARTICLES:
            name.append(word)
            continue
        word = word.rstrip(",;")  # "Jane Doe, 24.04.2020": the comma ends the name
        if word[:1].isupper() and word.isalpha() or "-" in word and word[:1].isupper():
            name.append(word)
        break
    candidate = " ".join(name)
    if len(name) < 2 or not person_shaped(candidate) or is_organisation(candidate) or \
            name[-1].casefold() in _PARTICLES or _INITIAL.match(name[-1]):
        return None
    return person_case(candidate)


def name_words(name: str) -> int:
    """How many words of a name are not particles ("Verónica De Vita" → 2)."""
    return sum(w.casefold() not in _PARTICLES for w in name.split())


def byline_rest(text: str) -> str | None:
    """What follows the byline cue ("By ", "Text by ", a date then " by "), or None."""
    if text.startswith("["):  # the anchored patterns below match nowhere else: skip re.sub
        text = _IMAGE_PREFIX.sub("", text)
    text = _GLUED_CUE.sub(r"\1 ", text)
    match = _BYLINE_CUE.match(text)
    if match:
        return text[match.end():]
    segment = _SEGMENT_BY.search(text) if "|" in text or "•" in text or "·" in text else None
    if segment:
        return text[segment.end():]  # "yas! | By Jane Doe | April 13, 2020"
    # (the pattern needs one of its cue words: substring tests skip it on most lines)
    inner = _INNER_BY.search(text) if "by" in text or "von" in text or "par" in text or \
        "por" in text else None
    if inner and inner.start() < 60 and _TRAILING_DATE.search(text[:inner.start()]):
        return text[inner.end():]  # "5:45 AM PST 11/19/2019 by Jane Doe", not "18. Fairway von X"
    return None


def names_before_date(rest: str) -> str:
    """The names of a byline without a date or time that follows them ("Konstantin 21.10.2019"
    → "Konstantin", "Jane Doe on 3/4/2024 at 10:00" → "Jane Doe")."""
    match = _TRAILING_DATE.search(rest)
    if not match or match.start() == 0:
        return rest
    return _BEFORE_DATE.sub("", rest[:match.start()]) or rest


def date_or_time(part: str) -> bool:
    """True for a byline fragment that is a date or a time rather than a name."""
    digits = sum(ch.isdigit() for ch in part)
    return digits * 3 >= len(part.replace(" ", "")) or bool(_CLOCK_OR_DATE.search(part))


def is_organisation(name: str) -> bool:
    """True if a byline name is an organisation or agency rather than a person."""
    key = name.casefold()
    if key in AGENCIES or key in AGENCY_ALIASES or _ORG_WORDS.search(name):
        return True
    if any(ch.isdigit() for ch in name):
        return True
    words = name.split()
    if len(words) >= 2 and words[0].isupper() and words[0].casefold() in AGENCIES:
        return True  # "CNN Business", "AP Sports"
    return name.isupper() and (len(words) == 1 or len(words) > 3)


def person_shaped(name: str) -> bool:
    """True for 1-5 capitalised words that are not navigation words."""
    words = _WORD.findall(name)
    if not 1 <= len(words) <= 5 or len(words) != len(name.split()):
        return False
    if any(w.lower() in _NOT_NAMES for w in words):
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and len(words) >= 2 or \
        (len(words) == 1 and words[0][0].isupper() and len(words[0]) > 2 and not name.isupper())


_NAME_LABEL = re.compile(  # a label or button after the name: "(Sponsored Post)", "Erstellt"
    r"\s*\((?:sponsored|anzeige|advertorial|werbung|gastbeitrag)[^)]*\)$|"
    r"\s+(?:erstellt|ein kommentar|\d*\s*kommentare?|\d*\s*comments?)$|"
    r"^(?:rechtsanwalt|rechtsanwältin|rechtsanwälte)\s+", re.IGNORECASE)
# "Jane DoeStaff", "Jane DoeRSS-Newsfeed neuer Artikel": a label glued to the name
_GLUED_LABEL = re.compile(r"(?<=[a-zà-ÿ])(?:Staff|Redaktion|Reporter|Editor)$|"
                          r"(?<=[a-zà-ÿ]{2})[A-ZÀ-Ý]{2,}[\w-]*(?:\s.*)?$")


def tidy_name(name: str) -> str:
    """A byline name without what markup glued to it: a label or button beside it
    ("Jane Doe (Sponsored Post)", "Jane Doe Erstellt", "Jane DoeStaff"), a profession before
    it ("Rechtsanwalt Jan Roe"), or its own second copy ("Jane DoeJane Doe": name and avatar)."""
    return undoubled(_GLUED_LABEL.sub("", _NAME_LABEL.sub("", name)).strip())


def undoubled(text: str) -> str:
    """``text`` without its second copy when it is the same words twice, glued or spaced
    ("Jane DoeJane Doe", "Jane Doe Jane Doe": a name beside its avatar's alt text)."""
    half = len(text) // 2
    if half <= 3:
        return text
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:]:
        return text[:half]
    return text


def person_case(name: str) -> str:
    """A person's name in normal case ("JANE DOE" → "Jane Doe"); mixed case is kept."""
    return name.title() if name.isupper() else name


def canonical_agency(name: str) -> str:
    """The canonical spelling of an agency or organisation name (e.g. "REUTERS" → "Reuters")."""
    key = name.casefold().strip(" .")
    return AGENCY_ALIASES.get(key) or AGENCIES.get(key) or name.strip(" .")


def is_wire_agency(name: str) -> bool:
    """True for a news agency's name or abbreviation ("AP", "Reuters", "Agence France-Presse")."""
    return canonical_agency(name).casefold() in WIRE_AGENCIES


def parse_sources(line: str) -> list[str] | None:
    """Wire agencies a credit line names ("(FRANCE 24 with AFP, AP and REUTERS)" → AFP, AP,
    Reuters; "(dpa)"; "Mit Material von dpa und AFP"), or None if it is not a credit line."""
    text = " ".join(line.split())
    if not text or len(text) > 120:
        return None
    match = _WIRE_LINE.match(text)
    if not match:
        return None
    names = match["list"] or match["list2"] or match["single"]
    single = match["single"] is not None
    if single and not (text.startswith(("(", "[", "—", "–", "-")) or text.endswith(")")):
        return None
    agencies = []
    for part in _SPLIT_NAMES.split(names or ""):
        part = part.strip(" .()[]")
        key = part.casefold()
        if key in AGENCY_ALIASES or key in AGENCIES:
            agencies.append(canonical_agency(part))
        elif part and not single:
            return None  # a list with a non-agency in it is not a wire credit
    return agencies or None


def caption_credit(text: str) -> str | None:
    """The credit at the end of a photo caption, as written: "Photograph: Seán Mulcahy",
    "REUTERS/Anders Holm/File Photo" → "REUTERS/Anders Holm", "(AP Photo/Ellen Marsh)",
    "... este martes. MARTA LOZANO (EFE)"; None when the line does not end in one."""
    if "/" in text:
        match = _AGENCY_SLASH.search(text)
        if match:
            return " ".join(match[1].split())
    if ":" in text or "：" in text:
        match = _CAPTION_TAIL.search(text)
        if match:
            return match[1]
    match = _CAPS_CREDIT.search(text) if text[-1:] in ")»" or "/" in text[-12:] else None
    return match[1] if match else None


def parse_photo_credit(line: str) -> list[str] | None:
    """Who a photo credit names ("© Photo: AFP" → ["AFP"], "Foto: dpa", "(Photo: Jane
    Roe/Reuters)" at a caption's end, "Courtesy Google" → ["Google"]), or None."""
    text = " ".join(line.split())
    if not text or len(text) > 400:
        return None
    match = _PHOTO_CUE.match(text) if len(text) <= 120 else None
    credit = match[1] if match else None
    if credit is None and len(text) <= 80:
        # (a copyright credit starts with "©", a trailing one needs "(": tested before the patterns)
        found = _COURTESY.match(text) or (text.startswith("©") and _COPYRIGHT_CREDIT.match(text))
        if found:
            credit = found[1]
    if credit is None:
        trailing = _TRAILING_CREDIT.search(text) if "(" in text else None
        credit = trailing[1] if trailing else None
    if credit is None:
        credit = caption_credit(text)
    if not credit:
        return None
    credit = re.sub(r"^courtesy(?:\s+of)?\s+", "", credit.strip(" .;,"), flags=re.IGNORECASE)
    if not credit or len(credit.split()) > 8 or "rights reserved" in text.lower() or \
            credit.lower().startswith(("all rights", "copyright")) or _COMPANY.search(credit):
        return None
    return [canonical_agency(credit)]
