"""Background work triggered from the web (django-tasks, database backend)."""

from __future__ import annotations

from django_tasks import task

from demain.delivery.campaigns import prepare
from demain.delivery.models import Campaign


@task()
def prepare_campaign(campaign_id: int) -> int:
    """Render the issue and write the send rows of a campaign created in the admin."""
    campaign = Campaign.objects.select_related("issue").get(pk=campaign_id, status=Campaign.Status.PREPARING)
    return prepare(campaign).deliveries.count()
