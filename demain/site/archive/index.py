"""An issue's passages: one per paragraph of the editorial, of each article and of the app review.

``reindex_issue`` rewrites them when a published issue (or one of its parts) changes,
``remove_issue`` drops them when it is unpublished; ``signals`` calls both. A passage whose
title and text did not change keeps its embedding; the others are embedded later by the task
``embed_pending`` (about 55 passages a second on one core), and until then full-text search
alone finds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from django.db import transaction
from django.utils import timezone

from demain.issues.models import AppReview, Issue, paragraphs
from demain.lib.textsearch import WORD
from demain.site.archive import fulltext
from demain.site.models import Passage

EDITORIAL_ANCHOR = "edito"  # the editorial's id in site/includes/issue_body.html
EDITORIAL_TITLE = "Éditorial"
APP_REVIEW_ANCHOR = "app-sous-le-radar"
EMBED_BATCH = 32
MIN_WORDS = 3  # a lone « Sauf que. » is a signpost, not a passage


def split_issue(issue: Issue) -> list[Passage]:
    """The issue's passages, in reading order, not saved."""
    found: list[tuple[str, str, str]] = []  # (anchor, title, text)
    editorial = paragraphs(issue.editorial)
    if issue.editorial_punchline.strip():
        editorial.append(issue.editorial_punchline.strip())
    found += [(EDITORIAL_ANCHOR, EDITORIAL_TITLE, text) for text in editorial]
    for article in issue.articles.order_by("position", "id"):
        title = article.title.strip()
        for field in (article.facts, article.turn, article.analysis, article.closing):
            found += [(article.anchor, title, text) for text in paragraphs(field)]
    review = AppReview.objects.filter(issue=issue).first()
    if review:
        title = f"App sous le radar : {review.name}".strip()
        for field in (review.intro, review.good, review.bad, review.verdict):
            found += [(APP_REVIEW_ANCHOR, title, text) for text in paragraphs(field)]
    articles = {article.anchor: article for article in issue.articles.all()}
    found = [(anchor, title, text) for anchor, title, text in found if len(WORD.findall(text)) >= MIN_WORDS]
    return [Passage(issue=issue, article=articles.get(anchor), position=position, anchor=anchor,
                    title=title[:300], text=text)
            for position, (anchor, title, text) in enumerate(found, start=1)]


def reindex_issue(issue: Issue, schedule: bool = True) -> int:
    """Rewrite the passages of a published issue (or remove them if it is not); return how many.

    ``schedule``: queue the embedding task for the passages left without a vector.
    """
    issue = Issue.objects.get(pk=issue.pk)
    if issue.status != Issue.Status.PUBLISHED:
        remove_issue(issue.pk)
        return 0
    with transaction.atomic():
        kept = {(p.title, p.text): p.embedding
                for p in Passage.objects.filter(issue=issue, embedding__isnull=False).only("title", "text", "embedding")}
        now = timezone.now()
        passages = split_issue(issue)
        for passage in passages:
            passage.embedding = kept.get((passage.title, passage.text))
            passage.indexed_at = now
        Passage.objects.filter(issue=issue).delete()
        created = Passage.objects.bulk_create(passages)
        fulltext.add(created)
    if schedule and any(p.embedding is None for p in created):
        schedule_embedding()
    return len(created)


def remove_issue(issue_id: int) -> int:
    """Drop an issue's passages (unpublished, or about to be deleted)."""
    deleted, _ = Passage.objects.filter(issue_id=issue_id).delete()
    return deleted


def reindex_all(progress: Callable[[int], None] | None = None, schedule: bool = False) -> int:
    """Rebuild every passage: published issues indexed again, the others' passages removed.

    ``schedule``: queue one embedding task at the end for the passages left without a vector.
    """
    Passage.objects.exclude(issue__status=Issue.Status.PUBLISHED).delete()
    total = 0
    for issue in Issue.objects.filter(status=Issue.Status.PUBLISHED).order_by("number"):
        total += reindex_issue(issue, schedule=False)
        if progress:
            progress(1)
    fulltext.check_in_sync()
    if schedule and Passage.objects.filter(embedding__isnull=True).exists():
        schedule_embedding()
    return total


def reindex(embed: bool = True) -> int:
    """Rebuild the whole index and, unless ``embed`` is False, embed it now; return the passage count."""
    total = reindex_all(schedule=not embed)
    if embed:
        embed_pending()
    return total


def embedding_text(passage: Passage) -> str:
    return f"{passage.title}\n{passage.text}" if passage.title else passage.text


def embed_pending(limit: int | None = None, progress: Callable[[int], None] | None = None,
                  embedder=None) -> int:
    """Embed the passages that have no vector yet, by batches; return how many were embedded."""
    from demain.site.archive.vectors import passage_embedder

    model = embedder or passage_embedder()
    done = 0
    while limit is None or done < limit:
        size = EMBED_BATCH if limit is None else min(EMBED_BATCH, limit - done)
        batch = list(Passage.objects.filter(embedding__isnull=True).order_by("id").only("id", "title", "text")[:size])
        if not batch:
            break
        vectors = model.embed([embedding_text(p) for p in batch])
        save_vectors(batch, vectors)
        done += len(batch)
        if progress:
            progress(len(batch))
    return done


def save_vectors(passages: Iterable[Passage], vectors: np.ndarray) -> None:
    """Store each passage's normalised float32 vector; a passage rewritten meanwhile is left alone."""
    now = timezone.now()
    with transaction.atomic():
        for passage, vector in zip(passages, vectors):
            vector = np.asarray(vector, dtype="<f4")
            norm = float(np.linalg.norm(vector)) or 1.0
            Passage.objects.filter(pk=passage.pk, title=passage.title, text=passage.text).update(
                embedding=(vector / norm).astype("<f4").tobytes(), indexed_at=now)


def schedule_embedding() -> None:
    """Queue the embedding task once the transaction commits (once per transaction)."""
    connection = transaction.get_connection()
    if any(entry[1] is enqueue_embedding for entry in connection.run_on_commit):
        return
    transaction.on_commit(enqueue_embedding, robust=True)


def enqueue_embedding() -> None:
    """Queue the embedding task, unless one is already waiting (it will embed these passages too)."""
    from demain.site.archive.tasks import embed_passages

    if embedding_waiting(embed_passages):
        return
    embed_passages.enqueue()


def embedding_waiting(task) -> bool:
    """Whether the database task queue already holds this task, not started yet."""
    from django_tasks_db.backend import DatabaseBackend

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().filter(task_path=task.module_path).exists()
