"""Defences of the public forms: rate limits, honeypot, minimum fill time.

Counters live in Django's cache, which settings point at the database, so a
limit holds across every worker process.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from demain.site.proxy import client_ip_hash

WINDOW_SECONDS = 3600
STARTED_SALT = "demain.audience.form-started"


ip_hash = client_ip_hash  # the one reading of the client's address (demain.site.proxy)


def _hit(key: str, limit: int) -> bool:
    """Count one hit for key in the current window; False once the limit is passed."""
    window = int(time.time() // WINDOW_SECONDS)
    full_key = f"rate:{key}:{window}"
    cache.add(full_key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit


def allow_ip(request) -> bool:
    return _hit(f"ip:{ip_hash(request)}", settings.FORM_RATE_PER_IP)


def allow(request, scope: str, limit: int) -> bool:
    """One more hit of ``scope`` (« question »…) from the client's IP this hour; False past ``limit``."""
    return _hit(f"{scope}:ip:{ip_hash(request)}", limit)


def allow_address(email: str) -> bool:
    digest = hashlib.sha256(email.lower().encode()).hexdigest()
    return _hit(f"address:{digest}", settings.FORM_RATE_PER_ADDRESS)


def started_stamp() -> str:
    """Signed time at which a form was shown; the form sends it back."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


def filled_too_fast(stamp: str) -> bool:
    """True when the stamp is missing, forged, older than a day, or too recent."""
    try:
        started = signing.loads(stamp, salt=STARTED_SALT, max_age=86400)
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - float(started) < settings.FORM_MIN_SECONDS
