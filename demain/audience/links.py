"""Absolute, signed links for every email sent to a subscriber.

The delivery helper calls these for each newsletter it sends; the pages they
open live in demain/audience/views/.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_urlconf, reverse

from demain.audience import tokens
from demain.audience.models import DownloadLead, Subscriber
from demain.site.links import absolute

TOKEN_SLOT = "~token~"


@lru_cache(maxsize=64)
def _route(name: str, urlconf: str | None) -> tuple[str, str]:
    """The path of a token route, split around the token: reverse() runs once per process."""
    before, _, after = reverse(name, args=[TOKEN_SLOT], urlconf=urlconf).partition(TOKEN_SLOT)
    return before, after


def _link(name: str, token: str) -> str:
    before, after = _route(name, get_urlconf())
    return absolute(before + token + after)


def _url(name: str, purpose: str, pk: int, secret: str) -> str:
    return _link(name, tokens.make(purpose, pk, secret))


@dataclass(frozen=True)
class PersonalLinks:
    """Every link of one newsletter email, each token signed once."""

    preferences: str
    unsubscribe: str
    one_click: str

    @property
    def headers(self) -> dict[str, str]:
        return {"List-Unsubscribe": f"<{self.one_click}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def personal_links(subscriber: Subscriber) -> PersonalLinks:
    leave = tokens.make(tokens.UNSUBSCRIBE, subscriber.pk, subscriber.key)
    return PersonalLinks(
        preferences=_url("audience:preferences", tokens.MANAGE, subscriber.pk, subscriber.key),
        unsubscribe=_link("audience:unsubscribe", leave),
        one_click=_link("audience:one_click_unsubscribe", leave),
    )


def preferences_url(subscriber: Subscriber) -> str:
    return _url("audience:preferences", tokens.MANAGE, subscriber.pk, subscriber.key)


def unsubscribe_url(subscriber: Subscriber) -> str:
    """The visible link: a page that asks for one click (a POST) before leaving."""
    return _url("audience:unsubscribe", tokens.UNSUBSCRIBE, subscriber.pk, subscriber.key)


def one_click_unsubscribe_url(subscriber: Subscriber) -> str:
    """RFC 8058 endpoint: a POST with List-Unsubscribe=One-Click unsubscribes at once."""
    return _url("audience:one_click_unsubscribe", tokens.UNSUBSCRIBE, subscriber.pk, subscriber.key)


def list_unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    return PersonalLinks("", "", one_click_unsubscribe_url(subscriber)).headers


def confirm_url(subscriber: Subscriber) -> str:
    return _url("audience:confirm", tokens.CONFIRM, subscriber.pk, subscriber.confirm_nonce)


def export_url(subscriber: Subscriber) -> str:
    return _url("audience:export", tokens.DATA, subscriber.pk, subscriber.key)


def erase_url(subscriber: Subscriber) -> str:
    return _url("audience:erase", tokens.DATA, subscriber.pk, subscriber.key)


def download_url(lead: DownloadLead) -> str:
    return _url("audience:download", tokens.DOWNLOAD, lead.pk, lead.nonce)
