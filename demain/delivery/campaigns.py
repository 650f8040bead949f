"""Create a campaign (render once, write every send row) and steer it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from demain.audience.models import Subscriber, Suppression, email_hash
from demain.delivery.models import Campaign, Delivery
from demain.delivery.render import NotPublished, render_issue, subject_for
from demain.issues.models import Issue

OPEN = (Delivery.Status.QUEUED, Delivery.Status.RETRY, Delivery.Status.SENDING)
ROWS_PER_INSERT = 2000


@dataclass
class Audience:
    recipients: list[tuple[int, str]]
    suppressed: list[tuple[int, str]]


def select_audience(interests: list[str]) -> Audience:
    """Mailable (confirmed, not on pause) subscribers, optionally those sharing one of ``interests``."""
    wanted = set(interests)
    blocked = set(Suppression.objects.values_list("email_hash", flat=True))
    audience = Audience([], [])
    rows = Subscriber.objects.mailable().order_by("pk")
    for pk, email, their_interests in rows.values_list("pk", "email", "interests").iterator(chunk_size=5000):
        if wanted and not wanted.intersection(their_interests or []):
            continue
        target = audience.suppressed if email_hash(email) in blocked else audience.recipients
        target.append((pk, email))
    return audience


def create_campaign(issue: Issue, interests: list[str] | None = None, send_at=None) -> Campaign:
    """Render the issue once and write one row per recipient, before anything is sent."""
    if issue.status != Issue.Status.PUBLISHED:
        raise NotPublished(f"le numéro {issue.number} n’est pas publié (statut : {issue.get_status_display()})")
    campaign = Campaign.objects.create(issue=issue, interests=sorted(set(interests or [])), send_at=send_at)
    return prepare(campaign)


def prepare(campaign: Campaign) -> Campaign:
    """Render the issue, write the send rows, then let workers take it (now or at send_at)."""
    html, text = render_issue(campaign.issue)
    audience = select_audience(campaign.interests)
    rows = [Delivery(campaign=campaign, subscriber_id=pk, email=email) for pk, email in audience.recipients]
    rows += [Delivery(campaign=campaign, subscriber_id=pk, email=email, status=Delivery.Status.SKIPPED,
                      smtp_reply="adresse bloquée (désinscription, rebond ou plainte)")
             for pk, email in audience.suppressed]
    with transaction.atomic():
        Delivery.objects.bulk_create(rows, batch_size=ROWS_PER_INSERT, ignore_conflicts=True)
        later = campaign.send_at and campaign.send_at > timezone.now()
        campaign.status = Campaign.Status.SCHEDULED if later else Campaign.Status.SENDING
        campaign.started_at = None if later else timezone.now()
        campaign.subject, campaign.html, campaign.text = subject_for(campaign.issue), html, text
        campaign.boundary = f"demain-{secrets.token_hex(12)}"
        campaign.save()
    return campaign


def progress(campaign_id: int) -> dict[str, int]:
    counts = dict.fromkeys(Delivery.Status.values, 0)
    rows = Delivery.objects.filter(campaign_id=campaign_id).values("status").annotate(n=Count("id"))
    counts.update({row["status"]: row["n"] for row in rows})
    counts["total"] = sum(counts[s] for s in Delivery.Status.values)
    counts["open"] = sum(counts[s] for s in OPEN)
    return counts


def pause(campaign: Campaign) -> None:
    Campaign.objects.filter(pk=campaign.pk, status__in=[Campaign.Status.SENDING, Campaign.Status.SCHEDULED]) \
        .update(status=Campaign.Status.PAUSED)


def resume(campaign: Campaign) -> None:
    Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.PAUSED).update(status=Campaign.Status.SENDING)


def cancel(campaign: Campaign) -> None:
    """Nothing more leaves; rows not yet sent say why."""
    with transaction.atomic():
        Campaign.objects.filter(pk=campaign.pk).exclude(status=Campaign.Status.DONE) \
            .update(status=Campaign.Status.CANCELLED, finished_at=timezone.now())
        Delivery.objects.filter(campaign=campaign, status__in=[Delivery.Status.QUEUED, Delivery.Status.RETRY]) \
            .update(status=Delivery.Status.SKIPPED, smtp_reply="campagne annulée")


def mark_sent(rows) -> int:
    """The editor decides an uncertain row was delivered."""
    return rows.filter(status=Delivery.Status.UNCERTAIN).update(status=Delivery.Status.SENT, phase="",
                                                                smtp_reply="marqué envoyé par l’éditeur")


def requeue(rows) -> int:
    """The editor decides an uncertain (or failed) row must be sent again."""
    Campaign.objects.filter(pk__in=rows.values("campaign_id"), status=Campaign.Status.DONE) \
        .update(status=Campaign.Status.SENDING, finished_at=None)
    return rows.filter(status__in=[Delivery.Status.UNCERTAIN, Delivery.Status.FAILED]).update(
        status=Delivery.Status.QUEUED, phase="", worker="", retry_at=None, smtp_reply="remis en file par l’éditeur")


def start_due_campaigns() -> int:
    now = timezone.now()
    return Campaign.objects.filter(status=Campaign.Status.SCHEDULED, send_at__lte=now) \
        .update(status=Campaign.Status.SENDING, started_at=now)


def finish_done_campaigns() -> int:
    busy = Delivery.objects.filter(status__in=OPEN).values("campaign_id")
    return Campaign.objects.filter(status=Campaign.Status.SENDING).exclude(pk__in=busy) \
        .update(status=Campaign.Status.DONE, finished_at=timezone.now())
