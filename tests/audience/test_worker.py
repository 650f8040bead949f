"""The real path: the web request enqueues in the database, the db_worker sends."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.audience.conftest import human


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_queues_the_confirmation_for_the_db_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post("/inscription/", human(email="queue@example.org", consent="on"))
    assert mail.outbox == []  # nothing leaves during the web request
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("send_confirmation")
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())
    assert [m.to for m in mail.outbox] == [["queue@example.org"]]
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
