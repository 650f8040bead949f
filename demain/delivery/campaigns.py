"""Create a campaign (render once, write every send row) and steer it."""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from demain.audience.models import Subscriber, Suppression, email_hash
from demain.audience.models.readers import Interest
from demain.delivery.models import Campaign, Delivery
from demain.delivery.render import NotPublished, render_issue, subject_for
from demain.issues.models import Issue

OPEN = (Delivery.Status.QUEUED, Delivery.Status.RETRY, Delivery.Status.SENDING)
ROWS_PER_INSERT = 2000
ALREADY_RECEIVED = "a déjà reçu ce numéro (ou le reçoit par une autre campagne)"


# Rows that mean « this reader has it, or is getting it right now »: never sent twice by accident.
RECEIVED = (Delivery.Status.SENT, Delivery.Status.UNCERTAIN)
IN_FLIGHT = OPEN


@dataclass
class Audience:
    recipients: list[tuple[int, str]]
    suppressed: list[tuple[int, str]]
    already: list[tuple[int, str]] = field(default_factory=list)
    repeats: int = 0  # recipients who already have the issue (a re-send the editor asked for)


def unknown_interests(interests: list[str]) -> list[str]:
    return [code for code in interests if code not in Interest.values]


def interest_counts() -> dict[str, int]:
    """Mailable subscribers per interest code (a reader with several counts in each)."""
    counts = Counter({code: 0 for code in Interest.values})
    for their_interests in Subscriber.objects.mailable().values_list("interests", flat=True).iterator(chunk_size=5000):
        counts.update(code for code in set(their_interests or []) if code in counts)
    return dict(counts)


def holders(issue: Issue, resend: bool = False, exclude_campaign: int | None = None) -> set:
    """Who already has this issue (sent or uncertain), or is being sent it by another campaign.

    Readers are matched by subscriber and by address (an address that left and came back is the
    same reader). With ``resend`` only those in flight stay excluded: two campaigns never mail one
    reader at once.
    """
    statuses = IN_FLIGHT if resend else (*RECEIVED, *IN_FLIGHT)
    rows = Delivery.objects.filter(campaign__issue=issue, status__in=statuses)
    if exclude_campaign:
        rows = rows.exclude(campaign_id=exclude_campaign)
    found: set = set()
    for subscriber_id, email in rows.values_list("subscriber_id", "email").iterator(chunk_size=5000):
        found.update([subscriber_id, email.lower()])
    found.discard(None)
    return found


def select_audience(interests: list[str], issue: Issue | None = None, resend: bool = False,
                    exclude_campaign: int | None = None) -> Audience:
    """Mailable (confirmed, not on pause) subscribers, optionally those sharing one of ``interests``.

    Given the issue, those who already received it (or are receiving it) go to ``already``.
    """
    wanted = set(interests)
    blocked = set(Suppression.objects.values_list("email_hash", flat=True))
    have_it = holders(issue, False, exclude_campaign) if issue else set()
    excluded = holders(issue, True, exclude_campaign) if issue and resend else have_it
    audience = Audience([], [])
    rows = Subscriber.objects.mailable().order_by("pk")
    for pk, email, their_interests in rows.values_list("pk", "email", "interests").iterator(chunk_size=5000):
        if wanted and not wanted.intersection(their_interests or []):
            continue
        if email_hash(email) in blocked:
            audience.suppressed.append((pk, email))
        elif pk in excluded or email.lower() in excluded:
            audience.already.append((pk, email))
        else:
            audience.recipients.append((pk, email))
            audience.repeats += pk in have_it or email.lower() in have_it
    return audience


def create_campaign(issue: Issue, interests: list[str] | None = None, send_at=None, resend: bool = False) -> Campaign:
    """Render the issue once and write one row per recipient, before anything is sent."""
    if issue.status != Issue.Status.PUBLISHED:
        raise NotPublished(f"le numéro {issue.number} n’est pas publié (statut : {issue.get_status_display()})")
    campaign = Campaign.objects.create(issue=issue, interests=sorted(set(interests or [])), send_at=send_at,
                                       resend=resend)
    return prepare(campaign)


def prepare(campaign: Campaign) -> Campaign:
    """Render the issue, write the send rows, then let workers take it (now or at send_at).

    The issue's row is locked while the audience is chosen, so two campaigns of one issue
    prepared at once still exclude each other's recipients.
    """
    html, text = render_issue(campaign.issue)
    with transaction.atomic():
        Issue.objects.select_for_update().filter(pk=campaign.issue_id).first()
        audience = select_audience(campaign.interests, campaign.issue, campaign.resend, exclude_campaign=campaign.pk)
        rows = [Delivery(campaign=campaign, subscriber_id=pk, email=email) for pk, email in audience.recipients]
        rows += [Delivery(campaign=campaign, subscriber_id=pk, email=email, status=Delivery.Status.SKIPPED,
                          smtp_reply="adresse bloquée (désinscription, rebond ou plainte)")
                 for pk, email in audience.suppressed]
        rows += [Delivery(campaign=campaign, subscriber_id=pk, email=email, status=Delivery.Status.SKIPPED,
                          smtp_reply=ALREADY_RECEIVED) for pk, email in audience.already]
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


NNBSP = "\u202f"


def french_number(count: int) -> str:
    """1234 → « 1 234 » (narrow no-break space between thousands)."""
    return f"{count:,}".replace(",", NNBSP)


def plural(count: int, one: str, many: str) -> str:
    return many if count > 1 else one


def readers(count: int) -> str:
    return f"{french_number(count)} {plural(count, 'lecteur', 'lecteurs')}"


def confirm_question(issue: Issue, audience: Audience, resend: bool = False) -> str:
    """« Envoyer le N° 1 à 1 234 lecteurs ? », then what the count leaves out or repeats."""
    question = f"Envoyer le N° {issue.number} à {readers(len(audience.recipients))}{NNBSP}?"
    notes = []
    if audience.already:
        n = len(audience.already)
        notes.append(f"{readers(n)} {plural(n, 'l’a', 'l’ont')} déjà reçu ou {plural(n, 'le reçoit', 'le reçoivent')}"
                     f" ailleurs{NNBSP}: {plural(n, 'exclu', 'exclus')}")
    if resend:
        n = audience.repeats
        notes.append(f"renvoi{NNBSP}: {readers(n)} {plural(n, 'l’a', 'l’ont')} déjà reçu et "
                     f"{plural(n, 'le recevra', 'le recevront')} une seconde fois")
    if audience.suppressed:
        n = len(audience.suppressed)
        notes.append(f"{french_number(n)} {plural(n, 'adresse bloquée', 'adresses bloquées')}")
    if Campaign.objects.filter(issue=issue, status=Campaign.Status.PREPARING).exists():
        notes.append("une autre campagne de ce numéro est en préparation : ses destinataires seront exclus, "
                     "le nombre peut baisser")
    return f"{question} ({' ; '.join(notes)})" if notes else question
