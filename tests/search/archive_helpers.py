"""Issues for the archive's tests: the house-format sample, published through the workflow."""

from __future__ import annotations

import datetime

from demain.issues.models import Issue
from demain.issues.services import save_parsed_issue, transition
from demain.lib.houseformat import parse
from tests.houseformat_samples import SAMPLE

DAY = datetime.date(2027, 3, 3)


def publish(issue: Issue) -> Issue:
    for status in ("review", "approved", "published"):
        transition(issue, status)
    return issue


def sample_issue(number: int = 7, published: bool = True) -> Issue:
    issue = save_parsed_issue(parse(SAMPLE), number, DAY)
    return publish(issue) if published else issue


def fts_rows() -> int | None:
    """Rows of SQLite's full-text table (None on PostgreSQL, whose index is a column)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM public_site_passage_fts")
        return cursor.fetchone()[0]


def issue_with(number: int, articles: list[tuple[str, str]], editorial: str = "Un éditorial sans histoire, pour commencer la lecture.",
               app: tuple[str, str] | None = None) -> Issue:
    """A published issue with these (title, facts) articles, built directly (no linter involved)."""
    from django.utils import timezone

    from demain.issues.models import AppReview, Article

    issue = Issue.objects.create(number=number, date=DAY, title=f"Numéro {number}", editorial=editorial)
    for position, (title, facts) in enumerate(articles, start=1):
        Article.objects.create(issue=issue, position=position, title=title, facts=facts)
    if app:
        AppReview.objects.create(issue=issue, name=app[0], intro=app[1])
    issue.status, issue.published_at = Issue.Status.PUBLISHED, timezone.now()
    issue.save()
    return issue
