"""Observability: `demain status [--json]` and the dashboard's « Exploitation » card show the queues, the
workers alive, the last ingestion and the failed tasks; the exit code says whether something is wrong."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demain.audience.models import Subscriber
from demain.audience.tasks import send_confirmation
from demain.delivery import campaigns
from demain.delivery.models import Campaign, Delivery, Worker
from demain.lib.smtpsink import free_port
from demain.ops import ingestion
from tests.delivery_helpers import published_issue, subscribers
from tests.ops_helpers import DEMAIN
from tests.test_editor_admin import visible_text


def status() -> tuple[int, dict]:
    out = io.StringIO()
    try:
        call_command("status", "--json", stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, json.loads(out.getvalue())


def codes(report: dict) -> set[str]:
    return {problem["code"] for problem in report["problems"]}


def failed_task(settings) -> DBTaskResult:
    """A real task run by a real `db_worker` that fails: the SMTP server it must reach is down."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    reader = Subscriber.objects.create(email="ada@exemple.fr", status=Subscriber.Status.PENDING)
    send_confirmation.enqueue(reader.pk)
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    return DBTaskResult.objects.get(status="FAILED")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_reports_a_healthy_site_with_exit_code_zero():
    code, report = status()
    assert code == 0 and report["healthy"] is True and report["problems"] == []
    assert report["ingestion"] == {"at": None, "ok": True, "summary": "pas encore d’ingestion"}
    assert report["tasks"]["ready"] == 0 and report["delivery"]["queued"] == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_is_unhealthy_after_a_task_failed_in_the_last_hour_and_links_to_it(settings, admin_client):
    task = failed_task(settings)
    code, report = status()
    assert code == 1 and "failed_task" in codes(report)
    assert report["tasks"]["failed"] == 1 and report["tasks"]["failed_last_hour"] == 1
    assert report["tasks"]["recent_failures"][0]["id"] == str(task.id)
    assert report["tasks"]["last_worker"], "the db_worker that ran it is named"

    page = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:django_tasks_database_dbtaskresult_change", args=[task.id]) in page
    assert reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED" in page
    assert "1 tâche en échec dans la dernière heure" in visible_text(page)

    DBTaskResult.objects.filter(pk=task.pk).update(finished_at=timezone.now() - timedelta(hours=2))
    code, report = status()
    assert code == 0 and [w["code"] for w in report["warnings"]] == ["old_failed_tasks"]


@pytest.mark.django_db(transaction=True)
def test_it_is_unhealthy_when_tasks_wait_and_no_db_worker_takes_them():
    reader = Subscriber.objects.create(email="bob@exemple.fr", status=Subscriber.Status.PENDING)
    send_confirmation.enqueue(reader.pk)
    assert status()[1]["tasks"]["ready"] == 1 and status()[0] == 0, "a task just enqueued is not a problem"
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    code, report = status()
    assert code == 1 and codes(report) == {"task_queue_stalled"}
    assert report["tasks"]["oldest_due_seconds"] >= 600


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_it_is_unhealthy_when_rows_are_due_and_no_sender_is_alive(admin_client):
    subscribers(3)
    campaigns.create_campaign(published_issue())
    code, report = status()
    assert code == 1 and codes(report) == {"no_delivery_worker"}
    assert report["delivery"]["queued"] == 3 and report["delivery"]["due"] == 3
    assert report["delivery_workers"] == []

    Worker.objects.create(name="mort@hote", heartbeat_at=timezone.now() - timedelta(minutes=10))
    assert codes(status()[1]) == {"no_delivery_worker"}, "a stale heartbeat is not a live worker"
    Worker.objects.create(name="envoi-1@hote", heartbeat_at=timezone.now())
    code, report = status()
    assert code == 0 and [w["name"] for w in report["delivery_workers"]] == ["envoi-1@hote"]
    page = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert "Envois en attente 3" in page and "envoi-1@hote" in page and "mort@hote" not in page

    Delivery.objects.update(status=Delivery.Status.UNCERTAIN)
    code, report = status()
    assert code == 0 and [w["code"] for w in report["warnings"]] == ["uncertain_deliveries"]


@pytest.mark.django_db(transaction=True)
def test_it_counts_a_scheduled_campaign_as_due_once_its_time_has_come():
    subscribers(2)
    campaign = campaigns.create_campaign(published_issue(), send_at=timezone.now() + timedelta(hours=2))
    code, report = status()
    assert code == 0 and report["delivery"] == {**report["delivery"], "queued": 2, "due": 0}
    Campaign.objects.filter(pk=campaign.pk).update(send_at=timezone.now() - timedelta(minutes=1))
    code, report = status()
    assert code == 1 and codes(report) == {"no_delivery_worker"} and report["delivery"]["due"] == 2


@pytest.mark.django_db(transaction=True)
def test_it_shows_the_last_ingestion_from_the_registered_hook(admin_client):
    page = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert "Dernière ingestion pas encore d’ingestion" in page

    at = timezone.now() - timedelta(minutes=5)
    run = {"at": at, "ok": False, "summary": "3 sources en erreur"}
    provider = lambda: run  # noqa: E731
    ingestion.register(provider)
    try:
        code, report = status()
        assert code == 1 and codes(report) == {"ingestion_failed"}
        assert report["ingestion"]["summary"] == "3 sources en erreur"
        assert "3 sources en erreur" in visible_text(admin_client.get(reverse("admin:index")).content.decode())
        run["ok"] = True
        assert status()[0] == 0
    finally:
        ingestion.unregister(provider)


def test_it_reports_an_unreachable_or_unmigrated_database_with_exit_code_one(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'vide.sqlite3'}", "VAR_DIR": str(tmp_path)}
    done = subprocess.run([DEMAIN, "status", "--json"], env=env, capture_output=True, text=True, timeout=120)
    report = json.loads(done.stdout)
    assert done.returncode == 1 and codes(report) == {"database"} and report["healthy"] is False
    text = subprocess.run([DEMAIN, "status"], env=env, capture_output=True, text=True, timeout=120)
    assert text.returncode == 1 and "demain migrate" in text.stdout


@pytest.mark.django_db
def test_it_reads_the_last_ingestion_from_the_fetch_log():
    from demain.sources.models import FetchLog

    now = timezone.now()
    FetchLog.objects.create(url="https://a.example/old", outcome="new", at=now - timedelta(hours=2))
    for outcome in ("new", "new", "not_modified", "error"):
        FetchLog.objects.create(url="https://a.example/feed", outcome=outcome, at=now - timedelta(minutes=1))
    code, report = status()
    assert report["ingestion"]["summary"] == "4 requêtes, 2 nouveaux articles, 1 échec"
    assert report["ingestion"]["ok"] is True and "ingestion_failed" not in codes(report)
    FetchLog.objects.create(url="https://a.example/feed", outcome="error", at=now + timedelta(hours=1))
    code, report = status()  # a run where nothing at all could be read is a failure
    assert code == 1 and "ingestion_failed" in codes(report)
    assert report["ingestion"]["summary"] == "1 requête, 0 nouvel article, 1 échec"
