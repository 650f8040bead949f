"""The last ingestion, as the dashboard and `demain status` show it (the `demain.ops.ingestion` hook)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count

from demain.lib.houseformat.typography import plural

# Requests logged this long before the latest one belong to the same run of `demain ingest`.
RUN_WINDOW = timedelta(minutes=10)
FAILED = {"error", "forbidden"}


def last_run() -> dict | None:
    from demain.sources.models import FetchLog

    latest = FetchLog.objects.order_by("-at").values_list("at", flat=True).first()
    if latest is None:
        return None
    counts = dict(FetchLog.objects.filter(at__gt=latest - RUN_WINDOW, at__lte=latest)
                  .values_list("outcome").annotate(n=Count("id")))
    total, failed = sum(counts.values()), sum(counts.get(outcome, 0) for outcome in FAILED)
    summary = f"{plural(total, 'requête')}, {plural(counts.get('new', 0), 'nouvel article', 'nouveaux articles')}, {plural(failed, 'échec')}"
    # A few refused feeds are ordinary; a run where nothing at all could be read is not.
    return {"at": latest, "ok": failed < total, "summary": summary}
