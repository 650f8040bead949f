"""What the cached pages show, and the signals that make them stale when it changes.

Issues and their parts, the footprint ledger's rows of a published issue (its label), offer pages
(the menu, the sitemap), downloads (the footer and the sign-up box) and legal pages (the footer).
A save or a delete sets a new page-cache generation at once and again once the transaction commits
(a page rendered in between is not kept), then rewrites the files for the front server when
PUBLISH_STATIC_DIR is set. Settings shown in the pages (SITE_URL…)
are part of the cache's key prefix, and `demain serve` starts a new generation on start-up.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from demain.audience.models import OfferPage, PageSection, Resource, TrainingModule
from demain.drafts.models import Generation
from demain.issues.models import AppReview, Article, ArticleSource, Issue
from demain.site import page_cache
from demain.site.models import LegalPage

SHOWN = (Issue, Article, ArticleSource, AppReview, OfferPage, PageSection, TrainingModule, Resource, LegalPage)
logger = logging.getLogger("demain.pages")
# Whether this thread changed what the pages show since it last wrote the front files: one edit
# saves many rows, each queues after_commit, and the files are rewritten by the first only.
_changed = threading.local()


def after_commit() -> None:
    page_cache.new_generation()
    if settings.PUBLISH_STATIC_DIR and getattr(_changed, "files", False):
        _changed.files = False
        from demain.site.front_files import write_front_files

        try:
            write_front_files()
        except Exception:  # the edit is saved; the files are rewritten on the next change or publish_static
            logger.exception("could not rewrite the front server's files")


def pages_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    page_cache.new_generation()
    _changed.files = True
    transaction.on_commit(after_commit, robust=True)


def ledger_changed(sender, instance, **kwargs) -> None:
    """A ledger row changes the footprint label of its issue: stale pages only if that issue is public."""
    if instance.issue_id and Issue.objects.filter(pk=instance.issue_id, status=Issue.Status.PUBLISHED).exists():
        pages_changed(sender, **kwargs)


def connect() -> None:
    for model in SHOWN:
        post_save.connect(pages_changed, sender=model, dispatch_uid=f"pages-{model._meta.label}-save")
        post_delete.connect(pages_changed, sender=model, dispatch_uid=f"pages-{model._meta.label}-delete")
    post_save.connect(ledger_changed, sender=Generation, dispatch_uid="pages-ledger-save")
    post_delete.connect(ledger_changed, sender=Generation, dispatch_uid="pages-ledger-delete")
