"""One structured log line per background task: its name, its status and how long it ran.

django-tasks sends ``task_finished`` after each task, successful or failed; the line goes to
the ``demain.task`` logger, which settings.LOGGING writes as JSON.
"""

from __future__ import annotations

import logging

from django.dispatch import receiver
from django_tasks.signals import task_finished

logger = logging.getLogger("demain.task")


@receiver(task_finished, dispatch_uid="demain.task_log")
def log_task_finished(sender, task_result, **kwargs) -> None:
    started, finished = task_result.started_at, task_result.finished_at
    duration = round((finished - started).total_seconds() * 1000, 2) if started and finished else None
    status = getattr(task_result.status, "value", task_result.status)
    log = logger.error if status == "FAILED" else logger.info
    log("task", extra={
        "task": task_result.task.module_path,
        "task_id": str(task_result.id),
        "status": str(status),
        "duration_ms": duration,
        "attempts": len(getattr(task_result, "worker_ids", []) or []),
    })
