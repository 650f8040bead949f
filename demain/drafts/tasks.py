"""Drafting as a django-tasks task, run by `demain db_worker`: one story drafted and checked per task.

The task claims its draft with a conditional UPDATE (services.run), so a task queued twice drafts once.
"""

from __future__ import annotations

from django_tasks import task

from demain.drafts import services


@task()
def draft_story(draft_id: int) -> str:
    """Draft, record the footprint, check; returns the draft's final status (checked or failed)."""
    return services.run(draft_id).status
