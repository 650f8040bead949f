"""Background work of the archive (django-tasks, run by `demain db_worker`)."""

from __future__ import annotations

from django_tasks import task

from demain.site.archive.index import embed_pending


@task()
def embed_passages() -> int:
    """Embed every passage still without a vector (queued after each publish or edit)."""
    return embed_pending()
