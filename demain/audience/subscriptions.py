"""What happens to a subscriber: ask, confirm, leave, come back, export, erase.

Every change is a conditional UPDATE, so double clicks and concurrent workers
cannot apply it twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from demain.audience import consent
from demain.audience.models import ConsentRecord, Subscriber, Suppression
from demain.audience.models.readers import new_key

S = Subscriber.Status
RESEND_AFTER = timedelta(hours=1)


@transaction.atomic
def request_subscription(email: str, interests: list[str], ip_hash: str, source: str = "") -> None:
    """Record a sign-up request; the caller learns nothing about the address (no enumeration).

    Enqueues at most one confirmation email per address per hour. Confirmed
    subscribers are left alone, and suppressed addresses are never mailed.
    """
    from demain.audience.tasks import send_confirmation

    if Suppression.covers(email):
        return
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"interests": interests, "source": source[:100]}
    )
    if subscriber.status == S.CONFIRMED:
        return
    if subscriber.status != S.PENDING:
        Subscriber.objects.filter(pk=subscriber.pk).exclude(status=S.CONFIRMED).update(
            status=S.PENDING, interests=interests, confirm_nonce=new_key()
        )
    ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.REQUESTED,
        text=consent.TEXT, version=consent.version(), ip_hash=ip_hash,
    )
    now = timezone.now()
    claimed = Subscriber.objects.filter(pk=subscriber.pk, status=S.PENDING).filter(
        Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lte=now - RESEND_AFTER)
    ).update(confirmation_sent_at=now)
    if claimed:
        send_confirmation.enqueue(subscriber.pk)


@transaction.atomic
def confirm(subscriber_id: int, nonce: str, ip_hash: str) -> Subscriber | None:
    """Confirm a pending subscription once; a replayed or stale token returns None."""
    changed = Subscriber.objects.filter(pk=subscriber_id, status=S.PENDING, confirm_nonce=nonce).update(
        status=S.CONFIRMED, confirmed_at=timezone.now(), unsubscribed_at=None, confirm_nonce=new_key()
    )
    if not changed:
        return None
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    last = subscriber.consents.filter(action=ConsentRecord.Action.REQUESTED).last()
    ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.CONFIRMED,
        text=last.text if last else consent.TEXT, version=last.version if last else consent.version(),
        ip_hash=ip_hash,
    )
    return subscriber


@transaction.atomic
def unsubscribe(subscriber: Subscriber, ip_hash: str = "") -> bool:
    """Leave at once. Idempotent: True only for the call that changed something."""
    changed = Subscriber.objects.filter(pk=subscriber.pk).exclude(status=S.UNSUBSCRIBED).update(
        status=S.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
    if changed:
        ConsentRecord.objects.create(
            subscriber=subscriber, action=ConsentRecord.Action.WITHDRAWN, ip_hash=ip_hash
        )
    return bool(changed)


def export(subscriber: Subscriber) -> dict:
    """Everything we hold about one subscriber, as plain JSON-ready data."""
    from demain.audience.models import DownloadLead, Inquiry

    def stamp(value):
        return value.isoformat() if value else None

    return {
        "email": subscriber.email,
        "name": subscriber.name,
        "status": subscriber.status,
        "interests": subscriber.interests,
        "frequency": subscriber.frequency,
        "paused_until": stamp(subscriber.paused_until),
        "created_at": stamp(subscriber.created_at),
        "confirmed_at": stamp(subscriber.confirmed_at),
        "unsubscribed_at": stamp(subscriber.unsubscribed_at),
        "consents": [
            {"action": c.action, "text": c.text, "version": c.version, "at": stamp(c.created_at),
             "ip_hash": c.ip_hash}
            for c in subscriber.consents.all()
        ],
        "downloads": [
            {"resource": lead.resource.title, "requested_at": stamp(lead.created_at), "uses": lead.uses}
            for lead in DownloadLead.objects.filter(email=subscriber.email).select_related("resource")
        ],
        "requests": [
            {"kind": inquiry.kind, "name": inquiry.name, "organisation": inquiry.organisation,
             "message": inquiry.message, "at": stamp(inquiry.created_at)}
            for inquiry in Inquiry.objects.filter(email=subscriber.email)
        ],
    }


@transaction.atomic
def erase(subscriber: Subscriber) -> None:
    """Delete every trace of the address; keep only its hash so it is never mailed again.

    The sending journal keeps its rows (the campaign's figures stay true) without the address;
    bounce reports lose the address and the message that carried it; the local outbox forgets it.
    """
    from demain.audience.models import DownloadLead, Inquiry
    from demain.audience.models.readers import email_hash
    from demain.delivery.models import BounceEvent, Delivery, OutboxMessage

    email = subscriber.email
    Suppression.objects.get_or_create(email_hash=email_hash(email), defaults={"reason": Suppression.Reason.ERASED})
    DownloadLead.objects.filter(email=email).delete()
    Inquiry.objects.filter(email=email).delete()
    Delivery.objects.filter(Q(subscriber=subscriber) | Q(email__iexact=email)).update(email="", smtp_reply="")
    BounceEvent.objects.filter(Q(email_hash=email_hash(email)) | Q(email__iexact=email)).update(email="", raw="")
    OutboxMessage.objects.filter(to__icontains=email).delete()
    subscriber.delete()
