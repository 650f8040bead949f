"""Absolute links, built on settings.SITE_URL (the public address), never on the request's host."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def site_protocol() -> str:
    return urlsplit(settings.SITE_URL).scheme


def site_domain() -> str:
    """Host (and port), as the sitemap framework wants it."""
    return urlsplit(settings.SITE_URL).netloc


def legal_links() -> dict[str, str]:
    """The legal notice and the privacy policy, for every email's footer."""
    return {"legal_notice_url": absolute(reverse("legal_notice")), "privacy_url": absolute(reverse("privacy_policy"))}
