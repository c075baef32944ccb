"""Visible date lines → ISO 8601, and whether each says *published* or *updated*.

Fast paths handle ISO and numeric dates with regexes; anything with a month name goes to
``dateparser`` (the multilingual date-parsing library), but only after a cheap pre-filter says the
line looks like a date line at all — dateparser costs about a millisecond a call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal

MIN_YEAR, MAX_YEAR = 1995, 2035
MAX_OTHER_WORDS = 12  # a date inside a longer sentence is body text, not a date line

_UPDATED_CUE = re.compile(
    r"\b(?:updated?|last (?:updated|modified)|latest update|modified|aktualisiert|geändert|stand|"
    r"(?:letzte\s+)?änderung|dernière modification|ultima modifica|"
    r"mis à jour|mise à jour|modifié|actualizad[oa]|actualización|aggiornat[oa]|"
    r"zaktualizowano|aktualizacja|bijgewerkt|gewijzigd|atualizad[oa]|uppdaterad)\b", re.IGNORECASE)
_PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|first published|date created|created|released|issued|on air|"
    r"veröffentlicht|erschienen|erstellt|publié|publiée|publicad[oa]|publicación|pubblicat[oa]|"
    r"opublikowano|gepubliceerd|geplaatst|publicad[oa] em|publicerad)\b", re.IGNORECASE)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?"
                  r"(Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-]) ?(\d{1,2})\2 ?(\d{4}|\d{2})(?![\d.])")
_CLOCK = re.compile(r"(?<!\d)(\d{1,2})[:.h](\d{2})(?:\s*([ap])\.?m\.?)?(?!\d)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_GLUED_YEAR_CLOCK = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2}[:.]\d\d(?!\d))")
_GLUED_YEAR_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d{1,2}\.?\s*[^\W\d_]{3,})")  # "20199. Februar"
_GLUED_WORD = re.compile(r"(?<=[\dA-Z])(?=(?:[A-Z][a-z]{2,}))")
_BYLINE_WORD = re.compile(r"(?:^|\s)(?:by|von|par|por|di|door|av|af)\s", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SEGMENT_SEP = re.compile(r"\s*[|·•⋅]\s*|\s+[—–]\s+")  # between parts of a metadata line
_SEGMENT_DASH = re.compile(r"\s+-\s+")  # ... and, when those give no date, a spaced hyphen
_SEPARATORS = "·•⋅—–"  # with "|" and " - ", one of these is in any text _SEGMENT_SEP matches
MONTH_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate((
        "jan january januar jänner janvier enero gennaio stycznia styczeń januari janeiro janv ene gen",
        "feb february februar février fevrier febrero febbraio lutego luty februari fevereiro févr fev",
        "mar march märz mars marzo marca marzec maart março mrz",
        "apr april avril abril aprile kwietnia kwiecień avr abr",
        "may mai mayo maggio maja maj mei maio mag",
        "jun june juni juin junio giugno czerwca czerwiec junho giu",
        "jul july juli juillet julio luglio lipca lipiec julho juil lug",
        "aug august août aout agosto sierpnia sierpień augustus ago",
        "sep sept september septembre septiembre setiembre settembre września wrzesień setembro set",
        "oct october oktober octobre octubre ottobre października październik outubro okt ott out",
        "nov november novembre noviembre listopada listopad novembro",
        "dec december dezember décembre decembre diciembre dicembre grudnia grudzień dezembro "
        "déc dez dic"), start=1):
    for _name in _names.split():
        MONTH_NUMBERS[_name] = _number
MONTH_ALT = "|".join(sorted(map(re.escape, MONTH_NUMBERS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?({MONTH_ALT})\.?,?\s+(?:de\s+)?"
    rf"(\d{{4}})(?!\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![^\W\d_])({MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
    re.IGNORECASE)

# words that may stand in a date line besides the date itself (cues, weekdays, zones, "at", "by")
_DATE_WORDS = frozenset(
    "am pm a p m at on by the of de del la le el il à um uhr h gmt utc bst cet cest est edt pst "
    "pdt cst cdt mst et z ist aest jst hkt sgt mon tue wed thu fri sat sun monday tuesday wednesday "
    "thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
    "sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica on den le der die das "
    "date time comment comments kommentar kommentare schreibe einen leave reply commentaire "
    "commentaires comentario comentarios".split())
_ZONES = {"gmt": "+00:00", "utc": "+00:00", "z": "+00:00", "bst": "+01:00", "cet": "+01:00",
          "cest": "+02:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
          "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "et": "-05:00"}


@dataclass(frozen=True)
class DateLine:
    """A date line on a page: what it says (``kind``), the date (``iso``) and the matched text."""

    kind: Literal["published", "updated", "unknown"]
    iso: str
    matched: str


def find_dates(line: str, day_first: bool | None = None) -> list[DateLine]:
    """Every dated statement on one line: "Publié le 12 mars 2025, modifié le 12 mars 2025"
    gives a published and an updated ``DateLine``; most lines give one or none. ``day_first``
    says how the page writes "07/05/2022" (None: month first, the English way)."""
    if not _DIGIT.search(line):
        return []  # every date line holds a digit (``find_date_line``, of the line or a segment)
    line = unglued(line)
    first = find_date_line(line, day_first)
    if first is None:
        first = segment_date(line, day_first)
    if first is None or first.kind == "unknown":
        return [first] if first else []
    if first.kind == "updated":
        cue = _UPDATED_CUE.search(line)
        before = find_date_line(line[:cue.start()], day_first) if cue and cue.start() > 0 \
            else None
        if before and before.kind != "updated":  # "Nov. 20, 2019 Updated: Nov. 20, 1:35 a.m."
            return [DateLine(kind="published", iso=before.iso, matched=before.matched), first]
    other_cue = _UPDATED_CUE if first.kind == "published" else _PUBLISHED_CUE
    match = other_cue.search(line)
    if match and match.start() > 0:
        second = find_date_line(line[match.start():], day_first)
        if second and second.kind != first.kind:
            return [first, second]
    return [first]


PROSE_MIN_WORDS = 4  # words besides the date's a line ending like a sentence has to be prose


def reads_as_prose(line: str) -> bool:
    """True for a line that is a sentence about a date ("Dieser Artikel ist ursprünglich am
    27. Februar 2017 erschienen."): it ends like one and holds ``PROSE_MIN_WORDS`` words or
    more that are no month, weekday, zone or cue word (a date line's "PUBLISHED: November 8,
    2023 at 11:30 p.m." has one)."""
    text = line.rstrip(" \"'”’»)")
    if not text.endswith((".", "!", "?")):
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w not in MONTH_NUMBERS and w not in _DATE_WORDS for w in words) >= PROSE_MIN_WORDS


def slash_order_evidence(lines) -> bool | None:
    """How a page writes numeric slash dates, from the ones that can only be read one way:
    True if one reads day first ("16/04/2020"), False if one reads month first ("04/16/2020"),
    None when none tells (every part 12 or less) or they disagree."""
    day = month = False
    for a, b in slash_date_parts(lines):
        day |= a > 12 >= b
        month |= b > 12 >= a
    return day if day != month else None


def has_ambiguous_slash_date(lines) -> bool:
    """True if a line holds a slash date whose day and month are both 12 or less."""
    return any(a <= 12 and b <= 12 for a, b in slash_date_parts(lines))


def slash_date_parts(lines):
    """The first two numbers of each numeric slash date in ``lines`` ("16/04/2020" → 16, 4),
    read as ``find_dates`` reads them (spaces put back: "06/11/20230 Kommentare")."""
    for line in lines:
        if "/" in line:
            for match in _NUMERIC.finditer(unglued(line)):
                if match[2] == "/":
                    yield int(match[1]), int(match[3])


def unglued(line: str) -> str:
    """A date line with the spaces put back that markup without whitespace between its spans
    loses ("Nov. 20, 2019Updated: Nov. 20", "Nov 19 20197:16 AM ESTUpdated")."""
    if not (_GLUED_YEAR_CLOCK.search(line) or _GLUED_WORD.search(line) or
            _GLUED_YEAR_DAY.search(line)):
        return line
    line = _GLUED_YEAR_DAY.sub(r"\1 \2", _GLUED_YEAR_CLOCK.sub(r"\1 \2", line))
    return _GLUED_WORD.sub(" ", line)


def segment_date(line: str, day_first: bool | None = None) -> DateLine | None:
    """The date of the first dated segment of a metadata line whose parts are set off by
    separators ("3. August 2015 · Filed under Travel", "28.04.2021 - 07:18 | Quelle: dpa",
    "24.01.2022 - Meldung - Energiewende"), or None. Each segment must be a date line by
    itself."""
    if len(line) > 200 or not has_separator(line):
        return None
    for separator in (_SEGMENT_SEP, _SEGMENT_DASH):
        if not separator.search(line):
            continue
        for segment in separator.split(line):
            found = find_date_line(segment, day_first)
            if found:
                return DateLine(kind=found.kind, iso=found.iso, matched=line.strip())
    return None


def has_separator(line: str) -> bool:
    """True if ``line`` holds a character that ``_SEGMENT_SEP`` or ``_SEGMENT_DASH`` needs
    (faster than the patterns)."""
    if "|" in line or " - " in line:
        return True
    return not line.isascii() and any(sep in line for sep in _SEPARATORS)


def find_date_line(line: str, day_first: bool | None = None) -> DateLine | None:
    """The date a short line states and its kind, or None for anything that is not a date line.

    "Latest update : 2014-01-06" → updated 2014-01-06; "Published Feb. 26, 2024 4:10 PM EST" →
    published 2024-02-26T16:10:00-05:00; "26. Februar 2024" → unknown 2024-02-26. A line whose
    other words make it a sentence (more than ``MAX_OTHER_WORDS``) is not a date line.
    """
    if len(line) > 200 or not _DIGIT.search(line):
        return None
    words = [w.lower() for w in _WORD.findall(line)]
    has_month = any(w in MONTH_NUMBERS for w in words)
    if not has_month and not _ISO.search(line) and not _NUMERIC.search(line):
        return None
    other = [w for w in words if w not in MONTH_NUMBERS and w not in _DATE_WORDS]
    if len(other) > MAX_OTHER_WORDS:
        return None
    cue_updated = _UPDATED_CUE.search(line)
    cue_published = _PUBLISHED_CUE.search(line)
    if len(other) > 3 and not (cue_updated or cue_published or _BYLINE_WORD.search(line)):
        return None
    segment = line
    kind: Literal["published", "updated", "unknown"] = "unknown"
    if cue_published and cue_updated:
        # "Published 3 May 2024, updated 4 May 2024": the published part comes first here
        first, second = sorted((cue_published, cue_updated), key=lambda m: m.start())
        kind = "published" if first is cue_published else "updated"
        segment = line[first.end():second.start()]
    elif cue_updated:
        kind, segment = "updated", line[cue_updated.end():]
    elif cue_published:
        kind, segment = "published", line[cue_published.end():]
    iso = (parse_date(segment, fallback=kind != "unknown", day_first=day_first)
           or parse_date(line, fallback=False, day_first=day_first))
    if iso is None:
        return None
    return DateLine(kind=kind, iso=iso, matched=line.strip())


_LEADING_DATE = (  # a date opening a line: ISO, numeric (a year glued to what follows too:
    # "17/11/201917/11/2019"), day-month-year and month-day-year
    re.compile(r"\W{0,3}(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"\W{0,3}(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)"),
    re.compile(_DAY_MONTH_YEAR.pattern.removeprefix("(?<!\\d)").replace("(?!\\d)", ""),
               re.IGNORECASE),
    re.compile(_MONTH_DAY_YEAR.pattern.removeprefix("(?<![^\\W\\d_])").replace("(?!\\d)", ""),
               re.IGNORECASE),
)


def leading_date(line: str, day_first: bool | None = None) -> str | None:
    """ISO day of the date a line opens with, whatever follows it ("01.02.2022 „Der
    Arbeitsmarkt ist gut ...", "7. Januar 20220" with a comment count glued on), or None."""
    head = line.lstrip(" \t•*·-–—|[(")
    for pattern in _LEADING_DATE:
        match = pattern.match(head)
        if match:
            iso = parse_date(match.group(0), fallback=False, day_first=day_first)
            return iso[:10] if iso else None
    return None


def parse_date(text: str, languages: list[str] | None = None, *, fallback: bool = True,
               day_first: bool | None = None) -> str | None:
    """ISO 8601 of the first date in ``text``: a day, or a datetime when a time is given.

    ISO and numeric dates ("2014-01-06", "26.02.2024", "11/19/2019") are read directly; dates
    with month names go to dateparser. Numeric day/month order: a part over 12 decides; else
    month-first for English (``languages`` ["en"]) and day-first otherwise, unless
    ``day_first`` says how the page writes them. ``fallback``
    allows the slow dateparser path for forms the fast paths do not know.
    """
    if not _DIGIT.search(text):
        return None
    match = _ISO.search(text)
    if match:
        return iso_from_parts(int(match[1]), int(match[2]), int(match[3]),
                              match[4], match[5], match[6], match[7])
    match = _NUMERIC.search(text)
    if match and not any(w.lower() in MONTH_NUMBERS for w in _WORD.findall(text)):
        a, b, year = int(match[1]), int(match[3]), int(match[4])
        year += 2000 if year < 100 else 0
        english = (languages or ["en"])[0] == "en" if day_first is None else not day_first
        month_first = (b > 12 >= a) or (a <= 12 and b <= 12 and match[2] == "/" and english)
        month, day = (a, b) if month_first else (b, a)
        clock = _CLOCK.search(text[match.end():])
        hour, minute = clock_parts(clock)
        return iso_from_parts(year, month, day, hour, minute, None, zone_of(text))
    named = named_month_date(text)
    if named or not fallback:
        return named
    if _RELATIVE.search(text):
        return None  # "3 hours ago" is relative to a capture time the text does not give
    return parse_with_dateparser(text.strip(), tuple(languages or FALLBACK_LANGUAGES))


def named_month_date(text: str) -> str | None:
    """ISO 8601 for "26 February 2024", "Feb. 26, 2024", "26. Februar 2024", "26 de febrero de
    2024" and the like (month names in the languages of ``MONTH_NUMBERS``), with a clock time
    after the date when there is one."""
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        day, month, year = int(match[1]), MONTH_NUMBERS[match[2].lower()], int(match[3])
    else:
        match = _MONTH_DAY_YEAR.search(text)
        if not match:
            return None
        month, day, year = MONTH_NUMBERS[match[1].lower()], int(match[2]), int(match[3])
    clock = _CLOCK.search(text[match.end():]) or _CLOCK.search(text[:match.start()])
    hour, minute = clock_parts(clock)
    return iso_from_parts(year, month, day, hour, minute, None, zone_of(text) if hour else None)


def clock_parts(clock: re.Match | None) -> tuple[str | None, str | None]:
    """Hour and minute strings (24-hour) from a clock-time match."""
    if clock is None:
        return None, None
    hour = int(clock[1])
    if clock[3]:
        hour = hour % 12 + (12 if clock[3].lower() == "p" else 0)
    return str(hour), clock[2]


def zone_of(text: str) -> str | None:
    """A UTC offset for a zone abbreviation in ``text`` (EST, GMT, CET...), or None."""
    for word in _WORD.findall(text):
        offset = _ZONES.get(word.lower())
        if offset and word.isupper():
            return offset
    return None


def iso_from_parts(year: int, month: int, day: int, hour=None, minute=None, second=None,
                   zone=None) -> str | None:
    """ISO 8601 text for the parts, or None when they are not a plausible date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        moment = datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if hour is None:
        return moment.date().isoformat()
    text = moment.isoformat()
    if zone:
        text += "+00:00" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
    return text


# Languages dateparser tries when the caller names none: trying all 200 locales costs ~1 s a call.
FALLBACK_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
_RELATIVE = re.compile(r"\b(?:ago|vor|il y a|hace|fa|temu|geleden|sedan|today|yesterday|heute|"
                       r"gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|dzisiaj|wczoraj)\b",
                       re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_with_dateparser(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 8601 from dateparser, for the date forms the fast paths do not know (the day must
    be given: "March 2024" alone is not a publication date). Slow (~1-100 ms): last resort."""
    if len(text) > 80:
        return None
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    try:
        moment = dateparser.parse(text, languages=list(languages) or None, settings=settings)
    except (ValueError, OverflowError, TypeError, RecursionError, KeyError):
        return None
    if moment is None or not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    if not _CLOCK.search(text):
        return moment.date().isoformat()
    iso = moment.replace(microsecond=0, tzinfo=None).isoformat()
    zone = zone_of(text)
    return iso + zone if zone else iso
