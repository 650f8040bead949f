"""What runs, what waits and what failed: the figures of the admin dashboard and `demain status`.

The rules that make the site unhealthy (``problems``; `demain status` then exits 1):

1. ``database``: the database does not answer.
2. ``failed_task``: a background task (django-tasks) failed in the last hour (``FAILED_TASK_WINDOW``).
3. ``task_queue_stalled``: a task has been due for more than ``STALLED_TASK_SECONDS`` and none is
   running: no `demain db_worker` is taking them.
4. ``no_delivery_worker``: send rows are due (queued, or a retry whose time has come, in a campaign
   sending or scheduled for a time that has come) and no `demain worker` has a heartbeat younger than ``DELIVERY_LEASE_SECONDS``.
5. ``ingestion_failed``: the last ingestion reported a failure (see :mod:`demain.ops.ingestion`).

``warnings`` are reported without making the site unhealthy: rows whose delivery is uncertain,
and tasks that failed earlier than the last hour.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demain.delivery.models import Campaign, Delivery, Worker
from demain.lib.houseformat.typography import plural
from demain.ops import ingestion

FAILED_TASK_WINDOW = timedelta(hours=1)
STALLED_TASK_SECONDS = 300
RECENT_FAILURES = 5


def task_figures(now: datetime) -> dict:
    counts = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
    ready = DBTaskResult.objects.ready()
    oldest_due = ready.aggregate(at=Min("enqueued_at"))["at"]
    failed = DBTaskResult.objects.failed().order_by("-finished_at")
    last = DBTaskResult.objects.finished().order_by("-finished_at").only("finished_at", "worker_ids").first()
    per_queue: dict[str, dict[str, int]] = {}
    for queue, state, n in DBTaskResult.objects.values_list("queue_name", "status").annotate(n=Count("id")):
        per_queue.setdefault(queue, {"READY": 0, "RUNNING": 0, "FAILED": 0})[state] = n
    running_workers = sorted({worker for ids in DBTaskResult.objects.running().values_list("worker_ids", flat=True)
                              for worker in (ids or [])[-1:]})
    return {
        "queues": {queue: {"ready": c["READY"], "running": c["RUNNING"], "failed": c["FAILED"]}
                   for queue, c in sorted(per_queue.items())},
        "ready": ready.count(),
        "scheduled": counts.get("READY", 0) - ready.count(),
        "running": counts.get("RUNNING", 0),
        "failed": counts.get("FAILED", 0),
        "failed_last_hour": failed.filter(finished_at__gte=now - FAILED_TASK_WINDOW).count(),
        "oldest_due_seconds": int((now - oldest_due).total_seconds()) if oldest_due else None,
        "last_finished_at": last.finished_at if last else None,
        "last_worker": (last.worker_ids or [""])[-1] if last else None,
        "busy_workers": running_workers,
        "recent_failures": [{"id": str(task.id), "task": task.task_path.rsplit(".", 1)[-1],
                             "path": task.task_path, "finished_at": task.finished_at,
                             "error": task.exception_class_path.rsplit(".", 1)[-1]}
                            for task in failed[:RECENT_FAILURES]],
    }


def delivery_figures(now: datetime) -> dict:
    S = Delivery.Status
    open_rows = Delivery.objects.filter(status__in=[S.QUEUED, S.RETRY, S.SENDING, S.UNCERTAIN])
    counts = dict(open_rows.values_list("status").annotate(n=Count("id")))
    # Campaigns a worker would take now: sending, or scheduled for a time that has come.
    active = Campaign.objects.filter(Q(status=Campaign.Status.SENDING)
                                     | Q(status=Campaign.Status.SCHEDULED, send_at__lte=now)).values("pk")
    due = Delivery.objects.filter(Q(status=S.QUEUED) | Q(status=S.RETRY, retry_at__lte=now), campaign__in=active)
    return {
        "queued": counts.get(S.QUEUED, 0),
        "retry": counts.get(S.RETRY, 0),
        "sending": counts.get(S.SENDING, 0),
        "uncertain": counts.get(S.UNCERTAIN, 0),
        "due": due.count(),
    }


def worker_figures(now: datetime) -> list[dict]:
    cutoff = now - timedelta(seconds=settings.DELIVERY_LEASE_SECONDS)
    alive = Worker.objects.filter(heartbeat_at__gte=cutoff, stopped_at__isnull=True).order_by("name")
    return [{"name": w.name, "started_at": w.started_at, "heartbeat_at": w.heartbeat_at,
             "heartbeat_seconds": round((now - w.heartbeat_at).total_seconds(), 1)} for w in alive]


def problems_in(report: dict) -> tuple[list[dict], list[dict]]:
    tasks, delivery = report["tasks"], report["delivery"]
    problems, warnings = [], []
    if tasks["failed_last_hour"]:
        problems.append({"code": "failed_task", "message": f"{plural(tasks['failed_last_hour'], 'tâche')} en échec "
                                                           f"dans la dernière heure"})
    if (tasks["oldest_due_seconds"] or 0) > STALLED_TASK_SECONDS and not tasks["running"]:
        problems.append({"code": "task_queue_stalled",
                         "message": f"une tâche attend depuis {tasks['oldest_due_seconds']} s et aucune ne tourne : "
                                    f"« demain db_worker » est-il lancé ?"})
    if delivery["due"] and not report["delivery_workers"]:
        problems.append({"code": "no_delivery_worker",
                         "message": f"{plural(delivery['due'], 'envoi')} à faire et aucun « demain worker » en vie"})
    if not report["ingestion"]["ok"]:
        problems.append({"code": "ingestion_failed",
                         "message": f"dernière ingestion en échec : {report['ingestion']['summary']}"})
    if delivery["uncertain"]:
        warnings.append({"code": "uncertain_deliveries",
                         "message": f"{plural(delivery['uncertain'], 'envoi incertain', 'envois incertains')} à décider dans l’admin"})
    older = tasks["failed"] - tasks["failed_last_hour"]
    if older:
        warnings.append({"code": "old_failed_tasks", "message": f"{plural(older, 'tâche')} en échec plus {'ancienne' if older < 2 else 'anciennes'}"})
    return problems, warnings


def status() -> dict:
    """Every figure, with ``healthy``, ``problems`` and ``warnings`` (rules in the module's docstring).

    Times are datetimes: `demain status --json` prints them in ISO 8601.
    """
    now = timezone.now()
    try:
        report = {
            "tasks": task_figures(now),
            "delivery": delivery_figures(now),
            "delivery_workers": worker_figures(now),
            "ingestion": ingestion.last_ingestion(),
        }
    except DatabaseError as error:
        problem = {"code": "database", "message": f"la base ne répond pas ou n’est pas à jour (demain migrate) : {str(error).strip()[:300]}"}
        return {"healthy": False, "checked_at": now, "problems": [problem], "warnings": []}
    report["problems"], report["warnings"] = problems_in(report)
    return {"healthy": not report["problems"], "checked_at": now, **report}


def failed_tasks_url() -> str:
    return reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED"


def task_url(task_id: str) -> str:
    return reverse("admin:django_tasks_database_dbtaskresult_change", args=[task_id])
