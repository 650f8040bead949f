"""/healthz, and one structured log line per request and per background task."""

from __future__ import annotations

import datetime
import io
import json
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demain.audience.tasks import send_confirmation
from demain.lib.jsonlog import JsonFormatter
from tests.serve_helpers import fresh_page_cache, wsgi_get  # noqa: F401  (autouse fixture)
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_it_answers_healthz_200_when_the_database_and_the_queue_are_fine(client, database_tasks):
    send_confirmation.enqueue(0)  # a task just queued is not a stuck queue
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["tasks"] == {"ok": True, "ready": 1, "oldest_ready_seconds": pytest.approx(0, abs=30),
                                       "max_age_seconds": 300}
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_a_ready_task_has_waited_too_long(client, database_tasks, settings):
    settings.HEALTHZ_TASK_MAX_AGE = 60
    result = send_confirmation.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["checks"]["database"]["ok"] is True
    assert body["checks"]["tasks"]["ok"] is False and body["checks"]["tasks"]["oldest_ready_seconds"] >= 600


def test_it_does_not_count_a_task_scheduled_for_later_as_waiting(client, database_tasks, settings):
    settings.HEALTHZ_TASK_MAX_AGE = 60
    result = send_confirmation.using(run_after=timezone.now() - datetime.timedelta(seconds=5)).enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - datetime.timedelta(days=1))
    response = client.get("/healthz")
    assert response.status_code == 200, response.json()


@pytest.mark.django_db(transaction=True)
def test_it_answers_200_again_once_the_worker_has_drained_the_queue(client, database_tasks, settings):
    settings.HEALTHZ_TASK_MAX_AGE = 60
    result = send_confirmation.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
    assert client.get("/healthz").status_code == 503
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    assert client.get("/healthz").status_code == 200


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[dict] = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def log_lines():
    handler = Lines()
    loggers = [logging.getLogger("demain.request"), logging.getLogger("demain.task")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_it_writes_one_json_line_per_request_rendered_cached_or_static(log_lines):
    make_issue(1)
    rendered, cached = wsgi_get("/numeros/1/"), wsgi_get("/numeros/1/")
    missing = wsgi_get("/numeros/404/")
    static = wsgi_get("/static/site/site.css")
    lines = [line for line in log_lines if line["logger"] == "demain.request"]
    assert [(line["method"], line["path"], line["status"], line["cache"]) for line in lines] == [
        ("GET", "/numeros/1/", 200, "miss"), ("GET", "/numeros/1/", 200, "hit"),
        ("GET", "/numeros/404/", 404, None), ("GET", "/static/site/site.css", 200, None)]
    assert [line["bytes"] for line in lines] == [len(rendered.body), len(cached.body), len(missing.body),
                                                  len(static.body)]
    assert all(isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0 for line in lines)
    assert all(line["level"] == "INFO" and line["msg"] == "request" for line in lines)


@pytest.mark.django_db(transaction=True)
def test_it_writes_one_json_line_per_task_with_its_status_and_duration(log_lines, database_tasks):
    send_confirmation.enqueue(0)
    send_confirmation.enqueue("not-a-number")  # fails inside the task
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    lines = [line for line in log_lines if line["logger"] == "demain.task"]
    assert sorted((line["task"], line["status"], line["level"]) for line in lines) == [
        ("demain.audience.tasks.send_confirmation", "FAILED", "ERROR"),
        ("demain.audience.tasks.send_confirmation", "SUCCESSFUL", "INFO"),
    ]
    assert all(line["duration_ms"] is not None and line["duration_ms"] >= 0 for line in lines)


def test_it_formats_extra_fields_and_exceptions_as_json():
    record = logging.LogRecord("demain.x", logging.ERROR, __file__, 1, "boom %s", ("now",), None)
    record.path = "/é"
    try:
        raise ValueError("bad")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = json.loads(JsonFormatter().format(record))
    assert line["msg"] == "boom now" and line["path"] == "/é" and "ValueError: bad" in line["exc"]
