"""Absolute, signed links for every email sent to a subscriber.

The delivery helper calls these for each newsletter it sends; the pages they
open live in demain/audience/views/.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from demain.audience import tokens
from demain.audience.models import DownloadLead, Subscriber


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _url(name: str, purpose: str, pk: int, secret: str) -> str:
    return absolute(reverse(name, args=[tokens.make(purpose, pk, secret)]))


def preferences_url(subscriber: Subscriber) -> str:
    return _url("audience:preferences", tokens.MANAGE, subscriber.pk, subscriber.key)


def unsubscribe_url(subscriber: Subscriber) -> str:
    """The visible link: a page that asks for one click (a POST) before leaving."""
    return _url("audience:unsubscribe", tokens.UNSUBSCRIBE, subscriber.pk, subscriber.key)


def one_click_unsubscribe_url(subscriber: Subscriber) -> str:
    """RFC 8058 endpoint: a POST with List-Unsubscribe=One-Click unsubscribes at once."""
    return _url("audience:one_click_unsubscribe", tokens.UNSUBSCRIBE, subscriber.pk, subscriber.key)


def list_unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{one_click_unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirm_url(subscriber: Subscriber) -> str:
    return _url("audience:confirm", tokens.CONFIRM, subscriber.pk, subscriber.confirm_nonce)


def export_url(subscriber: Subscriber) -> str:
    return _url("audience:export", tokens.DATA, subscriber.pk, subscriber.key)


def erase_url(subscriber: Subscriber) -> str:
    return _url("audience:erase", tokens.DATA, subscriber.pk, subscriber.key)


def download_url(lead: DownloadLead) -> str:
    return _url("audience:download", tokens.DOWNLOAD, lead.pk, lead.nonce)
