"""What the ledger shows: each issue's label (site, email, command line) and the per-issue series (chart).

The arithmetic and the wording are pure (``demain.lib.footprint``); this module only reads the
ledger rows of ``demain.drafts.models.Generation``.
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from demain.issues.models import Issue
from demain.lib.footprint.chart import Point
from demain.lib.footprint.label import Label, issue_label

from .ledger import issue_rows, issue_total


def label_for(issue: Issue) -> Label:
    """The issue's footprint label, from every ledger row recorded for it."""
    rows = issue_rows(issue)
    unestimated = sum(1 for row in rows if row.energy_wh is None)
    return issue_label(issue_total(issue, rows) if rows else None, len(rows), unestimated)


def charted_issues():
    """Issues worth a place on the chart (published, or with ledger rows), oldest first, with their sums."""
    return (Issue.objects
            .annotate(ledger_rows=Count("generations"),
                      unestimated=Count("generations", filter=Q(generations__energy_wh__isnull=True)),
                      energy_wh=Sum("generations__energy_wh"), co2e_g=Sum("generations__co2e_g"))
            .filter(Q(status=Issue.Status.PUBLISHED) | Q(ledger_rows__gt=0))
            .order_by("number"))


def points(issues) -> list[Point]:
    """One chart point per issue; no estimate (nothing recorded, or nothing estimated) is None, never 0."""
    found = []
    for issue in issues:
        measured = issue.ledger_rows > issue.unestimated
        found.append(Point(issue.number, issue.date, issue.energy_wh if measured else None,
                           issue.co2e_g if measured else None, issue.ledger_rows))
    return found
