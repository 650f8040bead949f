"""What the editor sees first: the readers, the latest issue and how its sending went."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from demain.audience.models import Subscriber
from demain.delivery.models import Delivery
from demain.issues.models import Issue
from demain.ops import health

S = Subscriber.Status
WEEK = timedelta(days=7)


def subscriber_figures() -> dict[str, int]:
    since = timezone.now() - WEEK
    counts = dict(Subscriber.objects.values_list("status").annotate(n=Count("id")))
    return {
        "confirmed": counts.get(S.CONFIRMED, 0),
        "pending": counts.get(S.PENDING, 0),
        "unsubscribed": counts.get(S.UNSUBSCRIBED, 0),
        "bounced": counts.get(S.BOUNCED, 0),
        "new_this_week": Subscriber.objects.filter(status=S.CONFIRMED, confirmed_at__gte=since).count(),
        "left_this_week": Subscriber.objects.filter(status=S.UNSUBSCRIBED, unsubscribed_at__gte=since).count(),
    }


def campaign_figures(issue: Issue) -> list[dict]:
    """Deliveries of every campaign of the issue, by status, with French labels; empty statuses left out."""
    counts = dict(Delivery.objects.filter(campaign__issue=issue).values_list("status").annotate(n=Count("id")))
    return [{"status": value, "label": label, "count": counts[value]}
            for value, label in Delivery.Status.choices if counts.get(value)]


def dashboard() -> dict:
    latest = Issue.objects.order_by("-number").first()
    return {
        "subscribers": subscriber_figures(),
        "latest_issue": latest,
        "latest_campaigns": latest.campaigns.count() if latest else 0,
        "latest_deliveries": campaign_figures(latest) if latest else [],
        "latest_delivery_total": Delivery.objects.filter(campaign__issue=latest).count() if latest else 0,
        "health": health.status(),
        "failed_tasks_url": health.failed_tasks_url(),
    }
