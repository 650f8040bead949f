from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Case, F, When
from django.db.models.functions import Greatest
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max


def database_check() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def task_queue_check() -> dict:
    """The queue is stuck when a task ready to run has waited longer than HEALTHZ_TASK_MAX_AGE."""
    ready = DBTaskResult.objects.ready()
    # A task is due from when it was enqueued, or from its run_after when it was scheduled later.
    due = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=Greatest("enqueued_at", "run_after"))
    oldest = ready.annotate(due=due).order_by("due").values_list("due", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return {"ok": age <= settings.HEALTHZ_TASK_MAX_AGE, "ready": ready.count(),
            "oldest_ready_seconds": round(age, 1), "max_age_seconds": settings.HEALTHZ_TASK_MAX_AGE}


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers and the task queue moves, 503 otherwise; the JSON says which."""
    checks = {}
    for name, check in (("database", database_check), ("tasks", task_queue_check)):
        try:
            checks[name] = check()
        except DatabaseError as error:
            checks[name] = {"ok": False, "error": str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__}
    ok = all(check["ok"] for check in checks.values())
    response = JsonResponse({"status": "ok" if ok else "fail", "checks": checks}, status=200 if ok else 503)
    add_never_cache_headers(response)
    return response
