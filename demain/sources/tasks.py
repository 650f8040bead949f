"""Ingestion as django-tasks tasks: run by `demain db_worker`, as many processes as you like.

Each task claims its source with a conditional UPDATE (demain.sources.ingest.claim), so two
workers never read one source at once, whatever the number of tasks queued for it.
"""

from __future__ import annotations

from django_tasks import task

from demain.sources.ingest import due_sources, ingest_source


@task()
def ingest_source_task(source_id: int, force: bool = False) -> dict[str, int]:
    """Read one source; returns its summary (fetched, not modified, new, duplicates, …)."""
    return ingest_source(source_id, force=force).as_dict()


@task()
def enqueue_due_sources() -> int:
    """Queue one ingest task per source due for a read (the periodic schedule calls `demain ingest --enqueue`)."""
    return enqueue(list(due_sources().values_list("pk", flat=True)))


def enqueue(source_ids: list[int], force: bool = False) -> int:
    for source_id in source_ids:
        ingest_source_task.enqueue(source_id, force=force)
    return len(source_ids)
