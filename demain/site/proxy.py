"""The client's IP address, the one way every part of demain reads it.

Only a peer listed in ``TRUSTED_PROXIES`` may speak for the client through
``X-Forwarded-For`` / ``X-Forwarded-Proto`` / ``X-Forwarded-Host``; from anyone
else those headers are dropped before any other code sees them.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

from demain.lib import proxies

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
                     "HTTP_X_REAL_IP", "HTTP_FORWARDED")


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> list[proxies.Network]:
    return proxies.parse_networks(values)


def trusted_networks() -> list[proxies.Network]:
    return _networks(tuple(settings.TRUSTED_PROXIES))


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or what a trusted proxy says it saw."""
    return proxies.client_ip(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""),
                             trusted_networks())


def client_ip_hash(request: HttpRequest) -> str:
    """Keyed hash of the client's IP: enough to count and to prove, never the IP itself."""
    return ip_hash(client_ip(request))


def ip_hash(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def drop_untrusted_forwarding(meta: dict) -> None:
    """Remove the forwarding headers from a request's META (or a WSGI environ) unless its peer is a
    trusted proxy: the one rule, for the middleware and for the page cache in front of Django."""
    if not proxies.is_trusted(meta.get("REMOTE_ADDR", ""), trusted_networks()):
        for name in FORWARDED_HEADERS:
            meta.pop(name, None)


class TrustedProxyMiddleware:
    """Drop forwarding headers a client could have written itself (first in MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        drop_untrusted_forwarding(request.META)
        return self.get_response(request)
