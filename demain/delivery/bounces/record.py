"""Store bounce events first, then apply their effects, each exactly once.

Effects:

- hard bounce: the subscriber becomes ``bounced`` and the address is suppressed;
- complaint: the subscriber becomes ``unsubscribed`` and the address is suppressed;
- soft bounce: recorded; ``BOUNCE_SOFT_LIMIT`` soft bounces within
  ``BOUNCE_SOFT_WINDOW_DAYS`` days count as a hard bounce;
- notice: recorded only.

An event is identified by (provider, event key); receiving it again stores
nothing and changes nothing. Processing claims the event with a conditional
UPDATE inside the transaction that applies its effects, so two processes never
apply one event twice; a failure leaves the event pending (``demain bounces
retry``) with its error.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from demain.audience.models import Subscriber, Suppression, email_hash
from demain.delivery.bounces.models import BounceEvent
from demain.delivery.bounces.parsers import Event

log = logging.getLogger(__name__)
Kind = BounceEvent.Kind


def store(provider: str, raw: str, events: Iterable[Event]) -> tuple[list[BounceEvent], int]:
    """Save new events (all or none); return them and how many were duplicates."""
    created, duplicates = [], 0
    with transaction.atomic():
        for event in events:
            row, is_new = BounceEvent.objects.get_or_create(
                provider=provider,
                event_key=hashlib.sha256(event.key.encode()).hexdigest(),
                defaults={
                    "kind": event.kind,
                    "email": event.email,
                    "email_hash": email_hash(event.email) if event.email else "",
                    "reason": event.reason,
                    "raw": raw,
                },
            )
            if is_new:
                created.append(row)
            else:
                duplicates += 1
    return created, duplicates


def process_all(events: Iterable[BounceEvent]) -> int:
    """Apply each event's effects; return how many failed (they stay pending)."""
    failed = 0
    for event in events:
        try:
            process(event)
        except Exception as error:  # noqa: BLE001 - kept on the row, retried later
            log.exception("bounce event %s: processing failed", event.pk)
            BounceEvent.objects.filter(pk=event.pk).update(error=f"{type(error).__name__}: {error}")
            failed += 1
    return failed


def process(event: BounceEvent) -> bool:
    """Apply one event's effects unless already done; True when applied now."""
    with transaction.atomic():
        claimed = BounceEvent.objects.filter(pk=event.pk, processed_at__isnull=True).update(
            processed_at=timezone.now(), error=""
        )
        if not claimed:
            return False
        if event.kind == Kind.HARD or (event.kind == Kind.SOFT and soft_limit_reached(event.email_hash)):
            suppress(event.email, Subscriber.Status.BOUNCED, Suppression.Reason.BOUNCED)
        elif event.kind == Kind.COMPLAINT:
            suppress(event.email, Subscriber.Status.UNSUBSCRIBED, Suppression.Reason.COMPLAINT)
    return True


def soft_limit_reached(hashed: str) -> bool:
    since = timezone.now() - timedelta(days=settings.BOUNCE_SOFT_WINDOW_DAYS)
    recent = BounceEvent.objects.filter(email_hash=hashed, kind=Kind.SOFT, received_at__gte=since)
    return recent.count() >= settings.BOUNCE_SOFT_LIMIT


def suppress(email: str, status: str, reason: str) -> None:
    """Suppress the address and move its subscriber (if any) to ``status``."""
    Suppression.objects.get_or_create(email_hash=email_hash(email), defaults={"reason": reason})
    subscriber = Subscriber.objects.filter(email__iexact=email.strip())
    if status == Subscriber.Status.UNSUBSCRIBED:
        subscriber.exclude(status=status).update(status=status, unsubscribed_at=timezone.now())
    else:
        subscriber.filter(status__in=[Subscriber.Status.PENDING, Subscriber.Status.CONFIRMED]).update(status=status)


def retry_pending() -> tuple[int, int]:
    """Process every stored event not processed yet: (processed, failed)."""
    pending = list(BounceEvent.objects.filter(processed_at__isnull=True).order_by("id"))
    failed = process_all(pending)
    return len(pending) - failed, failed
