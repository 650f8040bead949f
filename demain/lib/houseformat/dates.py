"""Dates written the French way: « 22 novembre 2026 », « 1er mars 2027 », or ISO."""

from __future__ import annotations

import datetime
import re

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
FRENCH = re.compile(r"^(?:[a-zé]+\s+)?(\d{1,2})(?:er)?\s+([a-zéû]+)\s+(\d{4})$", re.IGNORECASE)


def parse_date(text: str) -> datetime.date | None:
    text = " ".join(text.split())
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    match = FRENCH.match(text)
    if not match or match.group(2).lower() not in MONTHS:
        return None
    day, month, year = int(match.group(1)), MONTHS.index(match.group(2).lower()) + 1, int(match.group(3))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def format_date(date: datetime.date) -> str:
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTHS[date.month - 1]} {date.year}"
