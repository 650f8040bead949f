"""Absolute links, built on settings.SITE_URL (the public address), never on the request's host."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def site_protocol() -> str:
    return urlsplit(settings.SITE_URL).scheme


def site_domain() -> str:
    """Host (and port), as the sitemap framework wants it."""
    return urlsplit(settings.SITE_URL).netloc
