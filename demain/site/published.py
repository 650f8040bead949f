"""What the public may see: published issues, with their parts fetched in one go."""

from __future__ import annotations

from django.db.models import QuerySet

from demain.issues.models import Issue


def published_issues() -> QuerySet[Issue]:
    """Published issues, newest first (highest number first)."""
    return Issue.objects.filter(status=Issue.Status.PUBLISHED).order_by("-number")


def with_contents(issues: QuerySet[Issue]) -> QuerySet[Issue]:
    """The same issues with articles, their sources and the app review prefetched."""
    return issues.select_related("app_review").prefetch_related("articles__sources")
