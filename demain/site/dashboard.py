"""What the editor sees first: today's ranked stories, the readers, the latest issue and how its sending went."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from demain.audience.models import Subscriber
from demain.delivery.models import Delivery
from demain.issues.models import Issue
from demain.ops import health
from demain.stories import services as stories

S = Subscriber.Status
WEEK = timedelta(days=7)
TOP_STORIES = 8


def ranked_stories(limit: int = TOP_STORIES) -> dict:
    """The newsroom's ranked stories as of its newest article (now, once ingestion runs daily;
    the sample corpus's last day in the demo), as the last `demain ingest`/`demain stories` scored them."""
    latest = stories.latest_article_time()
    if latest is None:
        return {"as_of": None, "top": [], "total": 0}
    as_of = min(latest, timezone.now())
    ranked = stories.ranked_stories(as_of)
    return {"as_of": as_of, "total": len(ranked), "top": [
        {"story": story, "articles": len(story.memberships.all()),
         "disagreements": len(story.disagreements or [])} for story in ranked[:limit]]}


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
        "stories": ranked_stories(),
        "subscribers": subscriber_figures(),
        "latest_issue": latest,
        "latest_campaigns": latest.campaigns.count() if latest else 0,
        "latest_deliveries": campaign_figures(latest) if latest else [],
        "latest_delivery_total": Delivery.objects.filter(campaign__issue=latest).count() if latest else 0,
        "health": health.status(),
        "failed_tasks_url": health.failed_tasks_url(),
    }
