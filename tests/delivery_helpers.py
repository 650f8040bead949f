"""Shared set-up for the delivery tests: a published issue, subscribers, worker processes."""

from __future__ import annotations

import os
import subprocess
import time
from datetime import date

from django.conf import settings
from django.db import connection
from django.utils import timezone

from demain.audience.models import Subscriber
from demain.issues.models import AppReview, Article, ArticleSource, Issue
from tests.conftest import ROOT


def published_issue(number: int = 7, status: str = Issue.Status.PUBLISHED) -> Issue:
    issue = Issue.objects.create(
        number=number, date=date(2025, 3, 14), title="Des robots et des hommes", status=status,
        editorial="Premier paragraphe de l’édito, écrit pour les tests.\n\nUn second paragraphe, plus court.",
        editorial_punchline="Et la suite au prochain numéro.", published_at=timezone.now(),
    )
    article = Article.objects.create(
        issue=issue, position=1, title="Quand le chat n’est pas là, les modèles dansent",
        facts="Un laboratoire publie un modèle ouvert.\n\nIl tourne sur un portable.",
        turn="Sauf que.\n\nLa licence interdit l’usage commercial.",
        analysis="Pour une PME, la question devient juridique avant d’être technique.",
        closing="À suivre de près.",
    )
    ArticleSource.objects.create(article=article, label="Annonce du laboratoire", url="https://example.org/annonce")
    AppReview.objects.create(issue=issue, name="Transcrivo", intro="Une app qui transcrit les réunions.",
                             good="Rapide.", bad="Anglais seulement.", verdict="À essayer.")
    return issue


def subscribers(count: int, prefix: str = "lecteur", interests=None, status=Subscriber.Status.CONFIRMED):
    rows = [Subscriber(email=f"{prefix}{i}@example.org", status=status, interests=interests or [])
            for i in range(count)]
    return Subscriber.objects.bulk_create(rows, batch_size=1000)


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def worker_env(sink_port: int, **extra) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "DATABASE_URL": database_url(), "SECRET_KEY": settings.SECRET_KEY, "VAR_DIR": str(settings.VAR_DIR),
        "EMAIL_BACKEND": "smtp", "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink_port), "EMAIL_TIMEOUT": "10",
        "DELIVERY_LEASE_SECONDS": "3", "DELIVERY_RETRY_SECONDS": "0.2", "DELIVERY_POLL_SECONDS": "0.2",
        "DELIVERY_BATCH_SIZE": "20",
    })
    env.update({key: str(value) for key, value in extra.items()})
    return env


def start_worker(sink_port: int, *args: str, **extra) -> subprocess.Popen:
    return subprocess.Popen([str(ROOT / ".venv" / "bin" / "demain"), "worker", "--until-idle", *args],
                            env=worker_env(sink_port, **extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(predicate, timeout: float = 60, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {predicate}")
        time.sleep(every)


def finish(workers: list[subprocess.Popen], timeout: float = 90) -> list[str]:
    """Wait for every worker to exit on its own; return their stderr."""
    errors = []
    for worker in workers:
        _, stderr = worker.communicate(timeout=timeout)
        errors.append(stderr.decode())
    return errors
