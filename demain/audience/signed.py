"""Find the subscriber a signed link names, or None when the link is bad or revoked."""

from __future__ import annotations

from datetime import timedelta

from demain.audience import tokens
from demain.audience.models import Subscriber


def subscriber_from(token: str, purpose: str = tokens.MANAGE, max_age_days: int | None = None) -> Subscriber | None:
    max_age = timedelta(days=max_age_days) if max_age_days else None
    try:
        pk, key = tokens.read(purpose, token, max_age=max_age)
    except tokens.BadToken:
        return None
    return Subscriber.objects.filter(pk=pk, key=key).first()
