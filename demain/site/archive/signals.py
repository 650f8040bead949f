"""Keep the archive's passages in step with the issues, whatever changes them (admin, CLI, services).

Publishing an issue (or any save of a published one) rewrites its passages; a save that leaves it
unpublished removes them; saving or deleting an article or the app review of a published issue
rewrites that issue's. Deleting an issue removes its passages by cascade (and on SQLite the
full-text rows by trigger); its articles' own deletions must not index it again, hence
``_deleting``. Raw saves (loaddata) are left to ``demain reindex``.

One edit often saves many rows: the admin's form saves the issue, then each inline article. Inside
``batched()`` (registered as an edit scope of issues.services.editing) the saves only note which
issues changed, and each is indexed once when the edit ends.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save, pre_delete

from demain.issues.models import AppReview, Article, Issue
from demain.site.archive.index import reindex_issue, remove_issue

_local = threading.local()


def deleting() -> set[int]:
    if not hasattr(_local, "deleting"):
        _local.deleting = set()
    return _local.deleting


def pending() -> set[int] | None:
    """The issues changed in the current batch, or None outside a batch."""
    return getattr(_local, "pending", None)


@contextmanager
def batched():
    """Index each issue changed inside the block once, at its end (nested blocks join the outer one)."""
    if pending() is not None:
        yield
        return
    _local.pending = set()
    try:
        yield
        changed = _local.pending
    finally:
        _local.pending = None
    for issue in Issue.objects.filter(pk__in=changed).order_by("pk"):
        reindex_issue(issue)  # or removes the passages of an issue no longer published


def issue_saved(sender, instance: Issue, raw=False, **kwargs) -> None:
    if raw:
        return
    if pending() is not None:
        pending().add(instance.pk)
    elif instance.status == Issue.Status.PUBLISHED:
        reindex_issue(instance)
    else:
        remove_issue(instance.pk)


def issue_deleting(sender, instance: Issue, **kwargs) -> None:
    deleting().add(instance.pk)


def issue_deleted(sender, instance: Issue, **kwargs) -> None:
    deleting().discard(instance.pk)


def part_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw or instance.issue_id in deleting():
        return
    if pending() is not None:
        pending().add(instance.issue_id)
        return
    issue = Issue.objects.filter(pk=instance.issue_id, status=Issue.Status.PUBLISHED).first()
    if issue is not None:
        reindex_issue(issue)


def connect() -> None:
    post_save.connect(issue_saved, sender=Issue, dispatch_uid="archive-issue-save")
    pre_delete.connect(issue_deleting, sender=Issue, dispatch_uid="archive-issue-deleting")
    post_delete.connect(issue_deleted, sender=Issue, dispatch_uid="archive-issue-deleted")
    for model in (Article, AppReview):
        post_save.connect(part_changed, sender=model, dispatch_uid=f"archive-{model._meta.label}-save")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"archive-{model._meta.label}-delete")
