"""When to come back: Retry-After, poll intervals and backoff (pure arithmetic on headers)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

MAX_INTERVAL = timedelta(days=1)


def http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """The moment a Retry-After header (seconds or an HTTP date) allows a new try, or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return now + timedelta(seconds=int(value))
    moment = http_date(value)
    if moment is None:
        return None
    return max(moment, now)


def max_age(cache_control: str | None) -> int | None:
    match = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", cache_control or "", re.IGNORECASE)
    return int(match.group(1)) if match else None


def poll_interval(headers: dict[str, str], ttl_minutes: int | None, floor: timedelta,
                  now: datetime) -> timedelta:
    """How long to wait before polling again.

    Each of Cache-Control max-age, Expires (against the response's Date, else now) and the
    feed's TTL asks us to wait at least that long; the longest wins, never under ``floor``
    and never over a day (a feed that says "a year" is still read daily).
    """
    waits = [floor]
    age = max_age(headers.get("cache-control"))
    if age is not None:
        waits.append(timedelta(seconds=age))
    expires = http_date(headers.get("expires"))
    if expires is not None:
        reference = http_date(headers.get("date")) or now
        waits.append(expires - reference)
    if ttl_minutes:
        waits.append(timedelta(minutes=ttl_minutes))
    return min(max(waits), max(MAX_INTERVAL, floor))


def backoff(failures: int, floor: timedelta) -> timedelta:
    """Exponential backoff after ``failures`` consecutive failures: floor, 2×, 4×… capped at a day."""
    if failures <= 0:
        return floor
    return min(floor * (2 ** (failures - 1)), max(MAX_INTERVAL, floor))
