"""Dates and times of day, found before the quantities so that « 12 mars 2025 »
is one date and not the numbers 12 and 2025.

Forms: « 12 mars 2025 », « 1er mars », « mars 2025 », « March 12, 2025 »,
« 12 March 2025 », « March 2025 », « 2025-03-12 », « 12/03/2025 » (day first
in French, month first in English), « 14 h 05 », « à 14 h » (a bare « 3 h » is a duration), « 2:30 pm », and
years (1900–2099) where the text shows a year: after a cue word (« en »,
« in », « depuis », « by »…), before punctuation, in ranges (« 2020-2025 »),
decades (« 2020s », « années 2020 »). Each date carries an ISO form:
``2025-03-12``, ``2025-03``, ``2025``, ``--03-12`` (no year), ``T14:05``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import Spans

__all__ = ["DateMatch", "find_dates", "is_year_context"]

_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12,
    "déc": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "november": 11, "december": 12, "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_SP = r"[ \u00a0\u202f\u2009]+"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"

_PATTERNS = [
    re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])"),
    re.compile(r"(?<![\w/])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<year>\d{4})(?![\w/])"),
    re.compile(r"(?<![\w])" + _DAY + _SP + _MONTH + r"(?:" + _SP + _YEAR + r")?(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w])" + _MONTH + _SP + _DAY + r"(?:," + r"?" + _SP + _YEAR + r")?(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w])" + _MONTH + _SP + _YEAR + r"(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w])(?P<hour>[0-2]?\d)[ \u00a0\u202f]?h[ \u00a0\u202f]?(?P<minute>[0-5]\d)?(?![\w])"),
    re.compile(r"(?<![\w:])(?P<hour>[01]?\d):(?P<minute>[0-5]\d)[ \u00a0\u202f]?(?P<ampm>[ap]\.?m\.?)(?![\w])",
               re.IGNORECASE),
]
_DECADE = re.compile(r"(?<![\w])(?:(?:années|annees)" + _SP + r"(?P<y1>(?:19|20)\d0)|(?P<y2>(?:19|20)\d0)'?s)(?![\w])",
                     re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![\w.,\u00a0\u202f])(?P<year>(?:19|20)\d{2})(?![\w]|[.,]\d|[ \u00a0\u202f\u2009]\d{3}(?!\d))")
_YEAR_CUES = set(
    "en in since depuis d'ici by avant après after before until jusqu'en jusqu'à dès from to of "
    "de du et and à au fin début mi early late mid année year l'an an ou or en-tête vers around "
    "circa en l'année dans the le la les entre between through printemps été automne hiver "
    "spring summer autumn fall winter".split()
)
_AFTER_STOP = set("a est était sera fut was is will has had have the le la les , . ; : ) – — -".split())


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def _iso(year, month, day) -> str | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_year_context(text: str, start: int, end: int) -> bool:
    """Whether a four-digit number at [start, end) reads as a year."""
    before = text[max(0, start - 20):start].split()
    previous = before[-1].lower().strip("(«\"“") if before else ""
    if previous.endswith(("'", "’")):
        previous = previous.replace("’", "'")
    if previous in _YEAR_CUES or previous[-3:] in ("d'i",) or re.fullmatch(r"\d{4}[-–]?", previous):
        return True
    after = text[end:end + 12]
    if not after.strip() or after[:1] in ".,;:)!?–—-/" or after.lstrip()[:1] in "«\"“”»":
        return True
    first = after.split()[0].lower() if after.split() else ""
    return first in _AFTER_STOP


def find_dates(text: str, lang: str) -> list[DateMatch]:
    """Every date in the text, left to right, without overlaps."""
    found: list[DateMatch] = []
    taken = Spans()

    def keep(start, end, iso):
        if iso and taken.free(start, end):
            found.append(DateMatch(start, end, iso))
            taken.append((start, end))

    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if "hour" in groups and groups["hour"] is not None:
                hour = int(groups["hour"])
                if groups.get("ampm"):
                    hour = hour % 12 + (12 if groups["ampm"].lower().startswith("p") else 0)
                minute = int(groups["minute"] or 0)
                before = text[max(0, match.start() - 6):match.start()].split()
                clock = groups["minute"] or groups.get("ampm") or (
                    before and before[-1].lower() in ("à", "vers", "dès", "at", "jusqu'à"))
                if hour <= 23 and clock:
                    keep(match.start(), match.end(), f"T{hour:02d}:{minute:02d}")
                continue
            if "a" in groups and groups["a"] is not None:
                a, b = int(groups["a"]), int(groups["b"])
                day, month = (a, b) if lang == "fr" else (b, a)
                keep(match.start(), match.end(), _iso(int(groups["year"]), month, day))
                continue
            month = groups["month"]
            month = int(month) if month.isdigit() else _MONTHS[month.lower()]
            year = int(groups["year"]) if groups.get("year") else None
            day = int(groups["day"]) if groups.get("day") else None
            # « mai » and « mar » alone are words, not dates: ask for a day or a year
            if day is None and year is None:
                continue
            keep(match.start(), match.end(), _iso(year, month, day))
    for match in _DECADE.finditer(text):
        keep(match.start(), match.end(), (match.group("y1") or match.group("y2"))[:3] + "X")
    for match in _YEAR_RE.finditer(text):
        if is_year_context(text, match.start(), match.end()):
            keep(match.start(), match.end(), match.group("year"))
    found.sort(key=lambda d: d.start)
    return found
